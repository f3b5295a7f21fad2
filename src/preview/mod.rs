//! `senshin-lint preview DRAFT`: the rendered report served on the loopback interface, re-rendered whenever the
//! draft (or a configuration beside it) is saved, for officials who edit the draft in any text editor and keep
//! the report open beside it. The page is the one `render` writes, with one script more that reloads it.
//!
//! Only this machine can reach it (127.0.0.1, a port the system chooses) and only with the URL's random token:
//! drafts are confidential, and other programs on the PC, or pages in the browser, must not read them.

mod serve;
mod watch;

use crate::cli::{Rendered, rendered};
use crate::cli::{fail, say};
use crate::diagnostics::{Lang, Message, found};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// What the server hands out: the latest page and its generation (1 for the first, one more per change).
pub(crate) struct Page {
    pub generation: u64,
    pub html: String,
}

/// The draft, its configuration and the page's language: everything a re-render needs.
pub(crate) struct Draft {
    pub path: PathBuf,
    pub config: Option<PathBuf>,
    pub lang: Lang,
    /// How many times it has been rendered, for `/<token>/status`: a test sees that idle means idle.
    pub renders: AtomicU64,
}

impl Draft {
    pub fn render(&self, generation: u64) -> Result<Rendered, Message> {
        self.renders.fetch_add(1, Ordering::Relaxed);
        rendered(&self.path, self.config.as_deref(), self.lang, false, Some(generation))
    }
}

/// A token no other program can guess: 128 bits from the system's generator.
fn token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

pub fn run(path: &Path, config: Option<&Path>, lang: Option<Lang>, open: bool) -> ExitCode {
    // The language as `check` resolves it, and the configuration's mistakes said once, at the start.
    let lang = match crate::cli::for_draft(path, config, lang) {
        Ok((lang, _)) => lang,
        Err(code) => return code,
    };
    let draft =
        Arc::new(Draft { path: path.to_owned(), config: config.map(Path::to_owned), lang, renders: AtomicU64::new(0) });
    // A draft that cannot be read at all is said at once; one that does not parse still renders.
    let first = match draft.render(1) {
        Ok(r) => r,
        Err(m) => return fail(&m, lang),
    };
    let (tx, rx) = tokio::sync::watch::channel(Arc::new(Page { generation: 1, html: first.html }));
    // Watching stops when the watcher is dropped: it lives as long as the server. A save between the first
    // render and here is caught by rendering once more when the watcher is in place.
    let _watcher = match watch::start(Arc::clone(&draft), tx) {
        Ok(w) => w,
        Err(m) => return fail(&m, lang),
    };
    let Ok(token) = token() else {
        return fail(
            &Message::new(
                "乱数を得られないため、プレビューを安全に公開できません。",
                "the system's random generator failed: the preview cannot be served safely",
            ),
            lang,
        );
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_io().enable_time().build() {
        Ok(r) => r,
        Err(e) => {
            return fail(
                &Message::new(format!("プレビューを始められません（{e}）。"), format!("cannot start the preview: {e}")),
                lang,
            );
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", 0)).await {
            Ok(l) => l,
            Err(e) => {
                return fail(
                    &Message::new(
                        format!("プレビュー用のポートを開けません（{e}）。"),
                        format!("cannot listen on the loopback interface: {e}"),
                    ),
                    lang,
                );
            }
        };
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        let url = format!("http://127.0.0.1:{port}/{token}/");
        let shown = crate::cli::typed_path(path);
        let found = found(first.errors, first.warnings);
        say(
            &Message::new(
                format!(
                    "{shown} のプレビュー：{url}\n{}。下書きを保存するたびに表示を更新します。終えるには Ctrl+C を押してください。",
                    found.ja
                ),
                format!(
                    "preview of {shown}: {url}\n{}. The page is updated whenever the draft is saved. Press Ctrl+C to stop.",
                    found.en
                ),
            ),
            lang,
        );
        if open && opener::open_browser(&url).is_err() {
            say(
                &Message::new(
                    "ブラウザを開けませんでした。上のアドレスをブラウザに貼り付けて開いてください。",
                    "could not open a browser: paste the address above into one.",
                ),
                lang,
            );
        }
        match serve::serve(listener, &token, rx, draft).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&Message::new(format!("プレビューが止まりました（{e}）。"), format!("the preview stopped: {e}")), lang),
        }
    })
}
