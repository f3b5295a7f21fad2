//! `column-sum`: each 合計 cell equals the exact sum of its column.

use crate::checks::Context;
use crate::checks::figures::{Exact, Printed};
use crate::checks::written;
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId, group_digits};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in cx.figures.iter().filter(|f| f.rule == RuleId::ColumnSum && f.differs) {
        let (Printed::Exact(stated), Exact::Value(sum)) = (f.printed, f.exact) else { continue };
        let diff = stated - sum;
        let sign = if diff > 0 { "+" } else { "" };
        let (s, t, d, unit) = (group_digits(stated), &f.expected, format!("{sign}{}", group_digits(diff)), f.unit);
        let mut diagnostic = Diagnostic::new(
            RuleId::ColumnSum,
            f.span,
            Message::new(
                format!("{} {s}{unit} ≠ {} {t}{unit}（差 {d}）", f.what.ja, f.from.ja),
                format!("{} {s}{unit} ≠ {} {t}{unit} (difference {d})", f.what.en, f.from.en),
            ),
        );
        for (span, label) in &f.sources {
            diagnostic = diagnostic.label(*span, label.clone());
        }
        let diagnostic = diagnostic.note(Message::new(
            "合計を直す前に、行の値に誤りがないか確かめてください",
            "before correcting the 合計, make sure no row is the real error",
        ));
        // A row that a typing slip explains is named instead (a label); the 合計 may be right, and is not rewritten.
        if !f.also.is_empty() {
            out.push(diagnostic);
            continue;
        }
        let written = written::like(cx.text, f.span, t);
        out.push(diagnostic.fix(Fix::replace(
            Message::new(format!("合計を {written} にする"), format!("set the 合計 to {written}")),
            f.span,
            written,
            false,
        )));
    }
}
