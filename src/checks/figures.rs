//! Every derived figure of the report, computed once per analysis: a 合計 from its rows, a summary figure from
//! the cost tables, the history's last row from both. Each says which printed cell it is about, what that cell
//! should read, where it comes from (cells with their own labels) and how (in both languages). The rules
//! report the figures that differ (`column-sum`, `summary-vs-costs`, `history-vs-report`); hover and inlay hints
//! show the same list, kept with the analysis, so a figure a rule checks always has its hint.

use super::facts::{self, Technologies};
use crate::diagnostics::{Message, RuleId, group_digits, oku_text};
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
    pub exact: Exact,
    /// How the cell should print: `約911.2億円`, `175,505`, `12.9%`.
    pub expected: String,
    pub differs: bool,
    /// The printed figure's name: `A ③ 全患者数`.
    pub what: Message,
    /// What it is derived from: `年間実施件数の行の総和`.
    pub from: Message,
    /// The cells it comes from, each with its own label.
    pub sources: Vec<(Span, Message)>,
    /// How it comes about, for hover: `Σ 27 行 = 91,117,710,124 円 ≈ 911.18 億円`.
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

fn count_figure(rule: RuleId, printed: &Spanned<u64>, value: u64, names: [Message; 2], how: Message) -> Figure {
    let expected = group_digits(value.into());
    let derivation = Message::new(format!("{} = {expected}", how.ja), format!("{} = {expected}", how.en));
    let [what, from] = names;
    Figure {
        rule,
        span: printed.span,
        printed: Printed::Exact(printed.value.into()),
        exact: Exact::Value(value.into()),
        differs: printed.value != value,
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
    yen: i128,
    r: Rounding,
    names: [Message; 2],
    how: Message,
) -> Figure {
    let e = printed.value.round_yen(yen, r);
    let (y, oku) = (group_digits(yen), oku_text(yen));
    let [what, from] = names;
    Figure {
        rule,
        span: printed.span,
        printed: Printed::Amount(printed.value),
        exact: Exact::Value(yen),
        expected: e.to_string(),
        differs: e.value != printed.value.value,
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

fn ratio_figure(
    rule: RuleId,
    printed: &Spanned<Decimal>,
    part: i128,
    whole: i128,
    r: Rounding,
    what: Message,
) -> Option<Figure> {
    if whole <= 0 {
        return None;
    }
    let q = Q::new(part * 100, whole);
    let e = Decimal::round(q, printed.value.scale, r);
    let fine = Decimal::round(q, printed.value.scale + 2, Rounding::HalfUp);
    let (a, b) = (group_digits(part), group_digits(whole));
    Some(Figure {
        rule,
        span: printed.span,
        printed: Printed::Percent(printed.value),
        exact: Exact::Ratio { part, whole },
        expected: format!("{e}%"),
        differs: e != printed.value,
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
    for (ja, en, sum, printed, unit) in columns {
        let (Some(sum), Some(printed)) = (sum, printed) else { continue };
        let e = group_digits(sum);
        let derivation = if unit == "円" {
            let oku = oku_text(sum);
            Message::new(format!("Σ {n} 行 = {e} 円 ≈ {oku} 億円"), format!("Σ of {n} rows = {e} yen ≈ {oku} 億円"))
        } else {
            Message::new(format!("Σ {n} 行 = {e}"), format!("Σ of {n} rows = {e}"))
        };
        out.push(Figure {
            rule: RuleId::ColumnSum,
            span: printed.span,
            printed: Printed::Exact(printed.value),
            exact: Exact::Value(sum),
            expected: e,
            differs: printed.value != sum,
            what: Message::new(format!("{} {ja}の合計", part.label()), format!("{} {en} 合計", part.label())),
            from: Message::new(format!("{n}行の総和"), format!("sum of {n} rows")),
            sources: vec![(table.rows_key, Message::new(format!("この{n}行の総和"), format!("the {n} rows summed")))],
            derivation,
            unit,
        });
    }
}

/// One column of a cost table as the summary sees it: the exact sum of its rows, or, when a row is unreadable,
/// the printed 合計 (`column-sum` then says nothing of the two, and `value-format` points at the row).
#[derive(Clone)]
struct Column {
    value: i128,
    /// The name of what it is (`年間実施件数の行の総和` or `年間実施件数の合計（印刷された値）`).
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
        // The printed 合計 agrees with its rows: it is what the figure comes from.
        (Some(value), Some(p)) if p.value == value => {
            Some(Column { value, name: total(), sources: vec![(p.span, total())] })
        }
        // It does not: the figure comes from the rows, and the printed 合計 is named for what it is, so that the
        // reader never takes one for the other.
        (Some(value), printed) => {
            let v = group_digits(value);
            let mut sources = vec![(
                table.rows_key,
                Message::new(format!("{ja}の{n}行の総和 {v}"), format!("the sum of the {n} rows of {en}: {v}")),
            )];
            if let Some(p) = printed {
                let p_text = group_digits(p.value);
                sources.push((
                    p.span,
                    Message::new(
                        format!("印刷された合計 {p_text}（行の総和は {v}）"),
                        format!("the printed 合計 {p_text} (the rows sum to {v})"),
                    ),
                ));
            }
            let name = Message::new(format!("{ja}の行の総和"), format!("the sum of the rows of {en}"));
            Some(Column { value, name, sources })
        }
        (None, Some(p)) => Some(Column {
            value: p.value,
            name: Message::new(
                format!("{ja}の合計（読めない行があるため印刷された値）"),
                format!("the printed total of {en} (a row is unreadable)"),
            ),
            sources: vec![(p.span, total())],
        }),
        (None, None) => None,
    }
}

/// The exact figures of one table (or of both, for the 計 column).
#[derive(Clone)]
struct Exacts {
    total_yen: Option<Column>,
    advanced_yen: Option<Column>,
    cases: Option<Column>,
    technologies: u64,
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
        technologies: technologies.len() as u64,
    }
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
    Some(Column { value: a.value + b.value, name, sources: a.sources.into_iter().chain(b.sources).collect() })
}

fn summary(report: &Report, out: &mut Vec<Figure>) {
    let (costs, summary) = (&report.costs, &report.summary);
    for part in Part::BOTH {
        if let (Some(table), Some(col)) = (costs.get(part), summary.get(part)) {
            summary_column(report.meta.rounding, col, exacts(table), part.label(), out);
        }
    }
    if let (Some(a), Some(b), Some(col)) = (&costs.a, &costs.b, &summary.total) {
        let (a, b) = (exacts(a), exacts(b));
        let both = Exacts {
            total_yen: add(a.total_yen, b.total_yen),
            advanced_yen: add(a.advanced_yen, b.advanced_yen),
            cases: add(a.cases, b.cases),
            technologies: a.technologies + b.technologies,
        };
        summary_column(report.meta.rounding, col, both, "計", out);
    }
}

fn summary_column(r: Rounding, col: &SummaryColumn, e: Exacts, column: &str, out: &mut Vec<Figure>) {
    let rule = RuleId::SummaryVsCosts;
    if let (Some(p), Some(cases)) = (&col.patients, &e.cases) {
        let what = Message::new(format!("{column} ③ 全患者数"), format!("{column} ③ patients"));
        let how =
            Message::new(format!("Σ 年間実施件数（{}）", cases.name.ja), format!("Σ 年間実施件数 ({})", cases.name.en));
        let mut f = count_figure(rule, p, cases.value as u64, [what, cases.name.clone()], how);
        f.sources = cases.sources.clone();
        out.push(f);
    }
    if let Some(t) = &col.technologies {
        let what = Message::new(format!("{column} ① 先進医療技術数"), format!("{column} ① technologies"));
        let from =
            Message::new("費用の表の技術数（枝番は1技術）", "technologies in the cost table (sub-rows count once)");
        let how = Message::new("費用の表の技術数（枝番は1技術）", "technologies in the cost tables (sub-rows once)");
        out.push(count_figure(rule, t, e.technologies, [what, from], how));
    }
    let (Some(total), Some(adv)) = (&e.total_yen, &e.advanced_yen) else { return };
    let both: Vec<(Span, Message)> = total.sources.iter().chain(&adv.sources).cloned().collect();
    let amounts = [
        (
            &col.insured_cost,
            total.value - adv.value,
            ("④ 保険外併用療養費の総額", "④ insured cost"),
            Message::new("総合計−先進医療総額", "総合計 − 先進医療総額"),
            Message::new("Σ 総合計 − Σ 先進医療総額", "Σ 総合計 − Σ 先進医療総額"),
            &both,
        ),
        (
            &col.advanced_cost,
            adv.value,
            ("⑤ 先進医療費用の総額", "⑤ advanced cost"),
            adv.name.clone(),
            Message::new("Σ 先進医療総額", "Σ 先進医療総額"),
            &adv.sources,
        ),
        (
            &col.total_cost,
            total.value,
            ("⑥ 総金額", "⑥ total cost"),
            total.name.clone(),
            Message::new("Σ 総合計", "Σ 総合計"),
            &total.sources,
        ),
    ];
    for (printed, exact, what, from, how, sources) in amounts {
        if let Some(p) = printed {
            let what = Message::new(format!("{column} {}", what.0), format!("{column} {}", what.1));
            let mut f = amount_figure(rule, p, exact, r, [what, from], how);
            f.sources = sources.clone();
            out.push(f);
        }
    }
    if let Some(p) = &col.advanced_ratio {
        let what = Message::new(format!("{column} ⑦ 先進医療分の割合"), format!("{column} ⑦ advanced ratio"));
        if let Some(mut f) = ratio_figure(rule, p, adv.value, total.value, r, what) {
            f.sources = both;
            out.push(f);
        }
    }
}

fn history(report: &Report, out: &mut Vec<Figure>) {
    let rule = RuleId::HistoryVsReport;
    let history = &report.history;
    if let Some(last) = history.last() {
        if let Some(total) = &report.summary.total {
            let counts = [
                (&last.technologies, &total.technologies, ("技術数", "技術数"), ("実績の概要 計 ①", "summary 計 ①")),
                (
                    &last.facilities,
                    &total.facilities,
                    ("実施医療機関数", "facilities"),
                    ("実績の概要 計 ②", "summary 計 ②"),
                ),
                (&last.patients, &total.patients, ("全患者数", "patients"), ("実績の概要 計 ③", "summary 計 ③")),
            ];
            for (mine, theirs, what, from) in counts {
                if let (Some(m), Some(t)) = (mine, theirs) {
                    let what = Message::new(format!("最終行の{}", what.0), format!("last row's {}", what.1));
                    let from = Message::new(from.0, from.1);
                    let mut f = count_figure(rule, m, t.value, [what, from.clone()], from.clone());
                    f.sources = vec![(t.span, from)];
                    out.push(f);
                }
            }
        }
        last_row_amounts(report, last, out);
    }
    if let (Some(before), Some(prev)) = (history.len().checked_sub(2).map(|i| &history[i]), &report.changes.total)
        && let (Some(t), Some(p)) = (&before.technologies, &prev.previous)
    {
        let what = Message::new("前年度の行の技術数", "the previous year's 技術数");
        let from = Message::new("技術数の推移の 計 ①（前年6月30日現在）", "changes 計 ① (a year earlier)");
        let mut f = count_figure(rule, t, p.value.count(), [what, from.clone()], from.clone());
        f.sources = vec![(p.span, from)];
        out.push(f);
    }
}

fn last_row_amounts(report: &Report, last: &crate::model::HistoryRow, out: &mut Vec<Figure>) {
    let rule = RuleId::HistoryVsReport;
    let r = report.meta.rounding;
    let (Some(a), Some(b)) = (report.costs.get(Part::A), report.costs.get(Part::B)) else { return };
    let Some(facts::Totals { total_yen: total, advanced_yen: adv, .. }) = facts::totals(report, &Part::BOTH) else {
        return;
    };
    let cells = |get: fn(&crate::model::CostTotal) -> Option<Span>, label: (&str, &str)| -> Vec<(Span, Message)> {
        [a, b]
            .iter()
            .filter_map(|t| t.total.as_ref().and_then(get))
            .map(|s| (s, Message::new(label.0, label.1)))
            .collect()
    };
    let total_cells = cells(|t| t.total_yen.as_ref().map(|c| c.span), ("Ａ・Ｂの総合計の合計", "Σ 総合計 of A and B"));
    let adv_cells =
        cells(|t| t.advanced_yen.as_ref().map(|c| c.span), ("Ａ・Ｂの先進医療総額の合計", "Σ 先進医療総額 of A and B"));
    let both: Vec<_> = total_cells.iter().chain(&adv_cells).cloned().collect();
    let amounts = [
        (
            &last.total_cost,
            total,
            ("最終行の総金額", "last row's 総金額"),
            ("Ａ・Ｂの総合計の合計", "Σ 総合計 of A and B"),
            ("Σ 総合計（Ａ＋Ｂ）", "Σ 総合計 (A + B)"),
            &total_cells,
        ),
        (
            &last.insured_cost,
            total - adv,
            ("最終行の保険外併用療養費", "last row's insured cost"),
            ("Σ 総合計 − Σ 先進医療総額", "Σ 総合計 − Σ 先進医療総額"),
            ("Σ 総合計 − Σ 先進医療総額", "Σ 総合計 − Σ 先進医療総額"),
            &both,
        ),
        (
            &last.advanced_cost,
            adv,
            ("最終行の先進医療の総額", "last row's advanced cost"),
            ("Ａ・Ｂの先進医療総額の合計", "Σ 先進医療総額 of A and B"),
            ("Σ 先進医療総額（Ａ＋Ｂ）", "Σ 先進医療総額 (A + B)"),
            &adv_cells,
        ),
    ];
    for (printed, exact, what, from, how, sources) in amounts {
        if let Some(p) = printed {
            let names = [Message::new(what.0, what.1), Message::new(from.0, from.1)];
            let mut f = amount_figure(rule, p, exact, r, names, Message::new(how.0, how.1));
            f.sources = sources.clone();
            out.push(f);
        }
    }
    if let Some(p) = &last.advanced_ratio
        && let Some(mut f) = ratio_figure(rule, p, adv, total, r, Message::new("最終行の割合", "last row's ratio"))
    {
        f.sources = both;
        out.push(f);
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_published_total_cost_of_a() {
        let text = include_str!("../../examples/r6/report.yaml");
        let analysis = crate::analyze(text);
        let all = &analysis.figures;
        let at = text.find("約911.1億円").unwrap();
        let d = all.iter().find(|d| d.span.start == at).unwrap();
        assert!(d.differs);
        assert_eq!(d.expected, "約911.2億円");
        assert_eq!(d.derivation.ja, "Σ 総合計 = 91,117,710,124 円 ≈ 911.18 億円 → 約911.2億円");
        let total = text.find("total_yen: 91,117,710,124").unwrap() + "total_yen: ".len();
        let d = all.iter().find(|d| d.span.start == total).unwrap();
        assert_eq!(d.derivation.ja, "Σ 27 行 = 91,117,710,124 円 ≈ 911.18 億円");
        assert!(!d.differs);
    }
}
