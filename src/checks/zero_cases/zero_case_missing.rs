//! `zero-case-missing`: every technology without a case is explained, by every facility.

use super::{entries_by_number, section};
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Edit, Fix, Message, RuleId};
use crate::model::{CostRow, Part};
use crate::text::Span;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        let by_number = entries_by_number(cx.report, part);
        for (number, rows) in facts::technologies(table).iter() {
            if facts::had_no_case(rows) != Some(true) {
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
                let mut d = Diagnostic::new(
                    RuleId::ZeroCaseMissing,
                    cases.span,
                    Message::new(
                        format!("告示番号 {number} は実施件数が0件ですが、{} に説明がありません", section(part)),
                        format!("technology {number} had no case, but {} has no entry for it", section(part)),
                    ),
                );
                if let Some(fix) = skeleton(cx, part, number, rows) {
                    d = d.fix(fix);
                }
                out.push(d);
                continue;
            }
            for entry in entries {
                if entry.facilities.is_empty() {
                    out.push(Diagnostic::new(
                        RuleId::ZeroCaseMissing,
                        entry.facilities_span,
                        Message::new(
                            format!("告示番号 {number} の説明に医療機関がありません"),
                            format!("the entry for technology {number} names no facility"),
                        ),
                    ));
                }
                for f in &entry.facilities {
                    let missing: Vec<(&str, &str)> = [
                        (f.name.is_none(), ("医療機関名", "name")),
                        (f.reason.as_ref().is_none_or(|r| r.value.trim().is_empty()), ("０件の理由", "reason")),
                        (f.plan.as_ref().is_none_or(|p| p.value.trim().is_empty()), ("今後の対応方針", "plan")),
                    ]
                    .into_iter()
                    .filter_map(|(gone, what)| gone.then_some(what))
                    .collect();
                    if missing.is_empty() {
                        continue;
                    }
                    let ja: Vec<&str> = missing.iter().map(|m| m.0).collect();
                    let en: Vec<&str> = missing.iter().map(|m| m.1).collect();
                    out.push(Diagnostic::new(
                        RuleId::ZeroCaseMissing,
                        f.name.as_ref().map_or(f.span, |n| n.span),
                        Message::new(
                            format!("告示番号 {number} の医療機関に {} がありません", ja.join("・")),
                            format!("a facility of technology {number} lacks its {}", en.join(" and ")),
                        ),
                    ));
                }
            }
        }
    }
}

/// An entry to fill in, placed among the part's entries in 告示番号 order with their indentation. Only offered
/// when the list already has an entry to align with.
fn skeleton(cx: &Context, part: Part, number: u32, rows: &[&CostRow]) -> Option<Fix> {
    let entries = cx.report.zero_cases.get(part)?;
    let next = entries.iter().find(|z| z.notice.as_ref().is_some_and(|n| n.value.number > number));
    let anchor = next.or(entries.last())?;
    let text = cx.text;
    // The entry's `- ` stands before its first key, on the same line.
    let line_start = text[..anchor.span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let indent = &text[line_start..anchor.span.start];
    let dash = indent.rfind('-')?;
    let pad = " ".repeat(dash);
    if !text[line_start..line_start + dash].chars().all(|c| c == ' ') {
        return None;
    }
    let name = rows.iter().find_map(|r| r.name.as_ref()).map_or(String::new(), |n| n.value.clone());
    let new_this_year = cx
        .report
        .meta
        .period
        .as_ref()
        .zip(rows.iter().find_map(|r| r.effective.as_ref()))
        .is_some_and(|(p, e)| e.value >= p.value.0);
    let prior =
        if new_this_year { "\"-\"".to_owned() } else { "0件   # 要確認 / check: 前年度の実績".to_owned() };
    let name = serde_json::to_string(&name).unwrap_or_default();
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let body = [
        format!("{pad}- notice: \"{number}\""),
        format!("{pad}  name: {name}"),
        format!("{pad}  prior_cases: {prior}"),
        format!("{pad}  facilities:"),
        format!("{pad}    - name: \"\""),
        format!("{pad}      reason: \"\""),
        format!("{pad}      plan: \"\""),
    ]
    .join(newline);
    let edit = match next {
        Some(_) => Edit { span: Span::empty(line_start), replacement: format!("{body}{newline}") },
        None => {
            let end = text[anchor.span.end..].find(['\n', '\r']).map_or(text.len(), |i| anchor.span.end + i);
            Edit { span: Span::empty(end), replacement: format!("{newline}{body}") }
        }
    };
    Some(Fix {
        title: Message::new(
            format!("告示番号 {number} の説明の雛形を追加する"),
            format!("add an entry for technology {number} to fill in"),
        ),
        edits: vec![edit],
        safe: false,
    })
}
