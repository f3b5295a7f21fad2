//! `senshin-lint lsp`: the language server. A thin layer: handlers convert positions (in `convert`), call the
//! library, and convert back. It holds open documents in ropes, applies incremental edits, and analyses the
//! text of each version.

mod backend;
mod convert;
mod document;
mod settings;

pub use backend::Backend;
pub use settings::Settings;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tower_lsp_server::{LspService, Server};

/// Serves the protocol on standard input and output until `exit`. Per the protocol, the status is 0 when
/// `shutdown` came before `exit`, 1 otherwise.
pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("senshin-lint: cannot start the server: {e}");
            return ExitCode::from(2);
        }
    };
    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = shut_down.clone();
    runtime.block_on(async move {
        let (service, socket) = LspService::new(move |client| Backend::new(client, flag));
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket).serve(service).await;
    });
    if shut_down.load(Ordering::SeqCst) { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
