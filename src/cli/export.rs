//! `senshin-lint export DRAFT [-o FILE]`: the draft as a workbook with live formulas, beside the draft
//! (`令和6年度.yaml` → `令和6年度.xlsx`), written whole or not at all.

use super::output;
use super::render::analysed;
use crate::diagnostics::{Lang, Message, Severity, found};
use std::path::Path;
use std::process::ExitCode;

fn fail(m: Message, lang: Lang) -> ExitCode {
    eprintln!("senshin-lint: {}", m.get(lang));
    ExitCode::from(2)
}

pub fn export(draft: &Path, output: Option<&Path>, config: Option<&Path>, lang: Lang) -> ExitCode {
    let (analysis, text) = match analysed(draft, config) {
        Ok(a) => a,
        Err(m) => return fail(m, lang),
    };
    let bytes = match crate::export::workbook(&analysis, &text, lang) {
        Ok(b) => b,
        Err(m) => return fail(m, lang),
    };
    let out = output.map_or_else(|| draft.with_extension("xlsx"), Path::to_owned);
    if out == Path::new("-") {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(
                Message::new(
                    format!("ブックを標準出力に書き出せません（{e}）。"),
                    format!("cannot write the workbook to standard output ({e})"),
                ),
                lang,
            ),
        };
    }
    let count = |s: Severity| analysis.diagnostics.iter().filter(|d| d.severity == s).count();
    let found = found(count(Severity::Error), count(Severity::Warning));
    let done = |shown: &str| {
        Message::new(
            format!(
                "{shown} に書き出しました（{}）。合計や概要の数字は式で計算され、指摘のある欄には色とメモが付いています。",
                found.ja
            ),
            format!(
                "wrote {shown} ({}). The totals and summary figures are formulas; each finding colours its cell and is its note.",
                found.en
            ),
        )
    };
    match output::write_beside(draft, &out, &bytes, &done) {
        Ok(m) => {
            println!("{}", m.get(lang));
            ExitCode::SUCCESS
        }
        Err(m) => fail(m, lang),
    }
}
