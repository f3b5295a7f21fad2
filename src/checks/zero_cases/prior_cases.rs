//! `prior-cases`: the previous year's record is `-` exactly for technologies that did not exist then.

use super::entries_by_number;
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId};
use crate::model::read::era_text;
use crate::model::{Cell, Part};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(period) = crate::checks::facts::report_year(cx.report) else {
        return;
    };
    let Ok(previous_end) = period.value.0.yesterday() else {
        return;
    };
    for part in Part::BOTH {
        let Some(table) = cx.report.costs.get(part) else {
            continue;
        };
        let by_number = entries_by_number(cx.report, part);
        for (number, rows) in facts::technologies(table).iter() {
            let Some(effective) = rows.iter().filter_map(|r| r.effective.as_ref()).map(|e| e.value).min() else {
                continue;
            };
            let is_new = effective > previous_end;
            for entry in by_number.get(&number).into_iter().flatten() {
                let Some(prior) = &entry.prior_cases else {
                    continue;
                };
                let (eff, prev) = (era_text(effective), era_text(previous_end));
                let d = match (is_new, prior.value) {
                    (true, Cell::Value(n)) => Diagnostic::new(
                        RuleId::PriorCases,
                        prior.span,
                        Message::new(
                            format!("告示番号 {number} の適用は{eff}で、前年度（{prev}まで）にはまだ実施できなかったため、前年度実績は「-」のはずです（{n}件と記載）"),
                            format!("technology {number} took effect on {effective}, after the previous period ended ({previous_end}): its prior-year record should be \"-\", not {n}"),
                        ),
                    )
                    .fix(Fix::replace(Message::new("「-」にする", "replace with \"-\""), prior.span, "\"-\"", false)),
                    (false, Cell::Dash) => Diagnostic::new(
                        RuleId::PriorCases,
                        prior.span,
                        Message::new(
                            format!("告示番号 {number} は{eff}から実施可能で前年度にもあったため、前年度実績は件数で書きます（なければ0件）"),
                            format!("technology {number} took effect on {effective}, before the previous period ended: its prior-year record is a count (0 if none), not \"-\""),
                        ),
                    ),
                    _ => continue,
                };
                let label = rows.iter().find_map(|r| r.effective.as_ref()).map(|e| e.span);
                out.push(match label {
                    Some(s) => d.label(s, Message::new("適用年月日", "適用年月日")),
                    None => d,
                });
            }
        }
    }
}
