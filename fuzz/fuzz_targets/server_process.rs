//! The language server as users run it: one process of the binary named by `SENSHIN_LINT_BIN` (build it with
//! `cargo build --release`), fed for the whole run. Each input becomes a burst of frames — edits at arbitrary
//! positions, requests at arbitrary positions (code actions, hover, inlay hints, pulled diagnostics,
//! completion), closes and reopens, and frames that are not JSON-RPC or not JSON at all — written without
//! waiting for answers, as an editor does. Then a `senshin-lint/status` request must be answered within ten
//! seconds: the server neither died nor hung.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

const URI: &str = "file:///fuzz/report.yaml";
const DRAFT: &str = include_str!("../../examples/broken/report.yaml");

struct Server {
    child: Child,
    stdin: ChildStdin,
    answers: Receiver<Value>,
    next_id: i64,
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

impl Server {
    fn start() -> Server {
        let bin = std::env::var("SENSHIN_LINT_BIN").expect("SENSHIN_LINT_BIN names the senshin-lint binary");
        let mut child = Command::new(bin)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (tx, answers) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if out.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    if line.trim().is_empty() {
                        break;
                    }
                    if let Some(n) = line.trim().strip_prefix("Content-Length: ") {
                        length = n.parse().expect("the server writes a number");
                    }
                }
                let mut body = vec![0; length];
                if out.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                // Only answers to our status requests matter; the rest is drained.
                if v.get("id").and_then(Value::as_i64).is_some_and(|id| id < 0) && tx.send(v).is_err() {
                    return;
                }
            }
        });
        let mut s = Server { child, stdin, answers, next_id: 1 };
        s.send(&json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {"textDocument": {"diagnostic": {}}}}}));
        s.send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        s.open(DRAFT);
        s
    }

    fn write(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("the server reads its input");
    }

    fn send(&mut self, v: &Value) {
        self.write(&frame(v.to_string().as_bytes()));
    }

    fn open(&mut self, text: &str) {
        let doc = json!({"uri": URI, "languageId": "yaml", "version": 1, "text": text});
        self.send(&json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": doc}}));
    }

    /// The server answers a status request: alive and not hung.
    fn answers(&mut self) {
        self.next_id += 1;
        let id = -self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": "senshin-lint/status"}));
        self.stdin.flush().unwrap();
        loop {
            match self.answers.recv_timeout(Duration::from_secs(10)) {
                Ok(v) if v["id"] == id => return,
                Ok(_) => continue,
                Err(_) => {
                    let status = self.child.try_wait().ok().flatten();
                    panic!("no answer to a status request within 10 s; the server's exit status: {status:?}");
                }
            }
        }
    }
}

fn server() -> &'static Mutex<Server> {
    static SERVER: OnceLock<Mutex<Server>> = OnceLock::new();
    SERVER.get_or_init(|| Mutex::new(Server::start()))
}

const PIECES: [&str; 10] = ["", "1", "陽子線", "𠮷", "\r\n", "\n", "１，２７１", ": ", "- ", "{a: [1, "];
const METHODS: [&str; 5] =
    ["textDocument/codeAction", "textDocument/hover", "textDocument/inlayHint", "textDocument/diagnostic", "textDocument/completion"];

fuzz_target!(|data: &[u8]| {
    let mut s = server().lock().unwrap_or_else(|e| e.into_inner());
    let mut version = 1_000_000;
    for op in data.chunks(6) {
        let [kind, a, b, c, d, e] = [0, 1, 2, 3, 4, 5].map(|i| op.get(i).copied().unwrap_or(0));
        let pos = |l: u8, ch: u8| json!({"line": l % 200, "character": ch % 60});
        let range = json!({"start": pos(a, b), "end": pos(c, d)});
        let doc = json!({"uri": URI});
        match kind % 8 {
            0 | 1 | 2 => {
                version += 1;
                let text = PIECES[usize::from(e) % PIECES.len()];
                let change = if e % 32 == 31 { json!({"text": text}) } else { json!({"range": range, "text": text}) };
                let params = json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]});
                s.send(&json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params}));
            }
            3 | 4 => {
                let method = METHODS[usize::from(e) % METHODS.len()];
                let params = json!({"textDocument": doc, "range": range, "position": pos(a, b), "context": {"diagnostics": []}});
                let id = s.next_id;
                s.next_id += 1;
                s.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
            }
            5 => {
                s.send(&json!({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": doc}}));
                s.open(if e % 2 == 0 { DRAFT } else { "report:\n" });
            }
            6 => {
                // A frame of the input's own bytes: JSON or not, JSON-RPC or not.
                let rest = &data[data.len().min(usize::from(a))..];
                s.write(&frame(&rest[..rest.len().min(usize::from(b))]));
            }
            _ => {
                // Raw bytes where a header should be.
                s.write(&op[1..]);
                s.write(b"\r\n\r\n");
            }
        }
    }
    s.answers();
});
