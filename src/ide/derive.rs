//! How each derived figure comes about: a 合計 from its rows, a summary figure from the cost tables, the
//! history's last row from both. Hover shows the derivation; inlay hints show the computed value.

use crate::checks::facts::{self, Totals, totals};
use crate::diagnostics::{Message, group_digits, oku_text};
use crate::model::exact::Q;
use crate::model::{Amount, Decimal, Part, Report, Rounding, Spanned, SummaryColumn};
use crate::text::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derivation {
    /// The printed figure.
    pub span: Span,
    /// How the figure should print.
    pub expected: String,
    pub differs: bool,
    pub explanation: Message,
}

fn count(out: &mut Vec<Derivation>, printed: &Option<Spanned<u64>>, expected: u64, how: (&str, &str)) {
    if let Some(p) = printed {
        let e = group_digits(expected.into());
        out.push(Derivation {
            span: p.span,
            expected: e.clone(),
            differs: p.value != expected,
            explanation: Message::new(format!("{} = {e}", how.0), format!("{} = {e}", how.1)),
        });
    }
}

fn amount(out: &mut Vec<Derivation>, printed: &Option<Spanned<Amount>>, yen: i128, r: Rounding, how: (&str, &str)) {
    if let Some(p) = printed {
        let e = p.value.round_yen(yen, r);
        let (y, oku) = (group_digits(yen), oku_text(yen));
        out.push(Derivation {
            span: p.span,
            expected: e.to_string(),
            differs: e.value != p.value.value,
            explanation: Message::new(
                format!("{} = {y} 円 ≈ {oku} 億円 → {e}", how.0),
                format!("{} = {y} yen ≈ {oku} 億円 → {e}", how.1),
            ),
        });
    }
}

fn ratio(out: &mut Vec<Derivation>, printed: &Option<Spanned<Decimal>>, t: Totals, r: Rounding) {
    let Some(p) = printed else { return };
    if t.total_yen <= 0 {
        return;
    }
    let q = Q::new(t.advanced_yen * 100, t.total_yen);
    let e = Decimal::round(q, p.value.scale, r);
    let fine = Decimal::round(q, p.value.scale + 2, Rounding::HalfUp);
    let (a, b) = (group_digits(t.advanced_yen), group_digits(t.total_yen));
    out.push(Derivation {
        span: p.span,
        expected: format!("{e}%"),
        differs: e != p.value,
        explanation: Message::new(
            format!("Σ 先進医療総額 ／ Σ 総合計 = {a} ／ {b} = {fine}% → {e}%"),
            format!("Σ 先進医療総額 / Σ 総合計 = {a} / {b} = {fine}% → {e}%"),
        ),
    });
}

fn summary_column(out: &mut Vec<Derivation>, col: &SummaryColumn, t: Totals, r: Rounding) {
    count(
        out,
        &col.technologies,
        t.technologies,
        ("費用の表の技術数（枝番は1技術）", "technologies in the cost tables (sub-rows once)"),
    );
    if let Some(cases) = t.cases {
        count(out, &col.patients, cases, ("Σ 年間実施件数", "Σ 年間実施件数"));
    }
    amount(
        out,
        &col.insured_cost,
        t.total_yen - t.advanced_yen,
        r,
        ("Σ 総合計 − Σ 先進医療総額", "Σ 総合計 − Σ 先進医療総額"),
    );
    amount(out, &col.advanced_cost, t.advanced_yen, r, ("Σ 先進医療総額", "Σ 先進医療総額"));
    amount(out, &col.total_cost, t.total_yen, r, ("Σ 総合計", "Σ 総合計"));
    ratio(out, &col.advanced_ratio, t, r);
}

