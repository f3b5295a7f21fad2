//! Writing what a command made from a draft (a page, a workbook) beside it: never over the draft itself nor over
//! anything but a regular file, whole or not at all, and every failure said in words a user can act on.

use super::paths::typed;
use super::write;
use crate::diagnostics::{Lang, Message};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the page may be written: never over the draft itself (a draft named `.html`, `-o draft.yaml`) nor over
/// anything but a regular file (a device, a folder); through a link, to the file it names.
fn checked_output(draft: &Path, out: &Path) -> Result<PathBuf, Message> {
    let Ok(meta) = std::fs::metadata(out) else { return Ok(out.to_owned()) };
    let shown = typed(out);
    if !meta.is_file() {
        return Err(Message::new(
            format!("{shown} は通常のファイルではないため、書き出せません。ほかの保存場所を指定してください。"),
            format!("{shown} is not a regular file: give another place to write to."),
        ));
    }
    let real = out.canonicalize().unwrap_or_else(|_| out.to_owned());
    if draft.canonicalize().is_ok_and(|d| d == real) {
        return Err(Message::new(
            format!("{shown} は下書きそのものです。書き出すと下書きが失われるため、別の名前を指定してください（-o）。"),
            format!("{shown} is the draft itself: writing there would destroy it. Give another name (-o)."),
        ));
    }
    Ok(real)
}

/// Writes `bytes` to `out` for `draft` (`-`: standard output); `done` says what was written, given the name
/// shown (nothing is said after writing to standard output).
pub fn write_beside(
    draft: &Path,
    out: &Path,
    bytes: &[u8],
    done: &dyn Fn(&str) -> Message,
) -> Result<Option<Message>, Message> {
    if out == Path::new("-") {
        let mut stdout = std::io::stdout().lock();
        return stdout.write_all(bytes).and_then(|()| stdout.flush()).map(|()| None).map_err(|e| {
            Message::new(format!("標準出力に書き出せません（{e}）。"), format!("cannot write to standard output ({e})"))
        });
    }
    let shown_out = typed(out);
    let real = checked_output(draft, out)?;
    match write::create(&real, bytes) {
        Ok(()) => Ok(Some(done(&shown_out))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && real.parent().is_some_and(|p| !p.is_dir()) => {
            let folder = real.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| ".".to_owned(), typed);
            Err(Message::new(
                format!(
                    "{shown_out} を書き出せません。フォルダ {folder} がありません。フォルダを作るか、ほかの保存場所を指定してください。"
                ),
                format!("cannot write {shown_out}: there is no folder {folder}. Create it, or give another place."),
            ))
        }
        Err(e) => Err(Message::new(
            format!("{shown_out} に書き込めません（{e}）。保存場所と書き込みの権限を確かめてください。"),
            format!("cannot write {shown_out} ({e}): check the folder and your permission to write there."),
        )),
    }
}

/// What a command that writes beside the draft says at its end, and its status.
pub fn written(result: Result<Option<Message>, Message>, lang: Lang) -> ExitCode {
    match result {
        Ok(said) => {
            if let Some(m) = said {
                super::say(&m, lang);
            }
            ExitCode::SUCCESS
        }
        Err(m) => super::fail(&m, lang),
    }
}
