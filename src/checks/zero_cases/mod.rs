//! 先－１－２: the explanations for technologies with no case, against the cost tables.

pub mod prior_cases;
pub mod zero_case_missing;
pub mod zero_case_name;
pub mod zero_case_order;
pub mod zero_case_unexpected;

use crate::checks::facts;
use crate::model::{CostRow, Notice, Part, Report, Spanned, ZeroCase};

/// The zero-case entries of `part` by technology number.
fn entries_by_number(report: &Report, part: Part) -> std::collections::HashMap<u32, Vec<&ZeroCase>> {
    let mut map: std::collections::HashMap<u32, Vec<&ZeroCase>> = std::collections::HashMap::new();
    for z in report.zero_cases.get(part).into_iter().flatten() {
        if let Some(n) = &z.notice {
            map.entry(n.value.number).or_default().push(z);
        }
    }
    map
}

/// An entry of the zero-case table with its technology's rows in the same part's cost table.
struct Entry<'a> {
    part: Part,
    entry: &'a ZeroCase,
    notice: &'a Spanned<Notice>,
    /// `None` when the cost table has no technology of that number.
    rows: Option<Vec<&'a CostRow>>,
}

/// Every zero-case entry with a readable 告示番号, in parts whose cost table exists.
fn entries_with_rows(report: &Report) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for part in Part::BOTH {
        let (Some(table), Some(entries)) = (report.costs.get(part), report.zero_cases.get(part)) else { continue };
        let techs = facts::technologies(table);
        for entry in entries {
            let Some(notice) = &entry.notice else { continue };
            let rows = techs.get(notice.value.number).map(<[_]>::to_vec);
            out.push(Entry { part, entry, notice, rows });
        }
    }
    out
}
