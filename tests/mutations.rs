//! The published report, one figure at a time: changing a figure so that an identity of the catalogue breaks
//! produces a new diagnostic of the right rule on that figure or on the cell it contradicts; changing a figure
//! that no identity binds produces none.

use senshin_lint::model::{Cell, Report, Spanned};
use senshin_lint::text::Span;
use senshin_lint::{analyze, diagnostics::Diagnostic};

const PUBLISHED: &str = include_str!("../examples/r6/report.yaml");

/// The text with the last ASCII digit of the span changed by one, up and down where the digit allows,
/// keeping its length (so every other span stays put).
fn mutations(text: &str, span: Span) -> Vec<String> {
    let slice = &text[span.range()];
    let Some((i, c)) = slice.char_indices().rev().find(|(_, c)| c.is_ascii_digit()) else {
        return Vec::new();
    };
    let d = c.to_digit(10).unwrap_or(0);
    let at = span.start + i;
    [d.checked_add(1).filter(|&n| n <= 9), d.checked_sub(1)]
        .into_iter()
        .flatten()
        .map(|n| format!("{}{}{}", &text[..at], n, &text[at + 1..]))
        .collect()
}

fn key(d: &Diagnostic) -> (String, Span, String) {
    (d.rule.name().to_owned(), d.span, d.message.en.clone())
}

fn new_diagnostics(after: &[Diagnostic], baseline: &[Diagnostic]) -> Vec<Diagnostic> {
    let before: Vec<_> = baseline.iter().map(key).collect();
    after.iter().filter(|d| !before.contains(&key(d))).cloned().collect()
}

fn touches(d: &Diagnostic, span: Span) -> bool {
    let overlaps = |s: Span| s.start < span.end && span.start < s.end;
    overlaps(d.span) || d.labels.iter().any(|l| overlaps(l.span))
}

fn spans<T>(fields: impl IntoIterator<Item = Option<Spanned<T>>>) -> Vec<Span> {
    fields.into_iter().flatten().map(|f| f.span).collect()
}

fn numeric<T>(c: &Option<Spanned<Cell<T>>>) -> Option<Span> {
    c.as_ref().filter(|c| matches!(c.value, Cell::Value(_))).map(|c| c.span)
}

/// Figures bound by an identity, with the rules that may report the break and whether the diagnostic must
/// touch the figure itself (a column sum points at the 合計 it contradicts instead).
fn bound(r: &Report) -> Vec<(Span, &'static [&'static str], bool)> {
    let mut out = Vec::new();
    for t in [&r.costs.a, &r.costs.b].into_iter().flatten() {
        for row in &t.rows {
            for s in
                [numeric(&row.total_yen), numeric(&row.advanced_yen), numeric(&row.cases), numeric(&row.facilities)]
                    .into_iter()
                    .flatten()
            {
                out.push((s, &["column-sum"][..], false));
            }
        }
        if let Some(total) = &t.total {
            let cells = spans([total.total_yen.clone(), total.advanced_yen.clone()])
                .into_iter()
                .chain(spans([total.cases.clone(), total.facilities.clone()]));
            for s in cells {
                out.push((s, &["column-sum"][..], true));
            }
        }
    }
    const SUMMARY: &[&str] = &["summary-arithmetic", "summary-vs-costs", "change-balance", "history-vs-report"];
    for col in [&r.summary.a, &r.summary.b, &r.summary.total].into_iter().flatten() {
        for s in spans([col.technologies.clone(), col.patients.clone()]) {
            out.push((s, SUMMARY, true));
        }
        for s in spans([col.insured_cost.clone(), col.advanced_cost.clone(), col.total_cost.clone()]) {
            out.push((s, SUMMARY, true));
        }
        out.extend(spans([col.advanced_ratio.clone()]).into_iter().map(|s| (s, SUMMARY, true)));
    }
    for col in [&r.changes.a, &r.changes.b, &r.changes.total].into_iter().flatten() {
        for c in
            [&col.previous, &col.approved, &col.insured, &col.withdrawn, &col.deleted, &col.current, &col.final_reports]
        {
            if let Some(s) = numeric(c) {
                out.push((s, &["change-balance"][..], true));
            }
        }
    }
    let n = r.history.len();
    let last = &r.history[n - 1];
    const HISTORY: &[&str] = &["history-vs-report", "history-arithmetic"];
    for s in spans([last.technologies.clone(), last.facilities.clone(), last.patients.clone()]) {
        out.push((s, HISTORY, true));
    }
    for s in spans([last.total_cost.clone(), last.insured_cost.clone(), last.advanced_cost.clone()]) {
        out.push((s, HISTORY, true));
    }
    out.extend(spans([last.advanced_ratio.clone()]).into_iter().map(|s| (s, HISTORY, true)));
    out.extend(spans([r.history[n - 2].technologies.clone()]).into_iter().map(|s| (s, HISTORY, true)));
    out
}

