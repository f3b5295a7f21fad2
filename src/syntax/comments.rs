//! Comments, which the YAML parser drops: a `#` at the start of a line or after white space, outside every
//! scalar, runs to the end of its line.

use crate::text::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// From the `#` to the end of the line, line break excluded.
    pub span: Span,
}

/// The `#` of the text, and which of them stand inside a scalar. Scalars arrive in source order, so one pass
/// over both suffices; a draft has few `#`, so this costs next to nothing per scalar.
pub struct Hashes {
    at: Vec<usize>,
    quoted: Vec<bool>,
    next: usize,
}

impl Hashes {
    pub fn new(text: &str) -> Self {
        let at: Vec<usize> = text.match_indices('#').map(|(i, _)| i).collect();
        Hashes { quoted: vec![false; at.len()], at, next: 0 }
    }

    /// Records a scalar's span (scalars must come in source order).
    pub fn scalar(&mut self, span: Span) {
        while self.next < self.at.len() && self.at[self.next] < span.start {
            self.next += 1;
        }
        let mut i = self.next;
        while i < self.at.len() && self.at[i] < span.end {
            self.quoted[i] = true;
            i += 1;
        }
    }

    /// The comments: a `#` outside scalars, at a line's start or after white space, to the end of its line.
    pub fn comments(&self, text: &str) -> Vec<Comment> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut after = 0;
        for (&i, &quoted) in self.at.iter().zip(&self.quoted) {
            if quoted || i < after || !(i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r')) {
                continue;
            }
            let end = text[i..].find(['\n', '\r']).map_or(text.len(), |n| i + n);
            out.push(Comment { span: Span::new(i, end) });
            after = end;
        }
        out
    }
}
