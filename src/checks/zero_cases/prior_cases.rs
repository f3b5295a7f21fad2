//! `prior-cases`: the previous year's record is `-` exactly for technologies that did not exist then.

use super::entries_by_number;
use crate::checks::{Context, facts};
use crate::diagnostics::{Diagnostic, Fix, Message, RuleId};
use crate::model::places;
use crate::model::read::era_text;
use crate::model::{Cell, Part};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // With last year's draft, `previous-cases` says exactly what this rule infers from the effective date.
    if cx.previous.is_some() {
        return;
    }
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
                let prev_start =
                    previous_end.checked_sub(jiff::Span::new().years(1)).ok().and_then(|d| d.tomorrow().ok());
                let prev_period = prev_start.map_or(format!("{prev}まで"), |s| format!("{}～{prev}", era_text(s)));
                let place = places::zero_entry(part, entry.notice.as_ref().map(|n| n.value.to_string()).as_deref(), 0);
                let d = match (is_new, prior.value) {
                    (true, Cell::Value(n)) => Diagnostic::new(
                        RuleId::PriorCases,
                        prior.span,
                        Message::new(
                            format!("{}の（参考）前年度の実績が「{n}件」となっています。しかし、この技術の適用年月日は{eff}で、前年度には実施できませんでした。", place.ja),
                            format!("{}: the prior-year record reads {n}, but the technology took effect on {eff} and could not be performed in the previous year.", place.en),
                        ),
                    )
                    .note(Message::new(
                        format!("前年度（{prev_period}）に実施できなかった技術は「-」とします（先－１－２の※）。「-」に直すか、適用年月日を確認してください。"),
                        format!("A technology that was not yet available in {prev_period} is shown as \"-\" (footnote ※ of 先－１－２). Change the entry to \"-\", or check the effective date."),
                    ))
                    .fix(Fix::replace(Message::new("「-」に直す", "replace with \"-\""), prior.span, "\"-\"", false)),
                    (false, Cell::Dash) => Diagnostic::new(
                        RuleId::PriorCases,
                        prior.span,
                        Message::new(
                            format!("{}の（参考）前年度の実績が「-」となっています。しかし、この技術の適用年月日は{eff}で、前年度にも実施できました。", place.ja),
                            format!("{}: the prior-year record reads \"-\", but the technology took effect on {eff} and could be performed in the previous year.", place.en),
                        ),
                    )
                    .note(Message::new(
                        "前年度に実施できた技術は、前年度の実施件数を書きます（実施がなければ0件）。「-」は前年度に実施できなかった技術だけに使います。",
                        "A technology available in the previous year shows its count for that year (0 if none); \"-\" is only for one that was not yet available.",
                    )),
                    _ => continue,
                };
                let label = rows.iter().find_map(|r| r.effective.as_ref()).map(|e| e.span);
                out.push(match label {
                    Some(s) => d.label(
                        s,
                        Message::new(format!("{}の適用年月日", places::cost_table(part).ja), "the effective date"),
                    ),
                    None => d,
                });
            }
        }
    }
}
