//! `approved-count`: new approvals match the technologies that took effect during the period.

use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Message, RuleId, count_of};
use crate::model::Part;
use crate::model::places::{self, ChangeItem, Column};
use crate::model::read::era_text;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(period) = crate::checks::facts::report_year(cx.report) else {
        return;
    };
    for part in Part::BOTH {
        let (Some(table), Some(col)) = (cx.report.costs.get(part), cx.report.changes.get(part)) else {
            continue;
        };
        let Some(approved) = &col.approved else {
            continue;
        };
        // A technology missing from the count, or an unreadable date: the count cannot be trusted.
        let Some(found) = facts::took_effect(table, period.value) else { continue };
        let found: Vec<(u32, String)> = found.into_iter().map(|(n, d)| (n, era_text(d))).collect();
        let stated = approved.value.count();
        if stated as usize == found.len() {
            continue;
        }
        let place = places::changes(Column::of(part), ChangeItem::Approved);
        let table = places::cost_table(part);
        let n = found.len();
        let list_ja: Vec<String> = found.iter().map(|(n, d)| format!("告示番号{n}（{d}）")).collect();
        let list_en: Vec<String> = found.iter().map(|(n, d)| format!("notice no. {n} ({d})")).collect();
        let (list_ja, list_en) = if found.is_empty() {
            ("なし".to_owned(), "none".to_owned())
        } else {
            (list_ja.join("、"), list_en.join(", "))
        };
        out.push(
            Diagnostic::new(
                RuleId::ApprovedCount,
                approved.span,
                Message::new(
                    format!(
                        "{}は{stated}種類ですが、{}で適用年月日が対象期間内にある技術は{n}種類です。",
                        place.ja, table.ja
                    ),
                    format!(
                        "{}: {stated}, but {} in {} took effect within the reporting period.",
                        place.en,
                        count_of(n as i128, "technology", "technologies"),
                        table.en
                    ),
                ),
            )
            .label(period.span, Message::new("報告の対象期間", "the reporting period"))
            .note(Message::new(
                format!("対象期間内に適用された技術：{list_ja}。"),
                format!("Technologies that took effect in the period: {list_en}."),
            ))
            .note(Message::new(
                format!("年度中に承認され、同じ年度中に取り下げられた技術は{}に載りません。その場合、この警告は当てはまりません。", table.ja),
                format!("A technology approved and withdrawn within the same year is not in {}; if that explains the gap, this warning does not apply.", table.en),
            )),
        );
    }
}
