//! `serial-sequence`: 整理番号 count 1, 2, 3, … in each table.

use crate::diagnostics::{Diagnostic, Fix, Message};
use crate::model::Part;
use crate::rules::Context;

crate::rules::rule! {
    id: "serial-sequence", group: Numbering, severity: Error, fixable: true,
    ja: "整理番号が1から順に1ずつ増えていない（欠番・重複）",
    en: "整理番号 do not run 1, 2, 3, … (a gap or a repeat)",
    docs: "serial_sequence", check: Some(check),
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        let mut previous: Option<(u64, crate::text::Span)> = None;
        for row in &table.rows {
            let Some(serial) = &row.serial else {
                previous = None;
                continue;
            };
            let expected = previous.map_or(1, |(p, _)| p + 1);
            let n = serial.value;
            if n != expected {
                let (ja, en) = match previous {
                    Some((p, _)) if n <= p => (
                        format!("整理番号 {n} が重複または逆順です（前の行は {p}）"),
                        format!("整理番号 {n} repeats or goes back (the previous row is {p})"),
                    ),
                    _ => (
                        format!("整理番号が飛んでいます: {expected} のはずが {n}"),
                        format!("整理番号 skips: expected {expected}, found {n}"),
                    ),
                };
                let mut d = Diagnostic::new(&RULE, serial.span, Message::new(ja, en)).fix(Fix::replace(
                    Message::new(format!("{expected} にする"), format!("renumber to {expected}")),
                    serial.span,
                    expected.to_string(),
                    false,
                ));
                if let Some((_, span)) = previous {
                    d = d.label(span, Message::new("前の行", "the previous row"));
                }
                out.push(d);
            }
            previous = Some((n, serial.span));
        }
    }
}
