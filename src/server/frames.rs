//! A guard in front of the protocol library: it reads LSP frames from standard input, passes on only
//! well-formed JSON-RPC 2.0 messages, and answers the rest: a bad `Content-Length` or a body that is not JSON
//! with a parse error, JSON that is no JSON-RPC message (`{}`, `[]`, a missing or wrong `jsonrpc`, an id that
//! is an object, a fraction or beyond 64 bits) with an invalid-request error, or, for a notification, a line in
//! the log. The library's own decoder ends the session at the first such frame; a client's slip must not cost
//! the author the server. Header lines are bounded. Output frames from the server and from the guard are
//! written whole, one at a time.

use serde_json::Value;
use std::sync::Arc;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::Mutex;

/// Largest frame accepted: a draft at the size limit, escaped as JSON.
const MAX_FRAME: usize = 4 * crate::MAX_FILE_BYTES;

pub type Output = Arc<Mutex<Box<dyn AsyncWrite + Send + Unpin>>>;

async fn write_frame(out: &Output, body: &[u8]) {
    let mut out = out.lock().await;
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    // A client that is gone cannot be told anything; the input side will see the end of the stream.
    let _ = out.write_all(header.as_bytes()).await;
    let _ = out.write_all(body).await;
    let _ = out.flush().await;
}

/// Longest header line read; the rest of a longer one is skipped.
const MAX_HEADER_LINE: usize = 1024;

/// JSON-RPC's error codes for what the guard refuses.
const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;

async fn refuse(out: &Output, id: Value, code: i64, why: &str) {
    log(&format!("ignored a malformed message: {why}"));
    let kind = if code == PARSE_ERROR { "Parse error" } else { "Invalid request" };
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": code, "message": format!("{kind}: {why}")},
    });
    write_frame(out, body.to_string().as_bytes()).await;
}

async fn parse_error(out: &Output, why: &str) {
    refuse(out, Value::Null, PARSE_ERROR, why).await;
}

/// A line in the server's log (standard error); a log that is gone is no reason to stop serving.
fn log(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "senshin-lint: {line}");
}

/// An id the protocol library can carry: a string, an integer within 64 bits, or null.
fn valid_id(id: &Value) -> bool {
    id.is_string() || id.is_i64() || id.is_null()
}

/// Why a JSON value is not a JSON-RPC 2.0 message, and the id to answer with (`None`: a notification, which
/// gets no answer).
fn not_json_rpc(message: &Value) -> Option<(Option<Value>, &'static str)> {
    let Some(object) = message.as_object() else {
        return Some((Some(Value::Null), "a message is a JSON object"));
    };
    let id = object.get("id");
    let answer_to = match id {
        Some(id) if valid_id(id) => Some(id.clone()),
        Some(_) => return Some((Some(Value::Null), "an id is a string or an integer of at most 64 bits")),
        // Without an id, a message with a method is a notification, and one without is answered with null.
        None if object.contains_key("method") => None,
        None => Some(Value::Null),
    };
    let why = if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        "`jsonrpc` must be \"2.0\""
    } else if let Some(method) = object.get("method") {
        if !method.is_string() {
            "`method` must be a string"
        } else if object.get("params").is_some_and(|p| !p.is_object() && !p.is_array() && !p.is_null()) {
            "`params` must be an object or an array"
        } else {
            return None;
        }
    } else if id.is_none() {
        return Some((Some(Value::Null), "a message has a method or an id"));
    } else if object.contains_key("result") == object.contains_key("error") {
        // A response to the server's own request; nobody to answer if it is malformed.
        return Some((None, "a response has either a result or an error"));
    } else {
        return None;
    };
    Some((answer_to, why))
}

/// Reads one line of at most `MAX_HEADER_LINE` bytes into `line`; the rest of a longer line is read and
/// dropped. `Ok(false)` at the end of the input.
async fn read_header_line(input: &mut (impl AsyncBufRead + Unpin), line: &mut Vec<u8>) -> std::io::Result<bool> {
    line.clear();
    let n = input.take(MAX_HEADER_LINE as u64).read_until(b'\n', line).await?;
    if n == 0 {
        return Ok(false);
    }
    if line.ends_with(b"\n") || n < MAX_HEADER_LINE {
        return Ok(true);
    }
    // Too long: skip to the end of the line without keeping it.
    loop {
        let buf = input.fill_buf().await?;
        if buf.is_empty() {
            return Ok(true);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(true);
            }
            None => {
                let n = buf.len();
                input.consume(n);
            }
        }
    }
}

/// The value of a `Content-Length` header anywhere in `line` (after a short frame, the header may follow
/// the rest of the previous body on the same line).
fn content_length(line: &str) -> Option<Option<usize>> {
    let lower = line.to_ascii_lowercase();
    let at = lower.find("content-length:")?;
    Some(line[at + "content-length:".len()..].trim().parse().ok())
}

