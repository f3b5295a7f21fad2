//! `history-vs-report`: the five-year history ends with this report and runs without gaps.

use super::{check_equal, check_rounded, check_rounded_ratio};
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::read::era_text;
use crate::model::{HistoryRow, Part};
use jiff::civil::Date;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let history = &cx.report.history;
    if let Some(last) = history.last() {
        last_row(cx, last, out);
    }
    if let (Some(before), Some(prev)) = (history.len().checked_sub(2).map(|i| &history[i]), &cx.report.changes.total)
        && let (Some(t), Some(p)) = (&before.technologies, &prev.previous)
    {
        check_equal(
            RuleId::HistoryVsReport,
            t,
            p.value.count(),
            ("前年度の行の技術数", "the previous year's 技術数"),
            ("技術数の推移の 計 ①（前年6月30日現在）", "changes 計 ① (a year earlier)"),
            &[p.span],
            out,
        );
    }
    periods(cx, out);
}

fn last_row(cx: &Context, last: &HistoryRow, out: &mut Vec<Diagnostic>) {
    let r = cx.report.meta.rounding;
    if let Some(total) = &cx.report.summary.total {
        let counts = [
            (&last.technologies, &total.technologies, ("技術数", "技術数"), ("実績の概要 計 ①", "summary 計 ①")),
            (
                &last.facilities,
                &total.facilities,
                ("実施医療機関数", "facilities"),
                ("実績の概要 計 ②", "summary 計 ②"),
            ),
            (&last.patients, &total.patients, ("全患者数", "patients"), ("実績の概要 計 ③", "summary 計 ③")),
        ];
        for (mine, theirs, what, from) in counts {
            if let (Some(m), Some(t)) = (mine, theirs) {
                let what = (format!("最終行の{}", what.0), format!("last row's {}", what.1));
                check_equal(RuleId::HistoryVsReport, m, t.value, (&what.0, &what.1), from, &[t.span], out);
            }
        }
    }
    let costs = &cx.report.costs;
    let (Some(a), Some(b)) = (costs.get(Part::A), costs.get(Part::B)) else {
        return;
    };
    let Some(facts::Totals { total_yen: total, advanced_yen: adv, .. }) = facts::totals(cx.report, &Part::BOTH) else {
        return;
    };
    let cells = |get: fn(&crate::model::CostTotal) -> Option<crate::text::Span>| -> Vec<crate::text::Span> {
        [a, b].iter().filter_map(|t| t.total.as_ref().and_then(get)).collect()
    };
    let total_cells = cells(|t| t.total_yen.as_ref().map(|c| c.span));
    let adv_cells = cells(|t| t.advanced_yen.as_ref().map(|c| c.span));
    let both: Vec<_> = total_cells.iter().chain(&adv_cells).copied().collect();
    let amounts = [
        (
            &last.total_cost,
            total,
            ("最終行の総金額", "last row's 総金額"),
            ("Ａ・Ｂの総合計の合計", "Σ 総合計 of A and B"),
            &total_cells,
        ),
        (
            &last.insured_cost,
            total - adv,
            ("最終行の保険外併用療養費", "last row's insured cost"),
            ("Σ 総合計 − Σ 先進医療総額", "Σ 総合計 − Σ 先進医療総額"),
            &both,
        ),
        (
            &last.advanced_cost,
            adv,
            ("最終行の先進医療の総額", "last row's advanced cost"),
            ("Ａ・Ｂの先進医療総額の合計", "Σ 先進医療総額 of A and B"),
            &adv_cells,
        ),
    ];
    for (printed, exact, what, from, cells) in amounts {
        if let Some(p) = printed {
            check_rounded(RuleId::HistoryVsReport, r, p, exact, what, from, cells, out);
        }
    }
    if let Some(p) = &last.advanced_ratio {
        check_rounded_ratio(
            RuleId::HistoryVsReport,
            r,
            p,
            (adv, total),
            ("最終行の割合", "last row's ratio"),
            &both,
            out,
        );
    }
}

fn next_day(d: Date) -> Option<Date> {
    d.tomorrow().ok()
}

/// The last day of the `months`-month period starting on `start`.
fn period_end(start: Date, months: u64) -> Option<Date> {
    let months = i32::try_from(months).ok()?;
    start.checked_add(jiff::Span::new().try_months(months).ok()?).ok()?.yesterday().ok()
}

fn periods(cx: &Context, out: &mut Vec<Diagnostic>) {
    let history = &cx.report.history;
    let mut previous_end: Option<Date> = None;
    for row in history {
        let Some(period) = &row.period else {
            previous_end = None;
            continue;
        };
        let (start, end) = period.value;
        if let Some(prev) = previous_end
            && next_day(prev) != Some(start)
        {
            let expected = next_day(prev).map_or(String::new(), era_text);
            out.push(Diagnostic::new(
                RuleId::HistoryVsReport,
                period.span,
                Message::new(
                    format!(
                        "期間が前の行に続いていません：前の行は{}に終わるので、この行は{expected}に始まるはずです",
                        era_text(prev)
                    ),
                    format!(
                        "the period does not follow the previous row, which ends on {prev}: it should start on {}",
                        next_day(prev).map_or(String::new(), |d| d.to_string())
                    ),
                ),
            ));
        }
        let months = row.months.as_ref().map_or(12, |m| m.value);
        if let Some(expected) = period_end(start, months)
            && expected != end
        {
            out.push(Diagnostic::new(
                RuleId::HistoryVsReport,
                period.span,
                Message::new(
                    format!(
                        "{months}ヵ月の期間なら{}に終わるはずですが、{}までです",
                        era_text(expected),
                        era_text(end)
                    ),
                    format!("a {months}-month period starting on {start} ends on {expected}, not {end}"),
                ),
            ));
        }
        previous_end = Some(end);
    }
    if let (Some(last), Some(report)) = (history.last().and_then(|r| r.period.as_ref()), &cx.report.meta.period)
        && last.value != report.value
    {
        let text = |(a, b): (Date, Date)| format!("{}～{}", era_text(a), era_text(b));
        out.push(
            Diagnostic::new(
                RuleId::HistoryVsReport,
                last.span,
                Message::new(
                    format!("最終行の期間 {} が報告の対象期間 {} と違います", text(last.value), text(report.value)),
                    format!(
                        "the last row's period {} is not the report's period {}",
                        text(last.value),
                        text(report.value)
                    ),
                ),
            )
            .label(report.span, Message::new("報告の対象期間", "the report's period")),
        );
    }
}
