//! The checks that read the typed `Report`, one file per rule with its documentation beside it (`<rule>.md`,
//! `<rule>.ja.md`). A check emits plain `Diagnostic`s under its `RuleId`; it never formats positions or prints.
//! The rules' identities are in the catalogue below the parser (`crate::catalogue`); this is where the checks
//! are registered (`ALL`).

pub(crate) mod facts;
pub mod figures;
pub mod written;

pub mod changes;
pub mod dates;
pub mod numbering;
pub mod previous;
pub mod summary;
pub mod sums;
pub mod text;
pub mod zero_cases;

use crate::diagnostics::{Diagnostic, RuleId};
use crate::model::{Part, Report};

/// What a check sees.
pub struct Context<'a> {
    pub report: &'a Report,
    pub text: &'a str,
    /// The derived figures, computed once (`figures::figures`).
    pub figures: &'a [figures::Figure],
    /// Last year's draft, for the `previous-*` rules (they do nothing without it).
    pub previous: Option<PreviousDraft<'a>>,
}

/// Last year's draft as the checks see it: its report and its text (labels point into it).
#[derive(Clone, Copy)]
pub struct PreviousDraft<'a> {
    pub report: &'a Report,
    pub text: &'a str,
}

pub type Check = fn(&Context, &mut Vec<Diagnostic>);

/// Every check, in catalogue order.
pub static ALL: &[(RuleId, Check)] = &[
    (RuleId::ColumnSum, sums::column_sum::check),
    (RuleId::AdvancedExceedsTotal, sums::advanced_exceeds_total::check),
    (RuleId::ZeroRowValues, sums::zero_row_values::check),
    (RuleId::SummaryArithmetic, summary::summary_arithmetic::check),
    (RuleId::HistoryArithmetic, summary::history_arithmetic::check),
    (RuleId::SummaryVsCosts, summary::summary_vs_costs::check),
    (RuleId::ChangeBalance, changes::change_balance::check),
    (RuleId::ApprovedCount, changes::approved_count::check),
    (RuleId::HistoryVsReport, summary::history_vs_report::check),
    (RuleId::HistoryLength, summary::history_length::check),
    (RuleId::PrintedPrecision, summary::printed_precision::check),
    (RuleId::ZeroCaseMissing, zero_cases::zero_case_missing::check),
    (RuleId::ZeroCaseUnexpected, zero_cases::zero_case_unexpected::check),
    (RuleId::ZeroCaseName, zero_cases::zero_case_name::check),
    (RuleId::PriorCases, zero_cases::prior_cases::check),
    (RuleId::ZeroCaseOrder, zero_cases::zero_case_order::check),
    (RuleId::SerialSequence, numbering::serial_sequence::check),
    (RuleId::NoticeOrder, numbering::notice_order::check),
    (RuleId::SubrowConsistency, numbering::subrow_consistency::check),
    (RuleId::EffectiveAfterPeriod, dates::effective_after_period::check),
    (RuleId::ReportPeriod, dates::report_period::check),
    (RuleId::EffectiveOrder, dates::effective_order::check),
    (RuleId::MixedPunctuation, text::mixed_punctuation::check),
    (RuleId::PreviousChanges, previous::previous_changes::check),
    (RuleId::PreviousHistory, previous::previous_history::check),
    (RuleId::PreviousCases, previous::previous_cases::check),
    (RuleId::PreviousTechnologies, previous::previous_technologies::check),
];

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
    let checks: Vec<Check> = ALL.iter().map(|&(_, check)| check).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_checked_rule_of_the_catalogue_is_registered_once_in_its_order() {
        let checked: Vec<RuleId> = crate::catalogue::all().iter().filter(|r| r.checked).map(|r| r.rule).collect();
        let registered: Vec<RuleId> = ALL.iter().map(|&(id, _)| id).collect();
        assert_eq!(registered, checked);
    }

    #[test]
    fn one_thread_and_two_agree() {
        let examples = [
            include_str!("../../examples/r6/report.yaml"),
            include_str!("../../examples/small/report.yaml"),
            include_str!("../../examples/broken/report.yaml"),
        ];
        for text in examples {
            let analysis = crate::analyze(text);
            let cx = Context { report: &analysis.report, text, figures: &analysis.figures, previous: None };
            let one = run_with(&cx, false);
            assert!(!one.is_empty() || text.contains("consistent in every figure"));
            assert_eq!(format!("{one:?}"), format!("{:?}", run_with(&cx, true)));
        }
    }
}
