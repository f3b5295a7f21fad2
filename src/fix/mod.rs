//! Applying fixes to a text: the safe ones, or all of them. Fixes are applied in rounds (a fix can reveal
//! another) until none is left. A round applies every fix that does not overlap another at once, analyses the
//! result once, and keeps it when it holds: the YAML still parses, it reads as before outside the edits
//! (`unchanged`), and every fix made its own diagnostic go away. When it does not hold, the set is split in
//! halves, so a round costs a few analyses rather than one per fix, and a fix found wanting is not tried
//! again. The result is a fixed point: fixing it again changes nothing.

mod compose;
mod unchanged;

use crate::Analysis;
use crate::diagnostics::RuleId;
use crate::diagnostics::{Diagnostic, Edit, Fix, Message};
use crate::text::Span;
use std::collections::HashSet;

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
    /// The analysis of the fixed text (under the same settings as the fixing).
    pub analysis: Analysis,
    /// Every change, as edits on the original text: splicing them into the original bytes changes nothing else.
    pub edits: Vec<Edit>,
}

fn applies(fix: &Fix, mode: FixMode) -> bool {
    fix.safe || mode == FixMode::Unsafe
}

pub(crate) fn apply_edits(text: &str, edits: &[Edit]) -> String {
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

/// Fixes with the default analysis.
pub fn fix(text: &str, mode: FixMode) -> Fixed {
    fix_with(text, mode, &crate::analyze)
}

/// What tells one fix from another across rounds, whose positions move: its rule, message and edits' texts.
type Identity = (RuleId, Message, Vec<String>);

fn identity(d: &Diagnostic, f: &Fix) -> Identity {
    (d.rule, d.message.clone(), f.edits.iter().map(|e| e.replacement.clone()).collect())
}

/// The fixes of one round that do not overlap each other, in source order, less those found wanting.
fn compatible<'a>(
    diagnostics: &'a [Diagnostic],
    mode: FixMode,
    wanting: &HashSet<Identity>,
) -> Vec<(&'a Diagnostic, &'a Fix)> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for (d, fix) in diagnostics.iter().filter_map(|d| Some((d, d.fix.as_ref()?))).filter(|(_, f)| applies(f, mode)) {
        let clashes = fix.edits.iter().any(|e| taken.iter().any(|&(a, b)| e.span.start <= b && a <= e.span.end));
        if !clashes && !wanting.contains(&identity(d, fix)) {
            taken.extend(fix.edits.iter().map(|e| (e.span.start, e.span.end)));
            out.push((d, fix));
        }
    }
    out
}

/// Whether the diagnostic a fix was for is gone after the round: nothing says the same where its span moved
/// to. Past the point where a draft with too many findings stops showing them, nothing can be told, and the
/// fix counts as not working.
fn gone(d: &Diagnostic, regions: &[(Span, Span)], after: &Analysis) -> bool {
    let at = unchanged::moved_span(regions, d.span);
    let limit = after.diagnostics.iter().rev().find(|l| l.rule == RuleId::DiagnosticLimit);
    if limit.is_some_and(|l| at.start >= l.span.start) {
        return false;
    }
    !after
        .diagnostics
        .iter()
        .any(|a| a.rule == d.rule && a.message == d.message && a.span.start <= at.end && at.start <= a.span.end)
}

/// Fixes the diagnostics that `analyze` reports (a configuration may turn rules off or change the rounding).
///
/// A fix must make its diagnostic go away (nothing says the same where it was) and leave the rest of the text
/// reading as before. One that does
/// not (its text lands where the YAML reads it as something else: inside a block scalar, or splitting a value
/// at a comma in a flow mapping) is dropped rather than applied.
pub fn fix_with(text: &str, mode: FixMode, analyze: &dyn Fn(&str) -> Analysis) -> Fixed {
    let mut current = text.to_owned();
    let mut applied = 0;
    let mut analysis = analyze(&current);
    let was_parsing = analysis.parsed;
    let mut wanting = HashSet::new();
    let mut composed = compose::Composed::new(text.len());
    for _ in 0..MAX_ROUNDS {
        let fixes = compatible(&analysis.diagnostics, mode, &wanting);
        if fixes.is_empty() {
            break;
        }
        let round = Round { text: &current, before: &analysis, was_parsing, analyze };
        let Some((text, after, edits)) = round.apply(fixes, &mut wanting) else { break };
        applied += edits.len();
        composed.apply(&edits.into_iter().flatten().collect::<Vec<_>>());
        current = text;
        analysis = after;
    }
    Fixed { text: current, applied, analysis, edits: composed.edits() }
}

