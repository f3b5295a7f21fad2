//! `zero-case-unexpected`: an explanation for a technology that had cases, or that is not in the table.

use super::{Entry, entries_with_rows, section};
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for Entry { part, notice, rows, .. } in entries_with_rows(cx.report) {
        let number = notice.value.number;
        match rows {
            // A row whose number could not be read may be this technology's.
            None if !cx.report.costs.get(part).is_some_and(facts::all_numbered) => {}
            None => out.push(Diagnostic::new(
                RuleId::ZeroCaseUnexpected,
                notice.span,
                Message::new(
                    format!("{} の告示番号 {number} は費用の表（{}）にありません", section(part), part.label()),
                    format!(
                        "{} names technology {number}, which is not in the {} cost table",
                        section(part),
                        part.label()
                    ),
                ),
            )),
            Some(rows) if facts::had_no_case(&rows) == Some(false) => {
                let cases: u64 = rows.iter().filter_map(|r| r.cases.as_ref()).map(|c| c.value.count()).sum();
                let mut d = Diagnostic::new(
                    RuleId::ZeroCaseUnexpected,
                    notice.span,
                    Message::new(
                        format!("告示番号 {number} は実施件数 {cases}件 があり、0件の説明は不要です"),
                        format!("technology {number} had {cases} cases, so it needs no zero-case entry"),
                    ),
                );
                for c in rows.iter().filter_map(|r| r.cases.as_ref()) {
                    d = d.label(c.span, Message::new("実施件数", "cases"));
                }
                out.push(d);
            }
            Some(_) => {}
        }
    }
}
