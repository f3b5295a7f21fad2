//! An open document: its rope, version and stamp, and the newest analysis of its text.

use super::convert::{self, Encoding};
use crate::config::Config;
use crate::diagnostics::Lang;
use crate::previous::LastYear;
use crate::settings::Settings;
use crate::text::LineIndex;
use crate::{Analysis, ide};
use ropey::Rope;
use std::path::Path;
use std::sync::Arc;
use tokio::sync::watch;
use tower_lsp_server::ls_types::Range;

pub struct Document {
    pub rope: Rope,
    /// The client's version of the text.
    pub version: i32,
    /// The server's own stamp of the text, new on every open and every change and never reused: a result
    /// for a closed and reopened document, or for an older text, can never pass for the current one, whatever
    /// versions the client sends.
    pub stamp: u64,
    /// The stamp it was opened with: tells this opening from an earlier one of the same URI.
    pub opened: u64,
    /// The name the draft is recognised by (a `file:` path, or an `untitled:` buffer named as YAML).
    pub name: String,
    /// The newest analysis; handlers wait on it for the one of the current stamp.
    pub analyzed: watch::Sender<Arc<Analyzed>>,
    /// An analysis of this document is under way; it will pick up the newest text when it ends.
    pub analyzing: bool,
}

/// One text's analysis and everything derived from it; handlers read it without locking the document.
pub struct Analyzed {
    pub stamp: u64,
    pub version: i32,
    pub text: String,
    pub index: LineIndex,
    pub is_draft: bool,
    pub analysis: Analysis,
    /// The draft's `senshin-lint.toml`, when it has one.
    pub config: Option<Arc<Config>>,
    /// The editor's settings it was analysed under, on top of the configuration's.
    pub client: Settings,
    /// Last year's draft as the analysis asked for it (read or not): when it changes, this one is analysed
    /// again.
    pub previous_path: Option<std::path::PathBuf>,
    /// Last year's draft, for labels that point into it.
    pub previous: Option<PreviousDoc>,
}

/// Last year's draft as the protocol names it.
pub struct PreviousDoc {
    pub uri: tower_lsp_server::ls_types::Uri,
    pub index: LineIndex,
}

impl Analyzed {
    /// Analyses a document's text; `path` is its file, if it is one, and `open` gives the text of another open
    /// document by its path (last year's draft may be open too, and newer than on disk).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        name: &str,
        path: Option<&Path>,
        stamp: u64,
        version: i32,
        text: String,
        config: Option<Arc<Config>>,
        client: Settings,
        open: impl Fn(&Path) -> Option<String> + Send + Sync,
    ) -> Analyzed {
        let is_draft = ide::is_report_draft(name, &text);
        let settings = match &config {
            Some(c) => c.settings.with(&client),
            None => client.clone(),
        };
        let shown = |p: &Path| p.display().to_string();
        let last_year = LastYear::new(path, &settings, &shown).with_open(open);
        let analysis = if is_draft { last_year.analyze(&text) } else { Analysis::default() };
        let previous_path = last_year.asked();
        let previous = analysis.previous.as_ref().zip(previous_path.as_ref()).and_then(|(p, path)| {
            let uri = tower_lsp_server::ls_types::Uri::from_file_path(path)?;
            Some(PreviousDoc { uri, index: LineIndex::new(&p.text) })
        });
        let index = LineIndex::new(&text);
        Analyzed { stamp, version, text, index, is_draft, analysis, config, client, previous_path, previous }
    }

    /// What a handler sees when the analysis of a text failed: nothing to show, but an answer for that text.
    pub fn failed(stamp: u64, version: i32, text: String) -> Analyzed {
        let index = LineIndex::new(&text);
        let (analysis, client) = (Analysis::default(), Settings::default());
        Analyzed {
            stamp,
            version,
            text,
            index,
            is_draft: false,
            analysis,
            config: None,
            client,
            previous_path: None,
            previous: None,
        }
    }

    /// Last year's draft as labels into it are converted: its URI, text and index.
    pub fn previous(&self) -> Option<(&tower_lsp_server::ls_types::Uri, &str, &LineIndex)> {
        let (doc, previous) = self.previous.as_ref().zip(self.analysis.previous.as_ref())?;
        Some((&doc.uri, previous.text.as_str(), &doc.index))
    }

    /// The language of its messages: the editor's, else the configuration's, else the client's locale.
    pub fn lang(&self, client: &Settings, locale: Option<Lang>) -> Lang {
        let config = self.config.as_ref().and_then(|c| c.settings.language);
        client.language.or(config).or(locale).unwrap_or(Lang::En)
    }

    /// Whether the analysis still stands under new editor settings: they changed neither the rounding nor a
    /// rule's level (the language changes only what is shown).
    pub fn stands_under(&self, client: &Settings) -> bool {
        self.client.rounding == client.rounding && self.client.levels == client.levels
    }
}

