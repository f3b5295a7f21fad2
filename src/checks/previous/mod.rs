//! Against last year's draft (`crate::previous`): the figures a draft restates from last year's report —
//! 技術数の推移's ①, the five-year history, the zero-case entries' （参考）前年度の実績 — and the technologies that
//! came and went. Every finding points at this draft's cell and labels last year's (`label_previous`).

pub mod previous_cases;
pub mod previous_changes;
pub mod previous_history;
pub mod previous_technologies;

use crate::text::Message;

/// 「前年度の報告（令和5年度）」: last year's report as a sentence names it.
pub(crate) fn last_year(previous: crate::checks::PreviousDraft) -> Message {
    match &previous.report.meta.fiscal_year {
        Some(y) => Message::new(format!("前年度の報告（{}）", y.value), format!("last year's report ({})", y.value)),
        None => Message::new("前年度の報告", "last year's report"),
    }
}

/// `place` in last year's report: 「前年度の報告（令和5年度）の技術数の推移の⑥…」.
pub(crate) fn theirs(previous: crate::checks::PreviousDraft, place: &Message) -> Message {
    let y = last_year(previous);
    Message::new(format!("{}の{}", y.ja, place.ja), format!("{}: {}", y.en, place.en))
}
