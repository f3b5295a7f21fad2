//! `senshin-lint.toml`: rule levels, language, the default rounding, and which files a folder check takes.
//!
//! ```toml
//! language = "ja"            # messages: "ja" or "en" (the command line's --lang wins)
//! rounding = "half_up"       # for drafts that do not say: "half_up" (四捨五入) or "down" (切り捨て)
//! include = ["drafts/**"]    # when checking folders: only these (relative to this file) …
//! exclude = ["drafts/old/**"] # … and never these
//!
//! [rules]
//! mixed-punctuation = "off"  # or "info", "warning", "error"
//! ```
//!
//! A mistake in the file is a `config` diagnostic at its position; the rest of the file still applies.

use crate::diagnostics::{Diagnostic, Lang, Message, Severity};
use crate::model::Rounding;
use crate::rules::{self, config as config_rule};
use crate::text::Span;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "senshin-lint.toml";

/// A level per rule id; `None` turns the rule off.
pub type Levels = HashMap<String, Option<Severity>>;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The folder the file is in: globs are relative to it.
    pub dir: PathBuf,
    pub language: Option<Lang>,
    pub rounding: Option<Rounding>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub levels: Levels,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    language: Option<Spanned<String>>,
    rounding: Option<Spanned<String>>,
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    rules: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
}

fn error(span: std::ops::Range<usize>, ja: String, en: String) -> Diagnostic {
    Diagnostic::new(&config_rule::RULE, Span::new(span.start, span.end), Message::new(ja, en))
}

/// Reads a configuration's text; the diagnostics point into it.
pub fn parse(text: &str, dir: &Path) -> (Config, Vec<Diagnostic>) {
    let mut config = Config { dir: dir.to_owned(), ..Config::default() };
    let raw: Raw = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_owned();
            let d = error(span, format!("設定ファイルの誤り: {message}"), format!("configuration error: {message}"));
            return (config, vec![d]);
        }
    };
    let mut diags = Vec::new();
    if let Some(l) = raw.language {
        match l.get_ref().as_str() {
            "ja" => config.language = Some(Lang::Ja),
            "en" => config.language = Some(Lang::En),
            other => diags.push(error(
                l.span(),
                format!("language `{other}` は不明です（\"ja\" または \"en\"）"),
                format!("unknown language `{other}` (\"ja\" or \"en\")"),
            )),
        }
    }
    if let Some(r) = raw.rounding {
        match r.get_ref().as_str() {
            "half_up" | "四捨五入" => config.rounding = Some(Rounding::HalfUp),
            "down" | "切り捨て" => config.rounding = Some(Rounding::Down),
            other => diags.push(error(
                r.span(),
                format!("rounding `{other}` は不明です（\"half_up\"＝四捨五入 または \"down\"＝切り捨て）"),
                format!("unknown rounding `{other}` (\"half_up\" or \"down\")"),
            )),
        }
    }
    config.include = raw.include.unwrap_or_default();
    config.exclude = raw.exclude.unwrap_or_default();
    for (id, level) in raw.rules.unwrap_or_default() {
        if rules::find(id.get_ref()).is_none() {
            let ids: Vec<&str> = rules::ALL.iter().map(|r| r.id).collect();
            diags.push(error(
                id.span(),
                format!("`{}` という規則はありません（senshin-lint rules で一覧）", id.get_ref()),
                format!("there is no rule `{}`; rules: {}", id.get_ref(), ids.join(", ")),
            ));
            continue;
        }
        let parsed = match level.get_ref().as_str() {
            "off" => None,
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            other => {
                diags.push(error(
                    level.span(),
                    format!("`{other}` は水準ではありません（\"off\"、\"info\"、\"warning\"、\"error\"）"),
                    format!("`{other}` is not a level (\"off\", \"info\", \"warning\", \"error\")"),
                ));
                continue;
            }
        };
        config.levels.insert(id.into_inner(), parsed);
    }
    diags.sort_by_key(|d| d.span.start);
    (config, diags)
}

