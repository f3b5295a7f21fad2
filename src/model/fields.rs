//! Every key of the format with its Japanese label from the published report and the kind of value it holds:
//! the one source for schema messages, hover, completion and the JSON Schema.

use crate::text::edit_distance;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A section or table: a mapping or list whose fields are described elsewhere.
    Section,
    Text,
    /// A count: `175505`, `175,505`, `175,505人`.
    Count,
    /// A count or `-`.
    CountOrDash,
    /// Exact yen or `-`.
    YenOrDash,
    /// Exact yen.
    Yen,
    /// A rounded amount with its unit: `約798.2億円`.
    Amount,
    /// A percentage: `12.4%`.
    Percent,
    /// Days with decimals, `-` or `※`.
    Stay,
    Date,
    /// `A～B`, or `{start, end}`.
    Period,
    /// A 告示番号: `10` or `10(1)`.
    Notice,
    Rounding,
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub ja: &'static str,
    pub required: bool,
    pub kind: Kind,
}

const fn req(key: &'static str, ja: &'static str, kind: Kind) -> Field {
    Field { key, ja, required: true, kind }
}
const fn opt(key: &'static str, ja: &'static str, kind: Kind) -> Field {
    Field { key, ja, required: false, kind }
}

pub const TOP: &[Field] = &[
    req("report", "報告書", Kind::Section),
    req("summary", "実績の概要（先－１－１）", Kind::Section),
    req("changes", "技術数の推移", Kind::Section),
    req("history", "過去５年間の実績", Kind::Section),
    req("costs", "先進医療に係る費用（参考資料１・２）", Kind::Section),
    req("zero_cases", "実施件数が０件である技術（先－１－２）", Kind::Section),
];

pub const REPORT: &[Field] = &[
    opt("title", "表題", Kind::Text),
    opt("fiscal_year", "実績報告の年度", Kind::Text),
    req("period", "実績報告対象期間", Kind::Period),
    opt("rounding", "端数処理（half_up＝四捨五入, down＝切り捨て）", Kind::Rounding),
    opt("previous", "前年度の報告の下書き（この下書きの場所からの相対パス）", Kind::Text),
];

pub const COLUMNS: &[Field] =
    &[req("A", "先進医療Ａ", Kind::Section), req("B", "先進医療Ｂ", Kind::Section), req("total", "計", Kind::Section)];

pub const PARTS: &[Field] = &[req("A", "先進医療Ａ", Kind::Section), req("B", "先進医療Ｂ", Kind::Section)];

pub const SUMMARY: &[Field] = &[
    req("technologies", "① 先進医療技術数", Kind::Count),
    req("facilities", "② 実施医療機関数", Kind::Count),
    req("patients", "③ 全患者数", Kind::Count),
    req("insured_cost", "④ 保険外併用療養費の総額（保険診療分）", Kind::Amount),
    req("advanced_cost", "⑤ 先進医療費用の総額", Kind::Amount),
    req("total_cost", "⑥ 総金額（④＋⑤）", Kind::Amount),
    req("advanced_ratio", "⑦ 全医療費のうち先進医療分の割合（⑤／⑥）", Kind::Percent),
];

pub const CHANGES: &[Field] = &[
    req("previous", "① 前年6月30日現在の先進医療技術数", Kind::CountOrDash),
    req("approved", "② 新規承認技術数", Kind::CountOrDash),
    req("insured", "③ 保険収載技術数", Kind::CountOrDash),
    req("withdrawn", "④ 実施取り下げ技術数", Kind::CountOrDash),
    req("deleted", "⑤ 削除技術数", Kind::CountOrDash),
    req("current", "⑥ 6月30日現在の先進医療技術数", Kind::CountOrDash),
    opt("final_reports", "⑦ 総括報告書受理数", Kind::CountOrDash),
];

pub const HISTORY: &[Field] = &[
    req("period", "実績報告対象期間", Kind::Period),
    opt("months", "月数", Kind::Count),
    req("technologies", "技術数", Kind::Count),
    req("facilities", "実施医療機関数", Kind::Count),
    req("patients", "全患者数", Kind::Count),
    req("total_cost", "総金額", Kind::Amount),
    req("insured_cost", "保険外併用療養費の総額（保険診療分）", Kind::Amount),
    req("advanced_cost", "先進医療及び旧高度先進医療の総額", Kind::Amount),
    req("advanced_ratio", "全医療費のうち先進医療分の割合", Kind::Percent),
];

