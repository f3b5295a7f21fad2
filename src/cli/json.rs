//! `--format json`: a stable shape for scripts and tests (documented in the README).
//! Positions carry the byte offset and 1-based line and columns in characters, UTF-16 units and bytes.
//! The document is written a diagnostic at a time, byte for byte as `serde_json` prints the whole value
//! (keys in order, two spaces a level), so that a file with a million findings never becomes one value.

use super::Checked;
use super::emit::{Emitter, Summary, json_nested};
use crate::diagnostics::{Diagnostic, Lang, Severity};
use crate::text::{LineIndex, Span};
use serde_json::{Value, json};
use std::io::{self, Write};

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

/// Where a label points: into the draft, or (`in_previous`) into last year's draft, whose path it then names.
type Other<'a> = Option<(&'a str, &'a str, &'a LineIndex)>;

fn diagnostic(text: &str, index: &LineIndex, other: Other, d: &Diagnostic, lang: Lang) -> Value {
    let label = |l: &crate::diagnostics::Label| match other.filter(|_| l.in_previous) {
        Some((path, text, index)) => json!({
            "message": l.message.get(lang),
            "path": path,
            "range": range(text, index, l.span),
        }),
        None => json!({
            "message": l.message.get(lang),
            "range": range(text, index, l.span),
        }),
    };
    json!({
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message.get(lang),
        "range": range(text, index, d.span),
        "labels": d.labels.iter().map(label).collect::<Vec<_>>(),
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
            let theirs = c.previous.as_ref().map(|p| (p, LineIndex::new(&p.text)));
            let other = theirs.as_ref().map(|(p, i)| (p.name.as_str(), p.text.as_str(), i));
            json!({
                "path": c.path,
                "diagnostics": c.diagnostics.iter().map(|d| diagnostic(&c.text, &index, other, d, lang)).collect::<Vec<_>>(),
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

pub struct Json {
    lang: Lang,
    files: usize,
}

impl Json {
    pub fn new(lang: Lang) -> Json {
        Json { lang, files: 0 }
    }
}

impl Emitter for Json {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"files\": [")
    }

    fn file(&mut self, out: &mut dyn Write, c: &Checked) -> io::Result<()> {
        out.write_all(if self.files == 0 {
            b"\n    {\n      \"diagnostics\": ["
        } else {
            b",\n    {\n      \"diagnostics\": ["
        })?;
        self.files += 1;
        let index = LineIndex::new(&c.text);
        let theirs = c.previous.as_ref().map(|p| (p, LineIndex::new(&p.text)));
        let other = theirs.as_ref().map(|(p, i)| (p.name.as_str(), p.text.as_str(), i));
        for (i, d) in c.diagnostics.iter().enumerate() {
            out.write_all(if i == 0 { b"\n        " } else { b",\n        " })?;
            json_nested(out, &diagnostic(&c.text, &index, other, d, self.lang), 4)?;
        }
        if !c.diagnostics.is_empty() {
            out.write_all(b"\n      ")?;
        }
        write!(out, "],\n      \"path\": {}\n    }}", Value::from(c.path.as_str()))
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        out.write_all(if self.files == 0 { b"]" } else { b"\n  ]" })?;
        let summary = json!({"files": s.files, "errors": s.errors, "warnings": s.warnings, "infos": s.infos});
        out.write_all(b",\n  \"summary\": ")?;
        json_nested(out, &summary, 1)?;
        out.write_all(b",\n  \"version\": 1\n}\n")
    }
}
