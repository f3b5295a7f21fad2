//! `unused-suppression`: emitted when suppression comments are applied.

crate::rules::rule! {
    id: "unused-suppression", group: Syntax, severity: Warning, fixable: true,
    ja: "何も抑制していない抑制コメント、または存在しない規則の抑制",
    en: "a suppression comment that silences nothing, or names no rule",
    docs: "unused_suppression", check: None,
}
