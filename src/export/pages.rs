//! 技術数の推移 and 過去５年間の実績 as sheets of the figures as printed: counts as numbers, 「-」, the rounded
//! amounts and shares in their printed forms (約99億円, 62.6%), periods in the era form.

use super::raw::or_raw;
use super::sheet::{Sheet, Style, Value, whole};
use crate::model::Report;
use crate::model::value::Cell as Read;
use crate::syntax::Step;
use crate::syntax::Tree;
use crate::text::Span;

fn put(s: &mut Sheet, row: u32, col: u16, v: Option<(Value, Span)>) {
    if let Some((value, span)) = v {
        let style = if matches!(value, Value::Number(..)) { Style::Figure } else { Style::Center };
        s.put(row, col, value, style, Some(span));
    }
}

pub fn changes(report: &Report, tree: &Tree) -> Sheet {
    let mut s = Sheet::new("技術数の推移", &[40.0, 14.0, 14.0, 14.0]);
    s.text(0, 0, "技術数の推移", Style::Title);
    s.heads(2, &["", "先進医療Ａ", "先進医療Ｂ", "計"]);
    s.freeze = 3;
    // The two counts of technologies are named by their dates, as the report names them: 「（令和５年６月30日現在）」.
    let on = |d: Option<jiff::civil::Date>| {
        d.map_or_else(String::new, |d| format!("（{}現在）", crate::model::read::era_text(d)))
    };
    let period = report.meta.period.as_ref().map(|p| p.value);
    let before = period.and_then(|(start, _)| start.yesterday().ok());
    let labels = [
        format!("①先進医療技術数{}", on(before)),
        "②新規承認技術数".to_owned(),
        "③保険収載技術数".to_owned(),
        "④実施取り下げ技術数".to_owned(),
        "⑤削除技術数".to_owned(),
        format!("⑥先進医療技術数{}", on(period.map(|p| p.1))),
        "⑦総括報告書受理数".to_owned(),
    ];
    for (i, l) in labels.into_iter().enumerate() {
        s.text(3 + i as u32, 0, l, Style::Label);
    }
    let c = &report.changes;
    for (j, (key, col)) in
        [("A", c.a.as_ref()), ("B", c.b.as_ref()), ("total", c.total.as_ref())].into_iter().enumerate()
    {
        let Some(col) = col else { continue };
        let fields = [
            ("previous", &col.previous),
            ("approved", &col.approved),
            ("insured", &col.insured),
            ("withdrawn", &col.withdrawn),
            ("deleted", &col.deleted),
            ("current", &col.current),
            ("final_reports", &col.final_reports),
        ];
        for (i, (field, f)) in fields.into_iter().enumerate() {
            let path = [Step::key("changes"), Step::key(key), Step::key(field)];
            let v = or_raw(f, tree, &path, |c| match c {
                Read::Value(n) => whole(i128::from(*n)),
                _ => Value::Text("-".into()),
            });
            put(&mut s, 3 + i as u32, 1 + j as u16, v);
        }
    }
    s
}

pub fn history(report: &Report, tree: &Tree) -> Sheet {
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
    s.heads(2, &heads);
    s.freeze = 3;
    for (i, r) in report.history.iter().enumerate() {
        let row = 3 + i as u32;
        let path = |field: &'static str| [Step::key("history"), Step::Item(i), Step::key(field)];
        let text = |t: String| Value::Text(t);
        put(&mut s, row, 0, or_raw(&r.period, tree, &path("period"), |p| text(crate::model::places::period(*p))));
        for (c, field, f) in [
            (1, "months", &r.months),
            (2, "technologies", &r.technologies),
            (3, "facilities", &r.facilities),
            (4, "patients", &r.patients),
        ] {
            put(&mut s, row, c, or_raw(f, tree, &path(field), |n| whole(i128::from(*n))));
        }
        for (c, field, a) in [
            (5, "total_cost", &r.total_cost),
            (6, "insured_cost", &r.insured_cost),
            (7, "advanced_cost", &r.advanced_cost),
        ] {
            put(&mut s, row, c, or_raw(a, tree, &path(field), |a| text(a.to_string())));
        }
        put(&mut s, row, 8, or_raw(&r.advanced_ratio, tree, &path("advanced_ratio"), |d| text(format!("{d}%"))));
    }
    s
}
