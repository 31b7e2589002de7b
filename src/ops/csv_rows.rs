//! The rows of a batch intake file (`apply --from FILE.csv`): columns named as the options, each
//! value read as the option would read it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::apply::{ClientApplication, VolunteerApplication};
use super::split_list;
use crate::model::Availability;
use crate::model::common::parse_word;

/// `weekday-day,weekend`: when a volunteer can meet.
pub fn availability(s: &str) -> Result<Vec<Availability>, String> {
    split_list(s).iter().map(|w| parse_word(w)).collect()
}

fn opt_date(row: &HashMap<String, String>, key: &str) -> Result<Option<NaiveDate>, String> {
    match row.get(key).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => crate::model::date::parse(v)
            .map(Some)
            .map_err(|e| format!("column `{key}`: {e}")),
    }
}

fn text(row: &HashMap<String, String>, key: &str) -> Option<String> {
    row.get(key).filter(|v| !v.is_empty()).cloned()
}

fn word<T: serde::de::DeserializeOwned + Default>(
    row: &HashMap<String, String>,
    key: &str,
) -> Result<T, String> {
    match row.get(key).filter(|v| !v.is_empty()) {
        None => Ok(T::default()),
        Some(v) => parse_word(v).map_err(|e| format!("column `{key}`: {e}")),
    }
}

pub const CLIENT_COLUMNS: &[&str] = &[
    "name",
    "pnr",
    "area",
    "interests",
    "languages",
    "wants-gender",
    "wants-age",
    "availability",
    "basis",
    "applied",
    "note",
];
pub const VOLUNTEER_COLUMNS: &[&str] = &[
    "name",
    "pnr",
    "email",
    "phone",
    "area",
    "interests",
    "languages",
    "availability",
    "capacity",
    "applied",
];

pub fn client(row: &HashMap<String, String>) -> Result<ClientApplication, String> {
    Ok(ClientApplication {
        name: text(row, "name").unwrap_or_default(),
        pnr: text(row, "pnr").unwrap_or_default(),
        area: text(row, "area"),
        interests: split_list(row.get("interests").map_or("", |s| s)),
        languages: split_list(row.get("languages").map_or("", |s| s)),
        wants_gender: word(row, "wants-gender")?,
        wants_age: match text(row, "wants-age") {
            Some(s) => Some(s.parse().map_err(|e| format!("column `wants-age`: {e}"))?),
            None => None,
        },
        availability: availability(row.get("availability").map_or("", |s| s))
            .map_err(|e| format!("column `availability`: {e}"))?,
        basis: word(row, "basis")?,
        applied: opt_date(row, "applied")?,
        note: text(row, "note"),
    })
}

pub fn volunteer(row: &HashMap<String, String>) -> Result<VolunteerApplication, String> {
    let capacity = match text(row, "capacity") {
        None => 1,
        Some(c) => c
            .parse()
            .map_err(|_| "column `capacity`: expected a whole number".to_string())?,
    };
    Ok(VolunteerApplication {
        name: text(row, "name").unwrap_or_default(),
        pnr: text(row, "pnr").unwrap_or_default(),
        email: text(row, "email"),
        phone: text(row, "phone"),
        area: text(row, "area"),
        interests: split_list(row.get("interests").map_or("", |s| s)),
        languages: split_list(row.get("languages").map_or("", |s| s)),
        availability: availability(row.get("availability").map_or("", |s| s))
            .map_err(|e| format!("column `availability`: {e}"))?,
        capacity,
        applied: opt_date(row, "applied")?,
    })
}
