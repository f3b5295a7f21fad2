//! `import`: a table of the report read from a sheet and written into a draft as the format writes it,
//! replacing that table and nothing else (`report-layout.md` §8). The sheet arrives as plain data (`Grid`),
//! read at the edge from a workbook or a CSV file; here it is matched to the table's columns, every cell read
//! with the model's own readers, and the draft's text edited once. Nothing is half done: one unreadable cell,
//! and every such cell is reported and no edit is made.

pub mod columns;
mod costs;
pub mod grid;
mod header;
mod splice;
mod values;
mod zero;

pub use grid::{Cell, Grid, column_letters};
pub use values::excel_date;

use crate::diagnostics::Message;
use crate::model::Part;
use crate::syntax::{Step, node_at};
use crate::text::Span;

/// The tables a sheet can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// 参考資料１・２.
    Costs(Part),
    /// 先－１－２, the technologies with no case.
    Zero(Part),
}

impl Table {
    /// `A`, `B` (the cost tables, as the draft's keys name them, in either width or case) or 参考資料１・２;
    /// `zero-A`, `zero-B` or ０件Ａ・Ｂ (先－１－２).
    pub fn from_arg(s: &str) -> Option<Table> {
        let s = crate::model::read::normalize(s).to_uppercase();
        let s = s.replace(['_', ' '], "-");
        let (zero, key) = match s.as_str() {
            "参考資料1" => (false, "A"),
            "参考資料2" => (false, "B"),
            "0件A" | "ZERO-A" => (true, "A"),
            "0件B" | "ZERO-B" => (true, "B"),
            other => (false, other),
        };
        Part::from_key(key).map(if zero { Table::Zero } else { Table::Costs })
    }

    fn columns(self) -> &'static [columns::Column] {
        match self {
            Table::Costs(_) => &columns::COSTS,
            Table::Zero(Part::A) => &columns::ZERO,
            Table::Zero(Part::B) => &columns::ZERO_B,
        }
    }

    /// The same kind of table of the other part: which a sheet must not be taken for.
    pub fn other(self) -> Table {
        match self {
            Table::Costs(p) => Table::Costs(p.other()),
            Table::Zero(p) => Table::Zero(p.other()),
        }
    }

    /// The draft's section and key: `costs`, `A`.
    fn place(self) -> (&'static str, &'static str) {
        let (section, part) = match self {
            Table::Costs(p) => ("costs", p),
            Table::Zero(p) => ("zero_cases", p),
        };
        (section, part.key())
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
            Table::Zero(Part::A) => Message::new(
                "先－１－２【先進医療Ａ】（実施件数が０件の技術）",
                "the zero-case table (先－１－２【先進医療Ａ】)",
            ),
            Table::Zero(Part::B) => Message::new(
                "先－１－２【先進医療Ｂ】（実施件数が０件の技術）",
                "the zero-case table (先－１－２【先進医療Ｂ】)",
            ),
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
    /// Cost rows, or technologies with no case.
    pub rows: usize,
    pub total: bool,
    /// The facilities of the technologies with no case.
    pub facilities: usize,
    /// Headings that name no column of the table, with their places: not read.
    pub ignored: Vec<(String, String)>,
}

/// Whether a sheet has a header row of `table`: which of a workbook's sheets to read.
pub fn has_header(grid: &Grid, table: Table) -> bool {
    header::locate(grid, table.columns()).is_some()
}

/// Whether a sheet names `table` in its name or in the title rows above its header (「参考資料２」,
/// 「【先進医療Ｂ】」): which sheet to read when several have a header.
pub fn names_table(grid: &Grid, table: Table) -> bool {
    let names = |t: &str| match table {
        Table::Costs(Part::A) => t.contains("参考資料1") || (t.contains("先進医療a") && !t.contains("0件")),
        Table::Costs(Part::B) => t.contains("参考資料2") || (t.contains("先進医療b") && !t.contains("0件")),
        Table::Zero(Part::A) => t.contains("0件a") || (t.contains("先進医療a") && t.contains("0件")),
        Table::Zero(Part::B) => t.contains("0件b") || (t.contains("先進医療b") && t.contains("0件")),
    };
    let titles = header::locate(grid, table.columns()).map_or(0, |(first, _)| first);
    let mut texts = vec![grid.sheet.clone()];
    texts.extend(grid.rows[..titles].iter().flatten().map(Cell::text));
    texts.iter().any(|t| names(&columns::normalize_header(t)))
}

/// Writes a table read as the draft's value, for a key indented so many columns, with these line ends.
type Writer = Box<dyn Fn(usize, &str) -> String>;

