//! Rule fixtures: `tests/fixtures/rules/<rule-id>/fires_*.yaml` must produce at least one diagnostic of that
//! rule (rendered in Japanese and English into an insta snapshot), `silent_*.yaml` none. Fixtures may be
//! partial drafts: only the rule under test is looked at. `.toml` fixtures are configuration files.

use senshin_lint::cli::{Checked, human_to_string};
use senshin_lint::diagnostics::Lang;
use std::path::Path;

fn rule_and_kind(path: &Path) -> (String, String) {
    let rule = path.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str()).unwrap_or_default();
    let file = path.file_stem().and_then(|n| n.to_str()).unwrap_or_default();
    (rule.to_owned(), file.split('_').next().unwrap_or_default().to_owned())
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/rules/*/*.{yaml,toml}", |path| {
        let (rule, kind) = rule_and_kind(path);
        let id =
            senshin_lint::catalogue::find(&rule).unwrap_or_else(|| panic!("{}: no rule named {rule}", path.display()));
        let bytes = std::fs::read(path).unwrap();
        let name = format!("{rule}/{}", path.file_name().unwrap().to_string_lossy());
        let mut checked = if path.extension().is_some_and(|e| e == "toml") {
            let text = String::from_utf8(bytes).unwrap();
            let (_, diagnostics) = senshin_lint::config::parse(&text, Path::new("."));
            Checked { path: name.clone(), text, diagnostics, previous: None }
        } else {
            // From its own path: a fixture may name last year's draft (`report.previous`) from its folder.
            senshin_lint::cli::check_owned(&name, Some(path), bytes, None)
        };
        checked.diagnostics.retain(|d| d.rule == id);
        match kind.as_str() {
            "fires" => {
                assert!(!checked.diagnostics.is_empty(), "{name} must fire {rule}");
                let checked = [checked];
                let rendered =
                    format!("{}\n{}", human_to_string(&checked, Lang::Ja), human_to_string(&checked, Lang::En));
                insta::assert_snapshot!(rendered);
            }
            "silent" => {
                let shown = human_to_string(&[Checked { ..checked.clone() }], Lang::En);
                assert!(checked.diagnostics.is_empty(), "{name} must not fire {rule}:\n{shown}");
            }
            other => panic!("{name}: a fixture is named fires_* or silent_*, not {other}_*"),
        }
    });
}
