//! Where an offset falls in the YAML tree: the keys and list positions from the root down to it.

use super::{NodeId, Tree};
use crate::text::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Item(usize),
}

/// The innermost thing under an offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// From the root; the last step is the key or item the offset is in.
    pub path: Vec<Step>,
    /// The span of the key, when the offset is on a key.
    pub on_key: Option<Span>,
    /// The innermost node containing the offset (the value, when on a value).
    pub node: Option<NodeId>,
}

impl Located {
    /// The path as strings, list items as `-`.
    pub fn keys(&self) -> Vec<&str> {
        self.path
            .iter()
            .map(|s| match s {
                Step::Key(k) => k.as_str(),
                Step::Item(_) => "-",
            })
            .collect()
    }
}

/// The node at the end of `path` from the root: the inverse of `locate`.
pub fn node_at(tree: &Tree, path: &[Step]) -> Option<NodeId> {
    let mut node = tree.root?;
    for step in path {
        node = match step {
            Step::Key(k) => tree.get(node, k)?.value,
            Step::Item(n) => *tree.items(node)?.get(*n)?,
        };
    }
    Some(node)
}

impl Step {
    /// A key step, from a key as written: `Step::key("costs")`.
    pub fn key(k: &str) -> Step {
        Step::Key(k.to_owned())
    }
}

fn touches(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

pub fn locate(tree: &Tree, offset: usize) -> Located {
    descend(tree, offset, None)
}

/// The path to `target` itself (a mapping's path, where `locate` on its first key would go one step further).
pub fn locate_node(tree: &Tree, target: NodeId) -> Located {
    descend(tree, tree.span(target).start, Some(target))
}

fn descend(tree: &Tree, offset: usize, target: Option<NodeId>) -> Located {
    let mut out = Located { path: Vec::new(), on_key: None, node: None };
    let Some(mut node) = tree.root else { return out };
    loop {
        out.node = Some(node);
        if Some(node) == target {
            return out;
        }
        if let Some(entries) = tree.entries(node) {
            let Some(e) =
                entries.iter().find(|e| touches(tree.span(e.key), offset) || touches(tree.span(e.value), offset))
            else {
                return out;
            };
            out.path.push(Step::Key(tree.scalar(e.key).unwrap_or_default().to_owned()));
            if touches(tree.span(e.key), offset) {
                out.on_key = Some(tree.span(e.key));
                return out;
            }
            node = e.value;
        } else if let Some(items) = tree.items(node) {
            // Items are in the order of the text: a table of 100,000 rows is searched, not walked.
            let i = items.partition_point(|&i| tree.span(i).end < offset);
            let Some(&item) = items.get(i).filter(|&&item| touches(tree.span(item), offset)) else {
                return out;
            };
            out.path.push(Step::Item(i));
            node = item;
        } else {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_values_and_items() {
        let text = "costs:\n  A:\n    rows:\n      - serial: 1\n        notice: \"4\"\n";
        let (tree, _) = crate::syntax::parse(text);
        let at = locate(&tree, text.find("\"4\"").unwrap() + 1);
        assert_eq!(at.keys(), ["costs", "A", "rows", "-", "notice"]);
        assert_eq!(at.on_key, None);
        let at = locate(&tree, text.find("serial").unwrap() + 2);
        assert_eq!(at.keys(), ["costs", "A", "rows", "-", "serial"]);
        assert!(at.on_key.is_some());
    }
}
