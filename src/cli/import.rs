//! `senshin-lint import FILE --into DRAFT --table A|B [--sheet NAME] [--diff]`: a cost table read from a
//! workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`, by calamine) or from a CSV or tab-separated file (UTF-8 with or
//! without a BOM, or CP932 as Excel writes 「CSV (コンマ区切り)」 on a Japanese Windows) and written into the
//! draft in place of that table, as one edit; the rest of the draft, its encoding and line breaks stay byte for
//! byte. A cell that cannot be read is named with its sheet and cell, every one at once, and then nothing is
//! written.

use super::fixing::diff;
use super::paths::typed;
use super::write::{WriteError, replace};
use crate::diagnostics::{Lang, Message, Severity, count_of};
use crate::import::{Bad, Cell, Grid, Table, import};
use crate::read::{self, Contents};
use crate::text::{decode, splice};
use std::path::Path;
use std::process::ExitCode;

fn fail(m: &Message, lang: Lang) -> ExitCode {
    eprintln!("senshin-lint: {}", m.get(lang));
    ExitCode::from(2)
}

/// A file's bytes, or why not, in words naming it.
fn bytes_of(path: &Path) -> Result<Vec<u8>, Message> {
    let shown = typed(path);
    match read::file(path) {
        Ok(Contents::Bytes(b)) => Ok(b),
        Ok(Contents::TooLarge(size)) => Err(crate::too_large(size)),
        Err(e) => Err(Message::new(
            format!("{shown}：{}", e.get(Lang::Ja)),
            format!("cannot read {shown}: {}", e.get(Lang::En)),
        )),
    }
}

/// A CSV or tab-separated file as a sheet named after the file. Tabs separate when the name ends in `.tsv` or
/// `.txt`, or when the first line has tabs and no commas (text pasted from a spreadsheet).
fn csv_grid(path: &Path, bytes: &[u8]) -> Result<Grid, Message> {
    let shown = typed(path);
    let text = decode(bytes).map_err(|_| {
        Message::new(
            format!("{shown} の文字コードが読み取れません。UTF-8 か Shift_JIS（CP932）で保存してください。"),
            format!("{shown}: not UTF-8 or Shift_JIS (CP932); save it in one of them"),
        )
    })?;
    let text = text.text;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let first = text.lines().next().unwrap_or_default();
    let tabs = ext == "tsv" || ext == "txt" || (first.contains('\t') && !first.contains(','));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tabs { b'\t' } else { b',' })
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let before = reader.position().byte() as usize;
        let more = reader.read_record(&mut record).map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            Message::new(
                format!("{shown} の{line}行目が CSV として読めません（{e}）。"),
                format!("{shown}, line {line}: not CSV ({e})"),
            )
        })?;
        if !more {
            break;
        }
        // The reader skips blank lines; a spreadsheet shows each as an empty row, and positions count them.
        let blank = blank_lines(text.as_bytes(), before);
        rows.extend(std::iter::repeat_n(Vec::new(), blank));
        rows.push(record.iter().map(|f| if f.is_empty() { Cell::Empty } else { Cell::Text(f.to_owned()) }).collect());
    }
    let sheet = path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    Ok(Grid { sheet, rows })
}

/// How many blank lines the CSV reader skipped from `at`, where the last record's reading stopped: after its
/// line break, or (CRLF) between the `\r` and the `\n`.
fn blank_lines(text: &[u8], at: usize) -> usize {
    let run = text[at..].iter().take_while(|&&b| b == b'\r' || b == b'\n');
    let breaks = run.filter(|&&b| b == b'\n').count();
    let mid_crlf = at > 0 && text[at - 1] == b'\r';
    breaks - usize::from(mid_crlf && breaks > 0)
}

/// Whether the file is a workbook (by its name; a CSV file is text under any name).
fn is_workbook(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods")
}

