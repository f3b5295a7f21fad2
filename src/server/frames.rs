//! A guard in front of the protocol library: it reads LSP frames from standard input, passes on only
//! well-formed ones, and answers the rest (a bad `Content-Length`, a body that is not JSON) with a JSON-RPC
//! parse error. The library's own decoder ends the session at the first bad frame; a client's slip must not
//! cost the author the server. Output frames from the server and from the guard are written whole, one at a
//! time.

use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
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

async fn parse_error(out: &Output, why: &str) {
    eprintln!("senshin-lint: ignored a malformed message: {why}");
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": {"code": -32700, "message": format!("Parse error: {why}")},
    });
    write_frame(out, body.to_string().as_bytes()).await;
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
        loop {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
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
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(&body) {
            parse_error(&out, &format!("the body is not JSON ({e})")).await;
            continue;
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
}
