//! 参考資料１・２ as sheets: the header as printed (so that `import` reads the sheet back), one row per cost row,
//! the 合計 row as `SUM` formulas over the rows, and, when the draft's 合計 says otherwise, the printed figures in
//! a row of their own below it (「合計（報告書の記載）」), where the finding about them is shown.

use super::raw::raw;
use super::sheet::{Num, Sheet, Style, Value, a1, whole};
use crate::checks::facts;
use crate::import::columns::COSTS;
use crate::model::read::era_abbrev;
use crate::model::value::{Cell as Read, Spanned};
use crate::model::{CostTable, Part, Report};
use crate::syntax::Step;
use crate::syntax::Tree;

/// The label of the row holding the 合計 the draft states where it differs from the rows' sum.
pub const PRINTED_TOTAL: &str = "合計（報告書の記載）";

/// The row below the header where the cost rows start.
const FIRST: u32 = 3;

/// Where a table's rows lie, for the formulas of other sheets: rows `first..=last` (none when `last < first`).
pub struct Rows {
    pub sheet: String,
    pub first: u32,
    pub last: u32,
}

impl Rows {
    /// `SUM('参考資料１'!E4:E80)` for the column of `key`, from another sheet.
    pub fn sum(&self, key: &str) -> String {
        let col = column(key);
        let sheet = super::sheet::sheet_ref(&self.sheet);
        format!("SUM({sheet}{}:{})", a1(self.first, col), a1(self.last.max(self.first), col))
    }

    /// `SUM(E4:E80)`, on the table's own sheet.
    fn sum_here(&self, key: &str) -> String {
        let col = column(key);
        format!("SUM({}:{})", a1(self.first, col), a1(self.last.max(self.first), col))
    }
}

/// The sheet's column of a cost row's field: the columns are `import`'s, in the printed order.
fn column(key: &str) -> u16 {
    COSTS.iter().position(|c| c.key == key).map_or(0, |i| i as u16)
}

pub fn sheet_name(part: Part) -> &'static str {
    match part {
        Part::A => "参考資料１",
        Part::B => "参考資料２",
    }
}

/// A value of a cost row: a number, 「-」 or 「※」.
fn read_cell<T: Copy>(c: Read<T>, number: impl Fn(T) -> Value) -> (Value, Style) {
    match c {
        Read::Value(v) => (number(v), Style::Figure),
        Read::Dash => (Value::Text("-".into()), Style::Center),
        Read::NoInpatient => (Value::Text("※".into()), Style::Center),
    }
}

/// Days as a number when the number shows as written (`14.7`, `12.0`), else as the text written.
fn days(d: crate::model::Decimal) -> Value {
    let written = d.to_string();
    match written.parse::<f64>() {
        Ok(f) if d.scale <= 1 || f.to_string() == written => Value::Number(f, Num::Places(d.scale.max(1))),
        _ => Value::Text(written),
    }
}

