//! Dates in records: ISO `YYYY-MM-DD`, strictly (or the same digits without dashes,
//! `20260801`, as staff type them; written back with dashes). chrono's own parser takes `26-03-01` as the year
//! 26; a case file never means that. A TOML date written without quotes (`2026-03-01`) is
//! accepted too, since people editing by hand write them so. Use on fields as
//! `#[serde(with = "crate::model::date")]` (or `date::opt` for `Option<NaiveDate>`, `date::list`
//! for `Vec<NaiveDate>`).

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
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

pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_any(DateVisitor)
}

pub mod opt {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_any(DateVisitor).map(Some)
    }
}

pub mod list {
    use super::*;
    use serde::ser::SerializeSeq;

    pub fn serialize<S: Serializer>(v: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for d in v {
            seq.serialize_element(&d.to_string())?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = Vec<NaiveDate>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of dates YYYY-MM-DD")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<NaiveDate>, A::Error> {
                struct One(NaiveDate);
                impl<'de> serde::Deserialize<'de> for One {
                    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                        d.deserialize_any(DateVisitor).map(One)
                    }
                }
                let mut out = Vec::new();
                while let Some(One(d)) = seq.next_element()? {
                    out.push(d);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(ListVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct R {
        #[serde(with = "super")]
        a: NaiveDate,
        #[serde(default, with = "super::opt", skip_serializing_if = "Option::is_none")]
        b: Option<NaiveDate>,
        #[serde(default, with = "super::list")]
        c: Vec<NaiveDate>,
    }

    #[test]
    fn strict_iso_dates_quoted_or_not() {
        let r: R = toml::from_str(
            "a = \"2026-03-01\"\nb = 2026-03-02\nc = [\"2026-03-03\", 2026-03-04]\n",
        )
        .unwrap();
        assert_eq!(r.b, NaiveDate::from_ymd_opt(2026, 3, 2));
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