/// The edit that puts `grid`'s table into `draft` as `table`, or every reason it cannot.
pub fn import(draft: &str, grid: &Grid, table: Table) -> Result<Imported, Vec<Bad>> {
    let header = header::find(grid, table.columns(), &table.name())?;
    // What is read, how many items the new value must have, and how it is written.
    let (block, items, facilities, total): (Writer, usize, usize, bool) = match table {
        Table::Costs(_) => {
            let read = costs::read(grid, &header)?;
            let (n, total) = (read.rows.len(), read.total.is_some());
            (Box::new(move |indent, eol| costs::yaml(&read, indent, eol)), n, 0, total)
        }
        Table::Zero(_) => {
            let techs = zero::read(grid, &header)?;
            let (n, f) = (techs.len(), zero::facilities(&techs));
            (Box::new(move |indent, eol| zero::yaml(&techs, indent, eol)), n, f, false)
        }
    };
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
    let (section, key) = table.place();
    let refuse = |problem: Message| vec![Bad { place: String::new(), text: String::new(), problem }];
    if items == 0 && is_empty_list(&tree, section, key) {
        // Nothing read into a list already empty (`A: []   # none this year`): the draft stays as it is.
        let edit = (crate::text::Span::empty(0), String::new());
        return Ok(Imported { edit, rows: 0, total, facilities, ignored: header.ignored });
    }
    let edit = splice::table_edit(draft, &tree, section, key, &|indent| block(indent, eol)).map_err(refuse)?;
    let mut after = draft.to_owned();
    after.replace_range(edit.0.start..edit.0.end, &edit.1);
    if !holds(&tree, &after, table, items) {
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
    Ok(Imported { edit, rows: items, total, facilities, ignored: header.ignored })
}

/// Whether `<section>.<key>` is a list of nothing (`A: []`).
fn is_empty_list(tree: &crate::syntax::Tree, section: &str, key: &str) -> bool {
    let value = node_at(tree, &[Step::key(section), Step::key(key)]);
    value.and_then(|v| tree.items(v)).is_some_and(<[usize]>::is_empty)
}

/// Whether the draft after the edit still parses, holds the new table with `items` rows (cost rows, or
/// technologies), and keeps every other section and table it had: the edit is checked, not trusted.
fn holds(before: &crate::syntax::Tree, after: &str, table: Table, items: usize) -> bool {
    use crate::syntax::NodeKind;
    let (section, key) = table.place();
    let (tree, found) = crate::syntax::parse(after);
    let (found, _) = found.into_parts();
    if found.iter().any(|d| d.severity == crate::diagnostics::Severity::Error) {
        return false;
    }
    let keys = |t: &crate::syntax::Tree, id: Option<usize>| -> Vec<String> {
        id.and_then(|id| t.entries(id))
            .map_or_else(Vec::new, |es| es.iter().filter_map(|e| t.scalar(e.key).map(str::to_owned)).collect())
    };
    let section_of = |t: &crate::syntax::Tree| node_at(t, &[Step::key(section)]);
    let (root_before, root_after) = (keys(before, before.root), keys(&tree, tree.root));
    let (tables_before, tables_after) = (keys(before, section_of(before)), keys(&tree, section_of(&tree)));
    let kept = |was: &[String], now: &[String], added: &str| {
        was.iter().all(|k| now.contains(k)) && now.iter().all(|k| k == added || was.contains(k))
    };
    let value = node_at(&tree, &[Step::key(section), Step::key(key)]);
    let list = match table {
        Table::Costs(_) => value.and_then(|t| tree.get(t, "rows")).map(|r| r.value),
        Table::Zero(_) => value,
    };
    let count = list.and_then(|l| tree.items(l)).map(<[usize]>::len);
    let rows_ok = match (count, table) {
        (Some(n), _) => n == items,
        // `rows: []` is a flow sequence of none.
        (None, Table::Costs(_)) => items == 0 && value.is_some_and(|t| tree.node(t).kind == NodeKind::Mapping),
        (None, Table::Zero(_)) => false,
    };
    kept(&root_before, &root_after, section) && kept(&tables_before, &tables_after, key) && rows_ok
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
        assert_eq!(Table::from_arg("zero-A"), Some(Table::Zero(Part::A)));
        assert_eq!(Table::from_arg("ZERO_b"), Some(Table::Zero(Part::B)));
        assert_eq!(Table::from_arg("０件Ａ"), Some(Table::Zero(Part::A)));
        assert_eq!(Table::from_arg("C"), None);
        assert_eq!(Table::from_arg("参考資料3"), None);
    }
}
