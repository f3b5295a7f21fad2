//! Which of many spans holds an offset: the cell a finding sits on, in the rendered page and in the workbook.
//! Spans may nest (a row around its cells); the innermost one holding the offset is the answer. Built once,
//! each question costs a binary search and a short walk back, not a scan of every span: a 10,000-row page has
//! a hundred thousand cells.

use super::Span;

pub struct SpanIndex<T> {
    /// By start; of spans that start together, the shortest last.
    spans: Vec<(Span, T)>,
    /// For each position, the furthest end of the spans up to it: where walking back can stop.
    reach: Vec<usize>,
}

/// The end an offset must lie before: an empty span holds the offset it stands at.
fn end(s: Span) -> usize {
    s.end.max(s.start + 1)
}

impl<T: Copy> SpanIndex<T> {
    pub fn new(mut spans: Vec<(Span, T)>) -> Self {
        spans.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let reach = spans
            .iter()
            .scan(0, |far, (s, _)| {
                *far = end(*s).max(*far);
                Some(*far)
            })
            .collect();
        SpanIndex { spans, reach }
    }

    /// The innermost span holding `offset`, if any.
    pub fn at(&self, offset: usize) -> Option<T> {
        let last = self.spans.partition_point(|(s, _)| s.start <= offset);
        (0..last)
            .rev()
            .take_while(|&i| self.reach[i] > offset)
            .map(|i| self.spans[i])
            .find(|(s, _)| offset < end(*s))
            .map(|(_, t)| t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_innermost_span_holding_an_offset() {
        let index = SpanIndex::new(vec![
            (Span::new(0, 100), "row"),
            (Span::new(10, 20), "a"),
            (Span::new(30, 40), "b"),
            (Span::new(30, 35), "b-inner"),
            (Span::new(50, 50), "empty"),
        ]);
        assert_eq!(index.at(15), Some("a"));
        assert_eq!(index.at(25), Some("row"));
        assert_eq!(index.at(32), Some("b-inner"));
        assert_eq!(index.at(37), Some("b"));
        assert_eq!(index.at(50), Some("empty"));
        assert_eq!(index.at(100), None);
        assert_eq!(SpanIndex::<u8>::new(Vec::new()).at(3), None);
    }
}
