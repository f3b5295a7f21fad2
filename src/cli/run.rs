//! The inputs of `check`, found and read within the limits.

use super::configs::{self, Configs};
use super::inputs::{self, Arg, Source};
use super::read::{self, Contents, Unreadable};
use super::{CheckOptions, Checked};
use crate::diagnostics::Diagnostic;
use crate::ide::is_report_draft;
use crate::rules;
use crate::text::Span;
use std::path::{Path, PathBuf};

/// Why a run stopped before its end.
pub enum Stop {
    Input(PathBuf, Unreadable),
}

/// A draft over the size limit, reported without reading it.
fn too_large(name: &str, size: Option<u64>) -> Checked {
    let d = Diagnostic::new(&rules::yaml_syntax::RULE, Span::empty(0), read::too_large(size));
    Checked { path: name.to_owned(), text: String::new(), diagnostics: vec![d] }
}

/// Reads every input whole, `--fix` writes drafts back. A draft over the limit is never given to
/// the fixer (it would write back the part that was read); it is reported instead.
pub fn read_all(args: &[Arg], opts: &CheckOptions, configs: &Configs) -> Result<(Vec<Source>, Vec<Checked>), Stop> {
    let here = configs.for_path(Path::new("."));
    let mut sources = Vec::new();
    let mut refused = Vec::new();
    let mut take = |name: String, path: Option<PathBuf>, contents: Contents, drafts_only: bool| {
        let config = match &path {
            Some(p) => configs.for_path(p),
            None => here.clone(),
        };
        match contents {
            Contents::TooLarge(size) => refused.push(too_large(&name, size)),
            Contents::Bytes(bytes) => {
                if !drafts_only || is_report_draft(&name, &String::from_utf8_lossy(&bytes)) {
                    sources.push(Source { name, path, bytes, config });
                }
            }
        }
    };
    for arg in args {
        match arg {
            Arg::Stdin => {
                let contents =
                    read::capped(std::io::stdin().lock(), 0).map_err(|e| Stop::Input("-".into(), e.into()))?;
                let name = opts.stdin_filename.as_deref().unwrap_or("<stdin>").to_owned();
                take(name, None, contents, opts.drafts_only);
            }
            Arg::File(path) => {
                let contents = read::file(path).map_err(|e| Stop::Input(path.clone(), e))?;
                take(path.display().to_string(), Some(path.clone()), contents, opts.drafts_only);
            }
            Arg::Folder(dir) => {
                for file in inputs::walk(dir) {
                    let file = file.map_err(|(p, e)| Stop::Input(p, e))?;
                    if configs.for_path(&file).is_some_and(|c| !c.takes(&configs::absolute(&file))) {
                        continue;
                    }
                    let contents = read::file(&file).map_err(|e| Stop::Input(file.clone(), e))?;
                    take(file.display().to_string(), Some(file), contents, true);
                }
            }
        }
    }
    let mut checked = configs.take_problems();
    checked.extend(refused);
    Ok((sources, checked))
}
