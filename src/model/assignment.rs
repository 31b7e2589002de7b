//! An assignment (uppdrag): one volunteer for one client, from proposal through agreement to end.

use crate::model::date::Date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::common::{Event, Frequency};
use super::id::Id;
use super::money::Money;

/// The pair's file. A proposal becomes an agreement (uppdragsavtal) with dated terms; it ends,
/// but is never deleted, because pay and history refer to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    #[serde(deserialize_with = "crate::model::known_schema")]
    pub schema: u32,
    pub id: Id,
    pub client: Id,
    pub volunteer: Id,
    pub proposed: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Match score when proposed by `match`, kept to explain the choice later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined: Option<Declined>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Ending>,
    /// The genomförandeplan: how the insats is carried out (`kontakt plan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Event>,
}

/// A genomförandeplan (SOSFS 2014:5 as amended by HSLF-FS 2016:89): the goals from the
/// decision, what is done to reach them, by whom and when; agreed with the client (and a
/// child's guardians) and followed up with the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The day the plan was made (or last changed).
    pub made: Date,
    pub goals: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// What is done, by whom, when (`fika and a walk`, `the volunteer`, `every Thursday`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub what: String,
    pub who: String,
    pub when: String,
}

/// Either side (or staff) said no after the meeting to see whether the match feels right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declined {
    pub date: Date,
    pub by: Party,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    Client,
    Volunteer,
    Staff,
}

/// The agreement (uppdragsavtal, förordnande): when it runs, who signed, and its terms over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub start: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// The date the volunteer and the responsible official signed the agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    /// The date the sekretessförbindelse (confidentiality undertaking) was signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality_signed: Option<Date>,
    /// Kostnadsställe: the cost centre pay is booked on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_center: Option<String>,
    /// Terms in force from their date until the next entry's; never rewritten, only appended.
    pub terms: Vec<Terms>,
}

/// What the volunteer is paid and how often they meet, from a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    pub from: Date,
    pub meetings: Frequency,
    /// How the month's pay is worked out: by the month (default), by the meetings held, by
    /// the hour, or per dygn of stay (kontaktfamilj).
    #[serde(default, skip_serializing_if = "PaidPer::is_month")]
    pub paid_per: PaidPer,
    /// Arvode: the monthly fee, taxable income (none when paid per meeting level or dygn,
    /// whose amounts come from kontakt.toml).
    #[serde(default, skip_serializing_if = "Compensation::is_none")]
    pub fee: Compensation,
    /// Omkostnadsersättning: the monthly allowance for expenses (fika, tickets, travel).
    #[serde(default, skip_serializing_if = "Compensation::is_none")]
    pub expense: Compensation,
    /// With `paid_per = "meetings"`: the tariff, a `[tiers.NAME]` table of kontakt.toml.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tiers: Option<String>,
    /// With `paid_per = "hour"`: the fee per hour, in öre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_ore: Option<Money>,
    /// Mileage (milersättning) for the trips reported, at kontakt.toml's `[mileage]` rates.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mileage: bool,
    /// A flat monthly travel allowance (reseersättning, as Värnamo pays when the trip is at
    /// least 1 mil), in öre, paid for a month that earns pay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel_monthly_ore: Option<Money>,
    /// The individual basis (särskild utredning) on which an expense allowance above SKR's
    /// highest level is paid tax-free; without it the excess is taxable arvode
    /// (`payroll::expense_tax_split`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual_basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Terms {
    /// Terms paid by the month: the fee and the expense allowance, nothing delivered-based.
    pub fn monthly(
        from: NaiveDate,
        meetings: Frequency,
        fee: Compensation,
        expense: Compensation,
    ) -> Terms {
        Terms {
            from: from.into(),
            meetings,
            paid_per: PaidPer::Month,
            fee,
            expense,
            tiers: None,
            hourly_ore: None,
            mileage: false,
            travel_monthly_ore: None,
            individual_basis: None,
            reason: None,
        }
    }
}

/// How a month's pay is worked out from the terms and the month's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaidPer {
    /// The monthly fee and allowance, for the days the agreement is in force (SKR's model).
    #[default]
    Month,
    /// A level of `[tiers.NAME]` chosen by the meetings held in the month
    /// (`payroll::meeting_tiers`).
    Meetings,
    /// The hours reported, at `hourly_ore` (`payroll::hourly`); the allowance monthly.
    Hour,
    /// Kontaktfamilj: per dygn of the stays reported, by the child's age band, at kontakt.toml's
    /// `[kontaktfamilj.YEAR]` rates (`payroll::stay_pay`).
    Dygn,
}

impl PaidPer {
    pub fn is_month(&self) -> bool {
        *self == PaidPer::Month
    }
}

