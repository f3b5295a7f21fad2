//! Japanese output is Japanese: over every fixture and example, the Japanese text of each finding (message,
//! labels, notes, fix title) holds no English word and no draft path such as `zero_cases.A` or
//! `costs.B.rows`. What may stay in Latin letters: a rule id, a value or item name quoted as typed (「…」),
//! a command or option to be typed (senshin-lint, --unsafe-fixes), an encoding's name, a history row's printed
//! label (R5.7.1～R6.6.30) and units.

use senshin_lint::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// Latin words a Japanese message may hold: what the user types or reads elsewhere by that name.
const ALLOWED: &[&str] = &[
    "senshin-lint rules",
    "senshin-lint new",
    "senshin-lint",
    "--unsafe-fixes",
    "--fix",
    "ignore-file",
    "ignore",
    "toml",
    "UTF-8",
    "UTF-16LE",
    "UTF-16BE",
    "UTF-16",
    "Shift_JIS",
    "CP932",
    "BOM",
];

/// Words of YAML and programming the guide replaces (キー → 項目名, 抑制 → 除外, 水準 → 扱い …).
const JARGON: &[&str] =
    &["キー", "マッピング", "シーケンス", "スキーマ", "エイリアス", "ノード", "抑制", "水準", "バイト目", "正規化"];

/// A note that keeps the YAML reader's own words, as the guide asks, starts so; what follows is quoted data.
const ORIGINAL: &str = "読み取り処理の原文：";

fn drafts() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures/rules", "tests/fixtures/consistent", "examples"] {
        walk(Path::new(dir), &mut out);
    }
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "toml") {
            out.push(path);
        }
    }
}

/// The text with every 「…」 quotation removed (values and item names as typed), nested ones too.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '「' => depth += 1,
            '」' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The Latin words of `text` that a Japanese reader should not meet.
fn english(text: &str) -> Vec<String> {
    let text = text.split(ORIGINAL).next().unwrap_or_default();
    let mut text = unquoted(text);
    for word in ALLOWED {
        text = text.replace(word, " ");
    }
    let mut out = Vec::new();
    let mut word = String::new();
    let chars: Vec<char> = text.chars().chain([' ']).collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_alphabetic()
            || c == '_'
            || (c == '.' && !word.is_empty() && chars[i + 1].is_ascii_alphabetic())
            || (c == '-' && !word.is_empty())
        {
            word.push(c);
            continue;
        }
        let letters = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
        // One letter is a unit, a category or a history label (R5.7.1); a rule id is named in its header.
        let rule = senshin_lint::catalogue::find(word.trim_end_matches('-')).is_some();
        if letters > 1 && !rule && !(word.starts_with('R') && c.is_ascii_digit()) {
            out.push(std::mem::take(&mut word));
        }
        word.clear();
    }
    out
}

/// Signs a sentence must not be built on (≠ ≈ Σ →), characters that are not the report's (〜 U+301C, − U+2212),
/// and ISO dates: a Japanese reader meets 令和6年6月30日.
fn formula_signs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text.chars().filter(|c| "≠≈Σ→〜−".contains(*c)).map(String::from).collect();
    let digits: Vec<char> = text.chars().collect();
    for w in digits.windows(10) {
        let iso = w.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == '-' } else { c.is_ascii_digit() });
        if iso {
            out.push(w.iter().collect());
        }
    }
    out
}

fn texts(d: &Diagnostic) -> Vec<(&'static str, &str)> {
    let mut out = vec![("message", d.message.ja.as_str())];
    out.extend(d.labels.iter().map(|l| ("label", l.message.ja.as_str())));
    out.extend(d.notes.iter().map(|n| ("note", n.ja.as_str())));
    out.extend(d.fix.iter().map(|f| ("fix", f.title.ja.as_str())));
    out
}

#[test]
fn japanese_findings_hold_no_english_and_no_draft_paths() {
    let mut failures = Vec::new();
    for path in drafts() {
        let bytes = std::fs::read(&path).unwrap();
        // A configuration's mistakes, and a draft's findings.
        let diagnostics = if path.extension().is_some_and(|e| e == "toml") {
            senshin_lint::config::parse(&String::from_utf8(bytes).unwrap(), Path::new(".")).1
        } else {
            senshin_lint::cli::check_bytes(&path.display().to_string(), &bytes).diagnostics
        };
        for d in &diagnostics {
            for (part, text) in texts(d) {
                let mut wrong = english(text);
                wrong.extend(formula_signs(text));
                let prose = text.split(ORIGINAL).next().unwrap_or_default();
                wrong.extend(JARGON.iter().filter(|w| unquoted(prose).contains(**w)).map(|w| w.to_string()));
                if !wrong.is_empty() {
                    failures.push(format!("[{}] {part}: {text}\n    {wrong:?}  ({})", d.rule, path.display()));
                }
            }
        }
    }
    failures.sort();
    // One line per text: the same message from many fixtures is one failure.
    failures.dedup_by(|a, b| a.split("  (").next() == b.split("  (").next());
    assert!(failures.is_empty(), "{} Japanese texts hold English:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_test_sees_english_and_draft_paths() {
    assert_eq!(english("zero_cases.A に説明がありません"), ["zero_cases.A"]);
    assert_eq!(english("costs.B.rows の行"), ["costs.B.rows"]);
    assert_eq!(english("YAML の構文エラー: block sequence entries"), ["YAML", "block", "sequence", "entries"]);
    assert!(english("項目名「technolgies」は様式にありません。").is_empty());
    assert!(english("R5.7.1～R6.6.30の行、--unsafe-fixes を付けて、column-sum").is_empty());
    assert_eq!(formula_signs("1,271 ≠ 1,270（2019-05-01 から）"), ["≠", "2019-05-01"]);
    assert!(formula_signs("計算：①3＋②2－③0＝5。令和元年5月1日").is_empty());
}
