//! Writing a fixed draft back without losing a byte: the new bytes go to a temporary file created
//! exclusively, under a random name, beside the draft (a draft that is a link: beside its target, and the
//! link stays), with the draft's permissions from the start; it replaces the draft by a rename only if the
//! draft still holds what was read. Any failure leaves the draft as it was and no temporary file behind.

use std::io::Write;
use std::path::Path;

#[derive(Debug)]
pub enum WriteError {
    /// The draft changed since it was read (an editor saved it, another `--fix` ran): it is not overwritten.
    Changed,
    Io(std::io::Error),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// Replaces the draft at `path`, which held `read` when it was read, by `bytes`.
pub fn replace(path: &Path, read: &[u8], bytes: &[u8]) -> Result<(), WriteError> {
    // The file itself, through any links, so that a link stays a link.
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(&target)?.permissions();
    // A short name: a draft's own name may already be as long as a name can be.
    let mut tmp = tempfile::Builder::new()
        .prefix(".senshin-lint-")
        .suffix(".tmp")
        .permissions(permissions.clone())
        .tempfile_in(dir)?;
    // The umask may have narrowed the mode at creation; give the draft's exactly.
    tmp.as_file().set_permissions(permissions)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if std::fs::read(&target)? != read {
        return Err(WriteError::Changed);
    }
    tmp.persist(&target).map_err(|e| WriteError::Io(e.error))?;
    Ok(())
}

/// Writes a new file (a rendered page) whole or not at all: a temporary file beside it, renamed into place. The
/// page is for others to read (a shared folder), so it gets the ordinary 0644, not a temporary file's 0600.
pub fn create(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".senshin-lint-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("senshin-lint-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn leftovers(d: &Path) -> Vec<String> {
        let names = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
        names.filter(|n| n.ends_with(".tmp")).collect()
    }

    #[test]
    fn a_draft_changed_since_it_was_read_is_not_overwritten() {
        let d = dir("changed");
        let draft = d.join("r.yaml");
        std::fs::write(&draft, "saved by the editor meanwhile").unwrap();
        let e = replace(&draft, b"what was read", b"fixed").unwrap_err();
        assert!(matches!(e, WriteError::Changed));
        assert_eq!(std::fs::read_to_string(&draft).unwrap(), "saved by the editor meanwhile");
        assert!(leftovers(&d).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn links_modes_and_long_names() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let d = dir("links");
        // A link to a draft: the target gets the text, the link stays.
        let real = d.join("real.yaml");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = d.join("link.yaml");
        symlink(&real, &link).unwrap();
        replace(&link, b"old", b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o600);
        // A name of 250 bytes, close to the limit of 255.
        let long = d.join(format!("{}.yaml", "x".repeat(245)));
        std::fs::write(&long, "old").unwrap();
        replace(&long, b"old", b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&long).unwrap(), "new");
        assert!(leftovers(&d).is_empty());
    }
}
