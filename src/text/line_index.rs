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

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first is always 0.
    starts: Vec<usize>,
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
        LineIndex { starts }
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
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let prefix = &text[self.starts[line]..offset];
        LineCol {
            line,
            utf8: prefix.len(),
            utf16: prefix.chars().map(char::len_utf16).sum(),
            chars: prefix.chars().count(),
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
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "陽";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 1).utf8, 0);
        assert_eq!(idx.line_col(text, 99).chars, 1);
    }
}
