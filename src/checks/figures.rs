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
    /// The printed figure's name: `A ③ 全患者数`.
    pub what: Message,
    /// What it is derived from: `年間実施件数の行の総和`.
    pub from: Message,
    /// The cells it comes from, each with its own label.
    pub sources: Vec<(Span, Message)>,
    /// How it comes about, for hover: `Σ 27 行 = 91,117,710,124 円 ≈ 911.177… 億円`.
    pub derivation: Message,
    /// The unit printed after an exact figure (`円`, `件`, or none).
    pub unit: &'static str,
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

fn count_figure(rule: RuleId, printed: &Spanned<u64>, values: &[i128], names: [Message; 2], how: Message) -> Figure {
    let expected = group_digits(values[0]);
    let derivation = Message::new(format!("{} = {expected}", how.ja), format!("{} = {expected}", how.en));
    let [what, from] = names;
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
        sources: Vec::new(),
        derivation,
        unit: "",
    }
}

fn amount_figure(
    rule: RuleId,
    printed: &Spanned<Amount>,
    values: &[i128],
    r: Rounding,
    names: [Message; 2],
    how: Message,
) -> Figure {
    let e = printed.value.round_yen(values[0], r);
    let (y, oku) = (group_digits(values[0]), oku_text(values[0], 3));
    let [what, from] = names;
    Figure {
        rule,
        span: printed.span,
        printed: Printed::Amount(printed.value),
        exact: Exact::Value(values[0]),
        also: values[1..].iter().map(|&v| Exact::Value(v)).collect(),
        expected: e.to_string(),
        differs: values.iter().all(|&v| printed.value.round_yen(v, r).value != printed.value.value),
        what,
        from,
        sources: Vec::new(),
        derivation: Message::new(
            format!("{} = {y} 円 ≈ {oku} 億円 → {e}", how.ja),
            format!("{} = {y} yen ≈ {oku} 億円 → {e}", how.en),
        ),
        unit: "",
    }
}

/// A percentage against `part / whole`: rounded half up whatever the report's `rounding`, which ※3 states for
/// the amounts ④–⑥ only.
fn ratio_figure(
    rule: RuleId,
    printed: &Spanned<Decimal>,
    parts: &[i128],
    wholes: &[i128],
    what: Message,
) -> Option<Figure> {
    let readings: Vec<(i128, i128)> =
        parts.iter().flat_map(|&p| wholes.iter().map(move |&w| (p, w))).filter(|&(_, w)| w > 0).collect();
    let &(part, whole) = readings.first()?;
    let rounded = |(p, w): (i128, i128)| Decimal::round(Q::new(p * 100, w), printed.value.scale, Rounding::HalfUp);
    let e = rounded((part, whole));
    let fine = percent_cut(Q::new(part * 100, whole), printed.value.scale);
    let (a, b) = (group_digits(part), group_digits(whole));
    Some(Figure {
        rule,
        span: printed.span,
        printed: Printed::Percent(printed.value),
        exact: Exact::Ratio { part, whole },
        also: readings[1..].iter().map(|&(part, whole)| Exact::Ratio { part, whole }).collect(),
        expected: format!("{e}%"),
        differs: readings.iter().all(|&r| rounded(r) != printed.value),
        what,
        from: Message::new("先進医療総額 ／ 総合計", "先進医療総額 / 総合計"),
        sources: Vec::new(),
        derivation: Message::new(
            format!("Σ 先進医療総額 ／ Σ 総合計 = {a} ／ {b} = {fine}% → {e}%"),
            format!("Σ 先進医療総額 / Σ 総合計 = {a} / {b} = {fine}% → {e}%"),
        ),
        unit: "",
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
            "",
        ),
    ];
    let cells: [RowCell; 4] = [
        |r| r.total_yen.as_ref().and_then(|c| Some((c.span, c.value.value()?))),
        |r| r.advanced_yen.as_ref().and_then(|c| Some((c.span, c.value.value()?))),
        |r| r.cases.as_ref().map(|c| (c.span, i128::from(c.value.count()))),
        |r| r.facilities.as_ref().map(|c| (c.span, i128::from(c.value.count()))),
    ];
    for ((ja, en, sum, printed, unit), cell) in columns.into_iter().zip(cells) {
        let (Some(sum), Some(printed)) = (sum, printed) else { continue };
        let row = suspect(table, cell, printed.value - sum);
        let e = group_digits(sum);
        let derivation = if unit == "円" {
            let oku = oku_text(sum, 3);
            Message::new(
                format!("Σ {n} 行 = {e} 円 ≈ {oku} 億円"),
                format!("Σ of {} = {e} yen ≈ {oku} 億円", count_of(n as i128, "row", "rows")),
            )
        } else {
            Message::new(format!("Σ {n} 行 = {e}"), format!("Σ of {} = {e}", count_of(n as i128, "row", "rows")))
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
            what: Message::new(format!("{} {ja}の合計", part.label()), format!("{} {en} 合計", part.label())),
            from: Message::new(format!("{n}行の総和"), format!("sum of {}", count_of(n as i128, "row", "rows"))),
            sources: std::iter::once((
                table.rows_key,
                Message::new(format!("この{n}行の総和"), format!("the {} summed", count_of(n as i128, "row", "rows"))),
            ))
            .chain(row)
            .collect(),
            derivation,
            unit,
        });
    }
}

