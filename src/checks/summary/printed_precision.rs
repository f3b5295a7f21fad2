//! `printed-precision`: rounded figures are printed at the report's precision — ④–⑥ to 0.1 億円 and ⑦ to
//! 0.1 % (note ※3), the history's amounts to 1 億円 and its ratio to 0.1 %. A spreadsheet's General format drops
//! the `.0` of `約113.0億円`; a figure with more places than printed (`約911.18億円`) was copied before rounding.

use crate::checks::figures::{Exact, Figure};
use crate::checks::{Context, written};
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId};
use crate::model::exact::Q;
use crate::model::places::{self, Column, SummaryItem};
use crate::model::{Amount, Decimal, Spanned};
use crate::text::Span;
use crate::text::unquoted;

/// 億円 as a power of ten yen.
const OKU: u32 = 8;

fn amount(cx: &Context, cell: &Option<Spanned<Amount>>, places: u32, name: &Message, out: &mut Vec<Diagnostic>) {
    let Some(a) = cell else { return };
    if a.value.exp == OKU && a.value.value.scale == places {
        return;
    }
    let (ja_places, en_places) = match places {
        0 => ("1億円単位（約120億円 など）", "whole 億円 (約120億円)"),
        _ => ("0.1億円単位（約911.1億円 など）", "0.1 億円 (約911.1億円)"),
    };
    let mut d = Diagnostic::new(
        RuleId::PrintedPrecision,
        a.span,
        Message::new(
            format!("{}が「{}」と書かれています。報告書では{ja_places}で印刷します。", name.ja, a.value),
            format!("{}: {} is written; the report prints it in {en_places}.", name.en, a.value),
        ),
    );
    // The figure at the report's places, from the exact value the cell stands for (`約113億円` may stand for
    // 113.06 億円, which prints 約113.1億円): only where that value is known and not in doubt.
    if a.value.exp == OKU
        && let Some(Exact::Value(yen)) = figure(cx, a.span).map(|f| f.exact)
    {
        let wanted =
            Amount { value: Decimal::round(Q::new(yen, 10i128.pow(OKU)), places, cx.report.meta.rounding), ..a.value };
        let padded = a.value.value.scale < places
            && wanted.value.mantissa == a.value.value.mantissa * 10i128.pow(places - a.value.value.scale);
        d = d.fix(rewrite(cx, a.span, &wanted.to_string(), padded));
    }
    out.push(d);
}

fn percent(cx: &Context, cell: &Option<Spanned<Decimal>>, name: &Message, out: &mut Vec<Diagnostic>) {
    let Some(p) = cell else { return };
    if p.value.scale == 1 {
        return;
    }
    let mut d = Diagnostic::new(
        RuleId::PrintedPrecision,
        p.span,
        Message::new(
            format!("{}が「{}%」と書かれています。報告書では0.1%単位（12.4% など）で印刷します。", name.ja, p.value),
            format!("{}: {}% is written; the report prints it to 0.1% (12.4%).", name.en, p.value),
        ),
    );
    if let Some(Exact::Ratio { part, whole }) = figure(cx, p.span).map(|f| f.exact) {
        let wanted = Decimal::round(Q::new(part * 100, whole), 1, crate::checks::figures::SHARE_ROUNDING);
        let padded = p.value.scale == 0 && wanted.mantissa == p.value.mantissa * 10;
        d = d.fix(rewrite(cx, p.span, &format!("{wanted}%"), padded));
    }
    out.push(d);
}

/// The derived figure of a cell, when it is not in doubt.
fn figure<'a>(cx: &'a Context, span: Span) -> Option<&'a Figure> {
    cx.figures.iter().find(|f| f.span == span && f.also.is_empty())
}

/// The fix writing the figure at the report's places: safe when it only adds the `.0` a spreadsheet dropped,
/// unsafe when the figure itself changes.
fn rewrite(cx: &Context, span: Span, shown: &str, padded: bool) -> Fix {
    let text = written::like(cx.text, span, shown);
    let shown = unquoted(&text);
    Fix::replace(Message::new(format!("「{shown}」に直す"), format!("write {shown}")), span, text, padded)
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let summary = &cx.report.summary;
    for (col, column) in [(&summary.a, Column::A), (&summary.b, Column::B), (&summary.total, Column::Total)] {
        let Some(col) = col else { continue };
        for (cell, item) in [
            (&col.insured_cost, SummaryItem::Insured),
            (&col.advanced_cost, SummaryItem::Advanced),
            (&col.total_cost, SummaryItem::Total),
        ] {
            amount(cx, cell, 1, &places::summary(column, item), out);
        }
        percent(cx, &col.advanced_ratio, &places::summary(column, SummaryItem::Ratio), out);
    }
    let history = &cx.report.history;
    for (i, row) in history.iter().enumerate() {
        let place = places::history_row(row, i, i + 1 == history.len());
        let item = |ja: &str, en: &str| Message::new(format!("{}の{ja}", place.ja), format!("{}, {en}", place.en));
        for (cell, ja, en) in [
            (&row.total_cost, "総金額", "total amount"),
            (&row.insured_cost, "保険外併用療養費の総額", "insured portion"),
            (&row.advanced_cost, "先進医療及び旧高度先進医療の総額", "advanced-care total"),
        ] {
            amount(cx, cell, 0, &item(ja, en), out);
        }
        percent(cx, &row.advanced_ratio, &item("全医療費のうち先進医療及び旧高度先進医療分の割合", "share"), out);
    }
}
