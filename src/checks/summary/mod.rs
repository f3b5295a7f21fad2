//! Printed figures against each other and against the exact tables: the summary page, the five-year history.

pub mod history_arithmetic;
pub mod history_vs_report;
pub mod summary_arithmetic;
pub mod summary_vs_costs;

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
    let stated = ratio.value.interval(rounding, 0);
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

/// A printed amount against the exact yen it should be rounded from.
#[allow(clippy::too_many_arguments)]
fn check_rounded(
    rule: RuleId,
    rounding: Rounding,
    printed: &Spanned<Amount>,
    exact: i128,
    (what_ja, what_en): (&str, &str),
    (from_ja, from_en): (&str, &str),
    sources: &[Span],
    out: &mut Vec<Diagnostic>,
) {
    let expected = printed.value.round_yen(exact, rounding);
    if expected.value == printed.value.value {
        return;
    }
    let how = match rounding {
        Rounding::HalfUp => ("四捨五入", "rounded half up"),
        Rounding::Down => ("切り捨て", "rounded down"),
    };
    let (y, oku) = (group_digits(exact), oku_text(exact));
    let mut d = Diagnostic::new(
        rule,
        printed.span,
        Message::new(
            format!("{what_ja} {} ≠ {from_ja} {y}円（≈ {oku}億円）を{}した {expected}", printed.value, how.0),
            format!("{what_en} {} ≠ {from_en} {y} yen (≈ {oku} 億円) {} to {expected}", printed.value, how.1),
        ),
    )
    .fix(Fix::replace(
        Message::new(format!("{expected} にする"), format!("replace with {expected}")),
        printed.span,
        expected.to_string(),
        false,
    ));
    for &s in sources {
        d = d.label(s, Message::new(from_ja, from_en));
    }
    out.push(d);
}

/// A printed percentage against the exact ratio `part / whole`.
fn check_rounded_ratio(
    rule: RuleId,
    rounding: Rounding,
    printed: &Spanned<Decimal>,
    (part, whole): (i128, i128),
    (what_ja, what_en): (&str, &str),
    sources: &[Span],
    out: &mut Vec<Diagnostic>,
) {
    if whole <= 0 {
        return;
    }
    let expected = Decimal::round(Q::new(part * 100, whole), printed.value.scale, rounding);
    if expected == printed.value {
        return;
    }
    let exact = Decimal::round(Q::new(part * 100, whole), printed.value.scale + 2, Rounding::HalfUp);
    let (p, w) = (group_digits(part), group_digits(whole));
    let mut d = Diagnostic::new(
        rule,
        printed.span,
        Message::new(
            format!("{what_ja} {}% ≠ {p}円 ／ {w}円 = {exact}% → {expected}%", printed.value),
            format!("{what_en} {}% ≠ {p} / {w} yen = {exact}% → {expected}%", printed.value),
        ),
    )
    .fix(Fix::replace(
        Message::new(format!("{expected}% にする"), format!("replace with {expected}%")),
        printed.span,
        format!("{expected}%"),
        false,
    ));
    for &s in sources {
        d = d.label(s, Message::new("費用の表の合計", "the cost tables' totals"));
    }
    out.push(d);
}

/// Two counts that must be equal.
fn check_equal(
    rule: RuleId,
    stated: &Spanned<u64>,
    expected: u64,
    (what_ja, what_en): (&str, &str),
    (from_ja, from_en): (&str, &str),
    sources: &[Span],
    out: &mut Vec<Diagnostic>,
) {
    if stated.value == expected {
        return;
    }
    let (s, e) = (group_digits(stated.value.into()), group_digits(expected.into()));
    let mut d = Diagnostic::new(
        rule,
        stated.span,
        Message::new(format!("{what_ja} {s} ≠ {from_ja} {e}"), format!("{what_en} {s} ≠ {from_en} {e}")),
    );
    for &span in sources {
        d = d.label(span, Message::new(from_ja, from_en));
    }
    out.push(d);
}
