//! The exact yen amounts of the cost tables, which hover and hints show in 億円 beside the derived figures.

use crate::model::Report;
use crate::text::Span;

/// Every exact yen amount of the cost tables, for the 億円 hints.
pub fn yen_cells(report: &Report) -> Vec<(Span, i128)> {
    let mut out = Vec::new();
    for table in [&report.costs.a, &report.costs.b].into_iter().flatten() {
        for row in &table.rows {
            for c in [&row.total_yen, &row.advanced_yen].into_iter().flatten() {
                if let Some(v) = c.value.value() {
                    out.push((c.span, v));
                }
            }
        }
    }
    out
}
