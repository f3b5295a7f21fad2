//! The configuration of each open draft: the `senshin-lint.toml` found from the draft's own folder upward, read
//! as the command line reads it (`config::find`, `config::load`), so that the editor and CI never disagree. A
//! file is read again when its modification time or size changes: every analysis looks (a few `stat`s), and a
//! client that watches files tells the server at once (`workspace/didChangeWatchedFiles`).

use crate::config::{self, Config};
use crate::diagnostics::Diagnostic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// What tells one version of a file from the next without reading it.
type Seen = (Option<SystemTime>, u64);

#[derive(Default)]
pub struct Configs {
    by_path: HashMap<PathBuf, (Seen, Arc<Config>)>,
}

/// A configuration file read anew: its mistakes, to be shown on the file itself.
pub struct Reread {
    pub path: PathBuf,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

fn seen(path: &Path) -> Option<Seen> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok(), meta.len()))
}

impl Configs {
    /// Forgets what was read of a file that changed: the next analysis reads it again, whatever its time and size.
    pub fn forget(&mut self, path: &Path) {
        self.by_path.remove(path);
    }

    /// The configuration for a draft at `path` (`None`: a buffer without a file, under no configuration), and
    /// the file when it was read anew.
    pub fn for_draft(&mut self, path: Option<&Path>) -> (Option<Arc<Config>>, Option<Reread>) {
        let Some(file) = path.and_then(|p| config::find(p.parent()?)) else { return (None, None) };
        let now = seen(&file);
        if let (Some(now), Some((was, config))) = (now, self.by_path.get(&file))
            && *was == now
        {
            return (Some(config.clone()), None);
        }
        match config::load(&file) {
            Ok(loaded) => {
                let config = Arc::new(loaded.config);
                if let Some(now) = now {
                    self.by_path.insert(file.clone(), (now, config.clone()));
                }
                let reread = Reread { path: file, text: loaded.text, diagnostics: loaded.diagnostics };
                (Some(config), Some(reread))
            }
            // Unreadable (removed meanwhile, not UTF-8): the checks run at their defaults, never fewer.
            Err(_) => {
                self.by_path.remove(&file);
                (None, None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::RuleId;
    use crate::settings::Level;

    #[test]
    fn a_changed_file_is_read_again_and_an_unchanged_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        let (toml, draft) = (dir.path().join(config::FILE_NAME), dir.path().join("sub/r.yaml"));
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let mut configs = Configs::default();
        assert!(configs.for_draft(Some(&draft)).0.is_none());
        std::fs::write(&toml, "[rules]\ncolumn-sum = \"off\"\n").unwrap();
        let (config, reread) = configs.for_draft(Some(&draft));
        assert_eq!(config.unwrap().settings.levels.get(&RuleId::ColumnSum), Some(&Level::Off));
        assert!(reread.is_some_and(|r| r.diagnostics.is_empty()));
        assert!(configs.for_draft(Some(&draft)).1.is_none(), "unchanged: not read again");
        std::fs::write(&toml, "[rules]\ncolumn-sum = \"warning\"\nprior = \"off\"\n").unwrap();
        let (config, reread) = configs.for_draft(Some(&draft));
        assert!(config.unwrap().settings.levels.get(&RuleId::ColumnSum) != Some(&Level::Off));
        assert_eq!(reread.unwrap().diagnostics.len(), 1);
    }
}
