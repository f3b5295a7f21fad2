//! The language server as its users run it: the built binary over pipes, at a real client's pace. CI runs
//! these against the release build (`SENSHIN_LINT_BIN=target/release/senshin-lint`), which also types into a
//! 10,000-row draft; otherwise they run against Cargo's build of the binary.

use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const PUBLISHED: &str = include_str!("../examples/r6/report.yaml");
const BROKEN: &str = include_str!("../examples/broken/report.yaml");
const URI: &str = "file:///drafts/report.yaml";

fn binary() -> String {
    std::env::var("SENSHIN_LINT_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_senshin-lint").to_owned())
}

fn release() -> bool {
    std::env::var_os("SENSHIN_LINT_BIN").is_some()
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Answers received, by id.
    answers: HashMap<i64, Value>,
    /// Answers with the id null (refused frames).
    refused: Vec<Value>,
    /// The methods of the server's own requests, in order (each answered with null).
    asked_by_server: Vec<String>,
}

/// Reads `Content-Length` frames until the server closes its output.
fn read_frames(out: impl Read, to: std::sync::mpsc::Sender<Value>) {
    let mut out = BufReader::new(out);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            if out.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().ok();
            }
        }
        let mut body = vec![0; length.expect("every frame has a Content-Length")];
        if out.read_exact(&mut body).is_err() {
            return;
        }
        if to.send(serde_json::from_slice(&body).expect("every frame is JSON")).is_err() {
            return;
        }
    }
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }

    /// The server with these environment variables set (and the locale variables cleared but for them).
    fn start_with(env: &[(&str, &str)]) -> Server {
        let mut command = Command::new(binary());
        if !env.is_empty() {
            command.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG").envs(env.iter().copied());
        }
        let mut child = command
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || read_frames(stdout, tx));
        Server {
            child,
            stdin,
            messages,
            next_id: 1,
            answers: HashMap::new(),
            refused: Vec::new(),
            asked_by_server: Vec::new(),
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("the server reads its input");
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// Sends a request without waiting for its answer; returns its id.
    fn ask(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Takes in what has arrived (waiting up to `wait` for the first), answering the server's own requests.
    fn take_in(&mut self, wait: Duration) -> bool {
        let first = match self.messages.recv_timeout(wait) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        };
        let rest: Vec<Value> = self.messages.try_iter().collect();
        for m in std::iter::once(first).chain(rest) {
            match (m.get("id"), m.get("method")) {
                (Some(id), Some(method)) => {
                    self.asked_by_server.push(method.as_str().unwrap_or_default().to_owned());
                    let id = id.clone();
                    self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
                }
                (Some(Value::Null), None) => self.refused.push(m),
                (Some(id), None) => {
                    self.answers.insert(id.as_i64().expect("our ids are integers"), m);
                }
                _ => {}
            }
        }
        true
    }

    /// The answer to request `id`, waiting for it.
    fn answer(&mut self, id: i64) -> Value {
        let deadline = Instant::now() + Duration::from_secs(120);
        while !self.answers.contains_key(&id) {
            assert!(Instant::now() < deadline, "no answer to request {id}");
            assert!(self.take_in(Duration::from_millis(100)), "the server closed its output waiting for {id}");
        }
        self.answers.remove(&id).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.ask(method, params);
        self.answer(id)
    }

    fn initialize(&mut self) {
        let capabilities = json!({"textDocument": {"diagnostic": {}}});
        let r = self.request("initialize", json!({"capabilities": capabilities, "locale": "en"}));
        assert!(r.get("result").is_some(), "{r}");
        self.notify("initialized", json!({}));
    }

    fn open(&mut self, uri: &str, text: &str) {
        let doc = json!({"uri": uri, "languageId": "yaml", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": doc}));
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Shuts the server down; its exit status.
    fn finish(mut self) -> Option<i32> {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        drop(self.stdin);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(Instant::now() < deadline, "the server exits after `exit`");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// (rule, start line, start UTF-16 column, end line, end column), 0-based, of a pulled report.
fn pulled(answer: &Value) -> Vec<(String, u64, u64, u64, u64)> {
    let items = answer["result"]["items"].as_array().unwrap_or_else(|| panic!("a diagnostic report: {answer}"));
    items
        .iter()
        .map(|d| {
            let r = &d["range"];
            let n = |v: &Value| v.as_u64().unwrap();
            let code = d["code"].as_str().unwrap().to_owned();
            (code, n(&r["start"]["line"]), n(&r["start"]["character"]), n(&r["end"]["line"]), n(&r["end"]["character"]))
        })
        .collect()
}

/// The same for `senshin-lint check --format json` of `text`.
fn checked(text: &str) -> Vec<(String, u64, u64, u64, u64)> {
    let mut child = Command::new(binary())
        .args(["check", "--format", "json", "--stdin-filename", "report.yaml", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = text.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = |v: &Value| v.as_u64().unwrap() - 1;
    let mut all: Vec<_> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let r = &d["range"];
            let rule = d["rule"].as_str().unwrap().to_owned();
            let (s, e) = (&r["start"], &r["end"]);
            (rule, n(&s["line"]), n(&s["column_utf16"]), n(&e["line"]), n(&e["column_utf16"]))
        })
        .collect();
    all.sort();
    all
}

/// Types into `text` the way an author does: one digit of a figure changed every `every`, each change followed
/// by the requests an editor sends when the cursor moves (code actions, hover, inlay hints, pulled diagnostics),
/// without waiting for their answers. The server must answer every request and end with the command line's
/// diagnostics for the final text.
fn type_into(text: &str, edits: usize, every: Duration) {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let figures: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let t = lines[i].trim_start();
            (t.starts_with("patients: ") || t.starts_with("cases: "))
                && lines[i].ends_with(|c: char| c.is_ascii_digit())
        })
        .collect();
    assert!(figures.len() > 3, "the draft has figures to type into");
    let mut s = Server::start();
    s.initialize();
    s.open(URI, text);
    let doc = json!({"uri": URI});
    let mut asked = Vec::new();
    for k in 0..edits {
        let line = figures[(k * 7) % figures.len()];
        let col = lines[line].len() - 1;
        let digit = char::from(b'0' + (k % 10) as u8);
        lines[line].replace_range(col.., &digit.to_string());
        let range = json!({"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}});
        let change = json!({"range": range, "text": digit.to_string()});
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": k + 2}, "contentChanges": [change]}),
        );
        let here = json!({"line": line, "character": col});
        let whole_line = json!({"start": {"line": line, "character": 0}, "end": {"line": line + 1, "character": 0}});
        let context = json!({"diagnostics": []});
        asked.push(
            s.ask("textDocument/codeAction", json!({"textDocument": doc, "range": whole_line, "context": context})),
        );
        asked.push(s.ask("textDocument/hover", json!({"textDocument": doc, "position": here})));
        let visible = json!({"start": {"line": line.saturating_sub(40), "character": 0}, "end": {"line": line + 40, "character": 0}});
        asked.push(s.ask("textDocument/inlayHint", json!({"textDocument": doc, "range": visible})));
        asked.push(s.ask("textDocument/diagnostic", json!({"textDocument": doc})));
        assert!(s.take_in(every), "the server died after {k} edits");
    }
    for id in asked {
        let a = s.answer(id);
        assert!(a.get("result").is_some(), "request {id} failed: {a}");
    }
    assert!(s.alive());
    let last = s.request("textDocument/diagnostic", json!({"textDocument": doc}));
    let mut shown = pulled(&last);
    shown.sort();
    let final_text = lines.join("\n");
    assert_eq!(shown, checked(&final_text), "the editor and the command line agree on the final text");
    assert_eq!(s.finish(), Some(0));
}

#[test]
fn typing_into_the_published_report_with_requests_after_every_edit() {
    type_into(PUBLISHED, 500, Duration::from_millis(20));
}

#[test]
fn typing_into_a_10000_row_draft() {
    if !release() {
        return; // the debug build analyses a 10,000-row draft too slowly to keep up; CI runs it on the release
    }
    let out = Command::new("python3").args(["benches/generate.py", "10000"]).output().expect("python3 runs");
    assert!(out.status.success());
    type_into(&String::from_utf8(out.stdout).unwrap(), 500, Duration::from_millis(20));
}

#[test]
fn frames_that_are_json_but_not_json_rpc_are_refused_and_the_server_goes_on() {
    let mut s = Server::start();
    s.initialize();
    s.open(URI, PUBLISHED);
    let refused_with_null = [
        "{}".to_owned(),
        "[]".to_owned(),
        "1".to_owned(),
        "\"x\"".to_owned(),
        "null".to_owned(),
        r#"{"jsonrpc":"2.0","id":{},"method":"textDocument/hover"}"#.to_owned(),
        r#"{"jsonrpc":"2.0","id":1.5,"method":"textDocument/hover"}"#.to_owned(),
        r#"{"jsonrpc":"2.0","id":18446744073709551616,"method":"textDocument/hover"}"#.to_owned(),
        r#"{"jsonrpc":"2.0","id":[1],"method":"textDocument/hover"}"#.to_owned(),
    ];
    let refused_with_id = [
        r#"{"id":9001,"method":"senshin-lint/status"}"#,
        r#"{"jsonrpc":"1.0","id":9002,"method":"senshin-lint/status"}"#,
    ];
    let ignored = [
        r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":7}"#,
        r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}}"#,
        r#"{"jsonrpc":"2.0","id":77}"#,
    ];
    for body in refused_with_null.iter().map(String::as_str).chain(refused_with_id).chain(ignored) {
        s.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }
    // A header line of a megabyte, then a frame that is fine.
    s.send_raw(&[b'X'; 1 << 20]);
    s.send_raw(b"\r\n\r\n");
    let status = s.request("senshin-lint/status", Value::Null);
    assert_eq!(status["result"]["documents"], 1, "{status}");
    for id in [9001, 9002] {
        assert_eq!(s.answer(id)["error"]["code"], -32600);
    }
    while s.refused.len() < refused_with_null.len() {
        assert!(s.take_in(Duration::from_secs(10)));
    }
    assert!(s.refused.iter().all(|r| r["error"]["code"] == -32600 || r["error"]["code"] == -32700));
    let bad_params = s.request("textDocument/hover", json!({}));
    assert!(bad_params.get("error").is_some(), "{bad_params}");
    assert!(s.alive());
    assert_eq!(s.finish(), Some(0));
}

#[test]
fn a_document_closed_and_reopened_shows_the_new_texts_diagnostics() {
    // A large text first, so that its analysis is still running when the document is reopened.
    let out = Command::new("python3").args(["benches/generate.py", "3000"]).output().expect("python3 runs");
    let large = String::from_utf8(out.stdout).unwrap();
    let expected = checked(BROKEN);
    assert!(expected.len() > 5);
    for _ in 0..3 {
        let mut s = Server::start();
        s.initialize();
        s.open(URI, &large);
        s.notify("textDocument/didClose", json!({"textDocument": {"uri": URI}}));
        s.open(URI, BROKEN);
        let pulled_now = s.request("textDocument/diagnostic", json!({"textDocument": {"uri": URI}}));
        let mut shown = pulled(&pulled_now);
        shown.sort();
        assert_eq!(shown, expected);
        let last_line = BROKEN.lines().count();
        let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": last_line, "character": 0}});
        let actions = s.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": whole, "context": {"diagnostics": []}}),
        );
        for a in actions["result"].as_array().unwrap() {
            for e in a["edit"]["changes"][URI].as_array().unwrap() {
                assert!(e["range"]["end"]["line"].as_u64().unwrap() <= last_line as u64, "an edit inside B: {e}");
            }
        }
        assert_eq!(s.finish(), Some(0));
    }
}

#[test]
fn an_untitled_yaml_buffer_is_checked_like_a_file() {
    let mut s = Server::start();
    s.initialize();
    let uri = "untitled:Untitled-1";
    s.open(uri, BROKEN);
    let answer = s.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    let mut shown = pulled(&answer);
    shown.sort();
    assert_eq!(shown, checked(BROKEN));
    assert_eq!(s.finish(), Some(0));
}

/// An editor that sends no locale (Neovim) on a Japanese system gets Japanese, with no setting.
#[test]
fn a_japanese_system_gets_japanese_when_the_client_says_nothing() {
    let mut s = Server::start_with(&[("LANG", "ja_JP.UTF-8")]);
    let id = s.ask("initialize", json!({"capabilities": {"textDocument": {"diagnostic": {}}}}));
    s.answer(id);
    s.notify("initialized", json!({}));
    let text = include_str!("../examples/r6/report.yaml");
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "file:///r6.yaml", "languageId": "yaml", "version": 1, "text": text}}),
    );
    let id = s.ask("textDocument/diagnostic", json!({"textDocument": {"uri": "file:///r6.yaml"}}));
    let answer = s.answer(id);
    let first = answer["result"]["items"][0]["message"].as_str().unwrap().to_owned();
    assert!(first.contains("総金額") && !first.contains("total cost"), "{first}");
}

