//! The binary end to end: exit codes, formats, languages, `explain` and `rules`.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn clean_draft_exits_0() {
    let o = run(&["check", "examples/small/report.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "no problems found in 1 file\n");
}

#[test]
fn errors_exit_1_and_warnings_alone_exit_0() {
    assert_eq!(run(&["check", "examples/broken/report.yaml"]).status.code(), Some(1));
    assert_eq!(run(&["check", "tests/fixtures/rules/mixed-punctuation/fires_mixed.yaml"]).status.code(), Some(1));
    let warnings_only = run(&["check", "tests/fixtures/rules/fullwidth-digits/silent_ascii.yaml"]);
    assert_eq!(warnings_only.status.code(), Some(1), "missing sections are errors");
}

#[test]
fn unreadable_file_and_bad_arguments_exit_2() {
    let o = run(&["check", "no/such/file.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read no/such/file.yaml"));
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["check", "--format", "xml", "examples/small/report.yaml"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["explain", "no-such-rule"]).status.code(), Some(2));
}

#[test]
fn published_report_human_output_in_both_languages() {
    let en = run(&["check", "--lang", "en", "examples/r6/report.yaml"]);
    assert_eq!(en.status.code(), Some(1));
    insta::assert_snapshot!("published_en", stdout(&en));
    let ja = run(&["check", "--lang", "ja", "examples/r6/report.yaml"]);
    insta::assert_snapshot!("published_ja", stdout(&ja));
}

