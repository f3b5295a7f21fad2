//! `advanced-exceeds-total`: the advanced part of a row's cost cannot exceed its total.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId, group_digits};
use crate::model::{Cell, Part};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        for row in &table.rows {
            let (Some(total), Some(adv)) = (&row.total_yen, &row.advanced_yen) else {
                continue;
            };
            let (Cell::Value(t), Cell::Value(a)) = (total.value, adv.value) else {
                continue;
            };
            if a <= t {
                continue;
            }
            let (a_s, t_s) = (group_digits(a), group_digits(t));
            out.push(
                Diagnostic::new(
                    RuleId::AdvancedExceedsTotal,
                    adv.span,
                    Message::new(
                        format!("先進医療総額 {a_s}円 が総合計 {t_s}円 を {}円 上回っています", group_digits(a - t)),
                        format!(
                            "先進医療総額 {a_s} yen exceeds the row's 総合計 {t_s} yen by {} yen",
                            group_digits(a - t)
                        ),
                    ),
                )
                .label(total.span, Message::new("この行の総合計", "the row's 総合計"))
                .note(Message::new(
                    "総合計は保険診療分と先進医療分の和なので、先進医療総額以上のはずです",
                    "総合計 is the insured part plus the advanced part, so it is at least 先進医療総額",
                )),
            );
        }
    }
}
