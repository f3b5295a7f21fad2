//! `notice-order`: 告示番号 strictly increase in each table.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::{Notice, Part};
use crate::text::Span;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        let mut previous: Option<(Notice, Span)> = None;
        for row in &table.rows {
            let Some(notice) = &row.notice else { continue };
            if let Some((p, span)) = previous
                && notice.value <= p
            {
                let n = notice.value;
                let (ja, en) = if n == p {
                    (format!("告示番号 {n} が重複しています"), format!("告示番号 {n} repeats"))
                } else {
                    (
                        format!("告示番号 {n} が前の行の {p} より小さくなっています"),
                        format!("告示番号 {n} comes after {p}: the table must be in increasing order"),
                    )
                };
                out.push(
                    Diagnostic::new(RuleId::NoticeOrder, notice.span, Message::new(ja, en))
                        .label(span, Message::new("前の行", "the previous row")),
                );
            }
            previous = Some((notice.value, notice.span));
        }
    }
}
