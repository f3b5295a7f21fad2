//! `senshin-lint`: a linter for drafts of 「先進医療の実績報告」.
//!
//! Data flows one way:
//!
//! ```text
//! bytes ─text::decode─▶ text ─syntax::parse─▶ Tree ─model::lower─▶ Report ─rules::run─▶ Vec<Diagnostic>
//! ```
//!
//! - [`text`]: decoding, byte spans, and the conversion of byte offsets to lines and columns (the edges only);
//! - [`syntax`]: YAML events to a spanned tree, iteratively and within limits, with comments;
//! - [`model`]: the typed report, value readers, exact arithmetic, era dates, lowering with recovery;
//! - [`rules`]: one file per check, each with its documentation;
//! - [`diagnostics`]: plain data, messages in Japanese and English;
//! - [`cli`]: the command line and its renderers (human, JSON), where positions become lines and columns.
//!
//! Analysis never fails: every stage returns what it could read and diagnostics for the rest.

pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod fix;
pub mod ide;
pub mod model;
pub mod rules;
pub mod server;
mod suppress;
pub mod syntax;
pub mod text;

use diagnostics::{Diagnostic, MAX_DIAGNOSTICS, Message};
use model::Report;
use text::Span;

/// Largest draft read, in bytes. A 100,000-row draft is about 25 MB.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// What a file over `MAX_FILE_BYTES` is told: its size when known (the command line may only know that a
/// capped read went past the limit).
pub fn too_large(size: Option<u64>) -> Message {
    match size {
        Some(n) => Message::new(
            format!("ファイルが大きすぎます（{n} バイト、上限 {MAX_FILE_BYTES} バイト）"),
            format!("the file is too large ({n} bytes; the limit is {MAX_FILE_BYTES})"),
        ),
        None => Message::new(
            format!("ファイルが大きすぎます（上限 {MAX_FILE_BYTES} バイトを超えています）"),
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
}

/// How to analyse, besides the draft itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The rounding for a draft that does not state its own (`report.rounding`).
    pub rounding: Option<model::Rounding>,
}

/// Analyses a decoded draft. Cross-figure checks run only when the YAML parsed to its end: on a half-typed
/// file they would compare against figures not yet read.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, Options::default())
}

/// `analyze`, with options.
pub fn analyze_with(text: &str, options: Options) -> Analysis {
    if text.len() > MAX_FILE_BYTES {
        let d = Diagnostic::new(&rules::yaml_syntax::RULE, Span::empty(0), too_large(Some(text.len() as u64)));
        return Analysis { diagnostics: vec![d], ..Analysis::default() };
    }
    let (tree, parsed) = syntax::parse(text);
    let (mut diagnostics, mut more) = parsed.into_parts();
    let complete = !diagnostics.iter().any(|d| d.rule == rules::yaml_syntax::RULE.id);
    let (mut report, lowered) = model::lower(&tree, text, complete);
    if let Some(r) = options.rounding.filter(|_| !report.meta.rounding_set) {
        report.meta.rounding = r;
    }
    let (lowered, more_lowered) = lowered.into_parts();
    diagnostics.extend(lowered);
    more += more_lowered;
    if complete {
        diagnostics.extend(rules::run(&rules::Context { report: &report, text }));
    }
    suppress::apply(text, &tree.comments, &mut diagnostics, complete);
    diagnostics.sort_by(diagnostics::by_position);
    limit(&mut diagnostics, more);
    Analysis { tree, report, diagnostics, parsed: complete }
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
        &rules::diagnostic_limit::RULE,
        at,
        Message::new(
            format!("指摘が多すぎるため、ここから先の {n} 件は示していません（示すのは最初の {max} 件までです）"),
            format!("{n} more findings from here on are not shown (only the first {max} are)"),
        ),
    )
    .note(Message::new("上から順に直すと、残りの指摘が表示されます", "fix from the top, and the rest will appear"));
    diagnostics.push(d);
}

/// The diagnostics of a decoded draft.
pub fn lint(text: &str) -> Vec<Diagnostic> {
    analyze(text).diagnostics
}