#[test]
fn language_follows_the_locale() {
    let o = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(["check", "examples/small/report.yaml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert_eq!(stdout(&o), "問題は見つかりませんでした（下書き1件）\n");
}

#[test]
fn json_has_the_documented_shape() {
    let o = run(&["check", "--format", "json", "--lang", "en", "examples/r6/report.yaml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["errors"], 2);
    assert_eq!(v["summary"]["warnings"], 3);
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "summary-vs-costs");
    assert_eq!(d["severity"], "error");
    // `    total_cost: 約911.1億円` on line 17: the value starts at character 17, UTF-16 17, byte 17.
    let start = &d["range"]["start"];
    assert_eq!((start["line"].as_u64(), start["column"].as_u64()), (Some(17), Some(17)));
    let end = &d["range"]["end"];
    assert_eq!(
        (end["column"].as_u64(), end["column_utf16"].as_u64(), end["column_utf8"].as_u64()),
        (Some(25), Some(25), Some(31))
    );
    assert_eq!(end["offset"].as_u64().unwrap() - start["offset"].as_u64().unwrap(), "約911.1億円".len() as u64);
    assert_eq!(d["fix"]["edits"][0]["replacement"], "約911.2億円");
    assert_eq!(d["fix"]["safe"], false);
    assert!(d["labels"][0]["range"]["start"]["line"].as_u64().is_some());
}

#[test]
fn json_positions_count_utf16_units_for_surrogate_pairs() {
    let dir = std::env::temp_dir().join(format!("senshin-lint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("surrogate.yaml");
    std::fs::write(&file, "report: {title: 𠮷, period: 令和5年7月1日}\n").unwrap();
    let o = run(&["check", "--format", "json", file.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let diags = v["files"][0]["diagnostics"].as_array().unwrap();
    let period = diags.iter().find(|d| d["rule"] == "value-format").expect("the period is not a period");
    let start = &period["range"]["start"];
    // `report: {title: 𠮷, period: ` is 27 characters, 28 UTF-16 units, 30 bytes.
    assert_eq!(start["column"], 28);
    assert_eq!(start["column_utf16"], 29);
    assert_eq!(start["column_utf8"], 31);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bom_crlf_and_invalid_utf8() {
    let dir = std::env::temp_dir().join(format!("senshin-lint-enc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let small = std::fs::read_to_string("examples/small/report.yaml").unwrap();
    let crlf = dir.join("crlf.yaml");
    std::fs::write(&crlf, format!("\u{feff}{}", small.replace('\n', "\r\n"))).unwrap();
    assert_eq!(run(&["check", crlf.to_str().unwrap()]).status.code(), Some(0));
    let broken = std::fs::read_to_string("examples/broken/report.yaml").unwrap();
    let broken_crlf = dir.join("broken.yaml");
    std::fs::write(&broken_crlf, format!("\u{feff}{}", broken.replace('\n', "\r\n"))).unwrap();
    let lf = run(&["check", "--format", "json", "examples/broken/report.yaml"]);
    let crlf_out = run(&["check", "--format", "json", broken_crlf.to_str().unwrap()]);
    let lines = |o: &Output| -> Vec<(u64, u64)> {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["range"]["start"]["line"].as_u64().unwrap(), d["range"]["start"]["column"].as_u64().unwrap()))
            .collect()
    };
    assert_eq!(lines(&lf), lines(&crlf_out), "a BOM and CRLF leave every line and column as they are");
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, b"report:\n  title: \xff\n").unwrap();
    let o = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("invalid UTF-8 at byte 17"), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn explain_prints_the_rules_own_documentation() {
    let o = run(&["explain", "column-sum"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("# column-sum\n"));
    for section in ["## What it checks", "## Why it matters", "## Example that fails", "## Example that passes"] {
        assert!(text.contains(section), "{section}");
    }
    let ja = stdout(&run(&["explain", "--lang", "ja", "column-sum"]));
    assert!(ja.contains("合計行の値が列の総和と一致しない"));
    assert!(ja.contains("## 何を検査するか") && ja.contains("## 誤りの例"));
}

#[test]
fn rules_lists_every_rule() {
    let text = stdout(&run(&["rules"]));
    for rule in senshin_lint::catalogue::all() {
        assert!(text.contains(rule.id), "{}", rule.id);
    }
    assert_eq!(text.lines().count(), senshin_lint::catalogue::all().len());
}

/// Sends each frame, waiting for the answer to each request as a client does; returns the exit status.
fn lsp_session(frames: &[serde_json::Value]) -> Option<i32> {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut child = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .arg("lsp")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    for f in frames {
        let body = f.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
        if f.get("id").is_none() {
            continue;
        }
        loop {
            let mut length = 0;
            loop {
                let mut line = String::new();
                stdout.read_line(&mut line).unwrap();
                if line.trim_end().is_empty() {
                    break;
                }
                if let Some(n) = line.trim_end().strip_prefix("Content-Length: ") {
                    length = n.parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            stdout.read_exact(&mut body).unwrap();
            let msg: serde_json::Value = serde_json::from_slice(&body).unwrap();
            if msg.get("id") == f.get("id") {
                break;
            }
        }
    }
    drop(stdin);
    child.wait().unwrap().code()
}

#[test]
fn lsp_exits_0_after_shutdown_and_1_without() {
    use serde_json::json;
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}});
    let shutdown = json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"});
    let exit = json!({"jsonrpc": "2.0", "method": "exit"});
    assert_eq!(lsp_session(&[init.clone(), shutdown, exit.clone()]), Some(0));
    assert_eq!(lsp_session(&[init, exit]), Some(1));
}

/// One set of drafts in every format, through the one renderer interface: a format that loses or garbles a
/// finding shows in its snapshot. (SARIF's rule descriptions are the rules' documentation: only its results.)
#[test]
fn every_format_renders_the_same_drafts() {
    use senshin_lint::cli::{Format, check_bytes, render};
    use senshin_lint::diagnostics::Lang;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked: Vec<_> = ["examples/broken/report.yaml", "examples/small/report.yaml"]
        .iter()
        .map(|p| check_bytes(p, &std::fs::read(root.join(p)).unwrap()))
        .collect();
    for format in Format::ALL {
        let out = String::from_utf8(render(format, Lang::En, &checked)).unwrap();
        let shown = match format {
            Format::Sarif => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                serde_json::to_string_pretty(&v["runs"][0]["results"]).unwrap()
            }
            _ => out,
        };
        insta::assert_snapshot!(format!("formats_{format:?}").to_lowercase(), shown);
    }
}

#[test]
fn sarif_carries_rules_locations_and_fixes() {
    let o = run(&["check", "--format", "sarif", "--lang", "en", "examples/r6/report.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run0 = &v["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), senshin_lint::catalogue::all().len());
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    let r = &results[0];
    assert_eq!(r["ruleId"], "summary-vs-costs");
    assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], "summary-vs-costs");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64(), region["endColumn"].as_u64()),
        (Some(17), Some(17), Some(25))
    );
    assert_eq!(r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "約911.2億円");
    assert_eq!(r["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 359);
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "C")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("senshin-lint-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn folders_stdin_and_drafts_only() {
    let o = run(&["check", "examples"]);
    assert!(stdout(&o).ends_with("in 4 files\n"), "{}", stdout(&o));
    let broken = std::fs::read("examples/broken/report.yaml").unwrap();
    let o = run_stdin(&["check", "--format", "github", "-", "--stdin-filename", "drafts/r.yaml"], &broken);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("::warning file=drafts/r.yaml,line=13,col=15,"));
    let dir = temp_dir("drafts-only");
    std::fs::write(dir.join("ci.yml"), "jobs: {}\n").unwrap();
    let ci = dir.join("ci.yml");
    assert_eq!(run(&["check", ci.to_str().unwrap()]).status.code(), Some(1), "a named file is checked");
    let o = run(&["check", "--drafts-only", ci.to_str().unwrap()]);
    assert_eq!((o.status.code(), stdout(&o).as_str()), (Some(0), "no problems found in 0 files\n"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn diff_shows_and_fix_writes_keeping_bom_crlf_and_comments() {
    let dir = temp_dir("fix");
    let file = dir.join("draft.yaml");
    let original =
        format!("\u{feff}{}", std::fs::read_to_string("examples/broken/report.yaml").unwrap().replace('\n', "\r\n"));
    std::fs::write(&file, &original).unwrap();
    let path = file.to_str().unwrap();

    let o = run(&["check", "--diff", path]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("+    patients: 1,271        # full-width digits (fullwidth-digits)"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original, "--diff writes nothing");

    let o = run(&["check", "--fix", path]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("applied 2 fixes"));
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert!(fixed.starts_with('\u{feff}'));
    assert_eq!(fixed.matches("\r\n").count(), original.matches("\r\n").count());
    assert_eq!(fixed.lines().count(), original.lines().count());
    let changed: Vec<(&str, &str)> = original.lines().zip(fixed.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 2, "only the two fixed lines differ: {changed:?}");

    let o = run(&["check", "--fix", path]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("applied 0 fixes"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), fixed, "a second run changes nothing");
    let o = run(&["check", "--diff", path]);
    assert_eq!((o.status.code(), stdout(&o).as_str()), (Some(0), ""));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_shift_jis_draft_is_read_warned_about_and_fixed_in_shift_jis() {
    let dir = temp_dir("sjis");
    let file = dir.join("draft.yaml");
    let broken = std::fs::read_to_string("examples/broken/report.yaml").unwrap();
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&broken);
    assert!(!unmappable);
    std::fs::write(&file, &sjis).unwrap();
    let path = file.to_str().unwrap();
    let o = run(&["check", "--format", "json", path]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let diags = v["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags[0]["rule"], "encoding");
    let fw = diags.iter().find(|d| d["rule"] == "fullwidth-digits").unwrap();
    assert_eq!((fw["range"]["start"]["line"].as_u64(), fw["range"]["start"]["column"].as_u64()), (Some(13), Some(15)));
    run(&["check", "--fix", path]);
    let bytes = std::fs::read(&file).unwrap();
    let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!errors && std::str::from_utf8(&bytes).is_err(), "still Shift_JIS");
    assert!(text.contains("patients: 1,271"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn configuration_is_found_above_each_file_and_applied() {
    let dir = temp_dir("config");
    std::fs::create_dir_all(dir.join("drafts/old")).unwrap();
    let broken = std::fs::read_to_string("examples/broken/report.yaml").unwrap();
    std::fs::write(dir.join("drafts/r.yaml"), &broken).unwrap();
    std::fs::write(dir.join("drafts/old/r.yaml"), &broken).unwrap();
    let config = "language = \"en\"\nexclude = [\"drafts/old/**\"]\n\n[rules]\nmixed-punctuation = \"off\"\napproved-count = \"error\"\n";
    std::fs::write(dir.join("senshin-lint.toml"), config).unwrap();
    let drafts = dir.join("drafts");
    let o = run(&["check", "--format", "json", drafts.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 1, "drafts/old is excluded");
    let diags = v["files"][0]["diagnostics"].as_array().unwrap();
    assert!(!diags.iter().any(|d| d["rule"] == "mixed-punctuation"), "turned off");
    let approved = diags.iter().find(|d| d["rule"] == "approved-count").unwrap();
    assert_eq!(approved["severity"], "error");
    assert!(
        diags[0]["message"].as_str().unwrap().is_ascii()
            || diags[0]["message"].as_str().unwrap().contains("full-width")
    );

    // A mistake in the configuration is reported at its position, and the rest still applies.
    std::fs::write(dir.join("senshin-lint.toml"), "[rules]\nmixed-punctation = \"off\"\n").unwrap();
    let o = run(&["check", "--format", "json", dir.join("drafts/r.yaml").to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &v["files"][0];
    assert!(first["path"].as_str().unwrap().ends_with("senshin-lint.toml"));
    assert_eq!(first["diagnostics"][0]["rule"], "config");
    assert_eq!(first["diagnostics"][0]["range"]["start"]["line"], 2);
    assert_eq!(v["summary"]["files"], 1, "the configuration is not counted as a checked draft");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn schema_prints_json_schema_2020_12() {
    let o = run(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(v["properties"]["summary"]["title"], "実績の概要（先－１－１）");
}

#[test]
fn suppressions_through_the_binary() {
    let dir = temp_dir("suppress");
    let file = dir.join("r.yaml");
    let published = std::fs::read_to_string("examples/r6/report.yaml").unwrap();
    let text = published
        .replacen(
            "    total_cost: 約911.1億円\n",
            "    total_cost: 約911.1億円  # senshin-lint: ignore[summary-vs-costs]\n",
            1,
        )
        .replacen("report:\n", "# senshin-lint: ignore-file[mixed-punctuation, column-sum]\nreport:\n", 1);
    std::fs::write(&file, text).unwrap();
    let o = run(&["check", "--format", "json", file.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules: Vec<&str> =
        v["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["unused-suppression", "history-vs-report", "prior-cases"], "column-sum silences nothing");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn lsp_exits_when_the_client_vanishes() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .arg("lsp")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdin.take());
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(1), "no shutdown came first");
            break;
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "the server outlived its client");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Runs the binary in `dir` with `env`, failing the test when it takes more than `secs` seconds.
fn run_within(secs: u64, dir: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(child.wait_with_output()));
    match receive.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("`senshin-lint {}` ran for more than {secs} s", args.join(" "));
        }
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[cfg(unix)]
#[test]
fn inputs_are_bounded_before_they_are_read() {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = temp_dir("bounded");
    // A device never ends: refused before a byte is read, for drafts and configuration alike.
    for args in [&["check", "/dev/zero"][..], &["check", "--config", "/dev/zero", "examples/small/report.yaml"]] {
        let o = run_within(10, here, &[], args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("it is a device, not a file"), "{}", stderr(&o));
    }
    // A sparse file of 3 GB is judged by its size, not read.
    let sparse = dir.join("sparse.yaml");
    std::fs::File::create(&sparse).unwrap().set_len(3 << 30).unwrap();
    let o = run_within(10, here, &[], &["check", sparse.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("the file is too large (3221225472 bytes; the limit is 67108864)"), "{}", stdout(&o));
    std::fs::remove_file(&sparse).unwrap();
    // Standard input stops one byte past the limit.
    let o = run_stdin(&["check", "-"], &vec![b'#'; senshin_lint::MAX_FILE_BYTES + 10]);
    assert!(stdout(&o).contains("the file is too large (more than the limit"), "{}", stdout(&o));
    // A FIFO named on the command line is an error; in a folder it is passed by; links to folders are not
    // followed, so two links to `.` check the one draft once.
    let folder = dir.join("folder");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy("examples/small/report.yaml", folder.join("report.yaml")).unwrap();
    assert!(Command::new("mkfifo").arg(folder.join("pipe.yaml")).status().unwrap().success());
    std::os::unix::fs::symlink(".", folder.join("a")).unwrap();
    std::os::unix::fs::symlink(".", folder.join("b")).unwrap();
    let o = run_within(10, here, &[], &["check", folder.to_str().unwrap()]);
    assert_eq!((o.status.code(), stdout(&o).as_str()), (Some(0), "no problems found in 1 file\n"), "{}", stderr(&o));
    let o = run_within(10, here, &[], &["check", folder.join("pipe.yaml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("it is a named pipe, not a file"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn globs_are_fast_and_their_mistakes_are_diagnostics() {
    let dir = temp_dir("globs");
    std::fs::create_dir_all(dir.join("d")).unwrap();
    std::fs::copy("examples/small/report.yaml", dir.join(format!("d/{}.yaml", "a".repeat(60)))).unwrap();
    std::fs::write(dir.join("senshin-lint.toml"), "include = [\"d/*a*a*a*a*a*a*a*a*b\"]\n").unwrap();
    let start = std::time::Instant::now();
    let o = run_within(10, &dir, &[("HOME", dir.to_str().unwrap())], &["check", "--format", "json", "."]);
    assert!(start.elapsed() < std::time::Duration::from_secs(1), "{:?}", start.elapsed());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!((d["rule"].as_str(), d["severity"].as_str()), (Some("config"), Some("warning")), "{v}");
    std::fs::write(dir.join("senshin-lint.toml"), format!("include = [\"d/[z-a\", \"{}\"]\n", "*".repeat(200_000)))
        .unwrap();
    let o = run_within(10, &dir, &[("HOME", dir.to_str().unwrap())], &["check", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let diags = v["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags[0]["rule"], "config");
    assert_eq!(diags[0]["range"]["start"]["column"], 12, "at the glob: {v}");
    assert!(diags[1]["message"].as_str().unwrap().contains("too long"));
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn nothing_from_a_draft_reaches_a_terminal_or_breaks_a_format() {
    let dir = temp_dir("hostile");
    // A key with a line break, an escape sequence and a bell (YAML escapes), a raw escape in the text, and a
    // file name that tries to start a workflow command of its own.
    let name = "r\u{1b}[2J\n::error file=a::boom.yaml";
    std::fs::write(dir.join(name), "report:\n  \"k\\n::error file=x::injected\\e]0;t\\a\": 1\n").unwrap();
    std::fs::write(dir.join("raw.yaml"), b"report:\n  period: a\x1b]0;pwned\x07b\n").unwrap();
    let args = |format: &'static str| vec!["check", "--color", "always", "--format", format, name, "raw.yaml"];
    let human = run_within(10, &dir, &[], &["check", "--color", "never", name, "raw.yaml"]);
    let text = stdout(&human);
    assert!(text.contains("k\\u{a}::error file=x::injected\\u{1b}]0;t\\u{7}"), "{text}");
    assert!(text.contains("a\\u{1b}]0;pwned\\u{7}b"), "the snippet spells it out: {text}");
    assert!(!text.contains(['\u{1b}', '\u{7}']), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("::")), "{text}");
    // With colours, only our own SGR sequences (`ESC [ … m`) remain.
    let coloured = stdout(&run_within(10, &dir, &[], &args("human")));
    let mut plain = String::new();
    let mut rest = coloured.as_str();
    while let Some(at) = rest.find("\u{1b}[") {
        plain.push_str(&rest[..at]);
        let end = rest[at..].find('m').expect("an SGR sequence ends with m");
        assert!(rest[at + 2..at + end].bytes().all(|b| b.is_ascii_digit() || b == b';'), "{coloured}");
        rest = &rest[at + end + 1..];
    }
    plain.push_str(rest);
    assert!(!plain.contains(['\u{1b}', '\u{7}']) && !plain.lines().any(|l| l.starts_with("::")), "{plain}");
    let github = stdout(&run_within(10, &dir, &[], &args("github")));
    assert!(
        github.lines().all(|l| ["::error ", "::warning ", "::notice "].iter().any(|k| l.starts_with(k))),
        "{github}"
    );
    assert!(!github.contains(['\u{1b}', '\u{7}']));
    let junit = stdout(&run_within(10, &dir, &[], &args("junit")));
    assert!(!junit.chars().any(|c| (c < ' ' && c != '\n') || c == '\u{fffe}'), "XML 1.0 forbids them: {junit}");
    let sarif = run_within(10, &dir, &[], &args("sarif"));
    let v: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let uri = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "r%1B%5B2J%0A%3A%3Aerror%20file%3Da%3A%3Aboom.yaml");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sarif_uris_are_percent_encoded_relative_references() {
    let dir = temp_dir("uri");
    std::fs::copy("examples/broken/report.yaml", dir.join("my report #1 100%.yaml")).unwrap();
    let o = run_within(10, &dir, &[], &["check", "--format", "sarif", "my report #1 100%.yaml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let result = &v["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "my%20report%20%231%20100%25.yaml"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_long_line_prints_a_window_and_true_positions() {
    let dir = temp_dir("long-line");
    // One line of 100 entries of 5,200 bytes each: every key after the first is a duplicate.
    let entries: Vec<String> = (0..100).map(|i| format!("k: {i:0>5200}")).collect();
    std::fs::write(dir.join("long.yaml"), format!("{{{}}}\n", entries.join(", "))).unwrap();
    let human = run_within(30, &dir, &[], &["check", "long.yaml"]);
    let json = run_within(30, &dir, &[], &["check", "--format", "json", "long.yaml"]);
    let text = stdout(&human);
    assert!(text.len() < 1_000_000, "{} bytes of output for a 510 KB draft", text.len());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let diagnostics = v["files"][0]["diagnostics"].as_array().unwrap();
    assert!(diagnostics.len() >= 99);
    for d in diagnostics {
        let start = &d["range"]["start"];
        let at = format!("long.yaml:{}:{}\n", start["line"], start["column"]);
        assert!(text.contains(&at), "{at} is in the human output too");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn closed_output_ends_with_exit_2_not_a_panic() {
    let closed = || {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        writer
    };
    let spawn = |args: &[&str], out: std::process::Stdio, err: std::process::Stdio| {
        Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("LANG", "C")
            .stdout(out)
            .stderr(err)
            .output()
            .unwrap()
    };
    use std::process::Stdio;
    for format in ["human", "json", "sarif", "github", "junit"] {
        let o = spawn(&["check", "--format", format, "examples/broken/report.yaml"], closed().into(), Stdio::piped());
        assert_eq!(o.status.code(), Some(2), "{format}: {}", stderr(&o));
        assert!(stderr(&o).contains("cannot write the output"), "{}", stderr(&o));
    }
    let o = spawn(&["check", "no/such/file.yaml"], Stdio::piped(), closed().into());
    assert_eq!(o.status.code(), Some(2), "a closed standard error is no panic");
    let o = spawn(&["check", "examples/broken/report.yaml"], closed().into(), closed().into());
    assert_eq!(o.status.code(), Some(2));
    for args in [&["rules"][..], &["explain", "column-sum"], &["schema"]] {
        assert_eq!(spawn(args, closed().into(), closed().into()).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn configuration_belongs_to_the_repository_or_home_and_is_named() {
    let dir = temp_dir("trust");
    let off: String = senshin_lint::catalogue::all().iter().map(|r| format!("{} = \"off\"\n", r.id)).collect();
    std::fs::write(dir.join("senshin-lint.toml"), format!("[rules]\n{off}")).unwrap();
    std::fs::create_dir_all(dir.join("repo/.git")).unwrap();
    std::fs::create_dir_all(dir.join("home/drafts")).unwrap();
    std::fs::copy("examples/r6/report.yaml", dir.join("repo/r.yaml")).unwrap();
    std::fs::copy("examples/r6/report.yaml", dir.join("home/drafts/r.yaml")).unwrap();
    std::fs::copy("examples/r6/report.yaml", dir.join("r.yaml")).unwrap();
    let home = dir.join("home");
    let env = [("HOME", home.to_str().unwrap())];
    // Above the repository's root and above the home folder, a configuration is someone else's.
    for draft in ["repo/r.yaml", "home/drafts/r.yaml"] {
        let o = run_within(10, &dir, &env, &["check", draft]);
        assert_eq!(o.status.code(), Some(1), "{draft}: {}", stdout(&o));
        assert!(!stdout(&o).contains("configuration:"));
    }
    // Beside the draft it applies, and the summary says so, in both languages.
    let o = run_within(10, &dir, &env, &["check", "r.yaml"]);
    assert_eq!(
        (o.status.code(), stdout(&o).as_str()),
        (Some(0), "no problems found in 1 file\nconfiguration: senshin-lint.toml\n")
    );
    let o = run_within(10, &dir, &env, &["check", "--lang", "ja", "r.yaml"]);
    assert!(stdout(&o).ends_with("設定ファイル：senshin-lint.toml\n"), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_folder_without_drafts_is_a_warning_not_silence() {
    let dir = temp_dir("empty");
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::fs::write(dir.join("empty/ci.yml"), "jobs: {}\n").unwrap();
    let o = run_within(10, &dir, &[], &["check", "empty"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "warning: no report draft (YAML) found in empty\nno problems found in 0 files\n");
    let o = run_within(10, &dir, &[], &["check", "--format", "json", "empty"]);
    assert!(serde_json::from_slice::<serde_json::Value>(&o.stdout).is_ok());
    assert!(stderr(&o).contains("warning: no report draft (YAML) found in empty"), "{}", stderr(&o));
    // An include that takes nothing is a warning on the configuration, at the include.
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::copy("examples/small/report.yaml", dir.join("drafts/r.yaml")).unwrap();
    std::fs::write(dir.join("senshin-lint.toml"), "include = [\"draft/**\"]\n").unwrap();
    let o = run_within(10, &dir, &[("HOME", dir.to_str().unwrap())], &["check", "drafts"]);
    assert!(stdout(&o).starts_with("warning[config]: `include` leaves no draft to check in drafts"), "{}", stdout(&o));
    assert!(stdout(&o).contains("senshin-lint.toml:1:11"), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_language_of_a_configuration_found_from_the_drafts_folder_applies_from_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("drafts/senshin-lint.toml"), "language = \"ja\"\n").unwrap();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/broken/report.yaml"),
        dir.path().join("drafts/x.yaml"),
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(["check", "--color", "never", "drafts/x.yaml"])
        .current_dir(dir.path())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(stdout(&o).contains("エラー"), "{}", stdout(&o));
    // Standard input named as a file in that folder is under the same configuration.
    let mut child = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(["check", "--color", "never", "--stdin-filename", "drafts/y.yaml", "-"])
        .current_dir(dir.path())
        .env("LANG", "C")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"report: {}\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(stdout(&o).contains("エラー"), "{}", stdout(&o));
}

/// The help and the argument errors in Japanese, asked for with `--lang ja` or by a Japanese locale; every
/// command's help is in the snapshot.
#[test]
fn help_and_argument_errors_in_japanese() {
    let mut help = String::new();
    for command in [&[][..], &["check"], &["new"], &["explain"], &["rules"], &["schema"], &["lsp"]] {
        let mut args = command.to_vec();
        args.extend(["--help", "--lang", "ja"]);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0));
        help.push_str(&format!("$ senshin-lint {}\n{}\n", args.join(" "), stdout(&o)));
    }
    insta::assert_snapshot!(help);
    let japanese = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
            .args(args)
            .env("LANG", "ja_JP.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let (code, err) = japanese(&["check", "--frmat", "json", "x.yaml"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("「--frmat」という指定はありません。「--format」のことであれば"), "{err}");
    let (code, err) = japanese(&["check", "--format", "xml", "x.yaml"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("「xml」は指定できません。使えるのは human、json"), "{err}");
    let (_, err) = japanese(&[]);
    assert!(err.contains("コマンドを指定してください"), "{err}");
    // English stays clap's own.
    assert!(String::from_utf8_lossy(&run(&["check", "--frmat"]).stderr).contains("unexpected argument"));
}

#[test]
fn version_names_the_commit_when_built_from_this_checkout() {
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    let printed = stdout(&o);
    let expected = format!("senshin-lint {}", env!("CARGO_PKG_VERSION"));
    assert!(printed.starts_with(&expected), "{printed}");
    // In this crate's own checkout (as here, and in CI's fresh clone) the commit and its date follow; not in
    // a crate unpacked inside another repository.
    let root = env!("CARGO_MANIFEST_DIR");
    let git = |args: &[&str]| {
        let o = Command::new("git").arg("-C").arg(root).args(args).env_remove("GIT_DIR").output().ok()?;
        o.status.success().then(|| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let top = git(&["rev-parse", "--show-toplevel"]).and_then(|t| std::fs::canonicalize(t).ok());
    if top.is_some() && top == std::fs::canonicalize(root).ok() {
        let head = git(&["log", "-1", "--format=%h %cs"]).unwrap();
        assert_eq!(printed.trim(), format!("{expected} ({head})"));
    } else {
        assert_eq!(printed.trim(), expected);
    }
    // Under a Japanese locale the help is rebuilt in Japanese, its version flag too: it prints the same.
    let ja = Command::new(env!("CARGO_BIN_EXE_senshin-lint")).arg("--version").env("LANG", "ja_JP.UTF-8").output();
    assert_eq!(stdout(&ja.unwrap()), printed);
}
