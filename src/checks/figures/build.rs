//! One figure of each kind: a count against the count it must equal, a rounded amount against exact yen, a
//! share against its exact ratio.

use super::tables::Column;
use super::{Exact, Figure, Printed, SHARE_ROUNDING, percent_cut};
use crate::diagnostics::{Message, RuleId, group_digits, near, oku_text};
use crate::model::exact::Q;
use crate::model::{Amount, Decimal, Rounding, Spanned};

/// A count against the count it must equal; `why` says why the two agree.
pub(super) fn count_figure(
    rule: RuleId,
    printed: &Spanned<u64>,
    values: &[i128],
    [what, from]: [Message; 2],
    (why, how): (Message, Message),
    units: (&'static str, &'static str),
) -> Figure {
    let expected = group_digits(values[0]);
    let derivation = Message::new(format!("{} = {expected}", how.ja), format!("{} = {expected}", how.en));
    Figure {
        rule,
        span: printed.span,
        printed: Printed::Exact(printed.value.into()),
        exact: Exact::Value(values[0]),
        also: values[1..].iter().map(|&v| Exact::Value(v)).collect(),
        differs: !values.contains(&i128::from(printed.value)),
        expected,
        item: what.clone(),
        what,
        from,
        calc: why,
        sources: Vec::new(),
        derivation,
        units,
        in_previous: false,
    }
}

/// A rounded amount against the exact yen of `source`; `terms` writes out a difference (④ ＝ 総合計 － 先進医療総額).
pub(super) fn amount_figure(
    rule: RuleId,
    printed: &Spanned<Amount>,
    source: &Column,
    terms: Option<Message>,
    r: Rounding,
    what: Message,
    how: &str,
) -> Figure {
    let values = &source.values;
    let e = printed.value.round_yen(values[0], r);
    let (y, oku) = (group_digits(values[0]), oku_text(values[0], 3));
    // One place finer than printed, enough to see how it rounds (`≈ 911.18 億円 → 約911.2億円`).
    let (p, unit) = (printed.value, printed.value.unit());
    let near = near(values[0], 10i128.pow(p.exp), p.value.scale, r == Rounding::HalfUp);
    let calc = match terms {
        Some(t) => {
            Message::new(format!("{}＝{y}円（{oku}億円）です", t.ja), format!("{} = {y} yen ({oku} 億円)", t.en))
        }
        None => Message::new(
            format!("{}は{y}円（{oku}億円）です", source.name.ja),
            format!("{} is {y} yen ({oku} 億円)", source.name.en),
        ),
    };
    Figure {
        rule,
        span: printed.span,
        printed: Printed::Amount(printed.value),
        exact: Exact::Value(values[0]),
        also: values[1..].iter().map(|&v| Exact::Value(v)).collect(),
        expected: e.to_string(),
        differs: values.iter().all(|&v| printed.value.round_yen(v, r).value != printed.value.value),
        item: what.clone(),
        what,
        from: source.basis.clone(),
        calc,
        sources: source.sources.clone(),
        derivation: Message::new(
            format!("{how} = {y} 円 {near} {unit} → {e}"),
            format!("{how} = {y} yen {near} {unit} → {e}"),
        ),
        units: ("", ""),
        in_previous: false,
    }
}

/// A percentage against `part / whole`: rounded half up whatever the report's `rounding`, which ※3 states for
/// the amounts ④–⑥ only.
pub(super) fn ratio_figure(
    rule: RuleId,
    printed: &Spanned<Decimal>,
    part: &Column,
    whole: &Column,
    what: Message,
) -> Option<Figure> {
    let readings: Vec<(i128, i128)> =
        part.values.iter().flat_map(|&p| whole.values.iter().map(move |&w| (p, w))).filter(|&(_, w)| w > 0).collect();
    let &(p, w) = readings.first()?;
    let rounded = |(p, w): (i128, i128)| Decimal::round(Q::new(p * 100, w), printed.value.scale, SHARE_ROUNDING);
    let e = rounded((p, w));
    let fine = percent_cut(Q::new(p * 100, w), printed.value.scale);
    let near = near(p * 100, w, printed.value.scale, true);
    let (a, b) = (group_digits(p), group_digits(w));
    let (pn, wn) = (&part.name, &whole.name);
    Some(Figure {
        rule,
        span: printed.span,
        printed: Printed::Percent(printed.value),
        exact: Exact::Ratio { part: p, whole: w },
        also: readings[1..].iter().map(|&(part, whole)| Exact::Ratio { part, whole }).collect(),
        expected: format!("{e}%"),
        differs: readings.iter().all(|&r| rounded(r) != printed.value),
        item: what.clone(),
        what,
        from: part.basis.clone(),
        calc: Message::new(
            format!("{}{a}円／{}{b}円＝{fine}%です", pn.ja, wn.ja),
            format!("{} {a} yen / {} {b} yen = {fine}%", pn.en, wn.en),
        ),
        sources: part.sources.iter().chain(&whole.sources).cloned().collect(),
        derivation: Message::new(
            format!("Σ 先進医療総額 ／ Σ 総合計 = {a} ／ {b} {near}% → {e}%"),
            format!("Σ 先進医療総額 / Σ 総合計 = {a} / {b} {near}% → {e}%"),
        ),
        units: ("", ""),
        in_previous: false,
    })
}
