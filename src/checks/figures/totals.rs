//! Each 合計 cell of a cost table against the exact sum of its rows, with the one row a typing slip explains.

use super::{Exact, Figure, Printed};
use crate::checks::facts;
use crate::diagnostics::{Message, RuleId, count_of, group_digits, oku_near};
use crate::model::places;
use crate::model::{CostTable, Part, Rounding, Spanned};
use crate::text::Span;

/// Each 合計 cell against the exact sum of its column (only when every row of the column is readable: one bad
/// cell is one diagnostic, not a second, derived one).
pub(super) fn column_sums(part: Part, table: &CostTable, rounding: Rounding, out: &mut Vec<Figure>) {
    let Some(total) = &table.total else { return };
    let sums = facts::sums(table);
    let n = sums.rows;
    let widen = |s: &Spanned<u64>| Spanned { value: i128::from(s.value), span: s.span };
    let columns = [
        ("総合計", "総合計 (total)", sums.total_yen, total.total_yen.clone(), "円"),
        ("先進医療総額", "先進医療総額 (advanced)", sums.advanced_yen, total.advanced_yen.clone(), "円"),
        ("年間実施件数", "年間実施件数 (cases)", sums.cases.map(i128::from), total.cases.as_ref().map(widen), "件"),
        (
            "実施医療機関数",
            "実施医療機関数 (facilities)",
            sums.facilities.map(i128::from),
            total.facilities.as_ref().map(widen),
            "機関",
        ),
    ];
    let cells: [RowCell; 4] = [
        |r| r.total_yen.as_ref().and_then(|c| Some((c.span, c.value.value()?))),
        |r| r.advanced_yen.as_ref().and_then(|c| Some((c.span, c.value.value()?))),
        |r| r.cases.as_ref().map(|c| (c.span, i128::from(c.value.count()))),
        |r| r.facilities.as_ref().map(|c| (c.span, i128::from(c.value.count()))),
    ];
    let place = places::cost_total(part);
    let rows_en = count_of(n as i128, "row", "rows");
    for ((ja, en, sum, printed, unit), cell) in columns.into_iter().zip(cells) {
        let (Some(sum), Some(printed)) = (sum, printed) else { continue };
        let row = suspect(table, cell, printed.value - sum, unit);
        let e = group_digits(sum);
        let derivation = if unit == "円" {
            let oku = oku_near(sum, 1, rounding == Rounding::HalfUp);
            Message::new(format!("Σ {n} 行 = {e} 円 {oku} 億円"), format!("Σ of {rows_en} = {e} yen {oku} 億円"))
        } else {
            Message::new(format!("Σ {n} 行 = {e}"), format!("Σ of {rows_en} = {e}"))
        };
        out.push(Figure {
            rule: RuleId::ColumnSum,
            span: printed.span,
            printed: Printed::Exact(printed.value),
            exact: Exact::Value(sum),
            // With a row that explains the difference, the 合計 as printed may be the right one.
            also: row.iter().map(|_| Exact::Value(printed.value)).collect(),
            expected: e,
            differs: printed.value != sum,
            what: Message::new(format!("{}の{ja}", place.ja), format!("{}: {en}", places::cap(&place.en))),
            item: Message::new(ja, en),
            from: Message::new(format!("{n}行の{ja}の和"), format!("the sum of its {rows_en}")),
            calc: Message::new(
                "合計欄は実績の概要の④⑤⑥の元になります。",
                "The totals row feeds items ④–⑥ of the summary.",
            ),
            sources: std::iter::once((
                table.rows_key,
                Message::new(format!("この{n}行の{ja}の和"), format!("the {rows_en} summed")),
            ))
            .chain(row)
            .collect(),
            derivation,
            units: (unit, unit),
            in_previous: false,
        });
    }
}

/// A row's cell of one column, with its value.
type RowCell = fn(&crate::model::CostRow) -> Option<(Span, i128)>;

/// The one row whose cell, typed with one digit wrong, missing or extra, or two digits swapped, explains the
/// difference between a 合計 and its rows: named, so that the reader corrects the row rather than the 合計.
fn suspect(table: &CostTable, cell: RowCell, difference: i128, unit: &str) -> Option<(Span, Message)> {
    if difference == 0 {
        return None;
    }
    let mut found =
        table.rows.iter().filter_map(cell).filter(|&(_, v)| v + difference >= 0 && one_slip(v, v + difference));
    let (span, v) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let (was, meant) = (group_digits(v), group_digits(v + difference));
    Some((
        span,
        Message::new(
            format!("この行の誤りかもしれません。{was}{unit}を{meant}{unit}にすると合計欄と一致します"),
            format!("perhaps this row: {meant} instead of {was} would agree with the totals row"),
        ),
    ))
}

/// Whether two numbers differ as a typing slip: one digit changed, dropped or added, or two neighbours swapped.
fn one_slip(a: i128, b: i128) -> bool {
    let (a, b) = (a.to_string(), b.to_string());
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() == b.len() {
        let differing: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return match differing.as_slice() {
            [_] => true,
            [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
            _ => false,
        };
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.len() == short.len() + 1 && (0..long.len()).any(|i| [&long[..i], &long[i + 1..]].concat() == short)
}

#[cfg(test)]
mod tests {
    use super::one_slip;

    #[test]
    fn slips_of_typing() {
        assert!(one_slip(2_894_008_117, 2_794_008_117));
        assert!(one_slip(1_270, 1_720));
        assert!(one_slip(12_345, 1_245));
        assert!(!one_slip(1_000, 2_001));
        assert!(!one_slip(123, 321));
    }
}
