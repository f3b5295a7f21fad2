//! The language server through the protocol: a client in this file talks JSON-RPC with `Content-Length`
//! framing to the real server over an in-memory pipe.

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf};

const PUBLISHED: &str = include_str!("../examples/r6/report.yaml");
const URI: &str = "file:///drafts/r6.yaml";

struct Client {
    write: WriteHalf<DuplexStream>,
    read: BufReader<ReadHalf<DuplexStream>>,
    next_id: i64,
    pending: VecDeque<Value>,
    server: tokio::task::JoinHandle<()>,
}

impl Client {
    fn start() -> Client {
        let (client_end, server_end) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_end);
        let server =
            tokio::spawn(senshin_lint::server::serve(server_read, server_write, Arc::new(AtomicBool::new(false))));
        let (read, write) = tokio::io::split(client_end);
        Client { write, read: BufReader::new(read), next_id: 1, pending: VecDeque::new(), server }
    }

    async fn send_raw(&mut self, bytes: &[u8]) {
        self.write.write_all(bytes).await.unwrap();
    }

    async fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.write.write_all(frame.as_bytes()).await.unwrap();
    }

    async fn read_frame(&mut self) -> Value {
        let read = async {
            let mut length = 0;
            loop {
                let mut line = String::new();
                self.read.read_line(&mut line).await.unwrap();
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            self.read.read_exact(&mut body).await.unwrap();
            serde_json::from_slice(&body).unwrap()
        };
        tokio::time::timeout(Duration::from_secs(10), read).await.expect("the server answers")
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await;
        loop {
            let msg = self.read_frame().await;
            if msg.get("id") == Some(&json!(id)) && msg.get("method").is_none() {
                return msg;
            }
            self.pending.push_back(msg);
        }
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params})).await;
    }

    /// The next notification of `method`, skipping others (log messages).
    async fn notification(&mut self, method: &str) -> Value {
        loop {
            let msg = match self.pending.pop_front() {
                Some(m) => m,
                None => self.read_frame().await,
            };
            if msg["method"] == method {
                return msg["params"].clone();
            }
        }
    }

    async fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let result = self
            .request(
                "initialize",
                json!({"capabilities": capabilities, "initializationOptions": options, "locale": "en"}),
            )
            .await;
        self.notify("initialized", json!({})).await;
        result["result"].clone()
    }

    async fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
        )
        .await;
    }

    async fn finish(mut self) {
        let r = self.request("shutdown", Value::Null).await;
        assert!(r.get("error").is_none());
        self.notify("exit", Value::Null).await;
        tokio::time::timeout(Duration::from_secs(5), self.server).await.expect("the server stops after exit").unwrap();
    }
}

fn rules(diags: &Value) -> Vec<String> {
    diags.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_owned()).collect()
}

/// Line and character of the first occurrence of `needle` in UTF-16 units.
fn utf16_position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].encode_utf16().count())
}

#[tokio::test]
async fn diagnostics_at_exact_utf16_positions() {
    let mut c = Client::start();
    let result = c.initialize(json!({}), json!({})).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    c.open(URI, PUBLISHED).await;
    let p = c.notification("textDocument/publishDiagnostics").await;
    assert_eq!(p["version"], 1);
    assert_eq!(
        rules(&p["diagnostics"]),
        ["summary-vs-costs", "history-vs-report", "mixed-punctuation", "mixed-punctuation", "prior-cases"]
    );
    let d = &p["diagnostics"][0];
    let (line, col) = utf16_position(PUBLISHED, "約911.1億円");
    assert_eq!(d["range"]["start"], json!({"line": line, "character": col}));
    assert_eq!(d["range"]["end"], json!({"line": line, "character": col + 8}));
    assert_eq!(d["codeDescription"]["href"], "senshin-lint:rules/summary-vs-costs");
    assert_eq!(d["relatedInformation"][0]["location"]["uri"], URI);
    assert!(d["message"].as_str().unwrap().contains("約911.2億円"));
    c.finish().await;
}

