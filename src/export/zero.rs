//! 先－１－２ as sheets: one row per facility, the technology's cells (告示番号, 技術名, （参考）) merged over its
//! facilities' rows as printed; `import` reads a merged cell back blank and continues the technology above.

use super::raw::or_raw;
use super::sheet::{Sheet, Style, Value};
use crate::import::columns::{ZERO, ZERO_B};
use crate::model::value::Cell as Read;
use crate::model::{Part, Report, ZeroCase};
use crate::syntax::Step;

pub fn sheet_name(part: Part) -> &'static str {
    match part {
        Part::A => "０件Ａ",
        Part::B => "０件Ｂ",
    }
}

/// The headings, as printed without their breaks; the last names the year before the report's when the draft
/// states its period.
pub fn head(report: &Report, part: Part) -> Vec<String> {
    let prior = report
        .meta
        .period
        .as_ref()
        .map_or_else(|| "前年度の".to_owned(), |p| format!("{}までの", crate::model::places::prior_months(p.value.1)));
    let columns = match part {
        Part::A => &ZERO,
        Part::B => &ZERO_B,
    };
    // The first five as `import` names them; the last names the year before the report's.
    let mut head: Vec<String> = columns[..5].iter().map(|c| c.printed.to_owned()).collect();
    head.push(format!("（参考）{prior}実績（実施可能であるすべての医療機関の実績）※"));
    head
}

pub fn sheet(report: &Report, tree: &crate::syntax::Tree, part: Part, cases: &[ZeroCase]) -> Sheet {
    let key = part.key();
    let mut s = Sheet::new(sheet_name(part), &[6.0, 30.0, 20.0, 44.0, 44.0, 16.0]);
    let title = match part {
        Part::A => "【先進医療Ａ】",
        Part::B => "【先進医療Ｂ】",
    };
    s.text(0, 0, format!("{title}実施件数が０件である先進医療技術に係る医療機関の今後の対応方針等"), Style::Title);
    s.heads(2, &head(report, part));
    s.freeze = 3;
    let mut row = 3;
    let mut dash = false;
    for (k, z) in cases.iter().enumerate() {
        let path = |field: &'static str| [Step::key("zero_cases"), Step::key(key), Step::Item(k), Step::key(field)];
        let rows = z.facilities.len().max(1) as u32;
        let last = row + rows - 1;
        let mut lead = |col: u16, v: Option<(Value, crate::text::Span)>, style: Style| {
            let (value, span) = v.map_or((Value::Blank, None), |(v, s)| (v, Some(s)));
            let c = s.put(row, col, value, style, span);
            if rows > 1 {
                c.merge_to = Some((last, col));
            }
        };
        lead(0, or_raw(&z.notice, tree, &path("notice"), |n| Value::Text(n.to_string())), Style::Center);
        lead(1, or_raw(&z.name, tree, &path("name"), |n| Value::Text(n.clone())), Style::Wrap);
        let prior = or_raw(&z.prior_cases, tree, &path("prior_cases"), |c| {
            Value::Text(match c {
                Read::Value(n) => format!("{n}件"),
                _ => "-".to_owned(),
            })
        });
        dash |= z.prior_cases.as_ref().is_some_and(|c| c.value == Read::Dash);
        lead(5, prior, Style::Center);
        for (j, f) in z.facilities.iter().enumerate() {
            let r = row + j as u32;
            for (col, field, t) in [(2, "name", &f.name), (3, "reason", &f.reason), (4, "plan", &f.plan)] {
                let path = [
                    Step::key("zero_cases"),
                    Step::key(key),
                    Step::Item(k),
                    Step::key("facilities"),
                    Step::Item(j),
                    Step::key(field),
                ];
                if let Some((v, span)) = or_raw(t, tree, &path, |t| Value::Text(t.clone())) {
                    s.put(r, col, v, Style::Wrap, Some(span));
                }
            }
        }
        row = last + 1;
    }
    if dash {
        s.text(row, 0, "※「-」は集計対象期間において未実施の医療技術", Style::Note);
    }
    s
}
