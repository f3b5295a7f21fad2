//! Diagnostics as a stage finds them, within a bound: the first `MAX_DIAGNOSTICS` in the order of the text,
//! and a count of the rest. A file of a million repeated keys costs a thousand diagnostics' memory, not a
//! million.

use super::Diagnostic;

/// Most diagnostics kept for one draft; the rest are counted in one `diagnostic-limit` warning. Every front
/// end shows the same list, and a keystroke in the editor stays fast on any input.
pub const MAX_DIAGNOSTICS: usize = 1_000;

/// The order diagnostics are shown in: by position, then rule.
pub fn by_position(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    (a.span.start, a.span.end, a.rule.name()).cmp(&(b.span.start, b.span.end, b.rule.name()))
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Found {
    list: Vec<Diagnostic>,
    /// How many were found beyond those kept.
    more: usize,
}

impl Found {
    pub fn push(&mut self, d: Diagnostic) {
        self.list.push(d);
        // Kept in arrival order up to twice the bound; then the first by position, so that a long run costs
        // a sort every thousand diagnostics.
        if self.list.len() >= 2 * MAX_DIAGNOSTICS {
            self.list.sort_by(by_position);
            self.more += self.list.len() - MAX_DIAGNOSTICS;
            self.list.truncate(MAX_DIAGNOSTICS);
        }
    }

    /// Takes in what another part of the same stage found.
    pub fn append(&mut self, other: Found) {
        self.more += other.more;
        for d in other.list {
            self.push(d);
        }
    }

    /// The diagnostics kept, and how many more were found. When some were left out, those kept are the first
    /// by position, however the work was split.
    pub fn into_parts(mut self) -> (Vec<Diagnostic>, usize) {
        if self.more > 0 || self.list.len() > MAX_DIAGNOSTICS {
            self.list.sort_by(by_position);
            self.more += self.list.len().saturating_sub(MAX_DIAGNOSTICS);
            self.list.truncate(MAX_DIAGNOSTICS);
        }
        (self.list, self.more)
    }
}

impl std::ops::Deref for Found {
    type Target = [Diagnostic];

    fn deref(&self) -> &[Diagnostic] {
        &self.list
    }
}

impl IntoIterator for Found {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Message, RuleId};
    use crate::text::Span;

    fn at(n: usize) -> Diagnostic {
        Diagnostic::new(RuleId::Schema, Span::empty(n), Message::new("", ""))
    }

    #[test]
    fn keeps_the_first_by_position_and_counts_the_rest() {
        let mut one = Found::default();
        let (mut a, mut b) = (Found::default(), Found::default());
        for n in (0..5_000).rev() {
            one.push(at(n));
            if n % 2 == 0 { a.push(at(n)) } else { b.push(at(n)) }
        }
        a.append(b);
        let (list, more) = one.into_parts();
        assert_eq!((list.len(), more), (MAX_DIAGNOSTICS, 4_000));
        assert_eq!(list.iter().map(|d| d.span.start).collect::<Vec<_>>(), (0..MAX_DIAGNOSTICS).collect::<Vec<_>>());
        assert_eq!(a.into_parts(), (list, more), "however the work was split");
    }
}
