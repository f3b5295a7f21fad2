//! Byte offsets to lines and columns, in the three units clients ask for. Lines end at `\n`, `\r\n` or a
//! lone `\r`, as in YAML; a column never counts the line break.

/// A position as line and columns, all zero-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    /// Column in bytes of UTF-8.
    pub utf8: usize,
    /// Column in UTF-16 code units (what LSP clients use by default).
    pub utf16: usize,
    /// Column in Unicode scalar values (characters).
    pub chars: usize,
}

/// Within a line longer than this, in bytes, a column is counted on from a mark at most this far back
/// rather than from the line's start: on a 500 KB line with 2,000 findings, counting from the start would be
/// a gigabyte of counting for every output and every publish of the server.
const MARK_EVERY: usize = 4096;

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first is always 0.
    starts: Vec<usize>,
    /// Marks inside long lines, in order: a byte offset and its columns.
    marks: Vec<(usize, LineCol)>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        let mut marks = Vec::new();
        for (line, &start) in starts.iter().enumerate() {
            let end = starts.get(line + 1).copied().unwrap_or(text.len());
            if end - start <= MARK_EVERY {
                continue;
            }
            let (mut utf16, mut chars, mut last) = (0, 0, start);
            for (i, c) in text[start..end].char_indices() {
                if start + i - last >= MARK_EVERY {
                    marks.push((start + i, LineCol { line, utf8: i, utf16, chars }));
                    last = start + i;
                }
                utf16 += c.len_utf16();
                chars += 1;
            }
        }
        LineIndex { starts, marks }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where `line` (zero-based) starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The zero-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// Converts a byte offset; an offset inside a character or past the end is clamped to a boundary.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = text.floor_char_boundary(offset);
        let line = self.line_of(offset);
        let start = self.starts[line];
        let i = self.marks.partition_point(|&(at, _)| at <= offset);
        let (from, base) = match i.checked_sub(1).map(|i| self.marks[i]) {
            Some((at, lc)) if at >= start => (at, lc),
            _ => (start, LineCol { line, utf8: 0, utf16: 0, chars: 0 }),
        };
        let counted = &text[from..offset];
        LineCol {
            line,
            utf8: offset - start,
            utf16: base.utf16 + counted.chars().map(char::len_utf16).sum::<usize>(),
            chars: base.chars + counted.chars().count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_every_unit_on_japanese_and_surrogate_pairs() {
        let text = "a: 陽子線\nb: 𠮷x\n";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let lc = idx.line_col(text, x);
        assert_eq!((lc.line, lc.utf8, lc.utf16, lc.chars), (1, 7, 5, 4));
        let y = text.find('陽').unwrap() + 3;
        let lc = idx.line_col(text, y);
        assert_eq!((lc.line, lc.utf8, lc.utf16, lc.chars), (0, 6, 4, 4));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "a\r\nb\rc\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(text, text.find('b').unwrap()).line, 1);
        assert_eq!(idx.line_col(text, text.find('c').unwrap()).line, 2);
        // The '\r' of a CRLF stays on its line.
        assert_eq!(idx.line_col(text, 1).line, 0);
    }

    #[test]
    fn long_lines_count_from_their_marks_as_from_their_start() {
        let long: String = (0..3000).map(|i| if i % 3 == 0 { "𠮷陽x" } else { "ab" }).collect();
        let text = format!("a: 1\r\n{long}\rb: {long}\n");
        let idx = LineIndex::new(&text);
        assert!(idx.marks.len() >= 4);
        for o in (0..text.len() + 3).step_by(97) {
            let o = text.floor_char_boundary(o);
            let line = idx.line_of(o);
            let prefix = &text[idx.starts[line]..o];
            let lc = idx.line_col(&text, o);
            assert_eq!((lc.line, lc.utf8), (line, prefix.len()), "at {o}");
            assert_eq!((lc.utf16, lc.chars), (prefix.encode_utf16().count(), prefix.chars().count()), "at {o}");
        }
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "陽";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 1).utf8, 0);
        assert_eq!(idx.line_col(text, 99).chars, 1);
    }
}