/// A workbook cell as plain data: numbers as the exact decimal text of the number held, dates as dates.
fn workbook_cell(d: &calamine::Data) -> Cell {
    use calamine::Data;
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(i.to_string()),
        // The shortest text that reads back as the same number: 2794008117, 14.7.
        Data::Float(f) => Cell::Number(f.to_string()),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match jiff::civil::Date::new(y as i16, m as i8, d as i8) {
                Ok(date) => Cell::Date(date),
                Err(_) => Cell::Text(dt.as_f64().to_string()),
            }
        }
        Data::DateTime(dt) => Cell::Text(dt.as_f64().to_string()),
        // OpenDocument dates: `2001-07-01` (a time after `T` is not the report's).
        Data::DateTimeIso(s) => Cell::Text(s.split('T').next().unwrap_or(s).to_owned()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
}

/// Every sheet of a workbook, or why it cannot be opened.
fn workbook_grids(path: &Path) -> Result<Vec<Grid>, Message> {
    use calamine::Reader;
    let shown = typed(path);
    let cannot = |e: &dyn std::fmt::Display| {
        Message::new(
            format!(
                "{shown} を表計算のファイルとして開けません（{e}）。壊れていないか、パスワードが掛かっていないかを確かめ、掛かっていれば外して保存し直してください。"
            ),
            format!(
                "cannot open {shown} as a workbook ({e}): check that it is not damaged or protected by a password; if it is, save it without one"
            ),
        )
    };
    let mut book = calamine::open_workbook_auto(path).map_err(|e| cannot(&e))?;
    let mut grids = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| cannot(&e))?;
        let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left];
            cells.extend(row.iter().map(workbook_cell));
            rows.push(cells);
        }
        grids.push(Grid { sheet: name, rows });
    }
    Ok(grids)
}

/// The sheet to read: the one named, or the first with a header row of a table.
fn sheet_of(path: &Path, sheet: Option<&str>) -> Result<Grid, Message> {
    let shown = typed(path);
    let grids =
        if is_workbook(path) { workbook_grids(path)? } else { vec![bytes_of(path).and_then(|b| csv_grid(path, &b))?] };
    let names = || grids.iter().map(|g| format!("「{}」", g.sheet)).collect::<Vec<_>>().join("");
    match sheet {
        Some(want) => grids.iter().find(|g| g.sheet == want).cloned().ok_or_else(|| {
            Message::new(
                format!("{shown} にシート「{want}」がありません。あるのは{}です。", names()),
                format!("{shown} has no sheet {want}; it has {}", names()),
            )
        }),
        None => match grids.iter().find(|g| crate::import::has_header(g)) {
            Some(g) => Ok(g.clone()),
            // None has a header: the first is read, and its missing header reported with its place.
            None => grids.into_iter().next().ok_or_else(|| {
                Message::new(format!("{shown} にシートがありません。"), format!("{shown} has no sheets"))
            }),
        },
    }
}

fn said(bad: &Bad, lang: Lang) -> String {
    let text = if bad.text.is_empty() { String::new() } else { format!("「{}」", bad.text) };
    match (bad.place.is_empty(), lang) {
        (true, _) => bad.problem.get(lang).to_owned(),
        (false, Lang::Ja) => format!("{}{text}：{}", bad.place, bad.problem.ja),
        (false, Lang::En) => format!("{} {text}: {}", bad.place, bad.problem.en),
    }
}

