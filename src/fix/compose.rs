//! The edits of every round, as one set of edits on the original text: what `--fix` splices into the file's
//! own bytes, so that nothing outside an edit changes, whatever the encoding.

use crate::diagnostics::Edit;
use crate::text::Span;

/// A piece of the current text: a stretch of the original, or text that fixes wrote.
#[derive(Debug, Clone)]
enum Piece {
    Original(usize, usize),
    Written(String),
}

impl Piece {
    fn len(&self) -> usize {
        match self {
            Piece::Original(a, b) => b - a,
            Piece::Written(s) => s.len(),
        }
    }

    /// The part from `from` to `to` (offsets within the piece, on character boundaries).
    fn part(&self, from: usize, to: usize) -> Piece {
        match self {
            Piece::Original(a, _) => Piece::Original(a + from, a + to),
            Piece::Written(s) => Piece::Written(s[from..to].to_owned()),
        }
    }
}

/// The current text as pieces of the original and of what was written.
#[derive(Debug, Clone)]
pub struct Composed {
    pieces: Vec<Piece>,
    original_len: usize,
}

impl Composed {
    pub fn new(original_len: usize) -> Composed {
        Composed { pieces: vec![Piece::Original(0, original_len)], original_len }
    }

    /// Applies one round's edits, in the current text's offsets (they do not overlap).
    pub fn apply(&mut self, edits: &[Edit]) {
        let mut edits: Vec<&Edit> = edits.iter().collect();
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        let mut out = Vec::with_capacity(self.pieces.len() + 2 * edits.len());
        let mut pieces = std::mem::take(&mut self.pieces).into_iter();
        // The piece being read, and where it starts in the current text.
        let (mut piece, mut at) = (pieces.next(), 0);
        let mut cursor = 0;
        for e in edits {
            copy(&mut pieces, &mut piece, &mut at, cursor, e.span.start, Some(&mut out));
            copy(&mut pieces, &mut piece, &mut at, e.span.start, e.span.end, None);
            if !e.replacement.is_empty() {
                out.push(Piece::Written(e.replacement.clone()));
            }
            cursor = e.span.end;
        }
        copy(&mut pieces, &mut piece, &mut at, cursor, usize::MAX, Some(&mut out));
        self.pieces = out;
    }

    /// The whole change as edits on the original text, in order.
    pub fn edits(&self) -> Vec<Edit> {
        let mut edits = Vec::new();
        let mut original_at = 0;
        let mut written = String::new();
        let mut pending = false;
        for p in &self.pieces {
            match p {
                Piece::Written(s) => {
                    written.push_str(s);
                    pending = true;
                }
                Piece::Original(a, b) => {
                    if pending || *a != original_at {
                        edits
                            .push(Edit { span: Span::new(original_at, *a), replacement: std::mem::take(&mut written) });
                        pending = false;
                    }
                    original_at = *b;
                }
            }
        }
        if pending || original_at != self.original_len {
            edits.push(Edit { span: Span::new(original_at, self.original_len), replacement: written });
        }
        edits
    }
}

/// Moves through the pieces from `from` to `to` in the current text, copying what lies between into `out`
/// (or dropping it when `out` is `None`).
fn copy(
    pieces: &mut impl Iterator<Item = Piece>,
    piece: &mut Option<Piece>,
    at: &mut usize,
    from: usize,
    to: usize,
    mut out: Option<&mut Vec<Piece>>,
) {
    while let Some(p) = piece.as_ref() {
        let (start, end) = (*at, *at + p.len());
        let lo = from.max(start) - start;
        let hi = to.min(end) - start;
        if lo < hi
            && let Some(out) = out.as_deref_mut()
        {
            out.push(p.part(lo, hi));
        }
        if to < end {
            // The rest of this piece lies beyond `to`: keep it as the current piece.
            *piece = Some(p.part(to - start, p.len()));
            *at = to;
            return;
        }
        *piece = pieces.next();
        *at = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply_edits;
    use proptest::prelude::*;

    fn edit(start: usize, end: usize, with: &str) -> Edit {
        Edit { span: Span::new(start, end), replacement: with.to_owned() }
    }

    proptest! {
        /// Applying the composed edits to the original gives what the rounds gave.
        #[test]
        fn composed_edits_give_the_same_text(
            original in "[a-c]{0,12}",
            rounds in prop::collection::vec(prop::collection::vec((0usize..16, 0usize..4, "[x-z]{0,3}"), 0..4), 0..4),
        ) {
            let mut text = original.clone();
            let mut composed = Composed::new(original.len());
            for round in rounds {
                // Non-overlapping edits within the current text.
                let mut edits = Vec::new();
                let mut from = 0;
                for (gap, len, with) in round {
                    let start = from + gap;
                    let end = start + len;
                    if end > text.len() {
                        break;
                    }
                    edits.push(edit(start, end, &with));
                    from = end + 1;
                }
                text = apply_edits(&text, &edits);
                composed.apply(&edits);
            }
            prop_assert_eq!(apply_edits(&original, &composed.edits()), text);
        }
    }

    #[test]
    fn untouched_text_gives_no_edits() {
        let mut c = Composed::new(10);
        c.apply(&[]);
        assert!(c.edits().is_empty());
        c.apply(&[edit(2, 4, "xy"), edit(6, 6, "")]);
        assert_eq!(c.edits(), vec![edit(2, 4, "xy")]);
    }
}
