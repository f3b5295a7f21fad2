//! The floors of `src/lib.rs`, kept: a module uses only modules on its own floor or below. A few lines over
//! the source files, as large Rust projects keep such "tidy" tests; the data flows one way, and a rule's
//! identity never needs its check.

use std::path::{Path, PathBuf};

/// Bottom to top. Items of `lib.rs` itself (`crate::analyze`, `crate::Analysis`, …) are on the analysis floor.
const FLOORS: &[&[&str]] = &[
    &["text"],
    &["catalogue"],
    &["diagnostics"],
    &["syntax"],
    &["model"],
    &["checks"],
    &["lib", "settings", "config", "suppress", "read", "previous"],
    &["fix", "ide", "render", "import", "export"],
    &["cli", "server", "preview", "main"],
];

fn floor(module: &str) -> usize {
    FLOORS.iter().position(|f| f.contains(&module)).unwrap_or_else(|| {
        // Not a module of the crate: an item of `lib.rs`.
        FLOORS.iter().position(|f| f.contains(&"lib")).unwrap()
    })
}

/// The top module a file belongs to: `src/model/lower/mod.rs` → `model`, `src/lib.rs` → `lib`.
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// The top modules (or `lib.rs` items) a source names through `crate::`, outside comments and the test
/// module at its end; a `use crate::{…}` tree is read across lines and at its top level only
/// (`crate::{a::{b, c}, d}` names `a` and `d`).
fn uses(source: &str) -> Vec<String> {
    let code: String = source
        .split("#[cfg(test)]")
        .next()
        .unwrap_or_default()
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            out.push(rest.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or_default().to_owned());
            continue;
        };
        // The top-level items of the group: split at commas outside nested braces.
        let (mut depth, mut item) = (0, String::new());
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(item.trim().split("::").next().unwrap_or_default().to_owned());
                    item.clear();
                    continue;
                }
                _ => {}
            }
            item.push(c);
        }
        out.push(item.trim().split("::").next().unwrap_or_default().to_owned());
    }
    out.retain(|n| !n.is_empty() && n != "self");
    out
}

/// Every use of a floor above the user's own: (file, module used).
fn violations(files: &[(PathBuf, String)]) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for (path, source) in files {
        let own = floor(&module_of(path));
        for used in uses(source) {
            if floor(&used) > own {
                out.push((path.clone(), used));
            }
        }
    }
    out
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.strip_prefix(root).unwrap().to_owned(), text));
        }
    }
}

#[test]
fn every_module_uses_only_its_floor_and_those_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &src, &mut files);
    assert!(files.len() > 50, "the walk found the sources");
    for (path, _) in &files {
        let module = module_of(path);
        assert!(FLOORS.iter().any(|f| f.contains(&module.as_str())), "{module} ({}) is on no floor", path.display());
    }
    let found = violations(&files);
    assert!(found.is_empty(), "imports from a floor above: {found:#?}");
}

#[test]
fn the_imports_that_once_ran_up_the_floors_are_caught() {
    // The four of issue 11, as they would read today: the parser, the lowering and the diagnostics naming
    // checks, and the command line's floor named from the analysis.
    let cases = [
        ("diagnostics/mod.rs", "pub fn new(rule: &crate::checks::Rule, span: Span) -> Self {"),
        ("syntax/build.rs", "use crate::checks::{schema, yaml_syntax};"),
        ("model/lower/mod.rs", "use crate::{checks::value_format, text::Span};"),
        ("model/lower/sections.rs", "use crate::checks::value_format;"),
    ];
    for (path, source) in cases {
        let found = violations(&[(PathBuf::from(path), source.to_owned())]);
        assert_eq!(found.len(), 1, "{path}: {source}");
    }
    // A tree wrapped over lines, as rustfmt writes a long one, is read whole.
    let wrapped = "use crate::{\n    diagnostics::Diagnostic,\n    checks::{facts, figures},\n};";
    assert_eq!(violations(&[(PathBuf::from("syntax/build.rs"), wrapped.to_owned())]).len(), 1);
    let fine = "use crate::diagnostics::{Diagnostic, RuleId};\n#[cfg(test)]\nmod tests { use crate::analyze; }";
    assert!(violations(&[(PathBuf::from("model/read/mod.rs"), fine.to_owned())]).is_empty());
}
