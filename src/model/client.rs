//! A client (klient): the person who applies for a kontaktperson, and the decisions on the application.

use crate::model::date::Date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::common::{AgeRange, Availability, Basis, Event, Frequency, GenderWish, Insats};
use super::id::Id;
use super::pnr::Pnr;

/// A client's file: the application, the needs decisions (beslut) and the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    #[serde(deserialize_with = "crate::model::known_schema")]
    pub schema: u32,
    pub id: Id,
    pub name: String,
    pub pnr: Pnr,
    pub applied: Date,
    #[serde(default)]
    pub basis: Basis,
    /// What was applied for: the insats, and how often to meet, if said. A decision that grants
    /// less, or something else, is a partial denial (`rules::written_decision`).
    #[serde(default, skip_serializing_if = "Insats::is_default")]
    pub applied_insats: Insats,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_meetings: Option<Frequency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default)]
    pub wants_gender: GenderWish,
    /// The volunteer's age the client wishes for, if any (a soft matching preference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wants_age: Option<AgeRange>,
    /// When the client prefers to meet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<Availability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The responsible handläggare (caseworker) for the client, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<String>,
    /// A child's guardians (vårdnadshavare), by name: they consent to the insats and sign the
    /// agreement with the volunteer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guardians: Vec<String>,
    /// The pseudonymous code (`ÅÅÅÅMMDD-T123`) that identifies the person in the reports to IVO
    /// of decisions not put into effect: given when a case of theirs is first reported, and kept,
    /// since IVO follows a case by it (`rules::ivo_code`). Never the personnummer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ivo_code: Option<String>,
    /// Decisions in the order they were made; the last one is in force.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Event>,
}

/// A needs decision (beslut om insats) after the investigation (utredning): granted for a period,
/// or denied with a reason. Time-limited and followed up at least every six months. Read from
/// and written as its file's fields ([`DecisionFile`]); a grant without its period, a period
/// or a denial with one, is refused as it is read (a period that ends before it starts is
/// `rules::decision`'s to name, with its line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "DecisionFile", into = "DecisionFile")]
pub struct Decision {
    pub decided: NaiveDate,
    /// Who made the decision (beslutsfattare: the handläggare or the committee's delegate).
    pub decided_by: Option<String>,
    /// Granted for a period, or denied (with its reasons in `reason`).
    pub ruling: Ruling,
    pub basis: Option<Basis>,
    pub meetings: Option<Frequency>,
    /// The insats granted, when not the one applied for.
    pub insats: Option<Insats>,
    /// The day the client received the decision (delgivning): the three weeks to appeal run
    /// from it (the decision's date when not recorded).
    pub notified: Option<NaiveDate>,
    /// An appeal of the decision (överklagande), as it goes (`rules::appeal`).
    pub appeal: Option<Appeal>,
    /// The guardians' (vårdnadshavare) consent, needed when the client is under 15.
    pub guardian_consent: Option<NaiveDate>,
    pub reason: Option<String>,
    /// The dates the decision was followed up (uppföljning); the next is due six months on.
    pub followed_up: Vec<NaiveDate>,
    /// What the follow-ups found, where recorded with an outcome (SOSFS 2014:5: the insats is
    /// followed up against the decision's goals): one per date in `followed_up` at most.
    pub follow_ups: Vec<FollowUp>,
    /// Why the decision has not been put into effect (or was interrupted and not resumed), as
    /// recorded by staff, latest last: what the report to IVO must explain (`rules::ivo_delay`).
    pub delay_reasons: Vec<DelayReason>,
    /// The case closed without the decision's period running out: the person withdrew the
    /// application, the need is gone, they moved away. Nothing is granted after `date`.
    pub closed: Option<Closure>,
}

/// What a decision decided: the service granted from one day to another, or denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ruling {
    Granted { from: NaiveDate, to: NaiveDate },
    Denied,
}

