//! Places named the way the report names them, in both languages: 「先－１－１ 実績の概要の⑥総金額（先進医療Ａ）」,
//! 「参考資料２ 整理番号15（告示番号17）」, 「先－１－２【先進医療Ｂ】告示番号49の欄」. Every message that points at a
//! figure names its place from here, so that a finding shown alone (an annotation, the editor's problem list)
//! still says where it is, and says it as the printed report does (`../shared/design/japanese-messages.md`).

use super::fields;
use super::read::{era_short, era_text};
use super::report::{CostRow, HistoryRow, Part, ZeroCase};
use crate::syntax::{Located, NodeId, Step, Tree, locate, locate_node, node_at};
use crate::text::Message;
use jiff::civil::Date;

/// A column of 実績の概要 or 技術数の推移.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    A,
    B,
    Total,
}

impl Column {
    pub const ALL: [Column; 3] = [Column::A, Column::B, Column::Total];

    /// The column a draft's key names: `A`, `B` or `total`.
    pub fn from_key(key: &str) -> Option<Column> {
        match key {
            "total" => Some(Column::Total),
            k => Part::from_key(k).map(Column::of),
        }
    }

    pub fn of(part: Part) -> Column {
        match part {
            Part::A => Column::A,
            Part::B => Column::B,
        }
    }

    /// 「先進医療Ａ」「先進医療Ｂ」「計」 / "category A", "category B", "total column (計)".
    pub fn name(self) -> Message {
        match self {
            Column::A => Message::new("先進医療Ａ", "category A"),
            Column::B => Message::new("先進医療Ｂ", "category B"),
            Column::Total => Message::new("計", "total column (計)"),
        }
    }
}

/// An item of 先－１－１ 実績の概要, ①–⑦.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryItem {
    Technologies,
    Facilities,
    Patients,
    Insured,
    Advanced,
    Total,
    Ratio,
}

impl SummaryItem {
    /// In the order of `fields::SUMMARY`, ① to ⑦.
    pub const ALL: [SummaryItem; 7] = [
        SummaryItem::Technologies,
        SummaryItem::Facilities,
        SummaryItem::Patients,
        SummaryItem::Insured,
        SummaryItem::Advanced,
        SummaryItem::Total,
        SummaryItem::Ratio,
    ];

    /// 「⑥総金額」 / "⑥ total amount": the circled number with the item's name, as a sentence names it.
    pub fn name(self) -> Message {
        let (ja, en) = match self {
            SummaryItem::Technologies => ("①先進医療技術数", "① number of technologies"),
            SummaryItem::Facilities => ("②実施医療機関数", "② facilities"),
            SummaryItem::Patients => ("③全患者数", "③ patients"),
            SummaryItem::Insured => ("④保険外併用療養費の総額", "④ insured portion"),
            SummaryItem::Advanced => ("⑤先進医療費用の総額", "⑤ advanced-care cost"),
            SummaryItem::Total => ("⑥総金額", "⑥ total amount"),
            SummaryItem::Ratio => ("⑦先進医療分の割合", "⑦ advanced-care share"),
        };
        Message::new(ja, en)
    }

    /// The circled number alone, for a later mention in the same message.
    pub fn mark(self) -> &'static str {
        ["①", "②", "③", "④", "⑤", "⑥", "⑦"][self as usize]
    }
}

/// 「先－１－１ 実績の概要の⑥総金額（先進医療Ａ）」 / "Summary (先－１－１), item ⑥ total amount, category A".
pub fn summary(column: Column, item: SummaryItem) -> Message {
    let (c, i) = (column.name(), item.name());
    Message::new(
        format!("先－１－１ 実績の概要の{}（{}）", i.ja, c.ja),
        format!("Summary (先－１－１), item {}, {}", i.en, c.en),
    )
}

/// An item of 技術数の推移, ①–⑦.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeItem {
    Previous,
    Approved,
    Insured,
    Withdrawn,
    Deleted,
    Current,
    FinalReports,
}

