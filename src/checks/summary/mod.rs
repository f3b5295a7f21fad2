//! Printed figures against each other and against the exact tables: the summary page, the five-year history.

pub mod history_arithmetic;
pub mod history_length;
pub mod history_vs_report;
pub mod printed_precision;
pub mod summary_arithmetic;
pub mod summary_vs_costs;

use crate::checks::figures::{Exact, Figure, Printed, rounded_words};
use crate::diagnostics::RuleId;
use crate::diagnostics::{Diagnostic, Fix, Message, group_digits};
use crate::model::exact::{Interval, Q};
use crate::model::{Amount, Decimal, Rounding, Spanned};
use crate::text::Span;
use crate::text::unquoted;

/// Bounds of an interval of yen in 億円, one place finer than `scale`: (`911.10`, `911.30`).
fn bounds(i: Interval, exp: u32, scale: u32) -> (String, String) {
    let unit = 10i128.pow(exp);
    let f = |q: Q| Decimal::round(q.checked_div(Q::int(unit)).unwrap_or(q), scale + 1, Rounding::HalfUp).to_string();
    (f(i.lo), f(i.hi))
}

/// The names of three figures that should agree: the two terms, short (「④」「先進医療Ａ」), and the place of the
/// third, in full (「先－１－１ 実績の概要の⑥総金額（先進医療Ａ）」).
pub(crate) struct Three {
    pub terms: [Message; 2],
    pub place: Message,
    /// What to check first when they disagree.
    pub advice: Message,
}

/// Three printed amounts where `sum` should be `a + b` (⑥ = ④ + ⑤): consistent when the intervals meet.
fn check_sum(
    rule: RuleId,
    rounding: Rounding,
    (a, b, sum): (&Spanned<Amount>, &Spanned<Amount>, &Spanned<Amount>),
    names: Three,
    out: &mut Vec<Diagnostic>,
) {
    let computed = a.value.interval(rounding) + b.value.interval(rounding);
    let stated = sum.value.interval(rounding);
    if computed.overlaps(stated) {
        return;
    }
    let scale = sum.value.value.scale;
    let ((c0, c1), (s0, s1)) = (bounds(computed, sum.value.exp, scale), bounds(stated, sum.value.exp, scale));
    let unit = sum.value.unit();
    let how = rounded_words(a.value.value.scale, a.value.unit(), rounding);
    let ([x, y], place) = (&names.terms, &names.place);
    out.push(
        Diagnostic::new(
            rule,
            sum.span,
            Message::new(
                format!("{}{}が、{}{}＋{}{}と一致しません。", place.ja, sum.value, x.ja, a.value, y.ja, b.value),
                format!("{}: {} is not {} {} + {} {}.", place.en, sum.value, x.en, a.value, y.en, b.value),
            ),
        )
        .label(a.span, x.clone())
        .label(b.span, y.clone())
        .note(Message::new(
            format!(
                "計算：{}と{}は{}した値です。そのため、{}＋{}は{c0}{unit}以上{c1}{unit}未満になります。一方、{}は{s0}{unit}以上{s1}{unit}未満を表すため、両者は重なりません。",
                x.ja, y.ja, how.ja, x.ja, y.ja, sum.value
            ),
            format!(
                "Calculation: {} and {} are {}, so their sum is at least {c0} {unit} and below {c1} {unit}. {} stands for {s0} {unit} up to {s1} {unit}, so the two do not overlap.",
                x.en, y.en, how.en, sum.value
            ),
        ))
        .note(names.advice),
    );
}

/// A printed percentage `ratio` that should be `part / whole`, all three printed (interval arithmetic).
fn check_ratio(
    rule: RuleId,
    rounding: Rounding,
    (part, whole, ratio): (&Spanned<Amount>, &Spanned<Amount>, &Spanned<Decimal>),
    names: Three,
    out: &mut Vec<Diagnostic>,
) {
    let Some(computed) = part.value.interval(rounding).ratio(whole.value.interval(rounding), 100) else {
        return;
    };
    // ※3 states the rounding of the amounts ④–⑥; a percentage is rounded half up.
    let stated = ratio.value.interval(Rounding::HalfUp, 0);
    if computed.overlaps(stated) {
        return;
    }
    let places = ratio.value.scale;
    let f = |q: Q| Decimal::round(q, places + 1, Rounding::HalfUp).to_string();
    // A share is never above 100%: only the bounds it can take are shown.
    let hundred = Q::int(100);
    let range = if computed.hi > hundred {
        Message::new(format!("{}%を下回りません", f(computed.lo)), format!("is at least {}%", f(computed.lo)))
    } else {
        Message::new(
            format!("{}%以上{}%以下になります", f(computed.lo), f(computed.hi)),
            format!("lies between {}% and {}%", f(computed.lo), f(computed.hi)),
        )
    };
    let ([x, y], place) = (&names.terms, &names.place);
    out.push(
        Diagnostic::new(
            rule,
            ratio.span,
            Message::new(
                format!(
                    "{}{}%が、{}{}／{}{}と一致しません。",
                    place.ja, ratio.value, x.ja, part.value, y.ja, whole.value
                ),
                format!(
                    "{}: {}% does not match {} {} / {} {}.",
                    place.en, ratio.value, x.en, part.value, y.en, whole.value
                ),
            ),
        )
        .label(part.span, x.clone())
        .label(whole.span, y.clone())
        .note(Message::new(
            format!("計算：{}と{}は丸めた値なので、{}／{}は{}。", x.ja, y.ja, x.ja, y.ja, range.ja),
            format!("Calculation: {} and {} are rounded, so {} / {} {}.", x.en, y.en, x.en, y.en, range.en),
        ))
        .note(names.advice),
    );
}

