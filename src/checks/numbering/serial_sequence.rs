//! `serial-sequence`: 整理番号 count 1, 2, 3, … in each table.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Edit, Fix, Message, RuleId};
use crate::model::{Part, places};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        // One fix for the table: every row numbered by its position, so that it settles in one step.
        let edits: Vec<Edit> = table
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.serial.as_ref().map(|s| (i, s)))
            .filter(|(i, s)| s.value != *i as u64 + 1)
            .map(|(i, s)| Edit { span: s.span, replacement: (i + 1).to_string() })
            .collect();
        let renumber = Fix {
            title: Message::new("整理番号を1から振り直す", "renumber the serial numbers from 1"),
            edits,
            safe: false,
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
                let t = places::cost_table(part);
                let (ja, en) = match previous {
                    Some((p, _)) if n <= p => (
                        format!("{}の整理番号{n}が、前の行の整理番号{p}より大きくなっていません。", t.ja),
                        format!(
                            "{}: serial no. {n} does not follow serial no. {p} of the previous row.",
                            places::cap(&t.en)
                        ),
                    ),
                    _ => (
                        format!("{}の整理番号が{n}になっていますが、前の行から続けると{expected}です。", t.ja),
                        format!(
                            "{}: serial no. {n} skips; following the previous row it is {expected}.",
                            places::cap(&t.en)
                        ),
                    ),
                };
                let mut d = Diagnostic::new(RuleId::SerialSequence, serial.span, Message::new(ja, en)).note(
                    Message::new(
                        "整理番号は表の上から1、2、3…と1つずつ増やします。行を足したり消したりした後は振り直してください。",
                        "Serial numbers count 1, 2, 3… down the table; renumber after adding or removing a row.",
                    ),
                );
                if !renumber.edits.is_empty() {
                    d = d.fix(renumber.clone());
                }
                if let Some((_, span)) = previous {
                    d = d.label(span, Message::new("前の行", "the previous row"));
                }
                out.push(d);
            }
            previous = Some((n, serial.span));
        }
    }
}
