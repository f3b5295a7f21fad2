//! `new --from LAST.yaml`: what next year's draft carries over from last year's. The period and the year
//! advance; 技術数の推移's ① is last year's ⑥; the history drops its oldest row and gains last year's, computed
//! from last year's tables (the figures its own checks derive, so a mistake in last year's printed row is not
//! copied); the cost rows keep 整理番号, 告示番号, 技術名 and 適用年月日 as last year wrote them, with their
//! figures to fill; the zero-case lists start empty. The new draft names last year's as `report.previous`, so
//! every carried figure is checked against it from the first keystroke.

use super::new::Carried;
use crate::Analysis;
use crate::checks::previous::previous_changes::year_end;
use crate::diagnostics::RuleId;
use crate::model::places::Column;
use crate::model::read::ReportYear;
use crate::model::{HistoryRow, Part, Rounding, Spanned};
use crate::previous::Previous;
use crate::text::Message;
use std::path::{Component, Path};

/// The written text of a cell of last year's draft.
fn raw<T>(text: &str, f: &Option<Spanned<T>>) -> Option<String> {
    f.as_ref().and_then(|s| text.get(s.span.range())).map(str::to_owned)
}

/// What next year's draft carries from last year's, and next year; or why it cannot be begun from it.
pub fn carried(last: &Previous, previous: String) -> Result<(ReportYear, Carried), Message> {
    let (text, last) = (last.text.as_str(), &last.analysis);
    let Some(period) = last.report.meta.period.as_ref().filter(|_| last.parsed) else {
        return Err(Message::new(
            "前年度の報告の下書きから、対象期間を読み取れません。先にその下書きを検査し、誤りを直してください。",
            "cannot read the reporting period of last year's draft: check it first and fix what it reports.",
        ));
    };
    let year = ReportYear::of_end(period.value.1).before(-1);
    let report = &last.report;
    let columns = [Column::A, Column::B, Column::Total];
    // None is printed 「-」, as the report prints it.
    let changes_previous =
        columns.map(|c| year_end(report, c).map(|(n, _, _)| if n == 0 { "\"-\"".to_owned() } else { n.to_string() }));
    let mut history = Vec::new();
    for back in (1..5).rev() {
        let p = year.before(back).period();
        let row = report.history.iter().find(|r| r.period.as_ref().map(|x| x.value) == Some(p));
        history.push(match row {
            Some(row) if back == 1 => computed(last, text, row),
            Some(row) => copied(text, row),
            None => Vec::new(),
        });
    }
    let rows = Part::BOTH.map(|part| {
        let Some(table) = report.costs.get(part) else { return Vec::new() };
        table
            .rows
            .iter()
            .map(|r| {
                let cells = [
                    ("serial", raw(text, &r.serial)),
                    ("notice", raw(text, &r.notice)),
                    ("name", raw(text, &r.name)),
                    ("effective", raw(text, &r.effective)),
                ];
                cells.into_iter().filter_map(|(k, v)| Some((k, v?))).collect()
            })
            .collect()
    });
    let rounding = Some(match report.meta.rounding {
        Rounding::HalfUp => "四捨五入",
        Rounding::Down => "切り捨て",
    })
    .filter(|_| report.meta.rounding_set)
    .map(str::to_owned);
    let carried = Carried { previous: Some(previous), rounding, changes_previous, history, rows, no_zero_cases: true };
    Ok((year, carried))
}

/// An older row, as last year printed it.
fn copied(text: &str, row: &HistoryRow) -> Vec<(&'static str, String)> {
    let cells = [
        ("months", raw(text, &row.months)),
        ("technologies", raw(text, &row.technologies)),
        ("facilities", raw(text, &row.facilities)),
        ("patients", raw(text, &row.patients)),
        ("total_cost", raw(text, &row.total_cost)),
        ("insured_cost", raw(text, &row.insured_cost)),
        ("advanced_cost", raw(text, &row.advanced_cost)),
        ("advanced_ratio", raw(text, &row.advanced_ratio)),
    ];
    cells.into_iter().filter_map(|(k, v)| Some((k, v?))).collect()
}

/// Last year's own row: each figure as last year's summary and tables give it (the figures its checks
/// derive), else as printed.
fn computed(last: &Analysis, text: &str, row: &HistoryRow) -> Vec<(&'static str, String)> {
    let derived = |span: Option<crate::text::Span>| {
        last.figures
            .iter()
            .find(|f| f.rule == RuleId::HistoryVsReport && Some(f.span) == span)
            .map(|f| f.expected.clone())
    };
    let mut out = copied(text, row);
    let spans = [
        ("technologies", row.technologies.as_ref().map(|s| s.span)),
        ("facilities", row.facilities.as_ref().map(|s| s.span)),
        ("patients", row.patients.as_ref().map(|s| s.span)),
        ("total_cost", row.total_cost.as_ref().map(|s| s.span)),
        ("insured_cost", row.insured_cost.as_ref().map(|s| s.span)),
        ("advanced_cost", row.advanced_cost.as_ref().map(|s| s.span)),
        ("advanced_ratio", row.advanced_ratio.as_ref().map(|s| s.span)),
    ];
    for (key, span) in spans {
        if let (Some(value), Some(cell)) = (derived(span), out.iter_mut().find(|(k, _)| *k == key)) {
            cell.1 = value;
        }
    }
    out
}

/// `to` as a path from the folder `from`, with `/` between names (a draft written on Windows reads the same):
/// `../r6/report.yaml`. Both are absolute.
pub fn relative(from: &Path, to: &Path) -> String {
    let (a, b): (Vec<Component>, Vec<Component>) = (from.components().collect(), to.components().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return to.to_string_lossy().replace('\\', "/");
    }
    let mut out: Vec<String> = vec!["..".to_owned(); a.len() - common];
    out.extend(b[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    out.join("/")
}
