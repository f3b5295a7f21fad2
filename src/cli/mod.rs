//! The command-line front end: reads files (`read`, `inputs`), checks or fixes them a batch at a time (`run`,
//! `fixing`, `write`), renders through one emitter per format (`emit`). Exit status: 0 without errors, 1 with errors found, 2
//! when the tool could not run. The renderers are here, at the edge, and are the only place besides the
//! language server where byte offsets become lines and columns.

mod carry;
mod configs;
mod done;
pub mod emit;
mod escape;
mod export;
mod file;
mod fixing;
mod formats;
mod github;
mod human;
mod import;
mod inputs;
mod json;
mod junit;
mod new;
mod output;
mod paths;
mod render;

mod run;
mod sarif;
mod schema;
mod snippet;
mod write;

pub use export::export as export_workbook;
pub use import::import_table;
pub use new::{blank, new};
pub use paths::typed as typed_path;
pub use render::{Rendered, render as render_page, rendered};
pub use schema::schema;

pub use emit::{Emitter, Summary};
pub use formats::{emitter, render};
pub use human::render_to_string as human_to_string;
pub use json::to_value as json_value;

use crate::catalogue::{self, RuleId};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Lang, Message};
use crate::previous::{LastYear, Previous};
use crate::settings::Settings;
use crate::text::{DecodeError, Decoded, Encoding, Span, decode, decode_owned};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Human, Format::Json, Format::Sarif, Format::Github, Format::Junit];
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
    /// Last year's draft, where the labels marked `in_previous` point.
    pub previous: Option<Arc<Previous>>,
}

/// Checks the bytes of one file.
pub fn check_bytes(path: &str, bytes: &[u8]) -> Checked {
    check_bytes_with(path, bytes, None)
}

/// Analyses a draft as every command does: under its configuration, and against last year's draft when the
/// settings or the draft name one, read from disk (a path written in the draft is from the draft's folder).
pub(crate) fn analyze(draft: Option<&Path>, text: &str, config: Option<&Config>) -> crate::Analysis {
    last_year(draft, settings(config)).analyze(text)
}

/// Last year's draft as the command line reads it: from disk, named as the command line shows paths.
pub(crate) fn last_year<'a>(draft: Option<&Path>, settings: &'a Settings) -> LastYear<'a> {
    LastYear::new(draft, settings, &paths::shown)
}

