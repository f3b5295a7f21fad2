//! An open document: its rope, version, and the analysis of its current text.

use crate::text::LineIndex;
use crate::{Analysis, analyze, ide};
use ropey::Rope;
use std::sync::Arc;

pub struct Document {
    pub rope: Rope,
    pub version: i32,
    pub path: String,
    pub analyzed: Arc<Analyzed>,
}

/// One version's text and everything derived from it; handlers read it without locking the document.
pub struct Analyzed {
    pub version: i32,
    pub text: String,
    pub index: LineIndex,
    pub is_draft: bool,
    pub analysis: Analysis,
}

impl Analyzed {
    pub fn new(path: &str, version: i32, text: String) -> Analyzed {
        let is_draft = ide::is_report_draft(path, &text);
        let analysis = if is_draft { analyze(&text) } else { Analysis::default() };
        let index = LineIndex::new(&text);
        Analyzed { version, text, index, is_draft, analysis }
    }
}

impl Document {
    pub fn new(path: String, version: i32, text: String) -> Document {
        let rope = Rope::from_str(&text);
        let analyzed = Arc::new(Analyzed::new(&path, version, text));
        Document { rope, version, path, analyzed }
    }
}
