//! The command-line front end: reads files, runs the library, renders. Exit status: 0 without errors, 1 with
//! errors found, 2 when the tool could not run. The renderers are here, at the edge, and are the only place
//! besides the language server where byte offsets become lines and columns.

mod github;
mod human;
mod json;
mod junit;
mod sarif;

pub use human::render_to_string as human_to_string;
pub use json::to_value as json_value;

use crate::diagnostics::{Diagnostic, Lang, Message, Severity};
use crate::rules;
use crate::text::{Span, decode};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// One checked file, ready to render.
#[derive(Debug, Clone)]
pub struct Checked {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks the bytes of one file.
pub fn check_bytes(path: &str, bytes: &[u8]) -> Checked {
    let (text, diagnostics) = match decode(bytes) {
        Ok(decoded) => {
            let diagnostics = crate::lint(&decoded.text);
            (decoded.text, diagnostics)
        }
        Err(e) => {
            // The text before the first invalid byte is intact, so positions up to it are right.
            let text = String::from_utf8_lossy(bytes).into_owned();
            let at = e.offset.min(text.len());
            let d = Diagnostic::new(
                &rules::yaml_syntax::RULE,
                Span::new(at, at),
                Message::new(
                    format!("UTF-8 として読めないバイトがあります（{} バイト目）。UTF-8 で保存してください", e.offset),
                    format!("invalid UTF-8 at byte {}: save the draft as UTF-8", e.offset),
                ),
            );
            (text, vec![d])
        }
    };
    Checked { path: path.to_owned(), text, diagnostics }
}

fn check_file(path: &Path) -> std::io::Result<Checked> {
    let bytes = std::fs::read(path)?;
    Ok(check_bytes(&path.display().to_string(), &bytes))
}

pub fn check(files: &[PathBuf], format: Format, lang: Lang, color: Color) -> ExitCode {
    let mut checked = Vec::new();
    for path in files {
        match check_file(path) {
            Ok(c) => checked.push(c),
            Err(e) => {
                let msg = match lang {
                    Lang::Ja => format!("{} を読めません: {e}", path.display()),
                    Lang::En => format!("cannot read {}: {e}", path.display()),
                };
                eprintln!("senshin-lint: {msg}");
                return ExitCode::from(2);
            }
        }
    }
    let rendered = match format {
        Format::Human => human::render(&checked, lang, color),
        Format::Json => json::render(&checked, lang),
        Format::Sarif => print_str(&format!("{:#}\n", sarif::to_value(&checked, lang))),
        Format::Github => print_str(&github::render(&checked, lang)),
        Format::Junit => print_str(&junit::render(&checked, lang)),
    };
    if let Err(e) = rendered {
        eprintln!("senshin-lint: {e}");
        return ExitCode::from(2);
    }
    let errors = checked.iter().flat_map(|c| &c.diagnostics).any(|d| d.severity == Severity::Error);
    ExitCode::from(u8::from(errors))
}

fn print_str(text: &str) -> Result<(), String> {
    std::io::stdout().lock().write_all(text.as_bytes()).map_err(|e| e.to_string())
}

fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

pub fn explain(id: &str, lang: Lang) -> ExitCode {
    match rules::find(id) {
        Some(rule) => print(&format!("{}\n", rules::explain(rule, lang))),
        None => {
            let ids: Vec<&str> = rules::ALL.iter().map(|r| r.id).collect();
            eprintln!("senshin-lint: unknown rule `{id}`; rules: {}", ids.join(", "));
            ExitCode::from(2)
        }
    }
}

pub fn rules(lang: Lang, markdown: bool) -> ExitCode {
    if markdown {
        return print(&rules::markdown_table());
    }
    let mut text = String::new();
    let width = rules::ALL.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in rules::ALL {
        let summary = match lang {
            Lang::Ja => r.summary.0,
            Lang::En => r.summary.1,
        };
        let fix = if r.fixable { "fix" } else { "   " };
        text.push_str(&format!("{:width$}  {:7}  {fix}  {summary}\n", r.id, r.severity.as_str()));
    }
    print(&text)
}