pub fn sheet(report: &Report, tree: &Tree, part: Part, table: &CostTable) -> (Sheet, Rows) {
    let name = sheet_name(part);
    let key = part.key();
    let mut s = Sheet::new(name, &[6.0, 7.0, 56.0, 10.0, 16.0, 16.0, 10.0, 10.0, 12.0]);
    let end = report.meta.period.as_ref().map(|p| crate::model::read::era_text(p.value.1)).unwrap_or_default();
    let title = part.label();
    s.text(0, 0, format!("{name}　【{title}】{end}時点における先進医療に係る費用"), Style::Title);
    // The headings `import` reads first: the printed ones, without their breaks.
    s.heads(2, &COSTS.map(|c| c.printed));
    s.freeze = FIRST;
    for (i, r) in table.rows.iter().enumerate() {
        let row = FIRST + i as u32;
        // What the draft writes where the model read nothing: kept as text.
        let mut put = |col: &str, read: Option<(Value, Style, crate::text::Span)>| {
            let path = [Step::key("costs"), Step::key(key), Step::key("rows"), Step::Item(i), Step::key(col)];
            let (value, style, span) = match read {
                Some((v, st, sp)) => (v, st, Some(sp)),
                None => match raw(tree, &path) {
                    Some((t, sp)) => (Value::Text(t), Style::Center, Some(sp)),
                    None => (Value::Blank, Style::Center, None),
                },
            };
            s.put(row, column(col), value, style, span);
        };
        fn with<T>(
            f: &Option<Spanned<T>>,
            v: impl Fn(&T) -> (Value, Style),
        ) -> Option<(Value, Style, crate::text::Span)> {
            f.as_ref().map(|s| {
                let (value, style) = v(&s.value);
                (value, style, s.span)
            })
        }
        put("serial", with(&r.serial, |n| (Value::Number(*n as f64, Num::Grouped), Style::Center)));
        put("notice", with(&r.notice, |n| (Value::Text(n.to_string()), Style::Center)));
        put("name", with(&r.name, |t| (Value::Text(t.clone()), Style::Wrap)));
        put("effective", with(&r.effective, |d| (Value::Text(era_abbrev(*d)), Style::Center)));
        put("total_yen", with(&r.total_yen, |c| read_cell(*c, whole)));
        put("advanced_yen", with(&r.advanced_yen, |c| read_cell(*c, whole)));
        put("avg_stay_days", with(&r.avg_stay_days, |c| read_cell(*c, days)));
        put("cases", with(&r.cases, |c| read_cell(*c, |n| whole(i128::from(n)))));
        put("facilities", with(&r.facilities, |c| read_cell(*c, |n| whole(i128::from(n)))));
    }
    let rows = Rows {
        sheet: name.to_owned(),
        first: FIRST,
        last: FIRST + table.rows.len() as u32 - u32::from(!table.rows.is_empty()),
    };
    let mut next = FIRST + table.rows.len() as u32;
    if let Some(total) = &table.total {
        let sums = facts::sums(table);
        let row = next;
        s.text(row, 0, "合計", Style::Label).merge_to = Some((row, 3));
        let mut printed = Vec::new();
        let stated = [
            ("total_yen", total.total_yen.as_ref().map(|t| (t.value, t.span)), sums.total_yen),
            ("advanced_yen", total.advanced_yen.as_ref().map(|t| (t.value, t.span)), sums.advanced_yen),
            ("cases", total.cases.as_ref().map(|t| (i128::from(t.value), t.span)), sums.cases.map(i128::from)),
            (
                "facilities",
                total.facilities.as_ref().map(|t| (i128::from(t.value), t.span)),
                sums.facilities.map(i128::from),
            ),
        ];
        for (k, value, sum) in stated {
            let path = [Step::key("costs"), Step::key(key), Step::key("total"), Step::key(k)];
            // The figure the draft states, or its text where it states no figure the model could read.
            let stated = match value {
                Some((v, span)) => Some((Some(v), whole(v), span)),
                None => raw(tree, &path).map(|(t, span)| (None, Value::Text(t), span)),
            };
            let Some((v, shown, span)) = stated else { continue };
            if table.rows.is_empty() || sum.is_none() {
                // No rows, or one the linter could not read: no formula would give this column's sum.
                s.put(row, column(k), shown, Style::Figure, Some(span));
                continue;
            }
            let agrees = v.is_some() && sum == v;
            let formula = Value::Formula {
                formula: format!("={}", rows.sum_here(k)),
                result: sum.map(|n| n.to_string()).unwrap_or_default(),
                num: Num::Grouped,
            };
            s.put(row, column(k), formula, Style::Figure, agrees.then_some(span));
            if !agrees {
                printed.push((column(k), shown, span));
            }
        }
        next += 1;
        if !printed.is_empty() {
            s.text(next, 0, PRINTED_TOTAL, Style::Label).merge_to = Some((next, 3));
            for (col, v, span) in printed {
                s.put(next, col, v, Style::Figure, Some(span));
            }
            next += 1;
        }
    }
    s.text(next, 0, "※入院例なし", Style::Note);
    (s, rows)
}
