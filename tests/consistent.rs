//! Consistent drafts of other years, each with a form the published report has (sub-rows, figures at exactly
//! x.x5 億円 under either rounding, a technology insured mid-year, a 9-month history year, a facility registered
//! with no case, a period across the change of era): nothing may be reported on them.

#[test]
fn consistent_drafts_of_other_years_report_nothing() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/consistent");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let found = senshin_lint::lint(&text);
        let shown: Vec<String> = found.iter().map(|d| format!("{}: {}", d.rule, d.message.en)).collect();
        assert!(found.is_empty(), "{}:\n{}", path.display(), shown.join("\n"));
    }
    assert!(seen >= 3);
}