/// A decision as its file writes it: `outcome`, and for a grant `from` and `to`, beside the
/// rest. Read into a [`Decision`], which cannot hold a grant without its period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionFile {
    pub decided: Date,
    /// Who made the decision (beslutsfattare: the handläggare or the committee's delegate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meetings: Option<Frequency>,
    /// The insats granted, when not the one applied for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insats: Option<Insats>,
    /// The day the client received the decision (delgivning): the three weeks to appeal run
    /// from it (the decision's date when not recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notified: Option<Date>,
    /// An appeal of the decision (överklagande), as it goes (`rules::appeal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal: Option<Appeal>,
    /// The guardians' (vårdnadshavare) consent, needed when the client is under 15.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardian_consent: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The dates the decision was followed up (uppföljning); the next is due six months on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followed_up: Vec<Date>,
    /// What the follow-ups found, where recorded with an outcome (SOSFS 2014:5: the insats is
    /// followed up against the decision's goals): one per date in `followed_up` at most.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    /// Why the decision has not been put into effect (or was interrupted and not resumed), as
    /// recorded by staff, latest last: what the report to IVO must explain (`rules::ivo_delay`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delay_reasons: Vec<DelayReason>,
    /// The case closed without the decision's period running out: the person withdrew the
    /// application, the need is gone, they moved away. Nothing is granted after `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closure>,
}

/// A follow-up's outcome: how far the goals were met, what the client and the volunteer say,
/// and what happens next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub date: Date,
    pub goals: Goals,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_view: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volunteer_view: Option<String>,
    pub next: Next,
}

/// How far the goals of the decision were met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Goals {
    Met,
    Partly,
    Not,
}

/// What a follow-up decides: the insats continues, changes (new terms or a new decision), or
/// ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Next {
    Continue,
    Change,
    End,
}

/// An appeal (överklagande): received by the municipality, reconsidered by the decision-maker
/// (omprövning), forwarded to the administrative court (förvaltningsrätten), and its judgment
/// (Förvaltningslagen 2017:900 §§ 39-46).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appeal {
    pub received: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconsidered: Option<Date>,
    /// The reconsideration changed the decision as the appeal asked: nothing to forward.
    #[serde(default)]
    pub changed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgment: Option<Judgment>,
}

/// The court's judgment (dom): its date and what it said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgment {
    pub date: Date,
    pub outcome: String,
}

/// A reason for the delay, recorded on a date (`kontakt screen client C --delay-reason TEXT`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DelayReason {
    pub date: Date,
    pub reason: String,
}

/// A decision closed before its period ran out (`kontakt screen client C --close DATE`): the last
/// day it grants anything, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    pub date: Date,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Granted,
    Denied,
}

/// Why a grant without its `from` or `to` is refused (`check` names it E006, dates that cannot
/// be).
pub const PERIOD_NEEDED: &str = "a granted decision needs its period (`from` and `to`)";

/// Why a denial without its reason is not read.
pub const DENIAL_REASON_NEEDED: &str = "a denied decision needs its reason";

impl TryFrom<DecisionFile> for Decision {
    type Error = String;

    fn try_from(f: DecisionFile) -> Result<Self, String> {
        let ruling = match (f.outcome, f.from, f.to) {
            (Outcome::Granted, Some(from), Some(to)) => Ruling::Granted {
                from: from.get(),
                to: to.get(),
            },
            // Worded as serde words a missing field, which is what it is to `check`'s search
            // for every mistake of a file (a `to` set aside for its own mistake is not named
            // again).
            (Outcome::Granted, from, _) => {
                let field = if from.is_none() { "from" } else { "to" };
                return Err(format!("missing field `{field}`: {PERIOD_NEEDED}"));
            }
            // A denial says why (Förvaltningslagen 32 §: a decision against the applicant gives
            // its reasons): one without its reason cannot be sent, nor stored.
            (Outcome::Denied, None, None)
                if f.reason.as_deref().is_none_or(|r| r.trim().is_empty()) =>
            {
                return Err(format!("missing field `reason`: {DENIAL_REASON_NEEDED}"));
            }
            (Outcome::Denied, None, None) => Ruling::Denied,
            (Outcome::Denied, _, _) => {
                return Err(
                    "a denied decision grants no period: remove `from` and `to`, or make it `granted`"
                        .into(),
                );
            }
        };
        Ok(Decision {
            ruling,
            decided: f.decided.get(),
            decided_by: f.decided_by,
            basis: f.basis,
            meetings: f.meetings,
            insats: f.insats,
            notified: f.notified.map(Into::into),
            appeal: f.appeal,
            guardian_consent: f.guardian_consent.map(Into::into),
            reason: f.reason,
            followed_up: f.followed_up.into_iter().map(Into::into).collect(),
            follow_ups: f.follow_ups,
            delay_reasons: f.delay_reasons,
            closed: f.closed,
        })
    }
}

