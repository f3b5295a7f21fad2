//! Year over year: the published 令和6年度 report against the constructed 令和5年度 draft (`examples/r5`), with
//! every figure that links the two mutated in turn, in either file. Each mutation must fire the right rule at
//! the right cell of this year's draft, with a label in last year's.

use senshin_lint::Analysis;
use senshin_lint::diagnostics::{Diagnostic, RuleId};
use senshin_lint::model::{Cell, Part, Report};
use senshin_lint::previous::LastYear;
use senshin_lint::settings::Settings;
use senshin_lint::text::Span;
use std::path::Path;

const R5: &str = include_str!("../examples/r5/report.yaml");
const R6: &str = include_str!("../examples/r6/report.yaml");
const HERE: &str = "/years/r6/report.yaml";
const THERE: &str = "/years/r5/report.yaml";

/// This year's draft, naming last year's, analysed against `last` (given as an editor's open text: no disk).
fn against(this: &str, last: &str) -> Analysis {
    let this = this.replacen("  rounding: half_up", "  previous: ../r5/report.yaml\n  rounding: half_up", 1);
    let settings = Settings::default();
    let name = |p: &Path| p.display().to_string();
    let last = last.to_owned();
    let open = move |p: &Path| (p == Path::new(THERE)).then(|| last.clone());
    LastYear::new(Some(Path::new(HERE)), &settings, &name).with_open(open).analyze(&this)
}

/// Where `span` of the unmodified r6 text lands once `previous:` is written in (one line before `rounding`).
fn shifted(span: Span) -> usize {
    let inserted = "  previous: ../r5/report.yaml\n".len();
    let at = R6.find("  rounding: half_up").unwrap();
    if span.start >= at { span.start + inserted } else { span.start }
}

/// `text` with the number in `span` changed: its first digit raised by one (so that an amount in yen moves by
/// a whole digit's worth, enough to change a rounded figure), or a `-` turned into 1.
fn mutate(text: &str, span: Span) -> String {
    let cell = &text[span.range()];
    let changed = match cell.char_indices().find(|(_, c)| c.is_ascii_digit()) {
        Some((i, c)) => {
            let d = c.to_digit(10).unwrap();
            let next = if d == 9 { "10".to_owned() } else { (d + 1).to_string() };
            format!("{}{next}{}", &cell[..i], &cell[i + 1..])
        }
        None => "1".to_owned(),
    };
    format!("{}{changed}{}", &text[..span.start], &text[span.end..])
}

/// Last year's draft with the first row of table A and its 合計 both 10億円 higher in 総合計 (and nothing else
/// changed): a table still consistent in itself, whose total no longer rounds to this year's history.
fn consistent_raise(r5: &Report) -> String {
    let a = r5.costs.get(Part::A).unwrap();
    let (row, total) =
        (a.rows[0].total_yen.as_ref().unwrap().span, a.total.as_ref().unwrap().total_yen.as_ref().unwrap().span);
    let raise = |t: &str| {
        let n: i128 = t.replace(',', "").parse().unwrap();
        senshin_lint::diagnostics::group_digits(n + 1_000_000_000)
    };
    let mut text = R5.to_owned();
    for span in [total, row] {
        // The later span first, so that the earlier one's offsets still hold.
        let new = raise(&text[span.range()]);
        text.replace_range(span.range(), &new);
    }
    text
}

struct Link {
    what: String,
    rule: RuleId,
    /// The cell of this year's draft (in r6 as published).
    here: Span,
    /// The cell of last year's draft it must agree with, when one cell does (else only this year's is mutated).
    there: Option<Span>,
}

