//! 参考資料１・２ from a sheet: each row under the header a cost row, the 合計 row the table's `total`, what
//! follows it (「※入院例なし」) left alone; then the table as the draft writes it.

use super::Bad;
use super::columns::{COSTS, is_printed_total, is_total};
use super::grid::Grid;
use super::header::Header;
use super::values::value;
use crate::diagnostics::Message;
use crate::syntax::write::{Field, Mapping, block_list};

/// A table read: each row's fields in the columns' order, as the draft writes them.
#[derive(Debug, Default)]
pub struct Read {
    pub rows: Vec<Vec<(&'static str, String)>>,
    pub total: Option<Vec<(&'static str, String)>>,
}

/// Every row below the header; every cell that cannot be read, at once.
pub fn read(grid: &Grid, header: &Header) -> Result<Read, Vec<Bad>> {
    let mut out = Read::default();
    let mut bad = Vec::new();
    for r in header.last_row + 1..grid.rows.len() {
        let row = &grid.rows[r];
        let Some(first) = row.iter().find(|c| !c.is_empty()) else { continue };
        let total = is_total(&first.text());
        if let Some(stated) = out.total.as_mut().filter(|_| is_printed_total(&first.text())) {
            // The 合計 the report states, where it differs from the rows' sum: it is the table's `total`.
            for col in COSTS.iter().filter(|c| c.in_total) {
                let Some(&(_, c)) = header.columns.iter().find(|(k, _)| k.key == col.key) else { continue };
                let cell = grid.cell(r, c);
                if cell.is_empty() {
                    continue;
                }
                match value(col.key, cell) {
                    Ok(v) => match stated.iter_mut().find(|(k, _)| *k == col.key) {
                        Some(field) => field.1 = v,
                        None => stated.push((col.key, v)),
                    },
                    Err(problem) => bad.push(Bad { place: grid.place(r, c), text: cell.text(), problem }),
                }
            }
            stated.sort_by_key(|(k, _)| COSTS.iter().position(|c| c.key == *k));
            continue;
        }
        if out.total.is_some() {
            // Below the 合計 only notes belong (「※入院例なし」): a row with figures there would be lost.
            let figures = header.columns.iter().filter(|&&(_, c)| !grid.cell(r, c).is_empty()).count();
            if total || figures >= 2 {
                bad.push(Bad {
                    place: grid.place(r, 0),
                    text: first.text(),
                    problem: Message::new(
                        "合計の行より下に、表の行があります。合計の行を表の最後に置いてください。",
                        "a row of the table below the totals row: put the totals row last",
                    ),
                });
            }
            continue;
        }
        let mut fields = Vec::new();
        for col in &COSTS {
            if total && !col.in_total {
                continue;
            }
            let Some(&(_, c)) = header.columns.iter().find(|(k, _)| k.key == col.key) else { continue };
            let cell = grid.cell(r, c);
            match value(col.key, cell) {
                Ok(v) => fields.push((col.key, v)),
                Err(problem) => bad.push(Bad { place: grid.place(r, c), text: cell.text(), problem }),
            }
        }
        if total {
            out.total = Some(fields);
            continue;
        }
        out.rows.push(fields);
    }
    if bad.is_empty() { Ok(out) } else { Err(bad) }
}

/// The table's value in the draft, its lines indented under a key at `indent` columns, each ended by `eol`:
/// `rows:` with one item per row, then `total:   # 合計`.
pub fn yaml(table: &Read, indent: usize, eol: &str) -> String {
    let pad = |n: usize| " ".repeat(indent + n);
    let mut out = String::new();
    if table.rows.is_empty() {
        out.push_str(&format!("{}rows: []{eol}", pad(2)));
    } else {
        out.push_str(&format!("{}rows:{eol}", pad(2)));
        let rows: Vec<Mapping> =
            table.rows.iter().map(|r| r.iter().map(|(k, v)| (*k, Field::Scalar(v.clone()))).collect()).collect();
        out.push_str(&block_list(&rows, indent + 4, eol));
    }
    if let Some(total) = &table.total {
        out.push_str(&format!("{}total:   # 合計{eol}", pad(2)));
        for (key, v) in total {
            out.push_str(&format!("{}{key}: {v}{eol}", pad(4)));
        }
    }
    out
}
