//! `check --fix` and `--diff`: fixes each draft under its configuration and writes it back whole, or shows
//! the changes.

use super::{CheckOptions, Checked, Format, check_bytes_with, inputs, lint_with, print_str, report};
use crate::diagnostics::Lang;
use crate::text::{decode, encode};
use std::process::ExitCode;

/// Fixes every source, then reports what is left (or, with `--diff`, shows the changes and writes nothing).
pub(super) fn fix_sources(
    sources: &[inputs::Source],
    mode: crate::fix::FixMode,
    opts: &CheckOptions,
    lang: Lang,
    mut checked: Vec<Checked>,
) -> ExitCode {
    let results = inputs::map_parallel(sources.iter().collect(), |s| match decode(&s.bytes) {
        Ok(d) => {
            let config = s.config.as_deref();
            let fixed = crate::fix::fix_with(&d.text, mode, &|text| lint_with(text, config));
            Some((d, fixed))
        }
        Err(_) => None,
    });
    let mut applied = 0;
    let mut changed = false;
    for (source, result) in sources.iter().zip(results) {
        let config = source.config.as_deref();
        let Some((decoded, fixed)) = result else {
            checked.push(check_bytes_with(&source.name, &source.bytes, config));
            continue;
        };
        if fixed.text != decoded.text {
            changed = true;
            applied += fixed.applied;
            if opts.diff {
                let diff = similar::TextDiff::from_lines(&decoded.text, &fixed.text);
                let relative = !source.name.starts_with('/');
                let header = if relative {
                    (format!("a/{}", source.name), format!("b/{}", source.name))
                } else {
                    (source.name.clone(), source.name.clone())
                };
                let shown = diff.unified_diff().context_radius(2).header(&header.0, &header.1).to_string();
                if print_str(&shown).is_err() {
                    return ExitCode::from(2);
                }
                continue;
            }
            let Some(bytes) = encode(&fixed.text, &decoded) else {
                eprintln!(
                    "senshin-lint: {}: the fixed text cannot be written in {}",
                    source.name,
                    decoded.encoding.name()
                );
                return ExitCode::from(2);
            };
            let written = match &source.path {
                Some(path) => write_atomically(path, &bytes),
                None => print_str(&fixed.text).map_err(std::io::Error::other),
            };
            if let Err(e) = written {
                eprintln!("senshin-lint: cannot write {}: {e}", source.name);
                return ExitCode::from(2);
            }
        }
        if !opts.diff {
            checked.push(Checked {
                path: source.name.clone(),
                diagnostics: crate::lint(&fixed.text),
                text: fixed.text,
            });
        }
    }
    if opts.diff {
        return ExitCode::from(u8::from(changed));
    }
    if sources.iter().any(|s| s.path.is_none()) {
        // Standard input was answered with the fixed text; diagnostics would mix into it.
        return ExitCode::SUCCESS;
    }
    if opts.format == Format::Human {
        let line = match lang {
            Lang::Ja => format!("{applied} 件の修正を適用しました"),
            Lang::En => format!("applied {applied} fix{}", if applied == 1 { "" } else { "es" }),
        };
        eprintln!("{line}");
    }
    report(&checked, opts, lang)
}

/// Writes beside the file, then renames over it: a reader never sees half a draft.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("draft");
    let tmp = path.with_file_name(format!(".{name}.senshin-lint.tmp"));
    std::fs::write(&tmp, bytes)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
