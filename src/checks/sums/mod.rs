//! Arithmetic within one cost table.

pub mod advanced_exceeds_total;
pub mod column_sum;
pub mod zero_row_values;
