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
            format!("過去５年間の実績に{n}年度分の行があります。5年度分にしてください。"),
            format!("The five-year record (過去５年間の実績) has {n} rows; it shows five years."),
        )
    } else {
        (
            place(last),
            format!("過去５年間の実績に{n}年度分の行しかありません。5年度分にしてください。"),
            format!(
                "The five-year record (過去５年間の実績) has only {n} row{}; it shows five years.",
                if n == 1 { "" } else { "s" }
            ),
        )
    };
    let advice = if n > YEARS {
        Message::new(
            "対処：前年の報告書から写した場合は、最も古い年度の行を消してください。最後の行は今年度の行です。",
            "To fix: if the rows were copied from last year's report, drop the oldest. The last row is this year's.",
        )
    } else {
        Message::new(
            "対処：前年の報告書の過去５年間の実績から、足りない年度の行を写してください。最後の行は今年度の行です。",
            "To fix: copy the missing years from last year's report. The last row is this year's.",
        )
    };
    out.push(Diagnostic::new(RuleId::HistoryLength, at, Message::new(ja, en)).note(advice));
}
