//! `summary-vs-costs`: the summary page agrees with the exact cost tables.

use super::{check_equal, check_rounded, check_rounded_ratio};
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId, group_digits};
use crate::model::{CostTable, Part, SummaryColumn};
use crate::text::Span;

/// What the summary is compared with: exact figures of one table, or of both for the 計 column.
struct Exact {
    total_yen: Option<i128>,
    advanced_yen: Option<i128>,
    cases: Option<u64>,
    facilities: Option<u64>,
    technologies: u64,
    /// The 合計 cells each figure comes from: total_yen, advanced_yen, cases, facilities.
    cells: [Vec<Span>; 4],
}

fn exact(table: &CostTable) -> Exact {
    let sums = facts::sums(table);
    let total = table.total.as_ref();
    // A column with an unreadable row falls back to the printed 合計 (column-sum covers the two agreeing).
    Exact {
        total_yen: sums.total_yen.or(total.and_then(|t| t.total_yen.as_ref().map(|v| v.value))),
        advanced_yen: sums.advanced_yen.or(total.and_then(|t| t.advanced_yen.as_ref().map(|v| v.value))),
        cases: sums.cases.or(total.and_then(|t| t.cases.as_ref().map(|v| v.value))),
        facilities: sums.facilities.or(total.and_then(|t| t.facilities.as_ref().map(|v| v.value))),
        technologies: facts::technologies(table).len() as u64,
        cells: [
            total.and_then(|t| t.total_yen.as_ref()).map(|c| c.span).into_iter().collect(),
            total.and_then(|t| t.advanced_yen.as_ref()).map(|c| c.span).into_iter().collect(),
            total.and_then(|t| t.cases.as_ref()).map(|c| c.span).into_iter().collect(),
            total.and_then(|t| t.facilities.as_ref()).map(|c| c.span).into_iter().collect(),
        ],
    }
}

fn both(a: Exact, b: Exact) -> Exact {
    fn add<T: std::ops::Add<Output = T>>(x: Option<T>, y: Option<T>) -> Option<T> {
        Some(x? + y?)
    }
    Exact {
        total_yen: add(a.total_yen, b.total_yen),
        advanced_yen: add(a.advanced_yen, b.advanced_yen),
        cases: add(a.cases, b.cases),
        facilities: add(a.facilities, b.facilities),
        technologies: a.technologies + b.technologies,
        cells: std::array::from_fn(|i| a.cells[i].iter().chain(&b.cells[i]).copied().collect()),
    }
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (costs, summary) = (&cx.report.costs, &cx.report.summary);
    for part in Part::BOTH {
        if let (Some(table), Some(col)) = (costs.get(part), summary.get(part)) {
            compare(cx, col, &exact(table), part.label(), out);
        }
    }
    if let (Some(a), Some(b), Some(col)) = (&costs.a, &costs.b, &summary.total) {
        compare(cx, col, &both(exact(a), exact(b)), "計", out);
    }
}

fn compare(cx: &Context, col: &SummaryColumn, e: &Exact, column: &str, out: &mut Vec<Diagnostic>) {
    let r = cx.report.meta.rounding;
    let [total_cells, adv_cells, case_cells, facility_cells] = &e.cells;
    let both_cells: Vec<Span> = total_cells.iter().chain(adv_cells).copied().collect();
    if let (Some(p), Some(cases)) = (&col.patients, e.cases) {
        let what = (format!("{column} ③ 全患者数"), format!("{column} ③ patients"));
        check_equal(
            RuleId::SummaryVsCosts,
            p,
            cases,
            (&what.0, &what.1),
            ("年間実施件数の合計", "the total of 年間実施件数"),
            case_cells,
            out,
        );
    }
    if let Some(t) = &col.technologies {
        let what = (format!("{column} ① 先進医療技術数"), format!("{column} ① technologies"));
        let from = ("費用の表の技術数（枝番は1技術）", "technologies in the cost table (sub-rows count once)");
        check_equal(RuleId::SummaryVsCosts, t, e.technologies, (&what.0, &what.1), from, &[], out);
    }
    if let (Some(f), Some(max)) = (&col.facilities, e.facilities)
        && f.value > max
    {
        let (fs, ms) = (group_digits(f.value.into()), group_digits(max.into()));
        let mut d = Diagnostic::new(
            RuleId::SummaryVsCosts,
            f.span,
            Message::new(
                format!("{column} ② 実施医療機関数 {fs} が費用の表の実施医療機関数の合計 {ms} を超えています"),
                format!("{column} ② facilities {fs} exceed the cost table's total of facilities {ms}"),
            ),
        );
        for &s in facility_cells {
            d = d.label(s, Message::new("実施医療機関数の合計", "the total of facilities"));
        }
        out.push(d);
    }
    let (Some(total), Some(adv)) = (e.total_yen, e.advanced_yen) else {
        return;
    };
    let amounts = [
        (
            &col.insured_cost,
            total - adv,
            ("④ 保険外併用療養費の総額", "④ insured cost"),
            ("総合計−先進医療総額", "総合計 − 先進医療総額"),
            &both_cells,
        ),
        (
            &col.advanced_cost,
            adv,
            ("⑤ 先進医療費用の総額", "⑤ advanced cost"),
            ("先進医療総額の合計", "the total of 先進医療総額"),
            adv_cells,
        ),
        (&col.total_cost, total, ("⑥ 総金額", "⑥ total cost"), ("総合計の合計", "the total of 総合計"), total_cells),
    ];
    for (printed, exact, what, from, cells) in amounts {
        if let Some(p) = printed {
            let what = (format!("{column} {}", what.0), format!("{column} {}", what.1));
            check_rounded(RuleId::SummaryVsCosts, r, p, exact, (&what.0, &what.1), from, cells, out);
        }
    }
    if let Some(p) = &col.advanced_ratio {
        let what = (format!("{column} ⑦ 先進医療分の割合"), format!("{column} ⑦ advanced ratio"));
        check_rounded_ratio(RuleId::SummaryVsCosts, r, p, (adv, total), (&what.0, &what.1), &both_cells, out);
    }
}
