//! `era-date`: emitted by the date reader.

crate::rules::rule! {
    id: "era-date", group: Dates, severity: Error, fixable: false,
    ja: "存在しない日付、または不明な元号",
    en: "a date that does not exist, or an unknown era",
    docs: "era_date", check: None,
}
