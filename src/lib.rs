//! kontakt: the domain of a municipality's kontaktperson service.
//!
//! The library holds the model, the rules, matching, payroll and the store; it does no terminal I/O.

pub mod matching;
pub mod model;
