//! Compiler-style output with codespan-reporting: path:line:column, rule id, snippet, labels, notes, and a
//! closing summary. Everything that comes from a draft is printed with its control characters spelled out,
//! and every line starts with text of ours, so no line of it can begin with a CI system's `::` command.

use super::Checked;
use super::emit::{Emitter, Summary};
use super::escape::visible;
use super::snippet::{Snippet, Snippets};
use crate::diagnostics::{Diagnostic, Lang, Severity};
use crate::text::{LineIndex, Span};
use codespan_reporting::diagnostic::{Diagnostic as Rendered, Label, Severity as Level};
use codespan_reporting::term::termcolor::Ansi;
use codespan_reporting::term::{self, Config};
use std::io::{self, Write};
use std::ops::Range;

/// `ranges`: the primary span's, then each label's, with the snippet (0: the draft, 1: last year's) it is in.
fn convert(d: &Diagnostic, ranges: &[(usize, Range<usize>)], lang: Lang) -> Rendered<usize> {
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    };
    let mut labels = vec![Label::primary(ranges[0].0, ranges[0].1.clone())];
    labels.extend(
        d.labels
            .iter()
            .zip(&ranges[1..])
            .map(|(l, (file, r))| Label::secondary(*file, r.clone()).with_message(visible(l.message.get(lang)))),
    );
    let mut notes: Vec<String> = d.notes.iter().map(|n| visible(n.get(lang)).into_owned()).collect();
    if let Some(fix) = &d.fix {
        let head = match (lang, fix.safe) {
            (Lang::Ja, true) => "修正案：",
            (Lang::Ja, false) => "修正案（要確認）：",
            (Lang::En, true) => "fix: ",
            (Lang::En, false) => "fix (review first): ",
        };
        notes.push(format!("{head}{}", visible(fix.title.get(lang))));
    }
    Rendered::new(level)
        .with_message(visible(d.message.get(lang)))
        .with_code(d.rule)
        .with_labels(labels)
        .with_notes(notes)
}

/// The closing lines: warnings about the run, counts of errors and warnings, the configuration that applied.
fn summary(s: &Summary, lang: Lang) -> String {
    let (errors, warnings, files) = (s.errors, s.warnings, s.files);
    let mut out = String::new();
    for notice in &s.notices {
        let label = if lang == Lang::Ja { "警告：" } else { "warning: " };
        out.push_str(&format!("{label}{}\n", visible(notice)));
    }
    out.push_str(&match (lang, errors + warnings) {
        (Lang::Ja, 0) => format!("問題は見つかりませんでした（下書き{files}件）"),
        (Lang::En, 0) => format!("no problems found in {files} file{}", if files == 1 { "" } else { "s" }),
        (Lang::Ja, _) => format!("エラー{errors}件、警告{warnings}件（下書き{files}件）"),
        (Lang::En, _) => {
            format!("{errors} error{}, {warnings} warning{} in {files} file{}", s_(errors), s_(warnings), s_(files))
        }
    });
    out.push('\n');
    if !s.configs.is_empty() {
        let label = if lang == Lang::Ja { "設定ファイル：" } else { "configuration: " };
        let names: Vec<String> = s.configs.iter().map(|c| visible(c).into_owned()).collect();
        out.push_str(&format!("{label}{}\n", names.join(", ")));
    }
    out
}

/// The header line in Japanese: 「エラー[column-sum]：…」 for codespan's `error[column-sum]: …`, colours kept.
fn japanese_header(rendered: Vec<u8>, d: &Diagnostic) -> Vec<u8> {
    let Ok(text) = String::from_utf8(rendered) else { return Vec::new() };
    let end = text.find('\n').unwrap_or(text.len());
    let (head, rest) = text.split_at(end);
    // codespan's word for each severity; the Japanese one is the catalogue's.
    let codespan = match d.severity {
        Severity::Error => "error[",
        Severity::Warning => "warning[",
        Severity::Info => "note[",
    };
    let head = head.replacen(codespan, &format!("{}[", d.severity.name_ja()), 1);
    let code = format!("[{}]", d.rule);
    let head = match head.find(&code).map(|i| i + code.len()) {
        Some(after) => format!("{}{}", &head[..after], head[after..].replacen(": ", "：", 1)),
        None => head,
    };
    format!("{head}{rest}").into_bytes()
}

fn s_(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub struct Human {
    lang: Lang,
    color: bool,
    config: Config,
}

impl Human {
    pub fn new(lang: Lang, color: bool) -> Human {
        Human { lang, color, config: Config::default() }
    }
}

impl Emitter for Human {
    fn file(&mut self, out: &mut dyn Write, c: &Checked) -> io::Result<()> {
        if c.diagnostics.is_empty() {
            return Ok(());
        }
        let index = LineIndex::new(&c.text);
        let name = visible(&c.path);
        let previous =
            c.previous.as_ref().map(|p| (visible(&p.name).into_owned(), p.text.as_str(), LineIndex::new(&p.text)));
        for d in &c.diagnostics {
            let mut spans = vec![d.span];
            spans.extend(d.labels.iter().filter(|l| !l.in_previous).map(|l| l.span));
            let (snippet, mine) = Snippet::new(&name, &c.text, &index, &spans);
            let theirs: Vec<Span> = d.labels.iter().filter(|l| l.in_previous).map(|l| l.span).collect();
            let mut snippets = vec![snippet];
            let mut theirs_ranges = Vec::new().into_iter();
            if let Some((name, text, index)) = previous.as_ref().filter(|_| !theirs.is_empty()) {
                let (snippet, ranges) = Snippet::new(name, text, index, &theirs);
                snippets.push(snippet);
                theirs_ranges = ranges.into_iter();
            }
            let mut mine = mine.into_iter();
            let mut ranges = vec![(0, mine.next().unwrap_or_default())];
            for l in &d.labels {
                let next =
                    if l.in_previous { theirs_ranges.next().map(|r| (1, r)) } else { mine.next().map(|r| (0, r)) };
                ranges.push(next.unwrap_or((0, 0..0)));
            }
            let snippet = Snippets(snippets);
            let rendered = convert(d, &ranges, self.lang);
            let mut buffer = Vec::new();
            let written = if self.color {
                term::emit_to_write_style(&mut Ansi::new(&mut buffer), &self.config, &snippet, &rendered)
            } else {
                term::emit_to_io_write(&mut buffer, &self.config, &snippet, &rendered)
            };
            written.map_err(|e| match e {
                codespan_reporting::files::Error::Io(e) => e,
                other => io::Error::other(other.to_string()),
            })?;
            if self.lang == Lang::Ja {
                buffer = japanese_header(buffer, d);
            }
            out.write_all(&buffer)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        out.write_all(summary(s, self.lang).as_bytes())
    }

    fn shows_notices(&self) -> bool {
        true
    }
}

/// The output without colours, as a string (for tests, snapshots and the fuzzer).
pub fn render_to_string(checked: &[Checked], lang: Lang) -> String {
    String::from_utf8_lossy(&super::emit::to_bytes(&mut Human::new(lang, false), checked)).into_owned()
}
