//! 先－１－１ 実績の概要 as a sheet whose arithmetic is live: ③ the sum of the cost tables' 年間実施件数, ④–⑥ the
//! rounded 億円 of yen sums kept below the table (④ = 総合計 − 先進医療総額, ⑥ = ④ + ⑤, to the yen), ⑦ = ⑤ / ⑥,
//! the 計 column the sum of Ａ and Ｂ. Where the report prints a figure other than the formula's, the printed
//! figure stands beside it, in its own column, with the finding on it.

use super::costs::Rows;
use super::raw::raw;
use super::sheet::{Num, Sheet, Style, Value, a1, whole};
use crate::Analysis;
use crate::checks::facts;
use crate::checks::figures::SHARE_ROUNDING;
use crate::model::exact::Q;
use crate::model::places::{Column, SummaryItem};
use crate::model::value::Spanned;
use crate::model::{Amount, Decimal, Part, Rounding, SummaryColumn};
use crate::syntax::Step;
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

/// A decimal as a spreadsheet reads a number: `1011.2`, never grouped.
fn plain(d: Decimal) -> String {
    d.to_string().replace(',', "")
}

/// A printed figure: what the sheet shows, where the draft holds it, and the number it states (none when the
/// draft's text could not be read as one).
type Printed = (Value, Span, Option<String>);

pub fn sheet(analysis: &Analysis, tables: [Option<&Rows>; 2]) -> Sheet {
    let report = &analysis.report;
    let tree = &analysis.tree;
    let r = report.meta.rounding;
    let mut s = Sheet::new("概要", &[40.0, 16.0, 16.0, 16.0, 18.0, 18.0, 18.0]);
    let title = match report.meta.period.as_ref() {
        Some(p) => format!("先－１－１　実績の概要（{}）", crate::model::places::period(p.value)),
        None => "先－１－１　実績の概要".to_owned(),
    };
    s.text(0, 0, title, Style::Title);
    let heads = [
        "",
        "先進医療Ａ",
        "先進医療Ｂ",
        "計",
        "報告書の記載（先進医療Ａ）",
        "報告書の記載（先進医療Ｂ）",
        "報告書の記載（計）",
    ];
    s.heads(2, &heads);
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
    s.text(YEN + 4, 0, "※①は費用の表に載っている技術の数（枝番は1技術）、②は報告書に記載の数です。", Style::Note);

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
    let (a, b) = (sums_of(Part::A).filter(|_| tables[0].is_some()), sums_of(Part::B).filter(|_| tables[1].is_some()));
    let both = a.zip(b).map(|(a, b)| Sums {
        total_yen: add(a.total_yen, b.total_yen),
        advanced_yen: add(a.advanced_yen, b.advanced_yen),
        cases: add(a.cases, b.cases),
        technologies: add(a.technologies, b.technologies),
    });
    let columns = [
        (Column::A, "A", report.summary.a.as_ref(), a, tables[0]),
        (Column::B, "B", report.summary.b.as_ref(), b, tables[1]),
        (Column::Total, "total", report.summary.total.as_ref(), both, None),
    ];
    for (c, (column, key, printed, sums, rows)) in columns.into_iter().enumerate() {
        let col = 1 + c as u16;
        let sums = sums.unwrap_or_default();
        // Formulas of 計 add Ａ and Ｂ on this sheet; those of Ａ and Ｂ read their table.
        let from = |row: u32, rows_formula: &dyn Fn(&Rows) -> String| -> Option<String> {
            match column {
                Column::Total => Some(format!("{}+{}", a1(row, 1), a1(row, 2))),
                _ => rows.map(rows_formula),
            }
        };
        let formula = |f: Option<String>, result: Option<String>, num: Num| -> Option<Value> {
            // No formula over a column with a cell the linter could not read: it would sum the others silently.
            Some(Value::Formula { formula: format!("={}", f?), result: result?, num })
        };
        let insured = sums.total_yen.zip(sums.advanced_yen).map(|(t, a)| t - a);
        let yen_rows = [
            (from(YEN, &|t| format!("{}-{}", t.sum("total_yen"), t.sum("advanced_yen"))), insured),
            (from(YEN + 1, &|t| t.sum("advanced_yen")), sums.advanced_yen),
            (
                Some(format!("{}+{}", a1(YEN, col), a1(YEN + 1, col))),
                insured.zip(sums.advanced_yen).map(|(i, a)| i + a),
            ),
        ];
        for (i, (f, result)) in yen_rows.into_iter().enumerate() {
            if let Some(v) = formula(f, result.map(|n| n.to_string()), Num::Grouped) {
                s.put(YEN + i as u32, col, v, Style::Figure, None);
            }
        }
        let empty = SummaryColumn::default();
        let p = printed.unwrap_or(&empty);
        let path = |field: &'static str| [Step::key("summary"), Step::key(key), Step::key(field)];
        let count = |f: &Option<Spanned<u64>>, field: &'static str| -> Option<Printed> {
            printed_or_raw(f, tree, &path(field), |n| (whole(i128::from(*n)), n.to_string()))
        };
        // ①: the count the cost tables give (計: Ａ + Ｂ); ②: as printed.
        let technologies = match column {
            Column::Total => formula(
                Some(format!("{}+{}", a1(ITEMS, 1), a1(ITEMS, 2))),
                sums.technologies.map(|n| n.to_string()),
                Num::Grouped,
            ),
            _ => sums.technologies.map(whole),
        }
        .map(|v| (v, sums.technologies.map(|n| n.to_string()).unwrap_or_default()));
        place(&mut s, col, SummaryItem::Technologies, count(&p.technologies, "technologies"), technologies);
        place(&mut s, col, SummaryItem::Facilities, count(&p.facilities, "facilities"), None);
        let cases = sums.cases.map(|n| n.to_string());
        let patients = formula(from(ITEMS + 2, &|t| t.sum("cases")), cases.clone(), Num::Grouped).zip(cases);
        place(&mut s, col, SummaryItem::Patients, count(&p.patients, "patients"), patients);
        let amounts = [
            (SummaryItem::Insured, &p.insured_cost, "insured_cost", YEN, insured),
            (SummaryItem::Advanced, &p.advanced_cost, "advanced_cost", YEN + 1, sums.advanced_yen),
            (SummaryItem::Total, &p.total_cost, "total_cost", YEN + 2, sums.total_yen),
        ];
        for (item, printed, field, yen_row, yen) in amounts {
            let (exp, scale) = printed.as_ref().map_or((8, 1), |a| (a.value.exp, a.value.value.scale));
            let x = format!("{}/10^{exp}", a1(yen_row, col));
            let result = yen.map(|y| plain(Decimal::round(Q::new(y, 10i128.pow(exp)), scale, r)));
            let computed = formula(Some(round(r, &x, scale)), result.clone(), Num::Amount { exp, scale }).zip(result);
            let shown = printed_or_raw(printed, tree, &path(field), |a| (printed_amount(a), plain(a.value)));
            place(&mut s, col, item, shown, computed);
        }
        let scale = p.advanced_ratio.as_ref().map_or(1, |d| d.value.scale);
        let x = format!("{}/{}*100", a1(YEN + 1, col), a1(YEN + 2, col));
        let result = sums
            .advanced_yen
            .zip(sums.total_yen)
            .filter(|&(_, t)| t != 0)
            .map(|(a, t)| plain(Decimal::round(Q::new(a * 100, t), scale, SHARE_ROUNDING)));
        // Half up whatever the draft's rounding, as the checks round a share.
        let ratio = formula(Some(round(SHARE_ROUNDING, &x, scale)), result.clone(), Num::Percent(scale)).zip(result);
        let shown = printed_or_raw(&p.advanced_ratio, tree, &path("advanced_ratio"), |d| {
            (Value::Text(format!("{d}%")), plain(*d))
        });
        place(&mut s, col, SummaryItem::Ratio, shown, ratio);
    }
    s
}

