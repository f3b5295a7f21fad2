//! Paths as the user sees them: in the form typed (backslashes kept on Windows), relative to the current folder
//! when below it, never with Windows' `\\?\` prefix; and as URI references for SARIF. The Windows forms are
//! plain string rules, so that they are tested on every platform.

use std::path::{Path, PathBuf};

/// Which platform's path rules apply.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    Unix,
    Windows,
}

impl Style {
    pub const NATIVE: Style = if cfg!(windows) { Style::Windows } else { Style::Unix };
}

pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// A path the user gave (or a folder walk made of one), as shown in every output format.
pub fn typed(path: &Path) -> String {
    plain(&path.display().to_string(), Style::NATIVE).into_owned()
}

/// A path the tool found (a configuration file): relative to the current folder when it is below it.
pub fn shown(path: &Path) -> String {
    let here = std::env::current_dir().ok();
    let relative = here.as_deref().and_then(|h| path.strip_prefix(h).ok()).filter(|p| !p.as_os_str().is_empty());
    typed(relative.unwrap_or(path))
}

/// Without Windows' verbatim prefix (`\\?\C:\…`, `\\?\UNC\server\…`), which no user typed and no other program
/// accepts everywhere; elsewhere the path as it is.
pub fn plain(path: &str, style: Style) -> std::borrow::Cow<'_, str> {
    if style == Style::Windows {
        if let Some(rest) = path.strip_prefix(r"\\?\UNC\") {
            return format!(r"\\{rest}").into();
        }
        if let Some(rest) = path.strip_prefix(r"\\?\").filter(|r| is_drive(r.as_bytes())) {
            return rest.into();
        }
    }
    path.into()
}

/// `C:` followed by a separator or nothing.
fn is_drive(b: &[u8]) -> bool {
    b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b.len() == 2 || b[2] == b'\\' || b[2] == b'/')
}

/// A path as a URI reference: a relative path stays relative, an absolute one becomes a `file:` URI, and
/// every byte but the unreserved ones and `/` is percent-encoded (`my report #1.yaml` is not a URI).
pub fn uri(path: &str) -> String {
    uri_in(path, Style::NATIVE)
}

pub fn uri_in(path: &str, style: Style) -> String {
    let path = match style {
        Style::Windows => plain(path, style).replace('\\', "/"),
        Style::Unix => path.to_owned(),
    };
    let windows = style == Style::Windows;
    // `C:/…` and `//server/share/…` on Windows; elsewhere `a:b.yaml` is a relative name, its colon encoded.
    let (mut out, rest) = match () {
        _ if windows && is_drive(path.as_bytes()) => (format!("file:///{}", &path[..2]), &path[2..]),
        _ if windows && path.starts_with("//") => ("file:".to_owned(), path.as_str()),
        _ if path.starts_with('/') => ("file://".to_owned(), path.as_str()),
        _ => (String::new(), path.as_str()),
    };
    for &b in rest.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Style::{Unix, Windows};
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri_in("my report #1 100%.yaml", Unix), "my%20report%20%231%20100%25.yaml");
        assert_eq!(uri_in("drafts/r6.yaml", Unix), "drafts/r6.yaml");
        assert_eq!(uri_in("/tmp/報告.yaml", Unix), "file:///tmp/%E5%A0%B1%E5%91%8A.yaml");
        assert_eq!(uri_in("a:b.yaml", Unix), "a%3Ab.yaml");
        // A backslash is part of a name on Unix.
        assert_eq!(uri_in(r"a\b.yaml", Unix), "a%5Cb.yaml");
    }

    #[test]
    fn windows_paths_become_file_uris() {
        assert_eq!(uri_in(r"drafts\令和6年度.yaml", Windows), "drafts/%E4%BB%A4%E5%92%8C6%E5%B9%B4%E5%BA%A6.yaml");
        assert_eq!(uri_in(r"C:\Users\tanaka\r6.yaml", Windows), "file:///C:/Users/tanaka/r6.yaml");
        assert_eq!(uri_in("c:/drafts/r6 final.yaml", Windows), "file:///c:/drafts/r6%20final.yaml");
        assert_eq!(uri_in(r"\\?\C:\drafts\r6.yaml", Windows), "file:///C:/drafts/r6.yaml");
        // A shared folder, as officials keep their drafts: the server is the URI's host.
        assert_eq!(uri_in(r"\\fileserver\共有\r6.yaml", Windows), "file://fileserver/%E5%85%B1%E6%9C%89/r6.yaml");
        assert_eq!(uri_in(r"\\?\UNC\fileserver\share\r6.yaml", Windows), "file://fileserver/share/r6.yaml");
    }

    #[test]
    fn shown_paths_keep_their_form_without_verbatim_prefixes() {
        assert_eq!(plain(r"drafts\r6.yaml", Windows), r"drafts\r6.yaml");
        assert_eq!(plain(r"C:\drafts\r6.yaml", Windows), r"C:\drafts\r6.yaml");
        assert_eq!(plain(r"\\?\C:\drafts\r6.yaml", Windows), r"C:\drafts\r6.yaml");
        assert_eq!(plain(r"\\?\UNC\fileserver\share\r6.yaml", Windows), r"\\fileserver\share\r6.yaml");
        assert_eq!(plain(r"\\fileserver\share\r6.yaml", Windows), r"\\fileserver\share\r6.yaml");
        // A verbatim path that is not a drive (a device, a volume GUID) has no plainer form: it stays.
        assert_eq!(plain(r"\\?\Volume{1234}\r6.yaml", Windows), r"\\?\Volume{1234}\r6.yaml");
        // On Unix nothing is rewritten.
        assert_eq!(plain(r"\\?\C:\x", Unix), r"\\?\C:\x");
    }

    #[test]
    fn shown_is_relative_below_the_current_folder() {
        let here = std::env::current_dir().unwrap();
        assert_eq!(
            shown(&here.join("drafts").join("r6.yaml")),
            Path::new("drafts").join("r6.yaml").display().to_string()
        );
        assert_eq!(shown(Path::new("drafts/r6.yaml")), "drafts/r6.yaml");
    }
}
