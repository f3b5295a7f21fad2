//! The published report's layout as plain data (`shared/design/report-layout.md` §3–§7): sections, tables and
//! cells, each figure with its place in the draft (`data-path`) and the span it was read from. No HTML here.

use super::printed::{cell, count, date_abbrev, date_text, grouped, share_p1, typeset};
use crate::diagnostics::Lang;
use crate::model::places;
use crate::model::read::ReportYear;
use crate::model::report::{Columns, CostTable, Part, Report, ZeroCase};
use crate::model::value::{Amount, Spanned};
use crate::text::Span;

#[derive(Debug, Default)]
pub struct Cell {
    pub text: String,
    /// The figure's place in the draft: `summary.A.total_cost`, `costs.B.rows.31.cases`.
    pub path: Option<String>,
    pub span: Option<Span>,
    pub align: Align,
    pub rowspan: usize,
    pub colspan: usize,
    /// A header or label cell.
    pub head: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    #[default]
    Center,
    Left,
    Right,
}

#[derive(Debug, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// The 合計 row.
    pub total: bool,
}

#[derive(Debug)]
pub struct Section {
    pub id: &'static str,
    /// The stamp at the top right (「先－１－１」), when the published page has one.
    pub stamp: Option<&'static str>,
    pub titles: Vec<String>,
    pub head: Vec<String>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
    /// The printed page's orientation.
    pub landscape: bool,
}

fn label(text: impl Into<String>) -> Cell {
    Cell { text: text.into(), align: Align::Left, head: true, ..Cell::default() }
}

fn value(text: String, path: String, span: Span, align: Align) -> Cell {
    Cell { text, path: Some(path), span: Some(span), align, ..Cell::default() }
}

/// A cell for an optional field: empty (but placed) when the draft has no value there.
fn field<T>(f: &Option<Spanned<T>>, path: String, align: Align, show: impl Fn(&T) -> String) -> Cell {
    match f {
        Some(s) => value(show(&s.value), path, s.span, align),
        None => Cell { path: Some(path), align, ..Cell::default() },
    }
}

/// The label in the page's language: the report's own words in Japanese, a translation in English.
fn t(lang: Lang, ja: impl Into<String>, en: impl Into<String>) -> String {
    match lang {
        Lang::Ja => ja.into(),
        Lang::En => en.into(),
    }
}

/// A date in a label: 「令和６年６月30日」, or 2024-06-30 in English.
fn day(lang: Lang, d: jiff::civil::Date) -> String {
    t(lang, date_text(d), d.to_string())
}

fn amount(a: &Amount) -> String {
    a.to_string()
}

const COLUMNS: [(&str, &str, &str); 3] =
    [("A", "先進医療Ａ", "Category A"), ("B", "先進医療Ｂ", "Category B"), ("total", "計", "Total")];

fn columns<T>(c: &Columns<T>) -> [Option<&T>; 3] {
    [c.a.as_ref(), c.b.as_ref(), c.total.as_ref()]
}

/// The period as the subtitles print it: 「令和５年７月１日～令和６年６月30日」 (the messages' wording, typeset).
fn period_text(report: &Report, lang: Lang) -> String {
    let Some(p) = report.meta.period.as_ref() else { return String::new() };
    t(lang, typeset(&places::period(p.value)), format!("{} to {}", p.value.0, p.value.1))
}

fn fiscal(report: &Report) -> String {
    report.meta.fiscal_year.as_ref().map(|f| typeset(&f.value)).unwrap_or_default()
}

/// The report's own pages: its labels in Japanese as published, or translated for `--lang en`; the figures and
/// the draft's own words always as written.
pub fn sections(report: &Report, lang: Lang) -> Vec<Section> {
    let mut out = vec![summary(report, lang), changes(report, lang), history(report, lang)];
    for part in Part::BOTH {
        if let Some(table) = report.costs.get(part) {
            out.push(costs(report, part, table, lang));
        }
    }
    for part in Part::BOTH {
        if let Some(cases) = report.zero_cases.get(part) {
            out.push(zero_cases(report, part, cases, lang));
        }
    }
    out
}

