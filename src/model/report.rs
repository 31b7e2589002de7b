//! A monthly attendance report (närvarorapport): the meetings of one assignment in one month,
//! approved (attested) by staff before it can be paid.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::id::Id;
use super::money::Money;
use super::month::Month;

/// `reports/<YYYY-MM>/<assignment id>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema: u32,
    pub assignment: Id,
    pub month: Month,
    /// The days they met.
    #[serde(with = "crate::model::date::list", default)]
    pub meetings: Vec<NaiveDate>,
    /// Hours spent in the month, in tenths of an hour (`25` = 2.5 h), if reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_tenths: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// Expenses the volunteer reports (information only: the allowance is a fixed monthly sum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenses_ore: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(with = "crate::model::date")]
    pub reported: NaiveDate,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settled {
    #[serde(with = "crate::model::date")]
    pub date: NaiveDate,
    pub reason: String,
    pub by: String,
    /// The report's revision it settles: a later correction is owed again.
    #[serde(default)]
    pub revision: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    #[serde(with = "crate::model::date")]
    pub date: NaiveDate,
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
    #[serde(with = "crate::model::date")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl Report {
    /// How many times the report was corrected after approval.
    pub fn revision(&self) -> u32 {
        self.corrections.len() as u32
    }

    /// Does `other` say what this report says (meetings, hours, activity, expenses, note)?
    pub fn same_content(&self, other: &Report) -> bool {
        self.meetings == other.meetings
            && self.hours_tenths == other.hours_tenths
            && self.activity == other.activity
            && self.expenses_ore == other.expenses_ore
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
    let s = s.trim().replace(',', ".");
    let (whole, frac) = s.split_once('.').unwrap_or((&s, "0"));
    let bad = || format!("expected hours like 2 or 2.5, found `{s}`");
    if frac.len() != 1 || !whole.chars().all(|c| c.is_ascii_digit()) || whole.is_empty() {
        return Err(bad());
    }
    let w: u32 = whole.parse().map_err(|_| bad())?;
    let f: u32 = frac.parse().map_err(|_| bad())?;
    if w > 744 {
        return Err(format!("{s} hours is more than a month has"));
    }
    Ok(w * 10 + f)
}
