//! YAML text to a tree with exact byte spans for every key, value and container, plus the comments'
//! positions. The tree is built iteratively from `saphyr-parser` events, so nesting depth costs heap, not
//! stack, and it is bounded by named limits. Parsing never fails: a syntax error ends the tree where it
//! occurred and becomes a diagnostic.

mod build;
mod chars;
mod comments;
mod events;
pub mod locate;
mod parser_words;
mod tree;
pub mod write;

pub use build::{MAX_DEPTH, MAX_NODES, parse, parse_with};
pub use comments::Comment;
pub use events::PARALLEL_FROM;
pub use locate::{Located, Step, locate, locate_node, node_at};
pub use tree::{Entry, Node, NodeId, NodeKind, ScalarStyle, Tree};