fn page_title(report: &Report) -> String {
    report.meta.title.as_ref().map_or_else(|| "先進医療の実績報告について".to_owned(), |t| t.value.clone())
}

/// The subtitle saying where p.1 and p.2 come from: 「令和６年度（令和５年７月１日～令和６年６月30日）実績報告より」.
fn source(report: &Report, lang: Lang, (ja, en): (&str, &str)) -> String {
    let (fiscal, period) = (fiscal(report), period_text(report, lang));
    t(lang, format!("{fiscal}（{period}）{ja}"), format!("From the {fiscal} {en} ({period})"))
}

fn header(lang: Lang) -> Vec<String> {
    let mut h = vec![String::new()];
    h.extend(COLUMNS.iter().map(|&(_, ja, en)| t(lang, ja, en)));
    h
}

fn summary(report: &Report, lang: Lang) -> Section {
    let end = report.meta.period.as_ref().map(|p| day(lang, p.value.1)).unwrap_or_default();
    let rows: [(String, &str); 7] = [
        (t(lang, format!("①　先進医療技術数（{end}現在）"), format!("① Technologies (on {end})")), "technologies"),
        (t(lang, format!("②　実施医療機関数（{end}現在）"), format!("② Facilities (on {end})")), "facilities"),
        (t(lang, "③　全患者数", "③ Patients"), "patients"),
        (t(lang, "④　保険外併用療養費の総額（保険診療分）", "④ Insured portion of the costs"), "insured_cost"),
        (t(lang, "⑤　先進医療費用の総額", "⑤ Advanced-care costs"), "advanced_cost"),
        (t(lang, "⑥　総金額（④＋⑤）", "⑥ Total amount (④＋⑤)"), "total_cost"),
        (
            t(lang, "⑦　全医療費のうち先進医療分の割合（⑤/⑥）", "⑦ Advanced-care share of all costs (⑤/⑥)"),
            "advanced_ratio",
        ),
    ];
    let mut out = Vec::new();
    for (ja, key) in rows {
        let mut cells = vec![label(ja)];
        for (i, c) in columns(&report.summary).into_iter().enumerate() {
            let (col, _, _) = COLUMNS[i];
            let path = format!("summary.{col}.{key}");
            let mark = match (key, col) {
                ("facilities", "total") => "※２",
                ("facilities", _) => "※１",
                _ => "",
            };
            let cell = match c {
                None => Cell { path: Some(path), ..Cell::default() },
                Some(c) => match key {
                    "technologies" => field(&c.technologies, path, Align::Center, |n| count(*n, "種類")),
                    "facilities" => {
                        field(&c.facilities, path, Align::Center, |n| format!("{}{mark}", count(*n, "施設")))
                    }
                    "patients" => field(&c.patients, path, Align::Center, |n| count(*n, "人")),
                    "insured_cost" => field(&c.insured_cost, path, Align::Center, amount),
                    "advanced_cost" => field(&c.advanced_cost, path, Align::Center, amount),
                    "total_cost" => field(&c.total_cost, path, Align::Center, amount),
                    _ => field(&c.advanced_ratio, path, Align::Center, |d| share_p1(*d)),
                },
            };
            cells.push(cell);
        }
        out.push(Row { cells, total: false });
    }
    let (rounding, rounded) = match report.meta.rounding {
        crate::model::Rounding::HalfUp => ("四捨五入", "rounded half up"),
        crate::model::Rounding::Down => ("切り捨て", "rounded down"),
    };
    Section {
        id: "summary",
        stamp: Some("先－１－１"),
        titles: vec![page_title(report), source(report, lang, ("実績報告より", "reports"))],
        head: header(lang),
        rows: out,
        notes: vec![
            t(
                lang,
                "※１　１施設で複数の先進医療技術を実施している場合でも、１施設として計上している。",
                "※1 A facility that provides several technologies is counted once.",
            ),
            t(
                lang,
                "※２　１施設で第２項先進医療と第３項先進医療の両方を実施している場合でも、１施設として計上している。",
                "※2 A facility that provides both category A and category B technologies is counted once.",
            ),
            t(
                lang,
                format!("※３　④～⑥の費用については小数点２桁以下を{rounding}している。"),
                format!("※3 The costs ④–⑥ are {rounded} to 0.1 億円 (10 million yen)."),
            ),
        ],
        landscape: true,
    }
}

