//! `fullwidth-digits`: emitted by lowering, before a value is read.

crate::rules::rule! {
    id: "fullwidth-digits", group: Syntax, severity: Warning, fixable: true,
    ja: "全角の数字・区切り記号で書かれた数値",
    en: "a number typed with full-width digits or separators",
    docs: "fullwidth_digits", check: None,
}