pub const COST_TABLE: &[Field] = &[req("rows", "技術ごとの行", Kind::Section), req("total", "合計", Kind::Section)];

pub const COST_ROW: &[Field] = &[
    req("serial", "整理番号", Kind::Count),
    req("notice", "告示番号", Kind::Notice),
    req("name", "技術名", Kind::Text),
    req("effective", "適用年月日", Kind::Date),
    req("total_yen", "総合計（円）", Kind::YenOrDash),
    req("advanced_yen", "先進医療総額（円）", Kind::YenOrDash),
    req("avg_stay_days", "平均入院期間（日）", Kind::Stay),
    req("cases", "年間実施件数（件）", Kind::CountOrDash),
    req("facilities", "実施医療機関数", Kind::CountOrDash),
];

pub const COST_TOTAL: &[Field] = &[
    req("total_yen", "総合計（円）の合計", Kind::Yen),
    req("advanced_yen", "先進医療総額（円）の合計", Kind::Yen),
    req("cases", "年間実施件数（件）の合計", Kind::Count),
    req("facilities", "実施医療機関数の合計", Kind::Count),
];

pub const ZERO_CASE: &[Field] = &[
    req("notice", "告示番号", Kind::Notice),
    req("name", "技術名", Kind::Text),
    req("prior_cases", "（参考）前年度の実績（実施可能であるすべての医療機関）", Kind::CountOrDash),
    req("facilities", "医療機関", Kind::Section),
];

/// Presence of these is checked by `zero-case-missing`, which says why they matter.
pub const ZERO_FACILITY: &[Field] = &[
    opt("name", "実施医療機関名（Ｂ: 申請医療機関名）", Kind::Text),
    opt("reason", "０件の理由", Kind::Text),
    opt("plan", "医療機関の今後の対応方針", Kind::Text),
];

/// The known key nearest to `unknown`, if one is close enough to be a likely typo.
pub fn nearest<'a>(unknown: &str, fields: &'a [Field]) -> Option<&'a Field> {
    if unknown.is_empty() {
        return None;
    }
    let length = unknown.chars().count();
    let limit = |f: &Field| (f.key.len() / 3).max(1) + 1;
    fields
        .iter()
        // The distance is at least the difference in length: a long key is not compared with short ones at
        // all (pasted text can make a key thousands of characters long).
        .filter(|f| length.abs_diff(f.key.chars().count()) <= limit(f))
        .map(|f| (edit_distance(unknown, f.key), f))
        .filter(|(d, f)| *d <= limit(f))
        .min_by_key(|(d, _)| *d)
        .map(|(_, f)| f)
}

/// The fields of the mapping at `path` (keys from the root; `-` for a list item), e.g. `["costs", "A", "rows",
/// "-"]` → the cost-row fields.
pub fn at(path: &[&str]) -> Option<&'static [Field]> {
    let part = |k: &str| matches!(k, "A" | "B");
    let column = |k: &str| matches!(k, "A" | "B" | "total");
    Some(match path {
        [] => TOP,
        ["report"] => REPORT,
        ["summary"] | ["changes"] => COLUMNS,
        ["summary", c] if column(c) => SUMMARY,
        ["changes", c] if column(c) => CHANGES,
        ["history", "-"] => HISTORY,
        ["costs"] | ["zero_cases"] => PARTS,
        ["costs", p] if part(p) => COST_TABLE,
        ["costs", p, "rows", "-"] if part(p) => COST_ROW,
        ["costs", p, "total"] if part(p) => COST_TOTAL,
        ["zero_cases", p, "-"] if part(p) => ZERO_CASE,
        ["zero_cases", p, "-", "facilities", "-"] if part(p) => ZERO_FACILITY,
        _ => return None,
    })
}

/// The field a key at `path` names (the path ends with the key).
pub fn field(path: &[&str]) -> Option<&'static Field> {
    let (key, parent) = path.split_last()?;
    at(parent)?.iter().find(|f| f.key == *key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_keys_only() {
        assert_eq!(nearest("totl_yen", COST_ROW).map(|f| f.key), Some("total_yen"));
        assert_eq!(nearest("case", COST_ROW).map(|f| f.key), Some("cases"));
        assert!(nearest("zzzzzz", COST_ROW).is_none());
    }
}
