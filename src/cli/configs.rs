//! Which configuration applies to which file: `--config` for all, else the nearest `senshin-lint.toml` above
//! each file, up to the repository's root or the home folder (`config::find`), read once. A configuration
//! with mistakes is reported as a file of its own; the ones that applied are named in the summary.

use super::Checked;
use super::paths::{absolute, shown};
use crate::config::{self, Config};
use crate::diagnostics::RuleId;
use crate::diagnostics::{Diagnostic, Lang, Message, Severity};
use crate::read::Unreadable;
use crate::text::Span;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

#[derive(Default)]
pub struct Configs {
    explicit: Option<Arc<Config>>,
    /// The configuration found for each folder, so that a folder of 10,000 drafts is searched once.
    by_dir: Mutex<HashMap<PathBuf, Option<Arc<Config>>>>,
    by_file: Mutex<HashMap<PathBuf, Arc<Config>>>,
    /// Each configuration's text, for a warning that points into it after the walk.
    texts: Mutex<HashMap<PathBuf, String>>,
    problems: Mutex<Vec<Checked>>,
    /// The command line's settings, on top of every configuration (`--previous`).
    over: Option<crate::settings::Settings>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Configs {
    pub fn new(explicit: Option<&Path>) -> Result<Configs, Unreadable> {
        let configs = Configs::default();
        match explicit {
            Some(path) => {
                let loaded = configs.load(&absolute(path))?;
                Ok(Configs { explicit: Some(loaded), ..configs })
            }
            None => Ok(configs),
        }
    }

    fn load(&self, path: &Path) -> Result<Arc<Config>, Unreadable> {
        if let Some(c) = lock(&self.by_file).get(path) {
            return Ok(c.clone());
        }
        let config::Loaded { config, diagnostics, text } = config::load(path)?;
        if !diagnostics.is_empty() {
            let shown = shown(path);
            lock(&self.problems).push(Checked { path: shown, text: text.clone(), diagnostics, previous: None });
        }
        lock(&self.texts).insert(path.to_owned(), text);
        let config = Arc::new(config);
        lock(&self.by_file).insert(path.to_owned(), config.clone());
        Ok(config)
    }

    /// With the command line's settings on top of every configuration.
    pub fn with(self, over: crate::settings::Settings) -> Configs {
        Configs { over: Some(over), ..self }
    }

    /// The configuration for a file (or, for a folder, the files in it), with the command line's settings on
    /// top.
    pub fn for_path(&self, path: &Path) -> Option<Arc<Config>> {
        let found = self.found_for(path);
        let Some(over) = &self.over else { return found };
        let mut config = found.map_or_else(Config::default, |c| (*c).clone());
        config.settings = config.settings.with(over);
        Some(Arc::new(config))
    }

    fn found_for(&self, path: &Path) -> Option<Arc<Config>> {
        if let Some(c) = &self.explicit {
            return Some(c.clone());
        }
        let abs = absolute(path);
        let dir = if abs.is_dir() { abs } else { abs.parent()?.to_owned() };
        if let Some(found) = lock(&self.by_dir).get(&dir) {
            return found.clone();
        }
        // An unreadable configuration is left out: the checks then run at their defaults, never fewer.
        let found = config::find(&dir).and_then(|p| self.load(&p).ok());
        lock(&self.by_dir).insert(dir, found.clone());
        found
    }

    /// The configurations read since the last call that have mistakes, as files to report.
    pub fn take_problems(&self) -> Vec<Checked> {
        std::mem::take(&mut *lock(&self.problems))
    }

    /// A warning on a configuration whose `include` or `exclude` left a folder without a draft to check.
    pub fn left_nothing(&self, config: &Config, folder: &Path, yaml_files: usize) -> Option<Checked> {
        let path = config.path.as_deref()?;
        let text = lock(&self.texts).get(path).cloned().unwrap_or_default();
        let (key, span) = match (&config.include.span, &config.exclude.span) {
            (Some(s), _) if !config.include.is_empty() => ("include", s.clone()),
            (_, Some(s)) => ("exclude", s.clone()),
            _ => ("include", 0..0),
        };
        let folder = shown(folder);
        let message = Message::new(
            format!(
                "設定の「{key}」により、{folder} の下書き（YAML）{yaml_files}個がすべて検査から外れ、検査する下書きがありません。"
            ),
            format!(
                "`{key}` leaves no draft to check in {folder}: all {yaml_files} YAML file{} there are left out",
                if yaml_files == 1 { "" } else { "s" }
            ),
        );
        let mut d = Diagnostic::new(RuleId::Config, Span::new(span.start, span.end), message);
        d.severity = Severity::Warning;
        Some(Checked { path: shown(path), text, diagnostics: vec![d], previous: None })
    }
}

/// The notice for a folder that held no report draft at all.
pub fn no_drafts(folder: &Path, lang: Lang) -> String {
    let folder = shown(folder);
    match lang {
        Lang::Ja => format!("{folder} に報告書の下書き（YAML）が見つかりませんでした。"),
        Lang::En => format!("no report draft (YAML) found in {folder}"),
    }
}