/// Copies well-formed frames from `input` to `server` until `input` ends.
pub async fn guard_input(input: impl AsyncRead + Unpin, mut server: impl AsyncWrite + Unpin, out: Output) {
    let mut input = BufReader::new(input);
    loop {
        let mut length: Option<Option<usize>> = None;
        let mut any = false;
        let mut line = Vec::new();
        loop {
            match read_header_line(&mut input, &mut line).await {
                Ok(false) | Err(_) => return,
                Ok(true) => {}
            }
            let line = String::from_utf8_lossy(&line);
            if line.trim().is_empty() {
                if any {
                    break;
                }
                continue;
            }
            any = true;
            if let Some(l) = content_length(&line) {
                length = Some(l);
            }
        }
        let len = match length {
            Some(Some(len)) if len <= MAX_FRAME => len,
            Some(Some(len)) => {
                parse_error(&out, &format!("a Content-Length of {len} exceeds {MAX_FRAME}")).await;
                continue;
            }
            Some(None) => {
                parse_error(&out, "the Content-Length is not a number").await;
                continue;
            }
            None => {
                parse_error(&out, "no Content-Length header").await;
                continue;
            }
        };
        let mut body = vec![0; len];
        if input.read_exact(&mut body).await.is_err() {
            return;
        }
        let message = match serde_json::from_slice::<Value>(&body) {
            Ok(m) => m,
            Err(e) => {
                parse_error(&out, &format!("the body is not JSON ({e})")).await;
                continue;
            }
        };
        match not_json_rpc(&message) {
            Some((Some(id), why)) => {
                refuse(&out, id, INVALID_REQUEST, why).await;
                continue;
            }
            Some((None, why)) => {
                log(&format!("ignored a malformed notification or response: {why}"));
                continue;
            }
            None => {}
        }
        let header = format!("Content-Length: {len}\r\n\r\n");
        if server.write_all(header.as_bytes()).await.is_err() || server.write_all(&body).await.is_err() {
            return;
        }
    }
}

/// Copies the server's frames to the shared output, whole.
pub async fn forward_output(server: impl AsyncRead + Unpin, out: Output) {
    let mut server = BufReader::new(server);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match server.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            if line.trim().is_empty() {
                break;
            }
            if let Some(Some(l)) = content_length(&line) {
                length = Some(l);
            }
        }
        let Some(len) = length else { continue };
        let mut body = vec![0; len];
        if server.read_exact(&mut body).await.is_err() {
            return;
        }
        write_frame(&out, &body).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_length_header() {
        assert_eq!(content_length("Content-Length: 12\r\n"), Some(Some(12)));
        assert_eq!(content_length("content-length:7"), Some(Some(7)));
        assert_eq!(content_length("}Content-Length: 52\r\n"), Some(Some(52)));
        assert_eq!(content_length("Content-Length: x\r\n"), Some(None));
        assert_eq!(content_length("Content-Type: utf-8\r\n"), None);
    }

    #[test]
    fn tells_json_rpc_from_other_json() {
        use serde_json::json;
        assert_eq!(not_json_rpc(&json!({"jsonrpc": "2.0", "id": 1, "method": "m", "params": {}})), None);
        assert_eq!(not_json_rpc(&json!({"jsonrpc": "2.0", "method": "m"})), None);
        assert_eq!(not_json_rpc(&json!({"jsonrpc": "2.0", "id": "a", "result": null})), None);
        let answered = |v: Value| not_json_rpc(&v).and_then(|(id, _)| id);
        assert_eq!(answered(json!({})), Some(Value::Null));
        assert_eq!(answered(json!([])), Some(Value::Null));
        assert_eq!(answered(json!(1)), Some(Value::Null));
        assert_eq!(answered(json!({"id": 3, "method": "m"})), Some(json!(3)));
        assert_eq!(answered(json!({"jsonrpc": "1.0", "id": 3, "method": "m"})), Some(json!(3)));
        assert_eq!(answered(json!({"jsonrpc": "2.0", "id": {}, "method": "m"})), Some(Value::Null));
        assert_eq!(answered(json!({"jsonrpc": "2.0", "id": 1.5, "method": "m"})), Some(Value::Null));
        assert_eq!(answered(json!({"jsonrpc": "2.0", "id": u64::MAX, "method": "m"})), Some(Value::Null));
        assert_eq!(answered(json!({"jsonrpc": "2.0", "id": 2, "method": 7})), Some(json!(2)));
        // Notifications and responses are never answered.
        assert!(matches!(not_json_rpc(&json!({"jsonrpc": "2.0", "method": "m", "params": 1})), Some((None, _))));
        assert!(matches!(not_json_rpc(&json!({"jsonrpc": "2.0", "id": 1})), Some((None, _))));
    }
}
