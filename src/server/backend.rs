//! The protocol handlers. Each converts positions, calls the library, and converts back; none holds logic of
//! its own. A panic inside the library is caught, logged and answered with an error, and the server goes on.

use super::configs::{Configs, Reread};
use super::convert::{self, Encoding};
use super::document::{Analyzed, Document};
use super::settings::ClientSettings;
use crate::diagnostics::{Diagnostic, Lang};
use crate::ide::{self, HintMode};
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

#[derive(Default)]
struct State {
    encoding: Encoding,
    /// The client asks for diagnostics (`textDocument/diagnostic`), so none are pushed.
    pull: bool,
    /// The client accepts `workspace/diagnostic/refresh` and `workspace/inlayHint/refresh`.
    refresh_diagnostics: bool,
    refresh_hints: bool,
    /// The client's locale (`initialize`), else the system's.
    locale: Option<Lang>,
    /// The editor's settings, on top of each draft's configuration file.
    client: ClientSettings,
    /// The client can be asked to watch the configuration files (`workspace/didChangeWatchedFiles`).
    watch_files: bool,
    docs: HashMap<Uri, Document>,
    /// Analyses run since the start: `senshin-lint/status` reports it, so a client (or a test) can see that
    /// no work is repeated for a document that did not change.
    analyses: u64,
    /// The last stamp given to a text (see `Document::stamp`).
    stamps: u64,
}

impl State {
    fn lang(&self, analyzed: &Analyzed) -> Lang {
        analyzed.lang(&self.client.settings, self.locale)
    }

    fn stamp(&mut self) -> u64 {
        self.stamps += 1;
        self.stamps
    }
}

pub struct Backend {
    client: Client,
    state: Mutex<State>,
    /// Each draft's `senshin-lint.toml`, read on the threads that analyse.
    configs: Arc<Mutex<Configs>>,
    shut_down: Arc<AtomicBool>,
}

/// Runs library code; a panic becomes an internal error (and a line on standard error, the server's log)
/// instead of the end of the server.
fn guard<T>(what: &str, f: impl FnOnce() -> T) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| {
        eprintln!("senshin-lint: internal error while computing {what}; the server goes on");
        let mut e = Error::internal_error();
        e.message = format!("senshin-lint failed while computing {what}").into();
        e
    })
}

/// The name a document is recognised by as a draft: its path, or for a buffer not yet saved (`untitled:`)
/// that the client calls YAML, its name as a YAML file, so that a new draft is checked before it is saved.
fn name_of(uri: &Uri, language_id: &str) -> String {
    let path = uri.path().to_string();
    let file = uri.scheme().as_str().eq_ignore_ascii_case("file");
    if !file && language_id == "yaml" && !ide::is_yaml_name(&path) {
        return format!("{path}.yaml");
    }
    path
}

