//! The version `senshin-lint --version` prints: the crate's, and the commit and its date when built from a
//! checkout, so that a binary passed around an office can be traced to its source. A build from a published
//! package (crates.io, a wheel's source) has no `.git` of its own and prints the version alone.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `git` run in `dir`, deaf to the repository of whoever runs cargo (a hook sets `GIT_DIR`).
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    // Only this crate's own checkout counts: a crate unpacked inside someone else's repository is not one.
    let top = git(&manifest, &["rev-parse", "--show-toplevel"]).and_then(|t| std::fs::canonicalize(t).ok());
    let own = top.is_some() && top == std::fs::canonicalize(&manifest).ok();
    let commit = own.then(|| git(&manifest, &["log", "-1", "--format=%h %cs"])).flatten();
    if own {
        // A new commit moves HEAD or the branch it names. Only files that exist are watched: cargo reruns a
        // build script whose watched file is missing on every build.
        for path in ["HEAD", "refs/heads", "packed-refs"] {
            let watched = git(&manifest, &["rev-parse", "--path-format=absolute", "--git-path", path]);
            if let Some(p) = watched.filter(|p| Path::new(p).exists()) {
                println!("cargo:rerun-if-changed={p}");
            }
        }
    }
    let full = match commit {
        Some(c) => format!("{version} ({c})"),
        None => version,
    };
    println!("cargo:rustc-env=SENSHIN_LINT_VERSION={full}");
}
