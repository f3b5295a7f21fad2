//! Tests about the tool itself: the catalogue is complete, documented, tested, and the README is current.

use senshin_lint::catalogue::{all, markdown_table};
use std::path::Path;

#[test]
fn every_rule_has_firing_and_silent_fixtures() {
    for rule in all() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules").join(rule.id);
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|_| panic!("{} has no fixture folder", rule.id))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().any(|n| n.starts_with("fires_")), "{} has no fires_* fixture", rule.id);
        assert!(names.iter().any(|n| n.starts_with("silent_")), "{} has no silent_* fixture", rule.id);
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in all() {
        for section in ["## What it checks", "## Why it matters", "## Example that fails", "## Example that passes"] {
            assert!(rule.docs.contains(section), "{} lacks {section}", rule.id);
        }
        for section in ["## 何を検査するか", "## なぜ重要か", "## 誤りの例", "## 正しい例"] {
            assert!(rule.docs_ja.contains(section), "{} lacks {section} in Japanese", rule.id);
        }
        assert!(!rule.summary.0.is_empty() && !rule.summary.1.is_empty(), "{}", rule.id);
    }
}

#[test]
fn rule_ids_are_unique_kebab_case() {
    let mut ids: Vec<&str> = all().iter().map(|r| r.id).collect();
    assert!(ids.iter().all(|id| id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')));
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all().len());
}

#[test]
fn readme_rule_table_is_current() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let from = readme.find(start).expect("README has the rules:start marker") + start.len();
    let to = readme.find(end).expect("README has the rules:end marker");
    assert_eq!(
        &readme[from..to],
        markdown_table(),
        "the README's rule table is stale: replace it with the output of `cargo run -- rules --markdown`"
    );
}

/// One version and one licence for every package made from this repository: the crate's. The wheel takes the
/// version from Cargo.toml itself (maturin, `dynamic`); the extension's manifest states it and must agree.
#[test]
fn packages_carry_the_crates_version_and_licence() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let extension: serde_json::Value = serde_json::from_str(&read("editors/vscode/package.json")).unwrap();
    assert_eq!(extension["version"], env!("CARGO_PKG_VERSION"), "editors/vscode/package.json");
    assert_eq!(extension["license"], "MIT OR Apache-2.0");
    let pyproject: toml::Table = read("pyproject.toml").parse().unwrap();
    let project = pyproject["project"].as_table().unwrap();
    assert_eq!(project["dynamic"].as_array().unwrap(), &[toml::Value::from("version")]);
    assert!(project.get("version").is_none(), "the wheel's version is Cargo.toml's");
    assert_eq!(project["license"].as_str(), Some("MIT OR Apache-2.0"));
    assert_eq!(pyproject["tool"]["maturin"]["bindings"].as_str(), Some("bin"));
    let cargo: toml::Table = read("Cargo.toml").parse().unwrap();
    assert_eq!(cargo["package"]["license"].as_str(), Some("MIT OR Apache-2.0"));
    for file in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert!(read(file).len() > 1000, "{file}");
    }
    // The Windows installer's database (WiX, code page 1252) takes no Japanese: its source, and the description
    // dist writes into it, stay ASCII.
    assert!(cargo["package"]["description"].as_str().unwrap().is_ascii());
    assert!(read("wix/main.wxs").is_ascii(), "wix/main.wxs: regenerate it with `dist generate` from ASCII metadata");
    // The README's install and CI snippets pin the version being released.
    let readme = read("README.md");
    let pins: Vec<&str> =
        readme.split("senshin-lint==").skip(1).map(|rest| rest.split(['"', ' ', '`', '\n']).next().unwrap()).collect();
    assert!(pins.len() >= 3, "{pins:?}");
    assert!(pins.iter().all(|&p| p == env!("CARGO_PKG_VERSION")), "README pins {pins:?}");
    assert!(readme.contains(&format!("rev: v{}", env!("CARGO_PKG_VERSION"))));
}
