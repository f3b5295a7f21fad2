//! What an editor shows besides diagnostics, computed over plain data (byte offsets, strings) so that it is
//! tested without a client: code actions, hover, inlay hints, symbols, definitions, completion, and whether a
//! file is a report draft at all. Only `server` knows LSP.

mod actions;
mod completion;
mod definition;
mod draft;
mod hints;
mod hover;
mod symbols;
mod yen;

pub use crate::syntax::{Located, Step, locate};
pub use actions::{Action, code_actions};
pub use completion::{Completion, CompletionKind, complete};
pub use definition::definition;
pub use draft::{MARKER, is_report_draft, is_yaml_name};
pub use hints::{Hint, HintMode, inlay_hints};
pub use hover::{HoverInfo, hover};
pub use symbols::{Symbol, SymbolKind, symbols};
