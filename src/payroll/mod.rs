//! Pay: what a month pays (lines in öre), the ledger of what was paid, and the payroll files.

pub mod age_band;
pub mod compute;
pub mod contributions;
pub mod dygn;
pub mod expense_tax_split;
pub mod export;
pub mod hourly;
pub mod line;
pub mod meeting_tiers;
pub mod mileage;
pub mod month_over;
pub mod monthly_amount;
pub mod owed;
pub mod prorate;
pub mod receipts;
pub mod reconcile;
pub mod retroactive;
pub mod settlement;
pub mod stay_pay;
pub mod totals;
pub mod travel_allowance;

pub use crate::model::payline::{LineKind, PayLine};
pub use line::Payee;
