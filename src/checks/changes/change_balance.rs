//! `change-balance`: previous + approved − insured − withdrawn − deleted = current.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::{Cell, ChangeColumn, Spanned};

type Get = fn(&ChangeColumn) -> &Option<Spanned<Cell<u64>>>;

const FIELDS: [(Get, &str); 7] = [
    (|c| &c.previous, "①"),
    (|c| &c.approved, "②"),
    (|c| &c.insured, "③"),
    (|c| &c.withdrawn, "④"),
    (|c| &c.deleted, "⑤"),
    (|c| &c.current, "⑥"),
    (|c| &c.final_reports, "⑦"),
];

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let ch = &cx.report.changes;
    let columns = [
        (&ch.a, &cx.report.summary.a, "Ａ", "A"),
        (&ch.b, &cx.report.summary.b, "Ｂ", "B"),
        (&ch.total, &cx.report.summary.total, "計", "計"),
    ];
    for (col, summary, ja, en) in columns {
        let Some(col) = col else { continue };
        balance(col, (ja, en), out);
        if let (Some(cur), Some(tech)) = (&col.current, summary.as_ref().and_then(|s| s.technologies.as_ref()))
            && cur.value.count() != tech.value
        {
            out.push(
                Diagnostic::new(
                    RuleId::ChangeBalance,
                    cur.span,
                    Message::new(
                        format!("{ja} ⑥ {} ≠ 実績の概要の {ja} ① {}", cur.value.count(), tech.value),
                        format!("{en} ⑥ {} ≠ the summary's {en} ① {}", cur.value.count(), tech.value),
                    ),
                )
                .label(tech.span, Message::new("実績の概要 ①", "summary ①")),
            );
        }
    }
    let (Some(a), Some(b), Some(t)) = (&ch.a, &ch.b, &ch.total) else {
        return;
    };
    for (get, n) in FIELDS {
        let (Some(x), Some(y), Some(z)) = (get(a), get(b), get(t)) else {
            continue;
        };
        let (xv, yv, zv) = (x.value.count(), y.value.count(), z.value.count());
        if xv + yv != zv {
            out.push(
                Diagnostic::new(
                    RuleId::ChangeBalance,
                    z.span,
                    Message::new(
                        format!("計 {n} {zv} ≠ Ａ {xv} ＋ Ｂ {yv} = {}", xv + yv),
                        format!("計 {n} {zv} ≠ A {xv} + B {yv} = {}", xv + yv),
                    ),
                )
                .label(x.span, Message::new("Ａ", "A"))
                .label(y.span, Message::new("Ｂ", "B")),
            );
        }
    }
}

fn balance(col: &ChangeColumn, (ja, en): (&str, &str), out: &mut Vec<Diagnostic>) {
    let v: Vec<Option<&Spanned<Cell<u64>>>> = FIELDS[..6].iter().map(|(get, _)| get(col).as_ref()).collect();
    let Some(v) = v.into_iter().collect::<Option<Vec<_>>>() else {
        return;
    };
    let n: Vec<i128> = v.iter().map(|c| i128::from(c.value.count())).collect();
    let computed = n[0] + n[1] - n[2] - n[3] - n[4];
    if computed == n[5] {
        return;
    }
    let expr = format!("① {} ＋ ② {} − ③ {} − ④ {} − ⑤ {} = {computed}", n[0], n[1], n[2], n[3], n[4]);
    let mut d = Diagnostic::new(
        RuleId::ChangeBalance,
        v[5].span,
        Message::new(format!("{ja} ⑥ {} ≠ {expr}", n[5]), format!("{en} ⑥ {} ≠ {}", n[5], expr.replace('＋', "+"))),
    );
    for (cell, (_, name)) in v[..5].iter().zip(FIELDS) {
        d = d.label(cell.span, Message::new(name, name));
    }
    out.push(d);
}
