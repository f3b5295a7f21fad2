//! The whole check of one file against its floor, the bare YAML event parse of the same text, in one
//! process: `cargo bench --bench floor -- FILE [RUNS]`. Prints one line of JSON with the medians.
//! `benches/compare.py` runs it; `benches/pipeline.rs` has the per-stage figures.

use senshin_lint::{cli, diagnostics::Lang};
use std::time::Instant;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; the rest are ours.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: cargo bench --bench floor -- FILE [RUNS]");
        std::process::exit(2);
    };
    let runs = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let events_ms = median_ms(runs, || {
        let mut parser = saphyr_parser::Parser::new_from_str(&text);
        let mut n = 0usize;
        while let Some(Ok(e)) = parser.next_event() {
            n += 1;
            std::hint::black_box(e);
        }
        std::hint::black_box(n);
    });
    let mut findings = 0;
    let check_ms = median_ms(runs, || {
        // What `senshin-lint check FILE` does, short of starting a process: read, decode, analyse, render.
        let bytes = std::fs::read(path).expect("readable");
        let checked = [cli::check_owned(path, None, bytes, None)];
        findings = checked[0].diagnostics.len();
        std::hint::black_box(cli::human_to_string(&checked, Lang::Ja));
    });
    println!(
        "{{\"file\": {path:?}, \"bytes\": {}, \"runs\": {runs}, \"findings\": {findings}, \"events_ms\": {events_ms:.1}, \"check_ms\": {check_ms:.1}, \"ratio\": {:.2}}}",
        text.len(),
        check_ms / events_ms
    );
}
