//! `senshin-lint new`: a blank draft to start from. Every item of the format is written out (from the one list
//! of the format's items, `model::fields`) with a Japanese comment naming the figure as the report prints it;
//! the period and the five years of history are filled in from the year; every other cell reads `未記入`,
//! which the checks leave out and `unfilled` counts part by part.

use super::carry;
use crate::diagnostics::Lang;
use crate::model::PLACEHOLDER;
use crate::model::fields::{self, Field};
use crate::model::places::{period, short_period};
use crate::model::read::ReportYear;
use crate::previous::absolute;
use crate::text::Message;
use jiff::civil::Date;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Writes one line: `key: value` at `indent`, with its comment aligned.
fn line(out: &mut String, indent: usize, key: &str, value: &str, comment: &str) {
    let text = format!("{}{key}:{}{value}", " ".repeat(indent), if value.is_empty() { "" } else { " " });
    // Aligned as a terminal or an editor shows it: a kanji takes two columns.
    let pad = 40usize.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str())).max(1);
    if comment.is_empty() {
        out.push_str(text.trim_end());
    } else {
        out.push_str(&format!("{text}{}# {comment}", " ".repeat(pad)));
    }
    out.push('\n');
}

/// The items of `list`, each `未記入` unless `value` gives it.
fn items(out: &mut String, indent: usize, list: &[Field], value: impl Fn(&Field) -> Option<String>) {
    for f in list {
        let v = value(f).unwrap_or_else(|| PLACEHOLDER.to_owned());
        line(out, indent, f.key, &v, &f.ja.replace(' ', ""));
    }
}