fn changes(report: &Report, lang: Lang) -> Section {
    let (before, end) = match report.meta.period.as_ref() {
        Some(p) => (p.value.0.yesterday().map(|d| day(lang, d)).unwrap_or_default(), day(lang, p.value.1)),
        None => (String::new(), String::new()),
    };
    let rows: [(String, &str); 7] = [
        (t(lang, format!("①　先進医療技術数（{before}現在）"), format!("① Technologies (on {before})")), "previous"),
        (t(lang, "②　新規承認技術数", "② Newly approved"), "approved"),
        (t(lang, "③　保険収載技術数", "③ Moved to insurance coverage"), "insured"),
        (t(lang, "④　実施取り下げ技術数", "④ Withdrawn"), "withdrawn"),
        (t(lang, "⑤　削除技術数", "⑤ Deleted"), "deleted"),
        (t(lang, format!("⑥　先進医療技術数（{end}現在）"), format!("⑥ Technologies (on {end})")), "current"),
        (t(lang, "⑦　総括報告書受理数", "⑦ Final reports accepted"), "final_reports"),
    ];
    let mut out = Vec::new();
    for (ja, key) in rows {
        let mut cells = vec![label(ja)];
        let mut any = false;
        for (i, c) in columns(&report.changes).into_iter().enumerate() {
            let path = format!("changes.{}.{key}", COLUMNS[i].0);
            let f = c.and_then(|c| match key {
                "previous" => c.previous.as_ref(),
                "approved" => c.approved.as_ref(),
                "insured" => c.insured.as_ref(),
                "withdrawn" => c.withdrawn.as_ref(),
                "deleted" => c.deleted.as_ref(),
                "current" => c.current.as_ref(),
                _ => c.final_reports.as_ref(),
            });
            any |= f.is_some();
            cells.push(match f {
                Some(s) => value(cell(s.value, |n| count(n, "種類")), path, s.span, Align::Center),
                None => Cell { path: Some(path), ..Cell::default() },
            });
        }
        // ⑦ is printed only when the draft has it.
        if key != "final_reports" || any {
            out.push(Row { cells, total: false });
        }
    }
    Section {
        id: "changes",
        stamp: None,
        titles: vec![page_title(report), source(report, lang, ("実績報告等より", "reports and others"))],
        head: header(lang),
        rows: out,
        notes: Vec::new(),
        landscape: true,
    }
}

fn history(report: &Report, lang: Lang) -> Section {
    let mut rows = Vec::new();
    for (i, r) in report.history.iter().enumerate() {
        let p = |key: &str| format!("history.{i}.{key}");
        let first = match &r.period {
            Some(s) => {
                let (start, end) = s.value;
                let months = r.months.as_ref().map_or(12, |m| m.value);
                let short = places::short_period((start, end));
                let text = t(
                    lang,
                    format!("{}時点で実施されていた先進医療の実績\n{short}\n（{months}ヵ月）", date_text(end)),
                    format!("Technologies in use on {end}\n{short}\n({months} months)"),
                );
                value(text, p("period"), s.span, Align::Left)
            }
            None => Cell { path: Some(p("period")), align: Align::Left, ..Cell::default() },
        };
        rows.push(Row {
            cells: vec![
                first,
                field(&r.technologies, p("technologies"), Align::Right, |n| n.to_string()),
                field(&r.facilities, p("facilities"), Align::Right, |n| format!("{}施設", grouped(*n))),
                field(&r.patients, p("patients"), Align::Right, |n| format!("{}人", grouped(*n))),
                field(&r.total_cost, p("total_cost"), Align::Right, amount),
                field(&r.insured_cost, p("insured_cost"), Align::Right, amount),
                field(&r.advanced_cost, p("advanced_cost"), Align::Right, amount),
                field(&r.advanced_ratio, p("advanced_ratio"), Align::Right, |d| format!("{d}%")),
            ],
            total: false,
        });
    }
    Section {
        id: "history",
        stamp: None,
        titles: vec![t(lang, "＜　過去５年間の実績　＞", "< The last five years >")],
        head: [
            ("実績報告\n対象期間", "Reporting period"),
            ("技術数", "Technologies"),
            ("実施医療\n機関数", "Facilities"),
            ("全患者数", "Patients"),
            ("総金額", "Total amount"),
            ("保険外併用療養\n費の総額\n(保険診療分)", "Insured portion"),
            ("先進医療及び\n旧高度先進医\n療の総額", "Advanced and former\nhighly advanced care"),
            ("全医療費のうち先進\n医療及び旧高度先\n進医療分の割合", "Their share\nof all costs"),
        ]
        .map(|(ja, en)| t(lang, ja, en))
        .to_vec(),
        rows,
        notes: Vec::new(),
        landscape: true,
    }
}