#[tokio::test]
async fn utf8_is_negotiated_when_offered() {
    let mut c = Client::start();
    let result = c.initialize(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}), json!({})).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    c.open(URI, PUBLISHED).await;
    let p = c.notification("textDocument/publishDiagnostics").await;
    let d = &p["diagnostics"][0];
    assert_eq!(d["range"]["start"]["character"], 16);
    assert_eq!(d["range"]["end"]["character"], 16 + "約911.1億円".len());
    c.finish().await;
}

#[tokio::test]
async fn incremental_edits_and_versions() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({})).await;
    c.open(URI, PUBLISHED).await;
    c.notification("textDocument/publishDiagnostics").await;
    // Replace 911.1 by 911.2 inside `約911.1億円` (UTF-16 columns).
    let (line, col) = utf16_position(PUBLISHED, "約911.1億円");
    let range = json!({"start": {"line": line, "character": col + 1}, "end": {"line": line, "character": col + 6}});
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": range, "text": "911.2"}]}),
    )
    .await;
    let p = c.notification("textDocument/publishDiagnostics").await;
    assert_eq!(p["version"], 2);
    assert_eq!(
        rules(&p["diagnostics"]),
        ["history-vs-report", "mixed-punctuation", "mixed-punctuation", "prior-cases"]
    );
    // A change to a document that is not open is ignored, and the server keeps serving.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere.yaml", "version": 1}, "contentChanges": [{"text": "x"}]}),
    )
    .await;
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": "file:///nowhere.yaml"}, "range": range, "context": {"diagnostics": []}}),
        )
        .await;
    assert_eq!(r["result"], Value::Null);
    c.finish().await;
}

#[tokio::test]
async fn no_work_is_repeated_for_unchanged_documents() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({})).await;
    let other = "file:///drafts/small.yaml";
    c.open(URI, PUBLISHED).await;
    c.open(other, include_str!("../examples/small/report.yaml")).await;
    for _ in 0..2 {
        c.notification("textDocument/publishDiagnostics").await;
    }
    let status = c.request("senshin-lint/status", Value::Null).await;
    assert_eq!(status["result"], json!({"documents": 2, "analyses": 2}));
    // Editing one document analyses that one only.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": PUBLISHED.replace("911.1", "911.2")}]}),
    )
    .await;
    assert_eq!(c.notification("textDocument/publishDiagnostics").await["uri"], URI);
    // New settings change what is shown, not what is found: both are shown again, neither analysed again.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"senshinLint": {"language": "ja"}}})).await;
    let mut shown = Vec::new();
    for _ in 0..2 {
        let p = c.notification("textDocument/publishDiagnostics").await;
        shown.push(p["uri"].as_str().unwrap().to_owned());
    }
    shown.sort();
    assert_eq!(shown, [URI, other]);
    // Pulling diagnostics, hovering: answered from the analysis at hand.
    c.request("textDocument/diagnostic", json!({"textDocument": {"uri": other}})).await;
    c.request("textDocument/hover", json!({"textDocument": {"uri": other}, "position": {"line": 10, "character": 6}}))
        .await;
    let status = c.request("senshin-lint/status", Value::Null).await;
    assert_eq!(status["result"], json!({"documents": 2, "analyses": 3}));
    c.finish().await;
}

/// Applies LSP text edits (UTF-16) to a text.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| {
        let (line, ch) = (pos["line"].as_u64().unwrap() as usize, pos["character"].as_u64().unwrap() as usize);
        let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[line_start..].char_indices() {
            if units >= ch {
                return line_start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().unwrap().to_owned()))
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (a, b, t) in edits {
        out.replace_range(a..b, &t);
    }
    out
}

#[tokio::test]
async fn a_code_action_applied_through_the_protocol_removes_its_diagnostic() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({})).await;
    c.open(URI, PUBLISHED).await;
    let p = c.notification("textDocument/publishDiagnostics").await;
    let d = p["diagnostics"][0].clone();
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": d["range"], "context": {"diagnostics": [d]}}),
        )
        .await;
    let actions = r["result"].as_array().unwrap();
    let fix = actions.iter().find(|a| a["title"] == "change it to 約911.2億円").expect("the fix is offered");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], false, "rewriting a figure is not safe");
    assert!(actions.iter().any(|a| a["title"] == "Ignore summary-vs-costs on this line"));
    let edits = fix["edit"]["changes"][URI].as_array().unwrap();
    let fixed = apply(PUBLISHED, edits);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": fixed}]}),
    )
    .await;
    let p = c.notification("textDocument/publishDiagnostics").await;
    assert!(!rules(&p["diagnostics"]).contains(&"summary-vs-costs".to_owned()));
    c.finish().await;
}

