//! Re-rendering on save (notify): the draft's folder is watched, not the file, because most editors save by
//! writing a new file and renaming it over the old one. Events come in bursts; the page is rendered once the
//! burst is over, and a new generation is announced only when the page has changed.

use super::{Draft, Page};
use crate::diagnostics::Message;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::ffi::OsStr;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;
use tokio::sync::watch::Sender;

/// How long a burst of events may last: one save is a handful of events within a few milliseconds.
const QUIET: Duration = Duration::from_millis(50);

/// Whether an event's path is the draft or a configuration that applies to it.
fn concerns(path: &Path, draft: &OsStr) -> bool {
    path.file_name().is_some_and(|n| n == draft || n == crate::config::FILE_NAME)
}

pub fn start(draft: Draft, pages: Sender<Arc<Page>>) -> Result<RecommendedWatcher, Message> {
    let folder = match draft.path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => ".".into(),
    };
    let cannot = |e: notify::Error| {
        Message::new(
            format!("{} の変更を見張れません（{e}）。", crate::cli::typed_path(&folder)),
            format!("cannot watch {} for changes: {e}", crate::cli::typed_path(&folder)),
        )
    };
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).map_err(cannot)?;
    watcher.watch(&folder, RecursiveMode::NonRecursive).map_err(cannot)?;
    let name = draft.path.file_name().map(OsStr::to_owned).unwrap_or_default();
    std::thread::spawn(move || {
        let relevant = |e: notify::Result<notify::Event>| e.is_ok_and(|e| e.paths.iter().any(|p| concerns(p, &name)));
        while let Ok(event) = rx.recv() {
            if !relevant(event) {
                continue;
            }
            // Wait out the burst.
            while rx.recv_timeout(QUIET).is_ok() {}
            let current = pages.borrow().clone();
            let generation = current.generation + 1;
            match draft.render(generation) {
                // Saved without a change (an editor's autosave): the page stays, and so does whatever the
                // reader has opened on it.
                Ok(r) if same_page(&r.html, generation, &current) => {}
                Ok(r) => {
                    let m = Message::new(
                        format!("更新しました（エラー{}件、警告{}件）。", r.errors, r.warnings),
                        format!("updated ({} errors, {} warnings).", r.errors, r.warnings),
                    );
                    println!("{}", m.get(draft.lang));
                    if pages.send(Arc::new(Page { generation, html: r.html })).is_err() {
                        return;
                    }
                }
                // Mid-save the file may be missing for a moment: the last page stays until it is back.
                Err(m) => eprintln!("senshin-lint: {}", m.get(draft.lang)),
            }
        }
    });
    Ok(watcher)
}

/// Whether `html`, rendered as `generation`, is the page `old` but for the generation it carries.
fn same_page(html: &str, generation: u64, old: &Page) -> bool {
    let mark = |g: u64| format!("data-generation=\"{g}\"");
    html.len() + mark(old.generation).len() == old.html.len() + mark(generation).len()
        && html.replacen(&mark(generation), &mark(old.generation), 1) == old.html
}
