//! Last year's draft, for the `previous-*` rules: where the analysis wants it from, and whether the draft a
//! front end found is last year's. The analysis reads no file: a front end loads the draft (from disk, or
//! from an editor's buffer) and the analysis checks against it. Without one, no `previous-*` rule runs.

use crate::diagnostics::{Diagnostic, Message, RuleId};
use crate::model::places::period;
use crate::model::read::era_text;
use crate::settings::Settings;
use crate::text::Span;
use crate::{Analysis, model::Report};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Last year's draft, read and analysed on its own (never against its own previous draft).
#[derive(Debug)]
pub struct Previous {
    /// As the front end shows it: a path, or an editor's URI.
    pub name: String,
    pub text: String,
    pub analysis: Analysis,
}

impl Previous {
    /// Analyses last year's draft under the same settings as this year's.
    pub fn new(name: String, text: String, settings: &Settings) -> Previous {
        let analysis = crate::analyze_with(&text, settings);
        Previous { name, text, analysis }
    }
}

/// Where the analysis wants last year's draft from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted<'a> {
    /// A path from the settings: a configuration's (resolved from its folder) or the command line's.
    Given(&'a Path),
    /// The draft's own `report.previous`, as written: a path from the draft's folder.
    Written(&'a str),
}

/// A front end's answer: the draft, or why it cannot be read (in both languages).
pub type Loaded = Result<Arc<Previous>, Message>;

/// A front end's way of loading last year's draft; `None` when it loads none (tests, the fuzzer).
pub type Loader<'l> = &'l mut dyn FnMut(Wanted) -> Option<Loaded>;

/// Which draft to load: the command line's, else the draft's own, else a configuration's; and where the
/// draft names it (`None`: the configuration or the command line does).
pub(crate) fn wanted<'a>(report: &'a Report, settings: &'a Settings) -> Option<(Wanted<'a>, Option<Span>)> {
    let written = report.meta.previous.as_ref();
    match (&settings.previous, written) {
        (Some(p), _) if p.overrides_draft => Some((Wanted::Given(&p.path), None)),
        (_, Some(w)) => Some((Wanted::Written(&w.value), Some(w.span))),
        (Some(p), None) => Some((Wanted::Given(&p.path), None)),
        (None, None) => None,
    }
}

/// Last year's draft if it can be checked against: read, parsed to its end, and of the year before this
/// one. Otherwise the one `previous-draft` finding that says why: at the draft's `report.previous`, else at
/// its top with a note saying where the name came from.
pub(crate) fn usable(report: &Report, loaded: Loaded, at: Option<Span>) -> Result<Arc<Previous>, Box<Diagnostic>> {
    let fail = |m: Message| {
        let d = Diagnostic::new(RuleId::PreviousDraft, at.unwrap_or(Span::empty(0)), m);
        if at.is_some() {
            return d;
        }
        d.note(Message::new(
            "前年度の報告の下書きは、設定ファイル「senshin-lint.toml」の「previous」、またはコマンドの「--previous」で指定されています。",
            "Last year's draft is named by `previous` in senshin-lint.toml, or by --previous on the command line.",
        ))
    };
    let previous = loaded.map_err(|m| Box::new(fail(m)))?;
    let name = &previous.name;
    if !previous.analysis.parsed {
        return Err(Box::new(
            fail(Message::new(
                format!("前年度の報告の下書き「{name}」を最後まで読み取れないため、前年度との照合をしていません。"),
                format!("Last year's draft ({name}) cannot be read to its end, so nothing is compared with it."),
            ))
            .note(Message::new(
                format!("先に「{name}」を検査し、誤りを直してください。"),
                format!("Check {name} first and fix what it reports."),
            )),
        ));
    }
    // This draft's period was read (the analysis asks only then); last year's must be too, or nothing tells
    // that the file is last year's report at all (an empty file, another YAML file).
    let Some(mine) = &report.meta.period else { return Ok(previous) };
    let Some(theirs) = &previous.analysis.report.meta.period else {
        return Err(Box::new(fail(Message::new(
            format!("前年度の報告の下書き「{name}」から対象期間を読み取れないため、前年度との照合をしていません。"),
            format!("The reporting period of last year's draft ({name}) cannot be read, so nothing is compared with it."),
        ))
        .note(Message::new(
            format!("「{name}」が前年度の報告の下書きか確かめてください。下書きであれば、先に検査して誤りを直してください。"),
            format!("Check that {name} is last year's draft; if it is, check it first and fix what it reports."),
        ))));
    };
    let day_before = mine.value.0.yesterday().ok();
    if day_before != Some(theirs.value.1) {
        let expected = day_before.map_or(String::new(), era_text);
        return Err(Box::new(
            fail(Message::new(
                format!(
                    "前年度の報告の下書き「{name}」の対象期間は{}で、今年度の対象期間の前の年度ではありません。",
                    period(theirs.value)
                ),
                format!(
                    "Last year's draft ({name}) covers {}, which is not the year before this report's period.",
                    period(theirs.value)
                ),
            ))
            .note(Message::new(
                format!("前年度の報告は{expected}に終わる期間のものです。ファイルの指定を確かめてください。"),
                format!("Last year's report covers the period ending on {expected}. Check which file is named."),
            )),
        ));
    }
    Ok(previous)
}

