//! What an editor shows besides diagnostics, computed over plain data (byte offsets, strings) so that it is
//! tested without a client: code actions, hover, inlay hints, symbols, definitions, completion, and whether a
//! file is a report draft at all. Only `server` knows LSP.

mod actions;
mod draft;

pub use actions::{Action, code_actions};
pub use draft::is_report_draft;
