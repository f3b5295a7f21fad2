//! 技術数の推移: the balance of technologies over the year.

pub mod approved_count;
pub mod change_balance;
