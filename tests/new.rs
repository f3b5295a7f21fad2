//! `senshin-lint new`: the blank draft parses, reports only what is still to fill (one note per part), has
//! every item of the published report in the same places, and its period and history years are the report's.

use senshin_lint::catalogue::Severity;
use senshin_lint::cli::blank;
use senshin_lint::diagnostics::RuleId;
use senshin_lint::model::read::ReportYear;
use senshin_lint::syntax::{NodeId, Tree};
use std::collections::BTreeSet;
use std::process::Command;

const PUBLISHED: &str = include_str!("../examples/r6/report.yaml");

fn r6() -> String {
    blank(ReportYear::parse("令和6年度").unwrap())
}

/// Every path of keys in the draft, list items as `-`.
fn paths(text: &str) -> BTreeSet<String> {
    fn walk(tree: &Tree, node: NodeId, at: &str, out: &mut BTreeSet<String>) {
        if let Some(entries) = tree.entries(node) {
            for e in entries {
                let path = format!("{at}/{}", tree.scalar(e.key).unwrap_or_default());
                out.insert(path.clone());
                walk(tree, e.value, &path, out);
            }
        } else if let Some(items) = tree.items(node) {
            for &item in items {
                walk(tree, item, &format!("{at}/-"), out);
            }
        }
    }
    let (tree, _) = senshin_lint::syntax::parse(text);
    let mut out = BTreeSet::new();
    walk(&tree, tree.root.unwrap(), "", &mut out);
    out
}

#[test]
fn a_blank_draft_reports_only_what_is_still_to_fill() {
    let text = r6();
    let analysis = senshin_lint::analyze(&text);
    assert!(analysis.parsed);
    let parts: Vec<&str> = analysis
        .diagnostics
        .iter()
        .inspect(|d| assert_eq!((d.rule, d.severity), (RuleId::Unfilled, Severity::Info), "{}", d.message.ja))
        .map(|d| d.message.ja.split('に').next().unwrap())
        .collect();
    assert_eq!(
        parts,
        [
            "先－１－１ 実績の概要",
            "技術数の推移",
            "過去５年間の実績",
            "参考資料１",
            "参考資料２",
            "先－１－２【先進医療Ａ】",
            "先－１－２【先進医療Ｂ】"
        ]
    );
}

#[test]
fn a_blank_draft_has_the_published_reports_items_and_years() {
    let text = r6();
    assert_eq!(paths(&text), paths(PUBLISHED), "the same items in the same places");
    let (blank, published) = (senshin_lint::analyze(&text), senshin_lint::analyze(PUBLISHED));
    let period = |a: &senshin_lint::Analysis| a.report.meta.period.as_ref().map(|p| p.value);
    assert_eq!(period(&blank), period(&published));
    let years = |a: &senshin_lint::Analysis| -> Vec<_> {
        a.report.history.iter().map(|r| r.period.as_ref().map(|p| p.value)).collect()
    };
    assert_eq!(years(&blank), years(&published));
    assert_eq!(blank.report.meta.fiscal_year.as_ref().map(|f| f.value.clone()), Some("令和6年度".to_owned()));
}

/// Filled in with the published figures, the draft reports exactly the published report's findings: every
/// `未記入` becomes the published value at the same place, and the published tables' further rows and entries
/// are added after the example ones, as a person filling it in would type them.
#[test]
fn filled_with_the_published_figures_it_finds_what_the_published_report_has() {
    let filled = fill(&r6(), PUBLISHED);
    let found = |t: &str| -> Vec<(RuleId, String)> {
        senshin_lint::lint(t).into_iter().map(|d| (d.rule, d.message.en.clone())).collect()
    };
    let published = found(PUBLISHED);
    assert_eq!(published.len(), 5, "the published report's five findings");
    assert_eq!(found(&filled), published);
}

/// The node at a path of keys and item numbers.
fn at(tree: &Tree, path: &[String]) -> Option<NodeId> {
    let mut node = tree.root?;
    for step in path {
        node = match step.parse::<usize>() {
            Ok(i) => *tree.items(node)?.get(i)?,
            Err(_) => tree.get(node, step)?.value,
        };
    }
    Some(node)
}

