//! `check --fix` through the binary: it never loses a byte. Standard input always comes back whole, in its own
//! encoding; files are replaced through a fresh temporary file that nothing planted can redirect; links stay
//! links, modes stay modes; bytes outside the fixes are the file's own.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BROKEN: &str = include_str!("../examples/broken/report.yaml");
const SMALL: &str = include_str!("../examples/small/report.yaml");

fn run(args: &[&str], input: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_senshin-lint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("senshin-lint-fix-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The broken example fixed (safe fixes), as `--fix` gives it for UTF-8 on standard input.
fn broken_fixed() -> String {
    let o = run(&["check", "--fix", "--stdin-filename", "r.yaml", "-"], Some(BROKEN.as_bytes()));
    let fixed = String::from_utf8(o.stdout).unwrap();
    assert!(fixed.contains("patients: 1,271 ") && fixed != BROKEN);
    fixed
}

fn sjis(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn standard_input_always_comes_back_whole() {
    // Nothing to fix: the text itself, not an empty document.
    let o = run(&["check", "--fix", "--stdin-filename", "r.yaml", "-"], Some(SMALL.as_bytes()));
    assert_eq!(o.stdout, SMALL.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    // Not UTF-8 nor Shift_JIS: as it came, and the error on standard error.
    let bad = b"report:\n  title: \xFF\xFE\xFD\x80\n".to_vec();
    let o = run(&["check", "--fix", "-"], Some(&bad));
    assert_eq!(o.stdout, bad);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid UTF-8"));
    // A byte-order mark stays.
    let bom = format!("\u{feff}{BROKEN}");
    let o = run(&["check", "--fix", "--stdin-filename", "r.yaml", "-"], Some(bom.as_bytes()));
    assert!(o.stdout.starts_with("\u{feff}".as_bytes()));
    assert!(String::from_utf8_lossy(&o.stdout).contains("patients: 1,271 "));
    // Shift_JIS comes back in Shift_JIS.
    let o = run(&["check", "--fix", "--stdin-filename", "r.yaml", "-"], Some(&sjis(BROKEN)));
    assert!(o.stdout == sjis(&broken_fixed()), "Shift_JIS in, the same fixes in Shift_JIS out");
}

#[test]
fn a_file_beside_standard_input_is_reported_too() {
    let d = dir("both");
    let file = d.join("draft.yaml");
    std::fs::write(&file, BROKEN).unwrap();
    let o = run(&["check", "--fix", s(&file), "-", "--stdin-filename", "in.yaml"], Some(SMALL.as_bytes()));
    assert_eq!(o.stdout, SMALL.as_bytes(), "standard output holds standard input's text alone");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("draft.yaml") && err.contains("column-sum"), "{err}");
    assert_eq!(o.status.code(), Some(1), "the file's errors count");
}

#[cfg(unix)]
#[test]
fn links_planted_or_followed_and_modes() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let d = dir("links");
    // A link planted at the name the temporary file once had must not redirect the write.
    let victim = d.join("victim.txt");
    std::fs::write(&victim, "not yours").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o640)).unwrap();
    let draft = d.join("draft.yaml");
    std::fs::write(&draft, BROKEN).unwrap();
    std::fs::set_permissions(&draft, std::fs::Permissions::from_mode(0o600)).unwrap();
    symlink(&victim, d.join(".draft.yaml.senshin-lint.tmp")).unwrap();
    let o = run(&["check", "--fix", s(&draft)], None);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not yours");
    assert_eq!(std::fs::metadata(&victim).unwrap().permissions().mode() & 0o777, 0o640);
    assert!(std::fs::read_to_string(&draft).unwrap().contains("patients: 1,271 "));
    assert_eq!(std::fs::metadata(&draft).unwrap().permissions().mode() & 0o777, 0o600);
    // A draft that is a link: its target is fixed and the link stays.
    std::fs::create_dir_all(d.join("real")).unwrap();
    let real = d.join("real/report.yaml");
    std::fs::write(&real, BROKEN).unwrap();
    let link = d.join("link.yaml");
    symlink(&real, &link).unwrap();
    run(&["check", "--fix", s(&link)], None);
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("patients: 1,271 "));
    // Nothing left behind.
    for dir in [d.clone(), d.join("real")] {
        let names: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(!names.iter().any(|n| n.starts_with(".senshin-lint-")), "{names:?}");
    }
}

#[test]
fn a_long_name_can_be_fixed() {
    let d = dir("long");
    let file = d.join(format!("{}.yaml", "報".repeat(80))); // 245 bytes
    std::fs::write(&file, BROKEN).unwrap();
    let o = run(&["check", "--fix", s(&file)], None);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read_to_string(&file).unwrap().contains("patients: 1,271 "));
}

#[test]
fn bytes_outside_the_fixes_are_the_files_own() {
    // FA4A and ED40 are IBM and NEC extension codes; re-encoding the text would write 8754 and FA5C instead.
    let mut bytes = b"# \xFA\x4A \xED\x40\r\n".to_vec();
    bytes.extend(sjis(BROKEN));
    let d = dir("sjis");
    let file = d.join("draft.yaml");
    std::fs::write(&file, &bytes).unwrap();
    run(&["check", "--fix", s(&file)], None);
    let after = std::fs::read(&file).unwrap();
    let mut expected = b"# \xFA\x4A \xED\x40\r\n".to_vec();
    expected.extend(sjis(&broken_fixed()));
    assert!(after == expected, "only the fixes' bytes changed");
}

#[test]
fn a_safe_fix_never_splits_a_value_in_a_flow_mapping() {
    let flow = BROKEN.replacen(
        "  A:\n    technologies: 4\n    facilities: 25\n    patients: １，２７１        # full-width digits (fullwidth-digits)\n",
        "  A: {technologies: 4, facilities: 25, patients: １，２７１}\n  A2:\n",
        1,
    );
    assert_ne!(flow, BROKEN);
    let o = run(&["check", "--fix", "--stdin-filename", "r.yaml", "-"], Some(flow.as_bytes()));
    let fixed = String::from_utf8(o.stdout).unwrap();
    assert!(!fixed.contains("patients: 1,271}"), "YAML would read 1 and a key 271");
    let before = run(&["check", "--format", "json", "--stdin-filename", "r.yaml", "-"], Some(flow.as_bytes()));
    let after = run(&["check", "--format", "json", "--stdin-filename", "r.yaml", "-"], Some(fixed.as_bytes()));
    let errors = |o: &Output| -> u64 {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["summary"]["errors"].as_u64().unwrap()
    };
    assert!(errors(&after) <= errors(&before), "fixing adds no error");
}
