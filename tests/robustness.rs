//! Bad input never panics, never hangs and never points outside the text. The drafts are edited at random
//! (proptest: a failure is shrunk and reproduces), then linted and rendered; every span must lie inside the
//! text on character boundaries, the same input must give the same diagnostics, and fixing must leave
//! parsable YAML at a fixed point. `PROPTEST_CASES=5000` runs longer.

use proptest::prelude::*;
use senshin_lint::cli::{Format, check_bytes, render};
use senshin_lint::diagnostics::Lang;
use senshin_lint::diagnostics::RuleId;
use senshin_lint::fix::{FixMode, fix};

/// What drafts are made of, and what breaks them.
const PIECES: &[&str] = &[
    "0",
    "9",
    ",",
    ".",
    "-",
    "\"-\"",
    "※",
    "約",
    "億円",
    "%",
    "１",
    "，",
    "．",
    ":",
    ": ",
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "#",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!str ",
    "---\n",
    "'",
    "\"",
    "|\n",
    ">-\n",
    "- ",
    "令和",
    "元年",
    "平31.5.1",
    "2月30日",
    "〜",
    "～",
    "(1)",
    "（",
    "𠮷",
    "é",
    "\u{0301}",
    "\u{feff}",
    "\0",
    "99999999999999999999",
    "1e309",
    ".nan",
    "~",
    "# senshin-lint: ignore[column-sum]",
    "# senshin-lint: ignore-file[schema]",
];

/// An edit: at a position (taken modulo the length), insert a piece, delete up to 40 bytes, or set a byte.
type EditOp = (usize, u8, usize, u8);

fn edit(text: &str, ops: &[EditOp]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, kind, arg, byte) in ops {
        let at = at % (bytes.len() + 1);
        match kind % 3 {
            0 => {
                let piece = PIECES[arg % PIECES.len()].as_bytes();
                bytes.splice(at..at, piece.iter().copied());
            }
            1 => {
                let end = (at + 1 + arg % 40).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            _ => {
                if at < bytes.len() {
                    bytes[at] = byte;
                }
            }
        }
    }
    bytes
}

fn assert_sound(name: &str, input: &[u8]) {
    let checked = check_bytes(name, input);
    let text = &checked.text;
    for d in &checked.diagnostics {
        let mut spans = vec![d.span];
        spans.extend(d.labels.iter().map(|l| l.span));
        spans.extend(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)));
        for s in spans {
            assert!(s.start <= s.end && s.end <= text.len(), "{name}: {s:?} outside {} bytes ({})", text.len(), d.rule);
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{name}: {s:?} splits a character");
        }
    }
    let again = check_bytes(name, input);
    assert_eq!(checked.diagnostics, again.diagnostics, "{name}: not deterministic");
    let checked = [checked];
    for (i, format) in Format::ALL.into_iter().enumerate() {
        let _ = render(format, if i % 2 == 0 { Lang::Ja } else { Lang::En }, &checked);
    }
}

const SEEDS: [&str; 3] = [
    include_str!("../examples/small/report.yaml"),
    include_str!("../examples/broken/report.yaml"),
    include_str!("../examples/r6/report.yaml"),
];

fn parses(text: &str) -> bool {
    !senshin_lint::lint(text).iter().any(|d| d.rule == RuleId::YamlSyntax)
}

proptest! {
    /// Random edits of the examples: sound spans, the same output twice, every renderer; and on the smaller
    /// drafts, fixing leaves parsable YAML and reaches a fixed point.
    #[test]
    fn random_edits_of_the_examples(seed in 0usize..3, ops in prop::collection::vec((any::<usize>(), any::<u8>(), any::<usize>(), any::<u8>()), 1..5)) {
        let edited = edit(SEEDS[seed], &ops);
        assert_sound("edited.yaml", &edited);
        let text = check_bytes("edited.yaml", &edited).text;
        if seed < 2 && parses(&text) {
            let once = fix(&text, FixMode::Unsafe);
            prop_assert!(parses(&once.text), "a fix broke the YAML");
            prop_assert_eq!(fix(&once.text, FixMode::Unsafe).text, once.text, "fixing again changed the text");
        }
    }
}

#[test]
fn adversarial_inputs() {
    let deep_block: String = (0..2000).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("comments only", b"# nothing\n# here\n".to_vec()),
        ("flow nesting", "[".repeat(100_000).into_bytes()),
        ("block nesting", deep_block.into_bytes()),
        ("alias bomb", b"a: &a [1, 1]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c, *c]\n".to_vec()),
        ("invalid utf-8", b"report:\n  title: \xc3\x28\n".to_vec()),
        ("nul bytes", b"report:\n  title: a\0b\n".to_vec()),
        ("bom only", b"\xef\xbb\xbf".to_vec()),
        ("cr line ends", b"report:\r  period: R5.7.1~R6.6.30\r".to_vec()),
        ("tabs", b"report:\n\tperiod: x\n".to_vec()),
        ("long line", format!("report: {{title: {}}}", "x".repeat(1_000_000)).into_bytes()),
        ("huge integer", b"summary: {A: {patients: 123456789012345678901234567890}}".to_vec()),
        ("scalar root", b"42".to_vec()),
        ("list root", b"- a\n- b\n".to_vec()),
        ("several documents", b"a: 1\n---\nb: 2\n---\nc: 3\n".to_vec()),
        ("non-string keys", b"{[1, 2]: 3, {a: b}: c}".to_vec()),
    ];
    for (name, input) in cases {
        assert_sound(name, &input);
    }
}
