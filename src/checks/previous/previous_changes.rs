//! `previous-changes`: 技術数の推移's ① (the count on 30 June a year earlier) is last year's ⑥.

use super::theirs;
use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId};
use crate::model::places::{self, ChangeItem, Column, SummaryItem};
use crate::model::{Cell, Report, Spanned};
use crate::text::Span;

/// Last year's count at its year end: its ⑥, else its summary's ① (`new --from` carries the same figure).
pub(crate) fn year_end(report: &Report, c: Column) -> Option<(u64, Span, Message)> {
    if let Some(current) = report.changes.at(c).and_then(|x| x.current.as_ref()) {
        return Some((current.value.count(), current.span, places::changes(c, ChangeItem::Current)));
    }
    let t = report.summary.at(c).and_then(|x| x.technologies.as_ref())?;
    Some((t.value, t.span, places::summary(c, SummaryItem::Technologies)))
}

/// A count as a sentence shows it: 「28種類」, or 「-」.
fn written(n: &Spanned<Cell<u64>>) -> Message {
    match n.value {
        Cell::Value(v) => Message::new(format!("{v}種類"), v.to_string()),
        _ => Message::new("「-」", "\"-\""),
    }
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(previous) = cx.previous else { return };
    let last = &previous.report;
    for c in [Column::A, Column::B, Column::Total] {
        let Some(mine) = cx.report.changes.at(c).and_then(|x| x.previous.as_ref()) else { continue };
        let Some((n, span, place)) = year_end(last, c) else { continue };
        if mine.value.count() == n {
            continue;
        }
        let (here, there) = (places::changes(c, ChangeItem::Previous), theirs(previous, &place));
        let shown = written(mine);
        out.push(
            Diagnostic::new(
                RuleId::PreviousChanges,
                mine.span,
                Message::new(
                    format!("{}が{}となっていますが、{}は{n}種類です。", here.ja, shown.ja, there.ja),
                    format!("{}: {} does not match {}, which is {n}.", here.en, shown.en, there.en),
                ),
            )
            .label_previous(span, there.clone())
            .note(Message::new(
                "①は前年6月30日現在の技術数で、前年度の報告の⑥（6月30日現在）と同じになります。",
                "① counts the technologies of a year earlier: it is last year's ⑥, the count at its year end.",
            ))
            .note(Message::new(
                "対処：前年度の報告の値を写し直してください。前年度の報告が誤っていた場合は、その旨を確かめてください。",
                "To fix: copy last year's figure again; if last year's report was wrong, confirm which figure is right.",
            ))
            .fix(Fix::replace(
                Message::new(format!("前年度の報告の「{n}」にする"), format!("use last year's {n}")),
                mine.span,
                n.to_string(),
                false,
            )),
        );
    }
}
