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
        for row in &table.rows {
            let Some(eff) = &row.effective else { continue };
            if eff.value > end {
                out.push(
                    Diagnostic::new(
                        RuleId::EffectiveAfterPeriod,
                        eff.span,
                        Message::new(
                            format!(
                                "適用年月日 {} は対象期間の終わり（{}）より後です",
                                era_text(eff.value),
                                era_text(end)
                            ),
                            format!("適用年月日 {} is after the reporting period ends ({end})", eff.value),
                        ),
                    )
                    .label(period.span, Message::new("対象期間", "the reporting period")),
                );
            }
        }
    }
}
