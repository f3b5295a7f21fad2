//! 過去５年間の実績: this year's row from the summary and the cost tables, and last year's row from last year's
//! report when it is loaded (else its 技術数 from 技術数の推移's ①).

use super::build::{amount_figure, count_figure, ratio_figure};
use super::tables::{Exacts, both, exacts, insured};
use super::{Figure, distinct};
use crate::checks::facts;
use crate::diagnostics::{Message, RuleId};
use crate::model::places::{self, ChangeItem, SummaryItem};
use crate::model::{HistoryRow, Part, Report, Rounding};

/// Whose figures a history row repeats: this report's (its own last row) or last year's (the row before it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Whose {
    ThisYear,
    LastYear,
}

pub(super) fn history(report: &Report, last_year: Option<&Report>, out: &mut Vec<Figure>) {
    let history = &report.history;
    // A last row of another year (this year's was not added) is `history-vs-report`'s period finding, and
    // `history-length`'s: its figures are not compared with this year's.
    let other_year = history
        .last()
        .and_then(|l| l.period.as_ref())
        .zip(facts::report_year(report))
        .is_some_and(|(l, r)| l.value != r.value);
    if let Some(last) = history.last().filter(|_| !other_year) {
        let row = places::history_row(last, history.len() - 1, true);
        year_row(report, report.meta.rounding, last, &row, Whose::ThisYear, out);
    }
    match last_year {
        // Last year's row is last year's report: compared with it, not with ①, which `previous-changes`
        // compares with last year's ⑥ (one fault, one finding).
        Some(last) => {
            let theirs = last.meta.period.as_ref().map(|p| p.value);
            if let Some((i, row)) =
                history.iter().enumerate().find(|(_, r)| r.period.as_ref().map(|p| p.value) == theirs)
                && theirs.is_some()
            {
                let place = places::history_row(row, i, false);
                year_row(last, report.meta.rounding, row, &place, Whose::LastYear, out);
            }
        }
        None => before_last(report, out),
    }
}

/// Last year's row has the technologies of a year earlier, 技術数の推移's ①.
fn before_last(report: &Report, out: &mut Vec<Figure>) {
    let history = &report.history;
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
            RuleId::HistoryVsReport,
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

/// The figures of the history row `last` as the year `source` reports it: its summary's 計 column and its cost
/// tables. For this year's row `source` is this report; for last year's row, last year's.
fn year_row(source: &Report, r: Rounding, last: &HistoryRow, row: &Message, whose: Whose, out: &mut Vec<Figure>) {
    let (rule, prefix) = match whose {
        Whose::ThisYear => (RuleId::HistoryVsReport, Message::new("", "")),
        Whose::LastYear => (RuleId::PreviousHistory, Message::new("前年度の報告の", "last year's report: ")),
    };
    let of_source = |m: &Message| Message::new(format!("{}{}", prefix.ja, m.ja), format!("{}{}", prefix.en, m.en));
    let first = out.len();
    let tables = match (source.costs.get(Part::A), source.costs.get(Part::B)) {
        (Some(a), Some(b)) => Some(both(exacts(a, Part::A), exacts(b, Part::B))),
        _ => None,
    };
    let item = |ja: &str, en: &str| Message::new(format!("{}の{ja}", row.ja), format!("{}, {en}", row.en));
    if let Some(total) = &source.summary.total {
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
                let from = of_source(&places::summary(places::Column::Total, summary_item));
                let why = match whose {
                    Whose::ThisYear => Message::new(
                        "今年度の行の数値は、先－１－１ 実績の概要の計と同じになります。",
                        "This year's row repeats the total column of the summary (先－１－１).",
                    ),
                    Whose::LastYear => Message::new(
                        "前年度の行の数値は、前年度の報告の先－１－１ 実績の概要の計と同じになります。",
                        "Last year's row repeats the total column of last year's summary (先－１－１).",
                    ),
                };
                let values = distinct(std::iter::once(i128::from(t.value)).chain(derived));
                let names = [item(what.0, what.1), from.clone()];
                let mut f = count_figure(rule, m, &values, names, (why, from.clone()), (unit, unit));
                f.sources = vec![(t.span, of_source(&summary_item.name()))];
                out.push(f);
            }
        }
    }
    if let Some(tables) = tables {
        let from = out.len();
        last_row_amounts(rule, r, row, last, tables, out);
        for f in &mut out[from..] {
            f.from = of_source(&f.from);
            for (_, label) in &mut f.sources {
                *label = of_source(label);
            }
        }
    }
    if whose == Whose::LastYear {
        for f in &mut out[first..] {
            f.in_previous = true;
        }
    }
}

fn last_row_amounts(rule: RuleId, r: Rounding, row: &Message, last: &HistoryRow, e: Exacts, out: &mut Vec<Figure>) {
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
