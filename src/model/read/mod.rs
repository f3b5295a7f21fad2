//! Readers for the values the report prints: `2,794,008,117`, `約798.2億円`, `12.4%`, `-`, `※`, `10(1)`,
//! dates in every era form. Each takes the scalar's text after NFKC normalisation (full-width digits and
//! separators become ASCII; the caller reports that they were there) and says precisely what it could not
//! read.

mod date;
mod year;

pub use date::{era_abbrev, era_short, era_text, fiscal_year, read_date, read_period};
pub use year::ReportYear;

use super::decimal::Decimal;
use super::value::{Amount, Cell, Notice};
use crate::diagnostics::Message;
use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Why a value could not be read: the `value-format` rule, or for a date that cannot exist, `era-date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Format(Message),
    Date(Message),
}

pub type Read<T> = Result<T, ReadError>;

fn cap_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn format_err<T>(ja: impl Into<String>, en: impl Into<String>) -> Read<T> {
    Err(ReadError::Format(Message::new(ja, en)))
}

/// Most digits an integer may have: 15 digits of yen is 1,000 兆円, beyond any report.
const MAX_DIGITS: usize = 15;
/// Most decimal places a printed figure may have.
const MAX_SCALE: u32 = 6;

/// Characters that a full-width IME produces in numbers and that NFKC turns into ASCII.
pub fn is_fullwidth_numeric(c: char) -> bool {
    matches!(c, '０'..='９' | '，' | '．' | '％' | '－' | '（' | '）')
}

/// NFKC, trimmed. Most values are already in NFKC (ASCII figures, kanji dates), and are then borrowed:
/// normalising every value of a large draft would cost more than reading it.
pub fn normalize(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || unicode_normalization::is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s.trim())
    } else {
        Cow::Owned(s.nfkc().collect::<String>().trim().to_owned())
    }
}

fn strip_suffix_any<'a>(s: &'a str, suffixes: &[&str]) -> &'a str {
    suffixes.iter().find_map(|x| s.strip_suffix(x)).map_or(s, str::trim_end)
}

/// Digits with optional `,` every three places; no sign.
fn read_grouped(s: &str, what: (&str, &str)) -> Read<i128> {
    if s.is_empty() {
        return format_err("値が書かれていません。", format!("{} is empty.", what.1));
    }
    if s.starts_with('-') && s.len() > 1 {
        return format_err(
            format!("{}は負の数にできません。", what.0),
            format!("{} cannot be negative.", cap_first(what.1)),
        );
    }
    // Read in one pass without allocating: a large draft has millions of figures.
    let groups = s.split(',').count();
    let (mut value, mut significant) = (0i128, 0usize);
    for (i, g) in s.split(',').enumerate() {
        let well_grouped = !g.is_empty()
            && g.bytes().all(|b| b.is_ascii_digit())
            && (i == 0 && g.len() <= 3 || g.len() == 3 || groups == 1);
        if !well_grouped {
            return format_err(
                format!("対処：{}は半角数字で書いてください。3桁ごとに「,」を付けることもできます。", what.0),
                format!("To fix: write {} in digits, grouped by commas every three if you like.", what.1),
            );
        }
        for b in g.bytes() {
            if significant > 0 || b != b'0' {
                significant += 1;
            }
            if significant <= MAX_DIGITS {
                value = value * 10 + i128::from(b - b'0');
            }
        }
    }
    if significant > MAX_DIGITS {
        return format_err(
            format!("{}は{MAX_DIGITS}桁までです。", what.0),
            format!("{} has at most {MAX_DIGITS} digits.", cap_first(what.1)),
        );
    }
    Ok(value)
}

/// A count of technologies, facilities, patients or cases: `175505`, `175,505`, `175,505人`.
/// A count as the report prints it: `449`, `449施設`, `12ヵ月`, with a note mark after it (`449施設※2`, the
/// report's own ② cell).
pub fn read_count(s: &str) -> Read<u64> {
    let s = match s.rsplit_once('※') {
        Some((count, note)) if note.bytes().all(|b| b.is_ascii_digit()) => count.trim_end(),
        _ => s,
    };
    let s = strip_suffix_any(s, &["人", "件", "施設", "種類", "機関", "例", "ヵ月", "ヶ月", "か月", "カ月", "箇月"]);
    read_grouped(s, ("件数", "a count")).map(|n| n as u64)
}

/// An exact amount in yen: `2794008117`, `2,794,008,117`, `2,794,008,117円`.
pub fn read_yen(s: &str) -> Read<i128> {
    read_grouped(strip_suffix_any(s, &["円"]), ("金額（円）", "an amount of yen"))
}

/// Every dash a person may type for the report's 「-」 (none): hyphen, minus, en and em dashes, the horizontal
/// bar, the katakana prolonged mark (which lowering also warns about, as a slip of the IME).
pub const DASHES: [&str; 7] = ["-", "―", "‐", "−", "–", "—", "ー"];

/// Whether a character is a circled number (①, ⑩, ㉑…), which NFKC would turn into digits.
pub fn is_circled_number(c: char) -> bool {
    matches!(c, '\u{2460}'..='\u{2473}' | '\u{24EA}'..='\u{24FF}' | '\u{3251}'..='\u{325F}' | '\u{32B1}'..='\u{32BF}')
}

/// Whether a value holds a circled number: NFKC would read ① as 1, and 10① as 101, so such a value is never a
/// number here (the draft's reader and import's both ask).
pub fn has_circled_number(raw: &str) -> bool {
    raw.chars().any(is_circled_number)
}

/// `-` (none) or `※` (no inpatient case) where the report allows them, else the value.
pub fn read_cell<T>(s: &str, allow_note: bool, read: impl Fn(&str) -> Read<T>) -> Read<Cell<T>> {
    match s {
        _ if DASHES.contains(&s) => Ok(Cell::Dash),
        "※" if allow_note => Ok(Cell::NoInpatient),
        _ => read(s).map(Cell::Value),
    }
}

/// A plain decimal: `14.7`, `0.0`, `12`.
pub fn read_decimal(s: &str) -> Read<Decimal> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let scale = frac.len() as u32;
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (s.contains('.') <= !frac.is_empty());
    if !ok {
        return format_err(
            "対処：「14.0」のように算用数字で書いてください。",
            "To fix: write it in figures, e.g. 14.0.",
        );
    }
    if scale > MAX_SCALE {
        return format_err(
            format!("小数点以下は{MAX_SCALE}桁までです。"),
            format!("At most {MAX_SCALE} decimal places."),
        );
    }
    let int = read_grouped(int, ("数値", "a number"))?;
    let frac_value = if frac.is_empty() { 0 } else { frac.parse::<i128>().unwrap_or(0) };
    Ok(Decimal { mantissa: int * 10i128.pow(scale) + frac_value, scale })
}

/// A rounded amount as printed: `約798.2億円`, `約99億円`, `798.2億円`.
pub fn read_amount(s: &str) -> Read<Amount> {
    let approx = s.starts_with('約');
    let body = s.trim_start_matches('約').trim();
    let units: [(&str, u32); 4] = [("億円", 8), ("百万円", 6), ("万円", 4), ("円", 0)];
    let Some((number, exp)) = units.iter().find_map(|(u, e)| body.strip_suffix(u).map(|n| (n.trim(), *e))) else {
        return format_err(
            "対処：「約798.2億円」のように、単位を付けて書いてください。",
            "To fix: write the amount with its unit, e.g. 約798.2億円.",
        );
    };
    let value = read_decimal(number)?;
    Ok(Amount { value, exp, approx })
}

/// A percentage: `12.4%`.
pub fn read_percent(s: &str) -> Read<Decimal> {
    match s.strip_suffix('%') {
        Some(n) => read_decimal(n.trim()),
        None => format_err(
            "対処：「12.4%」のように、%を付けて書いてください。",
            "To fix: write a percentage with %, e.g. 12.4%.",
        ),
    }
}

/// A 告示番号: `10`, or a sub-row `10(1)`.
pub fn read_notice(s: &str) -> Read<Notice> {
    let bad = || {
        format_err(
            "対処：告示番号は「10」、枝番のある行は「10(1)」のように書いてください。",
            "To fix: write a notice number as 10, or 10(1) for a sub-row.",
        )
    };
    let (num, sub) = match s.split_once('(') {
        Some((n, rest)) => match rest.strip_suffix(')') {
            Some(sub) => (n.trim(), Some(sub.trim())),
            None => return bad(),
        },
        None => (s, None),
    };
    let parse = |t: &str| t.parse::<u32>().ok().filter(|_| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
    match (parse(num), sub.map(parse)) {
        (Some(number), None) => Ok(Notice { number, sub: None }),
        (Some(number), Some(Some(sub))) => Ok(Notice { number, sub: Some(sub) }),
        _ => bad(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_yen() {
        assert_eq!(read_count("175,505"), Ok(175_505));
        assert_eq!(read_count(&normalize("１７５，５０５")), Ok(175_505));
        assert_eq!(read_count("27種類"), Ok(27));
        assert!(read_count("1,23,456").is_err());
        assert!(read_count("-3").is_err());
        assert!(read_count("1e3").is_err());
        assert!(read_yen("99999999999999999999999").is_err());
        assert_eq!(read_yen("2,794,008,117"), Ok(2_794_008_117));
    }

    #[test]
    fn amounts_percents_notices() {
        let a = read_amount("約798.2億円").unwrap();
        assert_eq!((a.value.mantissa, a.value.scale, a.exp), (7982, 1, 8));
        assert!(read_amount("798.2").is_err());
        assert_eq!(read_percent(&normalize("12．4％")).unwrap(), Decimal { mantissa: 124, scale: 1 });
        assert!(read_decimal("1.").is_err());
        assert!(read_decimal(".5").is_err());
        assert_eq!(read_notice(&normalize("10（１）")), Ok(Notice { number: 10, sub: Some(1) }));
        assert!(read_notice("10(").is_err());
        assert_eq!(read_cell("※", true, read_decimal), Ok(Cell::NoInpatient));
        assert!(read_cell("※", false, read_decimal).is_err());
    }
}
