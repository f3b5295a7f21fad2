//! What codespan-reporting is shown of a draft for one diagnostic: only the lines it would print, a long line
//! cut to windows around the positions on it, and control characters spelled out. codespan prints every
//! source line whole, so one 500 KB line with 2,000 findings would otherwise print a gigabyte, and an escape
//! sequence in a draft would reach the terminal. Line numbers and the `path:line:column` header stay those
//! of the real text: the snippet answers codespan's questions about lines and columns from it.

use super::escape::push_visible;
use crate::text::{LineIndex, Span};
use codespan_reporting::files::{Error, Files};
use std::ops::Range;

/// A line longer than this, in characters, is shown in windows.
pub const LONG_LINE: usize = 200;
/// Characters shown on each side of a position on a long line.
const CONTEXT: usize = 60;
/// Lines codespan shows after the start and before the end of a label that spans lines (its defaults).
const START_CONTEXT: usize = 3;
const END_CONTEXT: usize = 1;

pub struct Snippet {
    name: String,
    source: String,
    /// Where each of the snippet's lines starts in `source`.
    starts: Vec<usize>,
    /// The real line number of each of the snippet's lines (1-based).
    numbers: Vec<usize>,
    /// For each position placed in the snippet: its offset there and its real column (1-based).
    columns: Vec<(usize, usize)>,
}

/// The end of a line's content, before its line break.
fn content_end(text: &str, index: &LineIndex, line: usize) -> usize {
    let end = index.line_start(line + 1).unwrap_or(text.len());
    let content = &text[index.line_start(line).unwrap_or(0)..end];
    end - (content.len() - content.trim_end_matches('\n').trim_end_matches('\r').len())
}

/// `offset` moved `n` characters back or forth, within `bounds`.
fn step(text: &str, offset: usize, n: usize, forward: bool, bounds: (usize, usize)) -> usize {
    if forward {
        text[offset..bounds.1].char_indices().nth(n).map_or(bounds.1, |(i, _)| offset + i)
    } else {
        text[bounds.0..offset].char_indices().rev().nth(n.saturating_sub(1)).map_or(bounds.0, |(i, _)| bounds.0 + i)
    }
}

