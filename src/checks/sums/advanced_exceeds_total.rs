//! `advanced-exceeds-total`: the advanced part of a row's cost cannot exceed its total.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId, group_digits};
use crate::model::places;
use crate::model::{Cell, Part};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        for (i, row) in table.rows.iter().enumerate() {
            let (Some(total), Some(adv)) = (&row.total_yen, &row.advanced_yen) else {
                continue;
            };
            let (Cell::Value(t), Cell::Value(a)) = (total.value, adv.value) else {
                continue;
            };
            if a <= t {
                continue;
            }
            let (a_s, t_s, d) = (group_digits(a), group_digits(t), group_digits(a - t));
            let place = places::cost_row(part, row, i);
            out.push(
                Diagnostic::new(
                    RuleId::AdvancedExceedsTotal,
                    adv.span,
                    Message::new(
                        format!("{}の先進医療総額{a_s}円が、総合計{t_s}円を{d}円上回っています。", place.ja),
                        format!("{}: 先進医療総額 {a_s} yen exceeds 総合計 {t_s} yen by {d} yen.", place.en),
                    ),
                )
                .label(total.span, Message::new("この行の総合計", "the row's 総合計"))
                .note(Message::new(
                    "総合計は保険外併用療養費（保険診療分）と先進医療の費用の和なので、先進医療総額を下回ることはありません。2つの列を入れ違えていないか確認してください。",
                    "総合計 is the insured portion plus the advanced-care cost, so it is never below 先進医療総額. Check whether the two columns were swapped.",
                )),
            );
        }
    }
}
