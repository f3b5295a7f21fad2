//! Reading one input without trusting it: only regular files are opened (a FIFO would block for ever, a device
//! like `/dev/zero` never ends), the size is judged from the metadata before a byte is read, and every read,
//! standard input included, stops one byte past the limit. Drafts and configuration files go through here.

use crate::MAX_FILE_BYTES;
use crate::diagnostics::{Lang, Message};
use std::fs::FileType;
use std::io::Read;
use std::path::Path;

/// What reading gave.
pub enum Contents {
    Bytes(Vec<u8>),
    /// Over `MAX_FILE_BYTES`: the size from the metadata, or `None` when only the capped read found out.
    TooLarge(Option<u64>),
}

/// Why an input cannot be read at all.
#[derive(Debug)]
pub enum Unreadable {
    Io(std::io::Error),
    /// Not a regular file: what it is instead, in Japanese and English.
    NotRegular((&'static str, &'static str)),
}

impl Unreadable {
    pub fn message(&self) -> Message {
        match self {
            Unreadable::Io(e) if e.kind() == std::io::ErrorKind::NotFound => Message::new(
                "見つかりません。ファイル名と保存場所を確かめてください。",
                "not found: check the file's name and folder",
            ),
            Unreadable::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                Message::new("読み取る権限がありません。", "permission denied")
            }
            Unreadable::Io(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                Message::new("UTF-8 として読み取れません。UTF-8 で保存してください。", format!("not UTF-8: {e}"))
            }
            Unreadable::Io(e) => Message::new(format!("読み取れません（{e}）。"), e.to_string()),
            Unreadable::NotRegular((ja, en)) => Message::new(
                format!("ファイルではなく{ja}です。下書きのファイルを指定してください。"),
                format!("it is a {en}, not a file: give a draft's file"),
            ),
        }
    }

    pub fn get(&self, lang: Lang) -> String {
        self.message().get(lang).to_owned()
    }
}

impl From<std::io::Error> for Unreadable {
    fn from(e: std::io::Error) -> Self {
        Unreadable::Io(e)
    }
}

/// What a file that is not a regular file is, in a word of each language.
pub fn kind(file_type: &FileType) -> (&'static str, &'static str) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return ("名前付きパイプ", "named pipe");
        }
        if file_type.is_socket() {
            return ("ソケット", "socket");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return ("デバイス", "device");
        }
    }
    if file_type.is_dir() { ("フォルダ", "folder") } else { ("特殊なファイル", "special file") }
}

/// Reads a regular file (following a symbolic link to it), within the limit.
pub fn file(path: &Path) -> Result<Contents, Unreadable> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(Unreadable::NotRegular(kind(&meta.file_type())));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Ok(Contents::TooLarge(Some(meta.len())));
    }
    let file = std::fs::File::open(path)?;
    // The file was checked before it was opened; whatever is opened must still be a regular file.
    if !file.metadata()?.is_file() {
        return Err(Unreadable::NotRegular(("特殊なファイル", "special file")));
    }
    Ok(capped(file, meta.len() as usize)?)
}

/// Reads a stream to its end or one byte past the limit, whichever comes first.
pub fn capped(reader: impl Read, expected: usize) -> std::io::Result<Contents> {
    let mut bytes = Vec::with_capacity(expected.min(MAX_FILE_BYTES) + 1);
    reader.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Ok(Contents::TooLarge(None));
    }
    Ok(Contents::Bytes(bytes))
}
