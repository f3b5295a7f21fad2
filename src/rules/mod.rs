//! The rule catalogue. Each rule lives in its own file with its documentation beside it (`<rule>.md`), and
//! declares its id, group, default severity and check in one `rule!` invocation. A rule reads the typed
//! `Report` and emits plain `Diagnostic`s; it never formats positions or prints.
//!
//! Rules of the `syntax` group and `era-date` have no check of their own: the stages that read the text emit
//! them, and their files hold their documentation.

pub(crate) mod facts;

pub mod changes;
pub mod dates;
pub mod numbering;
pub mod summary;
pub mod sums;
pub mod syntax;
pub mod text;
pub mod zero_cases;

pub use dates::era_date;
pub use syntax::{
    config, diagnostic_limit, encoding, fullwidth_digits, schema, unused_suppression, value_format, yaml_syntax,
};

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Part, Report};

/// What a check sees.
pub struct Context<'a> {
    pub report: &'a Report,
    pub text: &'a str,
}

pub type Check = fn(&Context, &mut Vec<Diagnostic>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Syntax,
    Sums,
    Summary,
    Changes,
    ZeroCases,
    Numbering,
    Dates,
    Text,
}

impl Group {
    pub fn name(self) -> &'static str {
        match self {
            Group::Syntax => "syntax",
            Group::Sums => "sums",
            Group::Summary => "summary",
            Group::Changes => "changes",
            Group::ZeroCases => "zero_cases",
            Group::Numbering => "numbering",
            Group::Dates => "dates",
            Group::Text => "text",
        }
    }
}

#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub group: Group,
    pub severity: Severity,
    /// Whether some of its diagnostics carry a fix.
    pub fixable: bool,
    /// One line in Japanese and in English.
    pub summary: (&'static str, &'static str),
    /// Markdown: what it checks, why it matters, an example that fails and one that passes.
    pub docs: &'static str,
    /// The same in Japanese.
    pub docs_ja: &'static str,
    pub check: Option<Check>,
}

/// Declares `pub static RULE` for the file it stands in, with the docs from the `<docs>.md` (English) and
/// `<docs>.ja.md` (Japanese) files beside it.
macro_rules! rule {
    (
        id: $id:literal, group: $group:ident, severity: $sev:ident, fixable: $fix:literal,
        ja: $ja:literal, en: $en:literal, docs: $docs:literal, check: $check:expr $(,)?
    ) => {
        pub static RULE: $crate::rules::Rule = $crate::rules::Rule {
            id: $id,
            group: $crate::rules::Group::$group,
            severity: $crate::diagnostics::Severity::$sev,
            fixable: $fix,
            summary: ($ja, $en),
            docs: include_str!(concat!($docs, ".md")),
            docs_ja: include_str!(concat!($docs, ".ja.md")),
            check: $check,
        };
    };
}
pub(crate) use rule;

/// Every rule, in catalogue order.
pub static ALL: &[&Rule] = &[
    &syntax::yaml_syntax::RULE,
    &syntax::schema::RULE,
    &syntax::value_format::RULE,
    &syntax::fullwidth_digits::RULE,
    &syntax::encoding::RULE,
    &sums::column_sum::RULE,
    &sums::advanced_exceeds_total::RULE,
    &sums::zero_row_values::RULE,
    &summary::summary_arithmetic::RULE,
    &summary::history_arithmetic::RULE,
    &summary::summary_vs_costs::RULE,
    &changes::change_balance::RULE,
    &changes::approved_count::RULE,
    &summary::history_vs_report::RULE,
    &zero_cases::zero_case_missing::RULE,
    &zero_cases::zero_case_unexpected::RULE,
    &zero_cases::zero_case_name::RULE,
    &zero_cases::prior_cases::RULE,
    &numbering::serial_sequence::RULE,
    &numbering::notice_order::RULE,
    &dates::era_date::RULE,
    &dates::effective_after_period::RULE,
    &text::mixed_punctuation::RULE,
    &syntax::unused_suppression::RULE,
    &syntax::config::RULE,
    &syntax::diagnostic_limit::RULE,
];

pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

/// From this many cost rows on, the checks run on two threads.
const PARALLEL_FROM_ROWS: usize = 5_000;

/// Runs every check over the report; the diagnostics come rule by rule, in catalogue order.
pub fn run(cx: &Context) -> Vec<Diagnostic> {
    let rows: usize = Part::BOTH.iter().filter_map(|&p| cx.report.costs.get(p)).map(|t| t.rows.len()).sum();
    run_with(cx, rows >= PARALLEL_FROM_ROWS)
}

/// `run`, on one thread or two; both give the same diagnostics in the same order (public for the fuzzer,
/// which compares them).
#[doc(hidden)]
pub fn run_with(cx: &Context, parallel: bool) -> Vec<Diagnostic> {
    let checks: Vec<Check> = ALL.iter().filter_map(|r| r.check).collect();
    if !parallel {
        let mut out = Vec::new();
        for check in checks {
            check(cx, &mut out);
        }
        return out;
    }
    // Every other check on each thread: the costly ones (zero cases, punctuation) fall on both sides.
    let run_every_other = |parity: usize| -> Vec<Vec<Diagnostic>> {
        checks
            .iter()
            .skip(parity)
            .step_by(2)
            .map(|check| {
                let mut out = Vec::new();
                check(cx, &mut out);
                out
            })
            .collect()
    };
    let (even, odd) = std::thread::scope(|scope| {
        let odd = scope.spawn(|| run_every_other(1));
        (run_every_other(0), odd.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    let mut out = Vec::new();
    let mut odd = odd.into_iter();
    for e in even {
        out.extend(e);
        out.extend(odd.next().unwrap_or_default());
    }
    out
}

/// The rule table of the README, generated from the rules themselves.
pub fn markdown_table() -> String {
    let mut out =
        String::from("| rule | group | severity | fix | checks (ja) | checks (en) |\n|---|---|---|---|---|---|\n");
    for r in ALL {
        let fix = if r.fixable { "yes" } else { "" };
        out.push_str(&format!(
            "| `{}` | {} | {} | {fix} | {} | {} |\n",
            r.id,
            r.group.name(),
            r.severity.as_str(),
            r.summary.0,
            r.summary.1.replace('|', "\\|")
        ));
    }
    out
}

/// What `senshin-lint explain` prints.
pub fn explain(rule: &Rule, lang: crate::diagnostics::Lang) -> String {
    let (summary, docs) = match lang {
        crate::diagnostics::Lang::Ja => (rule.summary.0, rule.docs_ja),
        crate::diagnostics::Lang::En => (rule.summary.1, rule.docs),
    };
    format!(
        "# {}\n\n{}\n\n{} · {} · {}{}\n\n{}",
        rule.id,
        summary,
        rule.group.name(),
        rule.severity.as_str(),
        if rule.fixable { "fixable" } else { "no fix" },
        if rule.check.is_none() { " · reported while reading the draft" } else { "" },
        docs.trim_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_thread_and_two_agree() {
        let examples = [
            include_str!("../../examples/r6/report.yaml"),
            include_str!("../../examples/small/report.yaml"),
            include_str!("../../examples/broken/report.yaml"),
        ];
        for text in examples {
            let analysis = crate::analyze(text);
            let cx = Context { report: &analysis.report, text };
            let one = run_with(&cx, false);
            assert!(!one.is_empty() || text.contains("consistent in every figure"));
            assert_eq!(format!("{one:?}"), format!("{:?}", run_with(&cx, true)));
        }
    }
}
