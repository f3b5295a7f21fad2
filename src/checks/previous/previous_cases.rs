//! `previous-cases`: a zero-case entry's （参考）前年度の実績 is last year's 年間実施件数 for the technology, or
//! 「-」 when last year's table did not have it. The technology is found by its name (as names compare), its
//! 告示番号 the fallback; when the two point at different technologies, a note says so.

use super::{last_year, theirs};
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId, group_digits};
use crate::model::places;
use crate::model::{Cell, CostRow, Part, Report, Spanned, ZeroCase};
use crate::text::Span;

/// A technology of last year's tables: its part, number and rows.
struct Found<'a> {
    part: Part,
    number: u32,
    rows: Vec<&'a CostRow>,
}

/// Last year's technologies, by number per part and by name (as names compare), built once per check: a
/// scan of every row for each entry would be quadratic on a large draft.
struct Index<'a> {
    a: Option<facts::Technologies<'a>>,
    b: Option<facts::Technologies<'a>>,
    /// Each name's technology, the first of its part; a row's name with and without the kind of facility.
    names: std::collections::HashMap<(Part, String), u32>,
}

impl<'a> Index<'a> {
    fn new(last: &'a Report) -> Index<'a> {
        let mut names = std::collections::HashMap::new();
        for p in Part::BOTH {
            let Some(table) = last.costs.get(p) else { continue };
            for (n, rows) in facts::technologies(table).iter() {
                for r in rows.iter().filter_map(|r| r.name.as_ref()) {
                    for name in [facts::canonical(facts::without_facility_kind(&r.value)), facts::canonical(&r.value)] {
                        names.entry((p, name)).or_insert(n);
                    }
                }
            }
        }
        let techs = |p: Part| last.costs.get(p).map(facts::technologies);
        Index { a: techs(Part::A), b: techs(Part::B), names }
    }

    fn rows(&self, part: Part, number: u32) -> Option<Vec<&'a CostRow>> {
        let techs = match part {
            Part::A => self.a.as_ref(),
            Part::B => self.b.as_ref(),
        }?;
        techs.get(number).map(<[_]>::to_vec)
    }

    /// Last year's technology for an entry of `part`: by name (this part first), else by number in this part;
    /// and whether name and number agree on it.
    fn find(&self, part: Part, entry: &ZeroCase) -> Option<(Found<'a>, bool)> {
        let number = entry.notice.as_ref().map(|n| n.value.number);
        let name = entry.name.as_ref().map(|n| facts::canonical(&n.value));
        if let Some(name) = &name {
            for p in [part, part.other()] {
                if let Some(&n) = self.names.get(&(p, name.clone())) {
                    let rows = self.rows(p, n)?;
                    return Some((Found { part: p, number: n, rows }, p == part && Some(n) == number));
                }
            }
        }
        let n = number?;
        Some((Found { part, number: n, rows: self.rows(part, n)? }, name.is_none()))
    }
}

/// Whether last year's tables are whole, so that a technology not found in them was not there.
fn whole(last: &Report) -> bool {
    Part::BOTH.iter().all(|&p| last.costs.get(p).is_some_and(facts::all_numbered))
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(previous) = cx.previous else { return };
    let last = &previous.report;
    let year = last_year(previous);
    let index = Index::new(last);
    for part in Part::BOTH {
        for (i, entry) in cx.report.zero_cases.get(part).into_iter().flatten().enumerate() {
            let Some(prior) = &entry.prior_cases else { continue };
            let place = places::zero_case(part, entry, i);
            let found = index.find(part, entry);
            let (expected, labels, agree, note) = match &found {
                Some((f, agree)) => {
                    let Some(cases) =
                        f.rows.iter().map(|r| r.cases.as_ref().map(|c| c.value.count())).sum::<Option<u64>>()
                    else {
                        continue;
                    };
                    let table = theirs(previous, &places::cost_table(f.part));
                    let labels: Vec<(Span, Message)> = f
                        .rows
                        .iter()
                        .filter_map(|r| r.cases.as_ref())
                        .map(|c| {
                            (
                                c.span,
                                Message::new(format!("{}の年間実施件数", table.ja), format!("{}: cases", table.en)),
                            )
                        })
                        .collect();
                    let note = (!agree).then(|| moved(&year, f, part, entry));
                    (Cell::Value(cases), labels, *agree, note)
                }
                None if whole(last) => {
                    let Some(table) = last.costs.get(part) else { continue };
                    let t = theirs(previous, &places::cost_table(part));
                    let label = Message::new(
                        format!("{}（この技術はありません）", t.ja),
                        format!("{} (the technology is not in it)", t.en),
                    );
                    (Cell::Dash, vec![(table.rows_key, label)], entry.notice.is_some() && entry.name.is_some(), None)
                }
                None => continue,
            };
            if same(prior, expected) {
                continue;
            }
            out.push(finding(cx.text, &year, &place, prior, expected, labels, agree, note));
        }
    }
}