pub fn import_table(
    sheet: &Path,
    name: Option<&str>,
    draft: &Path,
    table: &str,
    show_diff: bool,
    lang: Lang,
) -> ExitCode {
    let Some(table) = Table::from_arg(table) else {
        return fail(
            &Message::new(
                format!("表「{table}」は取り込めません。A（参考資料１）か B（参考資料２）を指定してください。"),
                format!("cannot import into table {table}: give A (参考資料１) or B (参考資料２)"),
            ),
            lang,
        );
    };
    let grid = match sheet_of(sheet, name) {
        Ok(g) => g,
        Err(m) => return fail(&m, lang),
    };
    let bytes = match bytes_of(draft) {
        Ok(b) => b,
        Err(m) => return fail(&m, lang),
    };
    let shown = typed(draft);
    let Ok(decoded) = decode(&bytes) else {
        return fail(
            &Message::new(
                format!("{shown} の文字コードが読み取れません。"),
                format!("{shown}: not in an encoding senshin-lint reads"),
            ),
            lang,
        );
    };
    let imported = match import(&decoded.text, &grid, table) {
        Ok(i) => i,
        Err(bad) => {
            let head = Message::new(
                format!(
                    "{} を {} に取り込めませんでした。次の{}か所を直してください（下書きは書き換えていません）。",
                    typed(sheet),
                    shown,
                    bad.len()
                ),
                format!(
                    "{} was not imported into {shown}; fix these {} cells (the draft is unchanged):",
                    typed(sheet),
                    bad.len()
                ),
            );
            eprintln!("senshin-lint: {}", head.get(lang));
            for b in &bad {
                eprintln!("  {}", said(b, lang));
            }
            return ExitCode::from(2);
        }
    };
    for (place, heading) in &imported.ignored {
        let m = Message::new(
            format!("{place}「{heading}」は{}の列ではないため、読み込みませんでした。", table.name().ja),
            format!("{place} \"{heading}\" is not a column of {}: not read", table.name().en),
        );
        eprintln!("senshin-lint: {}", m.get(lang));
    }
    let (span, replacement) = &imported.edit;
    let mut after = decoded.text.clone();
    after.replace_range(span.start..span.end, replacement);
    if show_diff {
        print!("{}", diff(&shown, &decoded.text, &after));
        return ExitCode::SUCCESS;
    }
    let Some(result) = splice(&bytes, &decoded, &[(*span, replacement.as_str())]) else {
        let encoding = decoded.encoding.name();
        return fail(
            &Message::new(
                format!("取り込む文字の中に {encoding} で保存できない文字があるため、{shown} を書き換えませんでした。"),
                format!("the imported text cannot be written in {encoding}: {shown} was not changed"),
            ),
            lang,
        );
    };
    if result != bytes {
        match replace(draft, &bytes, &result) {
            Ok(()) => {}
            Err(WriteError::Changed) => {
                return fail(
                    &Message::new(
                        format!(
                            "{shown} が読み込んだ後に変更されたため、書き換えませんでした。もう一度取り込んでください。"
                        ),
                        format!("{shown} changed while importing: not overwritten, import again"),
                    ),
                    lang,
                );
            }
            Err(WriteError::Io(e)) => {
                return fail(
                    &Message::new(format!("{shown} に書き込めません（{e}）。"), format!("cannot write {shown}: {e}")),
                    lang,
                );
            }
        }
    }
    // Checked as `check` would check it: under the draft's configuration.
    let configs = super::configs::Configs::new(None).ok();
    let config = configs.as_ref().and_then(|c| c.for_path(draft));
    let analysis = crate::analyze_with(&after, super::settings(config.as_deref()));
    let count = |s: Severity| analysis.diagnostics.iter().filter(|d| d.severity == s).count();
    let counted = |n: usize, one: &str, many: &str| count_of(n as i128, one, many);
    let rows = imported.rows;
    let total = if imported.total { Message::new("と合計", " and the totals row") } else { Message::new("", "") };
    let m = Message::new(
        format!(
            "{shown} の{}に{rows}行{}を取り込みました。検査するとエラー{}件、警告{}件です（詳しくは senshin-lint check {shown}）。",
            table.name().ja,
            total.ja,
            count(Severity::Error),
            count(Severity::Warning)
        ),
        format!(
            "imported {}{} into {} of {shown}; checking it finds {} and {} (senshin-lint check {shown} for details).",
            counted(rows, "row", "rows"),
            total.en,
            table.name().en,
            counted(count(Severity::Error), "error", "errors"),
            counted(count(Severity::Warning), "warning", "warnings")
        ),
    );
    println!("{}", m.get(lang));
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.csv");
        let grid = csv_grid(&path, text.as_bytes()).unwrap();
        grid.rows.iter().map(|r| r.iter().map(Cell::text).collect::<Vec<_>>().join("|")).collect()
    }

    #[test]
    fn blank_lines_are_rows_as_a_spreadsheet_shows_them() {
        assert_eq!(rows("\n\na\nb\n\nc,d\n\"x\ny\"\n\ne\n"), ["", "", "a", "b", "", "c|d", "x\ny", "", "e"]);
        assert_eq!(rows("a\r\nb\r\n\r\nc,d\r\ne\r\n"), ["a", "b", "", "c|d", "e"]);
        assert_eq!(rows("\u{feff}a,b\r\n\r\n\r\nc"), ["a|b", "", "", "c"]);
    }
}
