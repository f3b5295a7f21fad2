//! `render`: the draft as the published report, findings on their cells. The page is read back as text: each
//! figure's `data-path`, the rules flagged on it, and the structure of the sections (insta snapshots).

use senshin_lint::diagnostics::Lang;
use senshin_lint::render::{Options, page};
use std::process::Command;

fn render(text: &str, lang: Lang) -> String {
    page(&senshin_lint::analyze(text), &Options { lang, publish: false, name: "draft.yaml".into(), live: None })
}

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}/report.yaml", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The value of `attr` in an element's opening tag.
fn attr<'a>(tag: &'a str, attr: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// Every table cell: its opening tag and its text.
fn cells(html: &str) -> Vec<(&str, &str)> {
    html.split("<td")
        .skip(1)
        .map(|rest| {
            let open = &rest[..rest.find('>').unwrap()];
            let text = &rest[open.len() + 1..rest.find("</td>").unwrap()];
            (open, text)
        })
        .collect()
}

/// The page's structure as lines: each section, its titles, and each figure with its place, text and rules.
fn outline(html: &str) -> String {
    let mut out = String::new();
    for section in html.split("<section").skip(1) {
        let open = &section[..section.find('>').unwrap()];
        out.push_str(&format!("## {}\n", attr(open, "id").unwrap()));
        for part in section.split("<h2>").skip(1).chain(section.split("<p class=\"subtitle\">").skip(1)) {
            out.push_str(&format!("   {}\n", &part[..part.find('<').unwrap()]));
        }
        for (tag, text) in cells(section) {
            if let Some(path) = attr(tag, "data-path") {
                let rules = attr(tag, "data-rules").map(|r| format!("  [{r}]")).unwrap_or_default();
                out.push_str(&format!("{path} = {}{rules}\n", text.replace('\n', "⏎")));
            }
        }
    }
    out
}

#[test]
fn the_published_reports_findings_sit_on_the_cells_they_name() {
    let html = render(&example("r6"), Lang::Ja);
    let flagged: Vec<(&str, &str)> = cells(&html)
        .into_iter()
        .filter_map(|(tag, _)| Some((attr(tag, "data-path")?, attr(tag, "data-rules")?)))
        .collect();
    assert_eq!(
        flagged,
        [
            ("summary.A.total_cost", "summary-vs-costs"),
            ("history.4.advanced_cost", "history-vs-report"),
            ("zero_cases.B.9.facilities.0.reason", "mixed-punctuation"),
            ("zero_cases.B.9.facilities.0.plan", "mixed-punctuation"),
            ("zero_cases.B.11.prior_cases", "prior-cases"),
        ]
    );
    // The 約911.1億円 cell carries its derivation and the cell it was compared with.
    let (tag, text) =
        cells(&html).into_iter().find(|(t, _)| attr(t, "data-path") == Some("summary.A.total_cost")).unwrap();
    assert_eq!(text, "約911.1億円");
    assert!(attr(tag, "data-derivation").unwrap().contains("91,117,710,124"), "{tag}");
    assert!(attr(tag, "data-derivation").unwrap().contains("≈ 911.18 億円"), "{tag}");
    let compared = attr(tag, "data-compared").unwrap();
    let other = cells(&html).into_iter().find(|(t, _)| attr(t, "id") == Some(compared)).unwrap();
    assert_eq!(attr(other.0, "data-path"), Some("costs.A.total.total_yen"));
    // All 77 cost rows, and the findings list links to the cells.
    let rows =
        cells(&html).iter().filter(|(t, _)| attr(t, "data-path").is_some_and(|p| p.ends_with(".serial"))).count();
    assert_eq!(rows, 77);
    assert_eq!(html.matches("data-finding=").count(), 5);
}

