//! A workbook as plain data: sheets of cells, each a value (a text, a number, a formula with the result the
//! linter computed), a style, and the span of the draft it was read from, so that findings can be put on it.
//! Writing the file is `write`'s business alone.

use crate::text::Span;

/// How a number is shown: the report's forms as Excel number formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Num {
    /// Yen and counts: `2,794,008,117`.
    Grouped,
    /// Days: `14.7`; the places as written.
    Places(u32),
    /// An amount rounded in a unit of `10^exp` yen: `約798.2億円`.
    Amount { exp: u32, scale: u32 },
    /// A share: `12.4%`.
    Percent(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Blank,
    Text(String),
    Number(f64, Num),
    /// A link to another cell of the workbook (`'参考資料１'!E31`), shown as `text`.
    Link {
        text: String,
        target: String,
    },
    /// A formula and the value the linter computes for it (written as its cached result, for readers that do
    /// not calculate).
    Formula {
        formula: String,
        result: String,
        num: Num,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// A sheet's title line.
    Title,
    /// A column heading.
    Head,
    /// A row label (①–⑦, 合計).
    Label,
    /// A figure: right-aligned.
    Figure,
    /// A short centred value: 告示番号, dates, 「-」.
    Center,
    /// A text that wraps: names, reasons, plans.
    Wrap,
    /// A note under a table.
    Note,
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub row: u32,
    pub col: u16,
    pub value: Value,
    pub style: Style,
    /// Where the draft holds it.
    pub span: Option<Span>,
    /// The last cell of a merged range that starts here.
    pub merge_to: Option<(u32, u16)>,
}

#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub cells: Vec<Cell>,
    /// Column widths, in characters.
    pub widths: Vec<f64>,
    /// The rows above this one stay in view (the header).
    pub freeze: u32,
}

impl Sheet {
    pub fn new(name: impl Into<String>, widths: &[f64]) -> Sheet {
        Sheet { name: name.into(), cells: Vec::new(), widths: widths.to_vec(), freeze: 0 }
    }

    pub fn put(&mut self, row: u32, col: u16, value: Value, style: Style, span: Option<Span>) -> &mut Cell {
        self.cells.push(Cell { row, col, value, style, span, merge_to: None });
        self.cells.last_mut().expect("just pushed")
    }

    /// A row of column headings, from the first column.
    pub fn heads<S: AsRef<str>>(&mut self, row: u32, heads: &[S]) {
        for (c, h) in heads.iter().enumerate() {
            self.text(row, c as u16, h.as_ref(), Style::Head);
        }
    }

    pub fn text(&mut self, row: u32, col: u16, text: impl Into<String>, style: Style) -> &mut Cell {
        self.put(row, col, Value::Text(text.into()), style, None)
    }
}

/// A whole number as a spreadsheet number when it is one exactly (below 2^53), else as its digits grouped:
/// a figure is never changed on its way into a workbook.
pub fn whole(n: i128) -> Value {
    const EXACT: i128 = 1 << 53;
    if (-EXACT..=EXACT).contains(&n) {
        Value::Number(n as f64, Num::Grouped)
    } else {
        Value::Text(crate::diagnostics::group_digits(n))
    }
}

/// A sheet's reference in a formula: `'参考資料１'!`.
pub fn sheet_ref(name: &str) -> String {
    format!("'{}'!", name.replace('\'', "''"))
}

/// `E12` from rows and columns counted from 0.
pub fn a1(row: u32, col: u16) -> String {
    format!("{}{}", crate::import::column_letters(usize::from(col)), row + 1)
}
