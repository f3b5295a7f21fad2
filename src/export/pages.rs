//! 技術数の推移 and 過去５年間の実績 as sheets of the figures as printed: counts as numbers, 「-」, the rounded
//! amounts and shares in their printed forms (約99億円, 62.6%), periods in the era form.

use super::sheet::{Sheet, Style, Value, whole};
use crate::model::Report;
use crate::model::value::{Cell as Read, Spanned};
use crate::text::Span;

fn count(f: &Option<Spanned<u64>>) -> Option<(Value, Span)> {
    f.as_ref().map(|s| (whole(i128::from(s.value)), s.span))
}

fn put(s: &mut Sheet, row: u32, col: u16, v: Option<(Value, Span)>) {
    if let Some((value, span)) = v {
        let style = if matches!(value, Value::Number(..)) { Style::Figure } else { Style::Center };
        s.put(row, col, value, style, Some(span));
    }
}

pub fn changes(report: &Report) -> Sheet {
    let mut s = Sheet::new("技術数の推移", &[40.0, 14.0, 14.0, 14.0]);
    s.text(0, 0, "技術数の推移", Style::Title);
    for (c, h) in ["", "先進医療Ａ", "先進医療Ｂ", "計"].iter().enumerate() {
        s.text(2, c as u16, *h, Style::Head);
    }
    s.freeze = 3;
    let labels = [
        "①先進医療技術数（前年度末）",
        "②新規承認技術数",
        "③保険収載技術数",
        "④実施取り下げ技術数",
        "⑤削除技術数",
        "⑥先進医療技術数（本年度末）",
        "⑦総括報告書受理数",
    ];
    for (i, l) in labels.iter().enumerate() {
        s.text(3 + i as u32, 0, *l, Style::Label);
    }
    let c = &report.changes;
    for (j, col) in [c.a.as_ref(), c.b.as_ref(), c.total.as_ref()].into_iter().enumerate() {
        let Some(col) = col else { continue };
        let fields = [
            &col.previous,
            &col.approved,
            &col.insured,
            &col.withdrawn,
            &col.deleted,
            &col.current,
            &col.final_reports,
        ];
        for (i, f) in fields.into_iter().enumerate() {
            let v = f.as_ref().map(|s| {
                let v = match s.value {
                    Read::Value(n) => whole(i128::from(n)),
                    _ => Value::Text("-".into()),
                };
                (v, s.span)
            });
            put(&mut s, 3 + i as u32, 1 + j as u16, v);
        }
    }
    s
}

pub fn history(report: &Report) -> Sheet {
    let mut s = Sheet::new("過去５年間の実績", &[34.0, 8.0, 8.0, 12.0, 12.0, 14.0, 14.0, 14.0, 12.0]);
    s.text(0, 0, "＜　過去５年間の実績　＞", Style::Title);
    let heads = [
        "実績報告対象期間",
        "月数",
        "技術数",
        "実施医療機関数",
        "全患者数",
        "総金額",
        "保険外併用療養費の総額（保険診療分）",
        "先進医療及び旧高度先進医療の総額",
        "全医療費のうち先進医療及び旧高度先進医療分の割合",
    ];
    for (c, h) in heads.iter().enumerate() {
        s.text(2, c as u16, *h, Style::Head);
    }
    s.freeze = 3;
    for (i, r) in report.history.iter().enumerate() {
        let row = 3 + i as u32;
        let text = |t: String, span: Span| Some((Value::Text(t), span));
        put(&mut s, row, 0, r.period.as_ref().and_then(|p| text(crate::model::places::period(p.value), p.span)));
        put(&mut s, row, 1, count(&r.months));
        put(&mut s, row, 2, count(&r.technologies));
        put(&mut s, row, 3, count(&r.facilities));
        put(&mut s, row, 4, count(&r.patients));
        for (c, a) in [(5, &r.total_cost), (6, &r.insured_cost), (7, &r.advanced_cost)] {
            put(&mut s, row, c, a.as_ref().and_then(|a| text(a.value.to_string(), a.span)));
        }
        put(&mut s, row, 8, r.advanced_ratio.as_ref().and_then(|d| text(format!("{}%", d.value), d.span)));
    }
    s
}
