//! The typed report, section by section as the published report prints it. Every field is optional: a
//! missing or unreadable value has already cost its diagnostic, and the checks skip what they cannot see.

use super::decimal::{Decimal, Rounding};
use super::value::{Amount, Cell, Notice, Spanned};
use crate::text::Span;
use jiff::civil::Date;

type Field<T> = Option<Spanned<T>>;

#[derive(Debug, Default)]
pub struct Report {
    pub meta: Meta,
    pub summary: Columns<SummaryColumn>,
    pub changes: Columns<ChangeColumn>,
    pub history: Vec<HistoryRow>,
    pub costs: Parts<CostTable>,
    pub zero_cases: Parts<Vec<ZeroCase>>,
    /// Where each part's zero-case list is written: its key and its value (`[]`, or the empty value of `A:`),
    /// so that a first entry can be put there.
    pub zero_case_lists: Parts<(Span, Span)>,
}

#[derive(Debug, Default)]
pub struct Meta {
    pub title: Field<String>,
    pub fiscal_year: Field<String>,
    pub period: Field<(Date, Date)>,
    pub rounding: Rounding,
    /// Whether the draft says how it rounds (else a configured default may apply).
    pub rounding_set: bool,
    /// Last year's draft, as written: a path from the draft's folder.
    pub previous: Field<String>,
}

/// The two kinds of advanced medical care: 先進医療Ａ (第２項) and 先進医療Ｂ (第３項).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    A,
    B,
}

impl Part {
    pub const BOTH: [Part; 2] = [Part::A, Part::B];

    /// The part a draft's key names: `A` or `B`.
    pub fn from_key(key: &str) -> Option<Part> {
        match key {
            "A" => Some(Part::A),
            "B" => Some(Part::B),
            _ => None,
        }
    }

    /// The draft's key for the part: `A` or `B`.
    pub fn key(self) -> &'static str {
        match self {
            Part::A => "A",
            Part::B => "B",
        }
    }

    /// The other part.
    pub fn other(self) -> Part {
        match self {
            Part::A => Part::B,
            Part::B => Part::A,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Part::A => "先進医療Ａ",
            Part::B => "先進医療Ｂ",
        }
    }
}

/// A section with one block for A and one for B.
#[derive(Debug)]
pub struct Parts<T> {
    pub a: Option<T>,
    pub b: Option<T>,
}

impl<T> Default for Parts<T> {
    fn default() -> Self {
        Parts { a: None, b: None }
    }
}

impl<T> Default for Columns<T> {
    fn default() -> Self {
        Columns { a: None, b: None, total: None }
    }
}

impl<T> Parts<T> {
    pub fn get(&self, part: Part) -> Option<&T> {
        match part {
            Part::A => self.a.as_ref(),
            Part::B => self.b.as_ref(),
        }
    }
}

/// A section with columns A, B and 計.
#[derive(Debug)]
pub struct Columns<T> {
    pub a: Option<T>,
    pub b: Option<T>,
    pub total: Option<T>,
}

impl<T> Columns<T> {
    pub fn get(&self, part: Part) -> Option<&T> {
        match part {
            Part::A => self.a.as_ref(),
            Part::B => self.b.as_ref(),
        }
    }

    /// A column, 計 included.
    pub fn at(&self, column: super::places::Column) -> Option<&T> {
        match column {
            super::places::Column::A => self.a.as_ref(),
            super::places::Column::B => self.b.as_ref(),
            super::places::Column::Total => self.total.as_ref(),
        }
    }
}

/// 先－１－１ p.1, one column.
#[derive(Debug, Default)]
pub struct SummaryColumn {
    pub technologies: Field<u64>,
    pub facilities: Field<u64>,
    pub patients: Field<u64>,
    pub insured_cost: Field<Amount>,
    pub advanced_cost: Field<Amount>,
    pub total_cost: Field<Amount>,
    pub advanced_ratio: Field<Decimal>,
}

impl ChangeColumn {
    /// The cell of an item, ①–⑦.
    pub fn get(&self, item: super::places::ChangeItem) -> Option<&Spanned<Cell<u64>>> {
        use super::places::ChangeItem as I;
        match item {
            I::Previous => self.previous.as_ref(),
            I::Approved => self.approved.as_ref(),
            I::Insured => self.insured.as_ref(),
            I::Withdrawn => self.withdrawn.as_ref(),
            I::Deleted => self.deleted.as_ref(),
            I::Current => self.current.as_ref(),
            I::FinalReports => self.final_reports.as_ref(),
        }
    }
}

/// p.2 技術数の推移, one column. `-` reads as none.
#[derive(Debug, Default)]
pub struct ChangeColumn {
    pub previous: Field<Cell<u64>>,
    pub approved: Field<Cell<u64>>,
    pub insured: Field<Cell<u64>>,
    pub withdrawn: Field<Cell<u64>>,
    pub deleted: Field<Cell<u64>>,
    pub current: Field<Cell<u64>>,
    pub final_reports: Field<Cell<u64>>,
}

/// p.3 過去５年間の実績, one reporting year.
#[derive(Debug)]
pub struct HistoryRow {
    pub span: Span,
    pub period: Field<(Date, Date)>,
    pub months: Field<u64>,
    pub technologies: Field<u64>,
    pub facilities: Field<u64>,
    pub patients: Field<u64>,
    pub total_cost: Field<Amount>,
    pub insured_cost: Field<Amount>,
    pub advanced_cost: Field<Amount>,
    pub advanced_ratio: Field<Decimal>,
}

/// 参考資料１ / ２: per-technology costs.
#[derive(Debug)]
pub struct CostTable {
    /// The key `rows`, for labels that point at the rows summed.
    pub rows_key: Span,
    pub rows: Vec<CostRow>,
    pub total: Option<CostTotal>,
    /// Every row was read as a row (the list exists and no item of it is something else): only then do the
    /// rows' sums say anything.
    pub complete: bool,
}

#[derive(Debug)]
pub struct CostRow {
    pub span: Span,
    pub serial: Field<u64>,
    pub notice: Field<Notice>,
    pub name: Field<String>,
    pub effective: Field<Date>,
    pub total_yen: Field<Cell<i128>>,
    pub advanced_yen: Field<Cell<i128>>,
    pub avg_stay_days: Field<Cell<Decimal>>,
    pub cases: Field<Cell<u64>>,
    pub facilities: Field<Cell<u64>>,
}

/// The 合計 row.
#[derive(Debug)]
pub struct CostTotal {
    pub span: Span,
    pub total_yen: Field<i128>,
    pub advanced_yen: Field<i128>,
    pub cases: Field<u64>,
    pub facilities: Field<u64>,
}

/// 先－１－２: a technology with no case in the year.
#[derive(Debug)]
pub struct ZeroCase {
    pub span: Span,
    pub notice: Field<Notice>,
    pub name: Field<String>,
    pub prior_cases: Field<Cell<u64>>,
    /// The key `facilities`, or the entry when it has none.
    pub facilities_span: Span,
    pub facilities: Vec<ZeroFacility>,
}

#[derive(Debug)]
pub struct ZeroFacility {
    pub span: Span,
    pub name: Field<String>,
    pub reason: Field<String>,
    pub plan: Field<String>,
}
