//! Dates in records: ISO `YYYY-MM-DD`, strictly (or the same digits without dashes,
//! `20260801`, as staff type them; written back with dashes). chrono's own parser takes `26-03-01` as the year
//! 26; a case file never means that. A TOML date written without quotes (`2026-03-01`) is
//! accepted too, since people editing by hand write them so. Records hold dates as [`Date`],
//! which reads and writes itself so (no serde attribute on any field); the rules work with
//! chrono's `NaiveDate`, which a `Date` derefs to and converts into.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserializer, Serializer};

/// The years a case file can speak of.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Parses `YYYY-MM-DD` (or `YYYYMMDD`, as staff type it), a real calendar date in [`YEARS`].
pub fn parse(s: &str) -> Result<NaiveDate, String> {
    let compact;
    let s = if s.len() == 8 && s.bytes().all(|c| c.is_ascii_digit()) {
        compact = format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..]);
        compact.as_str()
    } else {
        s
    };
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(format!(
            "expected a date YYYY-MM-DD, found `{}`",
            s.chars().take(40).collect::<String>()
        ));
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let year = num(0..4) as i32;
    if !YEARS.contains(&year) {
        return Err(format!(
            "the year {year} is outside {}-{}",
            YEARS.start(),
            YEARS.end()
        ));
    }
    NaiveDate::from_ymd_opt(year, num(5..7), num(8..10))
        .ok_or_else(|| format!("{s} is not a date in the calendar"))
}

/// A date in a record: chrono's `NaiveDate`, read as [`parse`] reads it (and from a TOML date
/// without quotes), written as `YYYY-MM-DD`. It derefs to `NaiveDate` for the rules, and
/// compares with one directly.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    /// The chrono date, for the rules' arithmetic.
    pub fn get(self) -> NaiveDate {
        self.0
    }
}

impl std::ops::Deref for Date {
    type Target = NaiveDate;
    fn deref(&self) -> &NaiveDate {
        &self.0
    }
}

impl From<NaiveDate> for Date {
    fn from(d: NaiveDate) -> Self {
        Date(d)
    }
}

impl From<Date> for NaiveDate {
    fn from(d: Date) -> Self {
        d.0
    }
}

impl PartialEq<NaiveDate> for Date {
    fn eq(&self, other: &NaiveDate) -> bool {
        self.0 == *other
    }
}

impl PartialEq<Date> for NaiveDate {
    fn eq(&self, other: &Date) -> bool {
        *self == other.0
    }
}

impl PartialOrd<NaiveDate> for Date {
    fn partial_cmp(&self, other: &NaiveDate) -> Option<std::cmp::Ordering> {
        self.0.partial_cmp(other)
    }
}

impl PartialOrd<Date> for NaiveDate {
    fn partial_cmp(&self, other: &Date) -> Option<std::cmp::Ordering> {
        self.partial_cmp(&other.0)
    }
}

/// The days between two dates, as between chrono's.
impl std::ops::Sub for Date {
    type Output = chrono::TimeDelta;
    fn sub(self, other: Date) -> chrono::TimeDelta {
        self.0 - other.0
    }
}

impl std::ops::Sub<NaiveDate> for Date {
    type Output = chrono::TimeDelta;
    fn sub(self, other: NaiveDate) -> chrono::TimeDelta {
        self.0 - other
    }
}

impl std::ops::Sub<Date> for NaiveDate {
    type Output = chrono::TimeDelta;
    fn sub(self, other: Date) -> chrono::TimeDelta {
        self - other.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse(s).map(Date)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor).map(Date)
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse(v).map_err(E::custom)
    }

    /// A TOML date without quotes arrives as a one-entry map holding its text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
        let (_, text): (String, String) = map
            .next_entry()?
            .ok_or_else(|| de::Error::custom("expected a date YYYY-MM-DD"))?;
        parse(&text).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct R {
        a: Date,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        b: Option<Date>,
        #[serde(default)]
        c: Vec<Date>,
    }

    #[test]
    fn strict_iso_dates_quoted_or_not() {
        let r: R = toml::from_str(
            "a = \"2026-03-01\"\nb = 2026-03-02\nc = [\"2026-03-03\", 2026-03-04]\n",
        )
        .unwrap();
        assert_eq!(r.b, NaiveDate::from_ymd_opt(2026, 3, 2).map(Date));
        assert_eq!(r.c.len(), 2);
        assert_eq!(
            toml::to_string(&r).unwrap(),
            "a = \"2026-03-01\"\nb = \"2026-03-02\"\nc = [\"2026-03-03\", \"2026-03-04\"]\n"
        );
        for bad in [
            "26-03-01",
            "2026-3-1",
            "2026-02-30",
            "0026-03-01",
            "2026-03-01T10:00:00",
            "",
            "yesterday",
            "20260230",
            "2026081",
            "202608011",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        // The digits without dashes, as staff type them.
        assert_eq!(
            parse("20260801"),
            Ok(NaiveDate::from_ymd_opt(2026, 8, 1).unwrap())
        );
        assert!(toml::from_str::<R>("a = 2026-03-01T10:00:00\n").is_err());
        assert!(toml::from_str::<R>("a = 1\n").is_err());
    }
}
