//! The service's rules as pure functions of the records and a date. No I/O here.

pub mod decision;
pub mod prisbasbelopp;
pub mod screening;
pub mod status;
