//! Dates: whether they exist, and whether they fall where they must.

pub mod effective_after_period;
pub mod era_date;
