//! 過去５年間の実績: this year's row from the summary and the cost tables, and last year's 技術数 from 技術数の推移.

use super::build::{amount_figure, count_figure, ratio_figure};
use super::tables::{Exacts, both, exacts, insured};
use super::{Figure, distinct};
use crate::checks::facts;
use crate::diagnostics::{Message, RuleId};
use crate::model::places::{self, ChangeItem, SummaryItem};
use crate::model::{Part, Report, Rounding};

pub(super) fn history(report: &Report, out: &mut Vec<Figure>) {
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
