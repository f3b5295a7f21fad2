//! `zero-case-name`: an explanation names its technology as the cost table does.

use super::{Entry, entries_with_rows};
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId};
use crate::model::read::normalize;

/// Names compare after NFKC and without white space: `ＤＮＡ` and `DNA` are one name, and a line wrap in the
/// printed table may stand where a space was.
fn canonical(s: &str) -> String {
    normalize(s).chars().filter(|c| !c.is_whitespace()).collect()
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for Entry { entry, notice, rows, .. } in entries_with_rows(cx.report) {
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
        out.push(
            Diagnostic::new(
                RuleId::ZeroCaseName,
                name.span,
                Message::new(
                    format!("技術名が費用の表（告示番号 {}）と異なります: 「{}」", notice.value, theirs),
                    format!("the name differs from the cost table's for technology {}: 「{}」", notice.value, theirs),
                ),
            )
            .label(first.span, Message::new("費用の表の技術名", "the cost table's name"))
            .fix(Fix::replace(
                Message::new("費用の表の技術名にする", "use the cost table's name"),
                name.span,
                serde_json::to_string(theirs).unwrap_or_default(),
                false,
            )),
        );
    }
}
