//! What the draft writes at a place the model could not read (`abc` in a yen column): exported as the text it
//! is, so that nothing of the draft is left out of the workbook.

use crate::syntax::Tree;
use crate::text::Span;

/// One step of a path into the draft: a key or an item.
pub enum Step<'a> {
    Key(&'a str),
    Item(usize),
}

/// The scalar at `path` and its span, if the draft has one there.
pub fn raw(tree: &Tree, path: &[Step]) -> Option<(String, Span)> {
    let mut id = tree.root?;
    for step in path {
        id = match *step {
            Step::Key(k) => tree.get(id, k)?.value,
            Step::Item(i) => *tree.items(id)?.get(i)?,
        };
    }
    let s = tree.scalar(id)?;
    (!tree.is_null(id)).then(|| (s.to_owned(), tree.span(id)))
}

/// A field as the model read it, shown by `show`; else the draft's text there, if any.
pub fn or_raw<T>(
    field: &Option<crate::model::value::Spanned<T>>,
    tree: &Tree,
    path: &[Step],
    show: impl Fn(&T) -> super::sheet::Value,
) -> Option<(super::sheet::Value, Span)> {
    match field {
        Some(f) => Some((show(&f.value), f.span)),
        None => raw(tree, path).map(|(t, span)| (super::sheet::Value::Text(t), span)),
    }
}
