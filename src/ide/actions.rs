//! Code actions: each diagnostic's fix, and "ignore this rule on this line" (a suppression comment), as
//! minimal text edits that keep comments and layout.

use crate::diagnostics::{Diagnostic, Edit, Lang};
use crate::text::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub edits: Vec<Edit>,
    /// Safe to apply without looking (an editor may apply it on save).
    pub preferred: bool,
    /// Index of the diagnostic it resolves.
    pub diagnostic: usize,
}

/// Actions for the diagnostics whose span meets `range`.
pub fn code_actions(text: &str, diagnostics: &[Diagnostic], range: Span, lang: Lang) -> Vec<Action> {
    let mut out = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        let meets = d.span.start <= range.end && range.start <= d.span.end;
        if !meets {
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
            Lang::Ja => format!("この行の {} を無視する", d.rule),
            Lang::En => format!("Ignore {} on this line", d.rule),
        };
        out.push(Action { title, edits: vec![ignore_edit(text, d)], preferred: false, diagnostic: i });
    }
    out
}

/// ` # senshin-lint: ignore[rule]` at the end of the diagnostic's line, or, when that line already has a
/// comment (a second `#` would only extend it), a comment line above it with the same indentation.
fn ignore_edit(text: &str, d: &Diagnostic) -> Edit {
    let at = d.span.start.min(text.len());
    let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let comment = format!("# senshin-lint: ignore[{}]", d.rule);
    if !line.contains('#') {
        return Edit { span: Span::empty(line_end), replacement: format!(" {comment}") };
    }
    let indent: String = line.chars().take_while(|c| *c == ' ').collect();
    let newline =
        if text[line_end..].starts_with("\r\n") || text[..line_start].ends_with("\r\n") { "\r\n" } else { "\n" };
    Edit { span: Span::empty(line_start), replacement: format!("{indent}{comment}{newline}") }
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
        let diags = crate::lint(&text);
        for (i, d) in diags.iter().enumerate() {
            for action in code_actions(&text, &diags, d.span, Lang::En).into_iter().filter(|a| a.diagnostic == i) {
                let fixed = apply(&text, &action.edits);
                let after = crate::lint(&fixed);
                let same = |x: &Diagnostic| x.rule == d.rule && x.message == d.message;
                assert!(!after.iter().any(same), "`{}` left {}: {}", action.title, d.rule, d.message.en);
            }
        }
    }

    #[test]
    fn ignore_goes_above_a_line_that_has_a_comment() {
        let text = "a: 1 # note\n";
        let d = Diagnostic::new(RuleId::Schema, Span::new(3, 4), crate::diagnostics::Message::new("", ""));
        let e = ignore_edit(text, &d);
        assert_eq!(apply(text, &[e]), "# senshin-lint: ignore[schema]\na: 1 # note\n");
    }
}