impl Snippet {
    /// The snippet for `spans` (the primary span first) in `text`, and the spans mapped into it.
    pub fn new(name: &str, text: &str, index: &LineIndex, spans: &[Span]) -> (Snippet, Vec<Range<usize>>) {
        let clamp = |o: usize| text.floor_char_boundary(o);
        let spans: Vec<(usize, usize)> = spans.iter().map(|s| (clamp(s.start), clamp(s.end.max(s.start)))).collect();
        let mut lines = Vec::new();
        for &(a, b) in &spans {
            let (la, lb) = (index.line_of(a), index.line_of(b));
            lines.extend(la..=lb.min(la + START_CONTEXT));
            lines.extend(lb.saturating_sub(END_CONTEXT).max(la)..=lb);
        }
        lines.sort_unstable();
        lines.dedup();
        // codespan prints a single line between two shown lines rather than a break: show it too.
        let gaps: Vec<usize> = lines.windows(2).filter(|w| w[1] - w[0] == 2).map(|w| w[0] + 1).collect();
        lines.extend(gaps);
        lines.sort_unstable();
        let mut points: Vec<usize> = spans.iter().flat_map(|&(a, b)| [a, b]).collect();
        points.sort_unstable();
        points.dedup();

        let mut snippet =
            Snippet { name: name.to_owned(), source: String::new(), starts: vec![], numbers: vec![], columns: vec![] };
        let mut placed: Vec<(usize, usize)> = Vec::new();
        let mut previous: Option<usize> = None;
        for &line in &lines {
            if previous.is_some_and(|p| line > p + 1) {
                // Two empty lines stand for the lines left out, so that codespan draws a break there.
                for n in [line - 1, line - 1] {
                    snippet.starts.push(snippet.source.len());
                    snippet.numbers.push(n + 1);
                    snippet.source.push('\n');
                }
            }
            previous = Some(line);
            let start = index.line_start(line).unwrap_or(0);
            let end = content_end(text, index, line);
            // A position on the line break is shown at the end of the line's content.
            let mut on_line: Vec<(usize, usize)> =
                points.iter().copied().filter(|&p| index.line_of(p) == line).map(|p| (p.min(end), p)).collect();
            on_line.sort_unstable();
            let short = end - start <= LONG_LINE || text[start..end].chars().nth(LONG_LINE).is_none();
            let windows: Vec<(usize, usize)> = if short {
                vec![(start, end)]
            } else if on_line.is_empty() {
                vec![(start, step(text, start, 2 * CONTEXT, true, (start, end)))]
            } else {
                let mut windows: Vec<(usize, usize)> = Vec::new();
                for &(p, _) in &on_line {
                    let w = (step(text, p, CONTEXT, false, (start, end)), step(text, p, CONTEXT, true, (start, end)));
                    match windows.last_mut() {
                        Some(last) if w.0 <= last.1 => last.1 = last.1.max(w.1),
                        _ => windows.push(w),
                    }
                }
                windows
            };
            snippet.starts.push(snippet.source.len());
            snippet.numbers.push(line + 1);
            let mut pending = on_line.iter().copied().peekable();
            for (i, &(a, b)) in windows.iter().enumerate() {
                if i > 0 {
                    snippet.source.push_str(" … ");
                } else if a > start {
                    snippet.source.push('…');
                }
                for (j, c) in text[a..b].char_indices() {
                    while let Some((_, real)) = pending.next_if(|&(p, _)| p <= a + j) {
                        placed.push((real, snippet.source.len()));
                    }
                    if c == '\t' {
                        snippet.source.push(c);
                    } else {
                        push_visible(&mut snippet.source, c);
                    }
                }
                while let Some((_, real)) = pending.next_if(|&(p, _)| p <= b) {
                    placed.push((real, snippet.source.len()));
                }
            }
            if windows.last().is_some_and(|w| w.1 < end) {
                snippet.source.push('…');
            }
            snippet.source.push('\n');
        }
        let map = |o: usize| placed.iter().find(|(real, _)| *real == o).map_or(0, |(_, at)| *at);
        snippet.columns = placed.iter().map(|&(real, at)| (at, index.line_col(text, real).chars + 1)).collect();
        let ranges = spans.iter().map(|&(a, b)| map(a)..map(b)).collect();
        (snippet, ranges)
    }
}

/// The snippets of one diagnostic: the draft's first, then last year's when a label points there. codespan
/// names a file by its index here.
pub struct Snippets(pub Vec<Snippet>);

impl Snippets {
    fn get(&self, id: usize) -> Result<&Snippet, Error> {
        self.0.get(id).ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for Snippets {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.source)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        Ok(self.get(id)?.starts.partition_point(|&s| s <= byte_index).saturating_sub(1))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        let s = self.get(id)?;
        s.numbers.get(line_index).copied().ok_or(Error::LineTooLarge { given: line_index, max: s.numbers.len() })
    }

    fn column_number(&'a self, id: usize, line_index: usize, byte_index: usize) -> Result<usize, Error> {
        let s = self.get(id)?;
        match s.columns.iter().find(|(at, _)| *at == byte_index) {
            Some(&(_, column)) => Ok(column),
            None => {
                let start = self.line_range(id, line_index)?.start;
                Ok(s.source[start..byte_index.max(start)].chars().count() + 1)
            }
        }
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let s = self.get(id)?;
        let start = *s
            .starts
            .get(line_index)
            .ok_or(Error::LineTooLarge { given: line_index, max: s.starts.len().saturating_sub(1) })?;
        Ok(start..s.starts.get(line_index + 1).copied().unwrap_or(s.source.len()))
    }
}
