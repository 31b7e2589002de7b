//! Money as integer öre (1 krona = 100 öre), never floating point.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An amount in öre. Serialized as a plain integer of öre (`amount_ore = 123300`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_kronor(kr: i64) -> Money {
        Money(kr * 100)
    }

    pub fn ore(self) -> i64 {
        self.0
    }

    /// `1 233,00` (Swedish style, no unit).
    pub fn swedish(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let kr = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in kr.chars().enumerate() {
            if i > 0 && (kr.len() - i).is_multiple_of(3) {
                grouped.push('\u{a0}');
            }
            grouped.push(c);
        }
        format!("{sign}{grouped},{:02}", abs % 100)
    }
}

/// `1233.00`: kronor with a decimal point, for scripts and English text.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(
            f,
            "{sign}{}.{:02}",
            self.0.unsigned_abs() / 100,
            self.0.unsigned_abs() % 100
        )
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{}", crate::lang::current().pick("expected an amount in kronor, like 1233 or 1233.50 (at most 10 000 000)", "ett belopp i kronor väntades, som 1233 eller 1233.50 (högst 10 000 000)"))]
pub struct MoneyError;

/// Parses kronor as typed: `1233`, `1233.5`, `1233,50`, `1 233,50`. Negative amounts are refused
/// here; corrections make their own negatives.
impl FromStr for Money {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '_'))
            .collect();
        let t = t.strip_suffix("kr").unwrap_or(&t).trim_end();
        let (kr, ore) = match t.split_once(['.', ',']) {
            Some((k, o)) => (k, o),
            None => (t, ""),
        };
        if kr.is_empty() || !kr.bytes().all(|b| b.is_ascii_digit()) || kr.len() > 8 {
            return Err(MoneyError);
        }
        if ore.len() > 2 || !ore.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MoneyError);
        }
        let kr: i64 = kr.parse().map_err(|_| MoneyError)?;
        let ore: i64 = format!("{ore:0<2}").parse().unwrap_or(0);
        let total = kr * 100 + ore;
        if total > 1_000_000_000 {
            return Err(MoneyError);
        }
        Ok(Money(total))
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0 + o.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0 - o.0)
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        self.0 += o.0;
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.map(|m| m.0).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_kronor_as_people_type_them() {
        assert_eq!("1233".parse(), Ok(Money(123_300)));
        assert_eq!("1233.5".parse(), Ok(Money(123_350)));
        assert_eq!("1 233,50".parse(), Ok(Money(123_350)));
        assert_eq!("0,05 kr".parse(), Ok(Money(5)));
        for bad in ["", "-5", "1.234", "abc", "1e3", "12,3,4", "99999999999"] {
            assert_eq!(bad.parse::<Money>(), Err(MoneyError), "{bad}");
        }
    }

    #[test]
    fn prints_swedish_and_plain() {
        assert_eq!(Money(123_300).swedish(), "1\u{a0}233,00");
        assert_eq!(Money(-5).swedish(), "-0,05");
        assert_eq!(Money(-123_456_789).to_string(), "-1234567.89");
    }

    proptest! {
        #[test]
        fn display_parses_back(ore in 0i64..1_000_000_000) {
            prop_assert_eq!(Money(ore).to_string().parse::<Money>(), Ok(Money(ore)));
            prop_assert_eq!(Money(ore).swedish().parse::<Money>(), Ok(Money(ore)));
        }
    }
}
