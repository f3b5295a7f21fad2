//! One fault, one finding, at its cell: a slip in one row of the published report is reported once, by
//! `column-sum` at the 合計 with the row named, and never as page-1 or history figures that agree with the
//! printed 合計; nothing is derived from a table that could not be read. No fix is offered from figures in doubt.

use senshin_lint::diagnostics::{Diagnostic, RuleId, Severity};

const PUBLISHED: &str = include_str!("../examples/r6/report.yaml");

/// The errors of `text` that the published report does not have, by rule and position.
fn new_errors(text: &str) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let before: Vec<(RuleId, usize)> = senshin_lint::lint(PUBLISHED).iter().map(|d| (d.rule, d.span.start)).collect();
    let shift = text.len() as isize - PUBLISHED.len() as isize;
    let after = senshin_lint::lint(text);
    let new = after
        .iter()
        .filter(|d| d.severity == Severity::Error)
        // Positions after the edit moved by its length change.
        .filter(|d| {
            !before
                .iter()
                .any(|&(r, s)| r == d.rule && (s == d.span.start || s as isize + shift == d.span.start as isize))
        })
        .cloned()
        .collect();
    (new, after)
}

/// The one new error of a slip in 参考資料１ row 1's 総合計: `column-sum` at the 合計.
fn one_error_at_the_total(text: &str) -> (Diagnostic, Vec<Diagnostic>) {
    let (new, all) = new_errors(text);
    assert_eq!(new.len(), 1, "{new:#?}");
    let d = new[0].clone();
    assert_eq!(d.rule, RuleId::ColumnSum);
    assert_eq!(&text[d.span.range()], "91,117,710,124", "at the printed 合計");
    (d, all)
}

#[test]
fn a_slip_that_one_row_explains_names_the_row_and_rewrites_nothing() {
    // Two digits swapped: only row 1 read back gives the printed 合計.
    let text = PUBLISHED.replacen("total_yen: 2,794,008,117", "total_yen: 2,794,008,171", 1);
    let (d, _) = one_error_at_the_total(&text);
    let row = text.find("2,794,008,171").unwrap();
    assert!(d.labels.iter().any(|l| l.span.start == row && l.message.en.contains("2,794,008,117")), "{:#?}", d.labels);
    assert!(d.fix.is_none(), "the 合計 may be right: it is not rewritten");
}

#[test]
fn a_slip_in_a_row_is_one_error_at_the_total() {
    // A digit of the hundred millions: a dozen rows could hold such a slip, so none is named.
    let text = PUBLISHED.replacen("total_yen: 2,794,008,117", "total_yen: 2,894,008,117", 1);
    let (_, all) = one_error_at_the_total(&text);
    // The page-1 and history figures that agree with the printed 合計 are not flagged, and those that were
    // (the published report's own findings) offer no fix while the table is in doubt.
    for d in all.iter().filter(|d| matches!(d.rule, RuleId::SummaryVsCosts | RuleId::HistoryVsReport)) {
        if d.labels.iter().any(|l| l.span.start == text.find("rows:").unwrap()) {
            assert!(d.fix.is_none(), "a fix from a figure in doubt: {}", d.message.en);
        }
    }
}

#[test]
fn an_unreadable_table_floods_nothing() {
    let start = PUBLISHED.find("costs:").unwrap();
    let rows = start + PUBLISHED[start..].find("    rows:\n").unwrap();
    let end = rows + PUBLISHED[rows..].find("    total:").unwrap();
    let text = format!("{}    rows: 5\n{}", &PUBLISHED[..rows], &PUBLISHED[end..]);
    let all = senshin_lint::lint(&text);
    let errors: Vec<_> = all.iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.iter().any(|d| d.rule == RuleId::Schema), "the rows are reported");
    assert!(
        !all.iter().any(|d| d.fix.as_ref().is_some_and(|f| f.edits.iter().any(|e| e.replacement.contains("約0.0")))),
        "no figure derived from an unread table"
    );
    assert!(!errors.iter().any(|d| d.rule == RuleId::ColumnSum), "{errors:#?}");
    // The published report's own findings are still made, through the printed 合計 of the unread table.
    assert!(errors.iter().any(|d| d.rule == RuleId::SummaryVsCosts && d.message.en.contains("約911.1億円")));
}

#[test]
fn a_table_that_gives_nothing_says_once_that_its_figures_were_not_checked() {
    let start = PUBLISHED.find("costs:").unwrap();
    let rows = start + PUBLISHED[start..].find("    rows:\n").unwrap();
    let total_end =
        rows + PUBLISHED[rows..].find("      facilities: 1,772\n").unwrap() + "      facilities: 1,772\n".len();
    let text = format!("{}    rows: 5\n{}", &PUBLISHED[..rows], &PUBLISHED[total_end..]);
    let notes: Vec<_> = senshin_lint::lint(&text).into_iter().filter(|d| d.severity == Severity::Info).collect();
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert!(notes[0].message.en.contains("not checked"));
}