fn costs(report: &Report, part: Part, table: &CostTable, lang: Lang) -> Section {
    let x = part.key();
    let end = report.meta.period.as_ref().map(|p| day(lang, p.value.1)).unwrap_or_default();
    let mut rows = Vec::new();
    for (i, r) in table.rows.iter().enumerate() {
        let p = |key: &str| format!("costs.{x}.rows.{i}.{key}");
        rows.push(Row {
            cells: vec![
                field(&r.serial, p("serial"), Align::Center, |n| typeset(&n.to_string())),
                field(&r.notice, p("notice"), Align::Center, |n| typeset(&n.to_string())),
                field(&r.name, p("name"), Align::Left, String::clone),
                field(&r.effective, p("effective"), Align::Center, |d| date_abbrev(*d)),
                field(&r.total_yen, p("total_yen"), Align::Right, |c| cell(*c, grouped)),
                field(&r.advanced_yen, p("advanced_yen"), Align::Right, |c| cell(*c, grouped)),
                field(&r.avg_stay_days, p("avg_stay_days"), Align::Right, |c| cell(*c, |d| d.to_string())),
                field(&r.cases, p("cases"), Align::Right, |c| cell(*c, grouped)),
                field(&r.facilities, p("facilities"), Align::Right, |c| cell(*c, grouped)),
            ],
            total: false,
        });
    }
    if let Some(total) = &table.total {
        let p = |key: &str| format!("costs.{x}.total.{key}");
        rows.push(Row {
            cells: vec![
                Cell { text: t(lang, "合　　　　　　計", "Total"), colspan: 4, head: true, ..Cell::default() },
                field(&total.total_yen, p("total_yen"), Align::Right, |n| grouped(*n)),
                field(&total.advanced_yen, p("advanced_yen"), Align::Right, |n| grouped(*n)),
                Cell::default(),
                field(&total.cases, p("cases"), Align::Right, |n| grouped(*n)),
                field(&total.facilities, p("facilities"), Align::Right, |n| grouped(*n)),
            ],
            total: true,
        });
    }
    let (id, stamp) = match part {
        Part::A => ("costs-A", "先－１－１（参考資料１）"),
        Part::B => ("costs-B", "先－１－１（参考資料２）"),
    };
    Section {
        id,
        stamp: Some(stamp),
        titles: vec![
            bracket(part, lang),
            t(lang, format!("{end}時点における先進医療に係る費用"), format!("Costs of advanced medical care on {end}")),
            t(
                lang,
                format!("{}実績報告（{}）", fiscal(report), period_text(report, lang)),
                format!("{} report ({})", fiscal(report), period_text(report, lang)),
            ),
        ],
        head: [
            ("整理\n番号", "No."),
            ("告示\n番号", "Notice\nNo."),
            ("技術名", "Technology"),
            ("適用年月日", "Effective\nfrom"),
            ("総合計\n（円）", "Total\n(yen)"),
            ("先進医療総額\n（円）", "Advanced care\n(yen)"),
            ("平均\n入院期間\n（日）", "Average\nstay\n(days)"),
            ("年間\n実施件数\n（件）", "Cases\nin the year"),
            ("実施\n医療機関数\n（機関数）", "Facilities"),
        ]
        .map(|(ja, en)| t(lang, ja, en))
        .to_vec(),
        rows,
        notes: vec![t(lang, "※入院例なし", "※ No inpatient cases")],
        landscape: false,
    }
}

