//! Suppression comments. `# senshin-lint: ignore[rule-id, …]` silences those rules on the line it ends, or,
//! standing on a line of its own, on the next line; `# senshin-lint: ignore-file[rule-id, …]` silences them in
//! the whole file. A rule id that silences nothing (or names no rule) is itself reported, so that stale
//! suppressions do not pile up.

use crate::catalogue::{self, RuleId};
use crate::diagnostics::{Diagnostic, Edit, Fix, Message};
use crate::syntax::Comment;
use crate::text::{LineIndex, Span};

const MARKER: &str = "senshin-lint:";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Line(usize),
    File,
}

/// One suppression comment, read.
#[derive(Debug, Clone)]
pub struct Suppression {
    pub comment: Span,
    /// The comment stands on a line of its own.
    pub alone: bool,
    pub target: Target,
    /// Each id as written, with its span in the text.
    pub ids: Vec<(String, Span)>,
}

/// The suppression a comment holds: its target kind (file or line) and its ids with their offsets in the
/// comment.
fn parse(comment: &str) -> Option<(bool, Vec<(&str, usize)>)> {
    let body_at = comment.find(MARKER)?;
    if !comment[..body_at].trim_start_matches('#').trim().is_empty() {
        return None;
    }
    let rest = &comment[body_at + MARKER.len()..];
    let lead = rest.len() - rest.trim_start().len();
    let rest_at = body_at + MARKER.len() + lead;
    let rest = &comment[rest_at..];
    let (file, open) = if rest.starts_with("ignore-file[") {
        (true, "ignore-file[".len())
    } else if rest.starts_with("ignore[") {
        (false, "ignore[".len())
    } else {
        return None;
    };
    let list_at = rest_at + open;
    let list = comment[list_at..].split(']').next()?;
    let mut ids = Vec::new();
    let mut at = list_at;
    for id in list.split(',') {
        let trimmed = id.trim();
        if !trimmed.is_empty() {
            ids.push((trimmed, at + (id.len() - id.trim_start().len())));
        }
        at += id.len() + 1;
    }
    Some((file, ids))
}

/// The comment that silences `rule` on the line it ends (or, alone on a line, on the next line).
pub fn line_comment(rule: RuleId) -> String {
    format!("# {MARKER} ignore[{rule}]")
}

/// Every suppression among the comments, in order. The one reading of the grammar: the analysis applies
/// them, hover explains the ids in them, code actions extend them.
pub fn suppressions(text: &str, comments: &[Comment]) -> Vec<Suppression> {
    let mut index: Option<LineIndex> = None;
    let mut out = Vec::new();
    for c in comments {
        let Some(body) = text.get(c.span.range()) else { continue };
        let Some((file, ids)) = parse(body) else { continue };
        let index = index.get_or_insert_with(|| LineIndex::new(text));
        let line = index.line_of(c.span.start);
        let line_start = index.line_start(line).unwrap_or(0);
        let alone = text[line_start..c.span.start].trim().is_empty();
        let target = match (file, alone) {
            (true, _) => Target::File,
            (false, true) => Target::Line(line + 1),
            (false, false) => Target::Line(line),
        };
        let ids = ids
            .into_iter()
            .map(|(id, at)| (id.to_owned(), Span::new(c.span.start + at, c.span.start + at + id.len())))
            .collect();
        out.push(Suppression { comment: c.span, alone, target, ids });
    }
    out
}

/// Silences what the suppressions name; reports the ids that silenced nothing when `report_unused` (the checks
/// that could have been silenced all ran).
pub fn apply(text: &str, comments: &[Comment], diagnostics: &mut Vec<Diagnostic>, report_unused: bool) {
    let suppressions = suppressions(text, comments);
    if suppressions.is_empty() {
        return;
    }
    let index = LineIndex::new(text);
    let mut used: Vec<Vec<bool>> = suppressions.iter().map(|s| vec![false; s.ids.len()]).collect();
    diagnostics.retain(|d| {
        let line = index.line_of(d.span.start);
        let mut keep = true;
        for (s, used) in suppressions.iter().zip(used.iter_mut()) {
            let applies = match s.target {
                Target::File => true,
                Target::Line(l) => l == line,
            };
            if !applies {
                continue;
            }
            for ((id, _), u) in s.ids.iter().zip(used.iter_mut()) {
                if id == d.rule.name() {
                    *u = true;
                    keep = false;
                }
            }
        }
        keep
    });
    if !report_unused {
        return;
    }
    for (s, used) in suppressions.iter().zip(&used) {
        let unused: Vec<usize> = (0..s.ids.len()).filter(|&i| !used[i]).collect();
        if unused.is_empty() {
            continue;
        }
        let fix = removal(text, s, used);
        for i in unused {
            let (id, span) = &s.ids[i];
            let d = match (catalogue::named(id), catalogue::nearest(id)) {
                (Ok(_), _) => Diagnostic::new(
                    RuleId::UnusedSuppression,
                    *span,
                    Message::new(
                        format!("検査「{id}」の除外が書かれていますが、この位置で除外する指摘はありません。"),
                        format!("The exclusion of {id} silences nothing here."),
                    ),
                )
                .fix(fix.clone()),
                // A typo: the fix writes the rule meant, rather than deleting what the user asked for.
                (Err(unknown), Some(near)) => {
                    Diagnostic::new(RuleId::UnusedSuppression, *span, unknown).fix(Fix::replace(
                        Message::new(format!("「{near}」に直す"), format!("change it to `{near}`")),
                        *span,
                        near.name(),
                        false,
                    ))
                }
                (Err(unknown), None) => Diagnostic::new(RuleId::UnusedSuppression, *span, unknown).fix(fix.clone()),
            };
            diagnostics.push(d);
        }
    }
}

/// Removes the unused ids: the whole comment (and its line, when it stands alone) when none is used, else
/// the unused ids from its list.
fn removal(text: &str, s: &Suppression, used: &[bool]) -> Fix {
    let title = Message::new("使われていない除外を削除する", "remove the unused exclusion");
    if used.iter().all(|u| !u) {
        let span = if s.alone {
            let start = text[..s.comment.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let after = &text[s.comment.end..];
            let brk = if after.starts_with("\r\n") { 2 } else { usize::from(after.starts_with(['\n', '\r'])) };
            Span::new(start, s.comment.end + brk)
        } else {
            let before = text[..s.comment.start].trim_end_matches([' ', '\t']).len();
            Span::new(before, s.comment.end)
        };
        return Fix::replace(title, span, "", true);
    }
    let first = s.ids.first().map_or(s.comment.start, |(_, sp)| sp.start);
    let last = s.ids.last().map_or(s.comment.end, |(_, sp)| sp.end);
    let kept: Vec<&str> = s.ids.iter().zip(used).filter(|(_, u)| **u).map(|((id, _), _)| id.as_str()).collect();
    Fix { title, edits: vec![Edit { span: Span::new(first, last), replacement: kept.join(", ") }], safe: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_line_and_file_forms() {
        let (file, ids) = parse("# senshin-lint: ignore[column-sum, schema]").unwrap();
        assert!(!file);
        assert_eq!(ids, [("column-sum", 23), ("schema", 35)]);
        let (file, ids) = parse("#senshin-lint: ignore-file[prior-cases]").unwrap();
        assert!(file);
        assert_eq!(ids.len(), 1);
        assert_eq!(parse("# ordinary"), None);
        assert_eq!(parse("# see senshin-lint: ignore[x]"), None);
    }
}
