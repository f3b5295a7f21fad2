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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: NodeId,
    pub value: NodeId,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    Scalar {
        value: String,
        style: ScalarStyle,
    },
    Sequence(Vec<NodeId>),
    Mapping(Vec<Entry>),
    /// An alias (`*name`): reported, never expanded.
    Alias,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    /// For a scalar, its text in the source including quotes; for a container, from its first to its last
    /// character.
    pub span: Span,
}

#[derive(Debug, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub root: Option<NodeId>,
    pub comments: Vec<super::Comment>,
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
        match &self.nodes[id].kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// A plain empty scalar, `~` or `null`: YAML's ways of writing nothing.
    pub fn is_null(&self, id: NodeId) -> bool {
        matches!(&self.nodes[id].kind,
            NodeKind::Scalar { value, style: ScalarStyle::Plain } if matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    pub fn entries(&self, id: NodeId) -> Option<&[Entry]> {
        match &self.nodes[id].kind {
            NodeKind::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn items(&self, id: NodeId) -> Option<&[NodeId]> {
        match &self.nodes[id].kind {
            NodeKind::Sequence(items) => Some(items),
            _ => None,
        }
    }

    /// The first entry of mapping `id` whose key is the scalar `key`.
    pub fn get(&self, id: NodeId, key: &str) -> Option<&Entry> {
        self.entries(id)?.iter().find(|e| self.scalar(e.key) == Some(key))
    }
}
