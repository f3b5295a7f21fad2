//! What the fix engine holds every round to: YAML reads everything the edits do not touch as it did before,
//! and a value that an edit replaces whole is still one value. A fix that passes its own rule can still
//! change what YAML reads around it: `１，２７１` made `1,271` inside a flow mapping `{…}` becomes the value `1`
//! and a key `271`.

use crate::diagnostics::Edit;
use crate::syntax::{NodeKind, Tree};
use crate::text::Span;

/// The edits' spans in the text before and after they are applied, in order.
pub fn regions(edits: &[Edit]) -> Vec<(Span, Span)> {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut shift: isize = 0;
    edits
        .into_iter()
        .map(|e| {
            let start = e.span.start.saturating_add_signed(shift);
            shift += e.replacement.len() as isize - e.span.len() as isize;
            (e.span, Span::new(start, start + e.replacement.len()))
        })
        .collect()
}

/// Where `at` in the text before the edits is after them: moved by the lengths they changed before it.
fn moved(regions: &[(Span, Span)], at: usize) -> usize {
    let done = regions.iter().take_while(|(o, _)| o.end <= at);
    done.fold(at as isize, |p, (o, n)| p + n.len() as isize - o.len() as isize) as usize
}

/// Where a span of the text before the edits is after them: moved, or where it meets edits, widened to what
/// they wrote.
pub fn moved_span(regions: &[(Span, Span)], span: Span) -> Span {
    let mut out = Span::new(moved(regions, span.start), moved(regions, span.end));
    for (_, n) in regions.iter().filter(|(o, _)| meets(span, *o) || meets(*o, span) || *o == span) {
        out = out.cover(*n);
    }
    out
}

/// Whether a node's span meets a region: overlaps it, or for an empty region, has it strictly inside. An empty
/// node (the value of `A:`) meets a region that holds its place, at either end: an edit there fills it.
fn meets(node: Span, region: Span) -> bool {
    if node.is_empty() && region.start <= node.start && node.start <= region.end {
        return true;
    }
    if region.is_empty() {
        node.start < region.start && region.start < node.end
    } else {
        node.start < region.end && region.start < node.end
    }
}

/// Whether a span meets any of `regions` (in order, not overlapping): only the first region that ends after
/// the span starts can tell, so a draft's nodes are checked against a thousand edits in logarithmic time.
fn meets_any(regions: &[Span], span: Span) -> bool {
    // A region ending where the span starts meets it only when both are that one empty place.
    let i = regions.partition_point(|r| r.end < span.start);
    regions[i..].iter().take_while(|r| r.start <= span.end).any(|&r| meets(span, r))
}

/// What YAML read, for comparison: each node's kind and its value (scalars), and where it starts once
/// moved by the edits before it; nodes that meet an edit are left out.
fn readings<'t>(
    tree: &'t Tree,
    regions: &[Span],
    moved: impl Fn(usize) -> usize,
) -> Vec<(usize, NodeKind, Option<&'t str>)> {
    // An empty value stands where it is read, whatever its span holds (a flow mapping's `, ` after a key).
    let place = |id| match tree.scalar(id) {
        Some("") => Span::empty(tree.span(id).start),
        _ => tree.span(id),
    };
    let mut out: Vec<_> = (0..tree.nodes.len())
        .filter(|&id| !meets_any(regions, place(id)))
        .map(|id| (moved(tree.span(id).start), tree.node(id).kind, tree.scalar(id)))
        .collect();
    out.sort_unstable();
    out
}

/// The spans of a tree's scalars, in order (scalars do not overlap, so they are in order of their ends too).
fn scalars(tree: &Tree) -> Vec<Span> {
    let mut out: Vec<Span> = (0..tree.nodes.len())
        .filter(|&id| matches!(tree.node(id).kind, NodeKind::Scalar(_)))
        .map(|id| tree.span(id))
        .collect();
    out.sort_unstable();
    out
}

/// How many of `scalars` meet `region`.
fn scalars_in(scalars: &[Span], region: Span) -> usize {
    let from = scalars.partition_point(|s| s.end <= region.start);
    scalars[from..].iter().take_while(|s| s.start <= region.end).filter(|&&s| meets(s, region)).count()
}

/// Whether `after` (the text with `edits` applied) reads as `before` outside the edits, and each value an
/// edit replaced whole is one value still.
pub fn holds(before: &Tree, after: &Tree, edits: &[Edit]) -> bool {
    let regions = regions(edits);
    let old: Vec<Span> = regions.iter().map(|r| r.0).collect();
    let new: Vec<Span> = regions.iter().map(|r| r.1).collect();
    if readings(before, &old, |at| moved(&regions, at)) != readings(after, &new, |at| at) {
        return false;
    }
    let (was, is) = (scalars(before), scalars(after));
    // An empty value (`A:`) that an edit fills may become a list or a mapping; a value written out stays one.
    regions
        .iter()
        .filter(|(o, _)| !o.is_empty() && was.binary_search(o).is_ok())
        .all(|&(o, n)| scalars_in(&was, o) == scalars_in(&is, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, from: &str, to: &str) -> bool {
        let at = text.find(from).unwrap();
        let edit = Edit { span: Span::new(at, at + from.len()), replacement: to.to_owned() };
        let fixed = format!("{}{to}{}", &text[..at], &text[at + from.len()..]);
        holds(&crate::syntax::parse(text).0, &crate::syntax::parse(&fixed).0, &[edit])
    }

    #[test]
    fn a_value_rewritten_as_one_value_holds() {
        assert!(check("a: {b: １，２７１, c: 2}\n", "１，２７１", "\"1,271\""));
        assert!(check("a:\n  b: １，２７１\n  c: 2\n", "１，２７１", "1,271"));
        assert!(check("a: {b: 1, c: 2}\n", "b", "bb"));
    }

    #[test]
    fn an_empty_value_filled_with_a_list_holds() {
        // The edit rewrites the key with its colon, wherever the empty value stands (before the colon, or at the
        // end of the text after it).
        for (text, fixed) in [("a: 1\nB:\nc: 2\n", "a: 1\nB:\n  - x: 1\nc: 2\n"), ("a: 1\nB:", "a: 1\nB:\n  - x: 1")] {
            let at = text.find("B:").unwrap();
            let edit = Edit { span: Span::new(at, at + 2), replacement: "B:\n  - x: 1".to_owned() };
            assert!(holds(&crate::syntax::parse(text).0, &crate::syntax::parse(fixed).0, &[edit]), "{text:?}");
        }
    }

    #[test]
    fn quoting_a_number_that_a_flow_mapping_split_holds() {
        assert!(check("a: {b: 1,271, c: 2}\n", "1,271", "\"1,271\""));
    }

    #[test]
    fn a_value_split_in_two_does_not() {
        assert!(!check("a: {b: １，２７１, c: 2}\n", "１，２７１", "1,271"));
    }

    #[test]
    fn an_edit_that_changes_what_follows_does_not() {
        // An unclosed quote swallows the rest of the line.
        assert!(!check("a: [x, y, z]\n", "x", "'x, y"));
        assert!(!check("a: 1\nb: 2\n", "1", "1\nc: 3"));
    }
}