#[test]
fn every_bound_figure_is_guarded() {
    let baseline = analyze(PUBLISHED);
    let figures = bound(&baseline.report);
    assert!(figures.len() >= 300, "only {} figures found", figures.len());
    for (span, rules, must_touch) in figures {
        let variants = mutations(PUBLISHED, span);
        assert!(!variants.is_empty(), "a figure has a digit");
        for mutated in variants {
            let after = analyze(&mutated).diagnostics;
            let new = new_diagnostics(&after, &baseline.diagnostics);
            let flagged = new.iter().any(|d| rules.contains(&d.rule.name()) && (!must_touch || touches(d, span)));
            // Moving a figure that is already wrong toward its right value repairs instead of breaking.
            let after: Vec<_> = after.iter().map(key).collect();
            let repaired = baseline
                .diagnostics
                .iter()
                .any(|d| rules.contains(&d.rule.name()) && touches(d, span) && !after.contains(&key(d)));
            assert!(
                flagged || repaired,
                "changing `{}` to `{}` at byte {} went unnoticed by {rules:?}; new: {:?}",
                &PUBLISHED[span.range()],
                &mutated[span.range()],
                span.start,
                new.iter().map(|d| (d.rule, d.message.en.as_str())).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn figures_no_identity_binds_stay_silent() {
    let baseline = analyze(PUBLISHED);
    let r = &baseline.report;
    let mut free: Vec<Span> = Vec::new();
    for t in [&r.costs.a, &r.costs.b].into_iter().flatten() {
        free.extend(t.rows.iter().filter_map(|row| numeric(&row.avg_stay_days)));
    }
    // A facility is counted once across technologies, so ② is only bounded (396 → 397 stays inside).
    free.extend(spans([r.summary.a.as_ref().unwrap().facilities.clone()]));
    for old in &r.history[..r.history.len() - 2] {
        free.extend(spans([old.facilities.clone(), old.patients.clone()]));
    }
    assert!(free.len() >= 40, "only {} free figures", free.len());
    for span in free {
        for mutated in mutations(PUBLISHED, span) {
            let new = new_diagnostics(&analyze(&mutated).diagnostics, &baseline.diagnostics);
            let shown = &mutated[span.range()];
            assert!(
                new.is_empty(),
                "changing `{}` to `{shown}` produced {:?}",
                &PUBLISHED[span.range()],
                new.iter().map(|d| &d.message.en).collect::<Vec<_>>()
            );
        }
    }
}

const SMALL: &str = include_str!("../examples/small/report.yaml");

proptest::proptest! {
    /// A lint-clean report with one digit of one identity-bound figure changed at random gets a diagnostic of
    /// the right rule, on that figure or on the cell it contradicts.
    #[test]
    fn a_changed_figure_in_a_clean_report_is_noticed(
        which in proptest::prelude::any::<proptest::sample::Index>(),
        position in proptest::prelude::any::<proptest::sample::Index>(),
        digit in 0u8..10,
    ) {
        let baseline = analyze(SMALL);
        proptest::prop_assert!(baseline.diagnostics.is_empty());
        let figures = bound(&baseline.report);
        let (span, rules, must_touch) = figures[which.index(figures.len())];
        let digits: Vec<usize> =
            SMALL[span.range()].char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| span.start + i).collect();
        let at = digits[position.index(digits.len())];
        proptest::prop_assume!(SMALL.as_bytes()[at] != b'0' + digit);
        let mutated = format!("{}{}{}", &SMALL[..at], char::from(b'0' + digit), &SMALL[at + 1..]);
        let found = analyze(&mutated).diagnostics;
        proptest::prop_assert!(
            found.iter().any(|d| rules.contains(&d.rule.name()) && (!must_touch || touches(d, span))),
            "`{}` → `{}` went unnoticed by {:?}; found {:?}",
            &SMALL[span.range()],
            &mutated[span.range()],
            rules,
            found.iter().map(|d| d.rule).collect::<Vec<_>>()
        );
    }
}
