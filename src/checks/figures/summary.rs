//! 先－１－１ 実績の概要: ①, ③ and ④–⑦ of each column from the cost tables.

use super::Figure;
use super::build::{amount_figure, count_figure, ratio_figure};
use super::tables::{Exacts, both, exacts, insured};
use crate::diagnostics::{Message, RuleId};
use crate::model::places::{self, SummaryItem};
use crate::model::{Part, Report, Rounding, SummaryColumn};

pub(super) fn summary(report: &Report, out: &mut Vec<Figure>) {
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
        let tn = places::cost_tables(column);
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
