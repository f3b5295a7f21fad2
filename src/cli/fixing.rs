//! `check --fix` and `--diff`, one draft at a time: fixes a draft under its configuration, then writes it
//! back (`write::replace`), answers standard input with its whole resulting text, or shows the changes as a
//! diff. The runner calls this on every core and reports the results in order, as it does for checking.

use super::done::Done;
use super::write::{WriteError, replace};
use super::{Checked, last_year, settings, unreadable, with_encoding_warning};
use crate::config::Config;
use crate::diagnostics::Lang;
use crate::fix::{FixMode, fix_with};
use crate::text::{decode, splice};
use std::path::Path;

/// What `--fix` does with a draft.
#[derive(Debug, Clone, Copy)]
pub struct Fixing {
    pub mode: FixMode,
    /// Show the changes instead of writing them.
    pub diff: bool,
    /// For the messages about writing.
    pub lang: Lang,
}

/// Fixes one draft, read as `bytes` from `path` (`None`: standard input).
pub fn fix(name: &str, path: Option<&Path>, bytes: Vec<u8>, config: Option<&Config>, how: Fixing) -> Done {
    let decoded = match decode(&bytes) {
        Ok(d) => d,
        Err(e) => {
            // Not readable: nothing to fix; standard input comes back as it was.
            let checked = unreadable(name, &bytes, e);
            return Done { output: path.is_none().then_some(bytes), ..Done::checked(checked) };
        }
    };
    let settings = settings(config);
    let last_year = last_year(path.or(Some(Path::new(name))), settings);
    let fixed = fix_with(&decoded.text, how.mode, &|text| last_year.analyze(text));
    let diagnostics = with_encoding_warning(fixed.analysis.diagnostics.clone(), decoded.encoding, config);
    let previous = fixed.analysis.previous.clone();
    let checked = Checked { path: name.to_owned(), text: fixed.text.clone(), diagnostics, previous };
    let changed = !fixed.edits.is_empty();
    if how.diff {
        let output = changed.then(|| diff(name, &decoded.text, &fixed.text).into_bytes());
        return Done { output, changed, ..Done::checked(checked) };
    }
    let changes: Vec<_> = fixed.edits.iter().map(|e| (e.span, e.replacement.as_str())).collect();
    let Some(result) = splice(&bytes, &decoded, &changes) else {
        let encoding = decoded.encoding.name();
        let problem = match how.lang {
            Lang::Ja => format!("{name}: 修正後の文字は {encoding} では保存できないため、書き込みませんでした"),
            Lang::En => format!("{name}: the fixed text cannot be written in {encoding}; nothing was written"),
        };
        return Done { problem: Some(problem), ..Done::checked(checked) };
    };
    let Some(path) = path else {
        return Done { output: Some(result), applied: fixed.applied, changed, ..Done::checked(checked) };
    };
    if !changed {
        return Done::checked(checked);
    }
    let problem = match (replace(path, &bytes, &result), how.lang) {
        (Ok(()), _) => return Done { applied: fixed.applied, changed, ..Done::checked(checked) },
        (Err(WriteError::Changed), Lang::Ja) => {
            format!("{name}: 読み込んだ後に変更されたため、上書きしませんでした。もう一度修正してください")
        }
        (Err(WriteError::Changed), Lang::En) => {
            format!("{name}: changed since it was read; not overwritten, fix it again")
        }
        (Err(WriteError::Io(e)), Lang::Ja) => format!("{name} に書き込めません: {e}"),
        (Err(WriteError::Io(e)), Lang::En) => format!("cannot write {name}: {e}"),
    };
    Done { problem: Some(problem), ..Done::checked(checked) }
}

/// The changes as a unified diff, paths as `git diff` shows them.
pub(super) fn diff(name: &str, before: &str, after: &str) -> String {
    let header = if name.starts_with('/') {
        (name.to_owned(), name.to_owned())
    } else {
        (format!("a/{name}"), format!("b/{name}"))
    };
    let diff = similar::TextDiff::from_lines(before, after);
    diff.unified_diff().context_radius(2).header(&header.0, &header.1).to_string()
}
