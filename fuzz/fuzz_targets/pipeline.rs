//! The whole pipeline on arbitrary bytes: decode, parse, lower, check, fix, and every renderer. Invariants:
//! no panic; every span inside the text on character boundaries; fixing leaves parsable YAML when the input
//! parsed, and fixing again changes nothing; parsing, reading rows and checking on one thread or two give the
//! same result.
#![no_main]

use senshin_lint::diagnostics::RuleId;
use libfuzzer_sys::fuzz_target;
use senshin_lint::cli::{Format, check_bytes, render};
use senshin_lint::diagnostics::Lang;
use senshin_lint::fix::{FixMode, fix};

fuzz_target!(|data: &[u8]| {
    let checked = check_bytes("fuzz.yaml", data);
    let text = &checked.text;
    for d in &checked.diagnostics {
        let spans = std::iter::once(d.span)
            .chain(d.labels.iter().map(|l| l.span))
            .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)));
        for s in spans {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
    let checked = [checked];
    for (i, format) in Format::ALL.into_iter().enumerate() {
        let _ = render(format, if i % 2 == 0 { Lang::Ja } else { Lang::En }, &checked);
    }
    let text = &checked[0].text;
    let one = senshin_lint::syntax::parse_with(text, false);
    assert!(one == senshin_lint::syntax::parse_with(text, true), "parsing on one thread and two differ");
    let complete = !one.1.iter().any(|d| d.rule == RuleId::YamlSyntax);
    let lowered = format!("{:?}", senshin_lint::model::lower_with(&one.0, text, complete, usize::MAX));
    let split = format!("{:?}", senshin_lint::model::lower_with(&one.0, text, complete, 0));
    assert_eq!(lowered, split, "reading rows on one thread and two differ");
    let analysis = senshin_lint::analyze(text);
    let cx = senshin_lint::checks::Context { report: &analysis.report, text, figures: &analysis.figures, previous: None };
    let one = senshin_lint::checks::run_with(&cx, false);
    assert!(one == senshin_lint::checks::run_with(&cx, true), "checks on one thread and two differ");
    let syntax_ok = |t: &str| !senshin_lint::lint(t).iter().any(|d| d.rule == RuleId::YamlSyntax);
    if text.len() < 2_000 && syntax_ok(text) {
        let once = fix(text, FixMode::Unsafe);
        assert!(syntax_ok(&once.text), "a fix broke the YAML");
        let twice = fix(&once.text, FixMode::Unsafe);
        assert_eq!(twice.text, once.text, "fixing again changed the text");
    }
});
