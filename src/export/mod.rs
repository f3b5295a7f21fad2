//! `export`: the draft as a workbook whose arithmetic is live (`report-layout.md` §8). A sheet per part in the
//! published order; the 合計 rows `SUM` formulas over the rows, the page-1 figures formulas over the cost tables
//! (`ROUND(…/10^8,1)`), each with the result the linter computes as its cached value; the printed figure beside
//! a formula where the two differ; every cell a finding points at coloured by severity, the finding as its note.
//! The sheets are plain data (`sheet`) until `write` makes the file.

mod costs;
mod pages;
mod raw;
mod sheet;
mod summary;
mod write;
mod zero;

pub use costs::PRINTED_TOTAL;

use crate::Analysis;
use crate::diagnostics::{Lang, Message, Severity};
use crate::model::Part;
use sheet::Sheet;

/// A cell's findings: the worst severity and every finding's text.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    pub severity: Option<Severity>,
    pub notes: Vec<String>,
}

/// The sheets of a draft, in the published order: 概要, 技術数の推移, 過去５年間の実績, 参考資料１・２, ０件Ａ・Ｂ.
fn sheets(analysis: &Analysis) -> Vec<Sheet> {
    let report = &analysis.report;
    let mut tables = Vec::new();
    let mut rows: [Option<costs::Rows>; 2] = [None, None];
    for (i, part) in Part::BOTH.into_iter().enumerate() {
        if let Some(table) = report.costs.get(part) {
            let (s, r) = costs::sheet(report, &analysis.tree, part, table);
            tables.push(s);
            rows[i] = Some(r);
        }
    }
    let mut out = vec![
        summary::sheet(analysis, [rows[0].as_ref(), rows[1].as_ref()]),
        pages::changes(report),
        pages::history(report),
    ];
    out.extend(tables);
    for part in Part::BOTH {
        if let Some(cases) = report.zero_cases.get(part) {
            out.push(zero::sheet(report, part, cases));
        }
    }
    out
}

/// Each diagnostic on the innermost cell whose span holds its start; the cell's marks, by sheet and cell.
fn marks(analysis: &Analysis, sheets: &[Sheet], lang: Lang) -> Vec<Vec<Marks>> {
    let mut out: Vec<Vec<Marks>> = sheets.iter().map(|s| s.cells.iter().map(|_| Marks::default()).collect()).collect();
    // Cells by where their spans start: each is one value of the draft, so spans do not nest, and the cell
    // holding an offset is the last one starting at or before it.
    let mut spans: Vec<(crate::text::Span, usize, usize)> = sheets
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.cells.iter().enumerate().filter_map(move |(j, c)| c.span.map(|sp| (sp, i, j))))
        .collect();
    spans.sort_by_key(|(s, _, _)| (s.start, s.end));
    for d in &analysis.diagnostics {
        let at = d.span.start;
        let before = spans.partition_point(|(s, _, _)| s.start <= at);
        let found = spans[..before]
            .iter()
            .rev()
            .take_while(|(s, _, _)| s.start == spans[before - 1].0.start)
            .find(|(s, _, _)| at < s.end.max(s.start + 1))
            .map(|&(s, i, j)| (i, j, s));
        let Some((i, j, _)) = found else { continue };
        let m = &mut out[i][j];
        m.severity = Some(m.severity.map_or(d.severity, |s| s.min(d.severity)));
        let word = match lang {
            Lang::Ja => d.severity.name_ja(),
            Lang::En => d.severity.as_str(),
        };
        let mut text = format!("【{word}】{}（{}）", d.message.get(lang), d.rule.name());
        for n in &d.notes {
            text.push('\n');
            text.push_str(n.get(lang));
        }
        m.notes.push(text);
    }
    out
}

/// The workbook's bytes, or why it could not be made.
pub fn workbook(analysis: &Analysis, lang: Lang) -> Result<Vec<u8>, Message> {
    let sheets = sheets(analysis);
    let marks = marks(analysis, &sheets, lang);
    write::xlsx(&sheets, &marks).map_err(|e| {
        Message::new(format!("ブックを作れませんでした（{e}）。"), format!("the workbook could not be made ({e})"))
    })
}

/// A written cell, for tests: where it is, what it shows, the formula and its computed result, the span.
#[doc(hidden)]
#[derive(Debug)]
pub struct Written {
    pub sheet: String,
    pub row: u32,
    pub col: u16,
    pub shown: String,
    pub formula: Option<(String, String)>,
    pub span: Option<crate::text::Span>,
}

#[doc(hidden)]
pub fn cells(analysis: &Analysis) -> Vec<Written> {
    let mut out = Vec::new();
    for s in sheets(analysis) {
        for c in s.cells {
            let (shown, formula) = match c.value {
                sheet::Value::Blank => (String::new(), None),
                sheet::Value::Text(t) => (t, None),
                sheet::Value::Number(n, _) => (n.to_string(), None),
                sheet::Value::Formula { formula, result, .. } => (result.clone(), Some((formula, result))),
            };
            out.push(Written { sheet: s.name.clone(), row: c.row, col: c.col, shown, formula, span: c.span });
        }
    }
    out
}
