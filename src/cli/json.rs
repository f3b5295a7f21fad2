//! `--format json`: a stable shape for scripts and tests (documented in the README).
//! Positions carry the byte offset and 1-based line and columns in characters, UTF-16 units and bytes.

use super::Checked;
use crate::diagnostics::{Diagnostic, Lang, Severity};
use crate::text::{LineIndex, Span};
use serde_json::{Value, json};

fn position(text: &str, index: &LineIndex, offset: usize) -> Value {
    let lc = index.line_col(text, offset);
    json!({
        "offset": offset,
        "line": lc.line + 1,
        "column": lc.chars + 1,
        "column_utf16": lc.utf16 + 1,
        "column_utf8": lc.utf8 + 1,
    })
}

fn range(text: &str, index: &LineIndex, span: Span) -> Value {
    json!({ "start": position(text, index, span.start), "end": position(text, index, span.end) })
}

fn diagnostic(text: &str, index: &LineIndex, d: &Diagnostic, lang: Lang) -> Value {
    json!({
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message.get(lang),
        "range": range(text, index, d.span),
        "labels": d.labels.iter().map(|l| json!({
            "message": l.message.get(lang),
            "range": range(text, index, l.span),
        })).collect::<Vec<_>>(),
        "notes": d.notes.iter().map(|n| n.get(lang)).collect::<Vec<_>>(),
        "fix": d.fix.as_ref().map(|f| json!({
            "title": f.title.get(lang),
            "safe": f.safe,
            "edits": f.edits.iter().map(|e| json!({
                "range": range(text, index, e.span),
                "replacement": e.replacement,
            })).collect::<Vec<_>>(),
        })),
    })
}

pub fn to_value(checked: &[Checked], lang: Lang) -> Value {
    let files: Vec<Value> = checked
        .iter()
        .map(|c| {
            let index = LineIndex::new(&c.text);
            json!({
                "path": c.path,
                "diagnostics": c.diagnostics.iter().map(|d| diagnostic(&c.text, &index, d, lang)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let count = |s| checked.iter().flat_map(|c| &c.diagnostics).filter(|d| d.severity == s).count();
    json!({
        "version": 1,
        "files": files,
        "summary": {
            "files": checked.len(),
            "errors": count(Severity::Error),
            "warnings": count(Severity::Warning),
            "infos": count(Severity::Info),
        },
    })
}

pub fn render(checked: &[Checked], lang: Lang) -> Result<(), String> {
    let text = serde_json::to_string_pretty(&to_value(checked, lang)).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}
