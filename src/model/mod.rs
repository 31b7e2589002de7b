//! Plain domain types and value types. No I/O here.

pub mod assignment;
pub mod client;
pub mod common;
pub mod config;
pub mod culled;
pub mod date;
pub mod id;
pub mod layout;
pub mod money;
pub mod month;
pub mod payline;
pub mod payrun;
pub mod pnr;
pub mod quarter;
pub mod report;
pub mod volunteer;

pub use assignment::{Assignment, AssignmentStatus};
pub use client::{Client, Decision, Outcome};
pub use common::{Availability, Basis, Event, Frequency, GenderWish, Per};
pub use config::Config;
pub use date::Date;
pub use id::{Id, Kind};
pub use money::Money;
pub use month::Month;
pub use payrun::PayRun;
pub use pnr::Pnr;
pub use quarter::Quarter;
pub use report::Report;
pub use volunteer::{Reference, Screening, Verdict, Volunteer};

/// The schema version every record carries; bumped when a format changes incompatibly.
pub const SCHEMA: u32 = 1;

/// Reads a record's `schema`, refusing a version this kontakt does not know: a file written by
/// a newer kontakt may hold what this one would misread (and pay wrong), so it is not read at
/// all. `check` reports it as E010.
pub fn known_schema<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = <u32 as serde::Deserialize>::deserialize(d)?;
    if n == SCHEMA {
        Ok(n)
    } else {
        Err(serde::de::Error::custom(format!(
            "schema {n} is not known to this kontakt (expected {SCHEMA}): a newer kontakt wrote it, or it was typed wrong"
        )))
    }
}
