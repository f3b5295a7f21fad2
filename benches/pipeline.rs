//! Each stage on its own, and the whole pipeline, on generated drafts of 100, 10,000 and 100,000 rows
//! (`benches/generate.py`, which needs `python3`; the drafts are cached under `target/bench-drafts/`).
//!
//! `yaml_events` is the floor: the YAML parser's events and nothing else, the work no YAML tool can skip.
//! The rendering stages run on the variant with errors injected (a consistent draft renders nothing).
//!
//! `cargo bench --bench pipeline` (all), `cargo bench --bench pipeline -- parse` (one stage).

use divan::{Bencher, black_box};
use senshin_lint::diagnostics::Lang;
use senshin_lint::{checks, cli, model, render, syntax, text};
use std::path::PathBuf;
use std::process::Command;

const ROWS: &[usize] = &[100, 10_000, 100_000];
/// Errors injected into the variant that the renderers run on.
const ERRORS: usize = 100;

fn main() {
    divan::main();
}

/// The generated draft of `rows` rows (with `errors` errors), generated once and kept.
fn draft(rows: usize, errors: usize) -> Vec<u8> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-drafts");
    let path = dir.join(format!("rows{rows}-errors{errors}.yaml"));
    if let Ok(bytes) = std::fs::read(&path) {
        return bytes;
    }
    let out = Command::new("python3")
        .arg(root.join("benches/generate.py"))
        .args([rows.to_string(), "--errors".into(), errors.to_string()])
        .output()
        .expect("python3 runs benches/generate.py");
    assert!(out.status.success(), "generate.py failed: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&path, &out.stdout).unwrap();
    out.stdout
}

fn draft_text(rows: usize, errors: usize) -> String {
    String::from_utf8(draft(rows, errors)).unwrap()
}

#[divan::bench(args = ROWS, sample_count = 10, sample_size = 1)]
fn yaml_events(b: Bencher, rows: usize) {
    let text = draft_text(rows, 0);
    b.bench(|| {
        let mut events = 0usize;
        let mut parser = saphyr_parser::Parser::new_from_str(black_box(&text));
        while let Some(Ok(e)) = parser.next_event() {
            events += 1;
            black_box(e);
        }
        events
    });
}

#[divan::bench(args = ROWS, sample_count = 10, sample_size = 1)]
fn decode(b: Bencher, rows: usize) {
    let bytes = draft(rows, 0);
    b.bench(|| text::decode(black_box(&bytes)).unwrap());
}

#[divan::bench(args = ROWS, sample_count = 10, sample_size = 1)]
fn parse(b: Bencher, rows: usize) {
    let text = draft_text(rows, 0);
    b.bench(|| syntax::parse(black_box(&text)));
}

#[divan::bench(args = ROWS, sample_count = 10, sample_size = 1)]
fn lower(b: Bencher, rows: usize) {
    let text = draft_text(rows, 0);
    let (tree, _) = syntax::parse(&text);
    b.bench(|| model::lower(black_box(&tree), &text, true));
}

#[divan::bench(args = ROWS, sample_count = 10, sample_size = 1)]
fn checks(b: Bencher, rows: usize) {
    let text = draft_text(rows, 0);
    let (tree, _) = syntax::parse(&text);
    let (report, _) = model::lower(&tree, &text, true);
    // The derived figures are computed once per analysis, for the checks and the editor: counted here.
    b.bench(|| {
        let figures = checks::figures::figures(black_box(&report), None);
        checks::run(&checks::Context { report: &report, text: &text, figures: &figures, previous: None })
    });
}

fn checked(rows: usize) -> Vec<cli::Checked> {
    vec![cli::check_bytes("draft.yaml", &draft(rows, ERRORS.min(rows)))]
}

#[divan::bench(args = ROWS, sample_count = 10, sample_size = 1)]
fn render_human(b: Bencher, rows: usize) {
    let checked = checked(rows);
    b.bench(|| cli::human_to_string(black_box(&checked), senshin_lint::diagnostics::Lang::Ja));
}

#[divan::bench(args = ROWS, sample_count = 10, sample_size = 1)]
fn render_json(b: Bencher, rows: usize) {
    let checked = checked(rows);
    b.bench(|| cli::json_value(black_box(&checked), senshin_lint::diagnostics::Lang::Ja).to_string());
}

/// Bytes to rendered output: what `senshin-lint check` does for one file, without the process.
#[divan::bench(args = ROWS, sample_count = 10, sample_size = 1)]
fn pipeline(b: Bencher, rows: usize) {
    let bytes = draft(rows, 0);
    b.bench(|| {
        let checked = [cli::check_bytes("draft.yaml", black_box(&bytes))];
        cli::human_to_string(&checked, senshin_lint::diagnostics::Lang::Ja)
    });
}

/// The whole pipeline on the variant with errors.
#[divan::bench(args = ROWS, sample_count = 10, sample_size = 1)]
fn pipeline_with_errors(b: Bencher, rows: usize) {
    let bytes = draft(rows, ERRORS.min(rows));
    b.bench(|| {
        let checked = [cli::check_bytes("draft.yaml", black_box(&bytes))];
        cli::human_to_string(&checked, senshin_lint::diagnostics::Lang::Ja)
    });
}

/// `render`'s page (issue 14's budgets: the published report under 20 ms, 10,000 rows under 1 s): the analysis
/// laid out and written as HTML, the analysis itself not included.
#[divan::bench(args = [100, 10_000], sample_count = 10, sample_size = 1)]
fn render_page(b: Bencher, rows: usize) {
    let analysis = senshin_lint::analyze(&draft_text(rows, ERRORS.min(rows)));
    let opts = render::Options { lang: Lang::Ja, publish: false, name: "draft.yaml".into(), live: None };
    b.bench(|| render::page(black_box(&analysis), &opts).len());
}

/// The published report, from its text to the page: what `render` does, without the process.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn render_published(b: Bencher) {
    let text = include_str!("../examples/r6/report.yaml");
    let opts = render::Options { lang: Lang::Ja, publish: false, name: "report.yaml".into(), live: None };
    b.bench(|| render::page(&senshin_lint::analyze(black_box(text)), &opts).len());
}

/// `export`'s workbook (issue 15's budget: the published report under 200 ms): the analysis laid out as sheets
/// with formulas and notes, and zipped.
#[divan::bench(args = [100, 10_000], sample_count = 10, sample_size = 1)]
fn export_workbook(b: Bencher, rows: usize) {
    let text = draft_text(rows, ERRORS.min(rows));
    let analysis = senshin_lint::analyze(&text);
    b.bench(|| senshin_lint::export::workbook(black_box(&analysis), &text, Lang::Ja).map(|w| w.len()));
}

/// The published report, from its text to the workbook: what `export` does, without the process.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn export_published(b: Bencher) {
    let text = include_str!("../examples/r6/report.yaml");
    b.bench(|| {
        senshin_lint::export::workbook(&senshin_lint::analyze(black_box(text)), text, Lang::Ja).map(|w| w.len())
    });
}
