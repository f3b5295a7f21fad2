//! `history-arithmetic`: each row of the five-year history agrees with itself.

use super::{check_ratio, check_sum};
use crate::diagnostics::Diagnostic;
use crate::rules::Context;

crate::rules::rule! {
    id: "history-arithmetic", group: Summary, severity: Error, fixable: false,
    ja: "過去５年間の実績の行で 総金額＝保険＋先進、割合＝先進／総金額 が成り立たない",
    en: "in a history row, 総金額 ≠ insured + advanced, or the ratio ≠ advanced / 総金額",
    docs: "history_arithmetic", check: Some(check),
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let r = cx.report.meta.rounding;
    for row in &cx.report.history {
        if let (Some(i), Some(a), Some(t)) = (&row.insured_cost, &row.advanced_cost, &row.total_cost) {
            check_sum(
                &RULE,
                r,
                (i, a, t),
                [("保険外併用療養費", "insured"), ("先進医療", "advanced"), ("総金額", "total")],
                out,
            );
        }
        if let (Some(a), Some(t), Some(p)) = (&row.advanced_cost, &row.total_cost, &row.advanced_ratio) {
            check_ratio(&RULE, r, (a, t, p), [("先進医療", "advanced"), ("総金額", "total"), ("割合", "ratio")], out);
        }
    }
}
