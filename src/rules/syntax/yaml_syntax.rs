//! `yaml-syntax`: emitted by the syntax stage.

crate::rules::rule! {
    id: "yaml-syntax", group: Syntax, severity: Error, fixable: false,
    ja: "YAML として読めない（構文エラー、2つ目の文書、上限超過）",
    en: "the YAML does not parse (syntax error, a second document, a limit exceeded)",
    docs: "yaml_syntax", check: None,
}
