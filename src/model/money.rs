//! Money as integer öre (1 krona = 100 öre), never floating point.

use std::fmt;

use crate::lang::Lang;
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

    pub fn ore(self) -> i64 {
        self.0
    }

    /// `1 233,00` (Swedish style, no unit).
    /// An amount as people read it: `1 233,00 kr` in Swedish, `1,233.00 kr` in English.
    pub fn localized(self, lang: Lang) -> String {
        match lang {
            Lang::Sv => format!("{} kr", self.swedish()),
            Lang::En => {
                let sign = if self.ore() < 0 { "-" } else { "" };
                let abs = self.ore().unsigned_abs();
                let kr = (abs / 100).to_string();
                let mut grouped = String::new();
                for (i, c) in kr.chars().enumerate() {
                    if i > 0 && (kr.len() - i).is_multiple_of(3) {
                        grouped.push(',');
                    }
                    grouped.push(c);
                }
                format!("{sign}{grouped}.{:02} kr", abs % 100)
            }
        }
    }

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
#[error("expected an amount in kronor, like 1233 or 1233.50 (at most 10 000 000)")]
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

/// An amount beyond what an i64 of öre holds came out of a sum or a difference. Money never
/// wraps: such a result is this error, never a number (a hand-edited record with an absurd
/// amount is what causes it; `kontakt check` names the record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "an amount is too large to compute (beyond 92 233 720 368 547 758 kr): a record holds an absurd amount"
)]
pub struct Overflow;

/// Checked arithmetic: the only way to combine amounts (there are no `+`, `-` or `Sum` impls,
/// so an unchecked sum cannot be written by mistake).
impl Money {
    pub fn checked_add(self, o: Money) -> Result<Money, Overflow> {
        self.0.checked_add(o.0).map(Money).ok_or(Overflow)
    }

    pub fn checked_sub(self, o: Money) -> Result<Money, Overflow> {
        self.0.checked_sub(o.0).map(Money).ok_or(Overflow)
    }

    pub fn checked_neg(self) -> Result<Money, Overflow> {
        self.0.checked_neg().map(Money).ok_or(Overflow)
    }

    /// Adds to `self` in place.
    pub fn add_to(&mut self, o: Money) -> Result<(), Overflow> {
        *self = self.checked_add(o)?;
        Ok(())
    }

    /// The sum of `amounts`.
    pub fn sum(amounts: impl IntoIterator<Item = Money>) -> Result<Money, Overflow> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn amounts_read_the_local_way() {
        let m = Money(123_300);
        assert_eq!(m.localized(Lang::Sv), "1\u{a0}233,00 kr");
        assert_eq!(m.localized(Lang::En), "1,233.00 kr");
        assert_eq!(Money(-5).localized(Lang::En), "-0.05 kr");
    }

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

        /// A checked sum is the exact sum whenever that fits an i64, and an error otherwise:
        /// never a wrapped number.
        #[test]
        fn sums_are_exact_or_an_error(v in proptest::collection::vec(any::<i64>(), 0..6)) {
            let exact: i128 = v.iter().map(|&x| i128::from(x)).sum();
            let prefixes_fit = v.iter().scan(0i128, |acc, &x| { *acc += i128::from(x); Some(*acc) })
                .all(|p| i64::try_from(p).is_ok());
            match Money::sum(v.iter().copied().map(Money)) {
                Ok(m) => prop_assert_eq!(i128::from(m.ore()), exact),
                Err(Overflow) => prop_assert!(!prefixes_fit),
            }
        }

        #[test]
        fn differences_are_exact_or_an_error(a in any::<i64>(), b in any::<i64>()) {
            let exact = i128::from(a) - i128::from(b);
            match Money(a).checked_sub(Money(b)) {
                Ok(m) => prop_assert_eq!(i128::from(m.ore()), exact),
                Err(Overflow) => prop_assert!(i64::try_from(exact).is_err()),
            }
        }
    }

    #[test]
    fn the_edges_overflow() {
        assert_eq!(Money(i64::MAX).checked_add(Money(1)), Err(Overflow));
        assert_eq!(Money(i64::MIN).checked_neg(), Err(Overflow));
        assert_eq!(Money(i64::MIN).checked_sub(Money(1)), Err(Overflow));
        assert_eq!(
            Money::sum([Money(i64::MAX), Money(-1)]),
            Ok(Money(i64::MAX - 1))
        );
    }
}