/// A row's cell of one column, with its value.
type RowCell = fn(&crate::model::CostRow) -> Option<(Span, i128)>;

/// The one row whose cell, typed with one digit wrong, missing or extra, or two digits swapped, explains the
/// difference between a 合計 and its rows: named, so that the reader corrects the row rather than the 合計.
fn suspect(table: &CostTable, cell: RowCell, difference: i128) -> Option<(Span, Message)> {
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
            format!("この行の誤りかもしれません：{was} を {meant} にすると合計と一致します"),
            format!("perhaps this row: {meant} instead of {was} would agree with the 合計"),
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
    /// What it is: `総合計の合計`, or `総合計の行の総和` when only the rows give it.
    name: Message,
    sources: Vec<(Span, Message)>,
}

fn column(
    table: &CostTable,
    sum: Option<i128>,
    printed: Option<Spanned<i128>>,
    (ja, en): (&str, &str),
) -> Option<Column> {
    let n = table.rows.len();
    let total = || Message::new(format!("{ja}の合計"), format!("the total of {en}"));
    match (sum, printed) {
        (Some(sum), Some(p)) if p.value == sum => {
            Some(Column { values: vec![sum], name: total(), sources: vec![(p.span, total())] })
        }
        // The 合計 and its rows disagree: `column-sum` says so at the 合計, and either reading is accepted here.
        (Some(sum), Some(p)) => {
            let s = group_digits(sum);
            let sources = vec![
                (p.span, total()),
                (
                    table.rows_key,
                    Message::new(
                        format!("{ja}の{n}行の総和 {s}（合計とは違う）"),
                        format!("the {} of {en} sum to {s} (not the 合計)", count_of(n as i128, "row", "rows")),
                    ),
                ),
            ];
            Some(Column { values: vec![p.value, sum], name: total(), sources })
        }
        (Some(sum), None) => {
            let s = group_digits(sum);
            let label = Message::new(
                format!("{ja}の{n}行の総和 {s}"),
                format!("the sum of the {} of {en}: {s}", count_of(n as i128, "row", "rows")),
            );
            let name = Message::new(format!("{ja}の行の総和"), format!("the sum of the rows of {en}"));
            Some(Column { values: vec![sum], name, sources: vec![(table.rows_key, label)] })
        }
        (None, Some(p)) => Some(Column { values: vec![p.value], name: total(), sources: vec![(p.span, total())] }),
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

fn exacts(table: &CostTable) -> Exacts {
    let sums = facts::sums(table);
    let total = table.total.as_ref();
    let widen = |c: &Spanned<u64>| Spanned { value: i128::from(c.value), span: c.span };
    let technologies: Technologies = facts::technologies(table);
    Exacts {
        total_yen: column(table, sums.total_yen, total.and_then(|t| t.total_yen.clone()), ("総合計", "総合計")),
        advanced_yen: column(
            table,
            sums.advanced_yen,
            total.and_then(|t| t.advanced_yen.clone()),
            ("先進医療総額", "先進医療総額"),
        ),
        cases: column(
            table,
            sums.cases.map(i128::from),
            total.and_then(|t| t.cases.as_ref().map(widen)),
            ("年間実施件数", "年間実施件数"),
        ),
        technologies: facts::all_numbered(table).then_some(technologies.len() as u64),
    }
}

/// Two columns combined value by value (`f`: sum, difference), every reading of one with every reading of the
/// other.
fn combine(a: &Column, b: &Column, f: impl Fn(i128, i128) -> i128, name: Message) -> Column {
    let values = distinct(a.values.iter().flat_map(|&x| b.values.iter().map(move |&y| (x, y))).map(|(x, y)| f(x, y)));
    Column { values, name, sources: a.sources.iter().chain(&b.sources).cloned().collect() }
}

fn add(a: Option<Column>, b: Option<Column>) -> Option<Column> {
    let (a, b) = (a?, b?);
    let name = if a.name == b.name {
        Message::new(format!("Ａ・Ｂの{}", a.name.ja), format!("{} of A and B", a.name.en))
    } else {
        Message::new(
            format!("{}（Ａ）と{}（Ｂ）", a.name.ja, b.name.ja),
            format!("{} (A) and {} (B)", a.name.en, b.name.en),
        )
    };
    Some(combine(&a, &b, |x, y| x + y, name))
}

fn both(a: Exacts, b: Exacts) -> Exacts {
    Exacts {
        total_yen: add(a.total_yen, b.total_yen),
        advanced_yen: add(a.advanced_yen, b.advanced_yen),
        cases: add(a.cases, b.cases),
        technologies: a.technologies.zip(b.technologies).map(|(a, b)| a + b),
    }
}

fn summary(report: &Report, out: &mut Vec<Figure>) {
    let (costs, summary) = (&report.costs, &report.summary);
    for part in Part::BOTH {
        if let (Some(table), Some(col)) = (costs.get(part), summary.get(part)) {
            summary_column(report.meta.rounding, col, exacts(table), part.label(), out);
        }
    }
    if let (Some(a), Some(b), Some(col)) = (&costs.a, &costs.b, &summary.total) {
        summary_column(report.meta.rounding, col, both(exacts(a), exacts(b)), "計", out);
    }
}

fn summary_column(r: Rounding, col: &SummaryColumn, e: Exacts, column: &str, out: &mut Vec<Figure>) {
    let rule = RuleId::SummaryVsCosts;
    if let (Some(p), Some(cases)) = (&col.patients, &e.cases) {
        let what = Message::new(format!("{column} ③ 全患者数"), format!("{column} ③ patients"));
        let how =
            Message::new(format!("Σ 年間実施件数（{}）", cases.name.ja), format!("Σ 年間実施件数 ({})", cases.name.en));
        let mut f = count_figure(rule, p, &cases.values, [what, cases.name.clone()], how);
        f.sources = cases.sources.clone();
        out.push(f);
    }
    if let (Some(t), Some(technologies)) = (&col.technologies, e.technologies) {
        let what = Message::new(format!("{column} ① 先進医療技術数"), format!("{column} ① technologies"));
        let from =
            Message::new("費用の表の技術数（枝番は1技術）", "technologies in the cost table (sub-rows count once)");
        let how = Message::new("費用の表の技術数（枝番は1技術）", "technologies in the cost tables (sub-rows once)");
        out.push(count_figure(rule, t, &[i128::from(technologies)], [what, from], how));
    }
    let (Some(total), Some(adv)) = (&e.total_yen, &e.advanced_yen) else { return };
    let insured = combine(total, adv, |x, y| x - y, Message::new("総合計−先進医療総額", "総合計 − 先進医療総額"));
    let amounts = [
        (&col.insured_cost, &insured, ("④ 保険外併用療養費の総額", "④ insured cost"), "Σ 総合計 − Σ 先進医療総額"),
        (&col.advanced_cost, adv, ("⑤ 先進医療費用の総額", "⑤ advanced cost"), "Σ 先進医療総額"),
        (&col.total_cost, total, ("⑥ 総金額", "⑥ total cost"), "Σ 総合計"),
    ];
    for (printed, source, what, how) in amounts {
        if let Some(p) = printed {
            let what = Message::new(format!("{column} {}", what.0), format!("{column} {}", what.1));
            let mut f = amount_figure(rule, p, &source.values, r, [what, source.name.clone()], Message::new(how, how));
            f.sources = source.sources.clone();
            out.push(f);
        }
    }
    if let Some(p) = &col.advanced_ratio {
        let what = Message::new(format!("{column} ⑦ 先進医療分の割合"), format!("{column} ⑦ advanced ratio"));
        if let Some(mut f) = ratio_figure(rule, p, &adv.values, &total.values, what) {
            f.sources = insured.sources.clone();
            out.push(f);
        }
    }
}

fn history(report: &Report, out: &mut Vec<Figure>) {
    let rule = RuleId::HistoryVsReport;
    let history = &report.history;
    let tables = match (report.costs.get(Part::A), report.costs.get(Part::B)) {
        (Some(a), Some(b)) => Some(both(exacts(a), exacts(b))),
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
        if let Some(total) = &report.summary.total {
            // ① and ③ may also be read from the cost tables: a typo in the summary is then one finding, there.
            let technologies = tables.as_ref().and_then(|e| e.technologies).map(i128::from);
            let cases = tables.as_ref().and_then(|e| e.cases.as_ref()).map(|c| c.values.clone()).unwrap_or_default();
            let counts = [
                (
                    &last.technologies,
                    &total.technologies,
                    ("技術数", "技術数"),
                    ("実績の概要 計 ①", "summary 計 ①"),
                    technologies.into_iter().collect::<Vec<_>>(),
                ),
                (
                    &last.facilities,
                    &total.facilities,
                    ("実施医療機関数", "facilities"),
                    ("実績の概要 計 ②", "summary 計 ②"),
                    Vec::new(),
                ),
                (&last.patients, &total.patients, ("全患者数", "patients"), ("実績の概要 計 ③", "summary 計 ③"), cases),
            ];
            for (mine, theirs, what, from, derived) in counts {
                if let (Some(m), Some(t)) = (mine, theirs) {
                    let what = Message::new(format!("最終行の{}", what.0), format!("last row's {}", what.1));
                    let from = Message::new(from.0, from.1);
                    let values = distinct(std::iter::once(i128::from(t.value)).chain(derived));
                    let mut f = count_figure(rule, m, &values, [what, from.clone()], from.clone());
                    f.sources = vec![(t.span, from)];
                    out.push(f);
                }
            }
        }
        if let Some(tables) = tables {
            last_row_amounts(report.meta.rounding, last, tables, out);
        }
    }
    if let (Some(before), Some(prev)) = (history.len().checked_sub(2).map(|i| &history[i]), &report.changes.total)
        && let (Some(t), Some(p)) = (&before.technologies, &prev.previous)
    {
        let what = Message::new("前年度の行の技術数", "the previous year's 技術数");
        let from = Message::new("技術数の推移の 計 ①（前年6月30日現在）", "changes 計 ① (a year earlier)");
        let mut f = count_figure(rule, t, &[i128::from(p.value.count())], [what, from.clone()], from.clone());
        f.sources = vec![(p.span, from)];
        out.push(f);
    }
}

fn last_row_amounts(r: Rounding, last: &crate::model::HistoryRow, e: Exacts, out: &mut Vec<Figure>) {
    let rule = RuleId::HistoryVsReport;
    let (Some(total), Some(adv)) = (&e.total_yen, &e.advanced_yen) else { return };
    let insured = combine(total, adv, |x, y| x - y, Message::new("総合計−先進医療総額", "総合計 − 先進医療総額"));
    let amounts = [
        (&last.total_cost, total, ("最終行の総金額", "last row's 総金額"), ("Σ 総合計（Ａ＋Ｂ）", "Σ 総合計 (A + B)")),
        (
            &last.insured_cost,
            &insured,
            ("最終行の保険外併用療養費", "last row's insured cost"),
            ("Σ 総合計 − Σ 先進医療総額", "Σ 総合計 − Σ 先進医療総額"),
        ),
        (
            &last.advanced_cost,
            adv,
            ("最終行の先進医療の総額", "last row's advanced cost"),
            ("Σ 先進医療総額（Ａ＋Ｂ）", "Σ 先進医療総額 (A + B)"),
        ),
    ];
    for (printed, source, what, how) in amounts {
        if let Some(p) = printed {
            let names = [Message::new(what.0, what.1), source.name.clone()];
            let mut f = amount_figure(rule, p, &source.values, r, names, Message::new(how.0, how.1));
            f.sources = source.sources.clone();
            out.push(f);
        }
    }
    if let Some(p) = &last.advanced_ratio
        && let Some(mut f) =
            ratio_figure(rule, p, &adv.values, &total.values, Message::new("最終行の割合", "last row's ratio"))
    {
        f.sources = insured.sources;
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
