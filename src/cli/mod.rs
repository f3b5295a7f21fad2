//! The command-line front end: reads files, runs the library, renders. Exit status: 0 without errors, 1 with
//! errors found, 2 when the tool could not run. The renderers are here, at the edge, and are the only place
//! besides the language server where byte offsets become lines and columns.

mod configs;
mod fixing;
mod github;
mod human;
mod inputs;
mod json;
mod junit;
mod read;
mod run;
mod sarif;
mod schema;

pub use schema::schema;

pub use human::render_to_string as human_to_string;
pub use json::to_value as json_value;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Lang, Message, Severity};
use crate::rules;
use crate::text::{DecodeError, Decoded, Encoding, Span, decode, decode_owned};
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
    check_bytes_with(path, bytes, None)
}

/// The analysis a configuration asks for: its default rounding, its rule levels.
pub(crate) fn lint_with(text: &str, config: Option<&Config>) -> Vec<Diagnostic> {
    let options = crate::Options { rounding: config.and_then(|c| c.rounding) };
    let diagnostics = crate::analyze_with(text, options).diagnostics;
    match config {
        Some(c) => crate::config::apply_levels(diagnostics, &c.levels),
        None => diagnostics,
    }
}

/// Checks the bytes of one file under a configuration.
pub fn check_bytes_with(path: &str, bytes: &[u8], config: Option<&Config>) -> Checked {
    match decode(bytes) {
        Ok(decoded) => check_decoded(path, decoded, config),
        Err(e) => unreadable(path, bytes, e),
    }
}

/// `check_bytes_with`, taking the bytes, so that a UTF-8 draft becomes its text without a copy: on a large
/// draft a copy is a second file's worth of memory.
pub fn check_owned(path: &str, bytes: Vec<u8>, config: Option<&Config>) -> Checked {
    match decode_owned(bytes) {
        Ok(decoded) => check_decoded(path, decoded, config),
        Err((e, bytes)) => unreadable(path, &bytes, e),
    }
}

fn check_decoded(path: &str, decoded: Decoded, config: Option<&Config>) -> Checked {
    let mut diagnostics = lint_with(&decoded.text, config);
    if decoded.encoding != Encoding::Utf8 {
        let name = decoded.encoding.name();
        let warning = Diagnostic::new(
            &rules::encoding::RULE,
            Span::empty(0),
            Message::new(
                format!("この下書きは {name} で保存されています。UTF-8 で保存してください"),
                format!("this draft is saved in {name}: save it as UTF-8"),
            ),
        );
        let levels = config.map(|c| &c.levels);
        diagnostics.splice(0..0, crate::config::apply_levels(vec![warning], levels.unwrap_or(&Default::default())));
    }
    Checked { path: path.to_owned(), text: decoded.text, diagnostics }
}

fn unreadable(path: &str, bytes: &[u8], e: DecodeError) -> Checked {
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
    Checked { path: path.to_owned(), text, diagnostics: vec![d] }
}

/// What `senshin-lint check` was asked to do.
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub format: Format,
    /// `--lang`; else the configuration's, else the locale's.
    pub lang: Option<Lang>,
    /// `--config`; else each file's nearest `senshin-lint.toml`.
    pub config: Option<PathBuf>,
    pub color: Color,
    pub stdin_filename: Option<String>,
    pub drafts_only: bool,
    /// Apply fixes (`--fix`; with `--unsafe-fixes`, all of them).
    pub fix: Option<crate::fix::FixMode>,
    /// Show the fixes as a diff instead of writing them.
    pub diff: bool,
}

/// The language a POSIX locale asks for, from `LC_ALL`, `LC_MESSAGES` or `LANG`.
pub fn locale_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .map_or(Lang::En, |l| Lang::from_locale(&l))
}

pub fn check(opts: &CheckOptions) -> ExitCode {
    let configs = match configs::Configs::new(opts.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            let path = opts.config.as_deref().unwrap_or(Path::new("")).display();
            eprintln!("senshin-lint: cannot read the configuration {path}: {}", e.get(Lang::En));
            return ExitCode::from(2);
        }
    };
    let here = configs.for_path(Path::new("."));
    let lang = opts.lang.or(here.as_ref().and_then(|c| c.language)).unwrap_or_else(locale_lang);
    let read = inputs::classify(&opts.paths)
        .map_err(|(path, e)| run::Stop::Input(path, e))
        .and_then(|args| run::read_all(&args, opts, &configs));
    let (sources, mut checked) = match read {
        Ok(read) => read,
        Err(run::Stop::Input(path, e)) => {
            let msg = match lang {
                Lang::Ja => format!("{} を読めません: {}", path.display(), e.get(lang)),
                Lang::En => format!("cannot read {}: {}", path.display(), e.get(lang)),
            };
            eprintln!("senshin-lint: {msg}");
            return ExitCode::from(2);
        }
    };
    if let Some(mode) = opts.fix {
        return fixing::fix_sources(&sources, mode, opts, lang, checked);
    }
    checked.extend(inputs::map_parallel(sources, |s| check_owned(&s.name, s.bytes, s.config.as_deref())));
    report(&checked, opts, lang)
}

/// Renders the diagnostics in the chosen format; the exit status says whether there were errors.
pub(crate) fn report(checked: &[Checked], opts: &CheckOptions, lang: Lang) -> ExitCode {
    let rendered = match opts.format {
        Format::Human => human::render(checked, lang, opts.color),
        Format::Json => json::render(checked, lang),
        Format::Sarif => print_str(&format!("{:#}\n", sarif::to_value(checked, lang))),
        Format::Github => print_str(&github::render(checked, lang)),
        Format::Junit => print_str(&junit::render(checked, lang)),
    };
    if let Err(e) = rendered {
        eprintln!("senshin-lint: {e}");
        return ExitCode::from(2);
    }
    let errors = checked.iter().flat_map(|c| &c.diagnostics).any(|d| d.severity == Severity::Error);
    ExitCode::from(u8::from(errors))
}

pub(crate) fn print_str(text: &str) -> Result<(), String> {
    std::io::stdout().lock().write_all(text.as_bytes()).map_err(|e| e.to_string())
}

fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

pub fn print_schema() -> ExitCode {
    print(&format!("{:#}\n", schema::schema()))
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