#[tokio::test]
async fn ordinary_yaml_gets_no_report_diagnostics() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({})).await;
    c.open("file:///repo/.github/workflows/ci.yml", "on: push\njobs:\n  test: {runs-on: ubuntu-latest}\n").await;
    let p = c.notification("textDocument/publishDiagnostics").await;
    assert_eq!(p["diagnostics"], json!([]));
    c.finish().await;
}

#[tokio::test]
async fn pull_diagnostics_and_settings() {
    let mut c = Client::start();
    let options = json!({"language": "ja", "rules": {"mixed-punctuation": "off", "prior-cases": "error"}});
    c.initialize(json!({"textDocument": {"diagnostic": {}}}), options).await;
    c.open(URI, PUBLISHED).await;
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": URI}})).await;
    let items = &r["result"]["items"];
    assert_eq!(rules(items), ["summary-vs-costs", "history-vs-report", "prior-cases"]);
    assert_eq!(items[2]["severity"], 1, "prior-cases raised to an error");
    assert!(items[0]["message"].as_str().unwrap().contains("四捨五入"), "messages in Japanese");
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"senshinLint": {"language": "en", "rules": {}}}}))
        .await;
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": URI}})).await;
    assert_eq!(rules(&r["result"]["items"]).len(), 5);
    assert!(r["result"]["items"][0]["message"].as_str().unwrap().contains("rounded half up"));
    c.finish().await;
}

fn position_of(text: &str, needle: &str, delta: usize) -> Value {
    let (line, col) = utf16_position(text, needle);
    json!({"line": line, "character": col + delta})
}

#[tokio::test]
async fn hover_inlay_hints_symbols_definition_completion() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({"language": "ja", "inlayHints": "differing"})).await;
    c.open(URI, PUBLISHED).await;
    c.notification("textDocument/publishDiagnostics").await;
    let doc = json!({"uri": URI});

    let h = c
        .request(
            "textDocument/hover",
            json!({"textDocument": doc, "position": position_of(PUBLISHED, "約911.1億円", 2)}),
        )
        .await;
    let value = h["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.ends_with("Σ 総合計 = 91,117,710,124 円 ≈ 911.18 億円 → 約911.2億円"), "{value}");
    assert_eq!(h["result"]["range"]["start"], position_of(PUBLISHED, "約911.1億円", 0));

    let end = json!({"line": PUBLISHED.lines().count() + 1, "character": 0});
    let r = c
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": doc, "range": {"start": {"line": 0, "character": 0}, "end": end}}),
        )
        .await;
    let hints = r["result"].as_array().unwrap();
    let labels: Vec<&str> = hints.iter().map(|h| h["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["≠ 約911.2億円", "≠ 約119億円"]);
    assert_eq!(hints[0]["position"], position_of(PUBLISHED, "約911.1億円", 8));

    let r = c.request("textDocument/documentSymbol", json!({"textDocument": doc})).await;
    let costs = &r["result"][4];
    assert_eq!(costs["name"], "costs");
    assert_eq!(costs["children"][0]["children"][0]["name"], "告示番号 1 陽子線治療");

    let entry = "    - notice: \"26\"\n      name: \"血中";
    let r = c
        .request("textDocument/definition", json!({"textDocument": doc, "position": position_of(PUBLISHED, entry, 15)}))
        .await;
    let row_line = PUBLISHED[..PUBLISHED.find("notice: \"26\"").unwrap()].matches('\n').count();
    assert_eq!(r["result"]["range"]["start"]["line"], row_line);

    let typed = format!("{PUBLISHED}    - notice: ");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": typed}]}),
    )
    .await;
    c.notification("textDocument/publishDiagnostics").await;
    let last = typed.lines().count() - 1;
    let r = c
        .request("textDocument/completion", json!({"textDocument": doc, "position": {"line": last, "character": 14}}))
        .await;
    let first = &r["result"][0];
    assert_eq!(first["label"], "2");
    assert_eq!(first["insertText"], "\"2\"");
    c.finish().await;
}