#[test]
fn figures_print_as_the_report_prints_them() {
    let html = render(&example("r6"), Lang::Ja);
    let text =
        |path: &str| cells(&html).into_iter().find(|(t, _)| attr(t, "data-path") == Some(path)).unwrap().1.to_owned();
    assert_eq!(text("summary.A.technologies"), "27種類");
    assert_eq!(text("summary.A.facilities"), "396施設※１");
    assert_eq!(text("summary.total.facilities"), "449施設※２");
    assert_eq!(text("summary.A.advanced_ratio"), "12．4％");
    assert_eq!(text("changes.A.approved"), "２種類");
    assert_eq!(text("changes.A.withdrawn"), "-");
    assert_eq!(text("history.4.advanced_ratio"), "12.9%");
    assert_eq!(text("costs.A.rows.0.effective"), "平13.７.１");
    assert_eq!(text("costs.A.rows.0.total_yen"), "2,794,008,117");
    assert_eq!(text("costs.B.rows.7.notice"), "10(１)");
    assert!(html.contains("令和６年度（令和５年７月１日～令和６年６月30日）実績報告より"));
    assert!(html.contains("令和４年７月～令和５年６月までの実績"));
}

#[test]
fn the_examples_render_as_the_report_is_laid_out() {
    insta::assert_snapshot!("render_small", outline(&render(&example("small"), Lang::Ja)));
    insta::assert_snapshot!("render_broken", outline(&render(&example("broken"), Lang::Ja)));
}

/// Every header and label cell's text.
fn heads(html: &str) -> Vec<String> {
    html.split("<th")
        .skip(1)
        .filter(|rest| rest.starts_with([' ', '>']))
        .map(|rest| {
            let text = &rest[rest.find('>').unwrap() + 1..rest.find("</th>").unwrap()];
            text.to_owned()
        })
        .collect()
}

#[test]
fn english_pages_label_the_tables_in_english_and_keep_the_figures_as_printed() {
    let text = example("small");
    let (ja, en) = (render(&text, Lang::Ja), render(&text, Lang::En));
    let japanese = |s: &str| s.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'));
    let (heads_ja, heads_en) = (heads(&ja), heads(&en));
    assert_eq!(heads_ja.len(), heads_en.len());
    assert!(heads_ja.iter().any(|h| h.contains("全患者数")));
    let untranslated: Vec<&String> = heads_en.iter().filter(|h| japanese(h)).collect();
    assert!(untranslated.is_empty(), "{untranslated:?}");
    assert!(heads_en.iter().any(|h| h == "③ Patients"), "{heads_en:?}");
    assert!(heads_en.iter().any(|h| h.starts_with("① Technologies (on 2024-06-30)")), "{heads_en:?}");
    // The figures, and where each sits, are the same in both.
    let figures = |html: &str| -> Vec<(String, String)> {
        cells(html).into_iter().filter_map(|(t, x)| Some((attr(t, "data-path")?.to_owned(), x.to_owned()))).collect()
    };
    let (fja, fen) = (figures(&ja), figures(&en));
    let differ: Vec<_> = fja.iter().zip(&fen).filter(|(a, b)| a != b && !a.0.starts_with("history.")).collect();
    assert!(differ.is_empty(), "{differ:?}");
    assert!(fen.iter().any(|(p, x)| p == "summary.A.total_cost" && x == "約42.4億円"));
}

#[test]
fn a_draft_that_does_not_parse_renders_what_was_read_with_the_error_on_top() {
    let mut text = example("small");
    text.push_str("\n  broken: [unclosed\n");
    let html = render(&text, Lang::Ja);
    let findings = &html[..html.find("<main>").unwrap()];
    assert!(findings.contains("yaml-syntax"), "{findings}");
    assert!(html.contains("data-path=\"summary.A.technologies\""));
}

