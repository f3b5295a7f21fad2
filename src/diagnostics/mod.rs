//! Diagnostics as plain data: what the checks produce and what every output (terminal, JSON, the language
//! server) converts. Nothing here knows lines, columns or terminals.

mod format;
mod found;

pub use crate::text::{Lang, Message};
pub use format::{count_of, found, group_digits, near, oku_near, oku_text, tally};
pub use found::{Found, MAX_DIAGNOSTICS, by_position};

pub use crate::catalogue::{RuleId, Severity};

use crate::text::Span;

/// A secondary span with its own message: the rows that were summed, the cell that disagrees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Message,
    /// The span is in last year's draft (the analysis's `previous`), not in this one.
    pub in_previous: bool,
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A proposed change. `safe` fixes only change how a value is written, never what it says; a fix that
/// rewrites a figure may hide that another figure is the real error, so it is never safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: Message,
    pub edits: Vec<Edit>,
    pub safe: bool,
}

impl Fix {
    /// Replace one span with new text.
    pub fn replace(title: Message, span: Span, replacement: impl Into<String>, safe: bool) -> Fix {
        Fix { title, edits: vec![Edit { span, replacement: replacement.into() }], safe }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    pub span: Span,
    pub message: Message,
    pub labels: Vec<Label>,
    pub notes: Vec<Message>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic of `rule`, at the rule's default severity.
    pub fn new(rule: RuleId, span: Span, message: Message) -> Self {
        Diagnostic { rule, severity: rule.severity(), span, message, labels: Vec::new(), notes: Vec::new(), fix: None }
    }

    pub fn label(mut self, span: Span, message: Message) -> Self {
        self.labels.push(Label { span, message, in_previous: false });
        self
    }

    /// A label in last year's draft.
    pub fn label_previous(mut self, span: Span, message: Message) -> Self {
        self.labels.push(Label { span, message, in_previous: true });
        self
    }

    pub fn note(mut self, message: Message) -> Self {
        self.notes.push(message);
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
