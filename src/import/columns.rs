//! The cost tables' columns as a sheet may head them (`shared/design/report-layout.md` §6 and §8): the printed
//! wording first, then the report's other wordings, then plausible ones. Matched after `normalize_header`.

use crate::model::read::normalize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The field of a cost row in the draft.
    pub key: &'static str,
    /// The printed heading, without its breaks: for messages.
    pub printed: &'static str,
    /// Every wording accepted, normalised (no spaces, NFKC, no unit).
    pub words: &'static [&'static str],
    /// Read in the 合計 row too.
    pub in_total: bool,
    /// Beginnings that name the column whatever follows (the （参考） column names a year that changes).
    pub starts: &'static [&'static str],
}

/// 告示番号 and 技術名, in both the cost tables and 先－１－２.
const NOTICE: Column =
    Column {
        key: "notice", printed: "告示番号", words: &["告示番号", "告示no."], in_total: false, starts: &[]
    };
const NAME: Column = Column {
    key: "name",
    printed: "技術名",
    words: &["技術名", "先進医療技術", "先進医療技術名", "医療技術名"],
    in_total: false,
    starts: &[],
};

pub const COSTS: [Column; 9] = [
    Column {
        key: "serial", printed: "整理番号", words: &["整理番号", "番号", "no."], in_total: false, starts: &[]
    },
    NOTICE,
    NAME,
    Column {
        key: "effective", printed: "適用年月日", words: &["適用年月日", "適用日"], in_total: false, starts: &[]
    },
    Column {
        key: "total_yen",
        printed: "総合計（円）",
        words: &["総合計", "総金額", "総額"],
        in_total: true,
        starts: &[],
    },
    Column {
        key: "advanced_yen",
        printed: "先進医療総額（円）",
        words: &["先進医療総額", "先進医療費用の総額", "先進医療及び旧高度先進医療の総額", "先進医療費"],
        in_total: true,
        starts: &[],
    },
    Column {
        key: "avg_stay_days",
        printed: "平均入院期間（日）",
        words: &["平均入院期間", "平均在院日数"],
        in_total: false,
        starts: &[],
    },
    Column {
        key: "cases",
        printed: "年間実施件数（件）",
        words: &["年間実施件数", "実施件数", "件数", "患者数"],
        in_total: true,
        starts: &[],
    },
    Column {
        key: "facilities",
        printed: "実施医療機関数（機関数）",
        words: &["実施医療機関数", "医療機関数", "機関数"],
        in_total: true,
        starts: &[],
    },
];

/// 先－１－２'s columns, one row per facility (`report-layout.md` §7 and §8); Ｂ prints its facility column
/// 申請医療機関名.
pub const ZERO: [Column; 6] = zero("実施医療機関名");
pub const ZERO_B: [Column; 6] = zero("申請医療機関名");

const fn zero(facility: &'static str) -> [Column; 6] {
    [
        NOTICE,
        NAME,
        Column {
            key: "facility",
            printed: facility,
            words: &["実施医療機関名", "申請医療機関名", "医療機関名"],
            in_total: false,
            starts: &[],
        },
        Column {
            key: "reason", printed: "０件の理由", words: &["0件の理由", "理由"], in_total: false, starts: &[]
        },
        Column {
            key: "plan",
            printed: "医療機関の今後の対応方針",
            words: &["医療機関の今後の対応方針", "今後の対応方針", "今後の対応方針等", "対応方針"],
            in_total: false,
            starts: &[],
        },
        Column {
            key: "prior_cases",
            printed: "（参考）前年度の実績",
            words: &["前年度実績", "前年度の実績"],
            in_total: false,
            starts: &["(参考)"],
        },
    ]
}

/// A heading as compared: line breaks and spaces (ASCII and U+3000) removed, NFKC, lower case, a trailing note
/// mark (`※`, `※2`) and a unit in parentheses (`（円）`, `（機関数）`) dropped.
pub fn normalize_header(text: &str) -> String {
    let squeezed: String = text.chars().filter(|c| !matches!(c, ' ' | '\u{3000}' | '\n' | '\r' | '\t')).collect();
    let mut s = normalize(&squeezed).to_lowercase();
    if let Some(at) = s.rfind('※')
        && s[at + '※'.len_utf8()..].bytes().all(|b| b.is_ascii_digit())
    {
        s.truncate(at);
    }
    for unit in ["(円)", "(日)", "(件)", "(機関数)", "(機関)"] {
        if let Some(rest) = s.strip_suffix(unit) {
            s = rest.to_owned();
            break;
        }
    }
    s
}

/// The column of `table` a heading names, if any.
pub fn column_of(heading: &str, table: &'static [Column]) -> Option<&'static Column> {
    let h = normalize_header(heading);
    if h.is_empty() {
        return None;
    }
    table
        .iter()
        .find(|c| c.words.contains(&h.as_str()))
        .or_else(|| table.iter().find(|c| c.starts.iter().any(|s| h.starts_with(s))))
}

/// Whether a row's first written cell says 合計 (the printed 「合　　　　　　計」 included).
pub fn is_total(text: &str) -> bool {
    normalize_header(text) == "合計"
}

/// Whether a row's first written cell says 「合計（報告書の記載）」: the 合計 the report states, where `export`
/// wrote it below the 合計 row of formulas because the two differ.
pub fn is_printed_total(text: &str) -> bool {
    normalize_header(text) == normalize_header(crate::export::PRINTED_TOTAL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_headings_and_their_variants_are_matched() {
        let key = |h: &str| column_of(h, &COSTS).map(|c| c.key);
        assert_eq!(key("整理\n番号"), Some("serial"));
        assert_eq!(key("平　　　均\n入院期間\n（日）"), Some("avg_stay_days"));
        assert_eq!(key("年  間\n実施件数\n（件）"), Some("cases"));
        assert_eq!(key("実施\n医療機関数\n（機関数）"), Some("facilities"));
        assert_eq!(key("総合計（円）"), Some("total_yen"));
        assert_eq!(key("総合計(円)"), Some("total_yen"));
        assert_eq!(key("先進医療技術名"), Some("name"));
        assert_eq!(key("No."), Some("serial"));
        assert_eq!(key("告示番号※1"), Some("notice"));
        assert_eq!(key("備考"), None);
        assert_eq!(key(""), None);
        let zero = |h: &str| column_of(h, &ZERO).map(|c| c.key);
        assert_eq!(zero("告示\n番号"), Some("notice"));
        assert_eq!(zero("０件の理由"), Some("reason"));
        assert_eq!(zero("申請医療機関名"), Some("facility"));
        assert_eq!(
            zero("（参考）\n令和４年７月～令和５年/６月までの実績\n（実施可能であるすべての医療機関の実績）※"),
            Some("prior_cases")
        );
        assert_eq!(zero("総合計（円）"), None);
        assert!(is_total("合　　　　　　計"));
        assert!(is_total("合計"));
        assert!(!is_total("合計額"));
    }
}