pub fn derivations(report: &Report) -> Vec<Derivation> {
    let mut out = Vec::new();
    let r = report.meta.rounding;
    for part in Part::BOTH {
        let Some(table) = report.costs.get(part) else { continue };
        let Some(total) = &table.total else { continue };
        let s = facts::sums(table);
        let n = s.rows;
        let yen = |printed: &Option<Spanned<i128>>, sum: Option<i128>, out: &mut Vec<Derivation>| {
            if let (Some(p), Some(sum)) = (printed, sum) {
                let (e, oku) = (group_digits(sum), oku_text(sum));
                out.push(Derivation {
                    span: p.span,
                    expected: e.clone(),
                    differs: p.value != sum,
                    explanation: Message::new(
                        format!("Σ {n} 行 = {e} 円 ≈ {oku} 億円"),
                        format!("Σ of {n} rows = {e} yen ≈ {oku} 億円"),
                    ),
                });
            }
        };
        yen(&total.total_yen, s.total_yen, &mut out);
        yen(&total.advanced_yen, s.advanced_yen, &mut out);
        if let Some(c) = s.cases {
            count(&mut out, &total.cases, c, (&format!("Σ {n} 行"), &format!("Σ of {n} rows")));
        }
        if let Some(f) = s.facilities {
            count(&mut out, &total.facilities, f, (&format!("Σ {n} 行"), &format!("Σ of {n} rows")));
        }
    }
    for (col, parts) in
        [(&report.summary.a, &[Part::A][..]), (&report.summary.b, &[Part::B]), (&report.summary.total, &Part::BOTH)]
    {
        if let (Some(col), Some(t)) = (col, totals(report, parts)) {
            summary_column(&mut out, col, t, r);
        }
    }
    if let (Some(last), Some(t)) = (report.history.last(), totals(report, &Part::BOTH)) {
        amount(&mut out, &last.total_cost, t.total_yen, r, ("Σ 総合計（Ａ＋Ｂ）", "Σ 総合計 (A + B)"));
        amount(
            &mut out,
            &last.insured_cost,
            t.total_yen - t.advanced_yen,
            r,
            ("Σ 総合計 − Σ 先進医療総額", "Σ 総合計 − Σ 先進医療総額"),
        );
        amount(
            &mut out,
            &last.advanced_cost,
            t.advanced_yen,
            r,
            ("Σ 先進医療総額（Ａ＋Ｂ）", "Σ 先進医療総額 (A + B)"),
        );
        ratio(&mut out, &last.advanced_ratio, t, r);
        if let Some(total) = &report.summary.total {
            let summary = |f: &Option<Spanned<u64>>| f.as_ref().map(|v| v.value);
            for (mine, theirs, how) in [
                (&last.technologies, summary(&total.technologies), ("実績の概要 計 ①", "summary 計 ①")),
                (&last.facilities, summary(&total.facilities), ("実績の概要 計 ②", "summary 計 ②")),
                (&last.patients, summary(&total.patients), ("実績の概要 計 ③", "summary 計 ③")),
            ] {
                if let Some(v) = theirs {
                    count(&mut out, mine, v, how);
                }
            }
        }
    }
    out
}

/// Every exact yen amount of the cost tables, for the 億円 hints.
pub fn yen_cells(report: &Report) -> Vec<(Span, i128)> {
    let mut out = Vec::new();
    for table in [&report.costs.a, &report.costs.b].into_iter().flatten() {
        for row in &table.rows {
            for c in [&row.total_yen, &row.advanced_yen].into_iter().flatten() {
                if let Some(v) = c.value.value() {
                    out.push((c.span, v));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_total_cost_of_a() {
        let text = include_str!("../../examples/r6/report.yaml");
        let analysis = crate::analyze(text);
        let all = derivations(&analysis.report);
        let at = text.find("約911.1億円").unwrap();
        let d = all.iter().find(|d| d.span.start == at).unwrap();
        assert!(d.differs);
        assert_eq!(d.expected, "約911.2億円");
        assert_eq!(d.explanation.ja, "Σ 総合計 = 91,117,710,124 円 ≈ 911.18 億円 → 約911.2億円");
        let total = text.find("total_yen: 91,117,710,124").unwrap() + "total_yen: ".len();
        let d = all.iter().find(|d| d.span.start == total).unwrap();
        assert_eq!(d.explanation.ja, "Σ 27 行 = 91,117,710,124 円 ≈ 911.18 億円");
        assert!(!d.differs);
    }
}
