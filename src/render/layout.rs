//! The published report's layout as plain data (`shared/design/report-layout.md` §3–§7): sections, tables and
//! cells, each figure with its place in the draft (`data-path`) and the span it was read from. No HTML here.

use super::printed::{cell, count, date_abbrev, date_text, grouped, share_p1, typeset};
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

fn amount(a: &Amount) -> String {
    a.to_string()
}

const COLUMNS: [(&str, &str); 3] = [("A", "先進医療Ａ"), ("B", "先進医療Ｂ"), ("total", "計")];

fn columns<T>(c: &Columns<T>) -> [Option<&T>; 3] {
    [c.a.as_ref(), c.b.as_ref(), c.total.as_ref()]
}

/// The period as the subtitles print it: 「令和５年７月１日～令和６年６月30日」 (the messages' wording, typeset).
fn period_text(report: &Report) -> Option<String> {
    Some(typeset(&places::period(report.meta.period.as_ref()?.value)))
}

fn fiscal(report: &Report) -> String {
    report.meta.fiscal_year.as_ref().map(|f| typeset(&f.value)).unwrap_or_default()
}

/// The report's own pages, in Japanese as published (the page around them speaks the user's language).
pub fn sections(report: &Report) -> Vec<Section> {
    let mut out = vec![summary(report), changes(report), history(report)];
    for part in Part::BOTH {
        if let Some(table) = report.costs.get(part) {
            out.push(costs(report, part, table));
        }
    }
    for part in Part::BOTH {
        if let Some(cases) = report.zero_cases.get(part) {
            out.push(zero_cases(report, part, cases));
        }
    }
    out
}

fn page_title(report: &Report) -> String {
    report.meta.title.as_ref().map_or_else(|| "先進医療の実績報告について".to_owned(), |t| t.value.clone())
}

fn header() -> Vec<String> {
    let mut h = vec![String::new()];
    h.extend(COLUMNS.iter().map(|(_, ja)| (*ja).to_owned()));
    h
}

