//! `subrow-consistency`: the sub-rows of one technology (`10(1)`, `10(2)`: one technology carried out by two
//! kinds of facility) share its 適用年月日 and its name before 【…】, and stand together: no `10(1)` alone, no
//! bare `10` beside them.

use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::{CostRow, Part};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else { continue };
        let doubtful = facts::BesideUnreadable::of(table);
        for (number, rows) in facts::technologies(table).iter() {
            // Only a technology with a sub-number is judged: two bare `5`s are `notice-order`'s repeat.
            if !rows.iter().any(|r| r.notice.as_ref().is_some_and(|n| n.value.sub.is_some())) {
                continue;
            }
            if doubtful.any(rows) {
                continue;
            }
            group(number, rows, out);
        }
    }
}

fn group(number: u32, rows: &[&CostRow], out: &mut Vec<Diagnostic>) {
    let notice = |r: &CostRow| r.notice.as_ref().map(|n| (n.value, n.span));
    if rows.len() == 1
        && let Some((n, span)) = notice(rows[0])
    {
        out.push(Diagnostic::new(
            RuleId::SubrowConsistency,
            span,
            Message::new(
                format!(
                    "告示番号 {n} の枝番が1行だけです（枝番は2行以上で使います。1行なら {number} と書いてください）"
                ),
                format!("告示番号 {n} is the only sub-row of {number}: a single row is written {number}"),
            ),
        ));
        return;
    }
    for r in rows {
        if let Some((n, span)) = notice(r).filter(|(n, _)| n.sub.is_none()) {
            out.push(Diagnostic::new(
                RuleId::SubrowConsistency,
                span,
                Message::new(
                    format!("告示番号 {n} に枝番のある行（{number}(1) など）と枝番のない行が混在しています"),
                    format!("告示番号 {n} stands beside sub-rows of {number}: every row of it needs its sub-number"),
                ),
            ));
        }
    }
    let first = rows[0];
    for r in &rows[1..] {
        if let (Some(a), Some(b)) = (&first.effective, &r.effective)
            && a.value != b.value
        {
            out.push(
                Diagnostic::new(
                    RuleId::SubrowConsistency,
                    b.span,
                    Message::new(
                        format!("告示番号 {number} の枝番どうしで適用年月日が違います"),
                        format!("the sub-rows of 告示番号 {number} differ in 適用年月日"),
                    ),
                )
                .label(a.span, Message::new("最初の枝番の適用年月日", "the first sub-row's date")),
            );
        }
        if let (Some(a), Some(b)) = (&first.name, &r.name)
            && facts::without_facility_kind(&a.value) != facts::without_facility_kind(&b.value)
        {
            out.push(
                Diagnostic::new(
                    RuleId::SubrowConsistency,
                    b.span,
                    Message::new(
                        format!("告示番号 {number} の枝番どうしで技術名（【…】の前）が違います"),
                        format!("the sub-rows of 告示番号 {number} differ in their name before 【…】"),
                    ),
                )
                .label(a.span, Message::new("最初の枝番の技術名", "the first sub-row's name")),
            );
        }
    }
}