fn fill(blank: &str, published: &str) -> String {
    let (b, _) = senshin_lint::syntax::parse(blank);
    let (p, _) = senshin_lint::syntax::parse(published);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let line_start = |t: &str, at: usize| t[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = |t: &str, at: usize| t[at..].find('\n').map_or(t.len(), |i| at + i);
    let mut walk = vec![(b.root.unwrap(), Vec::<String>::new())];
    while let Some((node, path)) = walk.pop() {
        if let Some(entries) = b.entries(node) {
            for e in entries {
                let mut next = path.clone();
                next.push(b.scalar(e.key).unwrap().to_owned());
                walk.push((e.value, next));
            }
        } else if let Some(items) = b.items(node) {
            for (i, &item) in items.iter().enumerate() {
                let mut next = path.clone();
                next.push(i.to_string());
                walk.push((item, next));
            }
            // The published list's further items, after the example one.
            let theirs = at(&p, &path).and_then(|n| p.items(n)).unwrap_or_default();
            if theirs.len() > items.len() {
                let from = line_start(published, p.span(theirs[items.len()]).start);
                let to = line_end(published, p.span(*theirs.last().unwrap()).end);
                let end = line_end(blank, b.span(*items.last().unwrap()).end);
                edits.push((end, end, format!("\n{}", &published[from..to])));
            }
        } else if b.scalar(node).is_some_and(|v| v == senshin_lint::model::PLACEHOLDER) {
            let theirs = at(&p, &path).unwrap_or_else(|| panic!("{path:?} is not in the published report"));
            let span = b.span(node);
            edits.push((span.start, span.end, published[p.span(theirs).range()].to_owned()));
        }
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = blank.to_owned();
    for (start, end, text) in edits {
        out.replace_range(start..end, &text);
    }
    out
}

/// The built binary: a draft is written once and never over a file, `-` writes to standard output, a year it
/// cannot read writes nothing and says so in Japanese.
#[test]
fn the_binary_writes_a_new_draft_once() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
            .args(args)
            .current_dir(dir.path())
            .env("LANG", "ja_JP.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let name = "令和6年度.yaml";
    let (code, out, _) = run(&["new", name, "--year", "R6"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("令和6年度.yaml を作りました（令和6年度、令和5年7月1日～令和6年6月30日）"), "{out}");
    let path = dir.path().join(name);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), r6());
    std::fs::write(&path, "書きかけ").unwrap();
    let (code, _, err) = run(&["new", name, "--year", "R6"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("すでにあります"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "書きかけ", "a draft in progress is never overwritten");
    let (code, out, _) = run(&["new", "-", "--year", "令和6年度"]);
    assert_eq!((code, out), (Some(0), r6()));
    let (code, out, err) = run(&["new", "x.yaml", "--year", "来年"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty() && err.contains("年度「来年」を読み取れません"), "{err}");
    assert!(!dir.path().join("x.yaml").exists());
}

/// `new --from` the published report: a 令和7年度 draft that parses, whose carried figures all pass the
/// `previous-*` rules against the published report, whose placeholders are reported as still to fill, and
/// whose history row for 令和6年度 is computed from that report's tables (約119億円, not the printed 約120億円).
#[test]
fn next_years_draft_from_the_published_report() {
    let dir = tempfile::tempdir().unwrap();
    let (r6, r7) = (dir.path().join("r6/report.yaml"), dir.path().join("r7/report.yaml"));
    std::fs::create_dir_all(r6.parent().unwrap()).unwrap();
    std::fs::write(&r6, PUBLISHED).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(["new", "--lang", "en", "--from"])
        .arg(&r6)
        .arg(&r7)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&r7).unwrap();
    assert!(text.contains("  fiscal_year: 令和7年度") && text.contains("  period: 令和6年7月1日～令和7年6月30日"));
    assert!(text.contains("  previous: ../r6/report.yaml"), "{text}");
    assert!(text.contains("  - period: R6.7.1～R7.6.30") && !text.contains("R1.7.1～R2.6.30"));
    assert!(text.contains("    advanced_cost: 約119億円"), "last year's row from last year's tables");
    assert!(text.contains("\"陽子線治療\"") && text.contains("effective: 平13.7.1"));
    let o =
        Command::new(env!("CARGO_BIN_EXE_senshin-lint")).args(["check", "--format", "json"]).arg(&r7).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules: Vec<&str> =
        json["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert!(!rules.is_empty() && rules.iter().all(|r| *r == "unfilled"), "{rules:?}");
    assert_eq!(o.status.code(), Some(0));
    // The carried figures are checked: a ① changed by hand is found against last year's ⑥.
    let changed = text.replacen("    previous: 27 ", "    previous: 26 ", 1);
    assert!(changed != text, "① of A is carried as 27");
    std::fs::write(&r7, changed).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_senshin-lint")).args(["check", "--lang", "en"]).arg(&r7).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("error[previous-changes]") && out.contains("r6/report.yaml:"), "{out}");
    // A draft is never written over, and a year that is not the next one is refused.
    let o = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(["new", "--lang", "en", "--year", "令和9年度", "--from"])
        .arg(&r6)
        .arg(dir.path().join("other.yaml"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("令和7年度"));
}