/// One round: a text, its analysis, and the fixes to try on it.
struct Round<'r> {
    text: &'r str,
    before: &'r Analysis,
    was_parsing: bool,
    analyze: &'r dyn Fn(&str) -> Analysis,
}

impl Round<'_> {
    /// Applies the largest part of `fixes` that holds, found by halving: the new text, its analysis and the
    /// edits of each fix applied; `None` when no fix holds. A single fix that does not hold is added to
    /// `wanting`.
    fn apply(
        &self,
        fixes: Vec<(&Diagnostic, &Fix)>,
        wanting: &mut HashSet<Identity>,
    ) -> Option<(String, Analysis, Vec<Vec<Edit>>)> {
        let edits: Vec<Edit> = fixes.iter().flat_map(|(_, f)| f.edits.iter().cloned()).collect();
        let candidate = apply_edits(self.text, &edits);
        let after = (self.analyze)(&candidate);
        let reads = (!self.was_parsing || after.parsed) && unchanged::holds(&self.before.tree, &after.tree, &edits);
        if reads {
            let regions = unchanged::regions(&edits);
            let (effective, not): (Vec<_>, Vec<_>) =
                fixes.iter().copied().partition(|&(d, _)| gone(d, &regions, &after));
            if not.is_empty() {
                return Some((candidate, after, fixes.iter().map(|(_, f)| f.edits.clone()).collect()));
            }
            // The fixes that did not remove their diagnostic are not tried again; the rest are, without them.
            wanting.extend(not.iter().map(|&(d, f)| identity(d, f)));
            return if effective.is_empty() { None } else { self.apply(effective, wanting) };
        }
        if fixes.len() == 1 {
            wanting.insert(identity(fixes[0].0, fixes[0].1));
            return None;
        }
        let mut first = fixes;
        let second = first.split_off(first.len() / 2);
        self.apply(first, wanting).or_else(|| self.apply(second, wanting))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKEN: &str = include_str!("../../examples/broken/report.yaml");

    #[test]
    fn safe_fixes_only_change_writing() {
        let fixed = fix(BROKEN, FixMode::Safe);
        assert!(fixed.applied >= 2);
        assert!(fixed.text.contains("patients: 1,271"));
        assert!(fixed.text.contains("候補患者は複数名いたが、報告期間内では0件だった。"));
        // Figures stay as they were: the wrong 合計 is still wrong.
        assert!(fixed.analysis.diagnostics.iter().any(|d| d.rule == RuleId::ColumnSum));
        assert_eq!(fix(&fixed.text, FixMode::Safe).applied, 0, "a second run changes nothing");
    }

    #[test]
    fn unsafe_fixes_reach_a_fixed_point_and_keep_the_yaml_parsing() {
        let fixed = fix(BROKEN, FixMode::Unsafe);
        assert!(fixed.analysis.parsed);
        let again = fix(&fixed.text, FixMode::Unsafe);
        assert_eq!(again.applied, 0);
        assert_eq!(again.text, fixed.text);
        // Comments and CRLF outside the edits survive.
        let crlf = BROKEN.replace('\n', "\r\n");
        let fixed_crlf = fix(&crlf, FixMode::Unsafe).text;
        assert_eq!(fixed_crlf.replace("\r\n", "\n"), fixed.text);
        assert!(fixed.text.contains("# the 合計 says 1,271 (column-sum)"));
        assert_eq!(apply_edits(BROKEN, &fixed.edits), fixed.text, "the composed edits give the same text");
    }

    #[test]
    fn a_fix_that_would_split_a_value_in_a_flow_mapping_is_not_applied() {
        let text = BROKEN.replacen("patients: 1,271", "patients: １，２７１", 1);
        let flow = "    - {serial: 1, name: 陽子線治療, patients: １，２７１, cases: 3}\n";
        let text = format!("{text}\nextra:\n{flow}");
        let fixed = fix(&text, FixMode::Safe);
        assert!(!fixed.text.contains("patients: 1,271, cases"), "the value would read as 1 and a key 271");
        let before = crate::analyze(&text).tree;
        let after = &fixed.analysis.tree;
        let values = |t: &crate::syntax::Tree| (0..t.nodes.len()).filter(|&i| t.scalar(i).is_some()).count();
        assert_eq!(values(&before), values(after), "fixing adds or removes no value");
    }
}