#[test]
fn the_page_fetches_nothing() {
    let html = render(&example("r6"), Lang::Ja);
    for needle in ["http://", "https://", "src=", "@import", "url("] {
        assert!(!html.contains(needle), "{needle}");
    }
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn the_binary_writes_the_page_beside_the_draft() {
    let dir = std::env::temp_dir().join(format!("senshin-lint-render-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let draft = dir.join("令和6年度 実績報告.yaml");
    std::fs::write(&draft, example("r6")).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_senshin-lint")).args(args).env("LANG", "ja_JP.UTF-8").output().unwrap()
    };
    let o = run(&["render", draft.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(dir.join("令和6年度 実績報告.html")).unwrap();
    assert!(page.contains("<html lang=\"ja\">"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("エラー2件、警告3件"));
    // A draft that cannot be read writes nothing.
    let o = run(&["render", dir.join("ない.yaml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.join("ない.html").exists());
    // A page into a folder that does not exist: said so, without the temporary file's name.
    let draft = dir.join("令和6年度 実績報告.yaml");
    let out = dir.join("ないフォルダ").join("p.html");
    let o = run(&["render", draft.to_str().unwrap(), "-o", out.to_str().unwrap(), "--lang", "ja"]);
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("フォルダ") && said.contains("ないフォルダ がありません"), "{said}");
    assert!(!said.contains(".tmp"), "{said}");
    // Never over the draft: a draft named .html, or -o naming the draft; never over a folder.
    let html_draft = dir.join("下書き.html");
    std::fs::write(&html_draft, example("small")).unwrap();
    for (args, kept) in [
        (vec![html_draft.to_str().unwrap()], &html_draft),
        (vec![draft.to_str().unwrap(), "-o", draft.to_str().unwrap()], &draft),
    ] {
        let before = std::fs::read(kept).unwrap();
        let o = run(&[&["render"], &args[..], &["--lang", "ja"]].concat());
        assert_eq!(o.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("下書きそのもの"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(std::fs::read(kept).unwrap(), before, "the draft was overwritten");
    }
    let o = run(&["render", draft.to_str().unwrap(), "-o", dir.to_str().unwrap(), "--lang", "ja"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("通常のファイルではない"));
    // Through a link, the file it names is written and the link stays.
    #[cfg(unix)]
    {
        let target = dir.join("page.html");
        std::fs::write(&target, "old").unwrap();
        let link = dir.join("link.html");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let o = run(&["render", draft.to_str().unwrap(), "-o", link.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0));
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(std::fs::read_to_string(&target).unwrap().contains("<table"));
    }
}

/// render and export through the binary settle their language and settings as `check` does (import and preview
/// share the same code, `cli::for_draft`): `--lang`, else the draft's `senshin-lint.toml`, else the system's; a
/// rule the configuration turns off is off in the page and the workbook, and a mistake in the file is said.
#[test]
fn every_command_on_a_draft_reads_its_configuration_as_check_does() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("d.yaml");
    std::fs::write(&draft, example("r6")).unwrap();
    std::fs::write(
        dir.path().join("senshin-lint.toml"),
        "language = \"en\"\n[rules]\nmixed-punctuation = \"off\"\nprior-cases = \"off\"\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_senshin-lint")).args(args).env("LANG", "ja_JP.UTF-8").output().unwrap()
    };
    let draft_arg = draft.to_str().unwrap();
    let check = run(&["check", draft_arg]);
    assert!(String::from_utf8_lossy(&check.stdout).contains("2 errors"), "{check:?}");
    for (args, said) in [(vec!["render", draft_arg], "wrote"), (vec!["export", draft_arg], "wrote")] {
        let o = run(&args);
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {o:?}");
        // English, from the configuration, and the warnings turned off there are not counted.
        assert!(out.contains(said) && out.contains("(2 errors, 0 warnings)"), "{args:?}: {out}");
    }
    // --lang wins over the configuration.
    let o = run(&["export", draft_arg, "--lang", "ja"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("エラー2件、警告0件"), "{o:?}");
    // A mistake in the configuration is said, as check says it, and the command still runs.
    std::fs::write(dir.path().join("senshin-lint.toml"), "language = \"en\"\n[rules]\nno-such-rule = \"off\"\n")
        .unwrap();
    let o = run(&["render", draft_arg]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-rule"), "{o:?}");
    // A --config that cannot be read is named.
    let o = run(&["export", draft_arg, "--config", dir.path().join("none.toml").to_str().unwrap(), "--lang", "ja"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("設定ファイル")
            && String::from_utf8_lossy(&o.stderr).contains("none.toml"),
        "{o:?}"
    );
}
