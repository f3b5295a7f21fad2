//! A report's year: 令和N年度 covers 1 July of the year before to 30 June of its own year, and is named for the
//! year its period ends in. One place for that arithmetic: the period check, `new` and the history use it.

use super::{date::read_year, fiscal_year, normalize};
use crate::text::Message;
use jiff::civil::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportYear {
    /// The Western year the period ends in.
    end_year: i16,
}

impl ReportYear {
    /// The year of the period that ends on `end`.
    pub fn of_end(end: Date) -> ReportYear {
        ReportYear { end_year: end.year() }
    }

    /// The last year whose period has ended by `today`.
    pub fn latest(today: Date) -> ReportYear {
        let ended = today.month() > 6 || (today.month() == 6 && today.day() == 30);
        ReportYear { end_year: if ended { today.year() } else { today.year() - 1 } }
    }

    /// The year `back` years before this one.
    pub fn before(self, back: i16) -> ReportYear {
        ReportYear { end_year: self.end_year - back }
    }

    /// `令和7年度`, `令和7`, `R7`, `令7年度`, `2025年度`, `2025`, in full-width characters too.
    pub fn parse(text: &str) -> Result<ReportYear, Message> {
        let t = normalize(text);
        let t = t.trim_end_matches('度').trim_end_matches('年').trim();
        match read_year(t).filter(|y| (1001..=9999).contains(y)) {
            Some(end_year) => Ok(ReportYear { end_year }),
            None => Err(Message::new(
                format!("年度「{text}」を読み取れません。「令和7年度」のように書いてください。"),
                format!("cannot read the year {text}: write it as 令和7年度 (or R7, or 2025)."),
            )),
        }
    }

    /// The reporting period: 1 July of the year before to 30 June. (Years are read within 1000–9999; a date's own
    /// year at the calendar's very edge gives the calendar's first day.)
    pub fn period(self) -> (Date, Date) {
        let day = |y: i16, m, d| Date::new(y, m, d).unwrap_or(Date::MIN);
        (day(self.end_year.saturating_sub(1), 7, 1), day(self.end_year, 6, 30))
    }

    /// Whether `period` is a report's year: the 12 months from 1 July.
    pub fn is_period(period: (Date, Date)) -> bool {
        ReportYear::of_end(period.1).period() == period
    }

    /// `令和7年度`.
    pub fn name(self) -> String {
        Date::new(self.end_year, 6, 30).map(fiscal_year).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_as_officials_write_them() {
        for y in ["令和6年度", "令和6", "R6", "令6年度", "2024年度", "2024", "Ｒ６", "r6年度"] {
            assert_eq!(ReportYear::parse(y).unwrap().end_year, 2024, "{y}");
        }
        for y in ["来年", "令和0年度", "6年度", "R"] {
            assert!(ReportYear::parse(y).is_err(), "{y}");
        }
        let r6 = ReportYear { end_year: 2024 };
        assert_eq!(r6.name(), "令和6年度");
        assert_eq!(r6.period(), (Date::constant(2023, 7, 1), Date::constant(2024, 6, 30)));
        assert!(ReportYear::is_period((Date::constant(2023, 7, 1), Date::constant(2024, 6, 30))));
        assert!(!ReportYear::is_period((Date::constant(2023, 7, 2), Date::constant(2024, 6, 30))));
        assert_eq!(ReportYear::latest(Date::constant(2026, 11, 26)).name(), "令和8年度");
        assert_eq!(ReportYear::latest(Date::constant(2026, 6, 29)).name(), "令和7年度");
        assert_eq!(ReportYear { end_year: 2019 }.name(), "令和元年度");
        assert_eq!(ReportYear::parse("令和元年度").unwrap().end_year, 2019);
    }
}