/// The settings a draft is analysed under: its configuration's (the command line's flags change only the
/// language of the output, which the analysis does not use).
pub(crate) fn settings(config: Option<&Config>) -> &Settings {
    static DEFAULT: std::sync::LazyLock<Settings> = std::sync::LazyLock::new(Settings::default);
    config.map_or(&DEFAULT, |c| &c.settings)
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
pub fn check_owned(path: &str, file: Option<&Path>, bytes: Vec<u8>, config: Option<&Config>) -> Checked {
    match decode_owned(bytes) {
        Ok(decoded) => check_file(path, file, decoded, config),
        Err((e, bytes)) => unreadable(path, &bytes, e),
    }
}

fn check_decoded(path: &str, decoded: Decoded, config: Option<&Config>) -> Checked {
    check_file(path, None, decoded, config)
}

/// Checks a decoded draft read from `file` (`None`: standard input or memory).
fn check_file(path: &str, file: Option<&Path>, decoded: Decoded, config: Option<&Config>) -> Checked {
    let analysis = analyze(file.or(Some(Path::new(path))), &decoded.text, config);
    let diagnostics = with_encoding_warning(analysis.diagnostics, decoded.encoding, config);
    Checked { path: path.to_owned(), text: decoded.text, diagnostics, previous: analysis.previous }
}

/// The diagnostics of a draft read in `encoding`, with a warning in front when that is not UTF-8.
pub(crate) fn with_encoding_warning(
    mut diagnostics: Vec<Diagnostic>,
    encoding: Encoding,
    config: Option<&Config>,
) -> Vec<Diagnostic> {
    if encoding != Encoding::Utf8 {
        let name = encoding.name();
        let warning = Diagnostic::new(
            RuleId::Encoding,
            Span::empty(0),
            Message::new(
                format!("この下書きは {name} で保存されています。UTF-8 で保存し直してください。"),
                format!("This draft is saved in {name}. Save it again as UTF-8."),
            ),
        );
        let mut warning = vec![warning];
        settings(config).apply_levels(&mut warning);
        diagnostics.splice(0..0, warning);
    }
    diagnostics
}

pub(crate) fn unreadable(path: &str, bytes: &[u8], e: DecodeError) -> Checked {
    // The text before the first invalid byte is intact, so positions up to it are right.
    let text = String::from_utf8_lossy(bytes).into_owned();
    let at = e.offset.min(text.len());
    let d = Diagnostic::new(RuleId::YamlSyntax, Span::new(at, at), e.message());
    Checked { path: path.to_owned(), text, diagnostics: vec![d], previous: None }
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
    /// `--previous`: last year's draft, for every draft checked (over `report.previous` and the configuration).
    pub previous: Option<PathBuf>,
}

/// Says on standard error why the run stopped or what it noticed. A closed standard error is not a reason
/// to panic: the exit status still tells.
pub(crate) fn complain(message: &str) {
    complain_plain(&format!("senshin-lint: {message}"));
}

/// A line on standard error as it is.
pub(crate) fn complain_plain(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn stopped(stop: run::Stop, lang: Lang) -> ExitCode {
    let message = match (stop, lang) {
        (run::Stop::Input(path, e), Lang::Ja) => format!("{}：{}", path.display(), e.get(lang)),
        (run::Stop::Input(path, e), Lang::En) => format!("cannot read {}: {}", path.display(), e.get(lang)),
        (run::Stop::Output(e), Lang::Ja) => format!("出力を書き込めません（{e}）。"),
        (run::Stop::Output(e), Lang::En) => format!("cannot write the output: {e}"),
    };
    complain(&message);
    ExitCode::from(2)
}

fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Says why a command stopped, in `lang`, and gives the status of a run that could not do its job.
pub(crate) fn fail(m: &Message, lang: Lang) -> ExitCode {
    complain(m.get(lang));
    ExitCode::from(2)
}

/// A line on standard output; a closed pipe is not a reason to panic.
pub(crate) fn say(m: &Message, lang: Lang) {
    let _ = writeln!(std::io::stdout().lock(), "{}", m.get(lang));
}

/// The configurations from `--config` (or found beside each file), or why `--config` cannot be read, said as
/// every command says it.
fn read_configs(explicit: Option<&Path>, lang: Option<Lang>) -> Result<configs::Configs, ExitCode> {
    configs::Configs::new(explicit).map_err(|e| {
        let path = explicit.unwrap_or(Path::new("")).display();
        let lang = lang.unwrap_or_else(Lang::of_system);
        let m = match lang {
            Lang::Ja => format!("設定ファイル {path} が{}", e.get(lang)),
            Lang::En => format!("cannot read the configuration {path}: {}", e.get(lang)),
        };
        complain(&m);
        ExitCode::from(2)
    })
}

/// How a command on one draft (render, preview, export, import) runs: the language resolved as `check`
/// resolves it (`--lang`, else the draft's configuration, else the system's), the configuration's own
/// mistakes said first, as `check` reports them.
pub(crate) fn for_draft(
    draft: &Path,
    explicit: Option<&Path>,
    lang: Option<Lang>,
) -> Result<(Lang, configs::Configs), ExitCode> {
    let configs = read_configs(explicit, lang)?;
    let config = configs.for_path(draft);
    let lang = lang.or(config.and_then(|c| c.settings.language)).unwrap_or_else(Lang::of_system);
    for problem in configs.take_problems() {
        for d in &problem.diagnostics {
            complain(&format!("{}: {}", problem.path, d.message.get(lang)));
        }
    }
    Ok((lang, configs))
}

pub fn check(opts: &CheckOptions) -> ExitCode {
    let configs = match read_configs(opts.config.as_deref(), opts.lang) {
        Ok(c) if opts.previous.is_some() => {
            let path = opts.previous.clone().map(|path| crate::settings::PreviousPath { path, overrides_draft: true });
            c.with(Settings { previous: path, ..Settings::default() })
        }
        Ok(c) => c,
        Err(code) => return code,
    };
    // The output's language: `--lang`, else that of the configuration found for the first input (from its own
    // folder upward, as for its checks), else the locale's.
    let first = match (opts.paths.first(), &opts.stdin_filename) {
        (Some(p), Some(name)) if p.as_os_str() == "-" => PathBuf::from(name),
        (Some(p), _) => p.clone(),
        (None, _) => PathBuf::from("."),
    };
    let config = configs.for_path(&first);
    let lang = opts.lang.or(config.and_then(|c| c.settings.language)).unwrap_or_else(Lang::of_system);
    let args = match inputs::classify(&opts.paths) {
        Ok(args) => args,
        Err((path, e)) => return stopped(run::Stop::Input(path, e), lang),
    };
    let work = match opts.fix {
        Some(mode) => run::Work::Fix(fixing::Fixing { mode, diff: opts.diff, lang }),
        None => run::Work::Check,
    };
    // Standard output holds the report, unless it holds a text: standard input's fixed text (the report then
    // goes to standard error) or a diff (there is no report).
    let fixed_stdin = opts.fix.is_some() && !opts.diff && args.iter().any(|a| matches!(a, inputs::Arg::Stdin));
    let mut emitter: Box<dyn Emitter> = if opts.diff {
        Box::new(emit::Silent)
    } else {
        emitter(opts.format, lang, !fixed_stdin && use_color(opts.color))
    };
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    let mut out: Box<dyn Write> =
        if fixed_stdin { Box::new(stderr.lock()) } else { Box::new(BufWriter::new(stdout.lock())) };
    let mut side = stdout.lock();
    let outputs = run::Outputs { emitter: &mut *emitter, out: &mut out, side: &mut side };
    let result = run::stream(&args, opts, lang, &configs, work, outputs);
    let flushed = out.flush();
    let (summary, fixed) = match (result, flushed) {
        (Err(stop), _) => return stopped(stop, lang),
        (Ok(_), Err(e)) => return stopped(run::Stop::Output(e), lang),
        (Ok(done), Ok(())) => done,
    };
    if !emitter.shows_notices() {
        let label = if lang == Lang::Ja { "警告" } else { "warning" };
        summary.notices.iter().for_each(|n| complain(&format!("{label}: {}", escape::visible(n))));
    }
    if opts.fix.is_some() && !opts.diff && opts.format == Format::Human && !fixed_stdin {
        let applied = fixed.applied;
        complain_plain(&match lang {
            Lang::Ja => format!("{applied} 件の修正を適用しました"),
            Lang::En => format!("applied {applied} fix{}", if applied == 1 { "" } else { "es" }),
        });
    }
    let status = if opts.diff { fixed.changed } else { summary.errors > 0 };
    if fixed.failed { ExitCode::from(2) } else { ExitCode::from(u8::from(status)) }
}

/// Writes `text` to standard output; a closed pipe stops the run with status 2, said on standard error.
pub(crate) fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => stopped(run::Stop::Output(e), Lang::En),
    }
}

pub fn print_schema() -> ExitCode {
    print(&format!("{:#}\n", schema::schema()))
}

pub fn explain(id: &str, lang: Lang) -> ExitCode {
    match catalogue::find(id) {
        Some(rule) => print(&format!("{}\n", catalogue::explain(rule, lang))),
        None => {
            complain(Settings::rule(id).err().as_ref().map_or("", |m| m.get(lang)));
            ExitCode::from(2)
        }
    }
}

pub fn rules(lang: Lang, markdown: bool) -> ExitCode {
    if markdown {
        return print(&catalogue::markdown_table());
    }
    let mut text = String::new();
    let width = catalogue::all().iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in catalogue::all() {
        let line = match lang {
            Lang::Ja => {
                let fix = if r.fixable { "修正案あり" } else { "　　　　　" };
                format!("{:width$}  {:　<3}  {fix}  {}\n", r.id, r.severity.name_ja(), r.summary.0)
            }
            Lang::En => {
                let fix = if r.fixable { "fix" } else { "   " };
                format!("{:width$}  {:7}  {fix}  {}\n", r.id, r.severity.as_str(), r.summary.1)
            }
        };
        text.push_str(&line);
    }
    print(&text)
}
