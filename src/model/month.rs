//! A calendar month (`2026-10`), the period of reports and pay.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A month that exists: the month number is 1 to 12 by construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    year: i32,
    month: u32,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("expected a month YYYY-MM, like 2026-10")]
pub struct MonthError;

impl Month {
    pub fn new(year: i32, month: u32) -> Result<Month, MonthError> {
        if (1..=12).contains(&month) && (1900..=9999).contains(&year) {
            Ok(Month { year, month })
        } else {
            Err(MonthError)
        }
    }

    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a valid month has a first day")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .pred_opt()
            .expect("a month has a last day")
    }

    pub fn days(self) -> u32 {
        self.last_day().day()
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// `n` months before this one, stopping at the first month a record can speak of (so a
    /// limit read from a file, however large, costs one subtraction and cannot underflow).
    pub fn back(self, n: u32) -> Month {
        let index = i64::from(self.year) * 12 + i64::from(self.month - 1) - i64::from(n);
        let first = i64::from(*crate::model::date::YEARS.start()) * 12;
        let index = index.max(first);
        Month {
            year: (index.div_euclid(12)) as i32,
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        Month::of(d) == self
    }

    /// Every day of the month, in order.
    pub fn dates(self) -> impl Iterator<Item = NaiveDate> {
        self.first_day().iter_days().take(self.days() as usize)
    }
}

impl FromStr for Month {
    type Err = MonthError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (y, m) = s.split_once('-').ok_or(MonthError)?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(MonthError);
        }
        Month::new(
            y.parse().map_err(|_| MonthError)?,
            m.parse().map_err(|_| MonthError)?,
        )
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
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

    #[test]
    fn parses_only_real_months() {
        assert_eq!("2026-02".parse::<Month>().unwrap().days(), 28);
        assert_eq!("2024-02".parse::<Month>().unwrap().days(), 29);
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-01",
            "2026/01",
            "",
            "2026-01-01",
            "２０２６-01",
        ] {
            assert_eq!(bad.parse::<Month>(), Err(MonthError), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn next_and_prev_are_inverse_and_days_count(y in 1950i32..2100, m in 1u32..=12) {
            let month = Month::new(y, m).unwrap();
            prop_assert_eq!(month.next().prev(), month);
            prop_assert_eq!(month.dates().count() as u32, month.days());
            prop_assert_eq!(month.to_string().parse::<Month>().unwrap(), month);
            prop_assert_eq!(month.last_day().succ_opt().map(Month::of), Some(month.next()));
        }

        /// `back(n)` is `n` steps of `prev`, stopping at the first month of the calendar.
        #[test]
        fn back_is_repeated_prev(y in 1900i32..2100, m in 1u32..=12, n in 0u32..2000) {
            let month = Month::new(y, m).unwrap();
            let mut stepped = month;
            for _ in 0..n {
                if stepped == Month::new(1900, 1).unwrap() {
                    break;
                }
                stepped = stepped.prev();
            }
            prop_assert_eq!(month.back(n), stepped);
            prop_assert_eq!(month.back(u32::MAX), Month::new(1900, 1).unwrap());
        }
    }
}

/// Full calendar months from `from` to `to` (0 if `to` is earlier): 15 Jan to 14 Mar is 1.
pub fn whole_months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    use chrono::Datelike;
    let months = (to.year() - from.year()) * 12 + to.month() as i32
        - from.month() as i32
        - i32::from(to.day() < from.day());
    months.max(0) as u32
}

#[cfg(test)]
mod whole_months_tests {
    use super::*;

    #[test]
    fn counts_full_months_only() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(whole_months_between(d("2026-01-15"), d("2026-03-14")), 1);
        assert_eq!(whole_months_between(d("2026-01-15"), d("2026-03-15")), 2);
        assert_eq!(whole_months_between(d("2026-03-15"), d("2026-01-15")), 0);
        assert_eq!(whole_months_between(d("2025-12-31"), d("2026-01-31")), 1);
    }
}