/// A printed figure as the model read it, with the number it states; else the draft's text there.
fn printed_or_raw<T>(
    f: &Option<Spanned<T>>,
    tree: &crate::syntax::Tree,
    path: &[Step],
    show: impl Fn(&T) -> (Value, String),
) -> Option<Printed> {
    match f {
        Some(f) => {
            let (v, key) = show(&f.value);
            Some((v, f.span, Some(key)))
        }
        None => raw(tree, path).map(|(t, span)| (Value::Text(t), span, None)),
    }
}

/// One item of one column: what the cost tables give (a formula, or ①'s count) in its column, and the printed
/// figure beside it, with its span (and so its finding), when it states another number or none that can be
/// read; the printed figure alone when nothing is computed.
fn place(s: &mut Sheet, col: u16, item: SummaryItem, printed: Option<Printed>, computed: Option<(Value, String)>) {
    let row = ITEMS + SummaryItem::ALL.iter().position(|i| *i == item).unwrap_or(0) as u32;
    let Some((computed, value)) = computed else {
        if let Some((v, span, _)) = printed {
            s.put(row, col, v, Style::Figure, Some(span));
        }
        return;
    };
    match printed {
        Some((v, span, states)) if states.as_deref() != Some(value.as_str()) => {
            s.put(row, col, computed, Style::Figure, None);
            s.put(row, col + 3, v, Style::Figure, Some(span));
        }
        Some((_, span, _)) => {
            s.put(row, col, computed, Style::Figure, Some(span));
        }
        None => {
            s.put(row, col, computed, Style::Figure, None);
        }
    }
}
