//! Inlay hints: the computed value beside every derived figure (or only where it differs), and every yen
//! amount of the cost tables in 億円.

use super::derive::{derivations, yen_cells};
use crate::Analysis;
use crate::diagnostics::oku_text;

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
    let mut out: Vec<Hint> = derivations(&analysis.report)
        .into_iter()
        .filter(|d| mode == HintMode::All || d.differs)
        .map(|d| Hint {
            offset: d.span.end,
            label: format!("{} {}", if d.differs { "≠" } else { "=" }, d.expected),
            differs: d.differs,
        })
        .collect();
    if mode == HintMode::All {
        out.extend(yen_cells(&analysis.report).into_iter().map(|(span, yen)| Hint {
            offset: span.end,
            label: format!("≈ {}億円", oku_text(yen)),
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
}
