//! `notice-order`: 告示番号 strictly increase in each table.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::{Notice, Part, places};
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
                let t = places::cost_table(part);
                let (ja, en) = if n == p {
                    (
                        format!("{}で、告示番号{n}の行が2つあります。", t.ja),
                        format!("{}: notice no. {n} appears twice.", places::cap(&t.en)),
                    )
                } else {
                    (
                        format!("{}で、告示番号{n}の行が、告示番号{p}の行より後にあります。", t.ja),
                        format!(
                            "{}: notice no. {n} comes after notice no. {p}; the rows follow the notice numbers.",
                            places::cap(&t.en)
                        ),
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