/// A monthly amount: by SKR's model (a category or level and a percentage of the year's
/// prisbasbelopp), or a plain amount the agreement states, or none (terms paid by delivery
/// take their amounts from kontakt.toml). One of the three, never a mix: a file that states
/// both a per cent and an amount, or a level without its per cent, is refused as it is read.
/// Whether the per cent lies in its category, and whether a plain amount has its reason, are
/// `rules::terms`' to say (they depend on kontakt.toml and the terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "CompensationFields", into = "CompensationFields")]
pub enum Compensation {
    /// Nothing stated here.
    #[default]
    Unstated,
    /// SKR's model: `hundredths` of a per cent of the prisbasbelopp a year (`2000` = 20 %),
    /// within fee category or expense `level` (1 to 3); without a level it needs a reason.
    Percent { level: Option<u8>, hundredths: u32 },
    /// A plain monthly amount in öre, instead of a percentage (it needs a reason).
    Amount(Money),
}

/// How a [`Compensation`] is written in the record: `level` and `percent_hundredths`, or
/// `monthly_ore`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompensationFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_hundredths: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_ore: Option<Money>,
}

impl TryFrom<CompensationFields> for Compensation {
    type Error = String;

    fn try_from(f: CompensationFields) -> Result<Self, String> {
        match (f.level, f.percent_hundredths, f.monthly_ore) {
            (None, None, None) => Ok(Compensation::Unstated),
            (level, Some(hundredths), None) => Ok(Compensation::Percent { level, hundredths }),
            (None, None, Some(m)) => Ok(Compensation::Amount(m)),
            (_, Some(_), Some(_)) => Err(
                "both a plain amount (`monthly_ore`) and a per cent (`percent_hundredths`): keep one"
                    .into(),
            ),
            (Some(_), None, Some(_)) => Err(
                "a plain amount (`monthly_ore`) has no `level`: remove it, or give the per cent (`percent_hundredths`) instead of the amount"
                    .into(),
            ),
            (Some(_), None, None) => Err(
                "a `level` without its per cent (`percent_hundredths`), or a plain amount (`monthly_ore`)"
                    .into(),
            ),
        }
    }
}

impl From<Compensation> for CompensationFields {
    fn from(c: Compensation) -> Self {
        match c {
            Compensation::Unstated => CompensationFields::default(),
            Compensation::Percent { level, hundredths } => CompensationFields {
                level,
                percent_hundredths: Some(hundredths),
                monthly_ore: None,
            },
            Compensation::Amount(m) => CompensationFields {
                monthly_ore: Some(m),
                ..Default::default()
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub date: Date,
    pub reason: EndReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    ClientRequest,
    VolunteerRequest,
    GoalReached,
    Moved,
    DecisionExpired,
    Other,
}

/// Where an assignment stands on a day; derived, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AssignmentStatus {
    /// Suggested; the three-way meeting has not settled it.
    Proposed,
    Declined,
    /// Terms recorded, but not both signatures yet.
    Unsigned,
    /// Signed, not yet started.
    Agreed,
    Active,
    Ended,
}

impl Compensation {
    /// Nothing stated (terms paid per meeting level or dygn take their amounts elsewhere).
    pub fn is_none(&self) -> bool {
        *self == Compensation::Unstated
    }
}

impl Agreement {
    /// The day the agreement became signed: the later of the agreement's and the
    /// confidentiality undertaking's signatures; `None` until both are on file. The one
    /// definition of "signed" (`rules::in_force` builds on it).
    pub fn signed_on(&self) -> Option<NaiveDate> {
        Some(self.signed?.max(self.confidentiality_signed?).get())
    }

    pub fn is_signed(&self) -> bool {
        self.signed_on().is_some()
    }
}

impl Assignment {
    pub fn status(&self, today: NaiveDate) -> AssignmentStatus {
        if self.declined.is_some() {
            return AssignmentStatus::Declined;
        }
        if self.ended.as_ref().is_some_and(|e| e.date < today) {
            return AssignmentStatus::Ended;
        }
        let Some(a) = &self.agreement else {
            return AssignmentStatus::Proposed;
        };
        if a.end.is_some_and(|e| e < today) {
            return AssignmentStatus::Ended;
        }
        if !a.is_signed() {
            AssignmentStatus::Unsigned
        } else if a.start <= today {
            AssignmentStatus::Active
        } else {
            AssignmentStatus::Agreed
        }
    }

    /// Does this assignment take one of the volunteer's places on `today` (and keep the client
    /// from the waiting list)? Proposed, unsigned, agreed and active ones do.
    pub fn is_open(&self, today: NaiveDate) -> bool {
        !matches!(
            self.status(today),
            AssignmentStatus::Declined | AssignmentStatus::Ended
        )
    }

    /// The last day the assignment runs, if it is set to end.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let agreed_end = self.agreement.as_ref().and_then(|a| a.end);
        let ended = self.ended.as_ref().map(|e| e.date);
        match (agreed_end, ended) {
            (Some(a), Some(b)) => Some(a.min(b).get()),
            (a, b) => a.or(b).map(Into::into),
        }
    }

    /// The terms in force on `day`, if the agreement covers it.
    pub fn terms_on(&self, day: NaiveDate) -> Option<&Terms> {
        let a = self.agreement.as_ref()?;
        if day < a.start || self.last_day().is_some_and(|l| day > l) {
            return None;
        }
        a.terms.iter().rev().find(|t| t.from <= day)
    }
}
