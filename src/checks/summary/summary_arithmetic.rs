//! `summary-arithmetic`: the summary page agrees with itself.

use super::{Three, check_ratio, check_sum};
use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId, group_digits};
use crate::model::places::{self, Column, SummaryItem};
use crate::model::{Amount, Spanned, SummaryColumn};

type CountField = fn(&SummaryColumn) -> &Option<Spanned<u64>>;
type AmountField = fn(&SummaryColumn) -> &Option<Spanned<Amount>>;

fn mark(item: SummaryItem) -> Message {
    Message::new(item.mark(), item.mark())
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let s = &cx.report.summary;
    let r = cx.report.meta.rounding;
    let columns = [(Column::A, &s.a), (Column::B, &s.b), (Column::Total, &s.total)];
    for (column, col) in columns.into_iter().filter_map(|(c, col)| Some((c, col.as_ref()?))) {
        let table = places::cost_tables(column).ja;
        let advice = |marks: &str, en: &str| {
            Message::new(
                format!("対処：{marks}のいずれかを写し誤ったものと思われます。{table}の合計から求め直してください。"),
                format!(
                    "To fix: one of {en} was probably copied wrongly. Derive them again from the totals of {table}."
                ),
            )
        };
        if let (Some(a), Some(b), Some(t)) = (&col.insured_cost, &col.advanced_cost, &col.total_cost) {
            let names = Three {
                terms: [mark(SummaryItem::Insured), mark(SummaryItem::Advanced)],
                place: places::summary(column, SummaryItem::Total),
                advice: advice("④⑤⑥", "④–⑥"),
            };
            check_sum(RuleId::SummaryArithmetic, r, (a, b, t), names, out);
        }
        if let (Some(a), Some(t), Some(p)) = (&col.advanced_cost, &col.total_cost, &col.advanced_ratio) {
            let names = Three {
                terms: [mark(SummaryItem::Advanced), mark(SummaryItem::Total)],
                place: places::summary(column, SummaryItem::Ratio),
                advice: advice("⑤⑥⑦", "⑤–⑦"),
            };
            check_ratio(RuleId::SummaryArithmetic, r, (a, t, p), names, out);
        }
    }
    let (Some(a), Some(b), Some(t)) = (&s.a, &s.b, &s.total) else {
        return;
    };
    let parts = || [Column::A.name(), Column::B.name()];
    let counts: [(CountField, SummaryItem, &str); 2] =
        [(|c| &c.technologies, SummaryItem::Technologies, "種類"), (|c| &c.patients, SummaryItem::Patients, "人")];
    for (field, item, unit) in counts {
        if let (Some(x), Some(y), Some(z)) = (field(a), field(b), field(t))
            && z.value != x.value + y.value
        {
            let g = |v: u64| group_digits(v.into());
            let (zs, xs, ys, sum) = (g(z.value), g(x.value), g(y.value), g(x.value + y.value));
            let place = places::summary(Column::Total, item);
            let [pa, pb] = parts();
            out.push(
                Diagnostic::new(
                    RuleId::SummaryArithmetic,
                    z.span,
                    Message::new(
                        format!("{}{zs}{unit}が、先進医療Ａと先進医療Ｂの和{sum}{unit}と一致しません。", place.ja),
                        format!("{}: {zs} is not the sum of categories A and B, {sum}.", place.en),
                    ),
                )
                .label(x.span, pa)
                .label(y.span, pb)
                .note(Message::new(
                    format!("計算：先進医療Ａ{xs}＋先進医療Ｂ{ys}＝{sum}です。"),
                    format!("Calculation: A {xs} + B {ys} = {sum}."),
                )),
            );
        }
    }
    let amounts: [(AmountField, SummaryItem); 3] = [
        (|c| &c.insured_cost, SummaryItem::Insured),
        (|c| &c.advanced_cost, SummaryItem::Advanced),
        (|c| &c.total_cost, SummaryItem::Total),
    ];
    for (field, item) in amounts {
        if let (Some(x), Some(y), Some(z)) = (field(a), field(b), field(t)) {
            let names = Three {
                terms: parts(),
                place: places::summary(Column::Total, item),
                advice: Message::new(
                    "対処：計は先進医療Ａと先進医療Ｂの円単位の合計から丸めてください。",
                    "To fix: round the total column from the yen totals of A and B.",
                ),
            };
            check_sum(RuleId::SummaryArithmetic, cx.report.meta.rounding, (x, y, z), names, out);
        }
    }
    if let (Some(x), Some(y), Some(z)) = (&a.facilities, &b.facilities, &t.facilities) {
        let (lo, hi) = (x.value.max(y.value), x.value + y.value);
        if z.value < lo || z.value > hi {
            let (zs, ls, hs) = (group_digits(z.value.into()), group_digits(lo.into()), group_digits(hi.into()));
            let place = places::summary(Column::Total, SummaryItem::Facilities);
            let [pa, pb] = parts();
            out.push(
                Diagnostic::new(
                    RuleId::SummaryArithmetic,
                    z.span,
                    Message::new(
                        format!(
                            "{}{zs}施設が、先進医療Ａ・Ｂの施設数から考えられる範囲（{ls}施設以上{hs}施設以下）にありません。",
                            place.ja
                        ),
                        format!(
                            "{}: {zs} lies outside {ls} (the larger of A and B) to {hs} (A + B).",
                            place.en
                        ),
                    ),
                )
                .label(x.span, pa)
                .label(y.span, pb)
                .note(Message::new(
                    "ＡとＢの両方を実施する施設は1施設として数えるため、計はＡ＋Ｂ以下で、ＡとＢの大きい方以上になります（※２）。",
                    "A facility doing both A and B is counted once, so the total is at most A + B and at least the larger of the two (note ※2).",
                )),
            );
        }
    }
}
