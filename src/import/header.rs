//! Finding a table's header in a sheet: below any title rows, over one row or two (a heading broken over two
//! cells, a merged cell read back blank), its columns in any order.

use super::Bad;
use super::columns::{Column, column_of};
use super::grid::Grid;
use crate::diagnostics::Message;

/// How far down a header is looked for: title rows, a blank line, a stamp.
const SEARCH_ROWS: usize = 30;

#[derive(Debug)]
pub struct Header {
    /// The header's last row: the data start below it.
    pub last_row: usize,
    /// Each column of the table and the sheet's column holding it.
    pub columns: Vec<(&'static Column, usize)>,
    /// Headings that name no column of the table: not read, and said so.
    pub ignored: Vec<(String, String)>,
}

/// The heading of each sheet column over rows `first..first + depth`, joined.
fn headings(grid: &Grid, first: usize, depth: usize) -> Vec<String> {
    let width = grid.rows[first..(first + depth).min(grid.rows.len())].iter().map(Vec::len).max().unwrap_or(0);
    (0..width).map(|c| (first..first + depth).map(|r| grid.cell(r, c).text()).collect::<String>()).collect()
}

/// Where the header lies: the first row and how many rows (one preferred to two when they name as many
/// columns), if any rows name three columns or more.
pub fn locate(grid: &Grid, table: &'static [Column]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None; // (named, first row, depth)
    for first in 0..grid.rows.len().min(SEARCH_ROWS) {
        for depth in [1, 2] {
            if first + depth > grid.rows.len() {
                continue;
            }
            let mut named: Vec<&str> =
                headings(grid, first, depth).iter().filter_map(|h| column_of(h, table)).map(|c| c.key).collect();
            named.sort_unstable();
            named.dedup();
            if best.is_none_or(|(n, _, _)| named.len() > n) {
                best = Some((named.len(), first, depth));
            }
        }
    }
    best.filter(|&(n, _, _)| n >= 3).map(|(_, first, depth)| (first, depth))
}

/// The header that names most of `table`'s columns, with every column it lacks or repeats as a bad cell.
pub fn find(grid: &Grid, table: &'static [Column], what: &Message) -> Result<Header, Vec<Bad>> {
    let Some((first, depth)) = locate(grid, table) else {
        let names: Vec<&str> = table.iter().map(|c| c.printed).collect();
        return Err(vec![Bad {
            place: format!("{}!A1", grid.sheet),
            text: String::new(),
            problem: Message::new(
                format!(
                    "{}の見出し行が見つかりません。「{}」などの列名の行を、表の上に置いてください。",
                    what.ja,
                    names.join("」「")
                ),
                format!(
                    "no header row of {} found: put a row naming the columns ({}) above the table",
                    what.en,
                    names.join(", ")
                ),
            ),
        }]);
    };
    let last_row = first + depth - 1;
    let mut columns: Vec<(&'static Column, usize)> = Vec::new();
    let mut ignored = Vec::new();
    let mut bad = Vec::new();
    for (c, heading) in headings(grid, first, depth).iter().enumerate() {
        match column_of(heading, table) {
            Some(col) => match columns.iter().find(|(k, _)| k.key == col.key) {
                Some(&(_, earlier)) => bad.push(Bad {
                    place: grid.place(first, c),
                    text: heading.clone(),
                    problem: Message::new(
                        format!(
                            "「{}」の列が2つあります（{} と {}）。どちらか一方にしてください。",
                            col.printed,
                            grid.place(first, earlier),
                            grid.place(first, c)
                        ),
                        format!(
                            "two columns are {} ({} and {}): keep one",
                            col.printed,
                            grid.place(first, earlier),
                            grid.place(first, c)
                        ),
                    ),
                }),
                None => columns.push((col, c)),
            },
            None if !heading.trim().is_empty() => ignored.push((grid.place(first, c), heading.clone())),
            None => {}
        }
    }
    for col in table {
        if !columns.iter().any(|(k, _)| k.key == col.key) {
            bad.push(Bad {
                place: grid.place(first, 0),
                text: String::new(),
                problem: Message::new(
                    format!(
                        "「{}」の列がありません。見出し行（{}行目）にこの列を加えてください。",
                        col.printed,
                        first + 1
                    ),
                    format!("no column {}: add it to the header row (row {})", col.printed, first + 1),
                ),
            });
        }
    }
    if bad.is_empty() { Ok(Header { last_row, columns, ignored }) } else { Err(bad) }
}
