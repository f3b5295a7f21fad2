//! `zero-row-values`: a row without cases shows `-`; a row with cases shows its figures.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId, count_of};
use crate::model::places;
use crate::model::{Cell, CostRow, Part, Spanned};
use crate::text::Span;
use crate::text::unquoted;

fn cell_span<T>(c: &Option<Spanned<Cell<T>>>) -> Option<(Span, bool)> {
    c.as_ref().map(|s| (s.span, matches!(s.value, Cell::Dash)))
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        for (i, row) in table.rows.iter().enumerate() {
            check_row(row, places::cost_row(part, row, i), cx.text, out);
        }
    }
}

fn check_row(row: &CostRow, place: Message, text: &str, out: &mut Vec<Diagnostic>) {
    let written = |span: Span| unquoted(&text[span.range()]).to_owned();
    let Some(cases) = &row.cases else { return };
    let n = cases.value.count();
    let cells = [
        ("総合計", "総合計", cell_span(&row.total_yen)),
        ("先進医療総額", "先進医療総額", cell_span(&row.advanced_yen)),
        ("平均入院期間", "the average stay", cell_span(&row.avg_stay_days)),
        ("実施医療機関数", "the facilities", cell_span(&row.facilities)),
    ];
    if n == 0 {
        for (ja, key, cell) in cells {
            let Some((span, false)) = cell else { continue };
            out.push(
                Diagnostic::new(
                    RuleId::ZeroRowValues,
                    span,
                    Message::new(
                        format!("{}は年間実施件数が0件ですが、{ja}に「{}」と記入されています。", place.ja, written(span)),
                        format!("{}: annual cases are 0, yet {key} reads {}.", place.en, written(span)),
                    ),
                )
                .label(cases.span, Message::new("年間実施件数0件", "0 cases"))
                .note(Message::new(
                    "実施のない行は、総合計・先進医療総額・平均入院期間・実施医療機関数を「-」（集計対象期間において未実施）とします。件数と金額のどちらが正しいか確かめてください。",
                    "A row without cases shows \"-\" for 総合計, 先進医療総額, average stay and facilities. Check whether the count or the figure is right.",
                ))
                .fix(Fix::replace(
                    Message::new(format!("{ja}を「-」にする"), "replace with \"-\""),
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
                    format!("{}は年間実施件数が{n}件ですが、{ja}が「-」（未実施）になっています。", place.ja),
                    format!("{}: the row has {}, but {key} is \"-\".", place.en, count_of(n, "case", "cases")),
                ),
            )
            .label(cases.span, Message::new(format!("年間実施件数{n}件"), count_of(n, "case", "cases")))
            .note(Message::new(
                "「-」は実施のない行にだけ使います。件数と「-」のどちらが正しいか確かめてください。",
                "\"-\" is only for a row without cases. Check whether the count or the dash is right.",
            )),
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
                    format!("{}は年間実施件数が{n}件ですが、総合計が0円です。", place.ja),
                    format!("{}: the row has {}, but its 総合計 is 0 yen.", place.en, count_of(n, "case", "cases")),
                ),
            )
            .label(cases.span, Message::new(format!("年間実施件数{n}件"), count_of(n, "case", "cases"))),
        );
    }
    if let Some(f) = &row.facilities
        && let Cell::Value(fac) = f.value
        && (fac == 0 || fac > n)
    {
        let (ja, en) = if fac == 0 {
            (
                format!("{}は年間実施件数が{n}件ですが、実施医療機関数が0です。", place.ja),
                format!("{}: the row has {}, but 0 facilities.", place.en, count_of(n, "case", "cases")),
            )
        } else {
            (
                format!(
                    "{}の実施医療機関数{fac}機関が、年間実施件数{n}件を超えています。1件も実施していない医療機関は数えません。",
                    place.ja
                ),
                format!(
                    "{}: {} exceed its {} (a facility counts only if it performed a case).",
                    place.en,
                    count_of(fac, "facility", "facilities"),
                    count_of(n, "case", "cases")
                ),
            )
        };
        out.push(
            Diagnostic::new(RuleId::ZeroRowValues, f.span, Message::new(ja, en))
                .label(cases.span, Message::new("年間実施件数", "annual cases")),
        );
    }
}
