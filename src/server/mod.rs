//! `senshin-lint lsp`: the language server. A thin layer: handlers convert positions (in `convert`), call the
//! library, and convert back. It holds open documents in ropes, applies incremental edits, and analyses the
//! text of each version.

mod backend;
mod configs;
mod convert;
pub mod document;
pub mod frames;
mod settings;

pub use backend::Backend;
pub use convert::Encoding;
pub use settings::ClientSettings;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tower_lsp_server::{LspService, Server};

/// Serves the protocol on `input` and `output` until `exit` or the end of `input`, through the frame guard;
/// `shut_down` tells whether `shutdown` came first.
pub async fn serve<I, O>(input: I, output: O, shut_down: Arc<AtomicBool>)
where
    I: tokio::io::AsyncRead + Unpin + Send + 'static,
    O: tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let out: frames::Output = Arc::new(tokio::sync::Mutex::new(Box::new(output)));
    let (input_end, server_input) = tokio::io::duplex(1 << 16);
    let (server_output, output_end) = tokio::io::duplex(1 << 16);
    tokio::spawn(frames::guard_input(input, input_end, out.clone()));
    let forward = tokio::spawn(frames::forward_output(output_end, out.clone()));
    let (service, socket) = LspService::build(move |client| Backend::new(client, shut_down))
        .custom_method("senshin-lint/status", Backend::status)
        .finish();
    Server::new(server_input, server_output, socket).serve(service).await;
    // The server's side of the pipe is closed now: once the last frames (the answer to `shutdown`) are
    // forwarded, the forwarding ends.
    let _ = forward.await;
}

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
    runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout(), shut_down.clone()));
    // Reading standard input blocks a thread that nothing can interrupt; do not wait for it.
    runtime.shutdown_background();
    if shut_down.load(Ordering::SeqCst) { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
