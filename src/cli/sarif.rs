//! `--format sarif`: SARIF 2.1.0 for code-scanning uploads, with rule metadata and fixes. Columns are in
//! Unicode code points (`columnKind`), regions also carry byte offsets.

use super::Checked;
use crate::diagnostics::{Lang, Severity};
use crate::rules;
use crate::text::{LineIndex, Span};
use serde_json::{Value, json};

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(text: &str, index: &LineIndex, span: Span) -> Value {
    let (a, b) = (index.line_col(text, span.start), index.line_col(text, span.end));
    json!({
        "startLine": a.line + 1,
        "startColumn": a.chars + 1,
        "endLine": b.line + 1,
        "endColumn": b.chars + 1,
        "byteOffset": span.start,
        "byteLength": span.end - span.start,
    })
}

fn location(path: &str, text: &str, index: &LineIndex, span: Span) -> Value {
    json!({"physicalLocation": {"artifactLocation": {"uri": path}, "region": region(text, index, span)}})
}

pub fn to_value(checked: &[Checked], lang: Lang) -> Value {
    let rule_ids: Vec<&str> = rules::ALL.iter().map(|r| r.id).collect();
    let descriptors: Vec<Value> = rules::ALL
        .iter()
        .map(|r| {
            let (summary, docs) = match lang {
                Lang::Ja => (r.summary.0, r.docs_ja),
                Lang::En => (r.summary.1, r.docs),
            };
            json!({
                "id": r.id,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": summary},
                "help": {"text": docs, "markdown": docs},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"tags": [r.group.name()]},
            })
        })
        .collect();
    let mut results = Vec::new();
    for c in checked {
        let index = LineIndex::new(&c.text);
        for d in &c.diagnostics {
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message.get(lang)},
                "locations": [location(&c.path, &c.text, &index, d.span)],
            });
            if let Some(i) = rule_ids.iter().position(|id| *id == d.rule) {
                result["ruleIndex"] = json!(i);
            }
            if !d.labels.is_empty() {
                result["relatedLocations"] = d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut loc = location(&c.path, &c.text, &index, l.span);
                        loc["id"] = json!(i);
                        loc["message"] = json!({"text": l.message.get(lang)});
                        loc
                    })
                    .collect();
            }
            if let Some(fix) = &d.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| json!({"deletedRegion": region(&c.text, &index, e.span), "insertedContent": {"text": e.replacement}}))
                    .collect();
                result["fixes"] = json!([{
                    "description": {"text": fix.title.get(lang)},
                    "artifactChanges": [{"artifactLocation": {"uri": c.path}, "replacements": replacements}],
                }]);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "senshin-lint", "version": env!("CARGO_PKG_VERSION"), "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}
