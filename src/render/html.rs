//! The page in HTML, by maud (escaped by construction): the findings list, then each section of the report as
//! a table whose cells carry their place in the draft (`data-path`), their findings (`data-rules`,
//! `data-severity`) and their derivation. One delegated listener shows a cell's details; nothing is fetched.

use super::layout::{Align, Cell, Section};
use super::{Options, Placed};
use crate::Analysis;
use crate::diagnostics::{Lang, Severity};
use crate::text::Message;
use maud::{DOCTYPE, Markup, PreEscaped, html};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
const LIVE: &str = include_str!("live.js");

pub fn page(sections: &[Section], analysis: &Analysis, placed: &Placed, opts: &Options) -> String {
    let lang = opts.lang;
    let t = |ja: &str, en: &str| Message::new(ja, en).get(lang).to_owned();
    // The findings list's heading: as every command says what was found, and the information notes after.
    let (errors, warnings) = crate::diagnostics::tally(&analysis.diagnostics);
    let found = crate::diagnostics::found(errors, warnings);
    let infos = analysis.diagnostics.iter().filter(|d| d.severity == Severity::Info).count();
    let summary = match lang {
        Lang::Ja => format!("{}、情報{infos}件", found.ja),
        Lang::En => format!("{}, {}", found.en, crate::diagnostics::count_of(infos as i128, "note", "notes")),
    };
    // For each cell (in reading order), the findings placed on it.
    let cells: usize = placed.derivations.len();
    let mut on_cell: Vec<Vec<usize>> = vec![Vec::new(); cells];
    for (i, c) in placed.findings.iter().enumerate() {
        if let Some(c) = c {
            on_cell[*c].push(i);
        }
    }
    let mut n = 0usize;
    let body = html! {
        header.findings {
            h1 { (t("検査の結果", "Findings")) " — " (opts.name) }
            p.counts { (summary) }
            @if analysis.diagnostics.is_empty() {
                p { (t("食い違いは見つかりませんでした。", "No inconsistencies found.")) }
            } @else {
                ol {
                    @for (i, d) in analysis.diagnostics.iter().enumerate() {
                        li class={ "sev-" (d.severity.as_str()) } {
                            span.sev { (d.severity.name(lang)) }
                            " "
                            @match placed.findings[i] {
                                Some(c) => a href={ "#c" (c) } data-finding=(i) { (d.message.get(lang)) },
                                None => span { (d.message.get(lang)) },
                            }
                            " "
                            code.rule { (d.rule.name()) }
                        }
                    }
                }
            }
        }
        main {
            @for s in sections {
                section id=(s.id) class=(if s.landscape { "sheet landscape" } else { "sheet portrait" }) {
                    @if let Some(stamp) = s.stamp { div.stamp { (stamp) } }
                    @for (k, title) in s.titles.iter().enumerate() {
                        @if k == 0 { h2 { (title) } } @else { p.subtitle { (title) } }
                    }
                    table {
                        thead { tr { @for h in &s.head { th { (h) } } } }
                        tbody {
                            @for row in &s.rows {
                                tr class=[row.total.then_some("total")] {
                                    @for c in &row.cells {
                                        ({ let id = n; n += 1; cell(c, id, &on_cell[id], placed, analysis, lang) })
                                    }
                                }
                            }
                        }
                    }
                    @if !s.notes.is_empty() {
                        ul.notes { @for note in &s.notes { li { (note) } } }
                    }
                }
            }
        }
        div #details role="dialog" aria-live="polite" hidden {}
        // The findings' texts, for the details box.
        div #finding-texts hidden {
            @for (i, d) in analysis.diagnostics.iter().enumerate() {
                div id={ "f" (i) } class={ "finding sev-" (d.severity.as_str()) } {
                    p.message { span.sev { (d.severity.name(lang)) } " " (d.message.get(lang)) " " code.rule { (d.rule.name()) } }
                    @for note in &d.notes { p.note { (note.get(lang)) } }
                    @for l in &d.labels { p.label { (l.message.get(lang)) } }
                    @if let Some(fix) = &d.fix { p.fix { (fix.title.get(lang)) } }
                }
            }
        }
    };
    let lang_attr = match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    let doc = html! {
        (DOCTYPE)
        html lang=(lang_attr) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // Nothing may be fetched: drafts are confidential and office networks closed. The preview's page
                // may ask its own server (loopback) whether the draft has changed, and nothing else.
                meta http-equiv="Content-Security-Policy" content={
                    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
                    @if opts.live.is_some() { "; connect-src 'self'" }
                };
                title { (opts.name) " — " (t("先進医療の実績報告", "先進医療の実績報告 (report)")) }
                style { (PreEscaped(STYLE)) }
            }
            body class=[opts.publish.then_some("publish")] data-generation=[opts.live] {
                (body)
                script { (PreEscaped(SCRIPT)) }
                @if opts.live.is_some() { script { (PreEscaped(LIVE)) } }
            }
        }
    };
    doc.into_string()
}

fn cell(c: &Cell, id: usize, findings: &[usize], placed: &Placed, analysis: &Analysis, lang: Lang) -> Markup {
    let align = match c.align {
        Align::Center => "c",
        Align::Left => "l",
        Align::Right => "r",
    };
    // Severities order from the most severe: the cell shows the worst.
    let severity = findings.iter().map(|&i| analysis.diagnostics[i].severity).min();
    let mut rules: Vec<&str> = findings.iter().map(|&i| analysis.diagnostics[i].rule.name()).collect();
    rules.sort_unstable();
    rules.dedup();
    let compared: Vec<String> = findings
        .iter()
        .flat_map(|&i| placed.compared[i].iter())
        .filter(|&&k| k != id)
        .map(|k| format!("c{k}"))
        .collect();
    let derivation = placed.derivations[id].as_deref();
    let active = severity.is_some() || derivation.is_some();
    let class = format!("{align}{}", severity.map(|s| format!(" flag sev-{}", s.as_str())).unwrap_or_default());
    let rowspan = (c.rowspan > 1).then_some(c.rowspan);
    let colspan = (c.colspan > 1).then_some(c.colspan);
    let findings_attr =
        (!findings.is_empty()).then(|| findings.iter().map(|i| format!("f{i}")).collect::<Vec<_>>().join(" "));
    let title = severity.map(|_| {
        findings.iter().map(|&i| analysis.diagnostics[i].message.get(lang).to_owned()).collect::<Vec<_>>().join("\n")
    });
    html! {
        @if c.head {
            th id={ "c" (id) } class=(class) rowspan=[rowspan] colspan=[colspan] scope="row" { (c.text) }
        } @else {
            td id={ "c" (id) } class=(class) rowspan=[rowspan] colspan=[colspan]
                data-path=[c.path.as_deref()]
                data-rules=[(!rules.is_empty()).then(|| rules.join(" "))]
                data-severity=[severity.map(|s| s.as_str())]
                data-findings=[findings_attr]
                data-compared=[(!compared.is_empty()).then(|| compared.join(" "))]
                data-derivation=[derivation]
                title=[title]
                tabindex=[active.then_some("0")] { (c.text) }
        }
    }
}