#[tokio::test]
async fn malformed_frames_invalid_json_and_unknown_methods_leave_the_server_serving() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({})).await;
    // Invalid JSON in a well-formed frame: a parse error, then business as usual.
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json").await;
    let err = c.read_frame().await;
    assert_eq!(err["error"]["code"], -32700);
    // A frame whose header is garbage is answered with a parse error too.
    c.send_raw(b"Content-Length: nonsense\r\n\r\n").await;
    assert_eq!(c.read_frame().await["error"]["code"], -32700);
    // A Content-Length shorter than its body: the cut body is not JSON, and the guard finds the next
    // frame's header even where it follows the rest of the body on one line.
    let body = r#"{"jsonrpc":"2.0","id":90,"method":"shutdown"}"#;
    c.send_raw(format!("Content-Length: 10\r\n\r\n{body}").as_bytes()).await;
    assert_eq!(c.read_frame().await["error"]["code"], -32700);
    // Unknown request: MethodNotFound; unknown notification: ignored.
    let r = c.request("senshin/unknown", json!({})).await;
    assert_eq!(r["error"]["code"], -32601);
    c.notify("senshin/unknownNotification", json!({})).await;
    // A position past the end of a document, and a document that is not open.
    c.open(URI, PUBLISHED).await;
    c.notification("textDocument/publishDiagnostics").await;
    let far = json!({"line": 100_000, "character": 100_000});
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": far})).await;
    assert!(r.get("error").is_none());
    let r =
        c.request("textDocument/hover", json!({"textDocument": {"uri": "file:///closed.yaml"}, "position": far})).await;
    assert_eq!(r["result"], Value::Null);
    let range = json!({"start": far, "end": far});
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": range, "text": "\n# end"}]}),
    )
    .await;
    let p = c.notification("textDocument/publishDiagnostics").await;
    assert_eq!(p["version"], 2);
    c.finish().await;
}

#[tokio::test]
async fn a_storm_of_edits_ends_with_the_diagnostics_of_the_final_text() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({})).await;
    c.open(URI, PUBLISHED).await;
    c.notification("textDocument/publishDiagnostics").await;
    let (line, col) = utf16_position(PUBLISHED, "約911.1億円");
    let digit = json!({"start": {"line": line, "character": col + 5}, "end": {"line": line, "character": col + 6}});
    let edits = 10_000;
    for k in 0..edits {
        let text = ((k % 10).to_string()).clone();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": k + 2}, "contentChanges": [{"range": digit, "text": text}]}),
        )
        .await;
    }
    let last_version = edits + 1;
    // Every version is answered in order; the last one carries the final text's diagnostics.
    let last = loop {
        let p = c.notification("textDocument/publishDiagnostics").await;
        if p["version"] == last_version {
            break p;
        }
    };
    let final_text = PUBLISHED.replacen("約911.1億円", "約911.9億円", 1);
    let expected: Vec<String> = senshin_lint::lint(&final_text).iter().map(|d| d.rule.name().to_owned()).collect();
    assert_eq!(rules(&last["diagnostics"]), expected);
    c.finish().await;
}

/// The published report without its own rounding, so that the configuration's applies.
fn draft_without_rounding() -> String {
    PUBLISHED.lines().filter(|l| !l.trim_start().starts_with("rounding:")).map(|l| format!("{l}\n")).collect()
}

/// A folder holding a draft and its `senshin-lint.toml`, at a repository's root (so that the search for the
/// configuration stops there).
fn project(config: &str, draft: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join("senshin-lint.toml"), config).unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    let path = dir.path().join("drafts/r6.yaml");
    std::fs::write(&path, draft).unwrap();
    let uri = format!("file://{}", path.display());
    (dir, path, uri)
}

/// What the command line reports for a draft, as (rule, severity, line from 0, message in English).
fn cli_findings(args: &[&str], path: &std::path::Path) -> Vec<(String, String, u64, String)> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(["check", "--format", "json", "--lang", "en"])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found: Vec<_> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let (rule, severity) = (d["rule"].as_str().unwrap().to_owned(), d["severity"].as_str().unwrap().to_owned());
            let line = d["range"]["start"]["line"].as_u64().unwrap() - 1;
            (rule, severity, line, d["message"].as_str().unwrap().to_owned())
        })
        .collect();
    found.sort();
    found
}