impl From<Decision> for DecisionFile {
    fn from(d: Decision) -> Self {
        let (outcome, from, to) = match d.ruling {
            Ruling::Granted { from, to } => (Outcome::Granted, Some(from), Some(to)),
            Ruling::Denied => (Outcome::Denied, None, None),
        };
        DecisionFile {
            outcome,
            from: from.map(Into::into),
            to: to.map(Into::into),
            decided: d.decided.into(),
            decided_by: d.decided_by,
            basis: d.basis,
            meetings: d.meetings,
            insats: d.insats,
            notified: d.notified.map(Into::into),
            appeal: d.appeal,
            guardian_consent: d.guardian_consent.map(Into::into),
            reason: d.reason,
            followed_up: d.followed_up.into_iter().map(Into::into).collect(),
            follow_ups: d.follow_ups,
            delay_reasons: d.delay_reasons,
            closed: d.closed,
        }
    }
}

impl Decision {
    /// Granted or denied, as the file says it.
    pub fn outcome(&self) -> Outcome {
        match self.ruling {
            Ruling::Granted { .. } => Outcome::Granted,
            Ruling::Denied => Outcome::Denied,
        }
    }

    /// The first day a grant covers; `None` for a denial.
    pub fn from(&self) -> Option<NaiveDate> {
        match self.ruling {
            Ruling::Granted { from, .. } => Some(from),
            Ruling::Denied => None,
        }
    }

    /// The last day of a grant's period; `None` for a denial.
    pub fn to(&self) -> Option<NaiveDate> {
        match self.ruling {
            Ruling::Granted { to, .. } => Some(to),
            Ruling::Denied => None,
        }
    }

    /// Is the service granted by this decision on `day`?
    pub fn grants(&self, day: NaiveDate) -> bool {
        self.from().is_some_and(|f| f <= day) && self.last_day().is_some_and(|t| day <= t)
    }

    /// The last day the decision grants: the end of its period, or the day it was closed.
    pub fn last_day(&self) -> Option<NaiveDate> {
        match (self.to(), &self.closed) {
            (Some(t), Some(c)) => Some(t.min(c.date.get())),
            (t, c) => t.or(c.as_ref().map(|c| c.date.get())),
        }
    }
}

impl Client {
    pub fn latest_decision(&self) -> Option<&Decision> {
        self.decisions.last()
    }

    /// The insats a decision grants: the one it names, else the one applied for.
    pub fn insats_of(&self, d: &Decision) -> Insats {
        d.insats.unwrap_or(self.applied_insats)
    }

    /// The insats the client is to have on `day`: the grant in force's, else the newest grant's
    /// (one decided but not yet started, or run out), else the one applied for.
    pub fn insats_on(&self, day: NaiveDate) -> Insats {
        self.grant_in_force(day)
            .or_else(|| {
                self.decisions
                    .iter()
                    .rev()
                    .find(|d| d.outcome() == Outcome::Granted)
            })
            .map_or(self.applied_insats, |d| self.insats_of(d))
    }

    /// **The grant in force** on `day`: the latest granting decision that has started by then,
    /// if it still grants that day (its period not run out, not closed before it). A new
    /// decision replaces an earlier one from its start, shortening or extending it, so an
    /// older grant whose period still covers the day is not in force once a newer one has
    /// started. The one answer to "which decision rules on this day" (the meetings it grants,
    /// a plan's insats, whether she is waiting, an early closing).
    pub fn grant_in_force(&self, day: NaiveDate) -> Option<&Decision> {
        self.decisions
            .iter()
            .rev()
            .find(|d| d.outcome() == Outcome::Granted && d.from().is_some_and(|f| f <= day))
            .filter(|d| d.grants(day))
    }

