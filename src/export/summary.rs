//! 先－１－１ 実績の概要 as a sheet whose arithmetic is live: ③ the sum of the cost tables' 年間実施件数, ④–⑥ the
//! rounded 億円 of yen sums kept below the table (④ = 総合計 − 先進医療総額, ⑥ = ④ + ⑤, to the yen), ⑦ = ⑤ / ⑥,
//! the 計 column the sum of Ａ and Ｂ. Where the report prints a figure other than the formula's, the printed
//! figure stands beside it, in its own column, with the finding on it.

use super::costs::Rows;
use super::sheet::{Num, Sheet, Style, Value, a1, whole};
use crate::Analysis;
use crate::checks::facts;
use crate::model::exact::Q;
use crate::model::places::{Column, SummaryItem};
use crate::model::value::Spanned;
use crate::model::{Amount, Decimal, Part, Rounding, SummaryColumn};
use crate::text::Span;

const ITEMS: u32 = 3;
/// The yen rows below the table: ④, ⑤ and ⑥ to the yen.
const YEN: u32 = 12;

/// The exact sums a column's formulas compute, for their cached results.
#[derive(Clone, Copy, Default)]
struct Sums {
    total_yen: Option<i128>,
    advanced_yen: Option<i128>,
    cases: Option<i128>,
    technologies: Option<i128>,
}

fn add(a: Option<i128>, b: Option<i128>) -> Option<i128> {
    Some(a? + b?)
}

/// `ROUND(x, n)`, or `ROUNDDOWN` where the report cuts.
fn round(r: Rounding, x: &str, scale: u32) -> String {
    match r {
        Rounding::HalfUp => format!("ROUND({x},{scale})"),
        Rounding::Down => format!("ROUNDDOWN({x},{scale})"),
    }
}

fn printed_amount(a: &Amount) -> Value {
    Value::Text(a.to_string())
}

pub fn sheet(analysis: &Analysis, tables: [Option<&Rows>; 2]) -> Sheet {
    let report = &analysis.report;
    let r = report.meta.rounding;
    let mut s = Sheet::new("概要", &[40.0, 16.0, 16.0, 16.0, 18.0, 18.0, 18.0]);
    let period = report.meta.period.as_ref().map(|p| crate::model::places::period(p.value)).unwrap_or_default();
    s.text(0, 0, format!("先－１－１　実績の概要（{period}）"), Style::Title);
    let heads = [
        "",
        "先進医療Ａ",
        "先進医療Ｂ",
        "計",
        "報告書の記載（先進医療Ａ）",
        "報告書の記載（先進医療Ｂ）",
        "報告書の記載（計）",
    ];
    for (c, h) in heads.iter().enumerate() {
        s.text(2, c as u16, *h, Style::Head);
    }
    s.freeze = ITEMS;
    for (i, item) in SummaryItem::ALL.iter().enumerate() {
        s.text(ITEMS + i as u32, 0, item.name().ja, Style::Label);
    }
    s.text(YEN - 1, 0, "計算に使う額（円）", Style::Head);
    for (i, label) in
        ["④保険外併用療養費の総額（総合計－先進医療総額）", "⑤先進医療費用の総額", "⑥総金額（④＋⑤）"].iter().enumerate()
    {
        s.text(YEN + i as u32, 0, format!("{label}（円）"), Style::Label);
    }
    s.text(YEN + 4, 0, "※ ①は費用の表に載っている技術の数（枝番は1技術）、②は報告書に記載の数です。", Style::Note);

    let sums_of = |part: Part| -> Option<Sums> {
        let table = report.costs.get(part)?;
        let sums = facts::sums(table);
        let technologies = facts::all_numbered(table).then(|| facts::technologies(table).len() as i128);
        Some(Sums {
            total_yen: sums.total_yen,
            advanced_yen: sums.advanced_yen,
            cases: sums.cases.map(i128::from),
            technologies,
        })
    };
    let (a, b) = (sums_of(Part::A), sums_of(Part::B));
    let both = a.zip(b).map(|(a, b)| Sums {
        total_yen: add(a.total_yen, b.total_yen),
        advanced_yen: add(a.advanced_yen, b.advanced_yen),
        cases: add(a.cases, b.cases),
        technologies: add(a.technologies, b.technologies),
    });
    let columns = [
        (Column::A, report.summary.a.as_ref(), a, tables[0]),
        (Column::B, report.summary.b.as_ref(), b, tables[1]),
        (Column::Total, report.summary.total.as_ref(), both, None),
    ];
    for (c, (column, printed, sums, rows)) in columns.into_iter().enumerate() {
        let col = 1 + c as u16;
        // Formulas of 計 add Ａ and Ｂ on this sheet; those of Ａ and Ｂ read their table.
        let from = |row: u32, rows_formula: &dyn Fn(&Rows) -> String| -> Option<String> {
            match column {
                Column::Total => Some(format!("{}+{}", a1(row, 1), a1(row, 2))),
                _ => rows.map(rows_formula),
            }
        };
        let sums = match column {
            Column::Total if tables.iter().any(Option::is_none) => None,
            _ => sums.filter(|_| column == Column::Total || rows.is_some()),
        };
        let Some(sums) = sums else {
            if let Some(p) = printed {
                printed_column(&mut s, col, p);
            }
            continue;
        };
        let insured = sums.total_yen.zip(sums.advanced_yen).map(|(t, a)| t - a);
        let yen_rows = [
            (from(YEN, &|t| format!("{}-{}", t.sum("total_yen"), t.sum("advanced_yen"))), insured),
            (from(YEN + 1, &|t| t.sum("advanced_yen")), sums.advanced_yen),
            (Some(format!("{}+{}", a1(YEN, col), a1(YEN + 1, col))), sums.total_yen),
        ];
        for (i, (formula, result)) in yen_rows.into_iter().enumerate() {
            if let Some(f) = formula {
                let result = result.map(|n| n.to_string()).unwrap_or_default();
                s.put(
                    YEN + i as u32,
                    col,
                    Value::Formula { formula: format!("={f}"), result, num: Num::Grouped },
                    Style::Figure,
                    None,
                );
            }
        }
        let empty = SummaryColumn::default();
        let p = printed.unwrap_or(&empty);
        // ①: the count the cost tables give; ②: as printed.
        let technologies = sums.technologies.map(|n| match column {
            Column::Total => Value::Formula {
                formula: format!("={}+{}", a1(ITEMS, 1), a1(ITEMS, 2)),
                result: n.to_string(),
                num: Num::Grouped,
            },
            _ => whole(n),
        });
        place(&mut s, analysis, col, SummaryItem::Technologies, p.technologies.as_ref().map(count), technologies);
        if let Some(f) = &p.facilities {
            s.put(ITEMS + 1, col, whole(i128::from(f.value)), Style::Figure, Some(f.span));
        }
        let cases = from(ITEMS + 2, &|t| t.sum("cases")).map(|f| Value::Formula {
            formula: format!("={f}"),
            result: sums.cases.map(|n| n.to_string()).unwrap_or_default(),
            num: Num::Grouped,
        });
        place(&mut s, analysis, col, SummaryItem::Patients, p.patients.as_ref().map(count), cases);
        let amounts = [
            (SummaryItem::Insured, &p.insured_cost, YEN, insured),
            (SummaryItem::Advanced, &p.advanced_cost, YEN + 1, sums.advanced_yen),
            (SummaryItem::Total, &p.total_cost, YEN + 2, sums.total_yen),
        ];
        for (item, printed, yen_row, yen) in amounts {
            let (exp, scale) = printed.as_ref().map_or((8, 1), |a| (a.value.exp, a.value.value.scale));
            let x = format!("{}/10^{exp}", a1(yen_row, col));
            let result =
                yen.map(|y| Decimal::round(Q::new(y, 10i128.pow(exp)), scale, r).to_string()).unwrap_or_default();
            let formula = Value::Formula {
                formula: format!("={}", round(r, &x, scale)),
                result,
                num: Num::Amount { exp, scale },
            };
            let shown = printed.as_ref().map(|a| (printed_amount(&a.value), a.span));
            place(&mut s, analysis, col, item, shown, Some(formula));
        }
        let scale = p.advanced_ratio.as_ref().map_or(1, |d| d.value.scale);
        let x = format!("{}/{}*100", a1(YEN + 1, col), a1(YEN + 2, col));
        let result = sums
            .advanced_yen
            .zip(sums.total_yen)
            .filter(|&(_, t)| t != 0)
            .map(|(a, t)| Decimal::round(Q::new(a * 100, t), scale, r).to_string())
            .unwrap_or_default();
        let ratio = Value::Formula { formula: format!("={}", round(r, &x, scale)), result, num: Num::Percent(scale) };
        let shown = p.advanced_ratio.as_ref().map(|d| (Value::Text(format!("{}%", d.value)), d.span));
        place(&mut s, analysis, col, SummaryItem::Ratio, shown, Some(ratio));
    }
    s
}