impl ChangeItem {
    pub const ALL: [ChangeItem; 7] = [
        ChangeItem::Previous,
        ChangeItem::Approved,
        ChangeItem::Insured,
        ChangeItem::Withdrawn,
        ChangeItem::Deleted,
        ChangeItem::Current,
        ChangeItem::FinalReports,
    ];

    pub fn name(self) -> Message {
        let (ja, en) = match self {
            ChangeItem::Previous => ("①先進医療技術数（前年6月30日現在）", "① count a year earlier"),
            ChangeItem::Approved => ("②新規承認技術数", "② newly approved"),
            ChangeItem::Insured => ("③保険収載技術数", "③ moved to insurance coverage"),
            ChangeItem::Withdrawn => ("④実施取り下げ技術数", "④ withdrawn"),
            ChangeItem::Deleted => ("⑤削除技術数", "⑤ deleted"),
            ChangeItem::Current => ("⑥先進医療技術数（6月30日現在）", "⑥ count at year end"),
            ChangeItem::FinalReports => ("⑦総括報告書受理数", "⑦ final reports accepted"),
        };
        Message::new(ja, en)
    }

    pub fn mark(self) -> &'static str {
        ["①", "②", "③", "④", "⑤", "⑥", "⑦"][self as usize]
    }
}

/// 「技術数の推移の⑥先進医療技術数（6月30日現在）（先進医療Ａ）」 / "Changes in the number of technologies
/// (技術数の推移), item ⑥ count at year end, category A".
pub fn changes(column: Column, item: ChangeItem) -> Message {
    let (c, i) = (column.name(), item.name());
    Message::new(
        format!("技術数の推移の{}（{}）", i.ja, c.ja),
        format!("Changes in the number of technologies (技術数の推移), item {}, {}", i.en, c.en),
    )
}

/// A period as a row of 過去５年間の実績 prints it: `R5.7.1～R6.6.30`.
pub fn short_period((start, end): (Date, Date)) -> String {
    format!("{}～{}", era_short(start), era_short(end))
}

/// A period in a sentence: 令和5年7月1日～令和6年6月30日.
pub fn period((start, end): (Date, Date)) -> String {
    format!("{}～{}", era_text(start), era_text(end))
}

/// The year before a report ending on `end`, in months, as 先－１－２'s （参考） column names it: 令和4年7月～令和5年6月.
pub fn prior_months(end: Date) -> String {
    let (start, end) = super::read::ReportYear::of_end(end).before(1).period();
    let month = |d: Date| {
        let text = era_text(d);
        text.split_once('月').map_or(text.clone(), |(ym, _)| format!("{ym}月"))
    };
    format!("{}～{}", month(start), month(end))
}

/// 「過去５年間の実績のR4.7.1～R5.6.30の行」, or for the last row 「過去５年間の実績の今年度の行（R5.7.1～R6.6.30）」;
/// a row without a readable period is named by its place in the table (「3行目」).
pub fn history_row(row: &HistoryRow, index: usize, last: bool) -> Message {
    let label = row.period.as_ref().map(|p| short_period(p.value));
    match (label, last) {
        (Some(l), true) => Message::new(
            format!("過去５年間の実績の今年度の行（{l}）"),
            format!("Five-year record (過去５年間の実績), this year's row ({l})"),
        ),
        (None, true) => Message::new(
            "過去５年間の実績の今年度の行（最後の行）",
            "Five-year record (過去５年間の実績), this year's row (the last)",
        ),
        (Some(l), false) => Message::new(
            format!("過去５年間の実績の{l}の行"),
            format!("Five-year record (過去５年間の実績), the {l} row"),
        ),
        (None, false) => Message::new(
            format!("過去５年間の実績の{}行目", index + 1),
            format!("Five-year record (過去５年間の実績), row {}", index + 1),
        ),
    }
}

/// 「参考資料１」 / "reference table 1 (参考資料１)".
pub fn cost_table(part: Part) -> Message {
    match part {
        Part::A => Message::new("参考資料１", "reference table 1 (参考資料１)"),
        Part::B => Message::new("参考資料２", "reference table 2 (参考資料２)"),
    }
}

