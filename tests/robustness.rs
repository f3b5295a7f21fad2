//! Bad input never panics, never hangs and never points outside the text. The drafts are edited at random
//! (deterministically, so a failure reproduces), then linted and rendered in both formats; every span must lie
//! inside the text on character boundaries, and the same input must give the same diagnostics.

use senshin_lint::cli::{check_bytes, human_to_string, json_value};
use senshin_lint::diagnostics::Lang;

/// xorshift64*: small, deterministic, good enough to pick edits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

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
];

fn edit(text: &str, rng: &mut Rng) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(3) {
            0 => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                bytes.splice(at..at, piece.iter().copied());
            }
            1 => {
                let end = (at + 1 + rng.below(40)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            _ => {
                if at < bytes.len() {
                    bytes[at] = (rng.next() & 0xff) as u8;
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
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
    let _ = human_to_string(&checked, Lang::Ja);
    let _ = json_value(&checked, Lang::En);
}

#[test]
fn random_edits_of_the_examples() {
    let seeds = ["examples/small/report.yaml", "examples/broken/report.yaml", "examples/r6/report.yaml"];
    let mut rng = Rng(0x5EED_CAFE);
    let rounds: usize = std::env::var("SENSHIN_ROBUSTNESS_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(300);
    for seed in seeds {
        let text = std::fs::read_to_string(seed).unwrap();
        for round in 0..rounds {
            let edited = edit(&text, &mut rng);
            assert_sound(&format!("{seed}#{round}"), edited.as_bytes());
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
