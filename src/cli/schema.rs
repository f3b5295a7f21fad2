//! `senshin-lint schema`: a JSON Schema (2020-12) of the draft format, built from the field catalogue, with
//! the Japanese labels as titles, so that yaml-language-server users get completion and hover too. It accepts
//! what the linter reads (full-width digits included: the linter warns about them); the arithmetic is the
//! linter's job.

use crate::model::fields::{self, Field, Kind};
use serde_json::{Map, Value, json};

const DASH: &str = "^[-－―‐]$";
const COUNT: &str = "^[0-9０-９][0-9０-９,，]*(人|件|施設|種類|機関|例)?$";
const YEN: &str = "^[0-9０-９][0-9０-９,，]*円?$";
const AMOUNT: &str = "^約?\\s*[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?\\s*(億円|百万円|万円|円)$";
const PERCENT: &str = "^[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?\\s*[%％]$";
const DECIMAL: &str = "^[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?$";
const NOTICE: &str = "^[0-9０-９]+\\s*([(（][0-9０-９]+[)）])?$";

fn pattern(p: &str) -> Value {
    json!({"type": "string", "pattern": p})
}

fn leaf(kind: Kind) -> Value {
    let count = json!({"type": "integer", "minimum": 0});
    match kind {
        Kind::Section => json!({}),
        Kind::Text | Kind::Date => json!({"type": "string", "minLength": 1}),
        Kind::Count => json!({"anyOf": [count, pattern(COUNT)]}),
        Kind::CountOrDash => json!({"anyOf": [count, pattern(COUNT), pattern(DASH)]}),
        Kind::Yen => json!({"anyOf": [count, pattern(YEN)]}),
        Kind::YenOrDash => json!({"anyOf": [count, pattern(YEN), pattern(DASH)]}),
        Kind::Amount => pattern(AMOUNT),
        Kind::Percent => pattern(PERCENT),
        Kind::Stay => {
            json!({"anyOf": [{"type": "number", "minimum": 0}, pattern(DECIMAL), pattern(DASH), {"const": "※"}]})
        }
        Kind::Notice => json!({"anyOf": [count, pattern(NOTICE)]}),
        Kind::Period => json!({"anyOf": [
            {"type": "string", "minLength": 1},
            {"type": "object", "properties": {"start": {"type": "string", "title": "開始日"}, "end": {"type": "string", "title": "終了日"}},
             "required": ["start", "end"], "additionalProperties": false},
        ]}),
        Kind::Rounding => {
            json!({"enum": crate::model::Rounding::WORDS.iter().flat_map(|(_, w)| w.iter()).collect::<Vec<_>>()})
        }
    }
}

/// An object of `fields`; `nested` gives the schema of a section field.
fn object(fields: &[Field], nested: &dyn Fn(&Field) -> Value) -> Value {
    let mut properties = Map::new();
    for f in fields {
        let mut schema = if f.kind == Kind::Section { nested(f) } else { leaf(f.kind) };
        if let Value::Object(map) = &mut schema {
            map.insert("title".into(), json!(f.ja));
            map.insert("description".into(), json!(format!("{}（`{}`）", f.ja, f.key)));
        }
        properties.insert(f.key.into(), schema);
    }
    let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.key).collect();
    json!({"type": "object", "properties": properties, "required": required, "additionalProperties": false})
}

fn list(item: Value) -> Value {
    json!({"type": "array", "items": item})
}

pub fn schema() -> Value {
    let columns = |inner: &'static [Field]| object(fields::COLUMNS, &move |_| object(inner, &|_| json!({})));
    let cost_table = object(fields::COST_TABLE, &|f| match f.key {
        "rows" => list(object(fields::COST_ROW, &|_| json!({}))),
        _ => object(fields::COST_TOTAL, &|_| json!({})),
    });
    let zero_case = object(fields::ZERO_CASE, &|_| list(object(fields::ZERO_FACILITY, &|_| json!({}))));
    let mut root = object(fields::TOP, &|f| match f.key {
        "report" => object(fields::REPORT, &|_| json!({})),
        "summary" => columns(fields::SUMMARY),
        "changes" => columns(fields::CHANGES),
        "history" => list(object(fields::HISTORY, &|_| json!({}))),
        "costs" => object(fields::PARTS, &|_| cost_table.clone()),
        _ => object(fields::PARTS, &|_| list(zero_case.clone())),
    });
    if let Value::Object(map) = &mut root {
        map.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
        map.insert("title".into(), json!("先進医療の実績報告 下書き（senshin-lint）"));
        map.insert(
            "description".into(),
            json!("「先進医療の実績報告」の下書きの形式。数値の整合は senshin-lint が検査します。"),
        );
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_the_japanese_labels() {
        let s = schema();
        let row = &s["properties"]["costs"]["properties"]["A"]["properties"]["rows"]["items"];
        assert_eq!(row["properties"]["total_yen"]["title"], "総合計（円）");
        assert!(row["required"].as_array().unwrap().contains(&json!("cases")));
        assert_eq!(
            s["properties"]["summary"]["properties"]["total"]["properties"]["advanced_ratio"]["pattern"],
            PERCENT
        );
        let facility = &s["properties"]["zero_cases"]["properties"]["B"]["items"]["properties"]["facilities"]["items"];
        assert_eq!(facility["properties"]["reason"]["title"], "０件の理由");
    }
}
