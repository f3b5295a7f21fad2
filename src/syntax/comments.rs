//! Comments, which the YAML parser drops: a `#` at the start of a line or after white space, outside every
//! scalar, runs to the end of its line.

use crate::text::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// From the `#` to the end of the line, line break excluded.
    pub span: Span,
}

/// `scalars` are the spans of every scalar, in source order.
pub fn find(text: &str, scalars: &[Span]) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut next_scalar = 0;
    let mut i = 0;
    while i < bytes.len() {
        while next_scalar < scalars.len() && scalars[next_scalar].end <= i {
            next_scalar += 1;
        }
        if let Some(s) = scalars.get(next_scalar)
            && s.start <= i
        {
            i = s.end.max(i + 1);
            continue;
        }
        if bytes[i] == b'#' && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r')) {
            let end = text[i..].find(['\n', '\r']).map_or(text.len(), |n| i + n);
            out.push(Comment { span: Span::new(i, end) });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}
