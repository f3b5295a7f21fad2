//! `render`: the draft laid out as the published report, one self-contained HTML page (styles and script inline,
//! nothing fetched), with every finding on the cell it points at and every derived figure's derivation on its
//! cell. The layout is plain data (`layout`), the findings and derivations are placed on it here, and `html`
//! writes it out.

mod html;
mod layout;
mod printed;

use crate::Analysis;
use crate::diagnostics::Lang;
use crate::text::SpanIndex;

pub struct Options {
    pub lang: Lang,
    /// The copy to publish: the findings are left out of print.
    pub publish: bool,
    /// The draft's name, for the page's title.
    pub name: String,
    /// Served by `preview`, as this generation of the draft: the page reloads itself when the server has a newer one.
    pub live: Option<u64>,
}

/// Where each finding and derivation goes: the index of the cell (in reading order) whose span holds it.
pub(crate) struct Placed {
    /// For each diagnostic, its cell.
    pub findings: Vec<Option<usize>>,
    /// For each diagnostic, the other cells it names (its labels).
    pub compared: Vec<Vec<usize>>,
    /// For each cell, the derivation of the figure printed there.
    pub derivations: Vec<Option<String>>,
}

pub fn page(analysis: &Analysis, opts: &Options) -> String {
    let sections = layout::sections(&analysis.report, opts.lang);
    let spans = SpanIndex::new(
        sections
            .iter()
            .flat_map(|s| s.rows.iter().flat_map(|r| r.cells.iter()))
            .enumerate()
            .filter_map(|(i, c)| c.span.map(|s| (s, i)))
            .collect(),
    );
    let cells = sections.iter().flat_map(|s| s.rows.iter()).map(|r| r.cells.len()).sum();
    let mut derivations = vec![None; cells];
    for f in &analysis.figures {
        if let Some(i) = spans.at(f.span.start) {
            derivations[i] = Some(f.derivation.get(opts.lang).to_owned());
        }
    }
    let placed = Placed {
        findings: analysis.diagnostics.iter().map(|d| spans.at(d.span.start)).collect(),
        compared: analysis
            .diagnostics
            .iter()
            .map(|d| d.labels.iter().filter(|l| !l.in_previous).filter_map(|l| spans.at(l.span.start)).collect())
            .collect(),
        derivations,
    };
    html::page(&sections, analysis, &placed, opts)
}
