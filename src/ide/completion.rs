//! Completion of keys (with their Japanese labels) and of 告示番号 in zero-case entries. The line being typed
//! is seldom valid YAML yet, so the enclosing keys are read from the indentation of the lines above.

use crate::Analysis;
use crate::checks::facts;
use crate::model::{Part, fields};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Key,
    Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub detail: String,
    pub insert: String,
    pub kind: CompletionKind,
}

/// The keys enclosing a key at column `col` on the line starting at `line_start`, outermost first; `-` for a
/// list item. `dash` is the column of a `- ` in front of the key on its own line.
fn enclosing(text: &str, line_start: usize, col: usize, dash: Option<usize>) -> Vec<String> {
    let mut inner_first = Vec::new();
    let mut target = col;
    if let Some(d) = dash {
        inner_first.push("-".to_owned());
        target = d;
    }
    for line in text[..line_start].lines().rev() {
        if target == 0 {
            break;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = line[indent..].trim_end();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let (dash_col, rest) = match content.strip_prefix("- ") {
            Some(rest) => (Some(indent), rest.trim_start()),
            None => (None, content),
        };
        let key_col = line.len() - line[indent..].len() + (content.len() - rest.len());
        let key = rest.split_once(':').map(|(k, _)| k.trim().trim_matches('"').to_owned());
        if key_col < target
            && let Some(k) = &key
        {
            inner_first.push(k.clone());
            target = key_col;
        }
        if let Some(d) = dash_col
            && d < target
        {
            inner_first.push("-".to_owned());
            target = d;
        }
    }
    inner_first.reverse();
    inner_first
}

pub fn complete(analysis: &Analysis, text: &str, offset: usize) -> Vec<Completion> {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let indent = before.len() - before.trim_start_matches(' ').len();
    let content = &before[indent..];
    let (dash, rest) = match content.strip_prefix("- ") {
        Some(rest) => (Some(indent), rest.trim_start()),
        None => (None, content),
    };
    let col = before.len() - rest.len();
    if let Some((key, _value)) = rest.split_once(':') {
        let path = enclosing(text, line_start, col, dash);
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        return match (key.trim(), path.as_slice()) {
            ("notice", ["zero_cases", p, "-"]) => notices(analysis, Part::from_key(p).unwrap_or(Part::A)),
            _ => Vec::new(),
        };
    }
    if !rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Vec::new();
    }
    let path = enclosing(text, line_start, col, dash);
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    fields::at(&path)
        .unwrap_or_default()
        .iter()
        .map(|f| Completion {
            label: f.key.to_owned(),
            detail: f.ja.to_owned(),
            insert: format!("{}: ", f.key),
            kind: CompletionKind::Key,
        })
        .collect()
}

/// The cost table's technologies, those without a case first (they are the ones that need an entry).
fn notices(analysis: &Analysis, part: Part) -> Vec<Completion> {
    let Some(table) = analysis.report.costs.get(part) else { return Vec::new() };
    let mut out: Vec<(bool, Completion)> = facts::technologies(table)
        .iter()
        .map(|(number, rows)| {
            let name = rows.iter().find_map(|r| r.name.as_ref()).map_or(String::new(), |n| n.value.clone());
            let zero = facts::had_no_case(rows) == Some(true);
            let c = Completion {
                label: number.to_string(),
                detail: if zero { format!("{name}（0件）") } else { name },
                insert: format!("\"{number}\""),
                kind: CompletionKind::Value,
            };
            (!zero, c)
        })
        .collect();
    out.sort_by_key(|(has_cases, _)| *has_cases);
    out.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        let at = text.find('|').unwrap();
        let text = text.replace('|', "");
        let analysis = crate::analyze(&text);
        complete(&analysis, &text, at).into_iter().map(|c| c.label).collect()
    }

    #[test]
    fn keys_by_indentation() {
        assert_eq!(labels("|"), ["report", "summary", "changes", "history", "costs", "zero_cases"]);
        assert_eq!(labels("costs:\n  A:\n    rows:\n      - |")[..3], ["serial", "notice", "name"]);
        assert_eq!(labels("costs:\n  A:\n    rows:\n      - serial: 1\n        ca|")[7], "cases");
        assert_eq!(labels("costs:\n  A:\n    total:\n      |")[0], "total_yen");
        assert_eq!(labels("summary:\n  A:\n    |").len(), 7);
        assert_eq!(
            labels("zero_cases:\n  B:\n    - notice: \"2\"\n      facilities:\n        - name: x\n          |"),
            ["name", "reason", "plan"]
        );
    }

    #[test]
    fn notices_without_cases_come_first() {
        let published = include_str!("../../examples/r6/report.yaml");
        let text = format!("{published}    - notice: |");
        let got = labels(&text);
        assert_eq!(&got[..4], ["2", "4", "11", "18"]);
        assert_eq!(got.len(), 49);
    }
}
