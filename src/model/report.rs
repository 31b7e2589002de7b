//! A monthly attendance report (närvarorapport): the meetings of one assignment in one month,
//! approved (attested) by staff before it can be paid.

use crate::model::date::Date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::id::Id;
use super::money::Money;
use super::month::Month;

/// `reports/<YYYY-MM>/<assignment id>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    #[serde(deserialize_with = "crate::model::known_schema")]
    pub schema: u32,
    pub assignment: Id,
    pub month: Month,
    /// The days they met.
    #[serde(default)]
    pub meetings: Vec<Date>,
    /// Hours spent in the month, in tenths of an hour (`25` = 2.5 h), if reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_tenths: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// Expenses the volunteer reports (information only: the allowance is a fixed monthly sum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenses_ore: Option<Money>,
    /// A kontaktfamilj's stays (vistelser) that begin in the month, each paid per dygn
    /// (`payroll::dygn`); a stay may run into the next month and is reported once, here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stays: Vec<Stay>,
    /// Trips in one's own car, for mileage (milersättning) where the terms pay it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trips: Vec<Trip>,
    /// Outlays (utlägg) with receipts, paid back as they are once the report is approved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receipts: Vec<Receipt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub reported: Date,
    /// Attestation: who approved it and when. An approved report is never replaced, only
    /// corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Approval>,
    /// Changes made after approval (`kontakt report ... --correct`), oldest first. Pay compares
    /// their number (the report's revision) with what it paid, and pays the difference.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Paid outside kontakt (by hand, after it fell out of the retroactive window): what was
    /// owed for this revision is settled and no run pays or lists it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled_outside: Option<Settled>,
}

/// The longest stay counted, in days: a longer one is a placement, not a kontaktfamilj's stay
/// (and a typo in a year must not make a run count for ever).
pub const MAX_STAY_DAYS: i64 = 92;

/// A stay in the family's home, from the day the child comes to the day the child leaves.
/// Without times a stay is taken to begin in the afternoon and end after noon (a Friday to a
/// Sunday is 2½ dygn); the times, when given, say otherwise (`payroll::dygn`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stay {
    pub from: Date,
    pub to: Date,
    /// The time the child came (`HH:MM`), if reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived: Option<ClockTime>,
    /// The time the child left (`HH:MM`), if reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<ClockTime>,
}

/// A time of day as `HH:MM`, in minutes after midnight (0 to 1439).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime(pub u16);

impl ClockTime {
    /// Noon, where a half dygn turns into a whole one.
    pub const NOON: ClockTime = ClockTime(12 * 60);
}

impl std::str::FromStr for ClockTime {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "expected a time HH:MM, found `{}`",
                s.chars().take(20).collect::<String>()
            )
        };
        let (h, m) = s.trim().split_once([':', '.']).ok_or_else(bad)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(bad());
        }
        let h: u16 = h.parse().map_err(|_| bad())?;
        let m: u16 = m.parse().map_err(|_| bad())?;
        if h > 23 || m > 59 {
            return Err(bad());
        }
        Ok(ClockTime(h * 60 + m))
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A trip in one's own car: the day and the kilometres driven, there and back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trip {
    pub date: Date,
    pub km: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An outlay (utlägg) the volunteer paid, with the receipt's reference (its number, or what
/// it is: `kvitto 12, bio`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    #[serde(rename = "amount_ore")]
    pub amount: Money,
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settled {
    pub date: Date,
    pub reason: String,
    pub by: String,
    /// The report's revision it settles: a later correction is owed again.
    #[serde(default)]
    pub revision: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub date: Date,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// What the month earned by the records when the correction was made (fee and expense
    /// allowance, in öre): the amounts the correction settles. A later change that gives other
    /// amounts is not covered by it (`payroll::settlement`). Absent in corrections recorded
    /// before kontakt kept them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_ore: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expense_ore: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl Report {
    /// A report of nothing, filed `today`.
    pub fn empty(assignment: Id, month: Month, today: NaiveDate) -> Report {
        Report {
            schema: super::SCHEMA,
            assignment,
            month,
            meetings: Vec::new(),
            hours_tenths: None,
            activity: None,
            expenses_ore: None,
            stays: Vec::new(),
            trips: Vec::new(),
            receipts: Vec::new(),
            note: None,
            reported: today.into(),
            approved: None,
            corrections: Vec::new(),
            settled_outside: None,
        }
    }

    /// Does the report say something was delivered: a meeting, a stay, or (for terms paid
    /// `by_the_hour`) hours? A month without is not paid unless `[payroll]
    /// pay_without_meetings` says so. Hours beside terms paid by the month only describe the
    /// meetings: a month whose meetings were all cancelled is not paid for its hours.
    pub fn delivered(&self, by_the_hour: bool) -> bool {
        !self.meetings.is_empty()
            || !self.stays.is_empty()
            || (by_the_hour && self.hours_tenths.is_some_and(|h| h > 0))
    }

    /// How many times the report was corrected after approval.
    pub fn revision(&self) -> u32 {
        self.corrections.len() as u32
    }

    /// Does `other` say what this report says (meetings, hours, activity, expenses, stays, trips,
    /// receipts, note)?
    pub fn same_content(&self, other: &Report) -> bool {
        self.meetings == other.meetings
            && self.hours_tenths == other.hours_tenths
            && self.activity == other.activity
            && self.expenses_ore == other.expenses_ore
            && self.stays == other.stays
            && self.trips == other.trips
            && self.receipts == other.receipts
            && self.note == other.note
    }

    /// Was what this revision owes paid outside kontakt?
    pub fn settled_outside(&self) -> bool {
        self.settled_outside
            .as_ref()
            .is_some_and(|s| s.revision == self.revision())
    }

    pub fn rel_path(month: Month, assignment: &Id) -> std::path::PathBuf {
        std::path::Path::new("reports")
            .join(month.to_string())
            .join(format!("{assignment}.toml"))
    }
}

