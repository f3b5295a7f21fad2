//! `report-period`: the reporting period is the 12 months from 1 July to 30 June, and the fiscal year is the
//! year it ends in.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::read::era_text;
use jiff::civil::Date;

/// The last day of the 12 months from `start`.
fn year_end(start: Date) -> Option<Date> {
    start.checked_add(jiff::Span::new().years(1)).ok()?.yesterday().ok()
}

/// Whether a period is a report's year: the 12 months from 1 July. Other rules measure against the report's
/// period only when it is one, so that a wrong period is one finding, here.
pub(crate) fn is_report_year((start, end): (Date, Date)) -> bool {
    start.month() == 7 && start.day() == 1 && year_end(start) == Some(end)
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let meta = &cx.report.meta;
    let Some(period) = &meta.period else { return };
    let (start, end) = period.value;
    let text = |(a, b): (Date, Date)| format!("{}～{}", era_text(a), era_text(b));
    if end < start {
        out.push(Diagnostic::new(
            RuleId::ReportPeriod,
            period.span,
            Message::new(
                format!("対象期間の終わり（{}）が始まり（{}）より前です", era_text(end), era_text(start)),
                format!("the period ends ({end}) before it starts ({start})"),
            ),
        ));
        return;
    }
    if !is_report_year(period.value) {
        let expected = Date::new(if start.month() >= 7 { start.year() } else { start.year() - 1 }, 7, 1)
            .ok()
            .and_then(|s| Some((s, year_end(s)?)));
        let hint = expected.map_or(String::new(), text);
        out.push(
            Diagnostic::new(
                RuleId::ReportPeriod,
                period.span,
                Message::new(
                    format!("対象期間 {} は7月1日から翌年6月30日までの12か月ではありません", text(period.value)),
                    format!("the period {start} to {end} is not the 12 months from 1 July to 30 June"),
                ),
            )
            .note(Message::new(format!("たとえば {hint}"), format!("for example {hint}"))),
        );
    }
    if let Some(fy) = &meta.fiscal_year {
        let written = crate::model::read::normalize(&fy.value).replace(' ', "");
        // 令和6年6月30日 ends 令和6年度: the fiscal year is named for the year its period ends in.
        let end_text = era_text(end);
        let expected =
            format!("{}度", &end_text[..end_text.find('年').map_or(end_text.len(), |i| i + '年'.len_utf8())]);
        let western = format!("{}年度", end.year());
        if written.contains("年度") && written != expected && written != western {
            out.push(
                Diagnostic::new(
                    RuleId::ReportPeriod,
                    fy.span,
                    Message::new(
                        format!("{written} は対象期間（{}まで）の年度 {expected} と違います", era_text(end)),
                        format!("{written} is not the fiscal year of a period ending on {end} ({expected})"),
                    ),
                )
                .label(period.span, Message::new("対象期間", "the period")),
            );
        }
    }
}
