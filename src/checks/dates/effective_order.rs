//! `effective-order`: in each cost table, 適用年月日 never goes back as 告示番号 increase. Technologies are
//! numbered as they are approved, so an earlier date after a later one is most often a typo in a year or an era.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::Part;
use crate::model::read::era_text;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else { continue };
        let mut latest: Option<&crate::model::Spanned<jiff::civil::Date>> = None;
        let mut numbered: Option<crate::model::Notice> = None;
        for (i, row) in table.rows.iter().enumerate() {
            // A row out of 告示番号 order is `notice-order`'s finding; its date is not compared.
            if let Some(n) = &row.notice {
                if numbered.is_some_and(|p| n.value <= p) {
                    continue;
                }
                numbered = Some(n.value);
            }
            let Some(date) = &row.effective else { continue };
            match latest {
                Some(before) if date.value < before.value => out.push(
                    Diagnostic::new(
                        RuleId::EffectiveOrder,
                        date.span,
                        Message::new(
                            format!(
                                "{}の適用年月日（{}）が、前の技術の適用年月日（{}）より前になっています。",
                                crate::model::places::cost_row(part, row, i).ja,
                                era_text(date.value),
                                era_text(before.value)
                            ),
                            format!(
                                "{}: the effective date {} is earlier than the previous technology's, {}.",
                                crate::model::places::cost_row(part, row, i).en,
                                era_text(date.value),
                                era_text(before.value)
                            ),
                        ),
                    )
                    .label(before.span, Message::new("前の技術の適用年月日", "the previous technology's date"))
                    .note(Message::new(
                        "参考資料の技術は告示番号の順で、適用年月日も古い順に並びます。年か元号の打ち間違いと思われます。確認してください。",
                        "The technologies follow their notice numbers, and so their effective dates; the year or the era was probably mistyped.",
                    )),
                ),
                _ => latest = Some(date),
            }
        }
    }
}
