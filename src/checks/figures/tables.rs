//! What the cost tables give the other pages: each column as its readings (the printed 合計, and the rows' sum
//! when the two disagree), named for the sentences that quote it.

use super::distinct;
use crate::checks::facts::{self, Technologies};
use crate::diagnostics::{Message, group_digits};
use crate::model::places;
use crate::model::{CostTable, Part, Spanned};
use crate::text::Span;

/// One column of a cost table as the summary and the history see it: the printed 合計, and the rows' sum when
/// it differs (or alone, when the 合計 cannot be read); a table whose rows could not all be read gives its
/// printed 合計 only.
#[derive(Clone)]
pub(super) struct Column {
    /// The readings, the printed 合計's first.
    pub(super) values: Vec<i128>,
    /// The first reading's name with its table: 「参考資料１の総合計の合計」, 「参考資料２の各行の総合計の和」.
    pub(super) name: Message,
    /// Where it comes from, for 「…から求めた」: 「参考資料１の合計」, 「参考資料２の各行」.
    pub(super) basis: Message,
    pub(super) sources: Vec<(Span, Message)>,
    /// Whether the first reading is the printed 合計 (else the rows' sum).
    pub(super) from_totals: bool,
}

/// The column's name and basis, from the printed 合計 or from the rows, in the tables of a summary column
/// (参考資料１, or 参考資料１・２ for 計).
fn named(tables: places::Column, (ja, en): (&str, &str), printed: bool) -> (Message, Message) {
    let t = places::cost_tables(tables);
    if printed {
        (
            Message::new(format!("{}の{ja}の合計", t.ja), format!("the total of {en} in {}", t.en)),
            Message::new(format!("{}の合計", t.ja), format!("the totals of {}", t.en)),
        )
    } else {
        (
            Message::new(format!("{}の各行の{ja}の和", t.ja), format!("the sum of {en} over the rows of {}", t.en)),
            Message::new(format!("{}の各行", t.ja), format!("the rows of {}", t.en)),
        )
    }
}

fn column(
    table: &CostTable,
    part: Part,
    sum: Option<i128>,
    printed: Option<Spanned<i128>>,
    (ja, en, unit): (&'static str, &'static str, &'static str),
) -> Option<Column> {
    let tables = places::Column::of(part);
    let total = || Message::new(format!("{ja}の合計"), format!("the total of {en}"));
    let rows = |s: i128| {
        Message::new(
            format!("{ja}（各行の和{}{unit}）", group_digits(s)),
            format!("{en} (the rows sum to {})", group_digits(s)),
        )
    };
    let (name, basis) = named(tables, (ja, en), true);
    match (sum, printed) {
        (Some(sum), Some(p)) if p.value == sum => {
            Some(Column { values: vec![sum], name, basis, sources: vec![(p.span, total())], from_totals: true })
        }
        // The 合計 and its rows disagree: `column-sum` says so at the 合計, and either reading is accepted here.
        (Some(sum), Some(p)) => {
            let printed = Message::new(
                format!("合計欄（{}{unit}。各行の和と不一致）", group_digits(p.value)),
                format!("the totals row ({}; not the sum of the rows)", group_digits(p.value)),
            );
            let sources = vec![(p.span, printed), (table.rows_key, rows(sum))];
            Some(Column { values: vec![p.value, sum], name, basis, sources, from_totals: true })
        }
        (Some(sum), None) => {
            let (name, basis) = named(tables, (ja, en), false);
            Some(Column {
                values: vec![sum],
                name,
                basis,
                sources: vec![(table.rows_key, rows(sum))],
                from_totals: false,
            })
        }
        (None, Some(p)) => {
            Some(Column { values: vec![p.value], name, basis, sources: vec![(p.span, total())], from_totals: true })
        }
        (None, None) => None,
    }
}

/// The exact figures of one table (or of both, for the 計 column).
#[derive(Clone)]
pub(super) struct Exacts {
    pub(super) total_yen: Option<Column>,
    pub(super) advanced_yen: Option<Column>,
    pub(super) cases: Option<Column>,
    /// `None` when a row could not be read: a technology may be missing.
    pub(super) technologies: Option<u64>,
}

pub(super) fn exacts(table: &CostTable, part: Part) -> Exacts {
    let sums = facts::sums(table);
    let total = table.total.as_ref();
    let widen = |c: &Spanned<u64>| Spanned { value: i128::from(c.value), span: c.span };
    let technologies: Technologies = facts::technologies(table);
    Exacts {
        total_yen: column(
            table,
            part,
            sums.total_yen,
            total.and_then(|t| t.total_yen.clone()),
            ("総合計", "総合計", "円"),
        ),
        advanced_yen: column(
            table,
            part,
            sums.advanced_yen,
            total.and_then(|t| t.advanced_yen.clone()),
            ("先進医療総額", "先進医療総額", "円"),
        ),
        cases: column(
            table,
            part,
            sums.cases.map(i128::from),
            total.and_then(|t| t.cases.as_ref().map(widen)),
            ("年間実施件数", "年間実施件数", "件"),
        ),
        technologies: facts::all_numbered(table).then_some(technologies.len() as u64),
    }
}

/// Two columns combined value by value (`f`: sum, difference), every reading of one with every reading of the
/// other.
pub(super) fn combine(a: &Column, b: &Column, f: impl Fn(i128, i128) -> i128, name: Message, basis: Message) -> Column {
    let values = distinct(a.values.iter().flat_map(|&x| b.values.iter().map(move |&y| (x, y))).map(|(x, y)| f(x, y)));
    let sources = a.sources.iter().chain(&b.sources).cloned().collect();
    Column { values, name, basis, sources, from_totals: a.from_totals && b.from_totals }
}

/// A column of both tables, for the 計 column: 「参考資料１・２の総合計の合計」 when both are read the same way.
pub(super) fn add(a: Option<Column>, b: Option<Column>, word: (&str, &str)) -> Option<Column> {
    let (a, b) = (a?, b?);
    let same = a.from_totals == b.from_totals;
    let (name, basis) = if same {
        named(places::Column::Total, word, a.from_totals)
    } else {
        (
            Message::new(format!("{}と{}", a.name.ja, b.name.ja), format!("{} and {}", a.name.en, b.name.en)),
            places::cost_tables(places::Column::Total),
        )
    };
    Some(combine(&a, &b, |x, y| x + y, name, basis))
}

pub(super) fn both(a: Exacts, b: Exacts) -> Exacts {
    Exacts {
        total_yen: add(a.total_yen, b.total_yen, ("総合計", "総合計")),
        advanced_yen: add(a.advanced_yen, b.advanced_yen, ("先進医療総額", "先進医療総額")),
        cases: add(a.cases, b.cases, ("年間実施件数", "年間実施件数")),
        technologies: a.technologies.zip(b.technologies).map(|(a, b)| a + b),
    }
}

/// ④ from ⑥ and ⑤: the difference of the two columns, with both terms written out for the calculation.
pub(super) fn insured(total: &Column, adv: &Column) -> (Column, Message) {
    let c = combine(total, adv, |x, y| x - y, total.name.clone(), total.basis.clone());
    let (t, a) = (group_digits(total.values[0]), group_digits(adv.values[0]));
    let terms = Message::new(
        format!("{}{t}円－{}{a}円", total.name.ja, adv.name.ja),
        format!("{} {t} yen − {} {a} yen", total.name.en, adv.name.en),
    );
    (c, terms)
}
