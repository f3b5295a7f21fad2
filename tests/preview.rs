//! `preview`, through the binary and plain HTTP: the page at the printed address, a save seen by the page
//! within a second (an editor's rename and an in-place write), anything without the token refused, and nothing
//! bound but loopback.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The preview of `draft`, and the address it printed (`http://127.0.0.1:PORT/TOKEN/`).
struct Preview {
    child: Child,
    port: u16,
    token: String,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(draft: &Path) -> Preview {
    let mut child = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(["preview", "--no-open", "--lang", "en"])
        .arg(draft)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let url = &line[line.find("http://").unwrap_or_else(|| panic!("no address in {line:?}"))..].trim_end();
    let rest = url.strip_prefix("http://127.0.0.1:").unwrap_or_else(|| panic!("not loopback: {url}"));
    let (port, token) = rest.split_once('/').unwrap();
    let token = token.trim_end_matches('/').to_owned();
    // Keep reading what it prints, so that it never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    Preview { child, port: port.parse().unwrap(), token }
}

/// A GET request: the connection, after the request is sent.
fn request(port: u16, path: &str) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n").unwrap();
    s
}

/// A GET request's status and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut response = String::new();
    request(port, path).read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

/// The rules flagged on the cell whose `data-path` is `path`.
fn rules_at<'a>(html: &'a str, path: &str) -> Option<&'a str> {
    let at = html.find(&format!("data-path=\"{path}\""))?;
    let tag = &html[at..at + html[at..].find('>')?];
    let r = tag.find("data-rules=\"")? + "data-rules=\"".len();
    Some(&tag[r..r + tag[r..].find('"')?])
}

/// Reads server-sent events until one says `generation` is `want`.
fn wait_for_generation(events: &mut BufReader<TcpStream>, want: u64) {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(events.read_line(&mut line).unwrap() > 0, "the event stream ended");
        if line.trim_end() == format!("data: {want}") {
            return;
        }
    }
}

const SMALL: &str = include_str!("../examples/small/report.yaml");

/// The small example as `name` in a folder of its own, previewed.
fn previewing(name: &str) -> (tempfile::TempDir, std::path::PathBuf, Preview) {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join(name);
    std::fs::write(&draft, SMALL).unwrap();
    let p = start(&draft);
    (dir, draft, p)
}

#[test]
fn a_save_reaches_the_page_within_a_second() {
    let (dir, draft, p) = previewing("令和6年度.yaml");
    let page = format!("/{}/", p.token);

    let (status, html) = get(p.port, &page);
    assert_eq!(status, 200);
    assert!(html.contains("data-generation=\"1\""), "{}", &html[..500]);
    assert_eq!(rules_at(&html, "summary.A.technologies"), None);

    let mut events = BufReader::new(request(p.port, &format!("{page}events")));
    wait_for_generation(&mut events, 1);

    // An editor's save: a new file renamed over the draft. ① of Ａ no longer matches 参考資料１.
    let changed = SMALL.replacen("    technologies: 4\n", "    technologies: 5\n", 1);
    assert_ne!(changed, SMALL);
    let saved = Instant::now();
    let new = dir.path().join(".令和6年度.yaml.swp");
    std::fs::write(&new, &changed).unwrap();
    std::fs::rename(&new, &draft).unwrap();
    wait_for_generation(&mut events, 2);
    let (status, html) = get(p.port, &page);
    let took = saved.elapsed();
    assert_eq!(status, 200);
    assert!(html.contains("data-generation=\"2\""));
    assert!(rules_at(&html, "summary.A.technologies").is_some_and(|r| !r.is_empty()), "no finding on ①");
    assert!(took < Duration::from_secs(1), "the page saw the save after {took:?}");

    // A save without a change is not announced (nor is the re-render's own reading of the draft, which would
    // otherwise set off the next re-render for ever); a write in place, back to the original, is.
    std::fs::write(&draft, &changed).unwrap();
    events.get_ref().set_read_timeout(Some(Duration::from_millis(400))).unwrap();
    let mut line = String::new();
    while let Ok(n) = events.read_line(&mut line) {
        assert!(n > 0 && !line.starts_with("data:"), "announced a save without a change: {line:?}");
        line.clear();
    }
    events.get_ref().set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // Idle is idle: no render follows the last one.
    let renders = || get(p.port, &format!("{page}status")).1;
    let before = renders();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(renders(), before, "it keeps rendering while nothing changes");
    std::fs::write(&draft, SMALL).unwrap();
    let saved = Instant::now();
    wait_for_generation(&mut events, 3);
    let (_, html) = get(p.port, &page);
    assert!(saved.elapsed() < Duration::from_secs(1));
    assert_eq!(rules_at(&html, "summary.A.technologies"), None);
}

#[test]
fn a_draft_that_does_not_parse_still_shows_a_page() {
    let (_dir, draft, p) = previewing("draft.yaml");
    let page = format!("/{}/", p.token);
    let mut events = BufReader::new(request(p.port, &format!("{page}events")));
    wait_for_generation(&mut events, 1);
    std::fs::write(&draft, SMALL.replacen("summary:\n  A:\n", "summary:\n  A: [\n", 1)).unwrap();
    wait_for_generation(&mut events, 2);
    let (status, html) = get(p.port, &page);
    assert_eq!(status, 200);
    assert!(html.contains("yaml-syntax"), "the syntax error is not shown");
    assert!(html.contains("<table"), "nothing of the draft is shown");
}

#[test]
fn requests_without_the_token_are_refused() {
    let (_dir, _draft, p) = previewing("draft.yaml");
    assert_eq!(p.token.len(), 32, "a 128-bit token");
    let wrong: String = p.token.chars().rev().collect();
    for path in ["/", "/events", "/draft.yaml", &format!("/{wrong}/"), &format!("/{wrong}/events"), "/../"] {
        let (status, body) = get(p.port, path);
        assert_eq!(status, 403, "{path}");
        assert!(!body.contains("<table"), "{path} showed the draft");
    }
    assert_eq!(get(p.port, &format!("/{}/", p.token)).0, 200);
    assert_eq!(get(p.port, &format!("/{}", p.token)).0, 308, "the address without its last slash");
}

/// The listening socket, from the kernel's table: bound to 127.0.0.1 and nothing else.
#[cfg(target_os = "linux")]
#[test]
fn it_binds_nothing_but_loopback() {
    let (_dir, _draft, p) = previewing("draft.yaml");
    let port = format!("{:04X}", p.port);
    let mut listening = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        for line in std::fs::read_to_string(table).unwrap_or_default().lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            // State 0A is LISTEN.
            if fields[1].ends_with(&format!(":{port}")) && fields[3] == "0A" {
                listening.push(fields[1].to_owned());
            }
        }
    }
    assert_eq!(listening, [format!("0100007F:{port}")]);
}