/// The text an editor has open at a path, if it has.
type OpenText<'a> = dyn Fn(&Path) -> Option<String> + Send + Sync + 'a;

/// Last year's draft as a front end reads it: from an editor's buffer when it is open there (`open`), else
/// from disk; read once for all the analyses of one text (a fix's rounds).
pub struct LastYear<'a> {
    /// The draft itself, absolute: a path written in it is from its folder, and a configuration's `previous`,
    /// which applies to every draft below it, is not applied to last year's draft itself.
    own: Option<PathBuf>,
    settings: &'a Settings,
    /// How the front end names a file it read.
    name: &'a (dyn Fn(&Path) -> String + Sync),
    /// A text open in an editor, by path: newer than the file.
    open: Box<OpenText<'a>>,
    loaded: Mutex<Option<(PathBuf, Loaded)>>,
}

impl<'a> LastYear<'a> {
    pub fn new(
        draft: Option<&Path>,
        settings: &'a Settings,
        name: &'a (dyn Fn(&Path) -> String + Sync),
    ) -> LastYear<'a> {
        LastYear { own: draft.map(absolute), settings, name, open: Box::new(|_| None), loaded: Mutex::new(None) }
    }

    /// With the texts an editor has open.
    pub fn with_open(mut self, open: impl Fn(&Path) -> Option<String> + Send + Sync + 'a) -> LastYear<'a> {
        self.open = Box::new(open);
        self
    }

    /// Analyses a draft against last year's, when the settings or the draft name one.
    pub fn analyze(&self, text: &str) -> Analysis {
        crate::analyze_loading(text, self.settings, &mut |wanted| self.load(wanted))
    }

    /// The file last asked for, whether or not it could be read: a front end that watches files analyses
    /// the draft again when it changes.
    pub fn asked(&self) -> Option<PathBuf> {
        self.loaded.lock().unwrap_or_else(|e| e.into_inner()).as_ref().map(|(p, _)| p.clone())
    }

    fn load(&self, wanted: Wanted) -> Option<Loaded> {
        let given = matches!(wanted, Wanted::Given(_));
        let path = absolute(&match wanted {
            Wanted::Given(p) => p.to_owned(),
            // As typed on Windows too (`..\r5\report.yaml`): a draft is shared between machines.
            Wanted::Written(s) => {
                let dir = self.own.as_deref().and_then(Path::parent).unwrap_or(Path::new("."));
                dir.join(s.trim().replace('\\', "/"))
            }
        });
        if given && self.own.as_ref() == Some(&path) {
            return None;
        }
        let mut cache = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((p, loaded)) = cache.as_ref()
            && *p == path
        {
            return Some(loaded.clone());
        }
        let loaded = self.read(&path);
        *cache = Some((path, loaded.clone()));
        Some(loaded)
    }

    fn read(&self, path: &Path) -> Loaded {
        let name = (self.name)(path);
        match (self.open)(path) {
            Some(text) => Ok(Arc::new(Previous::new(name, text, self.settings))),
            None => read(path, name, self.settings),
        }
    }
}

/// Reads last year's draft from disk and analyses it (never against its own previous draft), or says why it
/// cannot be read; `name` is how the front end shows its path.
pub fn read(path: &Path, name: String, settings: &Settings) -> Loaded {
    let cannot = |why: Message| {
        Message::new(
            format!("前年度の報告の下書き「{name}」を読み取れません。{}", why.ja),
            format!("cannot read last year's draft {name}: {}", why.en),
        )
    };
    let bytes = match crate::read::file(path) {
        Ok(crate::read::Contents::Bytes(b)) => b,
        Ok(crate::read::Contents::TooLarge(size)) => return Err(cannot(crate::too_large(size))),
        Err(e) => return Err(cannot(e.message())),
    };
    match crate::text::decode_owned(bytes) {
        Ok(decoded) => Ok(Arc::new(Previous::new(name, decoded.text, settings))),
        Err((e, _)) => Err(cannot(e.message())),
    }
}

/// A path as the loader compares and reads it: absolute, and tidy.
pub fn absolute(path: &Path) -> PathBuf {
    tidy(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned()))
}

/// `path` without `.` and with each `..` taken back against the name before it, as a person reads it
/// (`r6/../r5/report.yaml` is `r5/report.yaml`); a `..` with no name before it stays.
pub fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out.iter().collect()
}
