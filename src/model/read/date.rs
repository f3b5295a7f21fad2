//! Dates as officials write them: `令和6年6月30日`, `令和元年5月1日`, `令6.6.30`, `R6.6.30`, `平13.7.1`,
//! `2024-06-30`, `2024/6/30`, `2024年6月30日`. The era table is ours; `jiff` says whether a civil date exists.
//!
//! An era year is valid only inside its era: 令和元年4月30日 is before 令和 began, and 平成31年5月1日 after
//! 平成 ended. Dates before 明治6年 (1873), when Japan adopted the Gregorian calendar, are read as Gregorian.

use super::{Read, ReadError, format_err};
use crate::diagnostics::Message;
use jiff::civil::Date;

struct Era {
    name: &'static str,
    short: &'static str,
    latin: char,
    start: (i16, i8, i8),
}

const ERAS: [Era; 5] = [
    Era { name: "明治", short: "明", latin: 'M', start: (1868, 10, 23) },
    Era { name: "大正", short: "大", latin: 'T', start: (1912, 7, 30) },
    Era { name: "昭和", short: "昭", latin: 'S', start: (1926, 12, 25) },
    Era { name: "平成", short: "平", latin: 'H', start: (1989, 1, 8) },
    Era { name: "令和", short: "令", latin: 'R', start: (2019, 5, 1) },
];

fn era_start(i: usize) -> Option<Date> {
    ERAS.get(i).and_then(|e| Date::new(e.start.0, e.start.1, e.start.2).ok())
}

/// A date's era and its year in that era (1 for 元年), when it falls in one.
fn era_of(date: Date) -> Option<(&'static Era, i32)> {
    let i = (0..ERAS.len()).rev().find(|&i| era_start(i).is_some_and(|s| s <= date))?;
    Some((&ERAS[i], i32::from(date.year()) - i32::from(ERAS[i].start.0) + 1))
}

/// An era year as written in a sentence: `5`, or `元` for the first.
fn year_text(year: i32) -> String {
    if year == 1 { "元".to_owned() } else { year.to_string() }
}

