//! `mixed-punctuation`: one style of Japanese punctuation throughout.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Edit, Fix, Message, RuleId};
use crate::model::places;
use crate::model::{Part, Report, Spanned};
use crate::text::Span;

/// Where a free text stands, by position only (a draft has a text per row), named when a finding needs it.
#[derive(Clone, Copy)]
enum Where {
    Title,
    Row(Part, u32),
    Entry(Part, u32),
    /// An entry, one of its facilities, and which of the facility's three texts.
    Facility(Part, u32, u32, u8),
}

const FACILITY_TEXTS: [(&str, &str); 3] =
    [("実施医療機関名", "facility name"), ("０件の理由", "reason for no case"), ("今後の対応方針", "plan")];

impl Where {
    fn name(self, report: &Report) -> Message {
        let entry = |p: Part, i: u32| report.zero_cases.get(p).and_then(|z| z.get(i as usize));
        match self {
            Where::Title => Message::new("報告書の表題", "The report's title"),
            Where::Row(p, i) => match report.costs.get(p).and_then(|t| t.rows.get(i as usize)) {
                Some(r) => {
                    let row = places::cost_row(p, r, i as usize);
                    Message::new(format!("{}の技術名", row.ja), format!("{}, technology name", row.en))
                }
                None => places::cost_table(p),
            },
            Where::Entry(p, i) => match entry(p, i) {
                Some(z) => {
                    let e = places::zero_case(p, z, i as usize);
                    Message::new(format!("{}の技術名", e.ja), format!("{}, technology name", e.en))
                }
                None => places::zero_table(p),
            },
            Where::Facility(p, i, f, t) => match entry(p, i) {
                Some(z) => {
                    let entry = places::zero_case(p, z, i as usize);
                    let who = z.facilities.get(f as usize).and_then(|f| f.name.as_ref()).map(|n| n.value.as_str());
                    let facility = places::zero_facility(&entry, who, f as usize);
                    let (ja, en) = FACILITY_TEXTS[usize::from(t)];
                    Message::new(format!("{}の{ja}", facility.ja), format!("{}: {en}", facility.en))
                }
                None => places::zero_table(p),
            },
        }
    }
}

/// Every free text of the report, with its place.
fn texts(report: &Report) -> Vec<(Where, &Spanned<String>)> {
    let mut out: Vec<(Where, &Spanned<String>)> = report.meta.title.iter().map(|t| (Where::Title, t)).collect();
    for part in Part::BOTH {
        for (i, r) in report.costs.get(part).into_iter().flat_map(|t| t.rows.iter().enumerate()) {
            out.extend(r.name.iter().map(|n| (Where::Row(part, i as u32), n)));
        }
    }
    for part in Part::BOTH {
        for (i, z) in report.zero_cases.get(part).into_iter().flatten().enumerate() {
            out.extend(z.name.iter().map(|n| (Where::Entry(part, i as u32), n)));
            for (j, f) in z.facilities.iter().enumerate() {
                for (t, field) in [&f.name, &f.reason, &f.plan].into_iter().enumerate() {
                    out.extend(field.iter().map(|v| (Where::Facility(part, i as u32, j as u32, t as u8), v)));
                }
            }
        }
    }
    out
}

/// Positions of the marks of one style in `s`: `．` between digits is a decimal point, not a mark.
fn marks(s: &str, style: [char; 2]) -> Vec<(usize, char)> {
    if !s.contains(style) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let digit = |i: Option<&(usize, char)>| i.is_some_and(|(_, c)| c.is_ascii_digit() || ('０'..='９').contains(c));
    chars
        .iter()
        .enumerate()
        .filter(|(i, (_, c))| {
            style.contains(c) && !(digit(i.checked_sub(1).and_then(|j| chars.get(j))) && digit(chars.get(i + 1)))
        })
        .map(|(_, &(b, c))| (b, c))
        .collect()
}

const JAPANESE: [char; 2] = ['。', '、'];
const WESTERN: [char; 2] = ['．', '，'];

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let texts = texts(cx.report);
    let count = |style| texts.iter().map(|(_, t)| marks(&t.value, style).len()).sum::<usize>();
    let (jp, west) = (count(JAPANESE), count(WESTERN));
    if jp == 0 || west == 0 {
        return;
    }
    let (minority, majority, maj_text, min_text) = if west <= jp {
        (WESTERN, JAPANESE, "「。」「、」", "「．」「，」")
    } else {
        (JAPANESE, WESTERN, "「．」「，」", "「。」「、」")
    };
    for (place, t) in texts {
        let source = &cx.text[t.span.range()];
        let found = marks(source, minority);
        let Some(&(first, c)) = found.first() else {
            continue;
        };
        let edits = found
            .iter()
            .map(|&(b, c)| Edit {
                span: Span::new(t.span.start + b, t.span.start + b + c.len_utf8()),
                replacement: majority[usize::from(c == minority[1])].to_string(),
            })
            .collect();
        let at = Span::new(t.span.start + first, t.span.start + first + c.len_utf8());
        let mut d = Diagnostic::new(
            RuleId::MixedPunctuation,
            at,
            {
                let place = place.name(cx.report);
                Message::new(
                    format!("{}に「{c}」が使われています。下書きのほかの文は{maj_text}で書かれています。", place.ja),
                    format!("{}: the text uses {c}, while the rest of the draft uses {maj_text}.", place.en),
                )
            },
        )
        .label(t.span, Message::new("この文", "this text"))
        .note(Message::new(
            format!(
                "下書き全体では、{maj_text}が{}か所、{min_text}が{}か所です。医療機関の記載をそのまま載せる場合は、この警告を除外してください。",
                jp.max(west),
                jp.min(west)
            ),
            format!(
                "The draft has {} of {maj_text} and {} of {min_text}. If the facility's text is printed as submitted, silence this warning.",
                jp.max(west),
                jp.min(west)
            ),
        ));
        // Every other mark of the text is marked too: the reader sees each one the fix changes.
        for &(b, c) in &found[1..] {
            let span = Span::new(t.span.start + b, t.span.start + b + c.len_utf8());
            d = d.label(span, Message::new(format!("ここにも「{c}」"), format!("「{c}」 here too")));
        }
        out.push(d.fix(Fix {
            title: Message::new(format!("{maj_text}にそろえる"), format!("use {maj_text}")),
            edits,
            safe: true,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_points_are_not_marks() {
        assert_eq!(marks("12．4％と、", WESTERN).len(), 0);
        assert_eq!(marks("ため．そして，", WESTERN).len(), 2);
    }
}