#[test]
fn an_unreadable_yen_cell_hides_no_finding_elsewhere() {
    let text = PUBLISHED.replacen("total_yen: 1,006,730", "total_yen: 1,006,73O", 1);
    let found = senshin_lint::lint(&text);
    assert!(found.iter().any(|d| d.rule == RuleId::ValueFormat && &text[d.span.range()] == "1,006,73O"));
    let history = text.find("advanced_cost: 約120億円").unwrap() + "advanced_cost: ".len();
    assert!(
        found.iter().any(|d| d.rule == RuleId::HistoryVsReport && d.span.start == history),
        "the history's 約120億円 is still compared, through the printed 合計s"
    );
}

/// The findings of `text` that the published report does not have, by rule and the text they point at; with
/// `errors_only`, only the errors.
fn new_findings(text: &str, errors_only: bool) -> Vec<(RuleId, String)> {
    let key = |t: &str, d: &Diagnostic| (d.rule, t[d.span.range()].to_owned(), d.message.en.clone());
    let before: Vec<_> = senshin_lint::lint(PUBLISHED).iter().map(|d| key(PUBLISHED, d)).collect();
    senshin_lint::lint(text)
        .iter()
        .filter(|d| !errors_only || d.severity == Severity::Error)
        .map(|d| key(text, d))
        .filter(|k| !before.contains(k))
        .map(|(rule, at, _)| (rule, at))
        .collect()
}

/// Each slip of the audit, made in the published report: found by the rule and at the cell expected, with no
/// other new error (a wrong date still moves the warnings that read it); each form the report prints: nothing.
#[test]
fn each_slip_is_one_finding_at_its_cell_and_each_printed_form_none() {
    let history_first = "  - period: R1.7.1～R2.6.30\n";
    let first_row_end = PUBLISHED.find("  - period: R2.7.1～R3.6.30").unwrap();
    let start = PUBLISHED.find(history_first).unwrap();
    let without_oldest = format!("{}{}", &PUBLISHED[..start], &PUBLISHED[first_row_end..]);
    let sixth = PUBLISHED[start..first_row_end].replace("R1.7.1～R2.6.30", "H30.7.1～R1.6.30");
    let with_sixth = format!("{}{sixth}{}", &PUBLISHED[..start], &PUBLISHED[start..]);
    let slips: Vec<(String, RuleId, &str)> = vec![
        (PUBLISHED.replacen("effective: 令6.4.1", "effective: 6.4.1", 1), RuleId::ValueFormat, "6.4.1"),
        (PUBLISHED.replacen("effective: 令6.3.1", "effective: 平6.3.1", 1), RuleId::EffectiveOrder, "平6.3.1"),
        (PUBLISHED.replacen("fiscal_year: 令和6年度", "fiscal_year: 令和7年度", 1), RuleId::ReportPeriod, "令和7年度"),
        (
            PUBLISHED.replacen("period: 令和5年7月1日～令和6年6月30日", "period: 令和4年7月1日～令和6年6月30日", 1),
            RuleId::ReportPeriod,
            "令和4年7月1日～令和6年6月30日",
        ),
        (PUBLISHED.replacen("notice: \"10(1)\"", "notice: \"10①\"", 1), RuleId::ValueFormat, "\"10①\""),
        // A reversed period is one finding, not one on every date measured against it.
        (
            PUBLISHED.replacen("period: 令和5年7月1日～令和6年6月30日", "period: 令和6年6月30日～令和5年7月1日", 1),
            RuleId::ReportPeriod,
            "令和6年6月30日～令和5年7月1日",
        ),
        (
            PUBLISHED.replacen("advanced_cost: 約113.0億円", "advanced_cost: 約113億円", 1),
            RuleId::PrintedPrecision,
            "約113億円",
        ),
        (without_oldest, RuleId::HistoryLength, "R5.7.1～R6.6.30"),
        (with_sixth, RuleId::HistoryLength, "H30.7.1～R1.6.30"),
    ];
    for (text, rule, at) in slips {
        let expected = (rule, at.to_owned());
        assert!(new_findings(&text, false).contains(&expected), "{rule} at {at}: {:?}", new_findings(&text, false));
        let errors = new_findings(&text, true);
        assert!(errors.iter().all(|e| *e == expected), "{rule} at {at}, and more errors: {errors:?}");
    }
    let forms = [
        PUBLISHED.replacen("period: 令和5年7月1日～令和6年6月30日", "period: 令和5年7月1日～6年6月30日", 1),
        PUBLISHED.replacen("    facilities: 449\n", "    facilities: 449施設※２\n", 1),
        PUBLISHED.replacen("total_yen: \"-\"", "total_yen: \"−\"", 1).replacen(
            "advanced_yen: \"-\"",
            "advanced_yen: \"—\"",
            1,
        ),
        PUBLISHED.replacen("    months: 12\n", "    months: 12ヵ月\n", 1),
    ];
    for text in forms {
        assert_eq!(new_findings(&text, false), [], "a printed form is read as the report means it");
    }
}
