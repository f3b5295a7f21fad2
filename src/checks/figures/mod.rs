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
//!
//! `totals`: each 合計 against its rows; `tables`: what the cost tables give the other pages, as columns of
//! readings; `summary` and `history`: the page-1 and five-year figures from them; `build`: one figure of each
//! kind (a count, a rounded amount, a share).

mod build;
mod history;
mod summary;
mod tables;
mod totals;

use crate::diagnostics::{Message, RuleId};
use crate::model::exact::Q;
use crate::model::{Amount, Decimal, Part, Report, Rounding};
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
    /// The printed figure's item alone, for a fix's title: a 合計欄's column (「総合計」); else the same as `what`.
    pub item: Message,
    /// What it is derived from, for a sentence: 「参考資料１の合計」 for an amount or a share (「…から求めた」), the
    /// value's own name for a count (「参考資料１の年間実施件数の合計」).
    pub from: Message,
    /// The calculation with every term named and valued, or why the two must agree: the finding's first note.
    pub calc: Message,
    /// The cells it comes from, each with its own label.
    pub sources: Vec<(Span, Message)>,
    /// The sources are cells of last year's draft (a `previous-history` figure), not of this one.
    pub in_previous: bool,
    /// How it comes about, for hover: `Σ 27 行 = 91,117,710,124 円 ≈ 911.18 億円`.
    pub derivation: Message,
    /// The units printed after the figure and after the value it is compared with (`人` and `件` for ③; none
    /// for an amount, which carries its own).
    pub units: (&'static str, &'static str),
}

/// Every derived figure, in the order of the rules that check them; with last year's report, also this year's
/// history row for last year from it.
pub fn figures(report: &Report, last_year: Option<&Report>) -> Vec<Figure> {
    let mut out = Vec::new();
    for part in Part::BOTH {
        if let Some(table) = report.costs.get(part) {
            totals::column_sums(part, table, report.meta.rounding, &mut out);
        }
    }
    summary::summary(report, &mut out);
    history::history(report, last_year, &mut out);
    out
}

/// How a share (⑦, and the history's) is rounded whatever the report's `rounding`: ※3 of 先－１－１ states the
/// rounding of the amounts ④–⑥ only, and the published shares are rounded half up.
pub const SHARE_ROUNDING: Rounding = Rounding::HalfUp;

/// A ratio in percent, two places finer than printed, cut off (`12.449…`).
pub fn percent_cut(q: Q, scale: u32) -> String {
    let cut = Decimal::round(q, scale + 2, Rounding::Down);
    let more = if cut.value() == q { "" } else { "…" };
    format!("{cut}{more}")
}

/// The distinct values of `values`, the first kept first.
pub(super) fn distinct(values: impl IntoIterator<Item = i128>) -> Vec<i128> {
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_published_total_cost_of_a() {
        let text = include_str!("../../../examples/r6/report.yaml");
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
