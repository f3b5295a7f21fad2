//! The table of rules. Add a rule here, then its check (if it reads the model) in `checks::ALL`.

use super::{Group, Rule, Severity};

/// Declares `RuleId` and the table in one order, so that `RuleId as usize` indexes the table.
macro_rules! catalogue {
    ($(
        $rule:ident {
            id: $id:literal, group: $group:ident, severity: $sev:ident, fixable: $fix:literal, checked: $checked:literal,
            ja: $ja:literal,
            en: $en:literal,
            docs: $docs:literal $(,)?
        }
    ),* $(,)?) => {
        /// A rule, as every stage names it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId { $($rule),* }

        pub(super) static ALL: &[Rule] = &[$(
            Rule {
                rule: RuleId::$rule,
                id: $id,
                group: Group::$group,
                severity: Severity::$sev,
                fixable: $fix,
                checked: $checked,
                summary: ($ja, $en),
                docs: include_str!(concat!("../", $docs, ".md")),
                docs_ja: include_str!(concat!("../", $docs, ".ja.md")),
            }
        ),*];
    };
}

catalogue! {
    YamlSyntax {
        id: "yaml-syntax", group: Syntax, severity: Error, fixable: false, checked: false,
        ja: "YAML として読めない（構文エラー、2つ目の文書、上限超過）",
        en: "the YAML does not parse (syntax error, a second document, a limit exceeded)",
        docs: "catalogue/reading/yaml_syntax",
    },
    Schema {
        id: "schema", group: Syntax, severity: Error, fixable: true, checked: false,
        ja: "必須の部分・項目がない、様式にない項目名、値の書き方の誤り、項目名の重複",
        en: "a required section or field is missing, a key is unknown, a value has the wrong type, a key is duplicated",
        docs: "catalogue/reading/schema",
    },
    ValueFormat {
        id: "value-format", group: Syntax, severity: Error, fixable: true, checked: false,
        ja: "金額・件数・百分率・概数・日付として読めない値",
        en: "an amount, count, percentage, rounded amount or date that cannot be read",
        docs: "catalogue/reading/value_format",
    },
    FullwidthDigits {
        id: "fullwidth-digits", group: Syntax, severity: Warning, fixable: true, checked: false,
        ja: "全角の数字・区切り記号で書かれた数値",
        en: "a number typed with full-width digits or separators",
        docs: "catalogue/reading/fullwidth_digits",
    },
    Encoding {
        id: "encoding", group: Syntax, severity: Warning, fixable: false, checked: false,
        ja: "UTF-8 以外（Shift_JIS・UTF-16）で保存された下書き",
        en: "a draft saved in Shift_JIS or UTF-16 rather than UTF-8",
        docs: "catalogue/reading/encoding",
    },
    Unfilled {
        id: "unfilled", group: Syntax, severity: Info, fixable: false, checked: false,
        ja: "まだ記入されていない欄（「未記入」のまま）が残っている部分",
        en: "a part of the draft that still has cells marked 未記入 (to fill)",
        docs: "catalogue/reading/unfilled",
    },
    ColumnSum {
        id: "column-sum", group: Sums, severity: Error, fixable: true, checked: true,
        ja: "合計行の値が列の総和と一致しない",
        en: "a 合計 cell differs from the sum of its column",
        docs: "checks/sums/column_sum",
    },
    AdvancedExceedsTotal {
        id: "advanced-exceeds-total", group: Sums, severity: Error, fixable: false, checked: true,
        ja: "行の先進医療総額が総合計を超えている",
        en: "a row's 先進医療総額 exceeds its 総合計",
        docs: "checks/sums/advanced_exceeds_total",
    },
    ZeroRowValues {
        id: "zero-row-values", group: Sums, severity: Error, fixable: true, checked: true,
        ja: "実施件数0件の行に値がある、または実施のある行に値がない、実施医療機関数が件数を超える",
        en: "a row with 0 cases shows figures, a row with cases lacks them, or facilities exceed cases",
        docs: "checks/sums/zero_row_values",
    },
    SummaryArithmetic {
        id: "summary-arithmetic", group: Summary, severity: Error, fixable: false, checked: true,
        ja: "実績の概要で ⑥＝④＋⑤、⑦＝⑤／⑥、計＝Ａ＋Ｂ が成り立たない",
        en: "in the summary, ⑥ ≠ ④ + ⑤, ⑦ ≠ ⑤ / ⑥, or 計 ≠ A + B",
        docs: "checks/summary/summary_arithmetic",
    },
    HistoryArithmetic {
        id: "history-arithmetic", group: Summary, severity: Error, fixable: false, checked: true,
        ja: "過去５年間の実績の行で 総金額＝保険＋先進、割合＝先進／総金額 が成り立たない",
        en: "in a history row, 総金額 ≠ insured + advanced, or the ratio ≠ advanced / 総金額",
        docs: "checks/summary/history_arithmetic",
    },
    SummaryVsCosts {
        id: "summary-vs-costs", group: Summary, severity: Error, fixable: true, checked: true,
        ja: "実績の概要の値が費用の表（参考資料）の合計と合わない",
        en: "a summary figure disagrees with the cost tables",
        docs: "checks/summary/summary_vs_costs",
    },
    ChangeBalance {
        id: "change-balance", group: Changes, severity: Error, fixable: false, checked: true,
        ja: "技術数の推移で ①＋②−③−④−⑤＝⑥、計＝Ａ＋Ｂ、⑥＝概要の① が成り立たない",
        en: "in the changes table, ① + ② − ③ − ④ − ⑤ ≠ ⑥, 計 ≠ A + B, or ⑥ ≠ the summary's ①",
        docs: "checks/changes/change_balance",
    },
    ApprovedCount {
        id: "approved-count", group: Changes, severity: Warning, fixable: false, checked: true,
        ja: "新規承認技術数が、適用年月日が対象期間内の技術の数と合わない",
        en: "新規承認 differs from the number of technologies whose 適用年月日 lies in the period",
        docs: "checks/changes/approved_count",
    },
    HistoryVsReport {
        id: "history-vs-report", group: Summary, severity: Error, fixable: true, checked: true,
        ja: "過去５年間の実績の最終行が今年度の報告と合わない、または期間が連続しない",
        en: "the history's last row disagrees with this report, or its periods are not consecutive years",
        docs: "checks/summary/history_vs_report",
    },
    HistoryLength {
        id: "history-length", group: Summary, severity: Error, fixable: false, checked: true,
        ja: "過去５年間の実績が5年分でない",
        en: "the five-year history does not hold five years",
        docs: "checks/summary/history_length",
    },
    PrintedPrecision {
        id: "printed-precision", group: Summary, severity: Warning, fixable: true, checked: true,
        ja: "概数・割合が報告書の桁数（④〜⑥は0.1億円、割合は0.1%、過去５年間の金額は1億円）で書かれていない",
        en: "a rounded figure is not printed at the report's precision (④–⑥ to 0.1 億円, ratios to 0.1 %, the history's amounts to 1 億円)",
        docs: "checks/summary/printed_precision",
    },
    ZeroCaseMissing {
        id: "zero-case-missing", group: ZeroCases, severity: Error, fixable: true, checked: true,
        ja: "実施件数0件の技術に説明（医療機関・理由・今後の対応方針）がない",
        en: "a technology with no case lacks its explanation (facility, reason, plan)",
        docs: "checks/zero_cases/zero_case_missing",
    },
    ZeroCaseUnexpected {
        id: "zero-case-unexpected", group: ZeroCases, severity: Warning, fixable: false, checked: true,
        ja: "実施のあった技術、または費用の表にない告示番号の0件説明",
        en: "a zero-case entry for a technology that had cases, or that is not in the cost table",
        docs: "checks/zero_cases/zero_case_unexpected",
    },
    ZeroCaseName {
        id: "zero-case-name", group: ZeroCases, severity: Warning, fixable: true, checked: true,
        ja: "0件説明の技術名が費用の表の技術名と異なる",
        en: "a zero-case entry's 技術名 differs from the cost table's",
        docs: "checks/zero_cases/zero_case_name",
    },
    PriorCases {
        id: "prior-cases", group: ZeroCases, severity: Warning, fixable: true, checked: true,
        ja: "（参考）前年度実績の「-」が適用年月日と合わない",
        en: "the prior-year record is \"-\" when the technology existed then, or a number when it did not",
        docs: "checks/zero_cases/prior_cases",
    },
    ZeroCaseOrder {
        id: "zero-case-order", group: ZeroCases, severity: Warning, fixable: false, checked: true,
        ja: "0件説明の技術が重複している、または告示番号の順でない",
        en: "a zero-case entry repeats a technology, or the entries are not in 告示番号 order",
        docs: "checks/zero_cases/zero_case_order",
    },
    SerialSequence {
        id: "serial-sequence", group: Numbering, severity: Error, fixable: true, checked: true,
        ja: "整理番号が1から順に1ずつ増えていない（欠番・重複）",
        en: "整理番号 do not run 1, 2, 3, … (a gap or a repeat)",
        docs: "checks/numbering/serial_sequence",
    },
    NoticeOrder {
        id: "notice-order", group: Numbering, severity: Error, fixable: false, checked: true,
        ja: "告示番号が昇順でない、または重複している",
        en: "告示番号 do not strictly increase, or repeat",
        docs: "checks/numbering/notice_order",
    },
    SubrowConsistency {
        id: "subrow-consistency", group: Numbering, severity: Error, fixable: false, checked: true,
        ja: "枝番のある技術の行で適用年月日・技術名がそろっていない、または枝番が欠けている",
        en: "the sub-rows of a technology differ in 適用年月日 or name, or a sub-row stands alone",
        docs: "checks/numbering/subrow_consistency",
    },
    EraDate {
        id: "era-date", group: Dates, severity: Error, fixable: false, checked: false,
        ja: "存在しない日付、または不明な元号",
        en: "a date that does not exist, or an unknown era",
        docs: "catalogue/reading/era_date",
    },
    EffectiveAfterPeriod {
        id: "effective-after-period", group: Dates, severity: Error, fixable: false, checked: true,
        ja: "適用年月日が報告の対象期間の終わりより後",
        en: "a 適用年月日 after the end of the reporting period",
        docs: "checks/dates/effective_after_period",
    },
    ReportPeriod {
        id: "report-period", group: Dates, severity: Error, fixable: false, checked: true,
        ja: "報告の対象期間が7月1日から翌年6月30日までの12か月でない、または年度と合わない",
        en: "the reporting period is not the 12 months from 1 July to 30 June, or does not match the fiscal year",
        docs: "checks/dates/report_period",
    },
    EffectiveOrder {
        id: "effective-order", group: Dates, severity: Warning, fixable: false, checked: true,
        ja: "告示番号の順に適用年月日が並んでいない",
        en: "適用年月日 goes back in time as 告示番号 increase",
        docs: "checks/dates/effective_order",
    },
    MixedPunctuation {
        id: "mixed-punctuation", group: Text, severity: Warning, fixable: true, checked: true,
        ja: "句読点「。、」と「．，」が文書内で混在している",
        en: "the document mixes 「。、」 with 「．，」 in Japanese text",
        docs: "checks/text/mixed_punctuation",
    },
    PreviousDraft {
        id: "previous-draft", group: Previous, severity: Error, fixable: false, checked: false,
        ja: "前年度の報告の下書きを読めない、または前年度のものでない",
        en: "last year's draft cannot be read, or is not the year before",
        docs: "catalogue/reading/previous_draft",
    },
    PreviousChanges {
        id: "previous-changes", group: Previous, severity: Error, fixable: true, checked: true,
        ja: "技術数の推移の①が、前年度の報告の⑥（6月30日現在の技術数）と合わない",
        en: "① in the changes table differs from last year's ⑥ (the count at its year end)",
        docs: "checks/previous/previous_changes",
    },
    PreviousHistory {
        id: "previous-history", group: Previous, severity: Error, fixable: true, checked: true,
        ja: "過去５年間の実績が、前年度の報告の同じ年度の行、または前年度の実績と合わない",
        en: "a history row differs from last year's row for the same year, or from last year's figures",
        docs: "checks/previous/previous_history",
    },
    PreviousCases {
        id: "previous-cases", group: Previous, severity: Warning, fixable: true, checked: true,
        ja: "０件の技術の（参考）前年度の実績が、前年度の報告の年間実施件数と合わない",
        en: "a zero-case entry's prior-year record differs from last year's cases for the technology",
        docs: "checks/previous/previous_cases",
    },
    PreviousTechnologies {
        id: "previous-technologies", group: Previous, severity: Warning, fixable: false, checked: true,
        ja: "前年度の表から消えた技術・新しく加わった技術の数が、保険収載・取下げ・削除・新規承認の数で説明できない",
        en: "the technologies gone from last year's table, or new in this one, do not match the counts of 保険収載, 取下げ, 削除 and 新規承認",
        docs: "checks/previous/previous_technologies",
    },
    UnusedSuppression {
        id: "unused-suppression", group: Syntax, severity: Warning, fixable: true, checked: false,
        ja: "何も抑制していない抑制コメント、または存在しない規則の抑制",
        en: "a suppression comment that silences nothing, or names no rule",
        docs: "catalogue/reading/unused_suppression",
    },
    Config {
        id: "config", group: Syntax, severity: Error, fixable: false, checked: false,
        ja: "設定ファイル senshin-lint.toml の誤り",
        en: "a mistake in the configuration file senshin-lint.toml",
        docs: "catalogue/reading/config",
    },
    DiagnosticLimit {
        id: "diagnostic-limit", group: Syntax, severity: Warning, fixable: false, checked: false,
        ja: "指摘が多すぎるため、最初の 1,000 件だけを示した",
        en: "too many findings: only the first 1,000 are shown",
        docs: "catalogue/reading/diagnostic_limit",
    },
}
