//! `summary-arithmetic`: the summary page agrees with itself.

use super::{check_ratio, check_sum};
use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId, group_digits};
use crate::model::{Amount, Spanned, SummaryColumn};

type CountField = fn(&SummaryColumn) -> &Option<Spanned<u64>>;
type AmountField = fn(&SummaryColumn) -> &Option<Spanned<Amount>>;

const NAMES: [(&str, &str); 4] = [("④", "④ insured"), ("⑤", "⑤ advanced"), ("⑥", "⑥ total"), ("⑦", "⑦ ratio")];

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let s = &cx.report.summary;
    let r = cx.report.meta.rounding;
    for col in [&s.a, &s.b, &s.total].into_iter().flatten() {
        if let (Some(a), Some(b), Some(t)) = (&col.insured_cost, &col.advanced_cost, &col.total_cost) {
            check_sum(RuleId::SummaryArithmetic, r, (a, b, t), [NAMES[0], NAMES[1], NAMES[2]], out);
        }
        if let (Some(a), Some(t), Some(p)) = (&col.advanced_cost, &col.total_cost, &col.advanced_ratio) {
            check_ratio(RuleId::SummaryArithmetic, r, (a, t, p), [NAMES[1], NAMES[2], NAMES[3]], out);
        }
    }
    let (Some(a), Some(b), Some(t)) = (&s.a, &s.b, &s.total) else {
        return;
    };
    let counts: [(CountField, (&str, &str)); 2] = [
        (|c| &c.technologies, ("計 ① 先進医療技術数", "計 ① technologies")),
        (|c| &c.patients, ("計 ③ 全患者数", "計 ③ patients")),
    ];
    for (field, what) in counts {
        if let (Some(x), Some(y), Some(z)) = (field(a), field(b), field(t))
            && z.value != x.value + y.value
        {
            let g = |v: u64| group_digits(v.into());
            let (zs, xs, ys, sum) = (g(z.value), g(x.value), g(y.value), g(x.value + y.value));
            out.push(
                Diagnostic::new(
                    RuleId::SummaryArithmetic,
                    z.span,
                    Message::new(
                        format!("{} {zs} ≠ Ａ {xs} ＋ Ｂ {ys} = {sum}", what.0),
                        format!("{} {zs} ≠ A {xs} + B {ys} = {sum}", what.1),
                    ),
                )
                .label(x.span, Message::new("Ａ", "A"))
                .label(y.span, Message::new("Ｂ", "B")),
            );
        }
    }
    let amounts: [(AmountField, &str); 3] =
        [(|c| &c.insured_cost, "④"), (|c| &c.advanced_cost, "⑤"), (|c| &c.total_cost, "⑥")];
    for (field, n) in amounts {
        if let (Some(x), Some(y), Some(z)) = (field(a), field(b), field(t)) {
            let names = [("Ａ", "A"), ("Ｂ", "B"), (&*format!("計 {n}"), &*format!("計 {n}"))];
            check_sum(RuleId::SummaryArithmetic, cx.report.meta.rounding, (x, y, z), names, out);
        }
    }
    if let (Some(x), Some(y), Some(z)) = (&a.facilities, &b.facilities, &t.facilities) {
        let (lo, hi) = (x.value.max(y.value), x.value + y.value);
        if z.value < lo || z.value > hi {
            let (zs, ls, hs) = (group_digits(z.value.into()), group_digits(lo.into()), group_digits(hi.into()));
            out.push(
                Diagnostic::new(
                    RuleId::SummaryArithmetic,
                    z.span,
                    Message::new(
                        format!(
                            "計 ② 実施医療機関数 {zs} は {ls}（Ａ・Ｂの大きい方）以上 {hs}（Ａ＋Ｂ）以下のはずです"
                        ),
                        format!("計 ② facilities {zs} must lie between {ls} (the larger of A and B) and {hs} (A + B)"),
                    ),
                )
                .label(x.span, Message::new("Ａ", "A"))
                .label(y.span, Message::new("Ｂ", "B"))
                .note(Message::new(
                    "ＡとＢの両方を実施する施設は1施設として数えるため、計はＡ＋Ｂ以下になります（※２）",
                    "a facility doing both A and B is counted once, so 計 may be less than A + B (note ※2)",
                )),
            );
        }
    }
}
