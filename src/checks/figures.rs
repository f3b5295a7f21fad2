//! Every derived figure of the report, computed once per analysis: a 合計 from its rows, a summary figure from
//! the cost tables, the history's last row from both. Each says which printed cell it is about, what that cell
//! should read, where it comes from (cells with their own labels) and how (in both languages). The rules
//! report the figures that differ (`column-sum`, `summary-vs-costs`, `history-vs-report`); hover and inlay hints
//! show the same list, kept with the analysis, so a figure a rule checks always has its hint.
//!
//! One fault, one finding: a row's typo is reported once, by `column-sum` at the 合計; the page-1 and history
//! figures are compared with the printed 合計 and with the rows' sum, and flagged only when they agree with
//! neither. Nothing is derived from a table whose rows could not all be read (`CostTable::complete`) but its
//! printed 合計.

use super::facts::{self, Technologies};
use crate::diagnostics::{Message, RuleId, count_of, group_digits, oku_text};
use crate::model::exact::Q;
use crate::model::places::{self, ChangeItem, SummaryItem};
use crate::model::{Amount, CostTable, Decimal, Part, Report, Rounding, Spanned, SummaryColumn};
use crate::text::Span;

/// What the printed cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    /// A count or a yen amount, exact.
    Exact(i128),
    Amount(Amount),
    Percent(Decimal),
}

/// What it should stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exact {
    /// A count or yen amount the cell must equal (or, for an amount in 億円, round from).
    Value(i128),
    /// `part / whole`, as a percentage.
    Ratio { part: i128, whole: i128 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The rule that reports it when it differs.
    pub rule: RuleId,
    /// The printed cell.
    pub span: Span,
    pub printed: Printed,
    /// What it stands for: from the printed 合計 when the table has one.
    pub exact: Exact,
    /// What else it may stand for, when a table and its 合計 disagree (the rows' sum): `column-sum` reports that
    /// disagreement once, at the 合計, and a figure that agrees with either reading is not flagged. A figure with
    /// other readings is in doubt, and no fix is offered from it.
    pub also: Vec<Exact>,
    /// How the cell should print: `約911.2億円`, `175,505`, `12.9%`.
    pub expected: String,
    pub differs: bool,
    /// The printed figure's place, as the report names it: 「先－１－１ 実績の概要の③全患者数（先進医療Ａ）」.
    pub what: Message,
    /// What it is derived from, for a sentence: 「参考資料１の合計」 for an amount or a share (「…から求めた」), the
    /// value's own name for a count (「参考資料１の年間実施件数の合計」).
    pub from: Message,
    /// The calculation with every term named and valued, or why the two must agree: the finding's first note.
    pub calc: Message,
    /// The cells it comes from, each with its own label.
    pub sources: Vec<(Span, Message)>,
    /// How it comes about, for hover: `Σ 27 行 = 91,117,710,124 円 ≈ 911.177… 億円`.
    pub derivation: Message,
    /// The units printed after the figure and after the value it is compared with (`人` and `件` for ③; none
    /// for an amount, which carries its own).
    pub units: (&'static str, &'static str),
}

/// Every derived figure, in the order of the rules that check them.
pub fn figures(report: &Report) -> Vec<Figure> {
    let mut out = Vec::new();
    for part in Part::BOTH {
        if let Some(table) = report.costs.get(part) {
            column_sums(part, table, &mut out);
        }
    }
    summary(report, &mut out);
    history(report, &mut out);
    out
}

/// A ratio in percent, two places finer than printed, cut off (`12.449…`).
pub fn percent_cut(q: Q, scale: u32) -> String {
    let cut = Decimal::round(q, scale + 2, Rounding::Down);
    let more = if cut.value() == q { "" } else { "…" };
    format!("{cut}{more}")
}

