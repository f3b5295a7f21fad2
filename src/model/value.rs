//! The typed values of a report cell, each remembering where it was written.

use super::decimal::{Decimal, Rounding};
use super::exact::{Interval, Q};
use crate::text::Span;
use std::fmt;

/// A value and the span of its scalar in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A table cell: a value, `-` (未実施・該当なし) or, for the length of stay, `※` (入院例なし).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<T> {
    Value(T),
    Dash,
    NoInpatient,
}

impl<T: Copy> Cell<T> {
    pub fn value(self) -> Option<T> {
        match self {
            Cell::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl Cell<u64> {
    /// The count this cell contributes to a sum: `-` is none.
    pub fn count(self) -> u64 {
        self.value().unwrap_or(0)
    }
}

impl Cell<i128> {
    /// The yen this cell contributes to a sum: `-` is none.
    pub fn yen(self) -> i128 {
        self.value().unwrap_or(0)
    }
}

/// A rounded amount of money as printed: `約798.2億円` is 798.2 × 10^8 yen, at one decimal of 億円.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    /// The unit as a power of ten yen: 8 for 億円, 4 for 万円, 0 for 円.
    pub exp: u32,
    /// Whether it was printed with 約.
    pub approx: bool,
}

impl Amount {
    /// The yen amounts that print as this figure.
    pub fn interval(self, rounding: Rounding) -> Interval {
        self.value.interval(rounding, self.exp)
    }

    /// How `yen` prints at this figure's unit and precision.
    pub fn round_yen(self, yen: i128, rounding: Rounding) -> Amount {
        let value = Decimal::round(Q::new(yen, 10i128.pow(self.exp)), self.value.scale, rounding);
        Amount { value, ..self }
    }

    pub fn unit(self) -> &'static str {
        Amount::unit_of(self.exp)
    }

    /// The unit of `10^exp` yen, as the report writes it: 億円, 百万円, 万円, 円.
    pub fn unit_of(exp: u32) -> &'static str {
        match exp {
            8 => "億円",
            6 => "百万円",
            4 => "万円",
            _ => "円",
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}{}", if self.approx { "約" } else { "" }, self.value, self.unit())
    }
}

/// A 告示番号; `10(1)` and `10(2)` are sub-rows of technology 10 (different kinds of facility).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Notice {
    pub number: u32,
    pub sub: Option<u32>,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub {
            Some(s) => write!(f, "{}({s})", self.number),
            None => write!(f, "{}", self.number),
        }
    }
}
