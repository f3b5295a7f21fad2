//! `senshin-lint render DRAFT [-o FILE] [--publish]`: the draft as the published report, one HTML file with the
//! findings on their cells. Written whole or not at all (a temporary file renamed into place).

use super::configs::Configs;
use super::file;
use super::paths::typed;
use super::write;
use super::{settings, with_encoding_warning};
use crate::diagnostics::{Lang, Message, Severity, found};
use crate::render::{Options, page};
use crate::text::decode_owned;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn fail(m: Message, lang: Lang) -> ExitCode {
    eprintln!("senshin-lint: {}", m.get(lang));
    ExitCode::from(2)
}

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

/// The draft read, decoded and analysed under its configuration as `check` reads it, and laid out as the
/// report; or why it could not be read. `render` writes it, `preview` serves it.
pub fn rendered(
    draft: &Path,
    config: Option<&Path>,
    lang: Lang,
    publish: bool,
    live: Option<u64>,
) -> Result<Rendered, Message> {
    let shown = typed(draft);
    let configs = Configs::new(config).map_err(|e| e.message())?;
    let config = configs.for_path(draft);
    let decoded = decode_owned(file::bytes(draft)?).map_err(|(e, _)| file::undecodable(draft, &e))?;
    let mut analysis = crate::analyze_with(&decoded.text, settings(config.as_deref()));
    analysis.diagnostics = with_encoding_warning(analysis.diagnostics, decoded.encoding, config.as_deref());
    let name = draft.file_name().map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let html = page(&analysis, &Options { lang, publish, name, live });
    let count = |s: Severity| analysis.diagnostics.iter().filter(|d| d.severity == s).count();
    Ok(Rendered { html, errors: count(Severity::Error), warnings: count(Severity::Warning) })
}

/// Where the page may be written: never over the draft itself (a draft named `.html`, `-o draft.yaml`) nor over
/// anything but a regular file (a device, a folder); through a link, to the file it names.
fn checked_output(draft: &Path, out: &Path) -> Result<PathBuf, Message> {
    let Ok(meta) = std::fs::metadata(out) else { return Ok(out.to_owned()) };
    let shown = typed(out);
    if !meta.is_file() {
        return Err(Message::new(
            format!("{shown} は通常のファイルではないため、書き出せません。ほかの保存場所を指定してください。"),
            format!("{shown} is not a regular file: give another place to write the page."),
        ));
    }
    let real = out.canonicalize().unwrap_or_else(|_| out.to_owned());
    if draft.canonicalize().is_ok_and(|d| d == real) {
        return Err(Message::new(
            format!("{shown} は下書きそのものです。書き出すと下書きが失われるため、別の名前を指定してください（-o）。"),
            format!("{shown} is the draft itself: writing the page there would destroy it. Give another name (-o)."),
        ));
    }
    Ok(real)
}

pub fn render(draft: &Path, output: Option<&Path>, publish: bool, config: Option<&Path>, lang: Lang) -> ExitCode {
    let Rendered { html, errors, warnings } = match rendered(draft, config, lang, publish, None) {
        Ok(r) => r,
        Err(m) => return fail(m, lang),
    };
    let out = output.map_or_else(|| default_output(draft), Path::to_owned);
    if out == Path::new("-") {
        let _ = std::io::stdout().write_all(html.as_bytes());
        return ExitCode::SUCCESS;
    }
    let shown_out = typed(&out);
    let out = match checked_output(draft, &out) {
        Ok(o) => o,
        Err(m) => return fail(m, lang),
    };
    let written = write::create(&out, html.as_bytes());
    match written {
        Ok(()) => {
            let found = found(errors, warnings);
            let m = Message::new(
                format!(
                    "{shown_out} に書き出しました（{}）。ブラウザで開くと、指摘は該当する欄に印が付いて表示されます。",
                    found.ja
                ),
                format!("wrote {shown_out} ({}). Open it in a browser: each finding is marked on its cell.", found.en),
            );
            println!("{}", m.get(lang));
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && out.parent().is_some_and(|p| !p.is_dir()) => {
            let folder = out.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| ".".to_owned(), typed);
            fail(
                Message::new(
                    format!(
                        "{shown_out} を書き出せません。フォルダ {folder} がありません。フォルダを作るか、ほかの保存場所を指定してください。"
                    ),
                    format!("cannot write {shown_out}: there is no folder {folder}. Create it, or give another place."),
                ),
                lang,
            )
        }
        Err(e) => fail(
            Message::new(
                format!("{shown_out} に書き込めません（{e}）。保存場所と書き込みの権限を確かめてください。"),
                format!("cannot write {shown_out} ({e}): check the folder and your permission to write there."),
            ),
            lang,
        ),
    }
}