/// The release server and the command line read the same `senshin-lint.toml`, and the server follows it when
/// it changes while it runs, as a client that watches files tells it.
#[test]
fn the_built_server_and_the_command_line_follow_one_configuration() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let config = dir.path().join("senshin-lint.toml");
    std::fs::write(&config, "[rules]\nmixed-punctuation = \"off\"\n").unwrap();
    let draft = dir.path().join("r6.yaml");
    std::fs::write(&draft, include_str!("../examples/r6/report.yaml")).unwrap();
    let (uri, config_uri) = (format!("file://{}", draft.display()), format!("file://{}", config.display()));
    // What the command line finds: (rule, line from 0).
    let cli = || -> Vec<(String, u64)> {
        let out = Command::new(binary()).args(["check", "--format", "json"]).arg(&draft).output().unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut found: Vec<_> = v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["rule"].as_str().unwrap().to_owned(), d["range"]["start"]["line"].as_u64().unwrap() - 1))
            .collect();
        found.sort();
        found
    };
    let mut s = Server::start();
    let capabilities = json!({"textDocument": {"diagnostic": {}}, "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let id = s.ask("initialize", json!({"capabilities": capabilities}));
    s.answer(id);
    s.notify("initialized", json!({}));
    let text = std::fs::read_to_string(&draft).unwrap();
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
    );
    let pulled = |s: &mut Server| -> Vec<(String, u64)> {
        let id = s.ask("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
        let answer = s.answer(id);
        let mut found: Vec<_> = answer["result"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].as_str().unwrap().to_owned(), d["range"]["start"]["line"].as_u64().unwrap()))
            .collect();
        found.sort();
        found
    };
    let before = pulled(&mut s);
    assert!(!before.iter().any(|(r, _)| r == "mixed-punctuation"));
    assert_eq!(before, cli());
    std::fs::write(&config, "[rules]\nprior-cases = \"off\"\nsummary-vs-costs = \"off\"\n").unwrap();
    s.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": config_uri, "type": 2}]}));
    let after = pulled(&mut s);
    assert!(after.iter().any(|(r, _)| r == "mixed-punctuation"), "{after:?}");
    assert!(!after.iter().any(|(r, _)| r == "prior-cases" || r == "summary-vs-costs"), "{after:?}");
    assert_eq!(after, cli());
    assert_eq!(s.finish(), Some(0));
}

