//! The ranges a value must lie in, wherever it comes from (an option, a CSV import, a hand
//! edit). Wide enough for any real case, narrow enough that a slip of the keyboard (a zero too
//! many) is caught and no sum of them can overflow.

use crate::model::Money;
use crate::tr;

/// Any amount a person states (a plain monthly fee, reported expenses): at most 10 000 000 kr,
/// the same limit the command line's amount parser has. A run of a million such lines still
/// adds up far inside an i64 of öre.
pub const MAX_AMOUNT: Money = Money(1_000_000_000);

/// An hourly fee: at most 10 000 kr an hour (SKR's hourly kontaktperson is paid some hundreds).
pub const MAX_HOURLY: Money = Money(1_000_000);

/// A per cent of the prisbasbelopp, in hundredths: at most 100 % (SKR's categories end at 55 %).
pub const MAX_PERCENT_HUNDREDTHS: u32 = 10_000;

/// A prisbasbelopp in whole kronor (59 200 in 2026): a real one is within these.
pub const PRISBASBELOPP_KRONOR: std::ops::RangeInclusive<i64> = 10_000..=1_000_000;

/// Years kontakt's tables may name: the years a record's date may be in (one range for
/// both, so a prisbasbelopp can be given for every year a date can name, and no other).
pub const YEARS: std::ops::RangeInclusive<i32> = crate::model::date::YEARS;

/// Is `m` an amount a person may state (not negative, not above [`MAX_AMOUNT`])?
pub fn amount_ok(m: Money) -> bool {
    (Money::ZERO..=MAX_AMOUNT).contains(&m)
}

/// `10 000 000 kr` in the reader's language, for messages.
pub fn max_amount_text() -> String {
    format!("{} kr", MAX_AMOUNT.swedish())
}

/// The most characters a name may have (a person's, a household adult's, a referee's).
pub const MAX_NAME_CHARS: usize = 200;

/// Why `name` cannot be a person's name, if it cannot: a name is 1 to [`MAX_NAME_CHARS`]
/// characters without control characters. `apply` (`--name`), `screen` (`--adult`, a
/// referee's name) and `check` (a name typed into the file) judge by this. The caller trims
/// what was typed; a stored name is judged as it is.
pub fn name_problem(name: &str) -> Option<String> {
    let ok = !name.is_empty()
        && !name.chars().any(char::is_control)
        && name.chars().count() <= MAX_NAME_CHARS;
    (!ok).then(|| {
        tr!(
            "expected the person's name (1 to 200 characters)",
            "personens namn väntades (1 till 200 tecken)"
        )
    })
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn a_name_is_one_to_two_hundred_characters() {
        assert_eq!(name_problem("Anna Berg"), None);
        assert_eq!(name_problem("Å"), None);
        assert_eq!(name_problem(&"å".repeat(200)), None);
        assert!(name_problem("").is_some());
        assert!(name_problem(&"å".repeat(201)).is_some());
    }

    #[test]
    fn a_name_has_no_control_characters() {
        assert!(name_problem("Anna\nBerg").is_some());
        assert!(name_problem("Anna\tBerg").is_some());
        assert!(name_problem("Anna\u{1b}[31m").is_some());
        assert!(
            name_problem("Anna\u{7}")
                .unwrap()
                .contains("1 to 200 characters")
        );
    }
}