/// The cost tables a column of 実績の概要 comes from: 「参考資料１」, 「参考資料２」, or 「参考資料１・２」 for 計.
pub fn cost_tables(column: Column) -> Message {
    match column {
        Column::A => cost_table(Part::A),
        Column::B => cost_table(Part::B),
        Column::Total => Message::new("参考資料１・２", "reference tables 1 and 2 (参考資料１・２)"),
    }
}

/// 「参考資料１の合計欄」 / "the totals row (合計) of reference table 1 (参考資料１)".
pub fn cost_total(part: Part) -> Message {
    let t = cost_table(part);
    Message::new(format!("{}の合計欄", t.ja), format!("the totals row (合計) of {}", t.en))
}

/// A row named by what the row says of itself: its 整理番号 and 告示番号 as typed, when they can be read.
pub fn row_by_numbers(part: Part, serial: Option<&str>, notice: Option<&str>, index: usize) -> Message {
    let t = cost_table(part);
    match (serial, notice) {
        (Some(s), Some(n)) => Message::new(
            format!("{} 整理番号{s}（告示番号{n}）", t.ja),
            format!("{}, serial no. {s} (notice no. {n})", cap(&t.en)),
        ),
        (None, Some(n)) => {
            Message::new(format!("{} 告示番号{n}の行", t.ja), format!("{}, the row of notice no. {n}", cap(&t.en)))
        }
        (Some(s), None) => Message::new(format!("{} 整理番号{s}", t.ja), format!("{}, serial no. {s}", cap(&t.en))),
        (None, None) => {
            Message::new(format!("{}の{}行目", t.ja, index + 1), format!("{}, row {}", cap(&t.en), index + 1))
        }
    }
}

/// 「参考資料２ 整理番号15（告示番号17）」 / "Reference table 2 (参考資料２), serial no. 15 (notice no. 17)".
pub fn cost_row(part: Part, row: &CostRow, index: usize) -> Message {
    let serial = row.serial.as_ref().map(|s| s.value.to_string());
    let notice = row.notice.as_ref().map(|n| n.value.to_string());
    row_by_numbers(part, serial.as_deref(), notice.as_deref(), index)
}

/// 「先－１－２【先進医療Ｂ】」 / "the zero-case table (先－１－２【先進医療Ｂ】)".
pub fn zero_table(part: Part) -> Message {
    let l = part.label();
    Message::new(format!("先－１－２【{l}】"), format!("the zero-case table (先－１－２【{l}】)"))
}

/// 「先－１－２【先進医療Ｂ】告示番号49の欄」 / "Zero-case table (先－１－２【先進医療Ｂ】), the entry for notice no. 49".
pub fn zero_entry(part: Part, notice: Option<&str>, index: usize) -> Message {
    let t = zero_table(part);
    match notice {
        Some(n) => {
            Message::new(format!("{}告示番号{n}の欄", t.ja), format!("{}, the entry for notice no. {n}", cap(&t.en)))
        }
        None => {
            Message::new(format!("{}の{}番目の欄", t.ja, index + 1), format!("{}, entry {}", cap(&t.en), index + 1))
        }
    }
}

/// A facility of a zero-case entry: 「先－１－２【先進医療Ｂ】告示番号32 横浜市立大学附属病院」, or by its place in the
/// entry (「…の欄の2番目の医療機関」) when its name cannot be read.
pub fn zero_facility(entry: &Message, name: Option<&str>, index: usize) -> Message {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => Message::new(format!("{} {n}", entry.ja.trim_end_matches("の欄")), format!("{}, {n}", entry.en)),
        None => Message::new(
            format!("{}の{}番目の医療機関", entry.ja, index + 1),
            format!("{}, facility {}", entry.en, index + 1),
        ),
    }
}

/// `zero_entry` for a read entry.
pub fn zero_case(part: Part, entry: &ZeroCase, index: usize) -> Message {
    zero_entry(part, entry.notice.as_ref().map(|n| n.value.to_string()).as_deref(), index)
}

