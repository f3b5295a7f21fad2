//! `history-length`: 過去５年間の実績 holds five years, the last of them this report's (whose period
//! `history-vs-report` compares).

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};

const YEARS: usize = 5;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let history = &cx.report.history;
    let (Some(first), Some(last)) = (history.first(), history.last()) else { return };
    let n = history.len();
    if n == YEARS {
        return;
    }
    // Too many: most often the oldest year was not dropped, so the first row is pointed at; too few, the last.
    // The row's period, where the year is named (else the row).
    let place = |r: &crate::model::HistoryRow| r.period.as_ref().map_or(r.span, |p| p.span);
    let (at, ja, en) = if n > YEARS {
        (
            place(first),
            format!("過去５年間の実績が{n}年分あります。最も古い年を除いて5年分にしてください"),
            format!("the five-year history holds {n} years: drop the oldest to keep five"),
        )
    } else {
        (
            place(last),
            format!("過去５年間の実績が{n}年分しかありません（5年分が必要です）"),
            format!("the five-year history holds only {n} year{}: it needs five", if n == 1 { "" } else { "s" }),
        )
    };
    out.push(Diagnostic::new(RuleId::HistoryLength, at, Message::new(ja, en)));
}