/// Year over year, as VS Code meets it: a client that pulls diagnostics has both years open; last year's draft
/// is changed in the editor, unsaved; the built server asks the client to pull again, and this year's
/// diagnostics then say what the command line says once the change is saved, with the label in last year's
/// file.
#[test]
fn the_built_server_asks_a_pulling_client_again_when_last_years_draft_changes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let (r5, r6) = (dir.path().join("r5/report.yaml"), dir.path().join("r6/report.yaml"));
    std::fs::create_dir_all(r5.parent().unwrap()).unwrap();
    std::fs::create_dir_all(r6.parent().unwrap()).unwrap();
    let last = include_str!("../examples/r5/report.yaml");
    std::fs::write(&r5, last).unwrap();
    let this = PUBLISHED.replacen("  rounding: half_up", "  previous: ../r5/report.yaml\n  rounding: half_up", 1);
    std::fs::write(&r6, &this).unwrap();
    let (uri5, uri6) = (format!("file://{}", r5.display()), format!("file://{}", r6.display()));
    let mut s = Server::start();
    let capabilities =
        json!({"textDocument": {"diagnostic": {}}, "workspace": {"diagnostics": {"refreshSupport": true}}});
    let id = s.ask("initialize", json!({"capabilities": capabilities, "locale": "en"}));
    s.answer(id);
    s.notify("initialized", json!({}));
    s.open(&uri6, &this);
    s.open(&uri5, last);
    let pull = |s: &mut Server| s.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri6}}));
    let rules = |answer: &Value| -> Vec<String> {
        answer["result"]["items"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_owned()).collect()
    };
    let before = pull(&mut s);
    assert!(rules(&before).contains(&"previous-cases".to_owned()), "{before}");
    assert!(!rules(&before).contains(&"previous-changes".to_owned()), "{before}");
    // ⑥ of A, 28 → 29, typed in the editor.
    let changed = last.replacen("    current: 28\n", "    current: 29\n", 1);
    assert!(changed != last);
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri5, "version": 2}, "contentChanges": [{"text": changed}]}),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while !s.asked_by_server.iter().any(|m| m == "workspace/diagnostic/refresh") {
        assert!(Instant::now() < deadline, "no refresh asked: {:?}", s.asked_by_server);
        assert!(s.take_in(Duration::from_millis(100)));
    }
    let after = pull(&mut s);
    let found = after["result"]["items"].as_array().unwrap().iter().find(|d| d["code"] == "previous-changes");
    let d = found.unwrap_or_else(|| panic!("{after}"));
    assert_eq!(d["relatedInformation"][0]["location"]["uri"], json!(uri5));
    // The command line, once the change is saved, finds the same at the same lines.
    std::fs::write(&r5, &changed).unwrap();
    let out = Command::new(binary()).args(["check", "--format", "json"]).arg(&r6).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let cli =
        v["files"][0]["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "previous-changes").cloned();
    let cli = cli.unwrap_or_else(|| panic!("{v}"));
    assert_eq!(cli["range"]["start"]["line"].as_u64().unwrap() - 1, d["range"]["start"]["line"].as_u64().unwrap());
    let (label, related) = (&cli["labels"][0], &d["relatedInformation"][0]["location"]);
    assert!(label["path"].as_str().unwrap().ends_with("r5/report.yaml"), "{label}");
    assert_eq!(
        label["range"]["start"]["line"].as_u64().unwrap() - 1,
        related["range"]["start"]["line"].as_u64().unwrap()
    );
    assert_eq!(s.finish(), Some(0));
}
