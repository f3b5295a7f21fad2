//! The typed report and everything needed to read it: value readers, exact numbers, era dates, and the
//! lowering from the syntax tree.

pub mod decimal;
pub mod exact;
pub mod fields;
mod lower;
pub mod places;
pub mod read;
pub mod report;
pub mod value;

pub use decimal::{Decimal, Rounding};
pub use lower::{PLACEHOLDER, lower, lower_with};
pub use report::*;
pub use value::{Amount, Cell, Notice, Spanned};
