//! Writing what a command made from a draft (a page, a workbook) beside it: never over the draft itself nor over
//! anything but a regular file, whole or not at all, and every failure said in words a user can act on.

use super::paths::typed;
use super::write;
use crate::diagnostics::Message;
use std::path::{Path, PathBuf};

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

/// Writes `bytes` to `out` for `draft`; `done` says what was written, given the name shown.
pub fn write_beside(
    draft: &Path,
    out: &Path,
    bytes: &[u8],
    done: &dyn Fn(&str) -> Message,
) -> Result<Message, Message> {
    let shown_out = typed(out);
    let real = checked_output(draft, out)?;
    match write::create(&real, bytes) {
        Ok(()) => Ok(done(&shown_out)),
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
