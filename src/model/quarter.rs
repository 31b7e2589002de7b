//! A calendar quarter (`2026Q3`): the period of the reports to IVO and to the council.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Month;

/// A quarter that exists: 1 to 4 by construction. Q1 is January to March, Q4 October to
/// December, as IVO's reporting periods count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    year: i32,
    q: u32,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("expected a quarter YYYYQN with N from 1 to 4, like 2026Q3")]
pub struct QuarterError;

impl Quarter {
    pub fn new(year: i32, q: u32) -> Result<Quarter, QuarterError> {
        if (1..=4).contains(&q) && crate::model::date::YEARS.contains(&year) {
            Ok(Quarter { year, q })
        } else {
            Err(QuarterError)
        }
    }

    /// The quarter `date` falls in.
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            q: (date.month() - 1) / 3 + 1,
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn number(self) -> u32 {
        self.q
    }

    pub fn first_month(self) -> Month {
        Month::new(self.year, self.q * 3 - 2).expect("a quarter's months exist")
    }

    pub fn first_day(self) -> NaiveDate {
        self.first_month().first_day()
    }

    pub fn last_day(self) -> NaiveDate {
        Month::new(self.year, self.q * 3)
            .expect("a quarter's months exist")
            .last_day()
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        Quarter::of(d) == self
    }

    pub fn next(self) -> Quarter {
        if self.q == 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }

    pub fn prev(self) -> Quarter {
        if self.q == 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q - 1,
            }
        }
    }
}

impl FromStr for Quarter {
    type Err = QuarterError;
    /// `2026Q3` (also `2026q3` and `2026-Q3`, as people write it).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (y, q) = s.split_once(['Q', 'q']).ok_or(QuarterError)?;
        let y = y.strip_suffix('-').unwrap_or(y);
        if y.len() != 4 || q.len() != 1 || !y.bytes().chain(q.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(QuarterError);
        }
        Quarter::new(
            y.parse().map_err(|_| QuarterError)?,
            q.parse().map_err(|_| QuarterError)?,
        )
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}Q{}", self.year, self.q)
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::date::parse(s).unwrap()
    }

    #[test]
    fn parses_quarters_as_written_and_nothing_else() {
        let q: Quarter = "2026Q3".parse().unwrap();
        assert_eq!((q.year(), q.number()), (2026, 3));
        assert_eq!("2026q3".parse::<Quarter>(), Ok(q));
        assert_eq!("2026-Q3".parse::<Quarter>(), Ok(q));
        assert_eq!(q.to_string(), "2026Q3");
        for bad in [
            "2026Q0", "2026Q5", "2026Q", "26Q3", "2026-3", "2026Q33", "", "Q3", "2026 Q3",
            "2026Q-1",
        ] {
            assert_eq!(bad.parse::<Quarter>(), Err(QuarterError), "{bad}");
        }
    }

    #[test]
    fn a_quarter_runs_three_calendar_months() {
        let q: Quarter = "2026Q3".parse().unwrap();
        assert_eq!(q.first_day(), d("2026-07-01"));
        assert_eq!(q.last_day(), d("2026-09-30"));
        assert!(q.contains(d("2026-09-30")) && !q.contains(d("2026-10-01")));
        assert_eq!(Quarter::of(d("2026-10-01")), q.next());
        assert_eq!(
            "2026Q4".parse::<Quarter>().unwrap().next().to_string(),
            "2027Q1"
        );
        assert_eq!(
            "2027Q1".parse::<Quarter>().unwrap().prev().to_string(),
            "2026Q4"
        );
    }

    proptest! {
        #[test]
        fn every_day_is_in_its_quarter(days in 0i64..80_000) {
            let day = d("1950-01-01") + chrono::Duration::days(days);
            let q = Quarter::of(day);
            prop_assert!(q.first_day() <= day && day <= q.last_day());
            prop_assert_eq!(q.next().prev(), q);
            prop_assert_eq!(q.to_string().parse::<Quarter>().unwrap(), q);
            prop_assert_eq!(q.last_day().succ_opt().map(Quarter::of), Some(q.next()));
        }
    }
}
