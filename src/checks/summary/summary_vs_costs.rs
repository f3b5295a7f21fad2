//! `summary-vs-costs`: the summary page agrees with the exact cost tables. The figures it compares are
//! computed once per analysis (`checks::figures`), where hover and hints read them too.

use super::report_figure;
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId, group_digits};
use crate::model::{CostTable, Part, SummaryColumn};
use crate::text::Span;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in cx.figures.iter().filter(|f| f.rule == RuleId::SummaryVsCosts) {
        report_figure(f, cx.report.meta.rounding, cx.text, out);
    }
    // A table that gives nothing to compare with (rows unread, no printed 合計) says so once, at its column.
    for part in Part::BOTH {
        if let (Some(table), Some(col)) = (cx.report.costs.get(part), cx.report.summary.get(part))
            && !table.complete
            && table.total.as_ref().is_none_or(|t| t.total_yen.is_none() && t.advanced_yen.is_none())
            && let Some(at) = [&col.total_cost, &col.advanced_cost, &col.insured_cost].into_iter().flatten().next()
        {
            let mut d = Diagnostic::new(
                RuleId::SummaryVsCosts,
                at.span,
                Message::new(
                    format!("{}の費用の表が読めないため、実績の概要の金額は費用の表と照合していません", part.label()),
                    format!(
                        "the {} cost table could not be read: the summary's amounts were not checked against it",
                        part.label()
                    ),
                ),
            );
            d.severity = crate::diagnostics::Severity::Info;
            out.push(d);
        }
    }
    // ② may be less than the sum of the rows (a facility runs several technologies), never more.
    let (costs, summary) = (&cx.report.costs, &cx.report.summary);
    for part in Part::BOTH {
        if let (Some(table), Some(col)) = (costs.get(part), summary.get(part)) {
            let zero: Vec<&[crate::model::ZeroCase]> =
                cx.report.zero_cases.get(part).map(Vec::as_slice).into_iter().collect();
            facilities(col, &[table], &zero, part.label(), out);
        }
    }
    if let (Some(a), Some(b), Some(col)) = (&costs.a, &costs.b, &summary.total) {
        let zero: Vec<&[crate::model::ZeroCase]> =
            Part::BOTH.iter().filter_map(|&p| cx.report.zero_cases.get(p).map(Vec::as_slice)).collect();
        facilities(col, &[a, b], &zero, "計", out);
    }
}

/// ② counts the facilities registered at 30 June: at least those of the busiest technology, at most those that
/// carried out a case plus those listed as having none (a facility whose only technology had no case shows as
/// 「-」 in the table and appears in 先－１－２). The lower bound always holds; the upper one only as far as the
/// zero-case table is complete, so it is a warning.
fn facilities(
    col: &SummaryColumn,
    tables: &[&CostTable],
    zero: &[&[crate::model::ZeroCase]],
    column: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Some(f) = &col.facilities else { return };
    let busiest = tables
        .iter()
        .flat_map(|t| &t.rows)
        .filter_map(|r| Some((r.facilities.as_ref()?.value.value()?, r.facilities.as_ref()?.span)))
        .max_by_key(|&(n, _)| n);
    if let Some((n, span)) = busiest.filter(|&(n, _)| f.value < n) {
        let (fs, ns) = (group_digits(f.value.into()), group_digits(n.into()));
        out.push(
            Diagnostic::new(
                RuleId::SummaryVsCosts,
                f.span,
                Message::new(
                    format!("{column} ② 実施医療機関数 {fs} が、1つの技術の実施医療機関数 {ns} より少なくなっています"),
                    format!("{column} ② facilities {fs} are fewer than one technology's {ns}"),
                ),
            )
            .label(span, Message::new("この技術の実施医療機関数", "this technology's facilities")),
        );
    }
    let mut max: u64 = 0;
    let mut cells: Vec<Span> = Vec::new();
    for table in tables {
        let total = table.total.as_ref();
        // A column with an unreadable row falls back to the printed 合計 (column-sum covers the two agreeing).
        let Some(n) = facts::sums(table).facilities.or(total.and_then(|t| t.facilities.as_ref().map(|v| v.value)))
        else {
            return;
        };
        max = max.saturating_add(n);
        cells.extend(total.and_then(|t| t.facilities.as_ref()).map(|c| c.span));
    }
    let mut listed: Vec<&str> = zero
        .iter()
        .flat_map(|z| z.iter())
        .flat_map(|e| &e.facilities)
        .filter_map(|f| Some(f.name.as_ref()?.value.trim()))
        .collect();
    listed.sort_unstable();
    listed.dedup();
    let bound = max.saturating_add(listed.len() as u64);
    if f.value <= bound {
        return;
    }
    let (fs, ms, zs) = (group_digits(f.value.into()), group_digits(max.into()), listed.len());
    let mut d = Diagnostic::new(
        RuleId::SummaryVsCosts,
        f.span,
        Message::new(
            format!(
                "{column} ② 実施医療機関数 {fs} が、費用の表の実施医療機関数の合計 {ms} と0件の説明にある医療機関 {zs} の和を超えています"
            ),
            format!(
                "{column} ② facilities {fs} exceed the cost table's total of facilities {ms} plus the {zs} listed with no case"
            ),
        ),
    );
    d.severity = crate::diagnostics::Severity::Warning;
    for s in cells {
        d = d.label(s, Message::new("実施医療機関数の合計", "the total of facilities"));
    }
    out.push(d);
}
