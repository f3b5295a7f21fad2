//! The per-technology cost tables and the zero-case explanations.

use super::{Lowerer, Map};
use crate::model::fields;
use crate::model::read::{read_cell, read_count, read_date, read_decimal, read_notice, read_yen};
use crate::model::report::{CostRow, CostTable, CostTotal, Parts, ZeroCase, ZeroFacility};
use crate::syntax::NodeId;
use crate::text::Span;

impl<'a> Lowerer<'a> {
    pub(super) fn costs(&mut self, top: Map<'a>) -> Parts<CostTable> {
        let Some(parts) = self.section(top, "costs", fields::PARTS) else {
            return Parts::default();
        };
        let table = |l: &mut Self, key: &str| l.section(parts, key, fields::COST_TABLE).map(|m| l.cost_table(m));
        Parts { a: table(self, "A"), b: table(self, "B") }
    }

    fn cost_table(&mut self, m: Map<'a>) -> CostTable {
        let listed = self.list(m, "rows");
        let (rows_key, items) = listed.unwrap_or((m.anchor, &[]));
        let rows = self.cost_rows(items);
        let complete = listed.is_some() && rows.len() == items.len();
        let total = self.get(m, "total").and_then(|got| {
            let t = self.mapping(got.node, fields::COST_TOTAL, got.key)?;
            Some(CostTotal {
                span: self.tree.span(got.node),
                total_yen: self.value(t, "total_yen", read_yen),
                advanced_yen: self.value(t, "advanced_yen", read_yen),
                cases: self.value(t, "cases", read_count),
                facilities: self.value(t, "facilities", read_count),
            })
        });
        CostTable { rows_key, rows, total, complete }
    }

    /// The rows of a cost table; a long table in two halves on two threads, their diagnostics kept in
    /// order.
    fn cost_rows(&mut self, items: &[NodeId]) -> Vec<CostRow> {
        if items.len() < self.parallel_from.max(2) {
            return items.iter().filter_map(|&item| self.cost_row(item)).collect();
        }
        let (first, second) = items.split_at(items.len() / 2);
        let mut other = self.fresh();
        let (mut rows, (more, (diags, placeholders))) = std::thread::scope(|scope| {
            let half = scope.spawn(move || {
                let rows: Vec<CostRow> = second.iter().filter_map(|&item| other.cost_row(item)).collect();
                (rows, (other.diags, other.placeholders))
            });
            let rows: Vec<CostRow> = first.iter().filter_map(|&item| self.cost_row(item)).collect();
            (rows, half.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        rows.extend(more);
        self.diags.append(diags);
        self.placeholders.extend(placeholders);
        rows
    }

    fn cost_row(&mut self, item: NodeId) -> Option<CostRow> {
        let m = self.item(item, fields::COST_ROW)?;
        Some(CostRow {
            span: self.tree.span(item),
            serial: self.value(m, "serial", read_count),
            notice: self.value(m, "notice", read_notice),
            name: self.text(m, "name"),
            effective: self.value(m, "effective", read_date),
            total_yen: self.value(m, "total_yen", |s| read_cell(s, false, read_yen)),
            advanced_yen: self.value(m, "advanced_yen", |s| read_cell(s, false, read_yen)),
            avg_stay_days: self.value(m, "avg_stay_days", |s| read_cell(s, true, read_decimal)),
            cases: self.value(m, "cases", |s| read_cell(s, false, read_count)),
            facilities: self.value(m, "facilities", |s| read_cell(s, false, read_count)),
        })
    }

    pub(super) fn zero_cases(&mut self, top: Map<'a>) -> (Parts<Vec<ZeroCase>>, Parts<(Span, Span)>) {
        let Some(parts) = self.section(top, "zero_cases", fields::PARTS) else {
            return (Parts::default(), Parts::default());
        };
        let entries = |l: &mut Self, key: &str| {
            let (_, items) = l.list(parts, key)?;
            Some(items.iter().filter_map(|&item| l.zero_case(item)).collect())
        };
        let at = |l: &mut Self, key: &str| {
            let got = l.get(parts, key)?;
            Some((got.key, l.tree.span(got.node)))
        };
        let lists = Parts { a: at(self, "A"), b: at(self, "B") };
        (Parts { a: entries(self, "A"), b: entries(self, "B") }, lists)
    }

    fn zero_case(&mut self, item: NodeId) -> Option<ZeroCase> {
        let m = self.item(item, fields::ZERO_CASE)?;
        let span = self.tree.span(item);
        let (facilities_span, facility_items) = self.list(m, "facilities").unwrap_or((span, &[]));
        let facilities = facility_items
            .iter()
            .filter_map(|&f| {
                let fm = self.item(f, fields::ZERO_FACILITY)?;
                Some(ZeroFacility {
                    span: self.tree.span(f),
                    name: self.text(fm, "name"),
                    reason: self.text(fm, "reason"),
                    plan: self.text(fm, "plan"),
                })
            })
            .collect();
        Some(ZeroCase {
            span,
            notice: self.value(m, "notice", read_notice),
            name: self.text(m, "name"),
            prior_cases: self.value(m, "prior_cases", |s| read_cell(s, false, read_count)),
            facilities_span,
            facilities,
        })
    }
}
