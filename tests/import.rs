//! `import`, through the binary: the published 参考資料１ as a CSV file (UTF-8 with a BOM, and CP932 as Excel
//! writes it on a Japanese Windows; title rows above a two-row header, the 合計 row, the note below) imported
//! into a draft whose table was emptied gives back the published draft byte for byte; bad sheets name every bad
//! cell and write nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PUBLISHED: &str = include_str!("../examples/r6/report.yaml");
const SHEET: &str = "tests/fixtures/import/参考資料1.csv";
const SHEET_CP932: &str = "tests/fixtures/import/参考資料1-cp932.csv";

fn here(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_senshin-lint")).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The published draft with 参考資料１'s value replaced by `empty` (the key's line kept).
fn emptied(empty: &str) -> String {
    let costs = PUBLISHED.find("\ncosts:").unwrap();
    let a = PUBLISHED[costs..].find("\n  A:").unwrap() + costs + "\n  A:".len();
    let b = PUBLISHED[costs..].find("\n  B:\n").unwrap() + costs;
    format!("{}{empty}{}", &PUBLISHED[..a], &PUBLISHED[b..])
}

/// Imports `sheet` into a draft holding `draft`; the draft's bytes after, and what was said.
fn import(sheet: &Path, draft: &[u8], extra: &[&str]) -> (Vec<u8>, Output) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("令和6年度.yaml");
    std::fs::write(&path, draft).unwrap();
    let mut args = vec!["import", sheet.to_str().unwrap(), "--into", path.to_str().unwrap(), "--table", "A"];
    args.extend_from_slice(extra);
    let o = run(&args);
    (std::fs::read(&path).unwrap(), o)
}

#[test]
fn the_published_table_comes_back_byte_for_byte_from_either_csv() {
    for sheet in [SHEET, SHEET_CP932] {
        // Emptied three ways: an empty list, nothing, an empty flow mapping on the key's line.
        for empty in ["\n    rows: []", "", " {}"] {
            let (after, o) = import(&here(sheet), emptied(empty).as_bytes(), &["--lang", "ja"]);
            assert_eq!(o.status.code(), Some(0), "{sheet} {empty:?}: {}", stderr(&o));
            assert!(String::from_utf8_lossy(&o.stdout).contains("27行と合計を取り込みました"));
            assert!(after == PUBLISHED.as_bytes(), "{sheet} {empty:?}:\n{}", String::from_utf8_lossy(&after));
        }
    }
}

