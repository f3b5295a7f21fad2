//! Code actions: each diagnostic's fix, and "ignore this rule on this line" (a suppression comment, written
//! and read with the grammar of `suppress`), as minimal text edits that keep comments and layout.

use crate::diagnostics::{Diagnostic, Edit, Lang};
use crate::suppress::{self, Suppression, Target};
use crate::syntax::Comment;
use crate::text::{LineIndex, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub edits: Vec<Edit>,
    /// Safe to apply without looking (an editor may apply it on save).
    pub preferred: bool,
    /// Index of the diagnostic it resolves.
    pub diagnostic: usize,
}

/// Actions for the diagnostics whose span meets `range`; `comments` are the draft's (`Tree::comments`).
pub fn code_actions(
    text: &str,
    comments: &[Comment],
    diagnostics: &[Diagnostic],
    range: Span,
    lang: Lang,
) -> Vec<Action> {
    let mut out = Vec::new();
    let meeting = |d: &&Diagnostic| d.span.start <= range.end && range.start <= d.span.end;
    if !diagnostics.iter().any(|d| meeting(&d)) {
        return out;
    }
    let lines =
        Lines { text, index: LineIndex::new(text), comments, suppressions: suppress::suppressions(text, comments) };
    for (i, d) in diagnostics.iter().enumerate() {
        if !meeting(&d) {
            continue;
        }
        if let Some(fix) = &d.fix {
            out.push(Action {
                title: fix.title.get(lang).to_owned(),
                edits: fix.edits.clone(),
                preferred: fix.safe,
                diagnostic: i,
            });
        }
        let title = match lang {
            Lang::Ja => format!("この行を検査「{}」から除外する", d.rule),
            Lang::En => format!("Ignore {} on this line", d.rule),
        };
        out.push(Action { title, edits: vec![lines.ignore_edit(d)], preferred: false, diagnostic: i });
    }
    out
}

/// What an "ignore" needs to know of the draft's lines.
struct Lines<'a> {
    text: &'a str,
    index: LineIndex,
    comments: &'a [Comment],
    suppressions: Vec<Suppression>,
}

impl Lines<'_> {
    /// The rule added to the suppression that already covers the diagnostic's line; else
    /// ` # senshin-lint: ignore[rule]` at the end of that line, or, when the line already has a comment (a
    /// second `#` would only extend it), a comment line above it with the same indentation.
    fn ignore_edit(&self, d: &Diagnostic) -> Edit {
        let text = self.text;
        let at = d.span.start.min(text.len());
        let line = self.index.line_of(at);
        let covering = self.suppressions.iter().find(|s| s.target == Target::Line(line));
        if let Some((_, last)) = covering.and_then(|s| s.ids.last()) {
            return Edit { span: Span::empty(last.end), replacement: format!(", {}", d.rule) };
        }
        let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let line_end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
        let comment = suppress::line_comment(d.rule);
        let commented =
            self.comments.iter().any(|c| line_start <= c.span.start && c.span.start < line_end.max(line_start + 1));
        if !commented {
            return Edit { span: Span::empty(line_end), replacement: format!(" {comment}") };
        }
        let indent: String = text[line_start..line_end].chars().take_while(|c| *c == ' ').collect();
        let newline =
            if text[line_end..].starts_with("\r\n") || text[..line_start].ends_with("\r\n") { "\r\n" } else { "\n" };
        Edit { span: Span::empty(line_start), replacement: format!("{indent}{comment}{newline}") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::RuleId;

    fn apply(text: &str, edits: &[Edit]) -> String {
        let mut out = text.to_owned();
        let mut edits = edits.to_vec();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in edits {
            out.replace_range(e.span.range(), &e.replacement);
        }
        out
    }

    #[test]
    fn applying_a_fix_or_an_ignore_removes_the_diagnostic() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/broken/report.yaml")).unwrap();
        let analysis = crate::analyze(&text);
        let (comments, diags) = (&analysis.tree.comments, &analysis.diagnostics);
        for (i, d) in diags.iter().enumerate() {
            for action in
                code_actions(&text, comments, diags, d.span, Lang::En).into_iter().filter(|a| a.diagnostic == i)
            {
                let fixed = apply(&text, &action.edits);
                let after = crate::lint(&fixed);
                let same = |x: &Diagnostic| x.rule == d.rule && x.message == d.message;
                assert!(!after.iter().any(same), "`{}` left {}: {}", action.title, d.rule, d.message.en);
            }
        }
    }

    fn ignore(text: &str, at: &str, rule: RuleId) -> String {
        let start = text.find(at).unwrap();
        let d = Diagnostic::new(rule, Span::new(start, start + at.len()), crate::diagnostics::Message::new("", ""));
        let analysis = crate::analyze(text);
        let actions = code_actions(text, &analysis.tree.comments, std::slice::from_ref(&d), d.span, Lang::En);
        apply(text, &actions.last().unwrap().edits)
    }

    #[test]
    fn ignore_goes_above_a_line_that_has_a_comment_and_never_trusts_a_hash_in_a_value() {
        assert_eq!(ignore("a: 1 # note\n", "1", RuleId::Schema), "# senshin-lint: ignore[schema]\na: 1 # note\n");
        assert_eq!(ignore("a: \"No.#1\"\n", "\"No", RuleId::Schema), "a: \"No.#1\" # senshin-lint: ignore[schema]\n");
    }

    #[test]
    fn ignore_extends_the_suppression_that_covers_the_line() {
        let text = "a: 1 # senshin-lint: ignore[column-sum]\n";
        assert_eq!(ignore(text, "1", RuleId::Schema), "a: 1 # senshin-lint: ignore[column-sum, schema]\n");
        let above = "  # senshin-lint: ignore[prior-cases]\n  a: 1 # note\n";
        assert_eq!(
            ignore(above, "1", RuleId::Schema),
            "  # senshin-lint: ignore[prior-cases, schema]\n  a: 1 # note\n"
        );
    }
}
