//! Printed decimals (`798.2`, `12.4`, `14.7`) and what they stand for under a rounding convention.

use super::exact::{Interval, Q};
use std::fmt;

/// `mantissa × 10^-scale`, as printed: `798.2` is `{ mantissa: 7982, scale: 1 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: i128,
    pub scale: u32,
}

/// How the report rounds: 四捨五入 (half up, the default and what note ※3 states) or 切り捨て (down).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    #[default]
    HalfUp,
    Down,
}

impl Rounding {
    /// The words accepted for each rounding, in the draft, in `senshin-lint.toml` and in an editor's settings.
    pub const WORDS: [(Rounding, &'static [&'static str]); 2] =
        [(Rounding::HalfUp, &["half_up", "四捨五入"]), (Rounding::Down, &["down", "切り捨て", "切捨て"])];
}

impl std::str::FromStr for Rounding {
    type Err = crate::text::Message;

    fn from_str(s: &str) -> Result<Rounding, Self::Err> {
        let word = s.trim();
        Rounding::WORDS.iter().find(|(_, words)| words.contains(&word)).map(|&(r, _)| r).ok_or_else(|| {
            crate::text::Message::new(
                format!("端数処理「{word}」は使えません。「四捨五入」か「切り捨て」と書いてください。"),
                format!("unknown rounding `{word}`: write half_up (四捨五入) or down (切り捨て)"),
            )
        })
    }
}

impl Decimal {
    pub fn value(self) -> Q {
        Q::new(self.mantissa, 10i128.pow(self.scale))
    }

    /// The exact values that print as this decimal, scaled by `10^exp` (to yen, for an amount in 億円).
    pub fn interval(self, rounding: Rounding, exp: u32) -> Interval {
        let (m, unit) = (self.mantissa, 10i128.pow(exp));
        let two_d = 2 * 10i128.pow(self.scale);
        let (lo, hi) = match rounding {
            Rounding::HalfUp => (2 * m - 1, 2 * m + 1),
            Rounding::Down => (2 * m, 2 * m + 2),
        };
        Interval { lo: Q::new(lo * unit, two_d), hi: Q::new(hi * unit, two_d) }
    }

    /// `q` rounded to `scale` places.
    pub fn round(q: Q, scale: u32, rounding: Rounding) -> Decimal {
        let scaled = q.mul_int(10i128.pow(scale));
        let mantissa = match rounding {
            Rounding::HalfUp => (scaled + Q::new(1, 2)).floor(),
            Rounding::Down => scaled.floor(),
        };
        Decimal { mantissa, scale }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = 10i128.pow(self.scale);
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let m = self.mantissa.abs();
        if self.scale == 0 {
            write!(f, "{sign}{}", crate::diagnostics::group_digits(m))
        } else {
            write!(f, "{sign}{}.{:0w$}", crate::diagnostics::group_digits(m / p), m % p, w = self.scale as usize)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_half_up_and_down() {
        let q = Q::new(91_117_710_124, 100_000_000);
        assert_eq!(Decimal::round(q, 1, Rounding::HalfUp).to_string(), "911.2");
        assert_eq!(Decimal::round(q, 1, Rounding::Down).to_string(), "911.1");
        assert_eq!(Decimal::round(Q::new(1195, 10), 0, Rounding::HalfUp).to_string(), "120");
        assert_eq!(Decimal { mantissa: 5, scale: 2 }.to_string(), "0.05");
    }

    #[test]
    fn interval_in_yen() {
        let d = Decimal { mantissa: 7982, scale: 1 };
        let i = d.interval(Rounding::HalfUp, 8);
        assert_eq!(i.lo, Q::int(79_815_000_000));
        assert_eq!(i.hi, Q::int(79_825_000_000));
    }
}