fn links(r6: &Report, r5: &Report) -> Vec<Link> {
    let mut out = Vec::new();
    for (name, mine, theirs) in [
        ("A", &r6.changes.a, &r5.changes.a),
        ("B", &r6.changes.b, &r5.changes.b),
        ("計", &r6.changes.total, &r5.changes.total),
    ] {
        let (mine, theirs) = (mine.as_ref().unwrap(), theirs.as_ref().unwrap());
        out.push(Link {
            what: format!("changes {name} ①"),
            rule: RuleId::PreviousChanges,
            here: mine.previous.as_ref().unwrap().span,
            there: Some(theirs.current.as_ref().unwrap().span),
        });
    }
    let last_period = r5.meta.period.as_ref().unwrap().value;
    for row in &r6.history[..r6.history.len() - 1] {
        let period = row.period.as_ref().unwrap().value;
        let theirs = r5.history.iter().find(|r| r.period.as_ref().unwrap().value == period).unwrap();
        let is_last = period == last_period;
        macro_rules! cells {
            ($($f:ident),*) => {$(
                let there = if is_last { None } else { Some(theirs.$f.as_ref().unwrap().span) };
                out.push(Link {
                    what: format!("history {period:?} {}", stringify!($f)),
                    rule: RuleId::PreviousHistory,
                    here: row.$f.as_ref().unwrap().span,
                    there,
                });
            )*};
        }
        cells!(technologies, facilities, patients, total_cost, insured_cost, advanced_cost, advanced_ratio);
        if !is_last {
            cells!(months);
        } else {
            // Last year's row against last year's report: ② has no other source than its summary.
            let total = r5.summary.total.as_ref().unwrap();
            out.push(Link {
                what: "history, last year's row, facilities against last year's ②".into(),
                rule: RuleId::PreviousHistory,
                here: row.facilities.as_ref().unwrap().span,
                there: Some(total.facilities.as_ref().unwrap().span),
            });
            // …and its total amount against last year's yen: the 合計 of 総合計 (its rows changed alike, see
            // `consistent_raise`; a 合計 that its rows contradict is last year's own `column-sum` finding).
            let a = r5.costs.get(Part::A).unwrap();
            out.push(Link {
                what: "history, last year's row, total amount against last year's table".into(),
                rule: RuleId::PreviousHistory,
                here: row.total_cost.as_ref().unwrap().span,
                there: Some(a.total.as_ref().unwrap().total_yen.as_ref().unwrap().span),
            });
        }
    }
    for part in Part::BOTH {
        for entry in r6.zero_cases.get(part).unwrap() {
            let (Some(prior), Some(notice)) = (&entry.prior_cases, &entry.notice) else { continue };
            let rows: Vec<_> = r5
                .costs
                .get(part)
                .unwrap()
                .rows
                .iter()
                .filter(|r| r.notice.as_ref().unwrap().value.number == notice.value.number)
                .collect();
            let there = match (prior.value, rows.as_slice()) {
                (Cell::Value(_), [one]) => Some(one.cases.as_ref().unwrap().span),
                _ => None,
            };
            out.push(Link {
                what: format!("zero case {} {}", part.key(), notice.value),
                rule: RuleId::PreviousCases,
                here: prior.span,
                there,
            });
        }
    }
    out
}

fn found(a: &Analysis, rule: RuleId, at: usize) -> Option<&Diagnostic> {
    a.diagnostics.iter().find(|d| d.rule == rule && d.span.start == at)
}

#[test]
fn the_published_report_against_last_years_draft_finds_nothing_new() {
    let alone = senshin_lint::analyze(R6);
    let both = against(R6, R5);
    assert!(both.previous.is_some(), "{:#?}", both.diagnostics);
    let rules = |a: &Analysis| a.diagnostics.iter().map(|d| d.rule).collect::<Vec<_>>();
    // The one change: notice 49's 「0件」 is now `previous-cases`'s (last year's table has no such technology),
    // not `prior-cases`'s guess from its effective date.
    let expected: Vec<RuleId> =
        rules(&alone).into_iter().map(|r| if r == RuleId::PriorCases { RuleId::PreviousCases } else { r }).collect();
    assert_eq!(rules(&both), expected, "{:#?}", both.diagnostics);
    let r5 = senshin_lint::analyze(R5);
    assert!(r5.diagnostics.is_empty(), "last year's draft is consistent: {:#?}", r5.diagnostics);
}

#[test]
fn every_linked_figure_changed_in_either_file_fires_at_this_years_cell_with_a_label_in_last_years() {
    let (r6, r5) = (senshin_lint::analyze(R6), senshin_lint::analyze(R5));
    let links = links(&r6.report, &r5.report);
    assert!(links.len() > 40, "{}", links.len());
    let mut failures = Vec::new();
    for link in &links {
        let here = shifted(link.here);
        // This year's cell changed.
        let a = against(&mutate(R6, link.here), R5);
        match found(&a, link.rule, here) {
            Some(d) if d.labels.iter().any(|l| l.in_previous) => {}
            other => failures.push(format!("{} (this year's cell): {other:?}", link.what)),
        }
        // Last year's cell changed.
        if let Some(there) = link.there {
            let last = if link.what.contains("table") { consistent_raise(&r5.report) } else { mutate(R5, there) };
            let a = against(R6, &last);
            match found(&a, link.rule, here) {
                Some(d) if d.labels.iter().any(|l| l.in_previous && l.span.start == there.start) => {}
                other => failures.push(format!("{} (last year's cell): {other:?}", link.what)),
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} links:\n{}", failures.len(), links.len(), failures.join("\n"));
}
