//! What `check` reads: files, folders (recursing into the YAML files that are report drafts) and `-` for
//! standard input. Sources come back in a deterministic order: the arguments' order, a folder's files sorted.

use crate::ide::is_report_draft;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input, read.
pub struct Source {
    /// The name shown in output: the path, or `--stdin-filename` (default `<stdin>`) for standard input.
    pub name: String,
    /// Where to write fixes back; `None` for standard input.
    pub path: Option<PathBuf>,
    pub bytes: Vec<u8>,
    /// The configuration that applies to it.
    pub config: Option<std::sync::Arc<crate::config::Config>>,
}

/// Folders never descended into: version control, dependencies and build output.
const SKIPPED: [&str; 3] = ["node_modules", "target", "vendor"];

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || SKIPPED.contains(&name) {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_yaml(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads every input. A file named on the command line is always checked (unless `drafts_only`); a YAML file
/// found in a folder only when it is a report draft and `takes` it (the configuration's include and exclude).
pub fn read(
    paths: &[PathBuf],
    stdin_name: Option<&str>,
    drafts_only: bool,
    takes: &dyn Fn(&Path) -> bool,
) -> Result<Vec<Source>, (PathBuf, std::io::Error)> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| (path.clone(), e))?;
            let name = stdin_name.unwrap_or("<stdin>").to_owned();
            if !drafts_only || is_report_draft(&name, &String::from_utf8_lossy(&bytes)) {
                out.push(Source { name, path: None, bytes, config: None });
            }
            continue;
        }
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files).map_err(|e| (path.clone(), e))?;
            for file in files.into_iter().filter(|f| takes(f)) {
                let bytes = std::fs::read(&file).map_err(|e| (file.clone(), e))?;
                let name = file.display().to_string();
                if is_report_draft(&name, &String::from_utf8_lossy(&bytes)) {
                    out.push(Source { name, path: Some(file), bytes, config: None });
                }
            }
            continue;
        }
        let bytes = std::fs::read(path).map_err(|e| (path.clone(), e))?;
        let name = path.display().to_string();
        if !drafts_only || is_report_draft(&name, &String::from_utf8_lossy(&bytes)) {
            out.push(Source { name, path: Some(path.clone()), bytes, config: None });
        }
    }
    Ok(out)
}

/// Runs `f` over the items on every core, keeping their order.
pub fn map_parallel<S: Send, T: Send>(items: Vec<S>, f: impl Fn(S) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len().max(1));
    if threads <= 1 {
        return items.into_iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let mut parts: Vec<Vec<S>> = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        parts.push(items.by_ref().take(chunk).collect());
    }
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> =
            parts.into_iter().map(|part| scope.spawn(move || part.into_iter().map(f).collect::<Vec<T>>())).collect();
        // A panic is carried on, never turned into a file that silently had no findings.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
    })
}
