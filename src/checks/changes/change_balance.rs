//! `change-balance`: previous + approved − insured − withdrawn − deleted = current.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::ChangeColumn;
use crate::model::places::{self, ChangeItem, Column, SummaryItem};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let ch = &cx.report.changes;
    let columns = [
        (&ch.a, &cx.report.summary.a, Column::A),
        (&ch.b, &cx.report.summary.b, Column::B),
        (&ch.total, &cx.report.summary.total, Column::Total),
    ];
    for (col, summary, column) in columns {
        let Some(col) = col else { continue };
        balance(col, column, out);
        if let (Some(cur), Some(tech)) = (&col.current, summary.as_ref().and_then(|s| s.technologies.as_ref()))
            && cur.value.count() != tech.value
        {
            let (place, other) =
                (places::changes(column, ChangeItem::Current), places::summary(column, SummaryItem::Technologies));
            let (c, t) = (cur.value.count(), tech.value);
            out.push(
                Diagnostic::new(
                    RuleId::ChangeBalance,
                    cur.span,
                    Message::new(
                        format!("{}{c}種類が、{}{t}種類と一致しません。", place.ja, other.ja),
                        format!("{}: {c} does not match {t}, {}.", place.en, other.en),
                    ),
                )
                .label(tech.span, SummaryItem::Technologies.name())
                .note(Message::new(
                    "どちらも6月30日現在の先進医療技術数なので、同じ数になります。",
                    "Both count the technologies at 30 June, so they are the same number.",
                )),
            );
        }
    }
    let (Some(a), Some(b), Some(t)) = (&ch.a, &ch.b, &ch.total) else {
        return;
    };
    for item in ChangeItem::ALL {
        let (Some(x), Some(y), Some(z)) = (a.get(item), b.get(item), t.get(item)) else {
            continue;
        };
        let (xv, yv, zv) = (x.value.count(), y.value.count(), z.value.count());
        if xv + yv != zv {
            let place = places::changes(Column::Total, item);
            out.push(
                Diagnostic::new(
                    RuleId::ChangeBalance,
                    z.span,
                    Message::new(
                        format!("{}{zv}が、先進医療Ａと先進医療Ｂの和{}と一致しません。", place.ja, xv + yv),
                        format!("{}: {zv} is not the sum of categories A and B, {}.", place.en, xv + yv),
                    ),
                )
                .label(x.span, Column::A.name())
                .label(y.span, Column::B.name())
                .note(Message::new(
                    format!("計算：先進医療Ａ{xv}＋先進医療Ｂ{yv}＝{}です（「-」は0とします）。", xv + yv),
                    format!("Calculation: A {xv} + B {yv} = {} (\"-\" counts as 0).", xv + yv),
                )),
            );
        }
    }
}

fn balance(col: &ChangeColumn, column: Column, out: &mut Vec<Diagnostic>) {
    let Some(v) = ChangeItem::ALL[..6].iter().map(|&item| col.get(item)).collect::<Option<Vec<_>>>() else {
        return;
    };
    let n: Vec<i128> = v.iter().map(|c| i128::from(c.value.count())).collect();
    let computed = n[0] + n[1] - n[2] - n[3] - n[4];
    if computed == n[5] {
        return;
    }
    let place = places::changes(column, ChangeItem::Current);
    let c = column.name();
    let mut d = Diagnostic::new(
        RuleId::ChangeBalance,
        v[5].span,
        Message::new(
            format!("技術数の推移の⑥（{}）{}種類が、①～⑤から求めた{computed}種類と一致しません。", c.ja, n[5]),
            format!("{}: {} does not match {computed} obtained from ①–⑤.", place.en, n[5]),
        ),
    )
    .note(Message::new(
        format!(
            "計算：①{}＋②{}－③{}－④{}－⑤{}＝{computed}（「-」は0とします）。前年6月30日現在の数に新規承認を加え、保険収載・実施取り下げ・削除を引いた数が⑥になります。",
            n[0], n[1], n[2], n[3], n[4]
        ),
        format!(
            "Calculation: ① {} + ② {} − ③ {} − ④ {} − ⑤ {} = {computed} (\"-\" counts as 0). ⑥ is last year's count plus new approvals, less those moved to insurance, withdrawn or deleted.",
            n[0], n[1], n[2], n[3], n[4]
        ),
    ))
    .note(Message::new(
        "対処：②～⑤に数え漏れがないか確認してください。",
        "To fix: check ②–⑤ for a technology that was left out.",
    ));
    for (cell, item) in v[..5].iter().zip(ChangeItem::ALL) {
        d = d.label(cell.span, Message::new(item.mark(), item.mark()));
    }
    out.push(d);
}
