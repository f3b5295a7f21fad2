//! `zero-case-unexpected`: an explanation for a technology that had cases, or that is not in the table.

use super::{Entry, entries_with_rows};
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::places;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for Entry { part, notice, rows, .. } in entries_with_rows(cx.report) {
        let number = notice.value.number;
        let (place, table) = (places::zero_entry(part, Some(&notice.value.to_string()), 0), places::cost_table(part));
        match rows {
            // A row whose number could not be read may be this technology's.
            None if !cx.report.costs.get(part).is_some_and(facts::all_numbered) => {}
            None => out.push(
                Diagnostic::new(
                    RuleId::ZeroCaseUnexpected,
                    notice.span,
                    Message::new(
                        format!("{}の告示番号{number}は、{}にありません。", place.ja, table.ja),
                        format!("{}: notice no. {number} is not in {}.", place.en, table.en),
                    ),
                )
                .note(Message::new(
                    format!("告示番号の写し誤りか、{}の行が抜けていると思われます。確認してください。", table.ja),
                    format!("The number was probably mistyped, or a row of {} is missing. Check both.", table.en),
                )),
            ),
            Some(rows) if facts::had_no_case(&rows) == Some(false) => {
                let cases: u64 = rows.iter().filter_map(|r| r.cases.as_ref()).map(|c| c.value.count()).sum();
                let mut d = Diagnostic::new(
                    RuleId::ZeroCaseUnexpected,
                    notice.span,
                    Message::new(
                        format!("{}がありますが、{}では告示番号{number}の年間実施件数が{cases}件です。", place.ja, table.ja),
                        format!("{} exists, but {} shows {cases} cases for notice no. {number}.", places::cap(&place.en), table.en),
                    ),
                )
                .note(Message::new(
                    "先－１－２に載せるのは、年間実施件数が0件の技術だけです。件数とこの欄のどちらが正しいか確認してください。",
                    "先－１－２ lists only technologies with no case. Check whether the count or this entry is right.",
                ));
                for c in rows.iter().filter_map(|r| r.cases.as_ref()) {
                    d = d.label(c.span, Message::new("年間実施件数", "annual cases"));
                }
                out.push(d);
            }
            Some(_) => {}
        }
    }
}
