//! `zero-case-name`: an explanation names its technology as the cost table does.

use super::{Entry, entries_with_rows};
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId};
use crate::model::places;
use facts::canonical;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for Entry { part, entry, notice, rows } in entries_with_rows(cx.report) {
        let (Some(name), Some(rows)) = (&entry.name, rows) else { continue };
        let names: Vec<_> = rows.iter().filter_map(|r| r.name.as_ref()).collect();
        let Some(first) = names.first() else { continue };
        let mine = canonical(&name.value);
        if names
            .iter()
            .any(|n| canonical(&n.value) == mine || canonical(facts::without_facility_kind(&n.value)) == mine)
        {
            continue;
        }
        let theirs = facts::without_facility_kind(&first.value);
        let (place, table) = (places::zero_entry(part, Some(&notice.value.to_string()), 0), places::cost_table(part));
        out.push(
            Diagnostic::new(
                RuleId::ZeroCaseName,
                name.span,
                Message::new(
                    format!("{}の技術名が、{}の技術名「{theirs}」と一致しません。", place.ja, table.ja),
                    format!("{}: the technology name differs from the one in {}, {theirs}.", place.en, table.en),
                ),
            )
            .label(first.span, Message::new(format!("{}の技術名", table.ja), format!("the name in {}", table.en)))
            .note(Message::new(
                "同じ技術は、報告書のどの表でも同じ名前で載せます。告示番号が正しいかも確かめてください。",
                "A technology carries one name in every table of the report. Check the notice number too.",
            ))
            .fix(Fix::replace(
                Message::new(format!("{}の技術名にそろえる", table.ja), format!("use the name in {}", table.en)),
                name.span,
                crate::syntax::write::quoted(theirs),
                false,
            )),
        );
    }
}
