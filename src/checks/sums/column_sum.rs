//! `column-sum`: each 合計 cell equals the exact sum of its column.

use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId, group_digits};
use crate::model::{Part, Spanned};

/// A column: its names (ja, en), the exact sum of its rows, the printed 合計, and its unit.
type Column<'a> = (&'a str, &'a str, Option<i128>, Option<Spanned<i128>>, &'a str);

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        let Some(total) = &table.total else { continue };
        let sums = facts::sums(table);
        let columns: [Column; 4] = [
            ("総合計", "総合計 (total)", sums.total_yen, total.total_yen.clone(), "円"),
            ("先進医療総額", "先進医療総額 (advanced)", sums.advanced_yen, total.advanced_yen.clone(), "円"),
            ("年間実施件数", "年間実施件数 (cases)", sums.cases.map(i128::from), total.cases.as_ref().map(widen), "件"),
            (
                "実施医療機関数",
                "実施医療機関数 (facilities)",
                sums.facilities.map(i128::from),
                total.facilities.as_ref().map(widen),
                "",
            ),
        ];
        for (ja, en, sum, stated, unit) in columns {
            let (Some(sum), Some(stated)) = (sum, stated) else {
                continue;
            };
            if sum == stated.value {
                continue;
            }
            let diff = stated.value - sum;
            let sign = if diff > 0 { "+" } else { "" };
            let (s, t, d) = (group_digits(stated.value), group_digits(sum), format!("{sign}{}", group_digits(diff)));
            out.push(
                Diagnostic::new(
                    RuleId::ColumnSum,
                    stated.span,
                    Message::new(
                        format!("{} {ja}の合計 {s}{unit} ≠ {}行の総和 {t}{unit}（差 {d}）", part.label(), sums.rows),
                        format!(
                            "{} {en} 合計 {s}{unit} ≠ sum of {} rows {t}{unit} (difference {d})",
                            part.label(),
                            sums.rows
                        ),
                    ),
                )
                .label(
                    table.rows_key,
                    Message::new(format!("この{}行の総和", sums.rows), format!("the {} rows summed", sums.rows)),
                )
                .note(Message::new(
                    "合計を直す前に、行の値に誤りがないか確かめてください",
                    "before correcting the 合計, make sure no row is the real error",
                ))
                .fix(Fix::replace(
                    Message::new(format!("合計を {t} にする"), format!("set the 合計 to {t}")),
                    stated.span,
                    sum.to_string(),
                    false,
                )),
            );
        }
    }
}

fn widen(s: &Spanned<u64>) -> Spanned<i128> {
    Spanned { value: i128::from(s.value), span: s.span }
}