/// The sentence-initial form of an English place.
pub fn cap(en: &str) -> String {
    let mut c = en.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The place of an offset in the draft, from the keys above it, as the report names it: 「先－１－１ 実績の概要の
/// ③全患者数（先進医療Ａ）」, 「参考資料２ 整理番号3（告示番号10(2)）の総合計（円）」. For what the reading of the draft
/// reports (a missing item, a value that cannot be read), where no typed report exists yet.
pub fn at(tree: &Tree, offset: usize) -> Message {
    named(tree, &locate(tree, offset))
}

/// The place of a mapping or list itself: a table, a row, an entry.
pub fn of_node(tree: &Tree, node: NodeId) -> Message {
    named(tree, &locate_node(tree, node))
}

fn named(tree: &Tree, located: &Located) -> Message {
    let keys = located.keys();
    let index = |i: usize| match located.path.get(i) {
        Some(Step::Item(n)) => *n,
        _ => 0,
    };
    // The raw text of a field of the list item at `depth` (a row's 整理番号, an entry's 告示番号).
    let raw = |depth: usize, key: &str| -> Option<String> {
        let node = node_at(tree, &located.path[..depth])?;
        let value = tree.scalar(tree.get(node, key)?.value)?.trim();
        (!value.is_empty() && value.chars().count() <= 12).then(|| value.to_owned())
    };
    let (part, column) = (Part::from_key, Column::from_key);
    let field = |path: &[&str]| fields::field(path).map(|f| Message::new(f.ja.replace(' ', ""), f.ja.replace(' ', "")));
    let of = |place: Message, what: Option<Message>| match what {
        Some(w) => Message::new(format!("{}の{}", place.ja, w.ja), format!("{}, {}", place.en, w.en)),
        None => place,
    };
    match keys.as_slice() {
        [] => Message::new("下書き", "The draft"),
        ["report", rest @ ..] => of(
            Message::new("報告書の表題・年度・対象期間", "The report's heading"),
            rest.first().and_then(|_| field(&keys[..2])),
        ),
        ["summary", c, item, ..] if column(c).is_some() => {
            let c = column(c).unwrap_or(Column::A);
            match fields::SUMMARY.iter().position(|f| f.key == *item) {
                Some(i) => summary(c, SummaryItem::ALL[i]),
                None => of(summary_section(Some(c)), None),
            }
        }
        ["summary", c, ..] => summary_section(column(c)),
        ["summary"] => summary_section(None),
        ["changes", c, item, ..] if column(c).is_some() => {
            let c = column(c).unwrap_or(Column::A);
            match fields::CHANGES.iter().position(|f| f.key == *item) {
                Some(i) => changes(c, ChangeItem::ALL[i]),
                None => changes_section(Some(c)),
            }
        }
        ["changes", c, ..] => changes_section(column(c)),
        ["changes"] => changes_section(None),
        ["history", "-", rest @ ..] => {
            let n = index(1);
            let row = Message::new(
                format!("過去５年間の実績の{}行目", n + 1),
                format!("Five-year record (過去５年間の実績), row {}", n + 1),
            );
            of(row, rest.first().and_then(|_| field(&keys[..3])))
        }
        ["history", ..] => Message::new("過去５年間の実績", "The five-year record (過去５年間の実績)"),
        ["costs", p, "rows", "-", rest @ ..] if part(p).is_some() => {
            let p = part(p).unwrap_or(Part::A);
            let row = row_by_numbers(p, raw(4, "serial").as_deref(), raw(4, "notice").as_deref(), index(3));
            of(row, rest.first().and_then(|_| field(&keys[..5])))
        }
        ["costs", p, "total", rest @ ..] if part(p).is_some() => {
            of(cost_total(part(p).unwrap_or(Part::A)), rest.first().and_then(|_| field(&keys[..4])))
        }
        ["costs", p, ..] if part(p).is_some() => cost_table(part(p).unwrap_or(Part::A)),
        ["costs", ..] => Message::new("参考資料１・２", "Reference tables 1 and 2 (参考資料１・２)"),
        ["zero_cases", p, "-", rest @ ..] if part(p).is_some() => {
            let p = part(p).unwrap_or(Part::A);
            let entry = zero_entry(p, raw(3, "notice").as_deref(), index(2));
            match rest {
                ["facilities", "-", more @ ..] => {
                    let place = zero_facility(&entry, raw(5, "name").as_deref(), index(4));
                    of(place, more.first().and_then(|_| field(&keys[..6])))
                }
                _ => of(entry, rest.first().and_then(|_| field(&keys[..4]))),
            }
        }
        ["zero_cases", p, ..] if part(p).is_some() => {
            let t = zero_table(part(p).unwrap_or(Part::A));
            Message::new(t.ja, cap(&t.en))
        }
        ["zero_cases", ..] => Message::new("先－１－２", "The zero-case table (先－１－２)"),
        _ => Message::new("下書き", "The draft"),
    }
}

/// The part of the report an offset is in, for what is counted part by part: 「先－１－１ 実績の概要」,
/// 「参考資料１」, 「先－１－２【先進医療Ａ】」.
pub fn part_at(tree: &Tree, offset: usize) -> Message {
    let located = locate(tree, offset);
    let keys = located.keys();
    let part = |k: &str| Part::from_key(k).unwrap_or(Part::A);
    match keys.as_slice() {
        ["report", ..] => Message::new("報告書の表題・年度・対象期間", "The report's heading"),
        ["summary", ..] => summary_section(None),
        ["changes", ..] => changes_section(None),
        ["history", ..] => Message::new("過去５年間の実績", "The five-year record (過去５年間の実績)"),
        ["costs", p, ..] => {
            let t = cost_table(part(p));
            Message::new(t.ja, cap(&t.en))
        }
        ["zero_cases", p, ..] => {
            let t = zero_table(part(p));
            Message::new(t.ja, cap(&t.en))
        }
        _ => Message::new("下書き", "The draft"),
    }
}

fn summary_section(column: Option<Column>) -> Message {
    match column {
        Some(c) => {
            let c = c.name();
            Message::new(format!("先－１－１ 実績の概要（{}）", c.ja), format!("Summary (先－１－１), {}", c.en))
        }
        None => Message::new("先－１－１ 実績の概要", "Summary (先－１－１)"),
    }
}

fn changes_section(column: Option<Column>) -> Message {
    match column {
        Some(c) => {
            let c = c.name();
            Message::new(
                format!("技術数の推移（{}）", c.ja),
                format!("Changes in the number of technologies (技術数の推移), {}", c.en),
            )
        }
        None => Message::new("技術数の推移", "Changes in the number of technologies (技術数の推移)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_labels_as_printed() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(short_period((d(2023, 7, 1), d(2024, 6, 30))), "R5.7.1～R6.6.30");
        assert_eq!(era_short(d(2019, 5, 1)), "R1.5.1");
        assert_eq!(era_short(d(2019, 4, 30)), "H31.4.30");
        assert_eq!(period((d(2023, 7, 1), d(2024, 6, 30))), "令和5年7月1日～令和6年6月30日");
    }

    #[test]
    fn items_in_the_formats_order() {
        // The circled numbers follow the format's keys: ① technologies … ⑦ advanced_ratio.
        for (i, f) in fields::SUMMARY.iter().enumerate() {
            assert!(f.ja.starts_with(SummaryItem::ALL[i].mark()), "{}", f.key);
        }
        for (i, f) in fields::CHANGES.iter().enumerate() {
            assert!(f.ja.starts_with(ChangeItem::ALL[i].mark()), "{}", f.key);
        }
    }

    #[test]
    fn places_as_the_report_names_them() {
        assert_eq!(summary(Column::A, SummaryItem::Total).ja, "先－１－１ 実績の概要の⑥総金額（先進医療Ａ）");
        assert_eq!(row_by_numbers(Part::B, Some("15"), Some("17"), 0).ja, "参考資料２ 整理番号15（告示番号17）");
        assert_eq!(zero_entry(Part::B, Some("49"), 0).ja, "先－１－２【先進医療Ｂ】告示番号49の欄");
        assert_eq!(
            row_by_numbers(Part::B, Some("15"), Some("17"), 0).en,
            "Reference table 2 (参考資料２), serial no. 15 (notice no. 17)"
        );
    }
}