/// The same, from a `publishDiagnostics` notification.
fn server_findings(published: &Value) -> Vec<(String, String, u64, String)> {
    let severity = |n: u64| ["", "error", "warning", "info", "info"][n as usize].to_owned();
    let mut found: Vec<_> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let rule = d["code"].as_str().unwrap().to_owned();
            let line = d["range"]["start"]["line"].as_u64().unwrap();
            // The server puts the notes below the message; the command line's JSON keeps them apart.
            let message = d["message"].as_str().unwrap().lines().next().unwrap_or_default().to_owned();
            (rule, severity(d["severity"].as_u64().unwrap()), line, message)
        })
        .collect();
    found.sort();
    found
}

const CONFIG: &str = "rounding = \"down\"\n[rules]\nmixed-punctuation = \"off\"\nhistory-vs-report = \"warning\"\n";

#[tokio::test]
async fn check_check_fix_and_the_server_find_the_same_under_one_configuration() {
    let (dir, path, uri) = project(CONFIG, &draft_without_rounding());
    let checked = cli_findings(&[], &path);
    // The configuration applies: rounding down breaks summary figures, levels change and silence rules.
    assert!(checked.iter().filter(|f| f.0 == "summary-vs-costs").count() >= 3, "{checked:#?}");
    assert!(checked.iter().any(|f| f.0 == "history-vs-report" && f.1 == "warning"));
    assert!(!checked.iter().any(|f| f.0 == "mixed-punctuation"));
    let mut c = Client::start();
    c.initialize(json!({}), json!({})).await;
    c.open(&uri, &std::fs::read_to_string(&path).unwrap()).await;
    let shown = loop {
        let p = c.notification("textDocument/publishDiagnostics").await;
        if p["uri"] == uri.as_str() {
            break p;
        }
    };
    assert_eq!(server_findings(&shown), checked, "the editor and the command line disagree");
    // `--fix --unsafe-fixes` reports the diagnostics of the fixed draft: the same as checking it, and as the
    // server's for its text.
    let fixed = cli_findings(&["--fix", "--unsafe-fixes"], &path);
    assert_ne!(fixed, checked, "fixes were applied");
    assert_eq!(cli_findings(&[], &path), fixed);
    let text = std::fs::read_to_string(&path).unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    )
    .await;
    let shown = c.notification("textDocument/publishDiagnostics").await;
    assert_eq!(server_findings(&shown), fixed);
    c.finish().await;
    drop(dir);
}

#[tokio::test]
async fn the_server_follows_a_configuration_changed_while_it_runs() {
    let (dir, path, uri) = project(CONFIG, &draft_without_rounding());
    let config_path = dir.path().join("senshin-lint.toml");
    let config_uri = format!("file://{}", config_path.display());
    let mut c = Client::start();
    let watching = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    c.initialize(watching, json!({})).await;
    c.open(&uri, &std::fs::read_to_string(&path).unwrap()).await;
    let next = async |c: &mut Client, uri: &str| loop {
        let p = c.notification("textDocument/publishDiagnostics").await;
        if p["uri"] == uri {
            break server_findings(&p);
        }
    };
    let before = next(&mut c, &uri).await;
    assert!(before.iter().any(|f| f.0 == "summary-vs-costs"));
    // Another program edits the file; the client tells the server of it.
    std::fs::write(
        &config_path,
        "rounding = \"half_up\"\n[rules]\nsummary-vs-costs = \"off\"\ncolumn-sum = \"info\"\n",
    )
    .unwrap();
    let changed = json!({"changes": [{"uri": config_uri, "type": 2}]});
    c.notify("workspace/didChangeWatchedFiles", changed).await;
    let after = next(&mut c, &uri).await;
    assert!(!after.iter().any(|f| f.0 == "summary-vs-costs"), "{after:#?}");
    assert_eq!(after, cli_findings(&[], &path));
    // A mistake in the configuration is shown on the file itself, as the command line reports it.
    std::fs::write(&config_path, "[rules]\ncolumn-summ = \"off\"\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": config_uri, "type": 2}]})).await;
    let on_config = next(&mut c, &config_uri).await;
    assert_eq!(on_config.len(), 1);
    assert!(on_config[0].3.contains("did you mean `column-sum`"), "{on_config:?}");
    next(&mut c, &uri).await; // the draft, under that configuration
    // Without a notification, the next edit of the draft reads the configuration again.
    std::fs::write(&config_path, "[rules]\nzero-case-name = \"off\"\nprior-cases = \"off\"\n").unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    )
    .await;
    let edited = next(&mut c, &uri).await;
    assert!(!edited.iter().any(|f| f.0 == "prior-cases" || f.0 == "zero-case-name"));
    assert_eq!(edited, cli_findings(&[], &path));
    c.finish().await;
}

