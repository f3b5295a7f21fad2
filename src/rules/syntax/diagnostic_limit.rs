//! `diagnostic-limit`: emitted by the analysis when a draft has more findings than are shown.

crate::rules::rule! {
    id: "diagnostic-limit", group: Syntax, severity: Warning, fixable: false,
    ja: "指摘が多すぎるため、最初の 1,000 件だけを示した",
    en: "too many findings: only the first 1,000 are shown",
    docs: "diagnostic_limit", check: None,
}
