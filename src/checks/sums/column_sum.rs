//! `column-sum`: each 合計 cell equals the exact sum of its column.

use crate::checks::Context;
use crate::checks::figures::{Exact, Printed};
use crate::checks::written;
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId, group_digits};
use crate::text::unquoted;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in cx.figures.iter().filter(|f| f.rule == RuleId::ColumnSum && f.differs) {
        let (Printed::Exact(stated), Exact::Value(sum)) = (f.printed, f.exact) else { continue };
        let (s, t, d, u) = (group_digits(stated), &f.expected, group_digits((stated - sum).abs()), f.units.0);
        let en = if u == "円" { " yen" } else { "" };
        let (less_ja, less_en) = if stated < sum { ("少なく", "less") } else { ("多く", "more") };
        let mut diagnostic = Diagnostic::new(
            RuleId::ColumnSum,
            f.span,
            Message::new(
                format!("{}{s}{u}が、{}{t}{u}より{d}{u}{less_ja}、一致しません。", f.what.ja, f.from.ja),
                format!("{} reads {s}{en}, which is {d}{en} {less_en} than {t}{en}, {}.", f.what.en, f.from.en),
            ),
        );
        for (span, label) in &f.sources {
            diagnostic = diagnostic.label(*span, label.clone());
        }
        let diagnostic = diagnostic.note(Message::new(
            format!("{}合計欄を直す前に、各行の値に誤りがないか確かめてください。", f.calc.ja),
            format!("{} Before changing it, make sure no row is wrong.", f.calc.en),
        ));
        // A row that a typing slip explains is named instead (a label); the 合計 may be right, and is not rewritten.
        if !f.also.is_empty() {
            out.push(diagnostic);
            continue;
        }
        let written = written::like(cx.text, f.span, t);
        let shown = unquoted(&written).trim_end_matches(u);
        out.push(diagnostic.fix(Fix::replace(
            Message::new(
                format!("合計欄の{}を{shown}{u}に直す", f.item.ja),
                format!("set {} in the totals row to {shown}{en}", f.item.en),
            ),
            f.span,
            written,
            false,
        )));
    }
}
