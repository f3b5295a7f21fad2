//! `--format sarif`: SARIF 2.1.0 for code-scanning uploads, with rule metadata and fixes. Columns are in
//! Unicode code points (`columnKind`), regions also carry byte offsets. Results are written one at a time,
//! byte for byte as `serde_json` prints the whole log (keys in order: the results come before the tool).

use super::Checked;
use super::emit::{Emitter, Summary, json_nested};
use super::paths::uri;
use crate::catalogue;
use crate::diagnostics::{Diagnostic, Lang, Severity};
use crate::text::{LineIndex, Span};
use serde_json::{Value, json};
use std::io::{self, Write};

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
    json!({"physicalLocation": {"artifactLocation": {"uri": uri(path)}, "region": region(text, index, span)}})
}

fn tool(lang: Lang) -> Value {
    let descriptors: Vec<Value> = catalogue::all()
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
    json!({"driver": {"name": "senshin-lint", "version": env!("CARGO_PKG_VERSION"), "rules": descriptors}})
}

fn result(c: &Checked, index: &LineIndex, theirs: Option<&LineIndex>, d: &Diagnostic, lang: Lang) -> Value {
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": d.message.get(lang)},
        "locations": [location(&c.path, &c.text, index, d.span)],
    });
    result["ruleIndex"] = json!(d.rule as usize);
    if !d.labels.is_empty() {
        result["relatedLocations"] = d
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut loc = match (&c.previous, theirs) {
                    (Some(p), Some(their_index)) if l.in_previous => location(&p.name, &p.text, their_index, l.span),
                    _ => location(&c.path, &c.text, index, l.span),
                };
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
            .map(|e| json!({"deletedRegion": region(&c.text, index, e.span), "insertedContent": {"text": e.replacement}}))
            .collect();
        result["fixes"] = json!([{
            "description": {"text": fix.title.get(lang)},
            "artifactChanges": [{"artifactLocation": {"uri": uri(&c.path)}, "replacements": replacements}],
        }]);
    }
    result
}

pub struct Sarif {
    lang: Lang,
    results: usize,
}

impl Sarif {
    pub fn new(lang: Lang) -> Sarif {
        Sarif { lang, results: 0 }
    }
}

impl Emitter for Sarif {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\n  \"$schema\": {},\n  \"runs\": [\n    {{\n", Value::from(SCHEMA))?;
        out.write_all(b"      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
    }

    fn file(&mut self, out: &mut dyn Write, c: &Checked) -> io::Result<()> {
        let index = LineIndex::new(&c.text);
        let theirs = c.previous.as_ref().map(|p| LineIndex::new(&p.text));
        for d in &c.diagnostics {
            out.write_all(if self.results == 0 { b"\n        " } else { b",\n        " })?;
            self.results += 1;
            json_nested(out, &result(c, &index, theirs.as_ref(), d, self.lang), 4)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _: &Summary) -> io::Result<()> {
        out.write_all(if self.results == 0 { b"],\n      \"tool\": " } else { b"\n      ],\n      \"tool\": " })?;
        json_nested(out, &tool(self.lang), 3)?;
        out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
    }
}