/// The fix writing a figure as it should print, in the style of the value it replaces.
fn replace(text: &str, span: Span, expected: &str) -> Fix {
    let written = crate::checks::written::like(text, span, expected);
    let shown = unquoted(&written);
    Fix::replace(Message::new(format!("{shown}に直す"), format!("change it to {shown}")), span, written, false)
}

/// A figure of the list (`checks::figures`) that differs from what its cells say, as the rule's diagnostic: the
/// place and both values in a sentence, the calculation in a note, then what to do. Each source cell carries
/// its own label.
pub(crate) fn report_figure(f: &Figure, rounding: Rounding, text: &str, out: &mut Vec<Diagnostic>) {
    if !f.differs {
        return;
    }
    let (what, from, e) = (&f.what, &f.from, &f.expected);
    // ※3 of 先－１－１ states how ④–⑥ are rounded.
    let mark = if f.rule == RuleId::SummaryVsCosts { ("（※３）", " (note ※3)") } else { ("", "") };
    let mut d = match (f.printed, f.exact) {
        (Printed::Amount(printed), Exact::Value(_)) => {
            let how = rounded_words(printed.value.scale, printed.unit(), rounding);
            let plain = e.trim_start_matches('約');
            Diagnostic::new(
                f.rule,
                f.span,
                Message::new(
                    format!("{}{printed}が、{}から求めた{e}と一致しません。", what.ja, from.ja),
                    format!("{}: {printed} does not match {e} obtained from {}.", what.en, from.en),
                ),
            )
            .note(Message::new(
                format!("計算：{}。{}すると{plain}です{}。", f.calc.ja, how.ja, mark.0),
                format!("Calculation: {}; {}, that is {plain}{}.", f.calc.en, how.en, mark.1),
            ))
        }
        (Printed::Percent(printed), Exact::Ratio { .. }) => {
            let how = rounded_words(printed.scale, "%", Rounding::HalfUp);
            Diagnostic::new(
                f.rule,
                f.span,
                Message::new(
                    format!("{}{printed}%が、{}から求めた{e}と一致しません。", what.ja, from.ja),
                    format!("{}: {printed}% does not match {e} computed from {}.", what.en, from.en),
                ),
            )
            .note(Message::new(
                format!("計算：{}。{}すると{e}です。", f.calc.ja, how.ja),
                format!("Calculation: {}; {}, that is {e}.", f.calc.en, how.en),
            ))
        }
        (Printed::Exact(printed), Exact::Value(_)) => {
            let (s, (u, v)) = (group_digits(printed), f.units);
            Diagnostic::new(
                f.rule,
                f.span,
                Message::new(
                    format!("{}{s}{u}が、{}{e}{v}と一致しません。", what.ja, from.ja),
                    format!("{}: {s} does not match {e}, {}.", what.en, from.en),
                ),
            )
            .note(f.calc.clone())
        }
        _ => return,
    };
    for (span, label) in &f.sources {
        d = if f.in_previous { d.label_previous(*span, label.clone()) } else { d.label(*span, label.clone()) };
    }
    // A rounded figure gets its fix, unless it is in doubt (its table and its 合計 disagree): a fix from a figure
    // in doubt could rewrite a correct cell.
    let rounded = matches!(f.printed, Printed::Amount(_) | Printed::Percent(_));
    if rounded && f.also.is_empty() {
        d = d
            .note(Message::new(
                format!("対処：{}に誤りがなければ、この値を{e}に直してください。", from.ja),
                format!("To fix: if {} are right, change this figure to {e}.", from.en),
            ))
            .fix(replace(text, f.span, e));
    }
    if !f.also.is_empty() {
        d = d.note(Message::new(
            "比べる元の値が二通りに読めます（合計欄と各行の和が一致していません）。どちらとも一致しないため指摘しています。どちらが正しいか決まるまで、修正案は示しません。",
            "The figure it is compared with reads two ways (a totals row disagrees with its rows); this one matches neither. No fix is offered until it is clear which is right.",
        ));
    }
    out.push(d);
}
