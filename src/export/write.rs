//! The workbook file: the sheets' cells with the report's number formats, a finding's cell filled by its severity
//! with the finding as the cell's note.

use super::Marks;
use super::sheet::{Num, Sheet, Style, Value};
use crate::diagnostics::Severity;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Formula, Note, Url, Workbook, Worksheet, XlsxError};

/// A font every Japanese Windows has, and LibreOffice maps.
const FONT: &str = "游ゴシック";

/// `0.0` for one place.
fn places(n: u32) -> String {
    if n == 0 { "0".to_owned() } else { format!("0.{}", "0".repeat(n as usize)) }
}

/// The report's forms as Excel number formats: `#,##0`, `0.0`, `"約"#,##0.0"億円"`, `0.0"%"`.
fn number_format(num: Num) -> String {
    match num {
        Num::Grouped => "#,##0".to_owned(),
        Num::Places(n) => places(n),
        Num::Amount { exp, scale } => {
            let grouped = if scale == 0 { "#,##0".to_owned() } else { format!("#,##0.{}", "0".repeat(scale as usize)) };
            format!("\"約\"{grouped}\"{}\"", crate::model::Amount::unit_of(exp))
        }
        Num::Percent(n) => format!("{}\"%\"", places(n)),
    }
}

fn format(style: Style, num: Option<Num>, severity: Option<Severity>) -> Format {
    let mut f = Format::new().set_font_name(FONT).set_font_size(10);
    f = match style {
        Style::Title => f.set_bold().set_font_size(12),
        Style::Head => {
            f.set_bold().set_text_wrap().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter)
        }
        Style::Label => f.set_align(FormatAlign::Left).set_align(FormatAlign::VerticalCenter),
        Style::Figure => f.set_align(FormatAlign::Right).set_align(FormatAlign::VerticalCenter),
        Style::Center => f.set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter),
        Style::Wrap => f.set_text_wrap().set_align(FormatAlign::Left).set_align(FormatAlign::VerticalCenter),
        Style::Note => f,
    };
    if !matches!(style, Style::Title | Style::Note) {
        f = f.set_border(FormatBorder::Thin);
    }
    if let Some(num) = num {
        f = f.set_num_format(number_format(num));
    }
    // The editor's colours: red for an error, amber for a warning, blue for information.
    f = match severity {
        Some(Severity::Error) => f.set_background_color(Color::RGB(0xFFC7CE)),
        Some(Severity::Warning) => f.set_background_color(Color::RGB(0xFFEB9C)),
        Some(Severity::Info) => f.set_background_color(Color::RGB(0xDDEBF7)),
        None => f,
    };
    f
}

fn sheet(ws: &mut Worksheet, s: &Sheet, marks: &[Marks]) -> Result<(), XlsxError> {
    ws.set_name(&s.name)?;
    for (c, w) in s.widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    // Printed as the report is: landscape, each sheet one page wide.
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    if s.freeze > 0 {
        ws.set_freeze_panes(s.freeze, 0)?;
    }
    for (row, height) in heights(s) {
        ws.set_row_height(row, height)?;
    }
    for (cell, m) in s.cells.iter().zip(marks) {
        let num = match &cell.value {
            Value::Number(_, n) | Value::Formula { num: n, .. } => Some(*n),
            _ => None,
        };
        let f = format(cell.style, num, m.severity);
        let (row, col) = (cell.row, cell.col);
        if let Some((last_row, last_col)) = cell.merge_to {
            let text = match &cell.value {
                Value::Text(t) => t.as_str(),
                _ => "",
            };
            ws.merge_range(row, col, last_row, last_col, text, &f)?;
            if !matches!(cell.value, Value::Text(_) | Value::Blank) {
                write_value(ws, row, col, &cell.value, &f)?;
            }
        } else {
            write_value(ws, row, col, &cell.value, &f)?;
        }
        if !m.notes.is_empty() {
            let note = Note::new(super::fit(m.notes.join("\n\n")))
                .set_author("senshin-lint")
                .add_author_prefix(false)
                .set_width(360)
                .set_height(160);
            ws.insert_note(row, col, &note)?;
        }
    }
    Ok(())
}

/// Rows whose headings or texts wrap, with the height their longest cell needs (spreadsheets do not grow a row
/// for a wrapped text they did not lay out themselves).
fn heights(s: &Sheet) -> Vec<(u32, f64)> {
    let mut out: std::collections::BTreeMap<u32, f64> = std::collections::BTreeMap::new();
    for c in s.cells.iter().filter(|c| matches!(c.style, Style::Head | Style::Wrap)) {
        let Value::Text(t) = &c.value else { continue };
        // Column widths count narrow characters; a full-width one takes two.
        let width = s.widths.get(usize::from(c.col)).copied().unwrap_or(8.43).max(2.0);
        let lines: f64 =
            t.split('\n').map(|l| (unicode_width::UnicodeWidthStr::width(l) as f64 / width).ceil().max(1.0)).sum();
        let spanned = c.merge_to.map_or(1, |(last, _)| last - c.row + 1);
        let height = lines * 13.5 / f64::from(spanned) + 3.0;
        let h = out.entry(c.row).or_insert(height);
        *h = h.max(height);
    }
    out.into_iter().filter(|&(_, h)| h > 17.0).collect()
}

fn write_value(ws: &mut Worksheet, row: u32, col: u16, v: &Value, f: &Format) -> Result<(), XlsxError> {
    match v {
        Value::Blank => ws.write_blank(row, col, f).map(|_| ()),
        Value::Text(t) => ws.write_string_with_format(row, col, t, f).map(|_| ()),
        Value::Number(n, _) => ws.write_number_with_format(row, col, *n, f).map(|_| ()),
        Value::Link { text, target } => {
            ws.write_url_with_format(row, col, Url::new(format!("internal:{target}")).set_text(text), f).map(|_| ())
        }
        Value::Formula { formula, result, .. } => {
            ws.write_formula_with_format(row, col, Formula::new(formula).set_result(result), f).map(|_| ())
        }
    }
}

pub fn xlsx(sheets: &[Sheet], marks: &[Vec<Marks>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    for (s, m) in sheets.iter().zip(marks) {
        let ws = book.add_worksheet();
        sheet(ws, s, m)?;
    }
    book.save_to_buffer()
}
