//! `encoding`: emitted by the command line when a draft is not UTF-8.

crate::rules::rule! {
    id: "encoding", group: Syntax, severity: Warning, fixable: false,
    ja: "UTF-8 以外（Shift_JIS・UTF-16）で保存された下書き",
    en: "a draft saved in Shift_JIS or UTF-16 rather than UTF-8",
    docs: "encoding", check: None,
}
