//! The version `senshin-lint --version` prints: the crate's, and the commit and its date when built from a
//! checkout, so that a binary passed around an office can be traced to its source. A build from a published
//! package (crates.io, a wheel's source) has no `.git` and prints the version alone.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let manifest = std::env::var("CARGO_MANIFEST_DIR").ok().and_then(|d| std::fs::canonicalize(d).ok());
    // Only this crate's own checkout counts: a crate unpacked inside someone else's repository is not one.
    let top = git(&["rev-parse", "--show-toplevel"]).and_then(|t| std::fs::canonicalize(t).ok());
    let own = top.is_some() && top == manifest;
    let commit = own.then(|| git(&["log", "-1", "--format=%h %cs"])).flatten();
    if own {
        // A new commit moves HEAD or the branch it names; both are watched.
        for path in ["HEAD", "refs/heads", "packed-refs"] {
            if let Some(p) = git(&["rev-parse", "--git-path", path]) {
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
