//! The report's header, summary, changes and history.

use super::{Lowerer, Map};
use crate::diagnostics::Diagnostic;
use crate::diagnostics::RuleId;
use crate::model::decimal::Rounding;
use crate::model::fields;
use crate::model::read::{read_amount, read_cell, read_count, read_date, read_percent, read_period};
use crate::model::report::{ChangeColumn, Columns, HistoryRow, Meta, Report, SummaryColumn};
use crate::model::value::Spanned;
use crate::syntax::NodeId;
use crate::text::Span;

impl<'a> Lowerer<'a> {
    pub(super) fn sections(&mut self, top: Map<'a>) -> Report {
        let meta = self.section(top, "report", fields::REPORT).map(|m| self.meta(m)).unwrap_or_default();
        let summary = self.columns(top, "summary", fields::SUMMARY, Self::summary_column);
        let changes = self.columns(top, "changes", fields::CHANGES, Self::change_column);
        let history = self.history(top);
        let costs = self.costs(top);
        let (zero_cases, zero_case_lists) = self.zero_cases(top);
        Report { meta, summary, changes, history, costs, zero_cases, zero_case_lists }
    }

    fn meta(&mut self, m: Map<'a>) -> Meta {
        let rounding_set = m.entries.iter().any(|e| self.tree.scalar(e.key) == Some("rounding"));
        let rounding = match self.scalar(m, "rounding") {
            None => Rounding::HalfUp,
            Some((s, span)) => s.parse().unwrap_or_else(|m| {
                self.diags.push(Diagnostic::new(RuleId::ValueFormat, span, m));
                Rounding::HalfUp
            }),
        };
        Meta {
            title: self.text(m, "title"),
            fiscal_year: self.text(m, "fiscal_year"),
            period: self.period(m, "period"),
            rounding,
            rounding_set,
            previous: self.text(m, "previous"),
        }
    }

    /// A period written as `A～B` or as `{start: A, end: B}`.
    pub(super) fn period(&mut self, m: Map<'a>, key: &str) -> Option<Spanned<(jiff::civil::Date, jiff::civil::Date)>> {
        let got = self.get(m, key)?;
        let span = self.tree.span(got.node);
        if self.tree.entries(got.node).is_some() {
            const ENDS: &[fields::Field] = &[
                fields::Field { key: "start", ja: "開始日", required: true, kind: fields::Kind::Date },
                fields::Field { key: "end", ja: "終了日", required: true, kind: fields::Kind::Date },
            ];
            let ends = self.mapping(got.node, ENDS, got.key)?;
            let start = self.value(ends, "start", read_date);
            let end = self.value(ends, "end", read_date);
            return Some(Spanned { value: (start?.value, end?.value), span });
        }
        self.value(m, key, read_period)
    }

    fn columns<T>(
        &mut self,
        top: Map<'a>,
        key: &str,
        fields: &'static [fields::Field],
        read: fn(&mut Self, Map<'a>) -> T,
    ) -> Columns<T> {
        let Some(cols) = self.section(top, key, fields::COLUMNS) else {
            return Columns::default();
        };
        let column = |l: &mut Self, name: &str| l.section(cols, name, fields).map(|m| read(l, m));
        Columns { a: column(self, "A"), b: column(self, "B"), total: column(self, "total") }
    }

    fn summary_column(&mut self, m: Map<'a>) -> SummaryColumn {
        SummaryColumn {
            technologies: self.value(m, "technologies", read_count),
            facilities: self.value(m, "facilities", read_count),
            patients: self.value(m, "patients", read_count),
            insured_cost: self.value(m, "insured_cost", read_amount),
            advanced_cost: self.value(m, "advanced_cost", read_amount),
            total_cost: self.value(m, "total_cost", read_amount),
            advanced_ratio: self.value(m, "advanced_ratio", read_percent),
        }
    }

    fn change_column(&mut self, m: Map<'a>) -> ChangeColumn {
        let count = |s: &str| read_cell(s, false, read_count);
        ChangeColumn {
            previous: self.value(m, "previous", count),
            approved: self.value(m, "approved", count),
            insured: self.value(m, "insured", count),
            withdrawn: self.value(m, "withdrawn", count),
            deleted: self.value(m, "deleted", count),
            current: self.value(m, "current", count),
            final_reports: self.value(m, "final_reports", count),
        }
    }

    fn history(&mut self, top: Map<'a>) -> Vec<HistoryRow> {
        let Some((_, items)) = self.list(top, "history") else {
            return Vec::new();
        };
        items.iter().filter_map(|&item| self.history_row(item)).collect()
    }

    fn history_row(&mut self, item: NodeId) -> Option<HistoryRow> {
        let m = self.item(item, fields::HISTORY)?;
        Some(HistoryRow {
            span: self.tree.span(item),
            period: self.period(m, "period"),
            months: self.value(m, "months", read_count),
            technologies: self.value(m, "technologies", read_count),
            facilities: self.value(m, "facilities", read_count),
            patients: self.value(m, "patients", read_count),
            total_cost: self.value(m, "total_cost", read_amount),
            insured_cost: self.value(m, "insured_cost", read_amount),
            advanced_cost: self.value(m, "advanced_cost", read_amount),
            advanced_ratio: self.value(m, "advanced_ratio", read_percent),
        })
    }

    /// A list item read as a mapping; a missing field is reported at the item's first key.
    pub(super) fn item(&mut self, item: NodeId, fields: &'static [fields::Field]) -> Option<Map<'a>> {
        let anchor = match self.tree.entries(item).and_then(|e| e.first()) {
            Some(first) => self.tree.span(first.key),
            None => Span::empty(self.tree.span(item).start),
        };
        self.mapping(item, fields, anchor)
    }
}
