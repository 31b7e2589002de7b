//! The ranges a value must lie in, wherever it comes from (an option, a CSV import, a hand
//! edit). Wide enough for any real case, narrow enough that a slip of the keyboard (a zero too
//! many) is caught and no sum of them can overflow.

use crate::model::Money;

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
