//! `senshin-lint export DRAFT [-o FILE]`: the draft as a workbook with live formulas, beside the draft
//! (`令和6年度.yaml` → `令和6年度.xlsx`), written whole or not at all.

use super::render::analysed;
use super::{fail, for_draft, output};
use crate::diagnostics::{Lang, Message, found, tally};
use std::path::Path;
use std::process::ExitCode;

pub fn export(draft: &Path, output: Option<&Path>, config: Option<&Path>, lang: Option<Lang>) -> ExitCode {
    let (lang, configs) = match for_draft(draft, config, lang) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let (analysis, text) = match analysed(draft, &configs) {
        Ok(a) => a,
        Err(m) => return fail(&m, lang),
    };
    let bytes = match crate::export::workbook(&analysis, &text, lang) {
        Ok(b) => b,
        Err(m) => return fail(&m, lang),
    };
    let out = output.map_or_else(|| draft.with_extension("xlsx"), Path::to_owned);
    let (errors, warnings) = tally(&analysis.diagnostics);
    let found = found(errors, warnings);
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
    output::written(output::write_beside(draft, &out, &bytes, &done), lang)
}