fn same(prior: &Spanned<Cell<u64>>, expected: Cell<u64>) -> bool {
    match (prior.value, expected) {
        (Cell::Value(a), Cell::Value(b)) => a == b,
        (Cell::Dash, Cell::Dash) => true,
        _ => false,
    }
}

/// The note for a technology found by its name under another number or part, or by its number under another
/// name.
fn moved(year: &Message, f: &Found, part: Part, entry: &ZeroCase) -> Message {
    let number = entry.notice.as_ref().map(|n| n.value.number);
    let (t, p) = (places::cost_table(f.part), f.part.label());
    if Some(f.number) == number && f.part == part {
        Message::new(
            format!("{}では、告示番号{}の技術名がこの欄と異なります。告示番号で照合しました。", year.ja, f.number),
            format!(
                "In {}, notice no. {} has another name than this entry; it was matched by its number.",
                year.en, f.number
            ),
        )
    } else {
        Message::new(
            format!(
                "同じ技術名の技術が、{}の{}（{p}）では告示番号{}でした。技術名で照合しました。",
                year.ja, t.ja, f.number
            ),
            format!(
                "In {}, {} ({p}), the technology of this name was notice no. {}; it was matched by its name.",
                year.en, t.en, f.number
            ),
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn finding(
    text: &str,
    year: &Message,
    place: &Message,
    prior: &Spanned<Cell<u64>>,
    expected: Cell<u64>,
    labels: Vec<(Span, Message)>,
    agree: bool,
    note: Option<Message>,
) -> Diagnostic {
    let shown = |c: Cell<u64>| match c {
        Cell::Value(n) => format!("{}件", group_digits(i128::from(n))),
        _ => "-".to_owned(),
    };
    let (mine, theirs) = (shown(prior.value), shown(expected));
    // Written as the cell was: with 件 when it had it (quoted or not), digits grouped as the report groups them.
    let written = crate::text::unquoted(text[prior.span.range()].trim());
    let replacement = match expected {
        Cell::Value(n) if written.trim_end().ends_with('件') => format!("{}件", group_digits(i128::from(n))),
        Cell::Value(n) if n >= 1000 => format!("\"{}\"", group_digits(i128::from(n))),
        Cell::Value(n) => n.to_string(),
        _ => "\"-\"".to_owned(),
    };
    let message = match expected {
        Cell::Value(_) => Message::new(
            format!(
                "{}の（参考）前年度の実績が「{mine}」となっていますが、{}の年間実施件数は{theirs}です。",
                place.ja, year.ja
            ),
            format!(
                "{}: the prior-year record reads {mine}, but {} has {theirs} for the technology.",
                place.en, year.en
            ),
        ),
        _ => Message::new(
            format!(
                "{}の（参考）前年度の実績が「{mine}」となっていますが、この技術は{}の表にないため「-」です。",
                place.ja, year.ja
            ),
            format!(
                "{}: the prior-year record reads {mine}, but the technology is not in {}'s tables, so it is \"-\".",
                place.en, year.en
            ),
        ),
    };
    let mut d = Diagnostic::new(RuleId::PreviousCases, prior.span, message).note(Message::new(
        "（参考）前年度の実績は、前年度の報告の参考資料にあるその技術の年間実施件数です。前年度に実施できなかった技術は「-」とします（先－１－２の※）。",
        "The prior-year record is the technology's cases in last year's reference tables; a technology that was not available then is \"-\" (footnote ※ of 先－１－２).",
    ));
    if let Some(n) = note {
        d = d.note(n);
    }
    for (span, label) in labels {
        d = d.label_previous(span, label);
    }
    // Copied from last year's table, the figure is what this cell means; only a match by name and number
    // together is sure enough to apply unasked. A 「-」 says the technology was not found at all, which a
    // renamed and renumbered technology would also be: it waits for review.
    let safe = agree && matches!(expected, Cell::Value(_));
    d.fix(Fix::replace(
        Message::new(format!("前年度の報告の「{theirs}」にする"), format!("use last year's {theirs}")),
        prior.span,
        replacement,
        safe,
    ))
}
