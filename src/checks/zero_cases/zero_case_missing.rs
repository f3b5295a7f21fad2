//! `zero-case-missing`: every technology without a case is explained, by every facility.

use super::entries_by_number;
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Edit, Fix, Message, RuleId};
use crate::model::places;
use crate::model::{CostRow, Part};
use crate::syntax::write::{Field, block_list, quoted};
use crate::text::Span;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // The line break a skeleton is written with: the draft's own, found once.
    let newline = if cx.text.contains("\r\n") { "\r\n" } else { "\n" };
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        let by_number = entries_by_number(cx.report, part);
        let doubtful = facts::BesideUnreadable::of(table);
        for (number, rows) in facts::technologies(table).iter() {
            if facts::had_no_case(rows) != Some(true) || doubtful.any(rows) {
                continue;
            }
            let entries: Vec<_> = by_number.get(&number).into_iter().flatten().copied().collect();
            if entries.is_empty() {
                // Missing entries only matter once the section exists; a missing section is `schema`'s.
                if cx.report.zero_cases.get(part).is_none() {
                    continue;
                }
                let Some(cases) = rows.iter().find_map(|r| r.cases.as_ref()) else {
                    continue;
                };
                let (row, zero) = (places::cost_row(part, rows[0], 0), places::zero_table(part));
                let mut d = Diagnostic::new(
                    RuleId::ZeroCaseMissing,
                    cases.span,
                    Message::new(
                        format!("{}は年間実施件数が0件ですが、{}にこの技術の欄がありません。", row.ja, zero.ja),
                        format!("{} had no case in the year, but {} has no entry for it.", row.en, zero.en),
                    ),
                )
                .note(Message::new(
                    "先－１－２には、実施件数が0件の技術ごとに、実施医療機関名・０件の理由・今後の対応方針を載せます。",
                    "先－１－２ lists each technology that had no case, with every facility's reason and plan.",
                ));
                if let Some(fix) = skeleton(cx, part, number, rows, newline) {
                    d = d.fix(fix);
                }
                out.push(d);
                continue;
            }
            for entry in entries {
                let place = places::zero_entry(part, Some(&number.to_string()), 0);
                if entry.facilities.is_empty() {
                    out.push(
                        Diagnostic::new(
                            RuleId::ZeroCaseMissing,
                            entry.facilities_span,
                            Message::new(
                                format!("{}に、実施医療機関が1つも書かれていません。", place.ja),
                                format!("{} names no facility.", place.en),
                            ),
                        )
                        .note(Message::new(
                            "実施医療機関ごとに、医療機関名・０件の理由・今後の対応方針を書いてください。",
                            "Write each facility's name, its reason for no case and its plan.",
                        )),
                    );
                }
                for (i, f) in entry.facilities.iter().enumerate() {
                    let empty = |v: &Option<crate::model::Spanned<String>>| {
                        v.as_ref().is_none_or(|r| r.value.trim().is_empty())
                    };
                    let missing: Vec<(&str, &str)> = [
                        (f.name.is_none(), ("実施医療機関名", "facility name")),
                        (empty(&f.reason), ("０件の理由", "reason for no case")),
                        (empty(&f.plan), ("医療機関の今後の対応方針", "plan")),
                    ]
                    .into_iter()
                    .filter_map(|(gone, what)| gone.then_some(what))
                    .collect();
                    // An empty value is pointed at where it is to be written; an absent one at the facility.
                    let written_empty = [&f.reason, &f.plan].into_iter().flatten().find(|v| v.value.trim().is_empty());
                    let at = written_empty.map(|v| v.span).or(f.name.as_ref().map(|n| n.span)).unwrap_or(f.span);
                    if missing.is_empty() {
                        continue;
                    }
                    let ja: Vec<&str> = missing.iter().map(|m| m.0).collect();
                    let en: Vec<&str> = missing.iter().map(|m| m.1).collect();
                    let facility = places::zero_facility(&place, f.name.as_ref().map(|n| n.value.as_str()), i);
                    out.push(Diagnostic::new(
                        RuleId::ZeroCaseMissing,
                        at,
                        Message::new(
                            format!("{}の{}が書かれていません。", facility.ja, ja.join("・")),
                            format!("{}: the {} is not written.", facility.en, en.join(" and ")),
                        ),
                    ));
                }
            }
        }
    }
}

