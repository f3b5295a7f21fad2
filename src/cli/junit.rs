//! `--format junit`: JUnit XML, one test suite per file and one test case per diagnostic (a file without
//! diagnostics is one passing case), for CI systems that show test reports. Only an error fails its case, as
//! only errors fail the run (exit status 1); a warning's or a note's case passes and carries its text as
//! output. Written a suite at a
//! time: the totals are on each suite, not on `<testsuites>`, which would need them before the first file.

use super::Checked;
use super::emit::{Emitter, Summary};
use super::escape::visible;
use crate::diagnostics::{Lang, Severity};
use crate::text::LineIndex;
use std::io::{self, Write};

/// Text as XML 1.0 accepts it in an attribute or an element: control characters, which XML forbids even as
/// character references, are spelled out, and the noncharacters U+FFFE and U+FFFF become U+FFFD.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in visible(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

pub struct Junit {
    lang: Lang,
}

impl Junit {
    pub fn new(lang: Lang) -> Junit {
        Junit { lang }
    }
}

impl Emitter for Junit {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"senshin-lint\">\n")
    }

    fn file(&mut self, out: &mut dyn Write, c: &Checked) -> io::Result<()> {
        let path = xml(&c.path);
        let n = c.diagnostics.len();
        let failures = c.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        writeln!(out, "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">", n.max(1))?;
        if n == 0 {
            writeln!(out, "    <testcase name=\"senshin-lint\" classname=\"{path}\"/>")?;
        }
        let index = LineIndex::new(&c.text);
        for d in &c.diagnostics {
            let at = index.line_col(&c.text, d.span.start);
            let (line, col) = (at.line + 1, at.chars + 1);
            let message = xml(d.message.get(self.lang));
            let (rule, severity) = (d.rule, d.severity.as_str());
            let text = format!("{path}:{line}:{col}: {severity} [{rule}] {message}");
            let body = match d.severity {
                Severity::Error => format!("<failure type=\"{rule}\" message=\"{message}\">{text}</failure>"),
                Severity::Warning | Severity::Info => format!("<system-out>{text}</system-out>"),
            };
            writeln!(
                out,
                "    <testcase name=\"{rule} {line}:{col}\" classname=\"{path}\">\n      {body}\n    </testcase>"
            )?;
        }
        out.write_all(b"  </testsuite>\n")
    }

    fn finish(&mut self, out: &mut dyn Write, _: &Summary) -> io::Result<()> {
        out.write_all(b"</testsuites>\n")
    }
}