/// 「【先進医療Ａ】」 above a part's tables.
fn bracket(part: Part, lang: Lang) -> String {
    match part {
        Part::A => t(lang, "【先進医療Ａ】", "[Category A (先進医療Ａ)]"),
        Part::B => t(lang, "【先進医療Ｂ】", "[Category B (先進医療Ｂ)]"),
    }
}

fn zero_cases(report: &Report, part: Part, cases: &[ZeroCase], lang: Lang) -> Section {
    let x = part.key();
    let mut rows = Vec::new();
    let mut dash = false;
    for (k, z) in cases.iter().enumerate() {
        let p = |key: &str| format!("zero_cases.{x}.{k}.{key}");
        let span = z.facilities.len().max(1);
        dash |= z.prior_cases.as_ref().is_some_and(|c| c.value == crate::model::value::Cell::Dash);
        let mut lead = vec![
            field(&z.notice, p("notice"), Align::Center, |n| typeset(&n.to_string())),
            field(&z.name, p("name"), Align::Left, String::clone),
        ];
        for c in &mut lead {
            c.rowspan = span;
        }
        let mut prior = field(&z.prior_cases, p("prior_cases"), Align::Center, |c| cell(*c, |n| format!("{n}件")));
        prior.rowspan = span;
        if z.facilities.is_empty() {
            let mut cells = lead;
            cells.extend([Cell::default(), Cell::default(), Cell::default(), prior]);
            rows.push(Row { cells, total: false });
            continue;
        }
        let mut lead = Some((lead, prior));
        for (j, f) in z.facilities.iter().enumerate() {
            let q = |key: &str| format!("zero_cases.{x}.{k}.facilities.{j}.{key}");
            let mut cells = Vec::new();
            let first = lead.take();
            let prior = first.map(|(l, prior)| {
                cells.extend(l);
                prior
            });
            cells.push(field(&f.name, q("name"), Align::Left, String::clone));
            cells.push(field(&f.reason, q("reason"), Align::Left, String::clone));
            cells.push(field(&f.plan, q("plan"), Align::Left, String::clone));
            cells.extend(prior);
            rows.push(Row { cells, total: false });
        }
    }
    // The year before the report's, in months: 「令和４年７月～令和５年６月」.
    let prior = report
        .meta
        .period
        .as_ref()
        .map(|p| {
            let (start, end) = ReportYear::of_end(p.value.1).before(1).period();
            let ym = |d: jiff::civil::Date| format!("{:04}-{:02}", d.year(), d.month());
            t(lang, typeset(&places::prior_months(p.value.1)), format!("{} to {}", ym(start), ym(end)))
        })
        .unwrap_or_default();
    let (facility, id, stamp) = match part {
        Part::A => (t(lang, "実施医療機関名", "Facility"), "zero-A", Some("先－１－２")),
        Part::B => (t(lang, "申請医療機関名", "Applying facility"), "zero-B", None),
    };
    Section {
        id,
        stamp,
        titles: vec![
            bracket(part, lang),
            t(
                lang,
                format!("１年間（{}）の実施件数が", period_text(report, lang)),
                format!("Technologies with no case in the year ({})", period_text(report, lang)),
            ),
            t(lang, "０件である先進医療技術に係る医療機関の今後の対応方針等", "and their facilities' plans"),
        ],
        head: vec![
            t(lang, "告示\n番号", "Notice\nNo."),
            t(lang, "技術名", "Technology"),
            facility,
            t(lang, "０件の理由", "Why no case"),
            t(lang, "医療機関の今後の対応方針", "The facility's plan"),
            t(
                lang,
                format!("（参考）\n{prior}までの実績\n（実施可能であるすべての医療機関の実績）※"),
                format!("(Reference)\ncases from {prior}\n(all facilities able to provide it) ※"),
            ),
        ],
        rows,
        notes: if dash {
            vec![t(lang, "※「-」は集計対象期間において未実施の医療技術", "※ 「-」: not provided in the period counted")]
        } else {
            Vec::new()
        },
        landscape: true,
    }
}
