//! Figures and dates as the published report prints them (`shared/design/report-layout.md` §2): typeset text
//! writes a lone digit full-width and longer runs in ASCII (「７種類」「27種類」「平13.７.１」), tables group
//! thousands with 「,」, p.1 prints its shares as 「12．4％」 and p.3 as 「12.9%」.

use crate::diagnostics::group_digits;
use crate::model::Decimal;
use crate::model::read::{era_abbrev, era_text};
use crate::model::value::Cell;
use jiff::civil::Date;

/// A lone ASCII digit made full-width; runs of two or more stay ASCII.
pub fn typeset(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        // A grouping comma joins digits into one number (「1,271」); a point or anything else parts them.
        let joined = |j: usize| chars.get(j).is_some_and(|c| c.is_ascii_digit() || *c == ',');
        let lone = c.is_ascii_digit() && !(i > 0 && joined(i - 1)) && !joined(i + 1);
        match lone {
            true => out.push(char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c)),
            false => out.push(c),
        }
    }
    out
}

/// `175,505`.
pub fn grouped(n: impl Into<i128>) -> String {
    group_digits(n.into())
}

/// A count with its unit, typeset: 「７種類」「396施設」「175,505人」.
pub fn count(n: u64, unit: &str) -> String {
    typeset(&format!("{}{unit}", grouped(n)))
}

/// A table cell: its value, 「-」 or 「※」.
pub fn cell<T: Copy>(c: Cell<T>, value: impl Fn(T) -> String) -> String {
    match c {
        Cell::Value(v) => value(v),
        Cell::Dash => "-".to_owned(),
        Cell::NoInpatient => "※".to_owned(),
    }
}

/// p.1's share: 「12．4％」.
pub fn share_p1(d: Decimal) -> String {
    format!("{}％", d.to_string().replace('.', "．"))
}

/// A date in a sentence, typeset: 「令和６年６月30日」.
pub fn date_text(d: Date) -> String {
    typeset(&era_text(d))
}

/// A date in a cost table: 「平13.７.１」.
pub fn date_abbrev(d: Date) -> String {
    typeset(&era_abbrev(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_digits_are_full_width() {
        assert_eq!(typeset("7種類"), "７種類");
        assert_eq!(typeset("27種類"), "27種類");
        assert_eq!(typeset("平13.7.1"), "平13.７.１");
        assert_eq!(typeset("令和6年6月30日"), "令和６年６月30日");
        assert_eq!(typeset("10(1)"), "10(１)");
        assert_eq!(count(175505, "人"), "175,505人");
        assert_eq!(count(1271, "人"), "1,271人");
        assert_eq!(count(2, "種類"), "２種類");
    }

    #[test]
    fn shares_and_dates() {
        let d = Decimal { mantissa: 124, scale: 1 };
        assert_eq!(share_p1(d), "12．4％");
        let date = Date::new(2001, 7, 1).unwrap();
        assert_eq!(date_abbrev(date), "平13.７.１");
        assert_eq!(date_text(Date::new(2024, 6, 30).unwrap()), "令和６年６月30日");
    }
}
