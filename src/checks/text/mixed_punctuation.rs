//! `mixed-punctuation`: one style of Japanese punctuation throughout.

use crate::checks::Context;
use crate::diagnostics::{Diagnostic, Edit, Fix, Message, RuleId};
use crate::model::{Report, Spanned};
use crate::text::Span;

/// Every free text of the report.
fn texts(report: &Report) -> Vec<&Spanned<String>> {
    let mut out: Vec<&Spanned<String>> = report.meta.title.iter().collect();
    for table in [&report.costs.a, &report.costs.b].into_iter().flatten() {
        out.extend(table.rows.iter().filter_map(|r| r.name.as_ref()));
    }
    for entries in [&report.zero_cases.a, &report.zero_cases.b].into_iter().flatten() {
        for z in entries {
            out.extend(z.name.iter());
            for f in &z.facilities {
                out.extend([&f.name, &f.reason, &f.plan].into_iter().flatten());
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
    let count = |style| texts.iter().map(|t| marks(&t.value, style).len()).sum::<usize>();
    let (jp, west) = (count(JAPANESE), count(WESTERN));
    if jp == 0 || west == 0 {
        return;
    }
    let (minority, majority, maj_text) =
        if west <= jp { (WESTERN, JAPANESE, "「。、」") } else { (JAPANESE, WESTERN, "「．，」") };
    for t in texts {
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
            Message::new(
                format!(
                    "句読点「{c}」が混在しています（文書全体では{maj_text}が {} 個、こちらが {} 個）",
                    jp.max(west),
                    jp.min(west)
                ),
                format!(
                    "punctuation 「{c}」 mixed in: the document mostly uses {maj_text} ({} against {})",
                    jp.max(west),
                    jp.min(west)
                ),
            ),
        )
        .label(t.span, Message::new("この文", "this text"));
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
