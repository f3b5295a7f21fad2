//! `history-vs-report`: the five-year history ends with this report and runs without gaps.

use super::report_figure;
use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::read::era_text;
use jiff::civil::Date;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in cx.figures.iter().filter(|f| f.rule == RuleId::HistoryVsReport) {
        report_figure(f, cx.report.meta.rounding, cx.text, out);
    }
    periods(cx, out);
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
    if let (Some(last), Some(report)) =
        (history.last().and_then(|r| r.period.as_ref()), crate::checks::facts::report_year(cx.report))
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
