//! What `check` reads: files, folders (walked for the YAML files that are report drafts) and `-` for standard
//! input, in a deterministic order: the arguments' order, a folder's files sorted by name. A folder walk never
//! follows a link to a folder (a link to `.` would walk for ever) and takes only regular files.

use crate::ide::is_yaml_name;
use crate::read::{self, Unreadable};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// An argument of `check`, looked at before anything is read or printed.
pub enum Arg {
    Stdin,
    File(PathBuf),
    Folder(PathBuf),
}

/// Sorts the arguments into files and folders; a path that does not exist or is neither (a FIFO, a device, a
/// socket) stops the run before any output.
pub fn classify(paths: &[PathBuf]) -> Result<Vec<Arg>, (PathBuf, Unreadable)> {
    paths
        .iter()
        .map(|path| {
            if path.as_os_str() == "-" {
                return Ok(Arg::Stdin);
            }
            let meta = std::fs::metadata(path).map_err(|e| (path.clone(), e.into()))?;
            match () {
                _ if meta.is_dir() => Ok(Arg::Folder(path.clone())),
                _ if meta.is_file() => Ok(Arg::File(path.clone())),
                _ => Err((path.clone(), Unreadable::NotRegular(read::kind(&meta.file_type())))),
            }
        })
        .collect()
}

/// Folders never descended into: dependencies and build output (hidden folders, `.git` among them, neither).
const SKIPPED: [&str; 3] = ["node_modules", "target", "vendor"];

/// The YAML files below `dir` that are regular files (a link to one is taken; a link to a folder is not
/// followed), sorted, lazily: a folder of 10,000 drafts is never listed whole.
pub fn walk(dir: &Path) -> impl Iterator<Item = Result<PathBuf, (PathBuf, Unreadable)>> {
    WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_str().unwrap_or("");
            e.depth() == 0 || !(name.starts_with('.') || SKIPPED.contains(&name))
        })
        .filter_map(|entry| match entry {
            Err(e) => {
                let path = e.path().map_or_else(PathBuf::new, Path::to_owned);
                Some(Err((path, Unreadable::Io(e.into()))))
            }
            Ok(e) if !is_yaml_name(&e.file_name().to_string_lossy()) => None,
            Ok(e) if e.file_type().is_file() => Some(Ok(e.into_path())),
            // A link is taken when it leads to a regular file; a FIFO, a device or a folder is passed by.
            Ok(e) if e.path_is_symlink() => std::fs::metadata(e.path()).ok()?.is_file().then(|| Ok(e.into_path())),
            Ok(_) => None,
        })
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
