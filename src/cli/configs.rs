//! Which configuration applies to which file: `--config` for all, else the nearest `senshin-lint.toml` above
//! each file (read once per folder). A configuration with mistakes is reported as a file of its own.

use super::Checked;
use crate::config::{self, Config};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct Configs {
    explicit: Option<Arc<Config>>,
    by_file: Mutex<HashMap<PathBuf, Arc<Config>>>,
    problems: Mutex<Vec<Checked>>,
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

impl Configs {
    pub fn new(explicit: Option<&Path>) -> std::io::Result<Configs> {
        let configs = Configs { explicit: None, by_file: Mutex::new(HashMap::new()), problems: Mutex::new(Vec::new()) };
        match explicit {
            Some(path) => {
                let loaded = configs.load(&absolute(path))?;
                Ok(Configs { explicit: Some(loaded), ..configs })
            }
            None => Ok(configs),
        }
    }

    fn load(&self, path: &Path) -> std::io::Result<Arc<Config>> {
        if let Some(c) = self.by_file.lock().unwrap_or_else(|e| e.into_inner()).get(path) {
            return Ok(c.clone());
        }
        let text = std::fs::read_to_string(path)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let (config, diagnostics) = config::parse(&text, dir);
        if !diagnostics.is_empty() {
            let shown = path.display().to_string();
            self.problems.lock().unwrap_or_else(|e| e.into_inner()).push(Checked { path: shown, text, diagnostics });
        }
        let config = Arc::new(config);
        self.by_file.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_owned(), config.clone());
        Ok(config)
    }

    /// The configuration for a file (or, for a folder, the files in it).
    pub fn for_path(&self, path: &Path) -> Option<Arc<Config>> {
        if let Some(c) = &self.explicit {
            return Some(c.clone());
        }
        let abs = absolute(path);
        let dir = if abs.is_dir() { abs.as_path() } else { abs.parent()? };
        // An unreadable configuration is left out; reading the drafts reports what cannot be read.
        config::find(dir).and_then(|p| self.load(&p).ok())
    }

    /// Whether a file found in a folder walk is taken.
    pub fn takes(&self, path: &Path) -> bool {
        self.for_path(path).is_none_or(|c| c.takes(&absolute(path)))
    }

    /// The configurations read so far that have mistakes, as files to report.
    pub fn problems(&self) -> Vec<Checked> {
        self.problems.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}
