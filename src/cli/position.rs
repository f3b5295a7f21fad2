//! Lines and columns for the renderers: `LineIndex`, remembering the columns already counted on long lines.
//! A column is counted from the start of its line; on a 500 KB line with 2,000 findings that is the whole
//! line again for every position, a gigabyte of counting for two megabytes of output. From the nearest
//! position already counted on the same line, the cost follows the output instead.

use crate::text::{LineCol, LineIndex};
use std::collections::BTreeMap;

/// Counting a column further than this from its line's start leaves a mark to count on from.
const MARK_AFTER: usize = 4096;

pub struct Positions<'t> {
    text: &'t str,
    index: LineIndex,
    /// Positions counted far into their lines, by byte offset.
    marks: BTreeMap<usize, LineCol>,
}

impl<'t> Positions<'t> {
    pub fn new(text: &'t str) -> Self {
        Positions { text, index: LineIndex::new(text), marks: BTreeMap::new() }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// What `LineIndex::line_col` gives, clamping alike.
    pub fn line_col(&mut self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.index.line_of(offset);
        let start = self.index.line_start(line).unwrap_or(0);
        let (from, base) = match self.marks.range(start..=offset).next_back() {
            Some((&at, &lc)) => (at, lc),
            None => (start, LineCol { line, utf8: 0, utf16: 0, chars: 0 }),
        };
        let counted = &self.text[from..offset];
        let lc = LineCol {
            line,
            utf8: offset - start,
            utf16: base.utf16 + counted.chars().map(char::len_utf16).sum::<usize>(),
            chars: base.chars + counted.chars().count(),
        };
        if counted.len() > MARK_AFTER {
            self.marks.insert(offset, lc);
        }
        lc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_as_the_line_index_in_any_order() {
        let long: String = (0..3000).map(|i| if i % 3 == 0 { "𠮷陽x" } else { "ab" }).collect();
        let text = format!("a: 1\r\n{long}\rb: {long}\n");
        let index = LineIndex::new(&text);
        let mut positions = Positions::new(&text);
        let offsets: Vec<usize> = (0..text.len() + 3).step_by(997).chain((0..text.len()).rev().step_by(1013)).collect();
        for o in offsets {
            assert_eq!(positions.line_col(o), index.line_col(&text, o), "at {o}");
        }
    }
}
