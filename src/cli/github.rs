//! `--format github`: workflow commands that GitHub Actions shows as annotations on the pull request.

use super::Checked;
use super::emit::{Emitter, Summary};
use super::escape::visible;
use crate::diagnostics::{Lang, Severity};
use crate::text::LineIndex;
use std::io::{self, Write};

/// Escaping of a workflow command's message (control characters are spelled out before it: a line break
/// would otherwise pass as `%0A` and show in the annotation, an escape sequence would reach the log).
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping of a workflow command's property.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub struct Github {
    lang: Lang,
}

impl Github {
    pub fn new(lang: Lang) -> Github {
        Github { lang }
    }
}

impl Emitter for Github {
    fn file(&mut self, out: &mut dyn Write, c: &Checked) -> io::Result<()> {
        let index = LineIndex::new(&c.text);
        for d in &c.diagnostics {
            let (a, b) = (index.line_col(&c.text, d.span.start), index.line_col(&c.text, d.span.end));
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&visible(&c.path)),
                a.line + 1,
                a.chars + 1,
                b.line + 1,
                b.chars + 1,
                property(&format!("senshin-lint {}", d.rule)),
                data(&visible(d.message.get(self.lang))),
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &mut dyn Write, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}
