//! What the draft writes at a place the model could not read (`abc` in a yen column): exported as the text it
//! is, so that nothing of the draft is left out of the workbook.

use super::sheet::Value;
use crate::model::value::Spanned;
use crate::syntax::{Step, Tree, node_at};
use crate::text::Span;

/// The scalar at `path` and its span, if the draft has one there.
pub fn raw(tree: &Tree, path: &[Step]) -> Option<(String, Span)> {
    let id = node_at(tree, path)?;
    let s = tree.scalar(id)?;
    (!tree.is_null(id)).then(|| (s.to_owned(), tree.span(id)))
}

/// A field as the model read it, shown by `show`; else the draft's text there, if any.
pub fn or_raw<T>(
    field: &Option<Spanned<T>>,
    tree: &Tree,
    path: &[Step],
    show: impl Fn(&T) -> Value,
) -> Option<(Value, Span)> {
    match field {
        Some(f) => Some((show(&f.value), f.span)),
        None => raw(tree, path).map(|(t, span)| (Value::Text(t), span)),
    }
}
