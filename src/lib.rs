//! `senshin-lint`: a linter for drafts of 「先進医療の実績報告」.
//!
//! Data flows one way:
//!
//! ```text
//! bytes ─text::decode─▶ text ─syntax::parse─▶ Tree ─model::lower─▶ Report ─checks::run─▶ Vec<Diagnostic>
//! ```
//!
//! The modules stand on floors; each uses only the floors below it (`tests/tidy.rs` keeps it so):
//!
//! 1. [`text`]: decoding, byte spans, offsets to lines and columns, text in both languages;
//! 2. [`catalogue`] and [`diagnostics`]: every rule's identity (`RuleId`, severity, docs), and diagnostics as
//!    plain data;
//! 3. [`syntax`]: YAML events to a spanned tree, iteratively and within limits, with comments;
//! 4. [`model`]: the typed report, value readers, exact arithmetic, era dates, lowering with recovery;
//! 5. [`checks`]: one file per check, each with its documentation;
//! 6. the analysis: [`analyze_with`] here, under [`settings`] resolved from a [`config`] file, with
//!    [`suppress`]ion comments applied;
//! 7. [`fix`] (fixes applied in rounds), [`ide`] (hover, hints, actions: editor features free of the
//!    protocol), [`render`] (the draft laid out as the published report, findings on their cells) and
//!    [`import`] (a sheet's table written into the draft as one edit) and [`export`] (the draft as a workbook
//!    with live formulas);
//! 8. [`cli`], [`server`] and [`preview`]: the front ends, where positions become lines and columns (or cells).
//!
//! Analysis never fails: every stage returns what it could read and diagnostics for the rest.

pub mod catalogue;
pub mod checks;
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod export;
pub mod fix;
pub mod ide;
pub mod import;
pub mod model;
pub mod preview;
pub mod previous;
pub mod read;
pub mod render;
pub mod server;
pub mod settings;
pub mod suppress;
pub mod syntax;
pub mod text;

use diagnostics::{Diagnostic, MAX_DIAGNOSTICS, Message, RuleId};
use model::Report;
use settings::Settings;
use text::Span;

/// Largest draft read, in bytes. A 100,000-row draft is about 25 MB.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// What a file over `MAX_FILE_BYTES` is told: its size when known (the command line may only know that a
/// capped read went past the limit).
pub fn too_large(size: Option<u64>) -> Message {
    match size {
        Some(n) => Message::new(
            format!("下書きが大きすぎるため、読み取りません（{n}バイト。{MAX_FILE_BYTES}バイトまでです）。"),
            format!("the file is too large ({n} bytes; the limit is {MAX_FILE_BYTES})"),
        ),
        None => Message::new(
            format!("下書きが大きすぎるため、読み取りません（{MAX_FILE_BYTES}バイトまでです）。"),
            format!("the file is too large (more than the limit of {MAX_FILE_BYTES} bytes)"),
        ),
    }
}

/// The result of analysing one draft.
#[derive(Debug, Default)]
pub struct Analysis {
    /// The YAML tree, for editor features that work on keys and positions.
    pub tree: syntax::Tree,
    pub report: Report,
    /// Sorted by position, then rule.
    pub diagnostics: Vec<Diagnostic>,
    /// The YAML parsed to its end (no `yaml-syntax` error), so the cross-figure checks ran.
    pub parsed: bool,
    /// Every derived figure, computed once: the checks compared them, hover and hints show them.
    pub figures: Vec<checks::figures::Figure>,
    /// Last year's draft, when one was named and could be checked against (labels with `in_previous` point
    /// into its text).
    pub previous: Option<std::sync::Arc<previous::Previous>>,
}

/// Analyses a decoded draft. Cross-figure checks run only when the YAML parsed to its end: on a half-typed
/// file they would compare against figures not yet read.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, &Settings::default())
}

