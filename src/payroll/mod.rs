//! Pay: what a month pays (lines in öre), the ledger of what was paid, and the payroll files.

pub mod compute;
pub mod contributions;
pub mod export;
pub mod line;
pub mod month_over;
pub mod monthly_amount;
pub mod prorate;
pub mod retroactive;
pub mod settlement;
pub mod totals;

pub use crate::model::payline::{LineKind, PayLine};
pub use line::Payee;
