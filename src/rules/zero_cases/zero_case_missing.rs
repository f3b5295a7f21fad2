//! `zero-case-missing`: every technology without a case is explained, by every facility.

use super::{entries_for, section};
use crate::diagnostics::{Diagnostic, Message};
use crate::model::Part;
use crate::rules::{Context, facts};

crate::rules::rule! {
    id: "zero-case-missing", group: ZeroCases, severity: Error, fixable: false,
    ja: "実施件数0件の技術に説明（医療機関・理由・今後の対応方針）がない",
    en: "a technology with no case lacks its explanation (facility, reason, plan)",
    docs: "zero_case_missing", check: Some(check),
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        for (number, rows) in facts::technologies(table) {
            if facts::had_no_case(&rows) != Some(true) {
                continue;
            }
            let entries: Vec<_> = entries_for(cx.report, part, number).collect();
            if entries.is_empty() {
                // Missing entries only matter once the section exists; a missing section is `schema`'s.
                if cx.report.zero_cases.get(part).is_none() {
                    continue;
                }
                let Some(cases) = rows.iter().find_map(|r| r.cases.as_ref()) else {
                    continue;
                };
                out.push(Diagnostic::new(
                    &RULE,
                    cases.span,
                    Message::new(
                        format!("告示番号 {number} は実施件数が0件ですが、{} に説明がありません", section(part)),
                        format!("technology {number} had no case, but {} has no entry for it", section(part)),
                    ),
                ));
                continue;
            }
            for entry in entries {
                if entry.facilities.is_empty() {
                    out.push(Diagnostic::new(
                        &RULE,
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
                        &RULE,
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
