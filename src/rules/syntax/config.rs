//! `config`: emitted when `senshin-lint.toml` is read.

crate::rules::rule! {
    id: "config", group: Syntax, severity: Error, fixable: false,
    ja: "設定ファイル senshin-lint.toml の誤り",
    en: "a mistake in the configuration file senshin-lint.toml",
    docs: "config", check: None,
}
