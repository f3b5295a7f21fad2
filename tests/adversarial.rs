//! Adversarial inputs, each with the diagnostic it must produce: the tool never panics, never expands an
//! alias, stops at its limits with a position, and says what is wrong.

use senshin_lint::cli::check_bytes;
use senshin_lint::diagnostics::RuleId;

fn rules_of(input: &[u8]) -> Vec<&'static str> {
    check_bytes("adversarial.yaml", input).diagnostics.iter().map(|d| d.rule.name()).collect()
}

/// Each finding's message with its notes, in English.
fn messages_of(input: &[u8]) -> Vec<String> {
    let checked = check_bytes("adversarial.yaml", input);
    checked
        .diagnostics
        .iter()
        .map(|d| d.notes.iter().fold(d.message.en.clone(), |m, n| format!("{m} / {}", n.en)))
        .collect()
}

/// A draft whose `summary.A.patients` is `value`.
fn with_patients(value: &str) -> Vec<u8> {
    format!("summary:\n  A:\n    patients: {value}\n").into_bytes()
}

/// A draft with one cost row whose `effective` is `date`.
fn with_date(date: &str) -> Vec<u8> {
    format!("costs:\n  A:\n    rows:\n      - {{serial: 1, effective: {date}}}\n").into_bytes()
}

#[test]
fn limits_stop_with_a_position() {
    let alias_bomb = b"a: &a [x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n";
    let r = rules_of(alias_bomb);
    assert!(r.iter().filter(|r| **r == "schema").count() >= 6, "anchors and aliases reported, not expanded: {r:?}");

    // The parser's own recursion limit or ours, whichever comes first: a syntax error with a position.
    let flow = "[".repeat(100_000);
    assert_eq!(rules_of(flow.as_bytes()), ["yaml-syntax"]);
    assert!(messages_of("[".repeat(200).as_bytes())[0].contains("nesting deeper than 64"));
    let block: String = (0..100_000).map(|i| format!("{}- \n", " ".repeat(i.min(200)))).collect::<String>();
    let _ = rules_of(block.as_bytes());
    let deep_block: String = (0..100).map(|i| format!("{}k{i}:\n", "  ".repeat(i))).collect();
    assert!(messages_of(deep_block.as_bytes()).iter().any(|m| m.contains("nesting deeper than 64")));

    let huge = vec![b'#'; senshin_lint::MAX_FILE_BYTES + 1];
    assert!(messages_of(&huge)[0].contains("too large"));

    let long_line = format!("report: {{title: {}}}\n", "x".repeat(10_000_000));
    assert!(rules_of(long_line.as_bytes()).contains(&"schema"));
}

#[test]
fn bytes_and_line_ends() {
    assert_eq!(rules_of(b"report:\n  title: \xff\n"), ["yaml-syntax"]);
    assert!(messages_of(b"report:\n  title: \xff\n")[0].contains("invalid UTF-8 at byte 17"));
    assert!(rules_of(b"report:\n  title: a\0b\n").contains(&"yaml-syntax"), "NUL is not allowed in YAML");
    let bom = rules_of(b"\xef\xbb\xbfreport:\n  period: x\n");
    assert!(bom.contains(&"value-format") && !bom.contains(&"yaml-syntax"));
    let cr = check_bytes("cr.yaml", b"report:\r  period: x\r");
    let d = cr.diagnostics.iter().find(|d| d.rule == RuleId::ValueFormat).expect("CR-only line ends are read");
    assert_eq!(&cr.text[d.span.range()], "x");
    assert!(rules_of(b"report:\n\tperiod: x\n").contains(&"yaml-syntax"), "tabs cannot indent YAML");
    assert_eq!(rules_of(b""), ["schema"]);
    assert_eq!(rules_of(b"# only\n# comments\n"), ["schema"]);
    assert!(rules_of(b"a: 1\n---\nb: 2\n").contains(&"yaml-syntax"));
}

#[test]
fn numbers_that_are_not_figures() {
    for (value, expected) in [
        ("123456789012345678901234567890", "at most 15 digits"),
        ("-1", "cannot be negative"),
        ("1e309", "1e309 cannot be read"),
        (".nan", ".nan cannot be read"),
    ] {
        let m = messages_of(&with_patients(value));
        assert!(m.iter().any(|m| m.contains(expected)), "{value}: {m:?}");
    }
    let negative_amount = b"summary:\n  A:\n    insured_cost: \xe7\xb4\x84-798.2\xe5\x84\x84\xe5\x86\x86\n";
    assert!(rules_of(negative_amount).contains(&"value-format"));
}

#[test]
fn dates_that_do_not_exist() {
    for date in ["令和0年1月1日", "平成31年5月1日", "令和6年2月30日"] {
        let r = rules_of(&with_date(date));
        assert!(r.contains(&"era-date"), "{date}: {r:?}");
    }
}

#[test]
fn surrogate_pairs_and_combining_characters() {
    let text = "summary:\n  A:\n    𠮷é\u{301}: 1\n    patients: 𠮷\n";
    let checked = check_bytes("s.yaml", text.as_bytes());
    let unknown = checked.diagnostics.iter().find(|d| d.message.en.contains("is not part of the format")).unwrap();
    assert_eq!(&checked.text[unknown.span.range()], "𠮷é\u{301}");
    let value = checked.diagnostics.iter().find(|d| d.rule == RuleId::ValueFormat).unwrap();
    assert_eq!(&checked.text[value.span.range()], "𠮷");
}
