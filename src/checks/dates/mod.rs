//! Dates: whether they fall where they must (whether they exist is read with the value: `era-date`).

pub mod effective_after_period;
pub mod effective_order;
pub mod report_period;
