//! `schema`: emitted by the syntax stage (duplicate keys, anchors) and by lowering (shape of the format).

crate::rules::rule! {
    id: "schema", group: Syntax, severity: Error, fixable: true,
    ja: "必須の節・項目がない、不明なキー、型の誤り、キーの重複",
    en: "a required section or field is missing, a key is unknown, a value has the wrong type, a key is duplicated",
    docs: "schema", check: None,
}
