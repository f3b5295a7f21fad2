//! Reading a file named on the command line, for the commands that take one file (`render`, `preview`,
//! `import`): regular files only, within the size limit, and every failure said with the file's name.

use super::paths::typed;
use crate::diagnostics::{Lang, Message};
use crate::read::{self, Contents};
use crate::text::DecodeError;
use std::path::Path;

/// The file's bytes, or why not.
pub(super) fn bytes(path: &Path) -> Result<Vec<u8>, Message> {
    let shown = typed(path);
    match read::file(path) {
        Ok(Contents::Bytes(b)) => Ok(b),
        Ok(Contents::TooLarge(size)) => Err(crate::too_large(size)),
        Err(e) => Err(Message::new(
            format!("{shown}：{}", e.get(Lang::Ja)),
            format!("cannot read {shown}: {}", e.get(Lang::En)),
        )),
    }
}

/// Why a draft's bytes could not be decoded, naming it.
pub(super) fn undecodable(path: &Path, e: &DecodeError) -> Message {
    let shown = typed(path);
    Message::new(format!("{shown}：{}", e.message().get(Lang::Ja)), format!("{shown}: {}", e.message().get(Lang::En)))
}
