//! `value-format`: emitted by lowering when a value cannot be read.

crate::rules::rule! {
    id: "value-format", group: Syntax, severity: Error, fixable: false,
    ja: "金額・件数・百分率・概数・日付として読めない値",
    en: "an amount, count, percentage, rounded amount or date that cannot be read",
    docs: "value_format", check: None,
}