/// The distinct values of `values`, the first kept first.
fn distinct(values: impl IntoIterator<Item = i128>) -> Vec<i128> {
    let mut out: Vec<i128> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// How a figure is rounded, in words: 「小数第2位を四捨五入」, 「1億円未満を四捨五入」, 「小数第2位を切り捨て」.
pub fn rounded_words(scale: u32, unit: &str, r: Rounding) -> Message {
    let (ja, en) = match r {
        Rounding::HalfUp => ("四捨五入", "rounded half up"),
        Rounding::Down => ("切り捨て", "rounded down"),
    };
    if scale == 0 {
        Message::new(format!("1{unit}未満を{ja}"), format!("{en} to a whole {unit}"))
    } else {
        let places = ["no", "one", "two", "three"].get(scale as usize).copied().unwrap_or("more");
        Message::new(
            format!("小数第{}位を{ja}", scale + 1),
            format!("{en} to {places} decimal{}", if scale == 1 { "" } else { "s" }),
        )
    }
}

/// A count against the count it must equal; `why` says why the two agree.
fn count_figure(
    rule: RuleId,
    printed: &Spanned<u64>,
    values: &[i128],
    [what, from]: [Message; 2],
    (why, how): (Message, Message),
    units: (&'static str, &'static str),
) -> Figure {
    let expected = group_digits(values[0]);
    let derivation = Message::new(format!("{} = {expected}", how.ja), format!("{} = {expected}", how.en));
    Figure {
        rule,
        span: printed.span,
        printed: Printed::Exact(printed.value.into()),
        exact: Exact::Value(values[0]),
        also: values[1..].iter().map(|&v| Exact::Value(v)).collect(),
        differs: !values.contains(&i128::from(printed.value)),
        expected,
        what,
        from,
        calc: why,
        sources: Vec::new(),
        derivation,
        units,
    }
}

/// A rounded amount against the exact yen of `source`; `terms` writes out a difference (④ ＝ 総合計 － 先進医療総額).
fn amount_figure(
    rule: RuleId,
    printed: &Spanned<Amount>,
    source: &Column,
    terms: Option<Message>,
    r: Rounding,
    what: Message,
    how: &str,
) -> Figure {
    let values = &source.values;
    let e = printed.value.round_yen(values[0], r);
    let (y, oku) = (group_digits(values[0]), oku_text(values[0], 3));
    let calc = match terms {
        Some(t) => {
            Message::new(format!("{}＝{y}円（{oku}億円）です", t.ja), format!("{} = {y} yen ({oku} 億円)", t.en))
        }
        None => Message::new(
            format!("{}は{y}円（{oku}億円）です", source.name.ja),
            format!("{} is {y} yen ({oku} 億円)", source.name.en),
        ),
    };
    Figure {
        rule,
        span: printed.span,
        printed: Printed::Amount(printed.value),
        exact: Exact::Value(values[0]),
        also: values[1..].iter().map(|&v| Exact::Value(v)).collect(),
        expected: e.to_string(),
        differs: values.iter().all(|&v| printed.value.round_yen(v, r).value != printed.value.value),
        what,
        from: source.basis.clone(),
        calc,
        sources: source.sources.clone(),
        derivation: Message::new(
            format!("{how} = {y} 円 ≈ {oku} 億円 → {e}"),
            format!("{how} = {y} yen ≈ {oku} 億円 → {e}"),
        ),
        units: ("", ""),
    }
}

/// A percentage against `part / whole`: rounded half up whatever the report's `rounding`, which ※3 states for
/// the amounts ④–⑥ only.
fn ratio_figure(
    rule: RuleId,
    printed: &Spanned<Decimal>,
    part: &Column,
    whole: &Column,
    what: Message,
) -> Option<Figure> {
    let readings: Vec<(i128, i128)> =
        part.values.iter().flat_map(|&p| whole.values.iter().map(move |&w| (p, w))).filter(|&(_, w)| w > 0).collect();
    let &(p, w) = readings.first()?;
    let rounded = |(p, w): (i128, i128)| Decimal::round(Q::new(p * 100, w), printed.value.scale, Rounding::HalfUp);
    let e = rounded((p, w));
    let fine = percent_cut(Q::new(p * 100, w), printed.value.scale);
    let (a, b) = (group_digits(p), group_digits(w));
    let (pn, wn) = (&part.name, &whole.name);
    Some(Figure {
        rule,
        span: printed.span,
        printed: Printed::Percent(printed.value),
        exact: Exact::Ratio { part: p, whole: w },
        also: readings[1..].iter().map(|&(part, whole)| Exact::Ratio { part, whole }).collect(),
        expected: format!("{e}%"),
        differs: readings.iter().all(|&r| rounded(r) != printed.value),
        what,
        from: part.basis.clone(),
        calc: Message::new(
            format!("{}{a}円／{}{b}円＝{fine}%です", pn.ja, wn.ja),
            format!("{} {a} yen / {} {b} yen = {fine}%", pn.en, wn.en),
        ),
        sources: part.sources.iter().chain(&whole.sources).cloned().collect(),
        derivation: Message::new(
            format!("Σ 先進医療総額 ／ Σ 総合計 = {a} ／ {b} = {fine}% → {e}%"),
            format!("Σ 先進医療総額 / Σ 総合計 = {a} / {b} = {fine}% → {e}%"),
        ),
        units: ("", ""),
    })
}

/// Each 合計 cell against the exact sum of its column (only when every row of the column is readable: one bad
/// cell is one diagnostic, not a second, derived one).
fn column_sums(part: Part, table: &CostTable, out: &mut Vec<Figure>) {
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
            let oku = oku_text(sum, 3);
            Message::new(format!("Σ {n} 行 = {e} 円 ≈ {oku} 億円"), format!("Σ of {rows_en} = {e} yen ≈ {oku} 億円"))
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

/// One column of a cost table as the summary and the history see it: the printed 合計, and the rows' sum when
/// it differs (or alone, when the 合計 cannot be read); a table whose rows could not all be read gives its
/// printed 合計 only.
#[derive(Clone)]
struct Column {
    /// The readings, the printed 合計's first.
    values: Vec<i128>,
    /// The first reading's name with its table: 「参考資料１の総合計の合計」, 「参考資料２の各行の総合計の和」.
    name: Message,
    /// Where it comes from, for 「…から求めた」: 「参考資料１の合計」, 「参考資料２の各行」.
    basis: Message,
    sources: Vec<(Span, Message)>,
}

/// The tables a column comes from: 「参考資料１」, or 「参考資料１・２」 for the 計 column.
#[derive(Clone, Copy)]
enum Tables {
    One(Part),
    Both,
}

impl Tables {
    fn name(self) -> Message {
        match self {
            Tables::One(p) => places::cost_table(p),
            Tables::Both => Message::new("参考資料１・２", "reference tables 1 and 2 (参考資料１・２)"),
        }
    }

    /// The column's name and basis, from the printed 合計 or from the rows.
    fn column(self, (ja, en): (&str, &str), printed: bool) -> (Message, Message) {
        let t = self.name();
        if printed {
            (
                Message::new(format!("{}の{ja}の合計", t.ja), format!("the total of {en} in {}", t.en)),
                Message::new(format!("{}の合計", t.ja), format!("the totals of {}", t.en)),
            )
        } else {
            (
                Message::new(format!("{}の各行の{ja}の和", t.ja), format!("the sum of {en} over the rows of {}", t.en)),
                Message::new(format!("{}の各行", t.ja), format!("the rows of {}", t.en)),
            )
        }
    }
}

fn column(
    table: &CostTable,
    part: Part,
    sum: Option<i128>,
    printed: Option<Spanned<i128>>,
    (ja, en, unit): (&'static str, &'static str, &'static str),
) -> Option<Column> {
    let tables = Tables::One(part);
    let total = || Message::new(format!("{ja}の合計"), format!("the total of {en}"));
    let rows = |s: i128| {
        Message::new(
            format!("{ja}（各行の和{}{unit}）", group_digits(s)),
            format!("{en} (the rows sum to {})", group_digits(s)),
        )
    };
    let (name, basis) = tables.column((ja, en), true);
    match (sum, printed) {
        (Some(sum), Some(p)) if p.value == sum => {
            Some(Column { values: vec![sum], name, basis, sources: vec![(p.span, total())] })
        }
        // The 合計 and its rows disagree: `column-sum` says so at the 合計, and either reading is accepted here.
        (Some(sum), Some(p)) => {
            let printed = Message::new(
                format!("合計欄（{}{unit}。各行の和と不一致）", group_digits(p.value)),
                format!("the totals row ({}; not the sum of the rows)", group_digits(p.value)),
            );
            let sources = vec![(p.span, printed), (table.rows_key, rows(sum))];
            Some(Column { values: vec![p.value, sum], name, basis, sources })
        }
        (Some(sum), None) => {
            let (name, basis) = tables.column((ja, en), false);
            Some(Column { values: vec![sum], name, basis, sources: vec![(table.rows_key, rows(sum))] })
        }
        (None, Some(p)) => Some(Column { values: vec![p.value], name, basis, sources: vec![(p.span, total())] }),
        (None, None) => None,
    }
}

/// The exact figures of one table (or of both, for the 計 column).
#[derive(Clone)]
struct Exacts {
    total_yen: Option<Column>,
    advanced_yen: Option<Column>,
    cases: Option<Column>,
    /// `None` when a row could not be read: a technology may be missing.
    technologies: Option<u64>,
}

fn exacts(table: &CostTable, part: Part) -> Exacts {
    let sums = facts::sums(table);
    let total = table.total.as_ref();
    let widen = |c: &Spanned<u64>| Spanned { value: i128::from(c.value), span: c.span };
    let technologies: Technologies = facts::technologies(table);
    Exacts {
        total_yen: column(
            table,
            part,
            sums.total_yen,
            total.and_then(|t| t.total_yen.clone()),
            ("総合計", "総合計", "円"),
        ),
        advanced_yen: column(
            table,
            part,
            sums.advanced_yen,
            total.and_then(|t| t.advanced_yen.clone()),
            ("先進医療総額", "先進医療総額", "円"),
        ),
        cases: column(
            table,
            part,
            sums.cases.map(i128::from),
            total.and_then(|t| t.cases.as_ref().map(widen)),
            ("年間実施件数", "年間実施件数", "件"),
        ),
        technologies: facts::all_numbered(table).then_some(technologies.len() as u64),
    }
}

/// Two columns combined value by value (`f`: sum, difference), every reading of one with every reading of the
/// other.
fn combine(a: &Column, b: &Column, f: impl Fn(i128, i128) -> i128, name: Message, basis: Message) -> Column {
    let values = distinct(a.values.iter().flat_map(|&x| b.values.iter().map(move |&y| (x, y))).map(|(x, y)| f(x, y)));
    Column { values, name, basis, sources: a.sources.iter().chain(&b.sources).cloned().collect() }
}

/// A column of both tables, for the 計 column: 「参考資料１・２の総合計の合計」 when both are read the same way.
fn add(a: Option<Column>, b: Option<Column>, word: (&str, &str)) -> Option<Column> {
    let (a, b) = (a?, b?);
    let same = a.basis.ja.ends_with("の合計") == b.basis.ja.ends_with("の合計");
    let (name, basis) = if same {
        Tables::Both.column(word, a.basis.ja.ends_with("の合計"))
    } else {
        (
            Message::new(format!("{}と{}", a.name.ja, b.name.ja), format!("{} and {}", a.name.en, b.name.en)),
            Tables::Both.name(),
        )
    };
    Some(combine(&a, &b, |x, y| x + y, name, basis))
}

fn both(a: Exacts, b: Exacts) -> Exacts {
    Exacts {
        total_yen: add(a.total_yen, b.total_yen, ("総合計", "総合計")),
        advanced_yen: add(a.advanced_yen, b.advanced_yen, ("先進医療総額", "先進医療総額")),
        cases: add(a.cases, b.cases, ("年間実施件数", "年間実施件数")),
        technologies: a.technologies.zip(b.technologies).map(|(a, b)| a + b),
    }
}

/// ④ from ⑥ and ⑤: the difference of the two columns, with both terms written out for the calculation.
fn insured(total: &Column, adv: &Column) -> (Column, Message) {
    let c = combine(total, adv, |x, y| x - y, total.name.clone(), total.basis.clone());
    let (t, a) = (group_digits(total.values[0]), group_digits(adv.values[0]));
    let terms = Message::new(
        format!("{}{t}円－{}{a}円", total.name.ja, adv.name.ja),
        format!("{} {t} yen − {} {a} yen", total.name.en, adv.name.en),
    );
    (c, terms)
}

fn summary(report: &Report, out: &mut Vec<Figure>) {
    let (costs, summary) = (&report.costs, &report.summary);
    for part in Part::BOTH {
        if let (Some(table), Some(col)) = (costs.get(part), summary.get(part)) {
            summary_column(report.meta.rounding, col, exacts(table, part), places::Column::of(part), out);
        }
    }
    if let (Some(a), Some(b), Some(col)) = (&costs.a, &costs.b, &summary.total) {
        summary_column(
            report.meta.rounding,
            col,
            both(exacts(a, Part::A), exacts(b, Part::B)),
            places::Column::Total,
            out,
        );
    }
}

fn summary_column(r: Rounding, col: &SummaryColumn, e: Exacts, column: places::Column, out: &mut Vec<Figure>) {
    let rule = RuleId::SummaryVsCosts;
    let place = |item| places::summary(column, item);
    if let (Some(p), Some(cases)) = (&col.patients, &e.cases) {
        let why = Message::new(
            format!("③全患者数は{}と同じ数になります。", cases.name.ja),
            format!("③ equals {}.", cases.name.en),
        );
        let how = Message::new("Σ 年間実施件数", "Σ 年間実施件数");
        let mut f = count_figure(
            rule,
            p,
            &cases.values,
            [place(SummaryItem::Patients), cases.name.clone()],
            (why, how),
            ("人", "件"),
        );
        f.sources = cases.sources.clone();
        out.push(f);
    }
    if let (Some(t), Some(technologies)) = (&col.technologies, e.technologies) {
        let tables = if column == places::Column::Total {
            Tables::Both
        } else {
            Tables::One(if column == places::Column::A { Part::A } else { Part::B })
        };
        let tn = tables.name();
        let from =
            Message::new(format!("{}に載っている技術の数", tn.ja), format!("the technologies listed in {}", tn.en));
        let why = Message::new(
            "①は費用の表に載っている技術の数です。枝番（10(1)・10(2)など）は合わせて1技術と数えます。",
            "① is the number of technologies in the cost tables; the sub-rows of one number (10(1), 10(2)) count once.",
        );
        let how = Message::new("費用の表の技術数（枝番は1技術）", "technologies in the cost tables (sub-rows once)");
        out.push(count_figure(
            rule,
            t,
            &[i128::from(technologies)],
            [place(SummaryItem::Technologies), from],
            (why, how),
            ("種類", "種類"),
        ));
    }
    let (Some(total), Some(adv)) = (&e.total_yen, &e.advanced_yen) else { return };
    let (insured, terms) = insured(total, adv);
    let amounts = [
        (&col.insured_cost, &insured, Some(terms), SummaryItem::Insured, "Σ 総合計 − Σ 先進医療総額"),
        (&col.advanced_cost, adv, None, SummaryItem::Advanced, "Σ 先進医療総額"),
        (&col.total_cost, total, None, SummaryItem::Total, "Σ 総合計"),
    ];
    for (printed, source, terms, item, how) in amounts {
        if let Some(p) = printed {
            out.push(amount_figure(rule, p, source, terms, r, place(item), how));
        }
    }
    if let Some(p) = &col.advanced_ratio
        && let Some(f) = ratio_figure(rule, p, adv, total, place(SummaryItem::Ratio))
    {
        out.push(f);
    }
}

fn history(report: &Report, out: &mut Vec<Figure>) {
    let rule = RuleId::HistoryVsReport;
    let history = &report.history;
    let tables = match (report.costs.get(Part::A), report.costs.get(Part::B)) {
        (Some(a), Some(b)) => Some(both(exacts(a, Part::A), exacts(b, Part::B))),
        _ => None,
    };
    // A last row of another year (this year's was not added) is `history-vs-report`'s period finding, and
    // `history-length`'s: its figures are not compared with this year's.
    let other_year = history
        .last()
        .and_then(|l| l.period.as_ref())
        .zip(facts::report_year(report))
        .is_some_and(|(l, r)| l.value != r.value);
    if let Some(last) = history.last().filter(|_| !other_year) {
        let row = places::history_row(last, history.len() - 1, true);
        let item = |ja: &str, en: &str| Message::new(format!("{}の{ja}", row.ja), format!("{}, {en}", row.en));
        if let Some(total) = &report.summary.total {
            // ① and ③ may also be read from the cost tables: a typo in the summary is then one finding, there.
            let technologies = tables.as_ref().and_then(|e| e.technologies).map(i128::from);
            let cases = tables.as_ref().and_then(|e| e.cases.as_ref()).map(|c| c.values.clone()).unwrap_or_default();
            let counts = [
                (
                    &last.technologies,
                    &total.technologies,
                    ("技術数", "technologies"),
                    SummaryItem::Technologies,
                    technologies.into_iter().collect::<Vec<_>>(),
                    "種類",
                ),
                (
                    &last.facilities,
                    &total.facilities,
                    ("実施医療機関数", "facilities"),
                    SummaryItem::Facilities,
                    Vec::new(),
                    "施設",
                ),
                (&last.patients, &total.patients, ("全患者数", "patients"), SummaryItem::Patients, cases, "人"),
            ];
            for (mine, theirs, what, summary_item, derived, unit) in counts {
                if let (Some(m), Some(t)) = (mine, theirs) {
                    let from = places::summary(places::Column::Total, summary_item);
                    let why = Message::new(
                        "今年度の行の数値は、先－１－１ 実績の概要の計と同じになります。",
                        "This year's row repeats the total column of the summary (先－１－１).",
                    );
                    let values = distinct(std::iter::once(i128::from(t.value)).chain(derived));
                    let names = [item(what.0, what.1), from.clone()];
                    let mut f = count_figure(rule, m, &values, names, (why, from.clone()), (unit, unit));
                    f.sources = vec![(t.span, summary_item.name())];
                    out.push(f);
                }
            }
        }
        if let Some(tables) = tables {
            last_row_amounts(report.meta.rounding, &row, last, tables, out);
        }
    }
    if let (Some(i), Some(prev)) = (history.len().checked_sub(2), &report.changes.total)
        && let (Some(t), Some(p)) = (&history[i].technologies, &prev.previous)
    {
        let row = places::history_row(&history[i], i, false);
        let what = Message::new(format!("{}の技術数", row.ja), format!("{}, technologies", row.en));
        let from = places::changes(places::Column::Total, ChangeItem::Previous);
        let why = Message::new(
            "前年度の行の技術数は、前年6月30日現在の先進医療技術数と同じになります。",
            "The previous year's row counts the technologies of a year earlier.",
        );
        let mut f = count_figure(
            rule,
            t,
            &[i128::from(p.value.count())],
            [what, from.clone()],
            (why, from.clone()),
            ("種類", "種類"),
        );
        f.sources = vec![(p.span, ChangeItem::Previous.name())];
        out.push(f);
    }
}

fn last_row_amounts(r: Rounding, row: &Message, last: &crate::model::HistoryRow, e: Exacts, out: &mut Vec<Figure>) {
    let rule = RuleId::HistoryVsReport;
    let (Some(total), Some(adv)) = (&e.total_yen, &e.advanced_yen) else { return };
    let item = |ja: &str, en: &str| Message::new(format!("{}の{ja}", row.ja), format!("{}, {en}", row.en));
    let (insured, terms) = insured(total, adv);
    let amounts = [
        (&last.total_cost, total, None, item("総金額", "total amount"), "Σ 総合計（Ａ＋Ｂ）"),
        (
            &last.insured_cost,
            &insured,
            Some(terms),
            item("保険外併用療養費の総額", "insured portion"),
            "Σ 総合計 − Σ 先進医療総額",
        ),
        (
            &last.advanced_cost,
            adv,
            None,
            item("先進医療及び旧高度先進医療の総額", "advanced-care total"),
            "Σ 先進医療総額（Ａ＋Ｂ）",
        ),
    ];
    for (printed, source, terms, what, how) in amounts {
        if let Some(p) = printed {
            out.push(amount_figure(rule, p, source, terms, r, what, how));
        }
    }
    if let Some(p) = &last.advanced_ratio
        && let Some(f) =
            ratio_figure(rule, p, adv, total, item("全医療費のうち先進医療分の割合", "advanced-care share"))
    {
        out.push(f);
    }
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

    #[test]
    fn the_published_total_cost_of_a() {
        let text = include_str!("../../examples/r6/report.yaml");
        let analysis = crate::analyze(text);
        let all = &analysis.figures;
        let at = text.find("約911.1億円").unwrap();
        let d = all.iter().find(|d| d.span.start == at).unwrap();
        assert!(d.differs);
        assert_eq!(d.expected, "約911.2億円");
        assert_eq!(d.derivation.ja, "Σ 総合計 = 91,117,710,124 円 ≈ 911.177… 億円 → 約911.2億円");
        let total = text.find("total_yen: 91,117,710,124").unwrap() + "total_yen: ".len();
        let d = all.iter().find(|d| d.span.start == total).unwrap();
        assert_eq!(d.derivation.ja, "Σ 27 行 = 91,117,710,124 円 ≈ 911.177… 億円");
        assert!(!d.differs);
    }
}
