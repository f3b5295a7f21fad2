//! `senshin-lint render DRAFT [-o FILE] [--publish]`: the draft as the published report, one HTML file with the
//! findings on their cells. Written whole or not at all (a temporary file renamed into place).

use super::configs::Configs;
use super::file;
use super::output;
use super::paths::typed;
use super::{fail, for_draft, with_encoding_warning};
use crate::diagnostics::{Lang, Message, found, tally};
use crate::render::{Options, page};
use crate::text::decode_owned;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The page beside the draft, named after it: `令和6年度.yaml` → `令和6年度.html`.
fn default_output(draft: &Path) -> PathBuf {
    draft.with_extension("html")
}

/// A page and what it found.
pub struct Rendered {
    pub html: String,
    pub errors: usize,
    pub warnings: usize,
}

/// The draft read, decoded and analysed under its configuration as `check` reads it; or why it could not be
/// read. What `render`, `preview` and `export` show.
pub fn analysed(draft: &Path, configs: &Configs) -> Result<(crate::Analysis, String), Message> {
    let config = configs.for_path(draft);
    let decoded = decode_owned(file::bytes(draft)?).map_err(|(e, _)| file::undecodable(draft, &e))?;
    let mut analysis = super::analyze(Some(draft), &decoded.text, config.as_deref());
    analysis.diagnostics = with_encoding_warning(analysis.diagnostics, decoded.encoding, config.as_deref());
    Ok((analysis, decoded.text))
}

/// The draft analysed and laid out as the report; or why it could not be read.
fn laid_out(
    draft: &Path,
    configs: &Configs,
    lang: Lang,
    publish: bool,
    live: Option<u64>,
) -> Result<Rendered, Message> {
    let shown = typed(draft);
    let (analysis, _) = analysed(draft, configs)?;
    let name = draft.file_name().map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let html = page(&analysis, &Options { lang, publish, name, live });
    let (errors, warnings) = tally(&analysis.diagnostics);
    Ok(Rendered { html, errors, warnings })
}

/// The page `preview` serves, its configuration read anew for each render (a saved `senshin-lint.toml` shows).
pub fn rendered(
    draft: &Path,
    config: Option<&Path>,
    lang: Lang,
    publish: bool,
    live: Option<u64>,
) -> Result<Rendered, Message> {
    let configs = Configs::new(config).map_err(|e| e.message())?;
    laid_out(draft, &configs, lang, publish, live)
}

pub fn render(
    draft: &Path,
    output: Option<&Path>,
    publish: bool,
    config: Option<&Path>,
    lang: Option<Lang>,
) -> ExitCode {
    let (lang, configs) = match for_draft(draft, config, lang) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let Rendered { html, errors, warnings } = match laid_out(draft, &configs, lang, publish, None) {
        Ok(r) => r,
        Err(m) => return fail(&m, lang),
    };
    let out = output.map_or_else(|| default_output(draft), Path::to_owned);
    let found = found(errors, warnings);
    let done = |shown: &str| {
        Message::new(
            format!(
                "{shown} に書き出しました（{}）。ブラウザで開くと、指摘は該当する欄に印が付いて表示されます。",
                found.ja
            ),
            format!("wrote {shown} ({}). Open it in a browser: each finding is marked on its cell.", found.en),
        )
    };
    output::written(output::write_beside(draft, &out, html.as_bytes(), &done), lang)
}
