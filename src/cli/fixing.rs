//! `check --fix` and `--diff`: fixes each draft under its configuration and writes it back whole, or shows
//! the changes.

use super::write::{WriteError, replace};
use super::{CheckOptions, Checked, analyze_with, complain, inputs, report, unreadable, with_encoding_warning};
use crate::diagnostics::Lang;
use crate::fix::{FixMode, Fixed, fix_with};
use crate::text::{Decoded, decode, splice};
use std::io::Write;
use std::process::ExitCode;

/// One source after fixing: its diagnostics, and the bytes to write back when they changed.
struct Outcome {
    checked: Checked,
    /// The whole resulting text as bytes in the file's own encoding: the original bytes with only the fixes'
    /// edits spliced in; `None` when nothing changed.
    fixed: Option<Vec<u8>>,
    applied: usize,
    /// Why the fixed text cannot be written (a character the file's encoding lacks).
    unwritable: Option<String>,
}

fn fix_one(source: &inputs::Source, mode: FixMode) -> (Outcome, Option<(Decoded, Fixed)>) {
    let config = source.config.as_deref();
    let decoded = match decode(&source.bytes) {
        Ok(d) => d,
        Err(e) => {
            let checked = unreadable(&source.name, &source.bytes, e);
            return (Outcome { checked, fixed: None, applied: 0, unwritable: None }, None);
        }
    };
    let fixed = fix_with(&decoded.text, mode, &|text| analyze_with(text, config));
    let diagnostics = with_encoding_warning(fixed.analysis.diagnostics.clone(), decoded.encoding, config);
    let changes: Vec<_> = fixed.edits.iter().map(|e| (e.span, e.replacement.as_str())).collect();
    let (bytes, unwritable) = if changes.is_empty() {
        (None, None)
    } else {
        match splice(&source.bytes, &decoded, &changes) {
            Some(b) => (Some(b), None),
            None => (None, Some(decoded.encoding.name().to_owned())),
        }
    };
    let checked = Checked { path: source.name.clone(), text: fixed.text.clone(), diagnostics };
    let outcome = Outcome { checked, fixed: bytes, applied: fixed.applied, unwritable };
    (outcome, Some((decoded, fixed)))
}

/// Fixes every source, then reports what is left (or, with `--diff`, shows the changes and writes nothing).
/// Standard input is answered with its whole resulting text on standard output, always (unchanged, or
/// unreadable, it comes back as it was), and the diagnostics of every source then go to standard error.
pub(super) fn fix_sources(
    sources: &[inputs::Source],
    mode: FixMode,
    opts: &CheckOptions,
    lang: Lang,
    mut checked: Vec<Checked>,
) -> ExitCode {
    let results = inputs::map_parallel(sources.iter().collect(), |s| fix_one(s, mode));
    let mut applied = 0;
    let mut changed = false;
    let mut failed = false;
    for (source, (outcome, fixed)) in sources.iter().zip(results) {
        if opts.diff {
            if let Some((decoded, fixed)) = fixed.filter(|(d, f)| f.text != d.text) {
                changed = true;
                if print_diff(&source.name, &decoded.text, &fixed.text).is_err() {
                    return ExitCode::from(2);
                }
            }
            continue;
        }
        if let Some(encoding) = &outcome.unwritable {
            complain(&match lang {
                Lang::Ja => {
                    format!("{}: 修正後の文字は {encoding} では保存できないため、書き込みませんでした", source.name)
                }
                Lang::En => {
                    format!("{}: the fixed text cannot be written in {encoding}; nothing was written", source.name)
                }
            });
            failed = true;
        } else {
            let written = match (&source.path, &outcome.fixed) {
                (Some(path), Some(bytes)) => replace(path, &source.bytes, bytes),
                (Some(_), None) => Ok(()),
                (None, bytes) => std::io::stdout()
                    .lock()
                    .write_all(bytes.as_deref().unwrap_or(&source.bytes))
                    .map_err(WriteError::Io),
            };
            match written {
                Ok(()) => applied += outcome.applied,
                Err(WriteError::Changed) => {
                    complain(&match lang {
                        Lang::Ja => format!(
                            "{}: 読み込んだ後に変更されたため、上書きしませんでした。もう一度修正してください",
                            source.name
                        ),
                        Lang::En => {
                            format!("{}: changed since it was read; not overwritten, fix it again", source.name)
                        }
                    });
                    failed = true;
                }
                Err(WriteError::Io(e)) => {
                    complain(&match lang {
                        Lang::Ja => format!("{} に書き込めません: {e}", source.name),
                        Lang::En => format!("cannot write {}: {e}", source.name),
                    });
                    failed = true;
                }
            }
        }
        checked.push(outcome.checked);
    }
    if opts.diff {
        return ExitCode::from(u8::from(changed));
    }
    let to_stderr = sources.iter().any(|s| s.path.is_none());
    if opts.format == super::Format::Human && !to_stderr {
        let line = match lang {
            Lang::Ja => format!("{applied} 件の修正を適用しました"),
            Lang::En => format!("applied {applied} fix{}", if applied == 1 { "" } else { "es" }),
        };
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
    // With standard input, standard output holds its text; the diagnostics go beside it.
    let status = report(&checked, opts, lang, to_stderr);
    if failed { ExitCode::from(2) } else { status }
}

fn print_diff(name: &str, before: &str, after: &str) -> std::io::Result<()> {
    let diff = similar::TextDiff::from_lines(before, after);
    let header = if name.starts_with('/') {
        (name.to_owned(), name.to_owned())
    } else {
        (format!("a/{name}"), format!("b/{name}"))
    };
    let shown = diff.unified_diff().context_radius(2).header(&header.0, &header.1).to_string();
    std::io::stdout().lock().write_all(shown.as_bytes())
}
