//! A pay run (lönekörning): the ledger entry of one payroll file. What it paid, line by line, and
//! the SHA-256 of the file it wrote, so that nothing is paid twice and the file can be verified.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::id::Id;
use super::money::Money;
use super::month::Month;
use super::payline::PayLine;

/// `payruns/<YYYY-MM>/<id>.toml`, written in the same transaction as the payroll file beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayRun {
    #[serde(deserialize_with = "crate::model::known_schema")]
    pub schema: u32,
    pub id: Id,
    /// The month the run was made for; its lines may cover earlier months too.
    pub month: Month,
    #[serde(with = "datetime")]
    pub created: NaiveDateTime,
    /// The run's place in the order runs were made: one more than the highest `seq` of the
    /// ledger entries it read (its retroactive window's and later months'), so that runs made in
    /// the same second keep their order. Entries written before there was a `seq` have none (0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub seq: u32,
    /// Who ran it (the login name).
    pub user: String,
    /// `csv` or `paxml`.
    pub format: String,
    /// The payroll file, relative to the records directory.
    pub file: String,
    /// SHA-256 of the payroll file's bytes, lower-case hex.
    pub sha256: String,
    pub total_ore: Money,
    pub lines: Vec<PayLine>,
    /// The oldest period this run could pay (its retroactive window's start,
    /// `payroll::retroactive`): the next run looks for what fell out of the window since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_from: Option<Month>,
    /// What was owed but older than the retroactive limit when the run was made: every later
    /// run lists these again, until each is settled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owed: Vec<Excluded>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The top of a ledger entry, without its lines: what run it is, for which month, and the
/// payroll file it wrote. Enough to know whether the ledger is whole (`rules::ledger`) without
/// parsing years of lines; unknown fields are let through (`check` judges the whole entry).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Head {
    pub id: Id,
    pub month: Month,
    pub file: String,
}

impl PayRun {
    /// The order runs were made in: by time, then by `seq` (within a second), then by id (only
    /// for entries without `seq` made in the same second, whose order is not recorded).
    pub fn order(&self) -> (NaiveDateTime, u32, &Id) {
        (self.created, self.seq, &self.id)
    }

    /// What the entry says it is, without its lines.
    pub fn head(&self) -> Head {
        Head {
            id: self.id,
            month: self.month,
            file: self.file.clone(),
        }
    }

    /// `payruns/<YYYY-MM>/<id>.toml`.
    pub fn rel_path_of(month: Month, id: &Id) -> std::path::PathBuf {
        std::path::Path::new("payruns")
            .join(month.to_string())
            .join(format!("{id}.toml"))
    }
}

/// `2026-11-07T09:30:00`, local time without zone, as people read it.
mod datetime {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

    pub fn serialize<S: Serializer>(d: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&d.format(FORMAT))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let s = String::deserialize(d)?;
        NaiveDateTime::parse_from_str(&s, FORMAT).map_err(|_| {
            serde::de::Error::custom(format!(
                "expected a time like 2026-11-07T09:30:00, found `{s}`"
            ))
        })
    }
}

/// Why an assignment's period is not paid in this run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excluded {
    pub assignment: Id,
    pub volunteer: Id,
    pub period: Month,
    pub reason: String,
}
