//! `effective-after-period`: no technology in the tables takes effect after the period ends.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::Part;
use crate::model::read::era_text;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(period) = crate::checks::facts::report_year(cx.report) else {
        return;
    };
    let end = period.value.1;
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        for (i, row) in table.rows.iter().enumerate() {
            let Some(eff) = &row.effective else { continue };
            if eff.value > end {
                out.push(
                    Diagnostic::new(
                        RuleId::EffectiveAfterPeriod,
                        eff.span,
                        {
                            let place = crate::model::places::cost_row(part, row, i);
                            Message::new(
                                format!(
                                    "{}の適用年月日（{}）が、報告の対象期間の終わり（{}）より後になっています。",
                                    place.ja,
                                    era_text(eff.value),
                                    era_text(end)
                                ),
                                format!(
                                    "{}: the effective date {} is after the reporting period ends ({}).",
                                    place.en,
                                    era_text(eff.value),
                                    era_text(end)
                                ),
                            )
                        },
                    )
                    .label(period.span, Message::new("報告の対象期間", "the reporting period"))
                    .note(Message::new(
                        "対象期間の後に適用された技術は、この年度の参考資料に載りません。適用年月日か、報告の対象期間を確かめてください。",
                        "A technology that took effect after the period is not in this year's tables. Check the date, or the period.",
                    )),
                );
            }
        }
    }
}
