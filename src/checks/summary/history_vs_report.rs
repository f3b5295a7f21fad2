//! `history-vs-report`: the five-year history ends with this report and runs without gaps.

use super::report_figure;
use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::places;
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
    for (i, row) in history.iter().enumerate() {
        let place = places::history_row(row, i, i + 1 == history.len());
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
                        "{}が、前の行に続いていません。前の行は{}に終わるため、この行は{expected}に始まります。",
                        place.ja,
                        era_text(prev)
                    ),
                    format!(
                        "{}: it does not follow the previous row, which ends on {}; it starts on {expected}.",
                        place.en,
                        era_text(prev)
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
                        "{}の期間が{}までになっていますが、{months}ヵ月の期間であれば{}までです。",
                        place.ja,
                        era_text(end),
                        era_text(expected)
                    ),
                    format!(
                        "{}: a {months}-month period from {} ends on {}, not {}.",
                        place.en,
                        era_text(start),
                        era_text(expected),
                        era_text(end)
                    ),
                ),
            ));
        }
        previous_end = Some(end);
    }
    if let (Some(last), Some(report)) =
        (history.last().and_then(|r| r.period.as_ref()), crate::checks::facts::report_year(cx.report))
        && last.value != report.value
    {
        out.push(
            Diagnostic::new(
                RuleId::HistoryVsReport,
                last.span,
                Message::new(
                    format!(
                        "過去５年間の実績の最後の行（{}）が、報告の対象期間（{}）と一致しません。",
                        places::short_period(last.value),
                        places::period(report.value)
                    ),
                    format!(
                        "Five-year record (過去５年間の実績): the last row ({}) is not the reporting period ({}).",
                        places::short_period(last.value),
                        places::period(report.value)
                    ),
                ),
            )
            .label(report.span, Message::new("報告の対象期間", "the reporting period"))
            .note(Message::new(
                "過去５年間の実績の最後の行は今年度の行です。前年の報告書から写した場合は、今年度の行を加え、最も古い行を消してください。",
                "The record's last row is this year's. If the rows were copied from last year's report, add this year's row and drop the oldest.",
            )),
        );
    }
}