/// An entry to fill in, placed among the part's entries in 告示番号 order with their indentation, or, for the
/// first entry of an empty list (`A: []`, `A:`), below the list's key.
fn skeleton(cx: &Context, part: Part, number: u32, rows: &[&CostRow], newline: &str) -> Option<Fix> {
    let entries = cx.report.zero_cases.get(part)?;
    let text = cx.text;
    let zero = places::zero_table(part);
    let title = Message::new(
        format!("{}に告示番号{number}の欄のひな形を加える", zero.ja),
        format!("add an entry for notice no. {number}, to be filled in"),
    );
    if entries.is_empty() {
        let (key, value) = *cx.report.zero_case_lists.get(part)?;
        let line_start = text[..key.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let key_indent = text[line_start..].len() - text[line_start..].trim_start_matches(' ').len();
        let body = entry_text(cx, number, rows, &" ".repeat(key_indent + 2), newline);
        // The key and its value (`A: []`, or `A:` and nothing) are written again with the entry below.
        let colon = key.end + text[key.end..].find(':')? + 1;
        let span = Span::new(key.start, value.end.max(colon));
        let edit = Edit { span, replacement: format!("{}:{newline}{body}", &text[key.range()]) };
        return Some(Fix { title, edits: vec![edit], safe: false });
    }
    let next = entries.iter().find(|z| z.notice.as_ref().is_some_and(|n| n.value.number > number));
    let anchor = next.or(entries.last())?;
    // The entry's `- ` stands before its first key, on the same line.
    let line_start = text[..anchor.span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let indent = &text[line_start..anchor.span.start];
    let dash = indent.rfind('-')?;
    let pad = " ".repeat(dash);
    if !text[line_start..line_start + dash].chars().all(|c| c == ' ') {
        return None;
    }
    let body = entry_text(cx, number, rows, &pad, newline);
    let edit = match next {
        Some(_) => Edit { span: Span::empty(line_start), replacement: format!("{body}{newline}") },
        None => {
            let end = text[anchor.span.end..].find(['\n', '\r']).map_or(text.len(), |i| anchor.span.end + i);
            Edit { span: Span::empty(end), replacement: format!("{newline}{body}") }
        }
    };
    Some(Fix { title, edits: vec![edit], safe: false })
}

/// The lines of an entry to fill in, each after `pad`.
fn entry_text(cx: &Context, number: u32, rows: &[&CostRow], pad: &str, newline: &str) -> String {
    // The technology's name: a sub-row's kind of facility in 【】 is not part of it.
    let name = rows.iter().find_map(|r| r.name.as_ref()).map_or("", |n| facts::without_facility_kind(&n.value));
    let new_this_year = facts::report_year(cx.report)
        .zip(rows.iter().find_map(|r| r.effective.as_ref()))
        .is_some_and(|(p, e)| e.value >= p.value.0);
    let prior =
        if new_this_year { "\"-\"".to_owned() } else { "0件   # 要確認 / check: 前年度の実績".to_owned() };
    let s = |v: &str| Field::Scalar(v.to_owned());
    let facility = vec![("name", s("\"\"")), ("reason", s("\"\"")), ("plan", s("\"\""))];
    let entry = vec![
        ("notice", Field::Scalar(quoted(&number.to_string()))),
        ("name", Field::Scalar(quoted(name))),
        ("prior_cases", Field::Scalar(prior)),
        ("facilities", Field::List(vec![facility])),
    ];
    let body = block_list(&[entry], pad.len(), newline);
    body.strip_suffix(newline).unwrap_or(&body).to_owned()
}

#[cfg(test)]
mod tests {
    use crate::fix::{FixMode, fix_with};

    #[test]
    fn the_first_entry_of_an_empty_list_is_added_below_its_key() {
        let text =
            include_str!("../../../tests/fixtures/rules/zero-case-missing/fires_first_entry_of_an_empty_list.yaml");
        let fixed = fix_with(text, FixMode::Unsafe, &crate::analyze);
        assert!(fixed.text.contains("  A:\n    - notice: \"4\"\n"), "{}", fixed.text);
        assert!(fixed.text.contains("  B:\n    - notice: \"51\"\n"), "{}", fixed.text);
        assert!(!fixed.analysis.diagnostics.iter().any(|d| d.message.en.contains("has no entry")));
    }
}
