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
use crate::text::LineIndex;
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
            // No formula reads a table without rows (its range would be the 合計 row itself).
            rows[i] = Some(r).filter(|_| !table.rows.is_empty());
        }
    }
    let mut out = vec![
        summary::sheet(analysis, [rows[0].as_ref(), rows[1].as_ref()]),
        pages::changes(report, &analysis.tree),
        pages::history(report, &analysis.tree),
    ];
    out.extend(tables);
    for part in Part::BOTH {
        if let Some(cases) = report.zero_cases.get(part) {
            out.push(zero::sheet(report, &analysis.tree, part, cases));
        }
    }
    out
}

/// Each diagnostic's cell (sheet, cell), if it has one: the innermost cell whose span holds its start.
fn places(analysis: &Analysis, sheets: &[Sheet]) -> Vec<Option<(usize, usize)>> {
    let index = crate::text::SpanIndex::new(
        sheets
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.cells.iter().enumerate().filter_map(move |(j, c)| c.span.map(|sp| (sp, (i, j)))))
            .collect(),
    );
    analysis.diagnostics.iter().map(|d| index.at(d.span.start)).collect()
}

/// Each cell's marks: the worst severity of its findings and their texts.
fn marks(analysis: &Analysis, sheets: &[Sheet], places: &[Option<(usize, usize)>], lang: Lang) -> Vec<Vec<Marks>> {
    let mut out: Vec<Vec<Marks>> = sheets.iter().map(|s| s.cells.iter().map(|_| Marks::default()).collect()).collect();
    for (d, place) in analysis.diagnostics.iter().zip(places) {
        let Some((i, j)) = *place else { continue };
        let m = &mut out[i][j];
        m.severity = Some(m.severity.map_or(d.severity, |s| s.min(d.severity)));
        let mut text = format!("【{}】{}（{}）", d.severity.name(lang), d.message.get(lang), d.rule.name());
        for n in &d.notes {
            text.push('\n');
            text.push_str(n.get(lang));
        }
        m.notes.push(fit(text));
    }
    out
}

/// 「指摘」: every finding, with a link to its cell, or its line in the draft when no cell shows it (a syntax
/// error, a key the report does not have).
fn findings(
    analysis: &Analysis,
    lines: &LineIndex,
    sheets: &[Sheet],
    places: &[Option<(usize, usize)>],
    lang: Lang,
) -> Sheet {
    let t = |ja: &'static str, en: &'static str| if lang == Lang::Ja { ja } else { en };
    let mut s = Sheet::new(t("指摘", "Findings"), &[8.0, 22.0, 24.0, 70.0, 70.0]);
    let (errors, warnings) = crate::diagnostics::tally(&analysis.diagnostics);
    let title = crate::diagnostics::found(errors, warnings);
    let title = match lang {
        Lang::Ja => format!("検査の指摘（{}）", title.ja),
        Lang::En => format!("Findings ({})", title.en),
    };
    s.text(0, 0, title, sheet::Style::Title);
    let heads =
        [t("重大度", "Severity"), t("検査", "Rule"), t("場所", "Place"), t("内容", "Message"), t("説明", "Notes")];
    s.heads(2, &heads);
    s.freeze = 3;
    for (k, (d, place)) in analysis.diagnostics.iter().zip(places).enumerate() {
        let row = 3 + k as u32;
        s.text(row, 0, d.severity.name(lang), sheet::Style::Center);
        s.text(row, 1, d.rule.name(), sheet::Style::Center);
        let at = match *place {
            Some((i, j)) => {
                let (sh, c) = (&sheets[i], &sheets[i].cells[j]);
                let target = format!(
                    "{}{}",
                    sheet::sheet_ref(&sh.name).trim_end_matches('!'),
                    format_args!("!{}", sheet::a1(c.row, c.col))
                );
                sheet::Value::Link { text: format!("{}!{}", sh.name, sheet::a1(c.row, c.col)), target }
            }
            None => {
                let line = line_of(lines, d.span.start);
                sheet::Value::Text(match lang {
                    Lang::Ja => format!("下書きの{line}行目"),
                    Lang::En => format!("line {line} of the draft"),
                })
            }
        };
        s.put(row, 2, at, sheet::Style::Center, None);
        s.text(row, 3, fit(d.message.get(lang).to_owned()), sheet::Style::Wrap);
        let notes: Vec<&str> = d.notes.iter().map(|n| n.get(lang)).collect();
        s.text(row, 4, fit(notes.join("\n")), sheet::Style::Wrap);
    }
    s
}

/// Excel's limit on a cell's text.
const MAX_TEXT: usize = 32_767;

/// The line of the draft holding `offset`, from 1, as every other output counts lines.
fn line_of(lines: &LineIndex, offset: usize) -> usize {
    lines.line_of(offset) + 1
}

/// A text of our own (a note, a finding's sentence) cut to what a cell holds; the draft's texts are never cut.
fn fit(text: String) -> String {
    if text.encode_utf16().count() <= MAX_TEXT {
        return text;
    }
    let mut out = String::new();
    let mut units = 0;
    for c in text.chars() {
        units += c.len_utf16();
        if units > MAX_TEXT - 10 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The workbook's bytes, or why it could not be made.
pub fn workbook(analysis: &Analysis, text: &str, lang: Lang) -> Result<Vec<u8>, Message> {
    let lines = LineIndex::new(text);
    if !analysis.parsed {
        // A draft that does not parse has tables read only in part: a workbook of them would look complete.
        let at = analysis.diagnostics.iter().find(|d| d.rule == crate::diagnostics::RuleId::YamlSyntax);
        let line = at.map_or(1, |d| line_of(&lines, d.span.start));
        return Err(Message::new(
            format!(
                "下書きの{line}行目に書き方の誤りがあり、表を最後まで読み取れないため、ブックを作りませんでした。先に check で示される誤りを直してください。"
            ),
            format!(
                "the draft has a syntax error on line {line}, so its tables cannot be read whole: no workbook written. Fix what check reports first."
            ),
        ));
    }
    let mut sheets = sheets(analysis);
    for s in &sheets {
        for c in &s.cells {
            if let sheet::Value::Text(t) = &c.value
                && t.encode_utf16().count() > MAX_TEXT
            {
                let place = format!("{}!{}", s.name, sheet::a1(c.row, c.col));
                let line = c.span.map_or(0, |sp| line_of(&lines, sp.start));
                return Err(Message::new(
                    format!(
                        "下書きの{line}行目の文が長すぎるため、ブックを作れませんでした（{place} に入る文が Excel の上限の32,767文字を超えます）。文を短くするか、分けてください。"
                    ),
                    format!(
                        "the text on line {line} of the draft is too long for a workbook ({place} would exceed Excel's limit of 32,767 characters): shorten or split it"
                    ),
                ));
            }
        }
    }
    let places = places(analysis, &sheets);
    let mut marks = marks(analysis, &sheets, &places, lang);
    let list = findings(analysis, &lines, &sheets, &places, lang);
    marks.push(list.cells.iter().map(|_| Marks::default()).collect());
    sheets.push(list);
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
                sheet::Value::Text(t) | sheet::Value::Link { text: t, .. } => (t, None),
                sheet::Value::Number(n, _) => (n.to_string(), None),
                sheet::Value::Formula { formula, result, .. } => (result.clone(), Some((formula, result))),
            };
            out.push(Written { sheet: s.name.clone(), row: c.row, col: c.col, shown, formula, span: c.span });
        }
    }
    out
}