#[tokio::test]
async fn a_client_in_japanese_gets_japanese_without_a_setting() {
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}, "locale": "ja"})).await;
    c.notify("initialized", json!({})).await;
    c.open(URI, PUBLISHED).await;
    let p = c.notification("textDocument/publishDiagnostics").await;
    let first = p["diagnostics"][0]["message"].as_str().unwrap();
    assert!(first.contains("一致しません") || first.contains("≠"), "{first}");
    assert!(!first.contains("total cost"), "{first}");
    c.finish().await;
}

/// Last year's and this year's drafts in one folder each, this year's naming last year's.
fn two_years() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (r5, r6) = (dir.path().join("r5/report.yaml"), dir.path().join("r6/report.yaml"));
    std::fs::create_dir_all(r5.parent().unwrap()).unwrap();
    std::fs::create_dir_all(r6.parent().unwrap()).unwrap();
    std::fs::copy("examples/r5/report.yaml", &r5).unwrap();
    let this = std::fs::read_to_string("examples/r6/report.yaml").unwrap();
    let this = this.replacen("  rounding: half_up", "  previous: ../r5/report.yaml\n  rounding: half_up", 1);
    std::fs::write(&r6, this).unwrap();
    (dir, r5, r6)
}

#[tokio::test]
async fn this_years_diagnostics_follow_last_years_draft() {
    let (_dir, r5, r6) = two_years();
    let (uri5, uri6) = (format!("file://{}", r5.display()), format!("file://{}", r6.display()));
    let mut c = Client::start();
    c.initialize(json!({}), json!({})).await;
    let next = async |c: &mut Client, uri: &str| loop {
        let p = c.notification("textDocument/publishDiagnostics").await;
        if p["uri"] == uri {
            break p["diagnostics"].clone();
        }
    };
    c.open(&uri6, &std::fs::read_to_string(&r6).unwrap()).await;
    let before = next(&mut c, &uri6).await;
    assert!(!rules(&before).iter().any(|r| r == "previous-changes"), "{before:#}");
    assert!(rules(&before).iter().any(|r| r == "previous-cases"), "last year's draft read from disk: {before:#}");
    // Last year's draft opened and changed in the editor, not saved: ⑥ of A goes from 28 to 29.
    let last = std::fs::read_to_string(&r5).unwrap();
    c.open(&uri5, &last).await;
    next(&mut c, &uri5).await;
    let changed = last.replacen("    current: 28\n", "    current: 29\n", 1);
    assert_ne!(changed, last);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri5, "version": 2}, "contentChanges": [{"text": changed}]}),
    )
    .await;
    let after = loop {
        let d = next(&mut c, &uri6).await;
        if rules(&d).iter().any(|r| r == "previous-changes") {
            break d;
        }
    };
    let d = after.as_array().unwrap().iter().find(|d| d["code"] == "previous-changes").unwrap();
    let this = std::fs::read_to_string(&r6).unwrap();
    let (line, _) = utf16_position(&this, "    previous: 28");
    assert_eq!(d["range"]["start"]["line"], json!(line), "{d:#}");
    let related = &d["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], json!(uri5), "{d:#}");
    let (line, _) = utf16_position(&changed, "    current: 29");
    assert_eq!(related["range"]["start"]["line"], json!(line));
    // Closed unsaved, last year's draft is its file again: the finding goes.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri5}})).await;
    loop {
        let d = next(&mut c, &uri6).await;
        if !rules(&d).iter().any(|r| r == "previous-changes") {
            break;
        }
    }
    c.finish().await;
}
