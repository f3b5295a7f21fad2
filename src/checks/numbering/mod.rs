//! The order of rows in the cost tables.

pub mod notice_order;
pub mod serial_sequence;
pub mod subrow_consistency;