#[test]
fn workbooks_that_libreoffice_made_import_exactly() {
    // Numbers held as numbers, dates as date serials, sheets as LibreOffice names them.
    for book in [
        "tests/fixtures/import/参考資料1.xlsx",
        "tests/fixtures/import/参考資料1.ods",
        "tests/fixtures/import/参考資料1-dates.xlsx",
    ] {
        let (after, o) = import(&here(book), emptied("\n    rows: []").as_bytes(), &["--lang", "ja"]);
        assert_eq!(o.status.code(), Some(0), "{book}: {}", stderr(&o));
        assert!(after == PUBLISHED.as_bytes(), "{book}:\n{}", String::from_utf8_lossy(&after));
    }
    // A sheet asked for by a name the workbook does not have: its sheets are named.
    let book = here("tests/fixtures/import/参考資料1.xlsx");
    let draft = emptied("\n    rows: []");
    let (after, o) = import(&book, draft.as_bytes(), &["--sheet", "参考資料2", "--lang", "ja"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(after, draft.as_bytes());
    assert!(stderr(&o).contains("シート「参考資料2」がありません。あるのは「参考資料1」です"), "{}", stderr(&o));
}

#[test]
fn of_several_sheets_the_one_naming_the_table_is_read_or_the_user_is_asked() {
    let book = here("tests/fixtures/import/二つの表.xlsx");
    let (after, o) = import(&book, emptied("\n    rows: []").as_bytes(), &["--lang", "ja"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(after == PUBLISHED.as_bytes(), "--table A did not read 参考資料1");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("令和6年度.yaml");
    std::fs::write(&path, PUBLISHED).unwrap();
    let o = run(&["import", book.to_str().unwrap(), "--into", path.to_str().unwrap(), "--table", "B", "--lang", "ja"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("参考資料２（先進医療Ｂの費用）に3行を取り込みました"));
    // Nothing names either table: the sheet is asked for, and nothing is written.
    let book = here("tests/fixtures/import/名前のない表.xlsx");
    let draft = emptied("\n    rows: []");
    let (after, o) = import(&book, draft.as_bytes(), &["--lang", "ja"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(after, draft.as_bytes());
    assert!(
        stderr(&o).contains("複数（「Sheet1」「Sheet2」）あります。読み込むシートを --sheet で指定してください"),
        "{}",
        stderr(&o)
    );
    let (after, o) = import(&book, draft.as_bytes(), &["--sheet", "Sheet1"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(after == PUBLISHED.as_bytes());
}

#[test]
fn a_damaged_workbook_is_said_so_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let book = std::fs::read(here("tests/fixtures/import/参考資料1.xlsx")).unwrap();
    let damaged = dir.path().join("参考資料1.xlsx");
    std::fs::write(&damaged, &book[..book.len() / 2]).unwrap();
    let not_a_book = dir.path().join("メモ.xlsx");
    std::fs::write(&not_a_book, "これはブックではありません").unwrap();
    for sheet in [damaged, not_a_book] {
        let draft = emptied("\n    rows: []");
        let (after, o) = import(&sheet, draft.as_bytes(), &["--lang", "ja"]);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(after, draft.as_bytes());
        assert!(stderr(&o).contains("表計算のファイルとして開けません"), "{}", stderr(&o));
    }
}

#[test]
fn the_draft_keeps_its_encoding_and_line_breaks() {
    // CRLF stays CRLF.
    let crlf = emptied("\n    rows: []").replace('\n', "\r\n");
    let (after, o) = import(&here(SHEET), crlf.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(String::from_utf8(after).unwrap(), PUBLISHED.replace('\n', "\r\n"));
    // A draft saved in Shift_JIS stays Shift_JIS (its comments' em dashes, which Shift_JIS lacks, made bars).
    let sjis = |s: &str| {
        let s = s.replace('—', "―");
        let (bytes, _, lossy) = encoding_rs::SHIFT_JIS.encode(&s);
        assert!(!lossy);
        bytes.into_owned()
    };
    let (after, o) = import(&here(SHEET), &sjis(&emptied("\n    rows: []")), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(after == sjis(PUBLISHED), "not the published draft in Shift_JIS");
}

#[test]
fn tab_separated_text_as_pasted_from_a_sheet() {
    let csv = std::fs::read_to_string(here(SHEET)).unwrap();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv.as_bytes());
    let tsv: String =
        reader.records().map(|r| r.unwrap().iter().collect::<Vec<_>>().join("\t") + "\n").collect::<String>();
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("pasted.txt");
    std::fs::write(&sheet, tsv.trim_start_matches('\u{feff}')).unwrap();
    let (after, o) = import(&sheet, emptied("\n    rows: []").as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(after == PUBLISHED.as_bytes());
}

#[test]
fn diff_shows_the_change_and_writes_nothing() {
    let draft = emptied("\n    rows: []");
    let (after, o) = import(&here(SHEET), draft.as_bytes(), &["--diff"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(after, draft.as_bytes());
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains("-    rows: []") && shown.contains("+        name: \"陽子線治療\""), "{shown}");
}

/// The published sheet with `edit` applied to its text, imported: it must fail, naming `expect`, and leave the
/// draft as it was.
fn refused(edit: impl Fn(&str) -> String, expect: &[&str]) {
    let csv = std::fs::read_to_string(here(SHEET)).unwrap();
    let changed = edit(&csv);
    assert_ne!(changed, csv);
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("参考資料1.csv");
    std::fs::write(&sheet, changed).unwrap();
    let draft = emptied("\n    rows: []");
    let (after, o) = import(&sheet, draft.as_bytes(), &["--lang", "ja"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(after, draft.as_bytes(), "the draft was written");
    let said = stderr(&o);
    assert!(said.contains("下書きは書き換えていません"), "{said}");
    for e in expect {
        assert!(said.contains(e), "{e:?} not in:\n{said}");
    }
}

#[test]
fn bad_sheets_name_every_bad_cell_and_write_nothing() {
    // A missing column.
    refused(|s| s.replace("総合計,", "合計額,"), &["「総合計（円）」の列がありません"]);
    // A repeated heading.
    refused(
        |s| s.replacen("技術名", "告示番号", 1),
        &["「告示番号」の列が2つあります（参考資料1!B5 と 参考資料1!C5）", "「技術名」の列がありません", "2か所"],
    );
    // Text in a number column, and an impossible date: both at once, each with its cell.
    refused(
        |s| s.replace("\"2,794,008,117\"", "約28億").replace("平15.11.１", "令和6年2月30日"),
        &["参考資料1!E7「約28億」", "参考資料1!D8「令和6年2月30日」", "2か所"],
    );
    // An empty sheet.
    refused(|_| String::new(), &["見出し行が見つかりません"]);
    // An empty cell where a value belongs.
    refused(|s| s.replace(",827,", ",,"), &["参考資料1!H7", "空欄です"]);
}

#[test]
fn a_draft_that_does_not_parse_is_left_alone() {
    let draft = emptied("\n    rows: []").replacen("summary:", "summary: [", 1);
    let (after, o) = import(&here(SHEET), draft.as_bytes(), &["--lang", "ja"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(after, draft.as_bytes());
    assert!(stderr(&o).contains("書き方の誤り"), "{}", stderr(&o));
}

#[test]
fn drafts_written_in_other_forms_get_the_table_or_are_left_alone() {
    let sheet = here(SHEET);
    // `A: ~` and `costs: ~` take the table in place of the null.
    for draft in [emptied(" ~"), {
        let costs = PUBLISHED.find("\ncosts:").unwrap() + 1;
        let end = PUBLISHED[costs..].find("\n\n").map_or(PUBLISHED.len(), |i| costs + i + 1);
        format!("{}costs: ~\n{}", &PUBLISHED[..costs], &PUBLISHED[end..])
    }] {
        let (after, o) = import(&sheet, draft.as_bytes(), &[]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let check = run_check(&after);
        assert!(!check.contains("yaml-syntax"), "{check}");
    }
    // A block scalar, or a flow mapping holding the tables: nothing is written rather than a broken draft.
    let costs = PUBLISHED.find("\ncosts:").unwrap() + 1;
    let b = PUBLISHED[costs..].find("\n  B:\n").unwrap() + costs + 1;
    let end = PUBLISHED[costs..].find("\n\n").map_or(PUBLISHED.len(), |i| costs + i + 1);
    for draft in [
        format!("{}costs:\n  A: |\n    todo\n{}", &PUBLISHED[..costs], &PUBLISHED[b..]),
        format!("{}costs: {{A: [], B: []}}\n{}", &PUBLISHED[..costs], &PUBLISHED[end..]),
    ] {
        let (after, o) = import(&sheet, draft.as_bytes(), &["--lang", "ja"]);
        assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stdout));
        assert_eq!(after, draft.as_bytes());
        assert!(stderr(&o).contains("形が崩れる"), "{}", stderr(&o));
    }
    // A YAML file that is not a draft is not written into.
    let (after, o) = import(&sheet, b"foo: 1\n", &["--lang", "ja"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(after, b"foo: 1\n");
    assert!(stderr(&o).contains("下書きではないようです"), "{}", stderr(&o));
}

#[test]
fn rows_below_the_totals_row_are_not_dropped_silently() {
    refused(
        |s| {
            let total = s.find("合　　　　　　計").unwrap();
            let line_end = s[total..].find('\n').unwrap() + total + 1;
            // A row of figures below the 合計 (the note 「※入院例なし」 alone is fine).
            format!("{}{}{}", &s[..line_end], "28,28,追加の技術,令6.5.1,\"1,000\",500,1.0,1,1\r\n", &s[line_end..])
        },
        &["合計の行より下に、表の行があります"],
    );
}

/// `check` on a draft's bytes: what it printed.
fn run_check(draft: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, draft).unwrap();
    let o = run(&["check", "--format", "json", path.to_str().unwrap()]);
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_workbook_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.xlsx");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let draft = emptied("\n    rows: []");
    let (after, o) = import(&fifo, draft.as_bytes(), &["--lang", "ja"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(after, draft.as_bytes());
    assert!(stderr(&o).contains("ファイルではなく"), "{}", stderr(&o));
}

/// The published draft with 先－１－２'s list for `part` emptied (`A: []`).
fn zero_emptied(part: &str) -> String {
    let zero = PUBLISHED.find("\nzero_cases:").unwrap();
    let a = PUBLISHED[zero..].find(&format!("\n  {part}:\n")).unwrap() + zero + format!("\n  {part}:").len();
    let end = PUBLISHED[a..].find("\n  B:\n").map_or(PUBLISHED.len() - 1, |i| i + a);
    format!("{} []{}", &PUBLISHED[..a], &PUBLISHED[end..])
}

#[test]
fn the_zero_case_tables_come_back_byte_for_byte_merged_or_repeated() {
    for (sheet, part) in [
        ("tests/fixtures/import/０件Ａ.csv", "A"),
        ("tests/fixtures/import/０件Ａ-repeated-cp932.csv", "A"),
        ("tests/fixtures/import/０件Ｂ-cp932.csv", "B"),
    ] {
        let emptied = zero_emptied(part);
        assert_ne!(emptied, PUBLISHED);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("令和6年度.yaml");
        std::fs::write(&path, &emptied).unwrap();
        let table = format!("zero-{part}");
        let o = run(&[
            "import",
            here(sheet).to_str().unwrap(),
            "--into",
            path.to_str().unwrap(),
            "--table",
            &table,
            "--lang",
            "ja",
        ]);
        assert_eq!(o.status.code(), Some(0), "{sheet}: {}", stderr(&o));
        let said = String::from_utf8_lossy(&o.stdout);
        assert!(said.contains("技術（") && said.contains("機関）を取り込みました"), "{said}");
        let after = std::fs::read_to_string(&path).unwrap();
        assert!(after == PUBLISHED, "{sheet}:\n{}", similar::TextDiff::from_lines(PUBLISHED, &after).unified_diff());
    }
}

const ZERO_HEAD: &str = "告示番号,技術名,実施医療機関名,０件の理由,医療機関の今後の対応方針,（参考）前年度の実績\n";

/// `rows` under 先－１－２'s header, as `z.csv`, imported as zero-A into `draft`: the draft after, and what was said.
fn import_zero(rows: &str, draft: &str) -> (String, Output) {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("z.csv");
    std::fs::write(&sheet, format!("{ZERO_HEAD}{rows}")).unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, draft).unwrap();
    let args =
        ["import", sheet.to_str().unwrap(), "--into", path.to_str().unwrap(), "--table", "zero-A", "--lang", "ja"];
    let o = run(&args);
    (std::fs::read_to_string(&path).unwrap(), o)
}

#[test]
fn a_zero_case_sheet_with_bad_cells_names_each_and_writes_nothing() {
    let draft = zero_emptied("A");
    let (after, o) = import_zero(",技術,病院,理由,方針,0件\n9,技術,病院,,方針,五件\n", &draft);
    assert_eq!(o.status.code(), Some(2));
    let said = stderr(&o);
    for place in ["z!A2", "z!D3", "z!F3"] {
        assert!(said.contains(place), "{place}: {said}");
    }
    assert_eq!(after, draft);
}

#[test]
fn a_table_ending_in_unquoted_japanese_is_replaced_not_a_panic() {
    // The list's last value unquoted, as `new`'s blank draft writes `plan: 未記入`: its last byte is inside a
    // character.
    let quoted = "plan: \"登録開始後、すでに2例が登録されており、今後さらなる登録患者増加が見込まれている。\"";
    assert!(PUBLISHED.contains(quoted));
    let draft = PUBLISHED.replacen(quoted, "plan: 未記入", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, &draft).unwrap();
    let sheet = here("tests/fixtures/import/０件Ａ.csv");
    let o = run(&["import", sheet.to_str().unwrap(), "--into", path.to_str().unwrap(), "--table", "zero-A"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&path).unwrap() == PUBLISHED);
}

#[test]
fn a_row_without_a_notice_number_but_with_another_name_is_not_merged_into_the_technology_above() {
    let draft = zero_emptied("A");
    let (after, o) = import_zero("4,技術甲,病院甲,理由,方針,0件\n,技術乙,病院乙,理由,方針,3件\n", &draft);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("z!A3") && stderr(&o).contains("上の技術と違います"), "{}", stderr(&o));
    assert_eq!(after, draft);
    // An empty list with a comment stays as it is when the sheet has no technology.
    let draft = zero_emptied("A").replacen("  A: []", "  A: []   # 今年度はなし", 1);
    let (after, o) = import_zero("", &draft);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(after, draft);
}
