//! Document symbols: the sections, their tables and columns, each history year, each technology by 告示番号
//! and name, each zero-case entry.

use crate::Analysis;
use crate::diagnostics::Lang;
use crate::model::fields;
use crate::syntax::{NodeId, Tree};
use crate::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Section,
    Table,
    Row,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole entry, key and value.
    pub span: Span,
    /// The key, or the item's first key.
    pub selection: Span,
    pub children: Vec<Symbol>,
}

fn scalar<'a>(tree: &'a Tree, node: NodeId, key: &str) -> &'a str {
    tree.get(node, key).and_then(|e| tree.scalar(e.value)).unwrap_or("")
}

/// The mapping entries of `node` as symbols, with children made by `children`.
fn entries(
    tree: &Tree,
    node: NodeId,
    path: &[&str],
    kind: SymbolKind,
    children: &dyn Fn(&str, NodeId) -> Vec<Symbol>,
) -> Vec<Symbol> {
    let Some(entries) = tree.entries(node) else { return Vec::new() };
    entries
        .iter()
        .filter_map(|e| {
            let key = tree.scalar(e.key)?;
            let mut full = path.to_vec();
            full.push(key);
            Some(Symbol {
                name: key.to_owned(),
                detail: fields::field(&full).map(|f| f.ja.to_owned()),
                kind,
                span: tree.span(e.key).cover(tree.span(e.value)),
                selection: tree.span(e.key),
                children: children(key, e.value),
            })
        })
        .collect()
}

/// List items as rows named by `name`.
fn items(tree: &Tree, node: NodeId, name: &dyn Fn(NodeId) -> String) -> Vec<Symbol> {
    let Some(items) = tree.items(node) else { return Vec::new() };
    items
        .iter()
        .map(|&item| {
            let first = tree.entries(item).and_then(|e| e.first()).map_or(tree.span(item), |e| tree.span(e.key));
            Symbol {
                name: name(item),
                detail: None,
                kind: SymbolKind::Row,
                span: tree.span(item),
                selection: first,
                children: Vec::new(),
            }
        })
        .collect()
}

pub fn symbols(analysis: &Analysis, lang: Lang) -> Vec<Symbol> {
    let tree = &analysis.tree;
    let Some(root) = tree.root else { return Vec::new() };
    let technology = |item: NodeId| {
        let (notice, name) = (scalar(tree, item, "notice"), scalar(tree, item, "name"));
        match lang {
            Lang::Ja => format!("告示番号 {notice} {name}"),
            Lang::En => format!("No. {notice} {name}"),
        }
    };
    entries(tree, root, &[], SymbolKind::Section, &|section, value| match section {
        "summary" | "changes" => entries(tree, value, &[section], SymbolKind::Table, &|_, _| Vec::new()),
        "history" => items(tree, value, &|item| scalar(tree, item, "period").to_owned()),
        "costs" => entries(tree, value, &[section], SymbolKind::Table, &|_, table| {
            tree.get(table, "rows").map_or(Vec::new(), |rows| items(tree, rows.value, &technology))
        }),
        "zero_cases" => entries(tree, value, &[section], SymbolKind::Table, &|_, list| items(tree, list, &technology)),
        _ => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_report_outline() {
        let analysis = crate::analyze(include_str!("../../examples/r6/report.yaml"));
        let s = symbols(&analysis, Lang::Ja);
        let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["report", "summary", "changes", "history", "costs", "zero_cases"]);
        let costs = &s[4];
        assert_eq!(costs.children[0].children.len(), 27);
        assert_eq!(costs.children[1].children.len(), 50);
        assert_eq!(costs.children[0].children[0].name, "告示番号 1 陽子線治療");
        assert_eq!(
            costs.children[1].children[7].name.split_whitespace().take(2).collect::<Vec<_>>(),
            ["告示番号", "10(1)"]
        );
        assert_eq!(s[3].children[4].name, "R5.7.1～R6.6.30");
        assert_eq!(s[1].detail.as_deref(), Some("実績の概要（先－１－１）"));
    }
}
