//! Inlay hints: the computed value beside every derived figure (or only where it differs), and every yen
//! amount of the cost tables in 億円.

use super::yen::yen_cells;
use crate::Analysis;
use crate::diagnostics::oku_near;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HintMode {
    #[default]
    All,
    Differing,
    Off,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// Where the hint stands: the end of the figure.
    pub offset: usize,
    pub label: String,
    /// The hint states a value different from the printed one.
    pub differs: bool,
}

pub fn inlay_hints(analysis: &Analysis, mode: HintMode) -> Vec<Hint> {
    if mode == HintMode::Off {
        return Vec::new();
    }
    let mut out: Vec<Hint> = analysis
        .figures
        .iter()
        .filter(|d| mode == HintMode::All || d.differs)
        .map(|d| Hint {
            offset: d.span.end,
            label: format!("{} {}", if d.differs { "≠" } else { "=" }, d.expected),
            differs: d.differs,
        })
        .collect();
    if mode == HintMode::All {
        let half_up = analysis.report.meta.rounding == crate::model::Rounding::HalfUp;
        out.extend(yen_cells(&analysis.report).into_iter().map(|(span, yen)| Hint {
            offset: span.end,
            label: format!("{}億円", oku_near(yen, 1, half_up)),
            differs: false,
        }));
    }
    out.sort_by_key(|h| h.offset);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differing_only_shows_the_two_wrong_figures() {
        let text = include_str!("../../examples/r6/report.yaml");
        let analysis = crate::analyze(text);
        let hints = inlay_hints(&analysis, HintMode::Differing);
        let labels: Vec<&str> = hints.iter().map(|h| h.label.as_str()).collect();
        assert_eq!(labels, ["≠ 約911.2億円", "≠ 約119億円"]);
        let all = inlay_hints(&analysis, HintMode::All);
        assert!(all.len() > 100);
        assert!(all.iter().any(|h| h.label == "≈ 27.94億円"));
        assert!(inlay_hints(&analysis, HintMode::Off).is_empty());
    }

    #[test]
    fn every_figure_a_diagnostic_points_at_has_its_hint_and_hover_with_a_cell_unreadable() {
        use crate::diagnostics::{Lang, RuleId};
        let published = include_str!("../../examples/r6/report.yaml");
        let text = published.replacen("total_yen: 2,794,008,117", "total_yen: 2,794,0O8,117", 1);
        let analysis = crate::analyze(&text);
        assert!(analysis.diagnostics.iter().any(|d| d.rule == RuleId::ValueFormat));
        let figures = [RuleId::ColumnSum, RuleId::SummaryVsCosts, RuleId::HistoryVsReport];
        let pointed: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| figures.contains(&d.rule))
            // Not figures: a period that does not follow, facilities bounded from above.
            .filter(|d| !d.message.en.contains("period") && !d.message.en.contains("exceed"))
            .collect();
        // A ⑥ still falls outside its exact figure, read through the printed 合計 of the unreadable column.
        assert!(pointed.iter().any(|d| d.message.en.contains("約911.1億円")), "{pointed:#?}");
        let hints = inlay_hints(&analysis, HintMode::Differing);
        for d in pointed {
            assert!(hints.iter().any(|h| h.offset == d.span.end && h.differs), "no hint for {}", d.message.en);
            let hover = super::super::hover(&analysis, &text, d.span.start, Lang::En).expect("a hover");
            assert!(hover.text.contains('='), "hover for {}: {}", d.message.en, hover.text);
        }
    }
}
