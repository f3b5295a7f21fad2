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
    // ② may be less than the sum of the rows (a facility runs several technologies), never more.
    let (costs, summary) = (&cx.report.costs, &cx.report.summary);
    for part in Part::BOTH {
        if let (Some(table), Some(col)) = (costs.get(part), summary.get(part)) {
            facilities(col, &[table], part.label(), out);
        }
    }
    if let (Some(a), Some(b), Some(col)) = (&costs.a, &costs.b, &summary.total) {
        facilities(col, &[a, b], "計", out);
    }
}

fn facilities(col: &SummaryColumn, tables: &[&CostTable], column: &str, out: &mut Vec<Diagnostic>) {
    let Some(f) = &col.facilities else { return };
    let mut max = 0;
    let mut cells: Vec<Span> = Vec::new();
    for table in tables {
        let total = table.total.as_ref();
        // A column with an unreadable row falls back to the printed 合計 (column-sum covers the two agreeing).
        let Some(n) = facts::sums(table).facilities.or(total.and_then(|t| t.facilities.as_ref().map(|v| v.value)))
        else {
            return;
        };
        max += n;
        cells.extend(total.and_then(|t| t.facilities.as_ref()).map(|c| c.span));
    }
    if f.value <= max {
        return;
    }
    let (fs, ms) = (group_digits(f.value.into()), group_digits(max.into()));
    let mut d = Diagnostic::new(
        RuleId::SummaryVsCosts,
        f.span,
        Message::new(
            format!("{column} ② 実施医療機関数 {fs} が費用の表の実施医療機関数の合計 {ms} を超えています"),
            format!("{column} ② facilities {fs} exceed the cost table's total of facilities {ms}"),
        ),
    );
    for s in cells {
        d = d.label(s, Message::new("実施医療機関数の合計", "the total of facilities"));
    }
    out.push(d);
}