fn count(f: &Spanned<u64>) -> (Value, Span) {
    (whole(i128::from(f.value)), f.span)
}

/// One item of one column: the formula (or the count) in its column, and the printed figure beside it when the
/// linter finds it differs, with the span (and so the finding) on the printed figure; the printed figure alone
/// when nothing is computed.
fn place(
    s: &mut Sheet,
    analysis: &Analysis,
    col: u16,
    item: SummaryItem,
    printed: Option<(Value, Span)>,
    computed: Option<Value>,
) {
    let row = ITEMS + SummaryItem::ALL.iter().position(|i| *i == item).unwrap_or(0) as u32;
    let Some(computed) = computed else {
        if let Some((v, span)) = printed {
            s.put(row, col, v, Style::Figure, Some(span));
        }
        return;
    };
    let differs =
        printed.as_ref().is_some_and(|(_, span)| analysis.figures.iter().any(|f| f.span == *span && f.differs));
    match printed {
        Some((v, span)) if differs => {
            s.put(row, col, computed, Style::Figure, None);
            s.put(row, col + 3, v, Style::Figure, Some(span));
        }
        Some((_, span)) => {
            s.put(row, col, computed, Style::Figure, Some(span));
        }
        None => {
            s.put(row, col, computed, Style::Figure, None);
        }
    }
}

/// A column the cost tables give nothing for: the figures as printed.
fn printed_column(s: &mut Sheet, col: u16, p: &SummaryColumn) {
    let counts = [(0, &p.technologies), (1, &p.facilities), (2, &p.patients)];
    for (i, f) in counts {
        if let Some(f) = f {
            s.put(ITEMS + i, col, whole(i128::from(f.value)), Style::Figure, Some(f.span));
        }
    }
    for (i, f) in [(3, &p.insured_cost), (4, &p.advanced_cost), (5, &p.total_cost)] {
        if let Some(f) = f {
            s.put(ITEMS + i, col, printed_amount(&f.value), Style::Figure, Some(f.span));
        }
    }
    if let Some(d) = &p.advanced_ratio {
        s.put(ITEMS + 6, col, Value::Text(format!("{}%", d.value)), Style::Figure, Some(d.span));
    }
}
