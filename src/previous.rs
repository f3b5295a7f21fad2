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

/// Which draft to load: the command line's, else the draft's own, else a configuration's.
pub(crate) fn wanted<'a>(report: &'a Report, settings: &'a Settings) -> Option<(Wanted<'a>, Span)> {
    let written = report.meta.previous.as_ref();
    match (&settings.previous, written) {
        (Some(p), _) if p.overrides_draft => Some((Wanted::Given(&p.path), Span::empty(0))),
        (_, Some(w)) => Some((Wanted::Written(&w.value), w.span)),
        (Some(p), None) => Some((Wanted::Given(&p.path), Span::empty(0))),
        (None, None) => None,
    }
}

/// Where a draft named by a configuration or the command line was named: the finding stands at the top of
/// the draft, which does not name it.
pub(crate) fn named_elsewhere() -> Message {
    Message::new(
        "前年度の報告の下書きは、設定ファイル「senshin-lint.toml」の「previous」、またはコマンドの「--previous」で指定されています。",
        "Last year's draft is named by `previous` in senshin-lint.toml, or by --previous on the command line.",
    )
}

/// Last year's draft if it can be checked against: read, parsed to its end, and of the year before this
/// one. Otherwise the one `previous-draft` finding that says why.
pub(crate) fn usable(report: &Report, loaded: Loaded, at: Span) -> Result<Arc<Previous>, Box<Diagnostic>> {
    let fail = |m: Message| Diagnostic::new(RuleId::PreviousDraft, at, m);
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
    /// The draft's folder: a path written in the draft is from there.
    dir: PathBuf,
    /// The draft itself: a configuration's `previous` applies to every draft below it, last year's included,
    /// which is not checked against itself.
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
        let dir = draft.and_then(Path::parent).map_or_else(|| PathBuf::from("."), Path::to_owned);
        let own = draft.map(|d| tidy(&std::path::absolute(d).unwrap_or_else(|_| d.to_owned())));
        LastYear { dir, own, settings, name, open: Box::new(|_| None), loaded: Mutex::new(None) }
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
        let path = match wanted {
            Wanted::Given(p) => p.to_owned(),
            // As typed on Windows too (`..\r5\report.yaml`): a draft is shared between machines.
            Wanted::Written(s) => self.dir.join(s.trim().replace('\\', "/")),
        };
        let path = tidy(&std::path::absolute(&path).unwrap_or(path));
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

    /// Reads and analyses last year's draft (never against its own previous draft).
    fn read(&self, path: &Path) -> Loaded {
        let name = (self.name)(path);
        let own = Settings { previous: None, ..self.settings.clone() };
        if let Some(text) = (self.open)(path) {
            return Ok(Arc::new(Previous::new(name, text, &own)));
        }
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
            Ok(decoded) => Ok(Arc::new(Previous::new(name, decoded.text, &own))),
            Err((e, _)) => Err(cannot(Message::new(
                "UTF-8 として読み取れない文字があります。UTF-8 で保存し直してください。",
                format!("invalid UTF-8 at byte {}: save it as UTF-8", e.offset),
            ))),
        }
    }
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
