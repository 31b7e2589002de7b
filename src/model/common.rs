//! Small value types shared by several records.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Parses a command-line or CSV word into an enum by its serde name (`weekday-evening`, `lss`),
/// so the words accepted are exactly the words written in the records.
pub fn parse_word<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, String> {
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<serde::de::value::Error> =
        s.trim().into_deserializer();
    T::deserialize(de).map_err(|e| e.to_string())
}

/// The word an enum is written as in the records (`weekday-evening`), for display.
pub fn word<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The law a decision rests on: SoL (Socialtjänstlagen, the Social Services Act) or LSS 9 § 4
/// (support for people with certain disabilities). Every decision must record it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    #[default]
    Sol,
    Lss,
}

/// The client's wish about the volunteer's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum GenderWish {
    #[default]
    Any,
    Female,
    Male,
}

/// When a volunteer can meet (and when a client prefers to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Availability {
    WeekdayDay,
    WeekdayEvening,
    Weekend,
}

/// How often the client and volunteer meet: `1/week`, `2/month`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Frequency {
    pub times: u32,
    pub per: Per,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Per {
    Week,
    Month,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("expected N/week or N/month with N from 1 to 31, like `1/week`")]
pub struct FrequencyError;

impl FromStr for Frequency {
    type Err = FrequencyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (n, per) = s.trim().split_once('/').ok_or(FrequencyError)?;
        let times: u32 = n.trim().parse().map_err(|_| FrequencyError)?;
        let per = match per.trim() {
            "week" => Per::Week,
            "month" => Per::Month,
            _ => return Err(FrequencyError),
        };
        if !(1..=31).contains(&times) {
            return Err(FrequencyError);
        }
        Ok(Frequency { times, per })
    }
}

impl Frequency {
    /// Expected meetings in a month of `days` days; weekly rates count weeks as days / 7.
    pub fn per_month_tenths(&self, days: u32) -> u32 {
        match self.per {
            Per::Month => self.times * 10,
            Per::Week => self.times * days * 10 / 7,
        }
    }
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = match self.per {
            Per::Week => "week",
            Per::Month => "month",
        };
        write!(f, "{}/{}", self.times, per)
    }
}

impl Serialize for Frequency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Frequency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The volunteer's age a client wishes for, in whole years: `25-40`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AgeRange {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("expected an age range MIN-MAX in years from 18 to 99, like `25-40`")]
pub struct AgeRangeError;

impl FromStr for AgeRange {
    type Err = AgeRangeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (a, b) = s.trim().split_once('-').ok_or(AgeRangeError)?;
        let min: u32 = a.trim().parse().map_err(|_| AgeRangeError)?;
        let max: u32 = b.trim().parse().map_err(|_| AgeRangeError)?;
        if !(18..=99).contains(&min) || !(min..=99).contains(&max) {
            return Err(AgeRangeError);
        }
        Ok(AgeRange { min, max })
    }
}

impl fmt::Display for AgeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.min, self.max)
    }
}

impl Serialize for AgeRange {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AgeRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One entry of a record's history: what happened, on which date, by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[serde(with = "crate::model::date")]
    pub date: chrono::NaiveDate,
    pub event: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Event {
    pub fn new(date: chrono::NaiveDate, event: impl Into<String>) -> Event {
        Event {
            date,
            event: event.into(),
            by: None,
            note: None,
        }
    }

    pub fn with_note(mut self, note: Option<String>) -> Event {
        self.note = note;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequency_parses_and_prints_back() {
        for s in ["1/week", "2/month", "31/month"] {
            assert_eq!(s.parse::<Frequency>().unwrap().to_string(), s);
        }
        for bad in [
            "", "0/week", "1/day", "x/week", "1week", "32/month", "-1/week",
        ] {
            assert_eq!(bad.parse::<Frequency>(), Err(FrequencyError), "{bad}");
        }
    }
}
