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

/// Without Windows' verbatim and device prefixes (`\\?\C:\…`, `\\.\C:\…`, `\\?\UNC\server\…`, also with forward
/// slashes), which no user typed and not every program accepts; elsewhere the path as it is. A prefixed path
/// that is not a drive or a shared folder (a volume, a device) has no plainer form and stays.
pub fn plain(path: &str, style: Style) -> std::borrow::Cow<'_, str> {
    let b = path.as_bytes();
    if style == Style::Windows && b.len() >= 4 && is_sep(b[0]) && is_sep(b[1]) && b"?.".contains(&b[2]) && is_sep(b[3])
    {
        let rest = &path[4..];
        let r = rest.as_bytes();
        if r.len() >= 4 && r[..3].eq_ignore_ascii_case(b"UNC") && is_sep(r[3]) {
            return format!("{}{}", &path[..2], &rest[4..]).into();
        }
        if is_drive(r) {
            return rest.into();
        }
    }
    path.into()
}

fn is_sep(b: u8) -> bool {
    b == b'\\' || b == b'/'
}

/// `C:` followed by a separator or nothing.
fn is_drive(b: &[u8]) -> bool {
    b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b.len() == 2 || is_sep(b[2]))
}

/// A Windows path that is neither relative nor absolute, for which a URI has no form: `C:r6.yaml` (in drive C's
/// current folder), `C:` alone, and `\drafts\r6.yaml` (on the current drive).
pub fn needs_absolute(path: &str, style: Style) -> bool {
    let b = path.as_bytes();
    let drive_relative = b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && !(b.len() > 2 && is_sep(b[2]));
    let root_relative = !b.is_empty() && is_sep(b[0]) && !(b.len() > 1 && is_sep(b[1]));
    style == Style::Windows && (drive_relative || root_relative)
}

/// A path as a URI reference: a relative path stays relative, an absolute one becomes a `file:` URI, and
/// every byte but the unreserved ones and `/` is percent-encoded (`my report #1.yaml` is not a URI).
pub fn uri(path: &str) -> String {
    if needs_absolute(path, Style::NATIVE) {
        return uri_in(&absolute(Path::new(path)).display().to_string(), Style::NATIVE);
    }
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
        // Device paths and forward slashes are the same prefixes.
        assert_eq!(plain(r"\\.\C:\drafts\r6.yaml", Windows), r"C:\drafts\r6.yaml");
        assert_eq!(plain("//?/C:/drafts/r6.yaml", Windows), "C:/drafts/r6.yaml");
        assert_eq!(plain("//?/unc/fileserver/share/r6.yaml", Windows), "//fileserver/share/r6.yaml");
        // On Unix nothing is rewritten.
        assert_eq!(plain(r"\\?\C:\x", Unix), r"\\?\C:\x");
    }

    #[test]
    fn windows_paths_without_a_uri_form_are_made_absolute_first() {
        for p in ["C:r6.yaml", "C:", r"\drafts\r6.yaml", "/drafts/r6.yaml"] {
            assert!(needs_absolute(p, Windows), "{p}");
        }
        for p in [r"C:\r6.yaml", "C:/r6.yaml", r"\\server\share\r6.yaml", r"drafts\r6.yaml", "r6.yaml", ""] {
            assert!(!needs_absolute(p, Windows), "{p}");
        }
        assert!(!needs_absolute("/tmp/r6.yaml", Unix));
        assert!(!needs_absolute("C:r6.yaml", Unix));
        assert_eq!(uri_in("//./C:/drafts/r6.yaml", Windows), "file:///C:/drafts/r6.yaml");
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
