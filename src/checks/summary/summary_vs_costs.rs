//! `summary-vs-costs`: the summary page agrees with the exact cost tables. The figures it compares are
//! computed once per analysis (`checks::figures`), where hover and hints read them too.

use super::report_figure;
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId, group_digits};
use crate::model::places::{self, SummaryItem};
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
            let mut d = Diagnostic::new(RuleId::SummaryVsCosts, at.span, {
                let t = places::cost_table(part);
                Message::new(
                    format!(
                        "{}を読み取れなかったため、先－１－１ 実績の概要の金額（{}）は照合していません。",
                        t.ja,
                        part.label()
                    ),
                    format!(
                        "{} could not be read, so the summary's amounts for {} were not checked against it.",
                        places::cap(&t.en),
                        part.label()
                    ),
                )
            });
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
            facilities(col, &[table], &zero, places::Column::of(part), out);
        }
    }
    if let (Some(a), Some(b), Some(col)) = (&costs.a, &costs.b, &summary.total) {
        let zero: Vec<&[crate::model::ZeroCase]> =
            Part::BOTH.iter().filter_map(|&p| cx.report.zero_cases.get(p).map(Vec::as_slice)).collect();
        facilities(col, &[a, b], &zero, places::Column::Total, out);
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
    column: places::Column,
    out: &mut Vec<Diagnostic>,
) {
    let Some(f) = &col.facilities else { return };
    let place = places::summary(column, SummaryItem::Facilities);
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
                    format!("{}{fs}施設が、1つの技術の実施医療機関数{ns}機関より少なくなっています。", place.ja),
                    format!("{}: {fs} is fewer than the {ns} facilities of one technology.", place.en),
                ),
            )
            .label(span, Message::new("この技術の実施医療機関数", "this technology's facilities"))
            .note(Message::new(
                "②は、技術ごとの実施医療機関を重複なく数えた数なので、どの技術の実施医療機関数よりも少なくなることはありません。",
                "② counts each facility once, so it is never fewer than the facilities of any one technology.",
            )),
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
                "{}{fs}施設が、参考資料の実施医療機関数の合計{ms}機関と、先－１－２に載っている医療機関{zs}機関の和を超えています。",
                place.ja
            ),
            format!(
                "{}: {fs} exceeds the total of facilities in the cost tables, {ms}, plus the {zs} listed in the zero-case table (先－１－２).",
                place.en
            ),
        ),
    )
    .note(Message::new(
        "②には、実施のなかった医療機関も含まれます。その医療機関が先－１－２に載っていない場合もあるため、警告としています。",
        "② includes facilities without a case; one may be missing from the zero-case table, so this is a warning.",
    ));
    d.severity = crate::diagnostics::Severity::Warning;
    for s in cells {
        d = d.label(s, Message::new("実施医療機関数の合計", "the total of facilities"));
    }
    out.push(d);
}
