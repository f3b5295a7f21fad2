//! Re-rendering on save (notify): the draft's folder is watched, not the file, because most editors save by
//! writing a new file and renaming it over the old one. Events come in bursts; the page is rendered once the
//! burst is over, and a new generation is announced only when the page has changed.

use super::{Draft, Page};
use crate::diagnostics::Message;
use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tokio::sync::watch::Sender;

/// How long a burst of events may last: one save is a handful of events within a few milliseconds.
const QUIET: Duration = Duration::from_millis(50);
/// The longest a busy folder (a sync client, a log) may hold back a re-render.
const AT_MOST: Duration = Duration::from_millis(500);

/// Whether an event may have changed the draft or a configuration that applies to it. Reading is not a change:
/// the re-render's own opening of the draft must not set off the next one.
fn changes(event: &notify::Event, draft: &OsStr) -> bool {
    if event.need_rescan() {
        // The system dropped events: whatever happened, look again.
        return true;
    }
    let writes = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    writes && event.paths.iter().any(|p| p.file_name().is_some_and(|n| n == draft || n == crate::config::FILE_NAME))
}

/// The folders to watch: the draft's, and the one its link points into when it is a link.
fn folders(draft: &Path) -> Vec<PathBuf> {
    let parent = |p: &Path| match p.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut out = vec![parent(draft)];
    if let Ok(real) = draft.canonicalize()
        && let Ok(here) = out[0].canonicalize()
        && parent(&real) != here
    {
        out.push(parent(&real));
    }
    out
}

/// Watches the draft; each change re-renders it and, when the page differs, hands the server a new generation.
/// Once watching, it renders once more before returning (before the address is shown, so before anyone saves
/// on cue): a save between the first page and the watch is not lost.
pub fn start(draft: Arc<Draft>, pages: Sender<Arc<Page>>) -> Result<RecommendedWatcher, Message> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| cannot(&draft.path, &e))?;
    for folder in folders(&draft.path) {
        watcher.watch(&folder, RecursiveMode::NonRecursive).map_err(|e| cannot(&folder, &e))?;
    }
    let name = draft.path.file_name().map(OsStr::to_owned).unwrap_or_default();
    let target = draft.path.canonicalize().ok().and_then(|p| p.file_name().map(OsStr::to_owned));
    update(&draft, &pages);
    std::thread::spawn(move || {
        let relevant = |e: &notify::Result<notify::Event>| {
            e.as_ref().is_ok_and(|e| changes(e, &name) || target.as_ref().is_some_and(|t| changes(e, t)))
        };
        while let Ok(event) = rx.recv() {
            if !relevant(&event) {
                continue;
            }
            // Wait out the burst, but not for ever.
            let began = Instant::now();
            while began.elapsed() < AT_MOST && rx.recv_timeout(QUIET).is_ok() {}
            if !update(&draft, &pages) {
                return;
            }
        }
    });
    Ok(watcher)
}

fn cannot(folder: &Path, e: &notify::Error) -> Message {
    let shown = crate::cli::typed_path(folder);
    Message::new(format!("{shown} の変更を監視できません（{e}）。"), format!("cannot watch {shown} for changes: {e}"))
}

/// Renders the draft again and announces it if it changed; false once nobody can be told (the server is gone).
fn update(draft: &Draft, pages: &Sender<Arc<Page>>) -> bool {
    let current = pages.borrow().clone();
    let generation = current.generation + 1;
    // What it prints is for a terminal that may have gone (a launcher, `| head`): never a reason to stop.
    let mut out = std::io::stdout();
    match draft.render(generation) {
        // Saved without a change (an editor's autosave): the page stays, and so does whatever the reader has
        // opened on it.
        Ok(r) if same_page(&r.html, generation, &current) => true,
        Ok(r) => {
            let said = crate::diagnostics::found(r.errors, r.warnings);
            let m = Message::new(format!("更新しました（{}）。", said.ja), format!("updated ({}).", said.en));
            let _ = writeln!(out, "{}", m.get(draft.lang));
            pages.send(Arc::new(Page { generation, html: r.html })).is_ok()
        }
        // Mid-save the file may be missing for a moment: the last page stays until it is back.
        Err(m) => {
            let _ = writeln!(std::io::stderr(), "senshin-lint: {}", m.get(draft.lang));
            true
        }
    }
}

/// Whether `html`, rendered as `generation`, is the page `old` but for the generation it carries.
fn same_page(html: &str, generation: u64, old: &Page) -> bool {
    let mark = |g: u64| format!("data-generation=\"{g}\"");
    html.len() + mark(old.generation).len() == old.html.len() + mark(generation).len()
        && html.replacen(&mark(generation), &mark(old.generation), 1) == old.html
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind, RemoveKind, RenameMode};

    fn event(kind: EventKind, paths: &[&str]) -> notify::Event {
        let mut e = notify::Event::new(kind);
        e.paths = paths.iter().map(PathBuf::from).collect();
        e
    }

    #[test]
    fn reading_the_draft_is_not_a_change() {
        let name = OsStr::new("令和6年度.yaml");
        let at = "/d/令和6年度.yaml";
        assert!(!changes(&event(EventKind::Access(AccessKind::Open(AccessMode::Any)), &[at]), name));
        assert!(!changes(&event(EventKind::Access(AccessKind::Close(AccessMode::Read)), &[at]), name));
        assert!(changes(&event(EventKind::Access(AccessKind::Close(AccessMode::Write)), &[at]), name));
        assert!(changes(&event(EventKind::Modify(ModifyKind::Any), &[at]), name));
        assert!(changes(&event(EventKind::Create(CreateKind::File), &[at]), name));
        assert!(changes(&event(EventKind::Remove(RemoveKind::File), &[at]), name));
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert!(changes(&event(rename, &["/d/.swp", at]), name));
        assert!(changes(&event(EventKind::Modify(ModifyKind::Any), &["/d/senshin-lint.toml"]), name));
        assert!(!changes(&event(EventKind::Modify(ModifyKind::Any), &["/d/other.yaml"]), name));
        let dropped = event(EventKind::Other, &[]).set_flag(notify::event::Flag::Rescan);
        assert!(changes(&dropped, name));
    }

    #[test]
    fn a_page_differing_only_in_its_generation_is_the_same_page() {
        let old = Page { generation: 4, html: "<body data-generation=\"4\">x</body>".into() };
        assert!(same_page("<body data-generation=\"5\">x</body>", 5, &old));
        assert!(!same_page("<body data-generation=\"5\">y</body>", 5, &old));
        assert!(!same_page("<body data-generation=\"5\">xx</body>", 5, &old));
    }
}
