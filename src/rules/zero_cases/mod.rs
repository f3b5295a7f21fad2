//! 先－１－２: the explanations for technologies with no case, against the cost tables.

pub mod prior_cases;
pub mod zero_case_missing;
pub mod zero_case_name;
pub mod zero_case_unexpected;

use crate::model::{Part, Report, ZeroCase};

/// The zero-case entries of `part` for technology `number`.
fn entries_for(report: &Report, part: Part, number: u32) -> impl Iterator<Item = &ZeroCase> {
    report
        .zero_cases
        .get(part)
        .into_iter()
        .flatten()
        .filter(move |z| z.notice.as_ref().is_some_and(|n| n.value.number == number))
}

/// A section name for messages: `zero_cases.A`.
fn section(part: Part) -> &'static str {
    match part {
        Part::A => "zero_cases.A",
        Part::B => "zero_cases.B",
    }
}
