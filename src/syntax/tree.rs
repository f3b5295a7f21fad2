//! The spanned YAML tree: nodes in an arena, children before their parents.

use crate::text::Span;

pub type NodeId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
    /// The span, as `u32`: a node is 24 bytes rather than 32, and a draft is far below 4 GiB
    /// (`MAX_FILE_BYTES`).
    start: u32,
    end: u32,
    /// Where the scalar's value, the sequence's items or the mapping's entries lie in the tree's arenas.
    first: u32,
    len: u32,
}

impl Node {
    fn new(kind: NodeKind, span: Span, first: usize, len: usize) -> Node {
        let narrow = |n: usize| u32::try_from(n).expect("a draft is smaller than 4 GiB");
        Node { kind, start: narrow(span.start), end: narrow(span.end), first: narrow(first), len: narrow(len) }
    }

    /// For a scalar, its text in the source including quotes; for a container, from its first to its last
    /// character.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// Values, items and entries live in three arenas rather than in a `String` or `Vec` per node: a
/// 100,000-row draft has two million nodes, and an allocation for each would cost more time and memory than
/// the parse itself.
#[derive(Debug, Default, PartialEq, Eq)]
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
        self.nodes[id].span()
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

    /// Reserves room for the tree of a draft of `bytes` bytes: about one node every 13 bytes, one
    /// entry every 26, values about a third of the text.
    pub(super) fn reserve(&mut self, bytes: usize) {
        self.nodes.reserve(bytes / 13);
        self.entries.reserve(bytes / 26);
        self.values.reserve(bytes / 3);
    }

    /// Adds a scalar node.
    pub(super) fn push_scalar(&mut self, value: &str, style: ScalarStyle, span: Span) -> NodeId {
        let first = self.values.len();
        self.values.push_str(value);
        self.push(Node::new(NodeKind::Scalar(style), span, first, value.len()))
    }

    /// Adds a sequence node whose items are `items`.
    pub(super) fn push_sequence(&mut self, items: &[NodeId], span: Span) -> NodeId {
        let first = self.items.len();
        self.items.extend_from_slice(items);
        self.push(Node::new(NodeKind::Sequence, span, first, items.len()))
    }

    /// Adds a mapping node whose entries are `entries`.
    pub(super) fn push_mapping(&mut self, entries: &[Entry], span: Span) -> NodeId {
        let first = self.entries.len();
        self.entries.extend_from_slice(entries);
        self.push(Node::new(NodeKind::Mapping, span, first, entries.len()))
    }

    pub(super) fn push_alias(&mut self, span: Span) -> NodeId {
        self.push(Node::new(NodeKind::Alias, span, 0, 0))
    }

    fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        self.nodes.len() - 1
    }
}
