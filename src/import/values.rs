//! A sheet's cell as the draft writes it (`report-layout.md` §8, "Values on import"): figures in ASCII digits
//! grouped by threes, 「-」 and 「※」 quoted, dates in the cost tables' era form, texts quoted. Every reader is the
//! model's own, so a cell is accepted here exactly when the draft would accept it.

use super::grid::Cell;
use crate::diagnostics::{Message, group_digits};
use crate::model::read::{self, ReadError, normalize};
use crate::model::value::Cell as Value;
use crate::syntax::write::quoted;

fn why(e: ReadError) -> Message {
    match e {
        ReadError::Format(m) | ReadError::Date(m) => m,
    }
}

/// An Excel day number (1900 date system, as LibreOffice and Excel count): 1 is 1900-01-01, with Excel's
/// fictitious 1900-02-29 as 60. Only days from 1900-03-01 (61) to 9999-12-31 are read; the rest are not dates
/// of the report.
pub fn excel_date(days: i64) -> Option<jiff::civil::Date> {
    if !(61..=2_958_465).contains(&days) {
        return None;
    }
    let epoch = jiff::civil::date(1899, 12, 30);
    epoch.checked_add(jiff::Span::new().days(days)).ok()
}

/// The cell of column `key` as the draft writes it, or why it cannot be read.
pub fn value(key: &str, cell: &Cell) -> Result<String, Message> {
    let text = cell.text();
    let s = normalize(&text);
    if cell.is_empty() {
        return Err(if matches!(key, "serial" | "notice" | "name" | "effective") {
            Message::new("空欄です。値を書いてください。", "empty: write the value")
        } else {
            Message::new(
                "空欄です。値を書くか、実施がなければ「-」と書いてください。",
                "empty: write the value, or - where there is none",
            )
        });
    }
    if key != "name" && read::has_circled_number(&text) {
        return Err(Message::new(
            format!(
                "「{}」は丸数字を含むため、数値として読み取れません。枝番は「10(1)」のように、数は半角数字で書いてください。",
                text.trim()
            ),
            format!(
                "{} holds a circled number and cannot be read as a number: write a sub-row as 10(1), numbers in ASCII digits",
                text.trim()
            ),
        ));
    }
    let dash = || quoted("-");
    match key {
        "serial" => read::read_count(&s).map(|n| n.to_string()).map_err(why),
        "notice" => read::read_notice(&s).map(|n| quoted(&n.to_string())).map_err(why),
        "name" => Ok(quoted(text.trim())),
        "effective" => match cell {
            Cell::Date(d) => Ok(read::era_abbrev(*d)),
            Cell::Number(n) => n.parse().ok().and_then(excel_date).map(read::era_abbrev).ok_or_else(|| {
                Message::new(format!("「{n}」は日付として読めません。"), format!("{n} cannot be read as a date"))
            }),
            _ => read::read_date(&s).map(read::era_abbrev).map_err(why),
        },
        "total_yen" | "advanced_yen" => match read::read_cell(&s, false, read::read_yen) {
            Ok(Value::Value(y)) => Ok(group_digits(y)),
            Ok(_) => Ok(dash()),
            Err(e) => Err(why(e)),
        },
        "avg_stay_days" => match read::read_cell(&s, true, read::read_decimal) {
            // The report prints one decimal always: 12 is 「12.0」; more places are kept as written.
            Ok(Value::Value(d)) if d.scale == 0 => Ok(format!("{d}.0")),
            Ok(Value::Value(d)) => Ok(d.to_string()),
            Ok(Value::NoInpatient) => Ok(quoted("※")),
            Ok(Value::Dash) => Ok(dash()),
            Err(e) => Err(why(e)),
        },
        _ => match read::read_cell(&s, false, read::read_count) {
            Ok(Value::Value(n)) => Ok(group_digits(i128::from(n))),
            Ok(_) => Ok(dash()),
            Err(e) => Err(why(e)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn cells_are_written_as_the_draft_writes_them() {
        assert_eq!(value("serial", &t("１")).unwrap(), "1");
        // As the draft refuses them: ① is not 1, and 10① not 101.
        assert!(value("serial", &t("①")).is_err() && value("notice", &t("10①")).is_err());
        assert_eq!(value("notice", &t("10(１)")).unwrap(), "\"10(1)\"");
        assert_eq!(value("name", &t(" 陽子線治療 ")).unwrap(), "\"陽子線治療\"");
        assert_eq!(value("name", &t("a\"b\\c")).unwrap(), "\"a\\\"b\\\\c\"");
        assert_eq!(value("effective", &t("平13.７.１")).unwrap(), "平13.7.1");
        assert_eq!(value("effective", &t("令１.11.１")).unwrap(), "令1.11.1");
        assert_eq!(value("effective", &Cell::Date(jiff::civil::date(2001, 7, 1))).unwrap(), "平13.7.1");
        // 2001-07-01 is Excel's day 37073.
        assert_eq!(value("effective", &Cell::Number("37073".into())).unwrap(), "平13.7.1");
        assert_eq!(value("total_yen", &Cell::Number("2794008117".into())).unwrap(), "2,794,008,117");
        assert_eq!(value("total_yen", &t("2,794,008,117円")).unwrap(), "2,794,008,117");
        assert_eq!(value("total_yen", &t("２，７９４")).unwrap(), "2,794");
        assert_eq!(value("total_yen", &t("－")).unwrap(), "\"-\"");
        assert_eq!(value("avg_stay_days", &Cell::Number("12".into())).unwrap(), "12.0");
        assert_eq!(value("avg_stay_days", &t("14.7")).unwrap(), "14.7");
        assert_eq!(value("avg_stay_days", &t("※")).unwrap(), "\"※\"");
        assert_eq!(value("cases", &Cell::Number("89316".into())).unwrap(), "89,316");
        assert_eq!(value("facilities", &t("-")).unwrap(), "\"-\"");
        assert!(value("total_yen", &t("約3億")).is_err());
        assert!(value("effective", &t("令和6年2月30日")).is_err());
        assert!(value("cases", &Cell::Empty).is_err());
        assert!(value("serial", &t("※")).is_err());
    }
}