fn summary(report: &Report) -> Section {
    let end = report.meta.period.as_ref().map(|p| date_text(p.value.1)).unwrap_or_default();
    let rows: [(String, &str); 7] = [
        (format!("①　先進医療技術数（{end}現在）"), "technologies"),
        (format!("②　実施医療機関数（{end}現在）"), "facilities"),
        ("③　全患者数".into(), "patients"),
        ("④　保険外併用療養費の総額（保険診療分）".into(), "insured_cost"),
        ("⑤　先進医療費用の総額".into(), "advanced_cost"),
        ("⑥　総金額（④＋⑤）".into(), "total_cost"),
        ("⑦　全医療費のうち先進医療分の割合（⑤/⑥）".into(), "advanced_ratio"),
    ];
    let mut out = Vec::new();
    for (ja, key) in rows {
        let mut cells = vec![label(ja)];
        for (i, c) in columns(&report.summary).into_iter().enumerate() {
            let (col, _) = COLUMNS[i];
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
    let rounding = match report.meta.rounding {
        crate::model::Rounding::HalfUp => "四捨五入",
        crate::model::Rounding::Down => "切り捨て",
    };
    Section {
        id: "summary",
        stamp: Some("先－１－１"),
        titles: vec![
            page_title(report),
            format!("{}（{}）実績報告より", fiscal(report), period_text(report).unwrap_or_default()),
        ],
        head: header(),
        rows: out,
        notes: vec![
            "※１　１施設で複数の先進医療技術を実施している場合でも、１施設として計上している。".into(),
            "※２　１施設で第２項先進医療と第３項先進医療の両方を実施している場合でも、１施設として計上している。"
                .into(),
            format!("※３　④～⑥の費用については小数点２桁以下を{rounding}している。"),
        ],
        landscape: true,
    }
}

fn changes(report: &Report) -> Section {
    let (before, end) = match report.meta.period.as_ref() {
        Some(p) => (p.value.0.yesterday().map(date_text).unwrap_or_default(), date_text(p.value.1)),
        None => (String::new(), String::new()),
    };
    let rows: [(String, &str); 7] = [
        (format!("①　先進医療技術数（{before}現在）"), "previous"),
        ("②　新規承認技術数".into(), "approved"),
        ("③　保険収載技術数".into(), "insured"),
        ("④　実施取り下げ技術数".into(), "withdrawn"),
        ("⑤　削除技術数".into(), "deleted"),
        (format!("⑥　先進医療技術数（{end}現在）"), "current"),
        ("⑦　総括報告書受理数".into(), "final_reports"),
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
        titles: vec![
            page_title(report),
            format!("{}（{}）実績報告等より", fiscal(report), period_text(report).unwrap_or_default()),
        ],
        head: header(),
        rows: out,
        notes: Vec::new(),
        landscape: true,
    }
}

fn history(report: &Report) -> Section {
    let mut rows = Vec::new();
    for (i, r) in report.history.iter().enumerate() {
        let p = |key: &str| format!("history.{i}.{key}");
        let first = match &r.period {
            Some(s) => {
                let (start, end) = s.value;
                let months = r.months.as_ref().map_or(12, |m| m.value);
                let text = format!(
                    "{}時点で実施されていた先進医療の実績\n{}\n（{months}ヵ月）",
                    date_text(end),
                    places::short_period((start, end))
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
        titles: vec!["＜　過去５年間の実績　＞".into()],
        head: [
            "実績報告\n対象期間",
            "技術数",
            "実施医療\n機関数",
            "全患者数",
            "総金額",
            "保険外併用療養\n費の総額\n(保険診療分)",
            "先進医療及び\n旧高度先進医\n療の総額",
            "全医療費のうち先進\n医療及び旧高度先\n進医療分の割合",
        ]
        .map(String::from)
        .to_vec(),
        rows,
        notes: Vec::new(),
        landscape: true,
    }
}

fn part_key(part: Part) -> &'static str {
    match part {
        Part::A => "A",
        Part::B => "B",
    }
}

fn costs(report: &Report, part: Part, table: &CostTable) -> Section {
    let x = part_key(part);
    let end = report.meta.period.as_ref().map(|p| date_text(p.value.1)).unwrap_or_default();
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
    if let Some(t) = &table.total {
        let p = |key: &str| format!("costs.{x}.total.{key}");
        rows.push(Row {
            cells: vec![
                Cell { text: "合　　　　　　計".into(), colspan: 4, head: true, ..Cell::default() },
                field(&t.total_yen, p("total_yen"), Align::Right, |n| grouped(*n)),
                field(&t.advanced_yen, p("advanced_yen"), Align::Right, |n| grouped(*n)),
                Cell::default(),
                field(&t.cases, p("cases"), Align::Right, |n| grouped(*n)),
                field(&t.facilities, p("facilities"), Align::Right, |n| grouped(*n)),
            ],
            total: true,
        });
    }
    let (id, stamp, bracket) = match part {
        Part::A => ("costs-A", "先－１－１（参考資料１）", "【先進医療Ａ】"),
        Part::B => ("costs-B", "先－１－１（参考資料２）", "【先進医療Ｂ】"),
    };
    Section {
        id,
        stamp: Some(stamp),
        titles: vec![
            bracket.into(),
            format!("{end}時点における先進医療に係る費用"),
            format!("{}実績報告（{}）", fiscal(report), period_text(report).unwrap_or_default()),
        ],
        head: [
            "整理\n番号",
            "告示\n番号",
            "技術名",
            "適用年月日",
            "総合計\n（円）",
            "先進医療総額\n（円）",
            "平均\n入院期間\n（日）",
            "年間\n実施件数\n（件）",
            "実施\n医療機関数\n（機関数）",
        ]
        .map(String::from)
        .to_vec(),
        rows,
        notes: vec!["※入院例なし".into()],
        landscape: false,
    }
}

fn zero_cases(report: &Report, part: Part, cases: &[ZeroCase]) -> Section {
    let x = part_key(part);
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
            let month = |d: jiff::civil::Date| {
                let t = date_text(d);
                t.split_once('月').map_or(t.clone(), |(ym, _)| format!("{ym}月"))
            };
            format!("{}～{}", month(start), month(end))
        })
        .unwrap_or_default();
    let (bracket, facility, id, stamp) = match part {
        Part::A => ("【先進医療Ａ】", "実施医療機関名", "zero-A", Some("先－１－２")),
        Part::B => ("【先進医療Ｂ】", "申請医療機関名", "zero-B", None),
    };
    Section {
        id,
        stamp,
        titles: vec![
            bracket.into(),
            format!("１年間（{}）の実施件数が", period_text(report).unwrap_or_default()),
            "０件である先進医療技術に係る医療機関の今後の対応方針等".into(),
        ],
        head: vec![
            "告示\n番号".into(),
            "技術名".into(),
            facility.into(),
            "０件の理由".into(),
            "医療機関の今後の対応方針".into(),
            format!("（参考）\n{prior}までの実績\n（実施可能であるすべての医療機関の実績）※"),
        ],
        rows,
        notes: if dash {
            vec!["※「-」は集計対象期間において未実施の医療技術".into()]
        } else {
            Vec::new()
        },
        landscape: true,
    }
}