impl Backend {
    pub fn new(client: Client, shut_down: Arc<AtomicBool>) -> Backend {
        Backend { client, state: Mutex::new(State::default()), configs: Arc::default(), shut_down }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The analysis of the document's current text, once it exists: a request is answered for the text the
    /// client had when it asked (or a newer one), never an older one. Waits on the document's channel, not a
    /// timer; `None` when the document is not open or is closed meanwhile.
    async fn current(&self, uri: &Uri) -> Option<(Arc<Analyzed>, Encoding, Lang, HintMode)> {
        let (mut rx, stamp, start) = {
            let st = self.state();
            let doc = st.docs.get(uri)?;
            (doc.analyzed.subscribe(), doc.stamp, !doc.analyzing && !doc.is_current())
        };
        if start {
            self.analyze_and_publish(uri.clone()).await;
        }
        let analyzed = rx.wait_for(|a| a.stamp >= stamp).await.ok()?.clone();
        let st = self.state();
        let lang = st.lang(&analyzed);
        Some((analyzed, st.encoding, lang, st.client.hints))
    }

    /// `current`, for a document that is a report draft (other YAML gets no editor features).
    async fn draft(&self, uri: &Uri) -> Option<(Arc<Analyzed>, Encoding, Lang, HintMode)> {
        self.current(uri).await.filter(|(a, ..)| a.is_draft)
    }

    /// The diagnostics shown: those of a report draft (the analysis applied the levels already).
    fn visible(analyzed: &Analyzed) -> &[Diagnostic] {
        if analyzed.is_draft { &analyzed.analysis.diagnostics } else { &[] }
    }

    fn to_lsp(
        uri: &Uri,
        analyzed: &Analyzed,
        enc: Encoding,
        lang: Lang,
    ) -> Vec<tower_lsp_server::ls_types::Diagnostic> {
        Self::visible(analyzed)
            .iter()
            .map(|d| convert::diagnostic(d, uri, &analyzed.text, &analyzed.index, analyzed.previous(), enc, lang))
            .collect()
    }

    /// Analyses the document's current text and, unless a newer text arrived meanwhile, stores and pushes the
    /// result.
    async fn analyze_and_publish(&self, uri: Uri) {
        // The newest text wins: one analysis of a document at a time, on a blocking thread so that edits keep
        // arriving meanwhile; when it ends on an outdated text, it runs again on the newest, and only a result
        // for the current text is kept and shown. A document closed and opened again has its own analysis.
        let opened = {
            let mut st = self.state();
            match st.docs.get_mut(&uri) {
                Some(doc) if !doc.analyzing => {
                    doc.analyzing = true;
                    doc.opened
                }
                _ => return,
            }
        };
        loop {
            let Some((name, stamp, version, text, client, open)) = ({
                let mut st = self.state();
                let client = st.client.settings.clone();
                // The other open files, as ropes (cloned cheaply): last year's draft may be one of them.
                let open: HashMap<std::path::PathBuf, ropey::Rope> = st
                    .docs
                    .iter()
                    .filter(|(u, _)| **u != uri)
                    .filter_map(|(u, d)| Some((u.to_file_path()?.into_owned(), d.rope.clone())))
                    .collect();
                let next = st
                    .docs
                    .get(&uri)
                    .filter(|d| d.opened == opened)
                    .map(|d| (d.name.clone(), d.stamp, d.version, d.rope.to_string(), client, open));
                st.analyses += u64::from(next.is_some());
                next
            }) else {
                return;
            };
            let (configs, path) = (self.configs.clone(), uri.to_file_path().map(|p| p.into_owned()));
            let work = tokio::task::spawn_blocking(move || {
                guard("diagnostics", || {
                    let (config, reread) = configs.lock().unwrap_or_else(|e| e.into_inner()).for_draft(path.as_deref());
                    let open = move |p: &std::path::Path| open.get(p).map(ropey::Rope::to_string);
                    (Analyzed::new(&name, path.as_deref(), stamp, version, text, config, client, open), reread)
                })
            });
            let (analyzed, ok) = match work.await {
                Ok(Ok((a, reread))) => {
                    if let Some(reread) = reread {
                        self.publish_config(reread).await;
                    }
                    (Arc::new(a), true)
                }
                failed => {
                    if let Ok(Err(e)) = failed {
                        self.client.log_message(MessageType::ERROR, e.message).await;
                    }
                    // Waiting requests get an answer (an empty one) for this text rather than none.
                    (Arc::new(Analyzed::failed(stamp, version, String::new())), false)
                }
            };
            let publish = {
                let mut st = self.state();
                let (enc, lang, pull) = (st.encoding, st.lang(&analyzed), st.pull);
                let Some(doc) = st.docs.get_mut(&uri).filter(|d| d.opened == opened) else { return };
                if doc.stamp != stamp {
                    continue;
                }
                doc.analyzing = false;
                doc.analyzed.send_replace(analyzed.clone());
                (ok && !pull).then(|| Self::to_lsp(&uri, &analyzed, enc, lang))
            };
            if let Some(diags) = publish {
                self.client.publish_diagnostics(uri, diags, Some(version)).await;
            }
            return;
        }
    }

    /// Analyses again the drafts checked against `uri` as last year's draft: their diagnostics follow its
    /// changes, whether typed in the editor, saved by another program, or lost by closing it unsaved.
    async fn follow(&self, uri: &Uri) {
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else { return };
        let dependents: Vec<Uri> = {
            let mut st = self.state();
            let stamp = st.stamp();
            let mut out = Vec::new();
            for (u, d) in st.docs.iter_mut() {
                if u != uri && d.analyzed.borrow().previous_path.as_deref() == Some(path.as_path()) {
                    // A new stamp: requests wait for the analysis against last year's new text.
                    d.stamp = stamp;
                    out.push(u.clone());
                }
            }
            out
        };
        let any = !dependents.is_empty();
        for dependent in dependents {
            self.analyze_and_publish(dependent).await;
        }
        // A client that pulls (VS Code) is told to ask again: nothing it typed in this year's draft would.
        if any {
            self.ask_to_pull_again();
        }
    }

    /// A configuration file's own mistakes, shown on it as the command line reports them (none: cleared).
    async fn publish_config(&self, reread: Reread) {
        let Ok(uri) = Uri::from_file_path(&reread.path).ok_or(()) else { return };
        // Pushed even to a client that pulls: it pulls only the drafts it has open, never this file.
        let (enc, lang) = {
            let st = self.state();
            (st.encoding, st.client.settings.language.or(st.locale).unwrap_or(Lang::En))
        };
        let index = crate::text::LineIndex::new(&reread.text);
        let diags = reread
            .diagnostics
            .iter()
            .map(|d| convert::diagnostic(d, &uri, &reread.text, &index, None, enc, lang))
            .collect();
        self.client.publish_diagnostics(uri, diags, None).await;
    }

    /// Shows every document's diagnostics again after a change of the editor's settings. A document whose
    /// analysis is current and still stands under them (only the language changed) is not analysed again;
    /// `everything` (a configuration file changed) analyses them all.
    async fn refresh_all(&self, everything: bool) {
        let uris: Vec<Uri> = self.state().docs.keys().cloned().collect();
        for uri in uris {
            let cached = {
                let mut st = self.state();
                let (enc, pull, stamp) = (st.encoding, st.pull, st.stamp());
                let client = st.client.settings.clone();
                let lang = |a: &Analyzed| a.lang(&client, st.locale);
                match st.docs.get(&uri) {
                    Some(d)
                        if !everything
                            && d.is_current()
                            && !d.analyzing
                            && d.analyzed.borrow().stands_under(&client) =>
                    {
                        let analyzed = d.analyzed.borrow().clone();
                        Some((!pull).then(|| Self::to_lsp(&uri, &analyzed, enc, lang(&analyzed))))
                    }
                    _ => {
                        // A new stamp: requests wait for the analysis under the new settings.
                        if let Some(d) = st.docs.get_mut(&uri) {
                            d.stamp = stamp;
                        }
                        None
                    }
                }
            };
            match cached {
                Some(Some(diags)) => {
                    let version = self.state().docs.get(&uri).map(|d| d.version);
                    self.client.publish_diagnostics(uri, diags, version).await;
                }
                Some(None) => {}
                None => self.analyze_and_publish(uri).await,
            }
        }
        self.ask_to_pull_again();
    }

    /// Asks a client that pulls diagnostics and hints to pull them again, without waiting for its answer in a
    /// notification's handler.
    fn ask_to_pull_again(&self) {
        let (refresh_diagnostics, refresh_hints) = {
            let st = self.state();
            (st.pull && st.refresh_diagnostics, st.refresh_hints)
        };
        let client = self.client.clone();
        tokio::spawn(async move {
            if refresh_diagnostics {
                let _ = client.workspace_diagnostic_refresh().await;
            }
            if refresh_hints {
                let _ = client.inlay_hint_refresh().await;
            }
        });
    }

    /// Logs what the editor's settings held that could not be read.
    async fn log_problems(&self, problems: Vec<crate::diagnostics::Message>) {
        let lang = {
            let st = self.state();
            st.client.settings.language.or(st.locale).unwrap_or(Lang::En)
        };
        for p in problems {
            self.client.log_message(MessageType::WARNING, format!("senshin-lint: {}", p.get(lang))).await;
        }
    }

    /// `senshin-lint/status`: the open documents and the analyses run so far.
    pub async fn status(&self) -> Result<serde_json::Value> {
        let st = self.state();
        Ok(serde_json::json!({"documents": st.docs.len(), "analyses": st.analyses}))
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offers_utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        let pull = params.capabilities.text_document.as_ref().and_then(|t| t.diagnostic.as_ref()).is_some();
        let workspace = params.capabilities.workspace.as_ref();
        let refresh_diagnostics =
            workspace.and_then(|w| w.diagnostics.as_ref()).and_then(|d| d.refresh_support).unwrap_or(false);
        let refresh_hints =
            workspace.and_then(|w| w.inlay_hint.as_ref()).and_then(|h| h.refresh_support).unwrap_or(false);
        let watch_files = workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        let problems = {
            let mut st = self.state();
            st.encoding = if offers_utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            st.pull = pull;
            st.refresh_diagnostics = refresh_diagnostics;
            st.refresh_hints = refresh_hints;
            // An editor that sends no locale (Neovim) runs with the user's: the system's language stands in.
            st.locale = Some(params.locale.as_deref().map_or_else(Lang::of_system, Lang::from_locale));
            st.watch_files = watch_files;
            match &params.initialization_options {
                Some(options) => st.client.update(options),
                None => Vec::new(),
            }
        };
        self.log_problems(problems).await;
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "senshin-lint".into(),
                version: Some(env!("SENSHIN_LINT_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(if offers_utf8 {
                    PositionEncodingKind::UTF8
                } else {
                    PositionEncodingKind::UTF16
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..Default::default()
                })),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                definition_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![" ".into(), "\"".into()]),
                    ..Default::default()
                }),
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
                    identifier: Some("senshin-lint".into()),
                    // This year's diagnostics depend on last year's draft (`report.previous`).
                    inter_file_dependencies: true,
                    workspace_diagnostics: false,
                    ..Default::default()
                })),
                ..ServerCapabilities::default()
            },
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if !self.state().watch_files {
            return;
        }
        // Told when any `senshin-lint.toml` changes, so that diagnostics follow a configuration edited in
        // another program too. Registered in the background: the client answers after this notification.
        let client = self.client.clone();
        tokio::spawn(async move {
            // Configuration files, and drafts: a draft may be another's last year, changed outside the editor.
            let watchers = serde_json::json!({"watchers": [
                {"globPattern": format!("**/{}", crate::config::FILE_NAME)},
                {"globPattern": "**/*.{yaml,yml}"},
            ]});
            let registration = Registration {
                id: "senshin-lint-config".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: Some(watchers),
            };
            let _ = client.register_capability(vec![registration]).await;
        });
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let name = crate::config::FILE_NAME;
        let (changed, drafts): (Vec<_>, Vec<_>) =
            params.changes.iter().partition(|c| c.uri.path().as_str().ends_with(name));
        for draft in drafts {
            self.follow(&draft.uri).await;
        }
        if changed.is_empty() {
            return;
        }
        {
            let mut configs = self.configs.lock().unwrap_or_else(|e| e.into_inner());
            for path in changed.iter().filter_map(|c| c.uri.to_file_path()) {
                configs.forget(&path);
            }
        }
        self.refresh_all(true).await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let name = name_of(&doc.uri, &doc.language_id);
        {
            let mut st = self.state();
            let stamp = st.stamp();
            st.docs.insert(doc.uri.clone(), Document::new(name, stamp, doc.version, doc.text));
        }
        self.analyze_and_publish(doc.uri.clone()).await;
        self.follow(&doc.uri).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let open = {
            let mut st = self.state();
            let (enc, stamp) = (st.encoding, st.stamp());
            st.docs.get_mut(&uri).map(|doc| {
                for change in params.content_changes {
                    doc.apply(change.range, &change.text, enc);
                }
                doc.version = params.text_document.version;
                doc.stamp = stamp;
            })
        };
        if open.is_none() {
            let message = format!("change to a document that is not open: {}", uri.as_str());
            self.client.log_message(MessageType::WARNING, message).await;
            return;
        }
        self.analyze_and_publish(uri.clone()).await;
        self.follow(&uri).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let was_open = self.state().docs.remove(&uri).is_some();
        if was_open && !self.state().pull {
            self.client.publish_diagnostics(uri.clone(), Vec::new(), None).await;
        }
        // Closed unsaved, last year's draft is its file again.
        self.follow(&uri).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let problems = self.state().client.update(&params.settings);
        self.log_problems(problems).await;
        self.refresh_all(false).await;
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let items = match self.current(&uri).await {
            Some((analyzed, enc, lang, _)) => guard("diagnostics", || Self::to_lsp(&uri, &analyzed, enc, lang))?,
            None => Vec::new(),
        };
        Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: None, items },
            },
        )))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some((analyzed, enc, lang, _)) = self.current(&uri).await else { return Ok(None) };
        let actions = guard("code actions", || {
            let (text, index) = (&analyzed.text, &analyzed.index);
            let visible = Self::visible(&analyzed);
            let range = convert::span(text, index, params.range, enc);
            ide::code_actions(text, &analyzed.analysis.tree.comments, visible, range, lang)
                .into_iter()
                .map(|a| {
                    let edits = a
                        .edits
                        .iter()
                        .map(|e| TextEdit {
                            range: convert::range(text, index, e.span, enc),
                            new_text: e.replacement.clone(),
                        })
                        .collect();
                    let d =
                        convert::diagnostic(&visible[a.diagnostic], &uri, text, index, analyzed.previous(), enc, lang);
                    CodeActionOrCommand::CodeAction(CodeAction {
                        title: a.title,
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![d]),
                        edit: Some(WorkspaceEdit {
                            changes: Some(HashMap::from([(uri.clone(), edits)])),
                            ..Default::default()
                        }),
                        is_preferred: Some(a.preferred),
                        ..Default::default()
                    })
                })
                .collect::<Vec<_>>()
        })?;
        Ok(Some(actions))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some((analyzed, enc, lang, _)) = self.draft(&at.text_document.uri).await else { return Ok(None) };
        guard("hover", || {
            let (text, index) = (&analyzed.text, &analyzed.index);
            let offset = convert::offset(text, index, at.position, enc);
            ide::hover(&analyzed.analysis, text, offset, lang).map(|h| Hover {
                contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: h.text }),
                range: Some(convert::range(text, index, h.span, enc)),
            })
        })
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let Some((analyzed, enc, _, hints)) = self.draft(&params.text_document.uri).await else { return Ok(None) };
        guard("inlay hints", || {
            let (text, index) = (&analyzed.text, &analyzed.index);
            let range = convert::span(text, index, params.range, enc);
            let hints = ide::inlay_hints(&analyzed.analysis, hints)
                .into_iter()
                .filter(|h| range.start <= h.offset && h.offset <= range.end)
                .map(|h| InlayHint {
                    position: convert::position(text, index, h.offset, enc),
                    label: InlayHintLabel::String(h.label),
                    kind: None,
                    text_edits: None,
                    tooltip: None,
                    padding_left: Some(true),
                    padding_right: None,
                    data: None,
                })
                .collect();
            Some(hints)
        })
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        let Some((analyzed, enc, lang, _)) = self.draft(&params.text_document.uri).await else { return Ok(None) };
        guard("symbols", || {
            fn convert_all(symbols: Vec<ide::Symbol>, analyzed: &Analyzed, enc: Encoding) -> Vec<DocumentSymbol> {
                symbols
                    .into_iter()
                    .map(|s| {
                        #[allow(deprecated)]
                        DocumentSymbol {
                            name: s.name,
                            detail: s.detail,
                            kind: match s.kind {
                                ide::SymbolKind::Section => SymbolKind::NAMESPACE,
                                ide::SymbolKind::Table => SymbolKind::STRUCT,
                                ide::SymbolKind::Row => SymbolKind::OBJECT,
                            },
                            tags: None,
                            deprecated: None,
                            range: convert::range(&analyzed.text, &analyzed.index, s.span, enc),
                            selection_range: convert::range(&analyzed.text, &analyzed.index, s.selection, enc),
                            children: Some(convert_all(s.children, analyzed, enc)),
                        }
                    })
                    .collect()
            }
            Some(DocumentSymbolResponse::Nested(convert_all(ide::symbols(&analyzed.analysis, lang), &analyzed, enc)))
        })
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let uri = at.text_document.uri;
        let Some((analyzed, enc, _, _)) = self.draft(&uri).await else { return Ok(None) };
        guard("definition", || {
            let (text, index) = (&analyzed.text, &analyzed.index);
            let offset = convert::offset(text, index, at.position, enc);
            ide::definition(&analyzed.analysis, offset).map(|span| {
                GotoDefinitionResponse::Scalar(Location {
                    uri: uri.clone(),
                    range: convert::range(text, index, span, enc),
                })
            })
        })
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let Some((analyzed, enc, _, _)) = self.draft(&at.text_document.uri).await else { return Ok(None) };
        guard("completion", || {
            let (text, index) = (&analyzed.text, &analyzed.index);
            let offset = convert::offset(text, index, at.position, enc);
            let items = ide::complete(&analyzed.analysis, text, offset)
                .into_iter()
                .map(|c| CompletionItem {
                    label: c.label,
                    detail: Some(c.detail),
                    insert_text: Some(c.insert),
                    kind: Some(match c.kind {
                        ide::CompletionKind::Key => CompletionItemKind::FIELD,
                        ide::CompletionKind::Value => CompletionItemKind::VALUE,
                    }),
                    ..Default::default()
                })
                .collect();
            Some(CompletionResponse::Array(items))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error() {
        let r: Result<()> = guard("a test", || panic!("boom"));
        let e = r.unwrap_err();
        assert_eq!(e.code, tower_lsp_server::jsonrpc::ErrorCode::InternalError);
        assert!(e.message.contains("a test"));
        assert_eq!(guard("fine", || 3).unwrap(), 3);
    }
}
