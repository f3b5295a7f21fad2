//! `previous-history`: the five-year history repeats last year's, shifted by one. Last year's row is
//! compared with last year's report itself (its summary's 計 and its cost tables, as `history-vs-report`
//! compares this year's row with this report); each older row with last year's row of the same period.

use super::theirs;
use crate::checks::Context;
use crate::checks::summary::report_figure;
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId};
use crate::model::places;
use crate::model::{HistoryRow, Spanned};
use crate::text::Span;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(previous) = cx.previous else { return };
    for f in cx.figures.iter().filter(|f| f.rule == RuleId::PreviousHistory) {
        report_figure(f, cx.report.meta.rounding, cx.text, out);
    }
    let last = &previous.report;
    let last_period = last.meta.period.as_ref().map(|p| p.value);
    let history = &cx.report.history;
    for (i, row) in history.iter().enumerate() {
        let Some(period) = row.period.as_ref().map(|p| p.value) else { continue };
        // This year's row is `history-vs-report`'s, last year's row is compared with last year's report above.
        if i + 1 == history.len() || Some(period) == last_period {
            continue;
        }
        let Some(theirs_row) = last.history.iter().find(|r| r.period.as_ref().map(|p| p.value) == Some(period)) else {
            continue;
        };
        compare(cx, previous, row, i, theirs_row, out);
    }
}

/// The cells of one item in two rows, when both are read, and whether they hold the same figure.
fn pair<T: PartialEq>(mine: &Option<Spanned<T>>, theirs: &Option<Spanned<T>>) -> Option<(Span, Span, bool)> {
    let (m, t) = (mine.as_ref()?, theirs.as_ref()?);
    Some((m.span, t.span, m.value == t.value))
}

/// A cell as printed: its text without quotes.
fn printed(text: &str, span: Span) -> String {
    crate::text::unquoted(text[span.range()].trim()).to_owned()
}

fn compare(
    cx: &Context,
    previous: crate::checks::PreviousDraft,
    row: &HistoryRow,
    i: usize,
    them: &HistoryRow,
    out: &mut Vec<Diagnostic>,
) {
    let place = places::history_row(row, i, false);
    let there = theirs(previous, &place);
    let cells = [
        (pair(&row.months, &them.months), ("月数", "months")),
        (pair(&row.technologies, &them.technologies), ("技術数", "technologies")),
        (pair(&row.facilities, &them.facilities), ("実施医療機関数", "facilities")),
        (pair(&row.patients, &them.patients), ("全患者数", "patients")),
        (pair(&row.total_cost, &them.total_cost), ("総金額", "total amount")),
        (pair(&row.insured_cost, &them.insured_cost), ("保険外併用療養費の総額", "insured portion")),
        (pair(&row.advanced_cost, &them.advanced_cost), ("先進医療及び旧高度先進医療の総額", "advanced-care total")),
        (pair(&row.advanced_ratio, &them.advanced_ratio), ("全医療費のうち先進医療分の割合", "advanced-care share")),
    ];
    for (cell, (ja, en)) in cells {
        let Some((span, their_span, false)) = cell else { continue };
        let (m, t) = (printed(cx.text, span), printed(previous.text, their_span));
        out.push(
            Diagnostic::new(
                RuleId::PreviousHistory,
                span,
                Message::new(
                    format!("{}の{ja}が「{m}」となっていますが、{}では「{t}」です。", place.ja, there.ja),
                    format!("{}, {en}: {m} differs from {t} in {}.", place.en, there.en),
                ),
            )
            .label_previous(their_span, Message::new(format!("{}の{ja}", there.ja), format!("{}, {en}", there.en)))
            .note(Message::new(
                "過去５年間の実績の古い行は、前年度の報告の同じ年度の行を写したものです。",
                "The older rows of the five-year record repeat last year's rows for the same years.",
            ))
            .note(Message::new(
                "対処：前年度の報告から写し直してください。前年度の値を改めた場合は、その旨を確かめてください。",
                "To fix: copy the figure from last year's report again; if last year's figure was revised, confirm it.",
            ))
            .fix(Fix::replace(
                Message::new(format!("前年度の報告の「{t}」にする"), format!("use last year's {t}")),
                span,
                t.clone(),
                false,
            )),
        );
    }
}
