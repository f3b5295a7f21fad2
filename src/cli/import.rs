//! `senshin-lint import FILE --into DRAFT --table A|B [--sheet NAME] [--diff]`: a cost table read from a
//! workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`, by calamine) or from a CSV or tab-separated file (UTF-8 with or
//! without a BOM, or CP932 as Excel writes 「CSV (コンマ区切り)」 on a Japanese Windows) and written into the
//! draft in place of that table, as one edit; the rest of the draft, its encoding and line breaks stay byte for
//! byte. A cell that cannot be read is named with its sheet and cell, every one at once, and then nothing is
//! written.

use super::fail;
use super::file;
use super::fixing::diff;
use super::paths::typed;
use super::write::{WriteError, replace};
use crate::diagnostics::{Lang, Message, count_of, found, tally};
use crate::import::{Bad, Cell, Grid, Table, excel_date, import};
use crate::text::{decode, splice};
use std::path::Path;
use std::process::ExitCode;

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

/// Most cells a sheet may span (rows × columns, empty ones included): a workbook of a few kilobytes can claim a
/// sheet of a million rows by sixteen thousand columns, which would be read as that many cells.
const MAX_CELLS: u64 = 4_000_000;

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
        // A date serial read as `import` reads day numbers; one outside their range is left as the number, which
        // the date reader then refuses with its cell named. (The time of day, a fraction, is not the report's.)
        Data::DateTime(dt) if dt.is_datetime() => {
            let day = dt.as_f64().floor();
            let date = (day.abs() < 1e15).then(|| excel_date(day as i64)).flatten();
            date.map_or_else(|| Cell::Text(dt.as_f64().to_string()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Text(dt.as_f64().to_string()),
        // OpenDocument dates: `2001-07-01` (a time after `T` is not the report's).
        Data::DateTimeIso(s) => Cell::Text(s.split('T').next().unwrap_or(s).to_owned()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

type Book = calamine::Sheets<std::io::Cursor<Vec<u8>>>;

/// One sheet of a workbook as a grid; its size is asked first where the format says it without reading.
fn workbook_grid(
    book: &mut Book,
    name: &str,
    cannot: &dyn Fn(&dyn std::fmt::Display) -> Message,
) -> Result<Grid, Message> {
    use calamine::Reader;
    let too_large = |cells: u64| {
        Message::new(
            format!(
                "シート「{name}」は{cells}個の欄にわたるため、読み込みません（上限は{MAX_CELLS}個）。表のない行や列に値が残っていないか確かめてください。"
            ),
            format!(
                "sheet {name} spans {cells} cells, more than {MAX_CELLS}: check for values left far outside the table"
            ),
        )
    };
    let span = |start: (u32, u32), end: (u32, u32)| {
        u64::from(end.0.saturating_sub(start.0) + 1) * u64::from(end.1.saturating_sub(start.1) + 1)
    };
    if let calamine::Sheets::Xlsx(x) = book
        && let Ok(cells) = x.worksheet_cells_reader(name)
    {
        let d = cells.dimensions();
        let n = span(d.start, d.end);
        if n > MAX_CELLS {
            return Err(too_large(n));
        }
    }
    let range = book.worksheet_range(name).map_err(|e| cannot(&e))?;
    if let (Some(start), Some(end)) = (range.start(), range.end())
        && span(start, end) > MAX_CELLS
    {
        return Err(too_large(span(start, end)));
    }
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top];
    for row in range.rows() {
        let mut cells = vec![Cell::Empty; left];
        cells.extend(row.iter().map(workbook_cell));
        rows.push(cells);
    }
    Ok(Grid { sheet: name.to_owned(), rows })
}

/// Sheet names compared as a person reads them: 「参考資料１」 is 「参考資料1」.
fn same_sheet(a: &str, b: &str) -> bool {
    crate::model::read::normalize(a) == crate::model::read::normalize(b)
}

/// The sheet to read: the one named; else the only one with the table's header, or of several the one whose
/// name or title names the table.
fn sheet_of(path: &Path, sheet: Option<&str>, table: Table) -> Result<Grid, Message> {
    use calamine::Reader;
    let shown = typed(path);
    let bytes = file::bytes(path)?;
    if !is_workbook(path) {
        return csv_grid(path, &bytes);
    }
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
    let mut book: Book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| cannot(&e))?;
    let names = book.sheet_names();
    let listed = || names.iter().map(|n| format!("「{n}」")).collect::<String>();
    if let Some(want) = sheet {
        let Some(name) = names.iter().find(|n| same_sheet(n, want)) else {
            return Err(Message::new(
                format!("{shown} にシート「{want}」がありません。あるのは{}です。", listed()),
                format!("{shown} has no sheet {want}; it has {}", listed()),
            ));
        };
        return workbook_grid(&mut book, name, &cannot);
    }
    // One sheet at a time: only the sheets with a header are kept.
    let mut with_header = Vec::new();
    let mut first = None;
    for name in &names {
        let grid = workbook_grid(&mut book, name, &cannot)?;
        if crate::import::has_header(&grid, table) {
            with_header.push(grid);
        } else if first.is_none() {
            first = Some(grid);
        }
    }
    match with_header.len() {
        // None has a header: the first is read, and its missing header reported with its place.
        0 => first
            .ok_or_else(|| Message::new(format!("{shown} にシートがありません。"), format!("{shown} has no sheets"))),
        // The one sheet with a header, unless it names the other part's table (「０件Ｂ」 for zero-A).
        1 if crate::import::names_table(&with_header[0], table.other())
            && !crate::import::names_table(&with_header[0], table) =>
        {
            let sheet = &with_header[0].sheet;
            Err(Message::new(
                format!(
                    "{shown} の表のあるシートは「{sheet}」だけで、これは{}の表です。{}の表のあるファイルを指定するか、--sheet で読むシートを指定してください。",
                    table.other().name().ja,
                    table.name().ja
                ),
                format!(
                    "the only sheet of {shown} with a table, {sheet}, holds {}: give a file with {}, or the sheet to read with --sheet",
                    table.other().name().en,
                    table.name().en
                ),
            ))
        }
        1 => Ok(with_header.remove(0)),
        _ => {
            let mut named: Vec<Grid> =
                with_header.iter().filter(|g| crate::import::names_table(g, table)).cloned().collect();
            if named.len() == 1 {
                return Ok(named.remove(0));
            }
            let which = with_header.iter().map(|g| format!("「{}」", g.sheet)).collect::<String>();
            Err(Message::new(
                format!(
                    "{shown} には表の見出しのあるシートが複数（{which}）あります。読み込むシートを --sheet で指定してください。"
                ),
                format!(
                    "{shown} has several sheets with a table's header ({which}): give the one to read with --sheet"
                ),
            ))
        }
    }
}

fn said(bad: &Bad, lang: Lang) -> String {
    let text = if bad.text.is_empty() { String::new() } else { format!("「{}」", bad.text) };
    match (bad.place.is_empty(), lang) {
        (true, _) => bad.problem.get(lang).to_owned(),
        (false, Lang::Ja) => format!("{}{text}：{}", bad.place, bad.problem.ja),
        (false, Lang::En) => format!(
            "{}{}: {}",
            bad.place,
            if text.is_empty() { String::new() } else { format!(" {text}") },
            bad.problem.en
        ),
    }
}

pub fn import_table(
    sheet: &Path,
    name: Option<&str>,
    draft: &Path,
    table: &str,
    show_diff: bool,
    lang: Option<Lang>,
) -> ExitCode {
    // The draft's configuration: its language, and the settings the imported draft is checked under.
    let (lang, configs) = match super::for_draft(draft, None, lang) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let Some(table) = Table::from_arg(table) else {
        return fail(
            &Message::new(
                format!(
                    "表「{table}」は取り込めません。A（参考資料１）、B（参考資料２）、zero-A か zero-B（先－１－２の先進医療Ａ・Ｂ）を指定してください。"
                ),
                format!(
                    "cannot import into table {table}: give A (参考資料１), B (参考資料２), zero-A or zero-B (先－１－２, category A or B)"
                ),
            ),
            lang,
        );
    };
    let grid = match sheet_of(sheet, name, table) {
        Ok(g) => g,
        Err(m) => return fail(&m, lang),
    };
    let bytes = match file::bytes(draft) {
        Ok(b) => b,
        Err(m) => return fail(&m, lang),
    };
    let shown = typed(draft);
    let decoded = match decode(&bytes) {
        Ok(d) => d,
        Err(e) => return fail(&file::undecodable(draft, &e), lang),
    };
    if !crate::ide::is_report_draft(&draft.to_string_lossy(), &decoded.text) {
        return fail(
            &Message::new(
                format!(
                    "{shown} は実績報告の下書きではないようです（下書きの項目「report:」「summary:」などが見当たりません）。書き込む下書きを --into で指定してください。"
                ),
                format!(
                    "{shown} does not look like a report draft (no report:, summary: … sections): give the draft to write into with --into"
                ),
            ),
            lang,
        );
    }
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
            super::complain(head.get(lang));
            for b in &bad {
                super::complain_plain(&format!("  {}", said(b, lang)));
            }
            return ExitCode::from(2);
        }
    };
    for (place, heading) in &imported.ignored {
        let m = Message::new(
            format!("{place}「{heading}」は{}の列ではないため、読み込みませんでした。", table.name().ja),
            format!("{place} \"{heading}\" is not a column of {}: not read", table.name().en),
        );
        super::complain(m.get(lang));
    }
    let (span, replacement) = &imported.edit;
    let mut after = decoded.text.clone();
    after.replace_range(span.start..span.end, replacement);
    if show_diff {
        return super::print(&diff(&shown, &decoded.text, &after));
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
    let config = configs.for_path(draft);
    let analysis = super::analyze(Some(draft), &after, config.as_deref());
    // A draft in Shift_JIS keeps its encoding, and `check` warns of it: counted here too.
    let diagnostics = super::with_encoding_warning(analysis.diagnostics, decoded.encoding, config.as_deref());
    let (errors, warnings) = tally(&diagnostics);
    let found = found(errors, warnings);
    let rows = imported.rows;
    let total = if imported.total { Message::new("と合計", " and the totals row") } else { Message::new("", "") };
    let m = if let crate::import::Table::Zero(_) = table {
        let f = imported.facilities;
        Message::new(
            format!(
                "{shown} の{}に{rows}技術（{f}機関）を取り込みました。検査すると{}です（詳しくは senshin-lint check {shown}）。",
                table.name().ja,
                found.ja
            ),
            format!(
                "imported {} ({}) into {} of {shown}; checking it finds {} (senshin-lint check {shown} for details).",
                count_of(rows as i128, "technology", "technologies"),
                count_of(f as i128, "facility", "facilities"),
                table.name().en,
                found.en
            ),
        )
    } else {
        Message::new(
            format!(
                "{shown} の{}に{rows}行{}を取り込みました。検査すると{}です（詳しくは senshin-lint check {shown}）。",
                table.name().ja,
                total.ja,
                found.ja
            ),
            format!(
                "imported {}{} into {} of {shown}; checking it finds {} (senshin-lint check {shown} for details).",
                count_of(rows as i128, "row", "rows"),
                total.en,
                table.name().en,
                found.en
            ),
        )
    };
    super::say(&m, lang);
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
