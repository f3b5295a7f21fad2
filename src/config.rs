//! `senshin-lint.toml`: rule levels, language, the default rounding, and which files a folder check takes.
//!
//! ```toml
//! language = "ja"            # messages: "ja" or "en" (the command line's --lang wins)
//! rounding = "half_up"       # for drafts that do not say: "half_up" (四捨五入) or "down" (切り捨て)
//! previous = "../r5/report.yaml" # last year's draft (relative to this file), unless a draft names its own
//! include = ["drafts/**"]    # when checking folders: only these (relative to this file) …
//! exclude = ["drafts/old/**"] # … and never these
//!
//! [rules]
//! mixed-punctuation = "off"  # or "info", "warning", "error"
//! ```
//!
//! A mistake in the file is a `config` diagnostic at its position; the rest of the file still applies. The
//! settings it holds are read with the same parsers as an editor's settings (`crate::settings`).
//! Globs are compiled once per file with `globset`, whose matching takes time linear in the path whatever
//! the pattern (a backtracking matcher takes minutes on `*a*a*a*a*a*a*a*a*b`).

use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::read::{self, Contents, Unreadable};
use crate::settings::Settings;
use crate::text::Span;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "senshin-lint.toml";

/// Longest glob accepted, in bytes: a path pattern longer than this is a mistake, and compiling it would
/// cost time for nothing.
pub const MAX_GLOB_BYTES: usize = 1024;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The folder the file is in: globs are relative to it.
    pub dir: PathBuf,
    /// The file it was read from.
    pub path: Option<PathBuf>,
    /// Language, rounding and rule levels.
    pub settings: Settings,
    pub include: Globs,
    pub exclude: Globs,
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
    previous: Option<Spanned<String>>,
    include: Option<Spanned<Vec<Spanned<String>>>>,
    exclude: Option<Spanned<Vec<Spanned<String>>>>,
    rules: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
}

fn error(span: Range<usize>, ja: String, en: String) -> Diagnostic {
    mistake(span, Message::new(ja, en))
}

fn mistake(span: Range<usize>, message: Message) -> Diagnostic {
    Diagnostic::new(RuleId::Config, Span::new(span.start, span.end), message)
}

/// Reads a configuration's text; the diagnostics point into it.
pub fn parse(text: &str, dir: &Path) -> (Config, Vec<Diagnostic>) {
    let mut config = Config { dir: dir.to_owned(), ..Config::default() };
    let raw: Raw = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_owned();
            let d = error(
                span,
                "設定ファイルのこの位置を読み取れません。書き方を確かめてください。".to_owned(),
                "The configuration cannot be read here; check how it is written.".to_owned(),
            )
            .note(Message::new(format!("読み取り処理の原文：{message}"), format!("The reader said: {message}")));
            return (config, vec![d]);
        }
    };
    let mut diags = Vec::new();
    let settings = &mut config.settings;
    if let Some(l) = raw.language {
        settings.language = l.get_ref().parse().map_err(|m| diags.push(mistake(l.span(), m))).ok();
    }
    if let Some(r) = raw.rounding {
        settings.rounding = r.get_ref().parse().map_err(|m| diags.push(mistake(r.span(), m))).ok();
    }
    if let Some(p) = raw.previous {
        if p.get_ref().trim().is_empty() {
            diags.push(error(
                p.span(),
                "前年度の報告の下書きのパスが空です。「../r5/report.yaml」のように書いてください。".to_owned(),
                "The path to last year's draft is empty: write it like \"../r5/report.yaml\".".to_owned(),
            ));
        } else {
            let path = dir.join(p.get_ref());
            settings.previous = Some(crate::settings::PreviousPath { path, overrides_draft: false });
        }
    }
    config.include = globs(raw.include, &mut diags);
    config.exclude = globs(raw.exclude, &mut diags);
    for (id, level) in raw.rules.unwrap_or_default() {
        let rule = Settings::rule(id.get_ref()).map_err(|m| diags.push(mistake(id.span(), m)));
        let level = level.get_ref().parse().map_err(|m| diags.push(mistake(level.span(), m)));
        if let (Ok(rule), Ok(level)) = (rule, level) {
            config.settings.levels.insert(rule, level);
        }
    }
    diags.sort_by_key(|d| d.span.start);
    (config, diags)
}

/// A configuration file read: what it sets, its mistakes, its text (for showing them).
pub struct Loaded {
    pub config: Config,
    pub diagnostics: Vec<Diagnostic>,
    pub text: String,
}

/// Reads and parses a configuration file, as every front end does. A file over the size limit is a mistake
/// of its own and sets nothing; one that is not UTF-8 cannot be read.
pub fn load(path: &Path) -> Result<Loaded, Unreadable> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let (mut config, diagnostics, text) = match read::file(path)? {
        Contents::TooLarge(size) => {
            let d = Diagnostic::new(RuleId::Config, Span::empty(0), crate::too_large(size));
            (Config { dir: dir.to_owned(), ..Config::default() }, vec![d], String::new())
        }
        Contents::Bytes(bytes) => {
            let text = String::from_utf8(bytes)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()))?;
            let (config, diagnostics) = parse(&text, dir);
            (config, diagnostics, text)
        }
    };
    config.path = Some(path.to_owned());
    Ok(Loaded { config, diagnostics, text })
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
                format!("ファイル名の型が長すぎます（{}文字分。{MAX_GLOB_BYTES}文字分までです）。", pattern.len()),
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
                "ファイル名の型として読み取れません。「drafts/**」のように書いてください。".to_owned(),
                format!("invalid glob: {}", e.kind()),
            )),
        }
    }
    let set = match builder.build() {
        Ok(set) => any.then_some(set),
        Err(e) => {
            diags.push(error(
                span.clone(),
                "ファイル名の型を読み取れません。「drafts/**」のように書いてください。".to_owned(),
                format!("invalid globs: {e}"),
            ));
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
        let text = "language = \"ja\"\nrounding = \"切捨て\"\n[rules]\nmixed-punctuation = \"off\"\ncolumn-summ = \"error\"\napproved-count = \"loud\"\n";
        let (c, diags) = parse(text, Path::new("."));
        assert_eq!(c.settings.language, Some(crate::diagnostics::Lang::Ja));
        assert_eq!(c.settings.rounding, Some(crate::model::Rounding::Down));
        assert_eq!(c.settings.levels.get(&RuleId::MixedPunctuation), Some(&crate::settings::Level::Off));
        assert!(diags[0].message.en.contains("did you mean `column-sum`"), "{:?}", diags[0].message);
        assert_eq!(diags.len(), 2);
        assert_eq!(&text[diags[0].span.range()], "column-summ");
        assert_eq!(&text[diags[1].span.range()], "\"loud\"");
        let (_, diags) = parse("colour = 1\n", Path::new("."));
        assert_eq!(&"colour = 1\n"[diags[0].span.range()], "colour");
    }
}
