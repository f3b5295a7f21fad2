//! Every input the fuzzer (`fuzz/`) ever found failing, kept with the fuzz targets' invariants: no panic,
//! sound spans, fixing leaves parsable YAML, and fixing again changes nothing.

use senshin_lint::cli::{Format, check_bytes, render};
use senshin_lint::diagnostics::Lang;
use senshin_lint::diagnostics::RuleId;
use senshin_lint::fix::{FixMode, fix};

fn syntax_ok(text: &str) -> bool {
    !senshin_lint::lint(text).iter().any(|d| d.rule == RuleId::YamlSyntax)
}

#[test]
fn fuzz_regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let checked = [check_bytes("fuzz.yaml", &bytes)];
        for (i, format) in Format::ALL.into_iter().enumerate() {
            let _ = render(format, if i % 2 == 0 { Lang::Ja } else { Lang::En }, &checked);
        }
        let text = &checked[0].text;
        if syntax_ok(text) {
            let once = fix(text, FixMode::Unsafe);
            assert!(syntax_ok(&once.text), "{}: a fix broke the YAML", path.display());
            assert_eq!(
                fix(&once.text, FixMode::Unsafe).text,
                once.text,
                "{}: fixing again changed the text",
                path.display()
            );
        }
        n += 1;
    }
    assert!(n > 0);
}
