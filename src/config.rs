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
//! Globs are compiled once per file with `globset`, whose matching takes time linear in the path whatever
//! the pattern (a backtracking matcher takes minutes on `*a*a*a*a*a*a*a*a*b`).

use crate::diagnostics::{Diagnostic, Lang, Message, Severity};
use crate::model::Rounding;
use crate::rules::{self, config as config_rule};
use crate::text::Span;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "senshin-lint.toml";

/// Longest glob accepted, in bytes: a path pattern longer than this is a mistake, and compiling it would
/// cost time for nothing.
pub const MAX_GLOB_BYTES: usize = 1024;

/// A level per rule id; `None` turns the rule off.
pub type Levels = HashMap<String, Option<Severity>>;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The folder the file is in: globs are relative to it.
    pub dir: PathBuf,
    /// The file it was read from.
    pub path: Option<PathBuf>,
    pub language: Option<Lang>,
    pub rounding: Option<Rounding>,
    pub include: Globs,
    pub exclude: Globs,
    pub levels: Levels,
}

/// `include` or `exclude`, compiled.
#[derive(Debug, Clone, Default)]
pub struct Globs {
    /// `None` when the list is absent, empty, or holds no valid glob.
    set: Option<GlobSet>,
    /// Where the list is written in the configuration file.
    pub span: Option<Range<usize>>,
}

impl Globs {
    pub fn is_empty(&self) -> bool {
        self.set.is_none()
    }

    /// Whether `path`, relative to the configuration's folder with `/` between names, matches a glob.
    pub fn matches(&self, path: &str) -> bool {
        self.set.as_ref().is_some_and(|s| s.is_match(path))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    language: Option<Spanned<String>>,
    rounding: Option<Spanned<String>>,
    include: Option<Spanned<Vec<Spanned<String>>>>,
    exclude: Option<Spanned<Vec<Spanned<String>>>>,
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
    config.include = globs(raw.include, &mut diags);
    config.exclude = globs(raw.exclude, &mut diags);
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

/// The nearest `senshin-lint.toml` in `dir` or a folder above it, up to the repository's root (a folder
/// holding `.git`) or the user's home, whichever comes first: a file above them belongs to someone else, and
/// could turn the checks of a published report off.
pub fn find(dir: &Path) -> Option<PathBuf> {
    let home = std::env::home_dir();
    for d in dir.ancestors() {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() || home.as_deref() == Some(d) {
            return None;
        }
    }
    None
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

/// Compiles a list of globs: `*` and `?` within a folder name, `**` across folders, `{a,b}` either, `[ab]` one
/// of. A glob that cannot be compiled is a diagnostic at its position; the others still apply.
fn globs(list: Option<Spanned<Vec<Spanned<String>>>>, diags: &mut Vec<Diagnostic>) -> Globs {
    let Some(list) = list else { return Globs::default() };
    let span = list.span();
    let mut builder = GlobSetBuilder::new();
    let mut any = false;
    for glob in list.into_inner() {
        let pattern = glob.get_ref();
        if pattern.len() > MAX_GLOB_BYTES {
            diags.push(error(
                glob.span(),
                format!("glob が長すぎます（{} バイト、上限 {MAX_GLOB_BYTES} バイト）", pattern.len()),
                format!("the glob is too long ({} bytes; the limit is {MAX_GLOB_BYTES})", pattern.len()),
            ));
            continue;
        }
        match GlobBuilder::new(pattern).literal_separator(true).build() {
            Ok(g) => {
                builder.add(g);
                any = true;
            }
            Err(e) => diags.push(error(
                glob.span(),
                format!("glob として読めません: {}", e.kind()),
                format!("invalid glob: {}", e.kind()),
            )),
        }
    }
    let set = match builder.build() {
        Ok(set) => any.then_some(set),
        Err(e) => {
            diags.push(error(span.clone(), format!("glob として読めません: {e}"), format!("invalid globs: {e}")));
            None
        }
    };
    Globs { set, span: Some(span) }
}

impl Config {
    /// Whether a file found in a folder walk is taken, by `include` and `exclude`.
    pub fn takes(&self, path: &Path) -> bool {
        let rel = path.strip_prefix(&self.dir).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let rel = rel.trim_start_matches("./");
        (self.include.is_empty() || self.include.matches(rel)) && !self.exclude.matches(rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn takes(include: &str, exclude: &str, path: &str) -> bool {
        let text = format!("include = [{include}]\nexclude = [{exclude}]\n");
        let (c, diags) = parse(&text, Path::new("/r"));
        assert!(diags.is_empty(), "{diags:?}");
        c.takes(&Path::new("/r").join(path))
    }

    #[test]
    fn globs() {
        assert!(takes("\"drafts/**\"", "", "drafts/2024/r.yaml"));
        assert!(takes("\"**/*.yaml\"", "", "a/b/c.yaml"));
        assert!(takes("\"*.yaml\"", "", "r.yaml"));
        assert!(!takes("\"*.yaml\"", "", "a/r.yaml"));
        assert!(takes("\"r?.yml\"", "", "r6.yml"));
        assert!(takes("", "\"drafts/old/**\"", "drafts/new/r.yaml"));
        assert!(!takes("", "\"drafts/old/**\"", "drafts/old/r.yaml"));
        assert!(takes("", "", "anything.yaml"));
    }

    #[test]
    fn a_pathological_glob_is_fast_and_a_bad_one_is_a_diagnostic() {
        let start = std::time::Instant::now();
        let name = format!("d/{}.yaml", "a".repeat(60));
        assert!(!takes("\"d/*a*a*a*a*a*a*a*a*b\"", "", &name));
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        let text = format!("include = [\"[z-a\", \"{}\", \"ok/**\"]\n", "*".repeat(200_000));
        let (c, diags) = parse(&text, Path::new("/r"));
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(&text[diags[0].span.range()], "\"[z-a\"");
        assert!(diags[1].message.en.contains("too long"));
        assert!(c.takes(Path::new("/r/ok/x.yaml")) && !c.takes(Path::new("/r/no/x.yaml")));
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
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
