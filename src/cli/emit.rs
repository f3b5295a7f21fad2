//! One interface for every output format. A format is told of each file as soon as it is checked and of the
//! totals at the end, and writes to any `Write`: the command line streams to standard output, tests and the
//! fuzzer render into memory. Nothing here holds more than one file's diagnostics.

use super::Checked;
use crate::diagnostics::Severity;
use std::io::{self, Write};

/// What the closing lines of an output say.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The configuration files that applied to a checked draft, as shown.
    pub configs: Vec<String>,
    /// Warnings about the run itself (a folder that held no draft), in the output's language.
    pub notices: Vec<String>,
}

impl Summary {
    pub fn add(&mut self, checked: &Checked) {
        self.files += 1;
        self.add_findings(checked);
    }

    /// The findings of a file that is not a checked draft (a configuration with mistakes): counted, but not as
    /// a file checked.
    pub fn add_findings(&mut self, checked: &Checked) {
        for d in &checked.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    pub fn of(checked: &[Checked]) -> Summary {
        let mut summary = Summary::default();
        checked.iter().for_each(|c| summary.add(c));
        summary
    }
}

/// An output format.
pub trait Emitter {
    /// Before the first file.
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// One checked file, in input order.
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> io::Result<()>;

    /// After the last file.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;

    /// Whether `finish` shows the summary's notices; otherwise they go to standard error, beside an output
    /// that a program reads.
    fn shows_notices(&self) -> bool {
        false
    }
}

/// No report at all: `--diff` shows the changes and nothing else.
pub struct Silent;

impl Emitter for Silent {
    fn file(&mut self, _out: &mut dyn Write, _checked: &Checked) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }

    fn shows_notices(&self) -> bool {
        true // a diff is all `--diff` prints
    }
}

/// Renders whole files through an emitter into memory (for tests, benches and the fuzzer).
pub fn to_bytes(emitter: &mut dyn Emitter, checked: &[Checked]) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = emitter.begin(&mut out);
    for c in checked {
        let _ = emitter.file(&mut out, c);
    }
    let _ = emitter.finish(&mut out, &Summary::of(checked));
    out
}

/// Writes a pretty-printed JSON value one level of nesting at a time, as `serde_json` would have written it
/// inside the whole document: `depth` levels of two spaces in front of every line but the first.
pub fn json_nested(out: &mut dyn Write, value: &serde_json::Value, depth: usize) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let indent = "  ".repeat(depth);
    // Strings in JSON never hold a raw line break, so every line break here is the printer's.
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(indent.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}