/// The nearest `senshin-lint.toml` in `dir` or a folder above it.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// Diagnostics as the levels want them: rules turned off are dropped, severities overridden.
pub fn apply_levels(diagnostics: Vec<Diagnostic>, levels: &Levels) -> Vec<Diagnostic> {
    if levels.is_empty() {
        return diagnostics;
    }
    diagnostics
        .into_iter()
        .filter_map(|d| match levels.get(d.rule) {
            Some(None) => None,
            Some(Some(s)) => Some(Diagnostic { severity: *s, ..d }),
            None => Some(d),
        })
        .collect()
}

/// Whether `path` (relative to the configuration's folder) matches a glob: `*` within a folder name, `**`
/// across folders, `?` one character.
pub fn glob_match(glob: &str, path: &str) -> bool {
    fn go(g: &[&str], p: &[&str]) -> bool {
        match (g.first(), p.first()) {
            (None, None) => true,
            (Some(&"**"), _) => go(&g[1..], p) || (!p.is_empty() && go(g, &p[1..])),
            (Some(seg), Some(name)) => segment(seg, name) && go(&g[1..], &p[1..]),
            _ => false,
        }
    }
    fn segment(g: &str, s: &str) -> bool {
        let (g, s): (Vec<char>, Vec<char>) = (g.chars().collect(), s.chars().collect());
        fn m(g: &[char], s: &[char]) -> bool {
            match (g.first(), s.first()) {
                (None, None) => true,
                (Some('*'), _) => m(&g[1..], s) || (!s.is_empty() && m(g, &s[1..])),
                (Some('?'), Some(_)) => m(&g[1..], &s[1..]),
                (Some(a), Some(b)) => a == b && m(&g[1..], &s[1..]),
                _ => false,
            }
        }
        m(&g, &s)
    }
    let g: Vec<&str> = glob.split('/').filter(|s| !s.is_empty()).collect();
    let p: Vec<&str> = path.split(['/', '\\']).filter(|s| !s.is_empty()).collect();
    go(&g, &p)
}

impl Config {
    /// Whether a file found in a folder walk is taken, by `include` and `exclude`.
    pub fn takes(&self, path: &Path) -> bool {
        let rel = path.strip_prefix(&self.dir).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let rel = rel.trim_start_matches("./");
        let included = self.include.is_empty() || self.include.iter().any(|g| glob_match(g, rel));
        included && !self.exclude.iter().any(|g| glob_match(g, rel))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("drafts/**", "drafts/2024/r.yaml"));
        assert!(glob_match("**/*.yaml", "a/b/c.yaml"));
        assert!(glob_match("*.yaml", "r.yaml"));
        assert!(!glob_match("*.yaml", "a/r.yaml"));
        assert!(glob_match("r?.yml", "r6.yml"));
        assert!(!glob_match("drafts/old/**", "drafts/new/r.yaml"));
    }

    #[test]
    fn parses_and_points_at_mistakes() {
        let text = "language = \"ja\"\nrounding = \"down\"\n[rules]\nmixed-punctuation = \"off\"\ncolumn-summ = \"error\"\napproved-count = \"loud\"\n";
        let (c, diags) = parse(text, Path::new("."));
        assert_eq!(c.language, Some(Lang::Ja));
        assert_eq!(c.rounding, Some(Rounding::Down));
        assert_eq!(c.levels.get("mixed-punctuation"), Some(&None));
        assert_eq!(diags.len(), 2);
        assert_eq!(&text[diags[0].span.range()], "column-summ");
        assert_eq!(&text[diags[1].span.range()], "\"loud\"");
        let (_, diags) = parse("colour = 1\n", Path::new("."));
        assert_eq!(&"colour = 1\n"[diags[0].span.range()], "colour");
    }
}
