//! Small value types shared by several records.

use crate::model::date::Date;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The Swedish words staff type for the values records hold in English, and the English word
/// each stands for. A value typed on the command line or in a CSV import is read in either
/// language and any case (`LSS`, `OK`, `kvinna`, `klient`); the records keep the English word.
pub const SWEDISH_VALUES: &[(&str, &str)] = &[
    // Gender wish and sex.
    ("kvinna", "female"),
    ("man", "male"),
    ("alla", "any"),
    ("valfritt", "any"),
    ("spelar ingen roll", "any"),
    // Who declined.
    ("klient", "client"),
    ("klienten", "client"),
    ("kontaktperson", "volunteer"),
    ("kontaktpersonen", "volunteer"),
    ("uppdragstagare", "volunteer"),
    ("handläggare", "staff"),
    ("handläggaren", "staff"),
    // A referee's verdict.
    ("bra", "ok"),
    ("godkänd", "ok"),
    ("oro", "concern"),
    ("tveksam", "concern"),
    // Availability.
    ("vardag-dag", "weekday-day"),
    ("vardagar", "weekday-day"),
    ("dagtid", "weekday-day"),
    ("vardag-kväll", "weekday-evening"),
    ("kvällar", "weekday-evening"),
    ("kväll", "weekday-evening"),
    ("helg", "weekend"),
    ("helger", "weekend"),
    // Why an assignment ended.
    ("klientens begäran", "client_request"),
    ("kontaktpersonens begäran", "volunteer_request"),
    ("målet uppnått", "goal_reached"),
    ("mål uppnått", "goal_reached"),
    ("flyttat", "moved"),
    ("flytt", "moved"),
    ("beslutet upphört", "decision_expired"),
    ("annat", "other"),
    // A follow-up's outcome.
    ("uppnådda", "met"),
    ("uppnått", "met"),
    ("delvis", "partly"),
    ("inte", "not"),
    ("inte uppnådda", "not"),
    ("fortsätter", "continue"),
    ("fortsätt", "continue"),
    ("ändras", "change"),
    ("ändra", "change"),
    ("avslutas", "end"),
    ("avsluta", "end"),
    // Support to a volunteer.
    ("gruppträff", "group"),
    ("telefon", "phone"),
    ("samtal", "phone"),
    ("besök", "visit"),
    ("övrigt", "other"),
    // An assignment's status (`list assignments --status`).
    ("föreslaget", "proposed"),
    ("föreslagna", "proposed"),
    ("avböjt", "declined"),
    ("avböjda", "declined"),
    ("ej undertecknat", "unsigned"),
    ("avtalat", "agreed"),
    ("avtalade", "agreed"),
    ("pågår", "active"),
    ("pågående", "active"),
    ("avslutat", "ended"),
    ("avslutade", "ended"),
];

/// Parses a command-line or CSV word into an enum by its serde name (`weekday-evening`, `lss`),
/// in any case, or by its Swedish word ([`SWEDISH_VALUES`]); `_` and `-` stand for each other.
pub fn parse_word<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, String> {
    use serde::de::IntoDeserializer;
    let read = |w: &str| {
        let de: serde::de::value::StrDeserializer<serde::de::value::Error> = w.into_deserializer();
        T::deserialize(de).map_err(|e| e.to_string())
    };
    let typed = s.trim();
    let first = match read(typed) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let lower = typed.to_lowercase();
    let english = SWEDISH_VALUES
        .iter()
        .find(|(sv, _)| *sv == lower)
        .map_or(lower.as_str(), |(_, en)| en);
    // The word itself in any case first: "Kontaktperson" is an insats before it is the
    // Swedish for a volunteer.
    [
        lower.clone(),
        english.to_string(),
        english.replace('_', "-"),
        english.replace('-', "_"),
    ]
    .iter()
    .find_map(|w| read(w).ok())
    .ok_or(first)
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

impl Basis {
    /// The law's name as staff write it: `SoL`, `LSS`.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Sol => "SoL",
            Basis::Lss => "LSS",
        }
    }
}

/// The insats applied for and granted: a kontaktperson (a person who meets the client) or a
/// kontaktfamilj (a family that takes the client into its home, some evenings or weekends).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Insats {
    #[default]
    Kontaktperson,
    Kontaktfamilj,
}