#[cfg(test)]
mod split_numbers {
    use super::*;

    /// A full-width dash becomes a quoted `"-"`: a lone `-` would start a list.
    #[test]
    fn a_full_width_dash_is_fixed_quoted() {
        let text = "costs:\n  A:\n    total:\n      total_yen: －\n";
        let fixed = fix_with(text, FixMode::Safe, &crate::analyze);
        assert!(fixed.text.contains("total_yen: \"-\"\n"), "{}", fixed.text);
        assert!(fixed.analysis.parsed);
    }

    /// A number of many groups is one finding, whose fix quotes it whole.
    #[test]
    fn a_long_number_split_is_one_finding() {
        let text = "costs:\n  A:\n    total: {total_yen: 2,000,000,000, advanced_yen: 1, cases: 1, facilities: 1}\n";
        let schema: Vec<_> = crate::lint(text)
            .into_iter()
            .filter(|d| d.rule == RuleId::Schema && d.message.en.contains("a comma separates items"))
            .collect();
        assert_eq!(schema.len(), 1, "{schema:#?}");
        assert!(schema[0].message.en.contains("2,000,000,000"));
        let fixed = fix_with(text, FixMode::Safe, &crate::analyze);
        assert!(fixed.text.contains("total_yen: \"2,000,000,000\", advanced_yen"), "{}", fixed.text);
    }

    /// `{cases: 1,271}` reads `cases: 1` and a key `271`: no fix rewrites the `1` as a figure, and the split
    /// is fixed by quoting the number as typed (full-width digits too, which an ASCII comma would split).
    #[test]
    fn a_number_a_flow_mapping_split_is_quoted_never_rewritten() {
        let text = "costs:\n  A:\n    rows:\n      - {serial: 1, notice: \"1\", name: a, effective: 平13.7.1, total_yen: 100, advanced_yen: 50, avg_stay_days: 1.0, cases: 1,271, facilities: 2}\n    total: {total_yen: 100, advanced_yen: 50, cases: １，２７０, facilities: 2}\n";
        let analysis = crate::analyze(text);
        assert!(!analysis.diagnostics.iter().any(|d| d.rule == RuleId::ColumnSum), "the split `1` is not read as 1");
        let fixed = fix_with(text, FixMode::Safe, &crate::analyze);
        assert!(fixed.text.contains("cases: \"1,271\", facilities"), "{}", fixed.text);
        assert!(fixed.text.contains("cases: \"1,270\", facilities"), "{}", fixed.text);
        // Now both are read, and the 合計 disagrees with its one row, which a slip explains: the row is named,
        // and nothing rewrites the 合計.
        assert!(fixed.analysis.diagnostics.iter().any(|d| d.rule == RuleId::ColumnSum && d.fix.is_none()));
        let fixed = fix_with(text, FixMode::Unsafe, &crate::analyze);
        assert!(fixed.text.contains("advanced_yen: 50, cases: \"1,270\", facilities"), "{}", fixed.text);
    }
}
