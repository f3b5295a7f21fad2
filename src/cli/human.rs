//! Compiler-style output with codespan-reporting: path:line:column, rule id, snippet, labels, notes, and a
//! summary line.

use super::{Checked, Color};
use crate::diagnostics::{Diagnostic, Lang, Severity};
use codespan_reporting::diagnostic::{Diagnostic as Rendered, Label, Severity as Level};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};
use std::io::{IsTerminal, Write};

fn convert(d: &Diagnostic, file: usize, lang: Lang) -> Rendered<usize> {
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    };
    let mut labels = vec![Label::primary(file, d.span.range())];
    labels.extend(d.labels.iter().map(|l| Label::secondary(file, l.span.range()).with_message(l.message.get(lang))));
    let mut notes: Vec<String> = d.notes.iter().map(|n| n.get(lang).to_owned()).collect();
    if let Some(fix) = &d.fix {
        let (help, unsafe_) = match lang {
            Lang::Ja => ("修正案", "（安全でない修正: 確認してから適用）"),
            Lang::En => ("fix", " (unsafe: review before applying)"),
        };
        notes.push(format!("{help}: {}{}", fix.title.get(lang), if fix.safe { "" } else { unsafe_ }));
    }
    Rendered::new(level).with_message(d.message.get(lang)).with_code(d.rule).with_labels(labels).with_notes(notes)
}

/// The closing line: counts of errors and warnings.
fn summary(checked: &[Checked], lang: Lang) -> String {
    let count = |s| checked.iter().flat_map(|c| &c.diagnostics).filter(|d| d.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let files = checked.len();
    match (lang, errors + warnings) {
        (Lang::Ja, 0) => format!("問題は見つかりませんでした（{files} ファイル）"),
        (Lang::En, 0) => format!("no problems found in {files} file{}", if files == 1 { "" } else { "s" }),
        (Lang::Ja, _) => format!("エラー {errors} 件、警告 {warnings} 件（{files} ファイル）"),
        (Lang::En, _) => {
            format!("{errors} error{}, {warnings} warning{} in {files} file{}", s(errors), s(warnings), s(files))
        }
    }
}

fn s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn render(checked: &[Checked], lang: Lang, color: Color) -> Result<(), String> {
    let choice = match color {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() => ColorChoice::Auto,
        Color::Auto => ColorChoice::Never,
    };
    let stream = StandardStream::stdout(choice);
    let mut out = stream.lock();
    let config = Config::default();
    let mut files = SimpleFiles::new();
    // A file without diagnostics is not added: adding one indexes all its lines.
    for c in checked.iter().filter(|c| !c.diagnostics.is_empty()) {
        let id = files.add(c.path.as_str(), c.text.as_str());
        for d in &c.diagnostics {
            term::emit_to_write_style(&mut out, &config, &files, &convert(d, id, lang)).map_err(|e| e.to_string())?;
        }
    }
    writeln!(out, "{}", summary(checked, lang)).map_err(|e| e.to_string())
}

/// The same output without colours, as a string (for tests and snapshots).
pub fn render_to_string(checked: &[Checked], lang: Lang) -> String {
    let config = Config::default();
    let mut files = SimpleFiles::new();
    let mut out = String::new();
    // A file without diagnostics is not added: adding one indexes all its lines.
    for c in checked.iter().filter(|c| !c.diagnostics.is_empty()) {
        let id = files.add(c.path.as_str(), c.text.as_str());
        for d in &c.diagnostics {
            if let Ok(text) = term::emit_into_string(&config, &files, &convert(d, id, lang)) {
                out.push_str(&text);
            }
        }
    }
    out.push_str(&summary(checked, lang));
    out.push('\n');
    out
}
