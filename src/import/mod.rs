//! `import`: a table of the report read from a sheet and written into a draft as the format writes it,
//! replacing that table and nothing else (`report-layout.md` §8). The sheet arrives as plain data (`Grid`),
//! read at the edge from a workbook or a CSV file; here it is matched to the table's columns, every cell read
//! with the model's own readers, and the draft's text edited once. Nothing is half done: one unreadable cell,
//! and every such cell is reported and no edit is made.

mod columns;
mod costs;
pub mod grid;
mod header;
mod splice;
mod values;

pub use grid::{Cell, Grid, column_letters};
pub use values::excel_date;

use crate::diagnostics::Message;
use crate::model::Part;
use crate::text::Span;

/// The tables a sheet can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Costs(Part),
}

impl Table {
    /// `A`, `B` (the cost tables, as the draft's keys name them, in either width or case) or 参考資料１・２; the
    /// zero-case tables are not read yet.
    pub fn from_arg(s: &str) -> Option<Table> {
        let s = crate::model::read::normalize(s).to_uppercase();
        let key = match s.as_str() {
            "参考資料1" => "A",
            "参考資料2" => "B",
            other => other,
        };
        Part::from_key(key).map(Table::Costs)
    }

    /// As the report names it: 「参考資料１（先進医療Ａの費用）」.
    pub fn name(self) -> Message {
        match self {
            Table::Costs(Part::A) => {
                Message::new("参考資料１（先進医療Ａの費用）", "reference table 1 (参考資料１, costs of category A)")
            }
            Table::Costs(Part::B) => {
                Message::new("参考資料２（先進医療Ｂの費用）", "reference table 2 (参考資料２, costs of category B)")
            }
        }
    }
}

/// A cell that cannot be read: its place (`参考資料1!H23`), its text, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    pub place: String,
    pub text: String,
    pub problem: Message,
}

/// What an import does to the draft.
#[derive(Debug)]
pub struct Imported {
    /// The one edit: the table's old text and its new.
    pub edit: (Span, String),
    pub rows: usize,
    pub total: bool,
    /// Headings that name no column of the table, with their places: not read.
    pub ignored: Vec<(String, String)>,
}

/// Whether a sheet has a header row of a table: which of a workbook's sheets to read.
pub fn has_header(grid: &Grid) -> bool {
    header::locate(grid).is_some()
}

/// Whether a sheet names `table` in its name or in the title rows above its header (「参考資料２」,
/// 「【先進医療Ｂ】」): which sheet to read when several have a header.
pub fn names_table(grid: &Grid, table: Table) -> bool {
    let Table::Costs(part) = table;
    let words: &[&str] = match part {
        Part::A => &["参考資料1", "先進医療a"],
        Part::B => &["参考資料2", "先進医療b"],
    };
    let titles = header::locate(grid).map_or(0, |(first, _)| first);
    let mut texts = vec![grid.sheet.clone()];
    texts.extend(grid.rows[..titles].iter().flatten().map(Cell::text));
    texts.iter().any(|t| {
        let t = columns::normalize_header(t);
        words.iter().any(|w| t.contains(w))
    })
}

/// The edit that puts `grid`'s table into `draft` as `table`, or every reason it cannot.
pub fn import(draft: &str, grid: &Grid, table: Table) -> Result<Imported, Vec<Bad>> {
    let Table::Costs(part) = table;
    let header = header::find(grid, &columns::COSTS, &table.name())?;
    let read = costs::read(grid, &header)?;
    let (tree, found) = crate::syntax::parse(draft);
    let (found, _) = found.into_parts();
    if found.iter().any(|d| d.severity == crate::diagnostics::Severity::Error) {
        return Err(vec![Bad {
            place: String::new(),
            text: String::new(),
            problem: Message::new(
                "下書きに書き方の誤りがあるため、取り込む場所を決められません。先に check で示される誤りを直してください。",
                "the draft has a syntax error, so where the table goes is unclear: fix what check reports first",
            ),
        }]);
    }
    let eol = if draft.contains("\r\n") { "\r\n" } else { "\n" };
    let key = match part {
        Part::A => "A",
        Part::B => "B",
    };
    let refuse = |problem: Message| vec![Bad { place: String::new(), text: String::new(), problem }];
    let edit = splice::table_edit(draft, &tree, key, &|indent| costs::yaml(&read, indent, eol)).map_err(refuse)?;
    let mut after = draft.to_owned();
    after.replace_range(edit.0.start..edit.0.end, &edit.1);
    if !holds(&tree, &after, key, read.rows.len()) {
        return Err(refuse(Message::new(
            format!(
                "取り込むと下書きの形が崩れるため、書き込みませんでした。{}の書き方（「{{ }}」「~」「|」など）を、ほかの表と同じ形に直してから取り込んでください。",
                table.name().ja
            ),
            format!(
                "importing would break the draft's structure, so nothing was written: write {} in the same block form as the other tables (no {{ }}, ~ or |), then import again",
                table.name().en
            ),
        )));
    }
    Ok(Imported { edit, rows: read.rows.len(), total: read.total.is_some(), ignored: header.ignored })
}

/// Whether the draft after the edit still parses, holds the new table as `costs.<key>.rows` with `rows` items,
/// and keeps every other section and table it had: the edit is checked, not trusted.
fn holds(before: &crate::syntax::Tree, after: &str, key: &str, rows: usize) -> bool {
    use crate::syntax::NodeKind;
    let (tree, found) = crate::syntax::parse(after);
    let (found, _) = found.into_parts();
    if found.iter().any(|d| d.severity == crate::diagnostics::Severity::Error) {
        return false;
    }
    let keys = |t: &crate::syntax::Tree, id: Option<usize>| -> Vec<String> {
        id.and_then(|id| t.entries(id))
            .map_or_else(Vec::new, |es| es.iter().filter_map(|e| t.scalar(e.key).map(str::to_owned)).collect())
    };
    let costs_of = |t: &crate::syntax::Tree| t.root.and_then(|r| t.get(r, "costs")).map(|e| e.value);
    let (root_before, root_after) = (keys(before, before.root), keys(&tree, tree.root));
    let (costs_before, costs_after) = (keys(before, costs_of(before)), keys(&tree, costs_of(&tree)));
    let kept = |was: &[String], now: &[String], added: &str| {
        was.iter().all(|k| now.contains(k)) && now.iter().all(|k| k == added || was.contains(k))
    };
    let table = costs_of(&tree).and_then(|c| tree.get(c, key)).map(|e| e.value);
    let items = table.and_then(|t| tree.get(t, "rows")).and_then(|r| tree.items(r.value)).map(<[usize]>::len);
    let rows_ok = match items {
        Some(n) => n == rows,
        // `rows: []` is a flow sequence of none.
        None => rows == 0 && table.is_some_and(|t| tree.node(t).kind == NodeKind::Mapping),
    };
    kept(&root_before, &root_after, "costs") && kept(&costs_before, &costs_after, key) && rows_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_named_as_the_draft_or_the_report_names_them() {
        for (arg, part) in
            [("A", Part::A), ("ａ", Part::A), ("参考資料１", Part::A), ("b", Part::B), ("参考資料2", Part::B)]
        {
            assert_eq!(Table::from_arg(arg), Some(Table::Costs(part)), "{arg}");
        }
        assert_eq!(Table::from_arg("C"), None);
        assert_eq!(Table::from_arg("参考資料3"), None);
    }
}
