//! kontakt: the domain of a municipality's kontaktperson service.
//!
//! The library holds the model, the rules, matching, payroll and the store; it does no terminal
//! I/O. The binary (`src/main.rs`, `src/cli/`) parses arguments, calls [`ops`] and renders.

pub mod documents;
pub mod error;
pub mod lang;
pub mod matching;
pub mod model;
pub mod ops;
pub mod payroll;
pub mod rules;
pub mod spreadsheet;
pub mod stats;
pub mod store;

pub use error::{Error, Result};