/// `analyze`, under settings: the rounding of a draft that does not state its own, and the rules' levels.
/// Last year's draft is not loaded: the `previous-*` rules do not run.
pub fn analyze_with(text: &str, settings: &Settings) -> Analysis {
    analyze_loading(text, settings, &mut |_| None)
}

/// `analyze_with`, checking against last year's draft when the settings or the draft name one: `load` reads
/// it as the front end can (from disk, or an editor's buffer).
pub fn analyze_loading(text: &str, settings: &Settings, load: previous::Loader) -> Analysis {
    if text.len() > MAX_FILE_BYTES {
        let d = Diagnostic::new(RuleId::YamlSyntax, Span::empty(0), too_large(Some(text.len() as u64)));
        return Analysis { diagnostics: vec![d], ..Analysis::default() };
    }
    let (tree, parsed) = syntax::parse(text);
    let (mut diagnostics, mut more) = parsed.into_parts();
    let complete = !diagnostics.iter().any(|d| d.rule == RuleId::YamlSyntax);
    let (mut report, lowered) = model::lower(&tree, text, complete);
    if let Some(r) = settings.rounding.filter(|_| !report.meta.rounding_set) {
        report.meta.rounding = r;
    }
    let (lowered, more_lowered) = lowered.into_parts();
    diagnostics.extend(lowered);
    more += more_lowered;
    let mut previous = None;
    // Only a draft whose period was read can tell whether another is the year before it.
    if complete
        && report.meta.period.is_some()
        && let Some((wanted, at)) = previous::wanted(&report, settings)
    {
        match load(wanted).map(|loaded| previous::usable(&report, loaded, at)) {
            Some(Ok(p)) => previous = Some(p),
            Some(Err(d)) => diagnostics.push(*d),
            None => {}
        }
    }
    let last_year = previous.as_ref().map(|p| &p.analysis.report);
    let figures = if complete { checks::figures::figures(&report, last_year) } else { Vec::new() };
    if complete {
        let cx = checks::Context {
            report: &report,
            text,
            figures: &figures,
            previous: previous.as_deref().map(|p| checks::PreviousDraft { report: &p.analysis.report, text: &p.text }),
        };
        diagnostics.extend(checks::run(&cx));
    }
    suppress::apply(text, &tree.comments, &mut diagnostics, complete);
    settings.apply_levels(&mut diagnostics);
    diagnostics.sort_by(diagnostics::by_position);
    limit(&mut diagnostics, more);
    Analysis { tree, report, diagnostics, parsed: complete, figures, previous }
}

/// Keeps the first `MAX_DIAGNOSTICS` in the order of the text, and says where the rest begin and how many
/// (`more`: those the stages already left out).
fn limit(diagnostics: &mut Vec<Diagnostic>, more: usize) {
    if diagnostics.len() <= MAX_DIAGNOSTICS && more == 0 {
        return;
    }
    let at = match diagnostics.get(MAX_DIAGNOSTICS).or(diagnostics.last()) {
        Some(d) => Span::empty(d.span.start),
        None => Span::empty(0),
    };
    let more = more + diagnostics.len().saturating_sub(MAX_DIAGNOSTICS);
    diagnostics.truncate(MAX_DIAGNOSTICS);
    let (n, max) = (diagnostics::group_digits(more as i128), diagnostics::group_digits(MAX_DIAGNOSTICS as i128));
    let d = Diagnostic::new(
        RuleId::DiagnosticLimit,
        at,
        Message::new(
            format!("指摘が多すぎるため、ここから先の{n}件は示していません。示すのは最初の{max}件までです。"),
            format!("{n} more findings from here on are not shown (only the first {max} are)"),
        ),
    )
    .note(Message::new("上から順に直すと、残りの指摘が表示されます。", "Fix from the top, and the rest will appear."));
    diagnostics.push(d);
}

/// The diagnostics of a decoded draft.
pub fn lint(text: &str) -> Vec<Diagnostic> {
    analyze(text).diagnostics
}