/// Parses hours as typed (`2`, `2.5`, `2,5`) into tenths.
pub fn parse_hours(s: &str) -> Result<u32, String> {
    // What was typed is echoed as typed (`2,55`), the decimal comma too.
    let typed = s.trim();
    let s = typed.replace(',', ".");
    let (whole, frac) = s.split_once('.').unwrap_or((&s, "0"));
    let bad = || format!("expected hours like 2 or 2.5, found `{typed}`");
    if frac.len() != 1 || !whole.chars().all(|c| c.is_ascii_digit()) || whole.is_empty() {
        return Err(bad());
    }
    let w: u32 = whole.parse().map_err(|_| bad())?;
    let f: u32 = frac.parse().map_err(|_| bad())?;
    if w > 744 {
        return Err(format!("{typed} hours is more than a month has"));
    }
    Ok(w * 10 + f)
}

/// Parses a stay as typed: `2026-10-09..2026-10-11`, with times if known
/// (`2026-10-09T17:00..2026-10-11T15:30`); one date alone is a day visit.
pub fn parse_stay(s: &str) -> Result<Stay, String> {
    let side = |t: &str| -> Result<(NaiveDate, Option<ClockTime>), String> {
        let (date, time) = match t.trim().split_once(['T', 't', ' ']) {
            Some((d, h)) => (d, Some(h.parse::<ClockTime>()?)),
            None => (t.trim(), None),
        };
        Ok((super::date::parse(date)?, time))
    };
    let (from, to) = s.split_once("..").unwrap_or((s, s));
    let ((from, arrived), (to, left)) = (side(from)?, side(to)?);
    if to < from {
        return Err(format!("the stay ends ({to}) before it begins ({from})"));
    }
    Ok(Stay {
        from: from.into(),
        to: to.into(),
        arrived,
        left,
    })
}

/// Parses a trip as typed: `2026-10-12:46` (km), `2026-10-12:46km` or `2026-10-12:4.6mil`.
pub fn parse_trip(s: &str) -> Result<Trip, String> {
    let bad = || {
        format!(
            "expected a trip DATE:KM like 2026-10-12:46 or 2026-10-12:4.6mil, found `{}`",
            s.chars().take(40).collect::<String>()
        )
    };
    let (date, typed) = s.trim().split_once(':').ok_or_else(bad)?;
    let date = super::date::parse(date)?;
    let dist = typed.trim().to_lowercase().replace(',', ".");
    // Tenths of a km, so that `4.6mil` is exactly 46 km.
    let (number, tenths_per_unit) = if let Some(n) = dist.strip_suffix("mil") {
        (n.trim(), 100u64)
    } else {
        (dist.trim_end_matches("km").trim(), 10)
    };
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty()
        || frac.len() > 1
        || !whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole: u64 = whole.parse().map_err(|_| bad())?;
    let frac: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| bad())?
    };
    let tenths_km = whole
        .checked_mul(tenths_per_unit)
        .and_then(|w| w.checked_add(frac * tenths_per_unit / 10))
        .ok_or_else(bad)?;
    if tenths_km % 10 != 0 {
        return Err(format!(
            "a trip is counted in whole km, found `{}`",
            typed.trim()
        ));
    }
    let km = u32::try_from(tenths_km / 10).map_err(|_| bad())?;
    Ok(Trip {
        date: date.into(),
        km,
        note: None,
    })
}

/// Parses a receipt as typed: `120.50:kvitto 12, bio` (kronor, then its reference).
pub fn parse_receipt(s: &str) -> Result<Receipt, String> {
    let (amount, reference) = s
        .split_once(':')
        .ok_or_else(|| "expected a receipt KR:REFERENCE like 120.50:kvitto 12".to_string())?;
    let amount: Money = amount
        .trim()
        .parse()
        .map_err(|e: super::money::MoneyError| e.to_string())?;
    let reference = reference.trim().to_string();
    if reference.is_empty() {
        return Err("a receipt needs a reference after the colon".into());
    }
    Ok(Receipt { amount, reference })
}

#[cfg(test)]
mod typed_numbers {
    use super::*;

    #[test]
    fn a_mistyped_number_is_echoed_as_typed_with_its_decimal_comma() {
        assert!(parse_hours("2,55").unwrap_err().contains("`2,55`"));
        assert!(parse_hours("999,5").unwrap_err().starts_with("999,5 hours"));
        assert!(
            parse_trip("2026-10-12:12,5")
                .unwrap_err()
                .contains("`12,5`")
        );
        assert_eq!(parse_hours("2,5"), Ok(25));
    }
}
