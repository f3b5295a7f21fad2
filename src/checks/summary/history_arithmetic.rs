//! `history-arithmetic`: each row of the five-year history agrees with itself.

use super::{check_ratio, check_sum};
use crate::checks::Context;
use crate::diagnostics::Diagnostic;
use crate::diagnostics::RuleId;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let r = cx.report.meta.rounding;
    for row in &cx.report.history {
        if let (Some(i), Some(a), Some(t)) = (&row.insured_cost, &row.advanced_cost, &row.total_cost) {
            check_sum(
                RuleId::HistoryArithmetic,
                r,
                (i, a, t),
                [("保険外併用療養費", "insured"), ("先進医療", "advanced"), ("総金額", "total")],
                out,
            );
        }
        if let (Some(a), Some(t), Some(p)) = (&row.advanced_cost, &row.total_cost, &row.advanced_ratio) {
            check_ratio(
                RuleId::HistoryArithmetic,
                r,
                (a, t, p),
                [("先進医療", "advanced"), ("総金額", "total"), ("割合", "ratio")],
                out,
            );
        }
    }
}
