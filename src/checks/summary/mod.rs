//! Printed figures against each other and against the exact tables: the summary page, the five-year history.

pub mod history_arithmetic;
pub mod history_length;
pub mod history_vs_report;
pub mod printed_precision;
pub mod summary_arithmetic;
pub mod summary_vs_costs;

use crate::checks::figures::{Exact, Figure, Printed};
use crate::diagnostics::RuleId;
use crate::diagnostics::{Diagnostic, Fix, Message, group_digits, oku_text};
use crate::model::exact::{Interval, Q};
use crate::model::{Amount, Decimal, Rounding, Spanned};
use crate::text::Span;

/// Bounds of an interval of yen in 億円, one place finer than `scale`: `911.10〜911.30億円`.
fn range_text(i: Interval, exp: u32, scale: u32) -> String {
    let unit = 10i128.pow(exp);
    let f = |q: Q| Decimal::round(q.checked_div(Q::int(unit)).unwrap_or(q), scale + 1, Rounding::HalfUp).to_string();
    format!("{}〜{}", f(i.lo), f(i.hi))
}

/// Three printed amounts where `sum` should be `a + b` (⑥ = ④ + ⑤): consistent when the intervals meet.
fn check_sum(
    rule: RuleId,
    rounding: Rounding,
    (a, b, sum): (&Spanned<Amount>, &Spanned<Amount>, &Spanned<Amount>),
    names: [(&str, &str); 3],
    out: &mut Vec<Diagnostic>,
) {
    let computed = a.value.interval(rounding) + b.value.interval(rounding);
    let stated = sum.value.interval(rounding);
    if computed.overlaps(stated) {
        return;
    }
    let scale = sum.value.value.scale;
    let (r_sum, r_stated) = (range_text(computed, sum.value.exp, scale), range_text(stated, sum.value.exp, scale));
    let unit = sum.value.unit();
    out.push(
        Diagnostic::new(
            rule,
            sum.span,
            Message::new(
                format!(
                    "{} {} ≠ {} {} ＋ {} {}：和は {r_sum}{unit} の範囲ですが、{} は {r_stated}{unit} を表します",
                    names[2].0, sum.value, names[0].0, a.value, names[1].0, b.value, sum.value
                ),
                format!(
                    "{} {} ≠ {} {} + {} {}: the sum lies in {r_sum} {unit}, but {} stands for {r_stated} {unit}",
                    names[2].1, sum.value, names[0].1, a.value, names[1].1, b.value, sum.value
                ),
            ),
        )
        .label(a.span, Message::new(names[0].0, names[0].1))
        .label(b.span, Message::new(names[1].0, names[1].1)),
    );
}

/// A printed percentage `ratio` that should be `part / whole`, all three printed (interval arithmetic).
fn check_ratio(
    rule: RuleId,
    rounding: Rounding,
    (part, whole, ratio): (&Spanned<Amount>, &Spanned<Amount>, &Spanned<Decimal>),
    names: [(&str, &str); 3],
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
    let r = |i: Interval| {
        let f = |q: Q| Decimal::round(q, places + 1, Rounding::HalfUp).to_string();
        format!("{}〜{}", f(i.lo), f(i.hi))
    };
    out.push(
        Diagnostic::new(
            rule,
            ratio.span,
            Message::new(
                format!(
                    "{} {}% は {} {} ／ {} {} と合いません：比は {}% の範囲です",
                    names[2].0,
                    ratio.value,
                    names[0].0,
                    part.value,
                    names[1].0,
                    whole.value,
                    r(computed)
                ),
                format!(
                    "{} {}% does not match {} {} / {} {}: the ratio lies in {}%",
                    names[2].1,
                    ratio.value,
                    names[0].1,
                    part.value,
                    names[1].1,
                    whole.value,
                    r(computed)
                ),
            ),
        )
        .label(part.span, Message::new(names[0].0, names[0].1))
        .label(whole.span, Message::new(names[1].0, names[1].1)),
    );
}

/// The fix writing a figure as it should print, in the style of the value it replaces.
fn replace(text: &str, span: Span, expected: &str) -> Fix {
    let written = crate::checks::written::like(text, span, expected);
    Fix::replace(Message::new(format!("{written} にする"), format!("replace with {written}")), span, written, false)
}

/// A figure of the list (`checks::figures`) that differs from what its cells say, as the rule's diagnostic:
/// an amount in 億円 against the exact yen it rounds from, a percentage against its exact ratio, a count
/// against the count it must equal. Each source cell carries its own label.
fn report_figure(f: &Figure, rounding: Rounding, text: &str, out: &mut Vec<Diagnostic>) {
    if !f.differs {
        return;
    }
    let (what, from) = (&f.what, &f.from);
    let mut d = match (f.printed, f.exact) {
        (Printed::Amount(printed), Exact::Value(exact)) => {
            let how = match rounding {
                Rounding::HalfUp => ("四捨五入した", "rounded half up"),
                Rounding::Down => ("切り捨てた", "rounded down"),
            };
            let (y, oku, e) = (group_digits(exact), oku_text(exact, 3), &f.expected);
            Diagnostic::new(
                f.rule,
                f.span,
                Message::new(
                    format!("{} {printed} ≠ {} {y}円（≈ {oku}億円）を{} {e}", what.ja, from.ja, how.0),
                    format!("{} {printed} ≠ {} {y} yen (≈ {oku} 億円) {} to {e}", what.en, from.en, how.1),
                ),
            )
        }
        (Printed::Percent(printed), Exact::Ratio { part, whole }) => {
            let exact = crate::checks::figures::percent_cut(Q::new(part * 100, whole), printed.scale);
            let (p, w, e) = (group_digits(part), group_digits(whole), &f.expected);
            Diagnostic::new(
                f.rule,
                f.span,
                Message::new(
                    format!("{} {printed}% ≠ {p}円 ／ {w}円 = {exact}% → {e}", what.ja),
                    format!("{} {printed}% ≠ {p} / {w} yen = {exact}% → {e}", what.en),
                ),
            )
        }
        (Printed::Exact(printed), Exact::Value(_)) => {
            let (s, e) = (group_digits(printed), &f.expected);
            Diagnostic::new(
                f.rule,
                f.span,
                Message::new(
                    format!("{} {s} ≠ {} {e}", what.ja, from.ja),
                    format!("{} {s} ≠ {} {e}", what.en, from.en),
                ),
            )
        }
        _ => return,
    };
    for (span, label) in &f.sources {
        d = d.label(*span, label.clone());
    }
    // A rounded figure gets its fix, unless it is in doubt (its table and its 合計 disagree): a fix from a figure
    // in doubt could rewrite a correct cell.
    let rounded = matches!(f.printed, Printed::Amount(_) | Printed::Percent(_));
    if rounded && f.also.is_empty() {
        d = d.fix(replace(text, f.span, &f.expected));
    }
    if !f.also.is_empty() {
        d = d.note(Message::new(
            "比べる元の値が二通りに読めます（印刷された合計と各行の和、または実績の概要と費用の表）。どちらとも合わないため指摘しています。どちらが正しいか決まるまで修正案は示しません",
            "the figure it is compared with reads two ways (the printed 合計 and the rows' sum, or the summary and the cost tables); this one matches neither, and no fix is offered until it is clear which is right",
        ));
    }
    out.push(d);
}
