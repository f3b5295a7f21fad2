//! `# senshin-lint: ignore[rule-id, …]` silences those rules on the line it ends, or, standing on a line of
//! its own, on the next line.

use crate::diagnostics::Diagnostic;
use crate::syntax::Comment;
use crate::text::LineIndex;

const MARKER: &str = "senshin-lint:";

/// The rule ids a comment names, if it is a suppression.
fn rules_of(comment: &str) -> Option<Vec<&str>> {
    let body = comment.trim_start_matches('#').trim();
    let rest = body.strip_prefix(MARKER)?.trim_start().strip_prefix("ignore[")?;
    let list = rest.split(']').next()?;
    Some(list.split(',').map(str::trim).filter(|s| !s.is_empty()).collect())
}

pub fn apply(text: &str, comments: &[Comment], diagnostics: &mut Vec<Diagnostic>) {
    let mut silenced: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut index: Option<LineIndex> = None;
    for c in comments {
        let Some(ids) = rules_of(&text[c.span.range()]) else {
            continue;
        };
        let index = index.get_or_insert_with(|| LineIndex::new(text));
        let line = index.line_of(c.span.start);
        let line_start = index.line_start(line).unwrap_or(0);
        let alone = text[line_start..c.span.start].trim().is_empty();
        silenced.push((if alone { line + 1 } else { line }, ids));
    }
    let Some(index) = index else { return };
    diagnostics.retain(|d| {
        let line = index.line_of(d.span.start);
        !silenced.iter().any(|(l, ids)| *l == line && ids.contains(&d.rule))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_comment() {
        assert_eq!(rules_of("# senshin-lint: ignore[column-sum, schema]"), Some(vec!["column-sum", "schema"]));
        assert_eq!(rules_of("# ordinary"), None);
    }
}
