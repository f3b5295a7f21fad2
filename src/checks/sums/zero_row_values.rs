//! `zero-row-values`: a row without cases shows `-`; a row with cases shows its figures.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId, count_of};
use crate::model::{Cell, CostRow, Part, Spanned};
use crate::text::Span;

fn cell_span<T>(c: &Option<Spanned<Cell<T>>>) -> Option<(Span, bool)> {
    c.as_ref().map(|s| (s.span, matches!(s.value, Cell::Dash)))
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        for row in &table.rows {
            check_row(row, out);
        }
    }
}

fn check_row(row: &CostRow, out: &mut Vec<Diagnostic>) {
    let Some(cases) = &row.cases else { return };
    let n = cases.value.count();
    let cells = [
        ("総合計", "total_yen", cell_span(&row.total_yen)),
        ("先進医療総額", "advanced_yen", cell_span(&row.advanced_yen)),
        ("平均入院期間", "avg_stay_days", cell_span(&row.avg_stay_days)),
        ("実施医療機関数", "facilities", cell_span(&row.facilities)),
    ];
    if n == 0 {
        for (ja, key, cell) in cells {
            let Some((span, false)) = cell else { continue };
            out.push(
                Diagnostic::new(
                    RuleId::ZeroRowValues,
                    span,
                    Message::new(
                        format!("年間実施件数が0件の行の{ja}は「-」（未実施）と書きます"),
                        format!("a row with 0 cases shows `-` (not performed) in `{key}`"),
                    ),
                )
                .label(cases.span, Message::new("実施件数 0件", "0 cases"))
                .fix(Fix::replace(
                    Message::new("「-」にする", "replace with \"-\""),
                    span,
                    "\"-\"",
                    false,
                )),
            );
        }
        return;
    }
    for (ja, key, cell) in cells {
        let Some((span, true)) = cell else { continue };
        out.push(
            Diagnostic::new(
                RuleId::ZeroRowValues,
                span,
                Message::new(
                    format!("年間実施件数が{n}件あるのに{ja}が「-」です"),
                    format!("the row has {} but `{key}` is `-`", count_of(n, "case", "cases")),
                ),
            )
            .label(cases.span, Message::new(format!("実施件数 {n}件"), count_of(n, "case", "cases"))),
        );
    }
    if let Some(total) = &row.total_yen
        && total.value == Cell::Value(0)
    {
        out.push(
            Diagnostic::new(
                RuleId::ZeroRowValues,
                total.span,
                Message::new(
                    format!("年間実施件数が{n}件あるのに総合計が0円です"),
                    format!("the row has {} but its 総合計 is 0 yen", count_of(n, "case", "cases")),
                ),
            )
            .label(cases.span, Message::new(format!("実施件数 {n}件"), count_of(n, "case", "cases"))),
        );
    }
    if let Some(f) = &row.facilities
        && let Cell::Value(fac) = f.value
        && (fac == 0 || fac > n)
    {
        let (ja, en) = if fac == 0 {
            (
                format!("年間実施件数が{n}件あるのに実施医療機関数が0です"),
                format!("the row has {} but 0 facilities", count_of(n, "case", "cases")),
            )
        } else {
            (
                format!(
                    "実施医療機関数 {fac} が年間実施件数 {n} を超えています（1件も実施していない機関は数えません）"
                ),
                format!(
                    "{} exceed the row's {} (a facility counts only if it performed a case)",
                    count_of(fac, "facility", "facilities"),
                    count_of(n, "case", "cases")
                ),
            )
        };
        out.push(
            Diagnostic::new(RuleId::ZeroRowValues, f.span, Message::new(ja, en))
                .label(cases.span, Message::new("年間実施件数", "cases")),
        );
    }
}
