//! `approved-count`: new approvals match the technologies that took effect during the period.

use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId, count_of};
use crate::model::Part;
use crate::model::read::era_text;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(period) = crate::checks::facts::report_year(cx.report) else {
        return;
    };
    let (start, end) = period.value;
    'parts: for part in Part::BOTH {
        let (Some(table), Some(col)) = (cx.report.costs.get(part), cx.report.changes.get(part)) else {
            continue;
        };
        let Some(approved) = &col.approved else {
            continue;
        };
        if !facts::all_numbered(table) {
            continue; // a technology may be missing from the count
        }
        let mut found = Vec::new();
        for (number, rows) in facts::technologies(table).iter() {
            let dates: Vec<_> = rows.iter().filter_map(|r| r.effective.as_ref()).collect();
            if dates.len() < rows.len() {
                continue 'parts; // an unreadable date: the count cannot be trusted
            }
            if let Some(first) = dates.iter().map(|d| d.value).min()
                && start <= first
                && first <= end
            {
                found.push(format!("{number}（{}）", era_text(first)));
            }
        }
        let stated = approved.value.count();
        if stated as usize == found.len() {
            continue;
        }
        let list = if found.is_empty() { "なし".to_owned() } else { found.join("、") };
        out.push(
            Diagnostic::new(
                RuleId::ApprovedCount,
                approved.span,
                Message::new(
                    format!(
                        "{} ② 新規承認技術数 {stated} ≠ 適用年月日が対象期間内の技術 {} 件",
                        part.label(),
                        found.len()
                    ),
                    format!(
                        "{} ② 新規承認 {stated} ≠ {} with 適用年月日 in the period",
                        part.label(),
                        count_of(found.len() as i128, "technology", "technologies")
                    ),
                ),
            )
            .label(period.span, Message::new("対象期間", "the period"))
            .note(Message::new(
                format!("対象期間内に適用された技術（告示番号）: {list}"),
                format!("technologies that took effect in the period (告示番号): {list}"),
            )),
        );
    }
}