impl Document {
    pub fn new(name: String, stamp: u64, version: i32, text: String) -> Document {
        let rope = Rope::from_str(&text);
        // Analysed when the server schedules it; until then, an empty analysis that no stamp matches.
        let (analyzed, _) = watch::channel(Arc::new(Analyzed::failed(0, i32::MIN, String::new())));
        Document { rope, version, stamp, opened: stamp, name, analyzed, analyzing: false }
    }

    /// Whether the stored analysis is of the current text.
    pub fn is_current(&self) -> bool {
        self.analyzed.borrow().stamp == self.stamp
    }

    /// Applies one change of `textDocument/didChange`: a range replaced, or (no range) the whole text.
    pub fn apply(&mut self, range: Option<Range>, text: &str, enc: Encoding) {
        match range {
            Some(range) => {
                let start = convert::char_index(&self.rope, range.start, enc);
                let end = convert::char_index(&self.rope, range.end, enc).max(start);
                self.rope.remove(start..end);
                self.rope.insert(start, text);
            }
            None => self.rope = Rope::from_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tower_lsp_server::ls_types::Position;

    const PIECES: &[&str] = &["a", "陽子線", "𠮷", "\r\n", "\n", "\r", " ", "約911.1億円", "- ", "é\u{301}", ""];

    /// Lines as an LSP client sees them: content without the break.
    fn lines(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let brk = match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
                b'\r' | b'\n' => 1,
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push((start, &text[start..i]));
            i += brk;
            start = i;
        }
        out.push((start, &text[start..]));
        out
    }

    /// A client's position for the `n`-th character boundary of line `l` (both taken modulo what exists).
    fn pick(text: &str, l: usize, n: usize, enc: Encoding) -> (usize, Position) {
        let all = lines(text);
        let line = l % all.len();
        let (start, content) = all[line];
        let boundaries: Vec<usize> = content.char_indices().map(|(i, _)| i).chain([content.len()]).collect();
        let b = boundaries[n % boundaries.len()];
        let units = match enc {
            Encoding::Utf8 => b,
            Encoding::Utf16 => content[..b].encode_utf16().count(),
        };
        (start + b, Position::new(line as u32, units as u32))
    }

    proptest! {
        #[test]
        fn the_servers_text_follows_the_clients(
            utf8 in any::<bool>(),
            edits in prop::collection::vec((0usize..50, 0usize..50, 0usize..50, 0usize..50, prop::sample::select(PIECES), 0usize..3), 1..40),
        ) {
            let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let mut client = "report:\r\n  title: 先進医療𠮷\n\nsummary: {}\r".to_owned();
            let mut doc = Document::new("d.yaml".into(), 1, 1, client.clone());
            for (l1, n1, l2, n2, piece, repeat) in edits {
                let (a, pa) = pick(&client, l1, n1, enc);
                let (b, pb) = pick(&client, l2, n2, enc);
                let ((a, pa), (b, pb)) = if a <= b { ((a, pa), (b, pb)) } else { ((b, pb), (a, pa)) };
                let insert = piece.repeat(repeat);
                // Replacing inside a CRLF would split it; a client never sends that, so neither do we.
                prop_assume!(!(client[..a].ends_with('\r') && client[a..].starts_with('\n')));
                prop_assume!(!(client[..b].ends_with('\r') && client[b..].starts_with('\n')));
                client.replace_range(a..b, &insert);
                doc.apply(Some(Range::new(pa, pb)), &insert, enc);
                prop_assert_eq!(doc.rope.to_string(), client.clone());
            }
        }
    }
}
