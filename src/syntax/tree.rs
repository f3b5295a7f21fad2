//! The spanned YAML tree: nodes in an arena, children before their parents.

use crate::text::Span;

pub type NodeId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub key: NodeId,
    pub value: NodeId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Scalar(ScalarStyle),
    Sequence,
    Mapping,
    /// An alias (`*name`): reported, never expanded.
    Alias,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    /// For a scalar, its text in the source including quotes; for a container, from its first to its last
    /// character.
    pub span: Span,
    /// Where the scalar's value, the sequence's items or the mapping's entries lie in the tree's arenas.
    first: u32,
    len: u32,
}

/// Values, items and entries live in three arenas rather than in a `String` or `Vec` per node: a
/// 100,000-row draft has two million nodes, and an allocation for each would cost more time and memory than
/// the parse itself.
#[derive(Debug, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub root: Option<NodeId>,
    pub comments: Vec<super::Comment>,
    values: String,
    items: Vec<NodeId>,
    entries: Vec<Entry>,
}

impl Tree {
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    pub fn span(&self, id: NodeId) -> Span {
        self.nodes[id].span
    }

    /// The text of a scalar node.
    pub fn scalar(&self, id: NodeId) -> Option<&str> {
        let n = &self.nodes[id];
        match n.kind {
            NodeKind::Scalar(_) => Some(&self.values[n.first as usize..(n.first + n.len) as usize]),
            _ => None,
        }
    }

    /// A plain empty scalar, `~` or `null`: YAML's ways of writing nothing.
    pub fn is_null(&self, id: NodeId) -> bool {
        self.nodes[id].kind == NodeKind::Scalar(ScalarStyle::Plain)
            && matches!(self.scalar(id), Some("" | "~" | "null" | "Null" | "NULL"))
    }

    pub fn entries(&self, id: NodeId) -> Option<&[Entry]> {
        let n = &self.nodes[id];
        (n.kind == NodeKind::Mapping).then(|| &self.entries[n.first as usize..(n.first + n.len) as usize])
    }

    pub fn items(&self, id: NodeId) -> Option<&[NodeId]> {
        let n = &self.nodes[id];
        (n.kind == NodeKind::Sequence).then(|| &self.items[n.first as usize..(n.first + n.len) as usize])
    }

    /// The first entry of mapping `id` whose key is the scalar `key`.
    pub fn get(&self, id: NodeId, key: &str) -> Option<&Entry> {
        self.entries(id)?.iter().find(|e| self.scalar(e.key) == Some(key))
    }

    /// Adds a scalar node.
    pub(super) fn push_scalar(&mut self, value: &str, style: ScalarStyle, span: Span) -> NodeId {
        let first = self.values.len() as u32;
        self.values.push_str(value);
        self.push(Node { kind: NodeKind::Scalar(style), span, first, len: value.len() as u32 })
    }

    /// Adds a sequence node whose items are `items`.
    pub(super) fn push_sequence(&mut self, items: &[NodeId], span: Span) -> NodeId {
        let first = self.items.len() as u32;
        self.items.extend_from_slice(items);
        self.push(Node { kind: NodeKind::Sequence, span, first, len: items.len() as u32 })
    }

    /// Adds a mapping node whose entries are `entries`.
    pub(super) fn push_mapping(&mut self, entries: &[Entry], span: Span) -> NodeId {
        let first = self.entries.len() as u32;
        self.entries.extend_from_slice(entries);
        self.push(Node { kind: NodeKind::Mapping, span, first, len: entries.len() as u32 })
    }

    pub(super) fn push_alias(&mut self, span: Span) -> NodeId {
        self.push(Node { kind: NodeKind::Alias, span, first: 0, len: 0 })
    }

    fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        self.nodes.len() - 1
    }
}