    /// Is the service granted on `day` ([`Client::grant_in_force`])?
    pub fn granted_on(&self, day: NaiveDate) -> bool {
        self.grant_in_force(day).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(text: &str) -> Result<Decision, String> {
        toml::from_str::<Decision>(&format!("decided = 2026-03-01\n{text}"))
            .map_err(|e| e.message().to_string())
    }

    /// A grant holds its period and a denial none: a file that says otherwise is not read.
    #[test]
    fn a_grant_has_its_period_and_a_denial_none_but_its_reason() {
        let d = decision("outcome = \"granted\"\nfrom = 2026-03-01\nto = 2026-08-31").unwrap();
        assert_eq!(
            d.ruling,
            Ruling::Granted {
                from: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
                to: NaiveDate::from_ymd_opt(2026, 8, 31).unwrap(),
            }
        );
        assert_eq!(d.outcome(), Outcome::Granted);
        assert!(d.grants(NaiveDate::from_ymd_opt(2026, 8, 31).unwrap()));
        assert_eq!(
            decision("outcome = \"denied\"\nreason = \"Inget behov\"")
                .unwrap()
                .ruling,
            Ruling::Denied
        );
        for (text, want) in [
            (
                "outcome = \"granted\"\nfrom = 2026-03-01",
                "missing field `to`",
            ),
            (
                "outcome = \"granted\"\nto = 2026-03-01",
                "missing field `from`",
            ),
            ("outcome = \"granted\"", "missing field `from`"),
            (
                "outcome = \"denied\"\nreason = \"x\"\nfrom = 2026-03-01",
                "grants no period",
            ),
            // A denial says why.
            ("outcome = \"denied\"", "missing field `reason`"),
            ("outcome = \"denied\"\nreason = \" \"", "needs its reason"),
        ] {
            let e = decision(text).expect_err(text);
            assert!(e.contains(want), "{text}: {e}");
        }
        // Written back as it was read.
        let text = "decided = \"2026-03-01\"\noutcome = \"granted\"\nfrom = \"2026-03-01\"\nto = \"2026-08-31\"\n";
        let d: Decision = toml::from_str(text).unwrap();
        assert_eq!(toml::to_string(&d).unwrap(), text);
    }

    /// A newer grant replaces an older one from its start: once it has started, the older
    /// grant is not in force on a day its own period covers, even after the newer one has run
    /// out (the law: the latest decision rules). Before the newer one starts, the older rules.
    #[test]
    fn the_grant_in_force_is_the_latest_started_one() {
        let text = "schema = 1\nid = \"C-7Q2K9M\"\nname = \"X\"\npnr = \"201201022389\"\napplied = \"2026-01-01\"\n\
            [[decisions]]\ndecided = \"2026-01-10\"\noutcome = \"granted\"\nfrom = \"2026-01-10\"\nto = \"2026-12-31\"\n\
            [[decisions]]\ndecided = \"2026-02-20\"\noutcome = \"granted\"\nfrom = \"2026-03-01\"\nto = \"2026-04-30\"\n";
        let c: Client = toml::from_str(text).unwrap();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let decided = |d: Option<&Decision>| d.map(|d| d.decided);
        assert_eq!(
            decided(c.grant_in_force(day("2026-02-15"))),
            Some(day("2026-01-10"))
        );
        assert_eq!(
            decided(c.grant_in_force(day("2026-03-15"))),
            Some(day("2026-02-20"))
        );
        // The older grant's period covers June, but the newer one replaced it in March.
        assert_eq!(c.grant_in_force(day("2026-06-01")), None);
        assert!(!c.granted_on(day("2026-06-01")));
        assert!(c.granted_on(day("2026-04-30")));
    }
}
