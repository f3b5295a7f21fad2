//! `report-period`: the reporting period is the 12 months from 1 July to 30 June, and the fiscal year is the
//! year it ends in.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::places;
use crate::model::read::{ReportYear, era_text};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let meta = &cx.report.meta;
    let Some(period) = &meta.period else { return };
    let (start, end) = period.value;
    if end < start {
        out.push(Diagnostic::new(
            RuleId::ReportPeriod,
            period.span,
            Message::new(
                format!(
                    "報告の対象期間の終わり（{}）が、始まり（{}）より前になっています。",
                    era_text(end),
                    era_text(start)
                ),
                format!("The reporting period ends ({}) before it starts ({}).", era_text(end), era_text(start)),
            ),
        ));
        return;
    }
    if !ReportYear::is_period(period.value) {
        // The year the period's start falls in.
        let hint = places::period(ReportYear::of_end(start).before(if start.month() >= 7 { -1 } else { 0 }).period());
        out.push(
            Diagnostic::new(
                RuleId::ReportPeriod,
                period.span,
                Message::new(
                    format!(
                        "報告の対象期間（{}）が、7月1日から翌年6月30日までの1年間になっていません。",
                        places::period(period.value)
                    ),
                    format!(
                        "The reporting period ({}) is not the year from 1 July to 30 June.",
                        places::period(period.value)
                    ),
                ),
            )
            .note(Message::new(
                format!("実績報告の対象期間は、前年7月1日から6月30日までです。たとえば{hint}です。"),
                format!("A report covers 1 July to 30 June of the next year, e.g. {hint}."),
            )),
        );
    }
    if let Some(fy) = &meta.fiscal_year {
        let written = crate::model::read::normalize(&fy.value).replace(' ', "");
        // 令和6年6月30日 ends 令和6年度: the fiscal year is named for the year its period ends in. A year written
        // any way the reader reads (R6年度, 令6年度, 2024年度) is compared as a year; other text is left alone.
        let expected = ReportYear::of_end(end);
        if let Ok(year) = ReportYear::parse(&written)
            && written.contains('年')
            && year != expected
        {
            let expected = expected.name();
            out.push(
                Diagnostic::new(
                    RuleId::ReportPeriod,
                    fy.span,
                    Message::new(
                        format!(
                            "年度「{written}」が、報告の対象期間（{}まで）の年度である{expected}と一致しません。",
                            era_text(end)
                        ),
                        format!(
                            "The fiscal year {written} is not {expected}, the year of a period ending on {}.",
                            era_text(end)
                        ),
                    ),
                )
                .label(period.span, Message::new("報告の対象期間", "the reporting period"))
                .note(Message::new(
                    "年度は、対象期間の終わる年で呼びます（令和6年6月30日までなら令和6年度）。",
                    "The fiscal year is named for the year its period ends in (to 令和6年6月30日: 令和6年度).",
                )),
            );
        }
    }
}