/// What next year's draft carries over from last year's (`new --from`); the blank draft carries nothing.
#[derive(Default)]
pub struct Carried {
    /// `report.previous`: last year's draft from the new draft's folder.
    pub previous: Option<String>,
    pub rounding: Option<String>,
    /// 技術数の推移's ① per column (A, B, 計): last year's ⑥.
    pub changes_previous: [Option<String>; 3],
    /// The five history rows, oldest first: each item's value by key (the period is always written).
    pub history: Vec<Vec<(&'static str, String)>>,
    /// The cost rows of A and B: each item's value by key (整理番号, 告示番号, 技術名, 適用年月日).
    pub rows: [Vec<Vec<(&'static str, String)>>; 2],
    /// The zero-case lists start empty (`[]`).
    pub no_zero_cases: bool,
}

/// The blank draft of `year`.
pub fn blank(year: ReportYear) -> String {
    draft(year, &Carried::default())
}

/// The draft of `year`, every item written out, with what `carried` gives and `未記入` elsewhere.
pub fn draft(year: ReportYear, carried: &Carried) -> String {
    let (start, end) = year.period();
    let mut o = String::new();
    o.push_str(&format!("# 先進医療の実績報告 {}（{}） の下書き\n", year.name(), period((start, end))));
    if carried.previous.is_some() {
        o.push_str(
            "# 前年度の報告から写せる欄（技術数の推移の①、過去５年間の実績、参考資料の技術）は写してあります。\n",
        );
    }
    o.push_str("# 「未記入」の欄を報告書の数値で埋めてください。検査：senshin-lint check このファイル\n");
    o.push_str(
        "# 数値は半角で書きます（1,271 のような3桁ごとの「,」は使えます）。該当なしは \"-\"、入院例なしは \"※\"。\n\n",
    );
    line(&mut o, 0, "report", "", "報告書");
    // `previous` names last year's draft: only a draft begun from it has one.
    let report: Vec<Field> =
        fields::REPORT.iter().filter(|f| f.key != "previous" || carried.previous.is_some()).copied().collect();
    items(&mut o, 2, &report, |f| match f.key {
        "title" => Some("先進医療の実績報告について".into()),
        "fiscal_year" => Some(year.name()),
        "period" => Some(period((start, end))),
        "rounding" => Some(carried.rounding.clone().unwrap_or_else(|| "四捨五入".into())),
        "previous" => carried.previous.clone(),
        _ => None,
    });
    o.push('\n');
    line(&mut o, 0, "summary", "", "先－１－１ 実績の概要（※３ 金額は小数第2位を四捨五入）");
    for c in fields::COLUMNS {
        line(&mut o, 2, c.key, "", c.ja);
        items(&mut o, 4, fields::SUMMARY, |_| None);
    }
    o.push('\n');
    line(&mut o, 0, "changes", "", "技術数の推移（該当なしは \"-\"）");
    for (i, c) in fields::COLUMNS.iter().enumerate() {
        line(&mut o, 2, c.key, "", c.ja);
        items(&mut o, 4, fields::CHANGES, |f| {
            (f.key == "previous").then(|| carried.changes_previous[i].clone()).flatten()
        });
    }
    o.push('\n');
    line(&mut o, 0, "history", "", "過去５年間の実績（古い年度から。最後の行が今年度）");
    for back in (0..5).rev() {
        let p = year.before(back).period();
        let row = carried.history.get(4 - back as usize);
        let given = |key: &str| row.and_then(|r| r.iter().find(|(k, _)| *k == key)).map(|(_, v)| v.clone());
        o.push_str(&format!("  - period: {}\n", short_period(p)));
        items(&mut o, 4, &fields::HISTORY[1..], |f| given(f.key).or_else(|| (f.key == "months").then(|| "12".into())));
    }
    o.push('\n');
    line(
        &mut o,
        0,
        "costs",
        "",
        "参考資料１（先進医療Ａ）・参考資料２（先進医療Ｂ）。\"-\" は未実施、\"※\" は入院例なし",
    );
    for (i, (part, name)) in [("A", "参考資料１ 先進医療Ａ"), ("B", "参考資料２ 先進医療Ｂ")].into_iter().enumerate()
    {
        line(&mut o, 2, part, "", name);
        let rows = &carried.rows[i];
        let hint = if rows.is_empty() {
            "技術ごとに1行。例の行を書き換え、技術の数だけ複写してください"
        } else {
            "前年度の報告の技術を写してあります。今年度の技術に合わせて行を加え・消し、数値を埋めてください"
        };
        line(&mut o, 4, "rows", "", hint);
        let example = vec![("serial", "1".to_owned())];
        for (r, row) in
            if rows.is_empty() { std::slice::from_ref(&example) } else { rows.as_slice() }.iter().enumerate()
        {
            let mut first = true;
            for f in fields::COST_ROW {
                let v =
                    row.iter().find(|(k, _)| *k == f.key).map_or_else(|| PLACEHOLDER.to_owned(), |(_, v)| v.clone());
                let indent = if first { 6 } else { 8 };
                let key = if first { format!("- {}", f.key) } else { f.key.to_owned() };
                // The first row explains each item; the rest are the same items.
                let comment = if r > 0 {
                    String::new()
                } else {
                    f.ja.replace(' ', "")
                        + if f.key == "notice" { "（枝番は \"10(1)\" のように）" } else { "" }
                };
                line(&mut o, indent, &key, &v, &comment);
                first = false;
            }
        }
        line(&mut o, 4, "total", "", "合計");
        items(&mut o, 6, fields::COST_TOTAL, |_| None);
    }
    o.push('\n');
    line(&mut o, 0, "zero_cases", "", "先－１－２ 実施件数が０件である技術。０件の技術がなければ例の欄を消して []");
    for (part, name) in [("A", "【先進医療Ａ】"), ("B", "【先進医療Ｂ】")] {
        if carried.no_zero_cases {
            line(
                &mut o,
                2,
                part,
                "[]",
                &format!("{name} ０件の技術ごとに告示番号・技術名・（参考）前年度の実績・医療機関を書きます"),
            );
            continue;
        }
        line(&mut o, 2, part, "", name);
        let mut first = true;
        for f in fields::ZERO_CASE {
            let key = if first { format!("- {}", f.key) } else { f.key.to_owned() };
            let (indent, value) =
                if f.key == "facilities" { (6, "") } else { (if first { 4 } else { 6 }, PLACEHOLDER) };
            let comment = match f.key {
                "prior_cases" => "（参考）前年度の実績（前年度に実施できなかった技術は \"-\"）".to_owned(),
                "facilities" => "医療機関ごとに3行".to_owned(),
                _ => f.ja.replace(' ', ""),
            };
            line(&mut o, indent, &key, value, &comment);
            first = false;
        }
        let mut first = true;
        for f in fields::ZERO_FACILITY {
            let key = if first { format!("- {}", f.key) } else { f.key.to_owned() };
            line(&mut o, if first { 8 } else { 10 }, &key, PLACEHOLDER, &f.ja.replace(' ', ""));
            first = false;
        }
    }
    o
}

/// Today's date in Japan (UTC+9, no summer time), where the report's year turns.
fn today_in_japan() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from((secs + 9 * 3600) / 86_400).unwrap_or(0);
    Date::constant(1970, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap_or(Date::constant(2024, 7, 1))
}

/// Next year's draft begun from last year's, `from`, to be written at `path`.
fn from_last(from: &Path, path: &Path) -> Result<(ReportYear, String), Message> {
    // Read as `check` reads last year's draft, under last year's own configuration (a rounding set there
    // changes last year's computed row).
    let config = super::configs::Configs::new(None).ok().and_then(|c| c.for_path(from));
    let last = crate::previous::read(from, super::paths::shown(from), super::settings(config.as_deref()))?;
    let folder = match path {
        p if p == Path::new("-") => std::env::current_dir().unwrap_or_default(),
        p => absolute(p).parent().map(Path::to_owned).unwrap_or_default(),
    };
    let (year, carried) = carry::carried(&last, carry::relative(&folder, &absolute(from)))?;
    Ok((year, draft(year, &carried)))
}

/// `senshin-lint new`: writes the blank draft (or, `--from`, next year's draft begun from last year's) to
/// `path` (or standard output for `-`), never over a file.
pub fn new(path: &Path, year: Option<&str>, from: Option<&Path>, lang: Lang) -> ExitCode {
    let fail = |m: Message| super::fail(&m, lang);
    let (year, text) = match (from, year.map(ReportYear::parse)) {
        (_, Some(Err(m))) => return fail(m),
        (Some(from), asked) => match from_last(from, path) {
            Ok((y, _)) if asked.as_ref().is_some_and(|a| a.as_ref().ok() != Some(&y)) => {
                return fail(Message::new(
                    format!("前年度の報告の下書きから始める下書きは{}のものです。--year を外してください。", y.name()),
                    format!("a draft begun from last year's is for {}: leave out --year.", y.name()),
                ));
            }
            Ok(made) => made,
            Err(m) => return fail(m),
        },
        (None, Some(Ok(y))) => (y, blank(y)),
        (None, None) => {
            let y = ReportYear::latest(today_in_japan());
            (y, blank(y))
        }
    };
    if path == Path::new("-") {
        let _ = std::io::stdout().write_all(text.as_bytes());
        return ExitCode::SUCCESS;
    }
    let shown = path.display();
    // Next year's folder may not exist yet (`new r7/report.yaml --from r6/report.yaml`).
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(folder);
    }
    // `create_new` refuses an existing file: a draft in progress is never overwritten.
    let written = std::fs::OpenOptions::new().write(true).create_new(true).open(path).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    let (start, end) = year.period();
    let m = match written {
        Ok(()) => Message::new(
            format!(
                "{shown} を作りました（{}、{}）。「{PLACEHOLDER}」の欄を埋めながら、senshin-lint check {shown} で検査してください。",
                year.name(),
                period((start, end))
            ),
            format!(
                "wrote {shown} ({}, {}). Fill in the cells marked {PLACEHOLDER}, and check it with senshin-lint check {shown}.",
                year.name(),
                period((start, end))
            ),
        ),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let m = Message::new(
                format!(
                    "{shown} はすでにあります。書きかけの下書きを上書きしないよう、別のファイル名を指定してください。"
                ),
                format!("{shown} already exists: name another file, so that no draft is overwritten."),
            );
            return fail(m);
        }
        Err(e) => {
            let m = Message::new(
                format!("{shown} に書き込めません（{e}）。保存場所と書き込みの権限を確かめてください。"),
                format!("cannot write {shown} ({e}): check the folder and your permission to write there."),
            );
            return fail(m);
        }
    };
    super::say(&m, lang);
    ExitCode::SUCCESS
}
