//! Applying fixes to a text: the safe ones, or all of them. Fixes are applied in rounds (a fix can reveal
//! another) until none is left, each fix whole or not at all, never two that overlap in one round, and never
//! one that would leave the YAML unparsable. The result is a fixed point: fixing it again changes nothing.

use crate::diagnostics::{Diagnostic, Edit, Fix};
use crate::lint;
use crate::rules::yaml_syntax;

/// Most rounds. Real chains settle in two or three; each added zero-case skeleton at the same place takes a
/// round of its own.
const MAX_ROUNDS: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only fixes that change how a value is written, never what it says.
    Safe,
    /// Also fixes that rewrite figures.
    Unsafe,
}

#[derive(Debug)]
pub struct Fixed {
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
}

fn applies(fix: &Fix, mode: FixMode) -> bool {
    fix.safe || mode == FixMode::Unsafe
}

fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

fn parses(text: &str) -> bool {
    !lint(text).iter().any(|d| d.rule == yaml_syntax::RULE.id)
}

/// Fixes with the default analysis.
pub fn fix(text: &str, mode: FixMode) -> Fixed {
    fix_with(text, mode, &lint)
}

/// The fixes of one round that do not overlap each other, in source order.
fn compatible(diagnostics: &[Diagnostic], mode: FixMode) -> Vec<(&Diagnostic, &Fix)> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for (d, fix) in diagnostics.iter().filter_map(|d| Some((d, d.fix.as_ref()?))).filter(|(_, f)| applies(f, mode)) {
        let clashes = fix.edits.iter().any(|e| taken.iter().any(|&(a, b)| e.span.start <= b && a <= e.span.end));
        if !clashes {
            taken.extend(fix.edits.iter().map(|e| (e.span.start, e.span.end)));
            out.push((d, fix));
        }
    }
    out
}

/// How many diagnostics say this, whatever their position (positions move as the text is edited).
fn count(diagnostics: &[Diagnostic], like: &Diagnostic) -> usize {
    diagnostics.iter().filter(|d| d.rule == like.rule && d.message == like.message).count()
}

/// Fixes the diagnostics that `lint` reports (a configuration may turn rules off or change the rounding).
///
/// A fix must make its diagnostic go away. One that does not (its text lands where the YAML reads it as
/// something else, say inside a block scalar) is dropped rather than applied again and again: fixing
/// reaches a fixed point, and fixing again changes nothing.
pub fn fix_with(text: &str, mode: FixMode, lint: &dyn Fn(&str) -> Vec<Diagnostic>) -> Fixed {
    let mut current = text.to_owned();
    let mut applied = 0;
    let was_parsing = parses(text);
    let mut diagnostics = lint(&current);
    for _ in 0..MAX_ROUNDS {
        let mut fixes = compatible(&diagnostics, mode);
        let mut next = None;
        while !fixes.is_empty() {
            let Some((candidate, taken)) = apply_parsing(&current, &fixes, was_parsing) else {
                break;
            };
            let after = lint(&candidate);
            let effective: Vec<_> =
                taken.iter().copied().filter(|&(d, _)| count(&after, d) < count(&diagnostics, d)).collect();
            if effective.len() == taken.len() {
                next = Some((candidate, after, taken.len()));
                break;
            }
            // Try again with only the fixes that worked; their spans still refer to `current`.
            fixes = effective;
        }
        let Some((candidate, after, n)) = next else {
            break;
        };
        applied += n;
        current = candidate;
        diagnostics = after;
    }
    Fixed { text: current, applied }
}

/// Applies `fixes` to `text`; when together they break YAML that parsed, the first that does not break it
/// alone. Returns the new text and the fixes applied.
fn apply_parsing<'a>(
    text: &str,
    fixes: &[(&'a Diagnostic, &'a Fix)],
    was_parsing: bool,
) -> Option<(String, Vec<(&'a Diagnostic, &'a Fix)>)> {
    let edits: Vec<Edit> = fixes.iter().flat_map(|(_, f)| f.edits.iter().cloned()).collect();
    let candidate = apply_edits(text, &edits);
    if !was_parsing || parses(&candidate) {
        return Some((candidate, fixes.to_vec()));
    }
    // Spans of the others refer to the old text, so one at a time.
    fixes.iter().find_map(|&(d, f)| {
        let one = apply_edits(text, &f.edits);
        parses(&one).then(|| (one, vec![(d, f)]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKEN: &str = include_str!("../examples/broken/report.yaml");

    #[test]
    fn safe_fixes_only_change_writing() {
        let fixed = fix(BROKEN, FixMode::Safe);
        assert!(fixed.applied >= 2);
        assert!(fixed.text.contains("patients: 1,271"));
        assert!(fixed.text.contains("候補患者は複数名いたが、報告期間内では0件だった。"));
        // Figures stay as they were: the wrong 合計 is still wrong.
        assert!(lint(&fixed.text).iter().any(|d| d.rule == "column-sum"));
        assert_eq!(fix(&fixed.text, FixMode::Safe).applied, 0, "a second run changes nothing");
    }

    #[test]
    fn unsafe_fixes_reach_a_fixed_point_and_keep_the_yaml_parsing() {
        let fixed = fix(BROKEN, FixMode::Unsafe);
        assert!(parses(&fixed.text));
        let again = fix(&fixed.text, FixMode::Unsafe);
        assert_eq!(again.applied, 0);
        assert_eq!(again.text, fixed.text);
        // Comments and CRLF outside the edits survive.
        let crlf = BROKEN.replace('\n', "\r\n");
        let fixed_crlf = fix(&crlf, FixMode::Unsafe).text;
        assert_eq!(fixed_crlf.replace("\r\n", "\n"), fixed.text);
        assert!(fixed.text.contains("# the 合計 says 1,271 (column-sum)"));
    }
}