/// Japanese era text of a date, as the report writes it in sentences: `令和5年6月30日`.
pub fn era_text(date: Date) -> String {
    match era_of(date) {
        Some((era, year)) => format!("{}{}年{}月{}日", era.name, year_text(year), date.month(), date.day()),
        None => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

/// A date as a row of 過去５年間の実績 prints it: `R5.7.1` (元年 as 1).
pub fn era_short(date: Date) -> String {
    match era_of(date) {
        Some((era, year)) => format!("{}{year}.{}.{}", era.latin, date.month(), date.day()),
        None => format!("{}.{}.{}", date.year(), date.month(), date.day()),
    }
}

/// A date as the cost tables print it, in ASCII digits: `平13.7.1`, `令1.11.1` (元年 as 1).
pub fn era_abbrev(date: Date) -> String {
    match era_of(date) {
        Some((era, year)) => format!("{}{year}.{}.{}", era.short, date.month(), date.day()),
        None => format!("{}.{}.{}", date.year(), date.month(), date.day()),
    }
}

/// The fiscal year a period ending on `end` is named for: 令和6年6月30日 → `令和6年度`, 令和元年 → `令和元年度`.
pub fn fiscal_year(end: Date) -> String {
    match era_of(end) {
        Some((era, year)) => format!("{}{}年度", era.name, year_text(year)),
        None => format!("{}年度", end.year()),
    }
}

fn find_era(prefix: &str) -> Option<usize> {
    ERAS.iter().position(|e| {
        prefix == e.name
            || prefix == e.short
            || prefix.chars().eq([e.latin])
            || prefix.chars().eq([e.latin.to_ascii_lowercase()])
    })
}

/// Splits `6年6月30日`, `6.6.30`, `2024-06-30` into three numbers (the year may be 元).
fn split_ymd(s: &str) -> Option<(Option<u32>, u32, u32)> {
    let mut parts = s.split(['年', '月', '日', '.', '/', '-']).map(str::trim);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.any(|rest| !rest.is_empty()) {
        return None;
    }
    // The day may be followed only by 日, which splitting turned into an empty tail.
    let num = |t: &str| {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
    };
    let year = if y == "元" { None } else { Some(num(y)?) };
    Some((year, num(m)?, num(d)?))
}

fn nonexistent(ja: String, en: String) -> ReadError {
    ReadError::Date(Message::new(ja, en))
}

/// A date's era (`令和`, `令`, `R`, or nothing) and the rest (`6年6月30日`, `6.6.30`).
fn split_era(s: &str) -> (&str, &str) {
    let s = s.trim();
    let at = s.find(|c: char| c.is_ascii_digit() || c == '元').unwrap_or(s.len());
    (s[..at].trim(), &s[at..])
}

/// The Western year of a year as written on its own: `令和6`, `令6`, `R6`, `令和元`, or `2024`.
pub(super) fn read_year(s: &str) -> Option<i16> {
    let (prefix, rest) = split_era(s);
    let number = |t: &str| {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<i16>().ok())
            .flatten()
    };
    if prefix.is_empty() {
        return number(rest).filter(|y| (1000..=9999).contains(y));
    }
    let era = &ERAS[find_era(prefix)?];
    let year = if rest == "元" { 1 } else { number(rest).filter(|&y| y >= 1)? };
    era.start.0.checked_add(year - 1)
}

pub fn read_date(s: &str) -> Read<Date> {
    let s = s.trim();
    let (prefix, rest) = split_era(s);
    let Some((year, month, day)) = split_ymd(rest) else {
        return format_err(
            "対処：日付は「令和6年6月30日」や「令6.6.30」のように書いてください。",
            "To fix: write a date as 令和6年6月30日, 令6.6.30 or 2024-06-30.",
        );
    };
    let (gregorian_year, era) = if prefix.is_empty() {
        match year {
            // Without an era, only a Western year of four digits: `6.4.1` is 令和6年 to its writer, not 6 AD.
            Some(y) if (1000..=9999).contains(&y) => (y as i32, None),
            Some(_) => {
                return format_err(
                    "日付に元号がありません。対処：「令和6年4月1日」「令6.4.1」のように元号を付けてください。",
                    "The date has no era. To fix: write 令和6年4月1日, 令6.4.1, R6.4.1 or 2024-04-01.",
                );
            }
            None => return format_err("「元年」の前に元号を書いてください。", "元年 needs an era name."),
        }
    } else {
        let Some(i) = find_era(prefix) else {
            return Err(nonexistent(
                format!(
                    "元号「{prefix}」は読み取れません。明治・大正・昭和・平成・令和（略して明・大・昭・平・令）のいずれかで書いてください。"
                ),
                format!(
                    "The era {prefix} is not known: write 明治, 大正, 昭和, 平成 or 令和 (明 大 昭 平 令, or M T S H R)."
                ),
            ));
        };
        let y = year.unwrap_or(1);
        if y == 0 {
            return Err(nonexistent(
                format!("{0}0年はありません。最初の年は{0}元年です。", ERAS[i].name),
                format!("{} 0 does not exist; the first year is 元年.", ERAS[i].name),
            ));
        }
        (i32::from(ERAS[i].start.0) + y as i32 - 1, Some(i))
    };
    let date = i16::try_from(gregorian_year)
        .ok()
        .and_then(|y| Date::new(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok());
    let Some(date) = date else {
        return Err(nonexistent(
            format!("{month}月{day}日は、その年の暦にありません。"),
            format!("{gregorian_year}-{month:02}-{day:02} is not in the calendar."),
        ));
    };
    if let Some(i) = era {
        let name = ERAS[i].name;
        if era_start(i).is_some_and(|start| date < start) {
            return Err(nonexistent(
                format!("{name}は{}からです。", era_text(era_start(i).unwrap_or(date))),
                format!("{name} began on {}.", era_text(era_start(i).unwrap_or(date))),
            ));
        }
        if let Some(next) = era_start(i + 1).filter(|&next| date >= next) {
            return Err(nonexistent(
                format!(
                    "{name}は{}までで、翌日からは{}元年です。対処：{}のことであれば、そのように書いてください。",
                    era_text(next.yesterday().unwrap_or(next)),
                    ERAS[i + 1].name,
                    era_text(date)
                ),
                format!(
                    "{name} ended on {}; {} began the next day. To fix: if {} is meant, write it so.",
                    era_text(next.yesterday().unwrap_or(next)),
                    ERAS[i + 1].name,
                    era_text(date)
                ),
            ));
        }
    }
    Ok(date)
}

/// A period `A～B` (or `A〜B`, `A~B`, or with a dash: `R5.7.1-R6.6.30`, `R5.7.1－R6.6.30`); both ends are
/// dates.
pub fn read_period(s: &str) -> Read<(Date, Date)> {
    // Two dates with their separator fit in far fewer characters; a longer text is not tried dash by dash.
    if s.chars().count() > 64 {
        return format_err(
            "期間としては長すぎます。対処：「令和5年7月1日～令和6年6月30日」のように書いてください。",
            "Far too long for a period. To fix: write it as 令和5年7月1日～令和6年6月30日.",
        );
    }
    if let Some((a, b)) = s.split_once(['~', '〜', '～']) {
        return Ok((read_date(a)?, read_end(a, b)?));
    }
    // A dash may also stand inside a date (`2023-07-01`): the period is split at the dash whose two sides
    // both read as dates.
    let dashes = s.char_indices().filter(|(_, c)| matches!(c, '-' | '－' | '–' | '—' | '−' | '―' | '‐'));
    for (at, c) in dashes {
        let (a, b) = (&s[..at], &s[at + c.len_utf8()..]);
        if let (Ok(a), Ok(b)) = (read_date(a), read_end(a, b)) {
            return Ok((a, b));
        }
    }
    format_err(
        "対処：期間は「令和5年7月1日～令和6年6月30日」のように書いてください。",
        "To fix: write a period as 令和5年7月1日～令和6年6月30日.",
    )
}

/// The end of a period, which may leave out the era of its start, as the report's own style does:
/// `令和5年7月1日～6年6月30日`.
fn read_end(start: &str, end: &str) -> Read<Date> {
    let (start_era, end_era) = (split_era(start).0, split_era(end).0);
    if end_era.is_empty() && !start_era.is_empty() && read_date(end).is_err() {
        return read_date(&format!("{start_era}{}", end.trim()));
    }
    read_date(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::read::normalize;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn every_written_form() {
        for s in ["令和6年6月30日", "令6.6.30", "R6.6.30", "r6/6/30", "2024-06-30", "2024/6/30", "2024年6月30日"]
        {
            assert_eq!(read_date(s), Ok(d(2024, 6, 30)), "{s}");
        }
        assert_eq!(read_date(&normalize("平13.７.１")), Ok(d(2001, 7, 1)));
        assert_eq!(read_date("令和元年5月1日"), Ok(d(2019, 5, 1)));
        assert_eq!(read_date("令元.5.1"), Ok(d(2019, 5, 1)));
        assert_eq!(read_date("昭和64年1月7日"), Ok(d(1989, 1, 7)));
    }

    #[test]
    fn dates_that_do_not_exist() {
        for s in ["令和元年4月30日", "平成31年5月1日", "令和0年1月1日", "令和6年2月30日", "昭和64年1月8日", "X6.6.30"]
        {
            assert!(matches!(read_date(s), Err(ReadError::Date(_))), "{s}");
        }
        for s in ["tomorrow", "令和6年6月", "2024-06-30-01", ""] {
            assert!(matches!(read_date(s), Err(ReadError::Format(_))), "{s}");
        }
    }

    #[test]
    fn periods_and_era_text() {
        let p = read_period(&normalize("令和5年7月1日～令和6年6月30日")).unwrap();
        assert_eq!(p, (d(2023, 7, 1), d(2024, 6, 30)));
        assert_eq!(read_period("R1.7.1〜R2.6.30").unwrap().0, d(2019, 7, 1));
        for dashed in ["R5.7.1-R6.6.30", "R5.7.1－R6.6.30", "2023-07-01-2024-06-30", "令和5年7月1日 - 令和6年6月30日"]
        {
            assert_eq!(read_period(dashed), Ok((d(2023, 7, 1), d(2024, 6, 30))), "{dashed}");
        }
        assert!(read_period("R5.7.1-R6.13.30").is_err());
        let inherited = (d(2023, 7, 1), d(2024, 6, 30));
        assert_eq!(read_period("令和5年7月1日～6年6月30日"), Ok(inherited));
        assert_eq!(read_period("R5.7.1～6.6.30"), Ok(inherited));
        assert!(read_date("6.4.1").is_err(), "a date without its era is not 6 AD");
        assert!(read_date("24.6.30").is_err());
        assert_eq!(era_text(d(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(era_text(d(2023, 6, 30)), "令和5年6月30日");
    }
}
