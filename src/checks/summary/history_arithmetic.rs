//! `history-arithmetic`: each row of the five-year history agrees with itself.

use super::{Three, check_ratio, check_sum};
use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::places;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let r = cx.report.meta.rounding;
    let history = &cx.report.history;
    for (i, row) in history.iter().enumerate() {
        let place = places::history_row(row, i, i + 1 == history.len());
        let item = |ja: &str, en: &str| Message::new(format!("{}の{ja}", place.ja), format!("{}, {en}", place.en));
        let advice = || {
            Message::new(
                "対処：3つの値のいずれかを写し誤ったものと思われます。その年度の報告書と照らし合わせてください。",
                "To fix: one of the three was probably copied wrongly. Compare the row with that year's report.",
            )
        };
        let insured = Message::new("保険外併用療養費の総額", "the insured portion");
        let advanced = Message::new("先進医療及び旧高度先進医療の総額", "the advanced-care total");
        let total = Message::new("総金額", "the total amount");
        if let (Some(i), Some(a), Some(t)) = (&row.insured_cost, &row.advanced_cost, &row.total_cost) {
            let names =
                Three {
                    terms: [insured, advanced.clone()], place: item("総金額", "total amount"), advice: advice()
                };
            check_sum(RuleId::HistoryArithmetic, r, (i, a, t), names, out);
        }
        if let (Some(a), Some(t), Some(p)) = (&row.advanced_cost, &row.total_cost, &row.advanced_ratio) {
            let names = Three {
                terms: [advanced, total],
                place: item("全医療費のうち先進医療及び旧高度先進医療分の割合", "advanced-care share"),
                advice: advice(),
            };
            check_ratio(RuleId::HistoryArithmetic, r, (a, t, p), names, out);
        }
    }
}
