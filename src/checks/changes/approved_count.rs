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
                found.push((number, era_text(first)));
            }
        }
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
