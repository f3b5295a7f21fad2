//! A sheet as plain data: its name and its cells, row by row, as the edge read them from a workbook or a CSV
//! file. Numbers keep the exact decimal text the sheet holds; dates are civil dates.

use jiff::civil::Date;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    /// A number the sheet holds as a number: `2794008117`, `14.7`.
    Number(String),
    Date(Date),
}

impl Cell {
    /// The cell as text, as a person reads it (a date in its era form).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Number(t) => t.clone(),
            Cell::Date(d) => crate::model::read::era_text(*d),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// The sheet's name (a CSV file's name without its extension), for positions: `参考資料1!H23`.
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&EMPTY)
    }

    /// A cell's place as a spreadsheet names it: `参考資料1!H23` (rows and columns from 0 here).
    pub fn place(&self, row: usize, col: usize) -> String {
        format!("{}!{}{}", self.sheet, column_letters(col), row + 1)
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(7), "H");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        let g = Grid { sheet: "参考資料1".into(), rows: Vec::new() };
        assert_eq!(g.place(22, 7), "参考資料1!H23");
    }
}