impl Insats {
    pub fn is_default(&self) -> bool {
        *self == Insats::Kontaktperson
    }
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
        // As staff write it, too: `1/vecka`, `2/mån`, `1/Week`.
        let per = match per.trim().to_lowercase().as_str() {
            "week" | "w" | "vecka" | "veckan" | "v" => Per::Week,
            "month" | "m" | "månad" | "månaden" | "mån" => Per::Month,
            _ => return Err(FrequencyError),
        };
        if !(1..=31).contains(&times) {
            return Err(FrequencyError);
        }
        Ok(Frequency { times, per })
    }
}

impl Frequency {
    /// As a person reads it: `1/week` or `1/vecka`.
    pub fn localized(&self, lang: crate::lang::Lang) -> String {
        let per = match self.per {
            Per::Week => lang.pick("week", "vecka"),
            Per::Month => lang.pick("month", "månad"),
        };
        format!("{}/{per}", self.times)
    }

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

/// The children's ages a kontaktfamilj takes, in whole years: `0-12`, `6-17`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChildAges {
    pub min: u32,
    pub max: u32,
}

impl ChildAges {
    pub fn contains(self, age: u32) -> bool {
        (self.min..=self.max).contains(&age)
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("expected the ages taken as MIN-MAX in years from 0 to 99, like `0-12`")]
pub struct ChildAgesError;

impl FromStr for ChildAges {
    type Err = ChildAgesError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (a, b) = s.trim().split_once('-').ok_or(ChildAgesError)?;
        let min: u32 = a.trim().parse().map_err(|_| ChildAgesError)?;
        let max: u32 = b.trim().parse().map_err(|_| ChildAgesError)?;
        if min > 99 || !(min..=99).contains(&max) {
            return Err(ChildAgesError);
        }
        Ok(ChildAges { min, max })
    }
}

impl fmt::Display for ChildAges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.min, self.max)
    }
}

impl Serialize for ChildAges {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ChildAges {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
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
    pub date: Date,
    pub event: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Event {
    pub fn new(date: chrono::NaiveDate, event: impl Into<String>) -> Event {
        Event {
            date: date.into(),
            event: event.into(),
            by: None,
            note: None,
        }
    }

    /// The person who did it, when known (blank names are not recorded).
    pub fn with_by(mut self, by: Option<String>) -> Event {
        self.by = by.map(|b| b.trim().to_string()).filter(|b| !b.is_empty());
        self
    }

    pub fn with_note(mut self, note: Option<String>) -> Event {
        self.note = note;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values staff type, in Swedish or English and any case, read as the records' words.
    #[test]
    fn values_are_read_in_either_language_and_any_case() {
        use crate::model::assignment::{EndReason, Party};
        use crate::model::volunteer::Verdict;
        assert_eq!(parse_word::<Basis>("LSS"), Ok(Basis::Lss));
        assert_eq!(parse_word::<Basis>("SoL"), Ok(Basis::Sol));
        assert_eq!(parse_word::<Verdict>("OK"), Ok(Verdict::Ok));
        assert_eq!(parse_word::<Verdict>("oro"), Ok(Verdict::Concern));
        assert_eq!(parse_word::<GenderWish>("kvinna"), Ok(GenderWish::Female));
        assert_eq!(parse_word::<GenderWish>("Man"), Ok(GenderWish::Male));
        assert_eq!(parse_word::<Party>("klient"), Ok(Party::Client));
        assert_eq!(
            parse_word::<Availability>("helg"),
            Ok(Availability::Weekend)
        );
        assert_eq!(
            parse_word::<Availability>("WEEKDAY_EVENING"),
            Ok(Availability::WeekdayEvening)
        );
        assert_eq!(
            parse_word::<EndReason>("målet uppnått"),
            Ok(EndReason::GoalReached)
        );
        assert_eq!(
            parse_word::<EndReason>("goal-reached"),
            Ok(EndReason::GoalReached)
        );
        assert!(parse_word::<Basis>("socialtjänst").is_err());
        let weekly: Frequency = "1/vecka".parse().unwrap();
        assert_eq!(weekly, "1/week".parse().unwrap());
        assert_eq!("2/Mån".parse::<Frequency>(), "2/month".parse());
        assert!("1/dag".parse::<Frequency>().is_err());
    }

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
