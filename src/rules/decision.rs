//! When a needs decision may be granted: a real period, and the guardians' consent for a child.

use crate::tr;
use chrono::NaiveDate;

use crate::model::client::Ruling;
use crate::model::config::ClientRules;
use crate::model::{Client, Decision, Outcome};

/// Problems that stop `d` from being recorded for `c`; empty when it may be.
pub fn decision_problems(c: &Client, d: &Decision, rules: &ClientRules) -> Vec<String> {
    let mut problems = Vec::new();
    match d.outcome() {
        Outcome::Granted => {
            let (Some(from), Some(to)) = (d.from(), d.to()) else {
                problems.push(tr!(
                    "a grant needs --from and --to",
                    "ett bifall behöver --from och --to"
                ));
                return problems;
            };
            if to < from {
                problems.push(tr!(
                    "--to {to} is before --from {from}",
                    "--to {to} är före --from {from}"
                ));
            }
            // Consent is judged at the earlier of the decision and the start: the stricter.
            let age = c.pnr.age_on(from.min(d.decided));
            if age < rules.consent_age && d.guardian_consent.is_none() {
                problems.push(tr!(
                    "the client is {age}, under {}: the guardians' consent is needed (--guardian-consent DATE)",
                    "klienten är {age} år, under {}: vårdnadshavarnas samtycke behövs (--guardian-consent DATUM)",
                    rules.consent_age
                ));
            }
            if d.guardian_consent.is_some_and(|g| g > d.decided) {
                problems.push(tr!(
                    "the guardians' consent is dated after the decision ({}): it is given before",
                    "vårdnadshavarnas samtycke är daterat efter beslutet ({}): det ges före",
                    d.decided
                ));
            }
        }
        Outcome::Denied => {
            if d.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                // The same words as a file's denial without its reason (the model's).
                problems.push(
                    crate::lang::current()
                        .model_message(crate::model::client::DENIAL_REASON_NEEDED),
                );
            }
        }
    }
    if before_application(c, d) {
        problems.push(tr!(
            "the decision date {} is before the application {}",
            "beslutsdatumet {} är före ansökan {}",
            d.decided,
            c.applied
        ));
    }
    problems
}

/// Is `d` dated before the client's application? A needs decision answers an application, so
/// it cannot come first (`screen` refuses it, `check` E006 names it in a file).
pub fn before_application(c: &Client, d: &Decision) -> bool {
    d.decided < c.applied
}

/// Agreed terms may not give more meetings than the decision in force on `day` grants: what the
/// decision did not grant (a partial denial's "1/vecka of 2/vecka applied for") needs a new
/// decision, not an agreement. `None` when within, or when the decision names no meetings.
pub fn meetings_beyond_grant(
    c: &Client,
    day: NaiveDate,
    agreed: crate::model::Frequency,
) -> Option<String> {
    let d = c.grant_in_force(day)?;
    let granted = d.meetings?;
    (super::written_decision::per_year(agreed) > super::written_decision::per_year(granted)).then(
        || {
            tr!(
                "the decision of {} grants {}; terms of {} give more: that needs a new decision",
                "beslutet från {} beviljar {}; villkor med {} ger mer: det kräver ett nytt beslut",
                d.decided,
                granted.localized(crate::lang::current()),
                agreed.localized(crate::lang::current())
            )
        },
    )
}

/// The period's end must come after its start; used by `check` on stored decisions too.
pub fn period_is_sound(d: &Decision) -> bool {
    match d.ruling {
        Ruling::Granted { from, to } => from <= to,
        Ruling::Denied => true,
    }
}

/// The next follow-up date of a granted decision: six months (configurable) after its start or
/// after the latest follow-up; none once the decision is closed (`due` also leaves out one
/// that falls after the decision's end: the need is assessed anew as it runs out).
pub fn follow_up_due(d: &Decision, rules: &ClientRules) -> Option<NaiveDate> {
    if d.closed.is_some() {
        return None;
    }
    let from = d.from()?;
    let last = d
        .followed_up
        .iter()
        .copied()
        .max()
        .map_or(from, |f| f.max(from));
    last.checked_add_months(chrono::Months::new(rules.follow_up_months))
}

/// Why a follow-up held on `date` cannot be recorded for `d`, if it cannot: it has not
/// happened yet, it is outside the days the decision granted (before its start, after its last
/// day or its closure), or one that day is on file.
pub fn follow_up_problems(d: &Decision, date: NaiveDate, today: NaiveDate) -> Vec<String> {
    let mut problems = Vec::new();
    if date > today {
        problems.push(tr!(
            "--follow-up {date} has not happened yet",
            "--follow-up {date} har inte hänt än"
        ));
    }
    if d.from().is_some_and(|f| date < f) || d.last_day().is_some_and(|t| date > t) {
        problems.push(tr!(
            "--follow-up {date} is outside the decision's period",
            "--follow-up {date} ligger utanför beslutets period"
        ));
    }
    if d.followed_up.contains(&date) {
        problems.push(tr!(
            "a follow-up on {date} is already recorded",
            "en uppföljning {date} är redan registrerad"
        ));
    }
    problems
}

/// Decisions are recorded in the order they were made, and none ahead of today: the last one
/// is the one in force (`Client::latest_decision`), so a decision filed out of order (by hand,
/// or two offices' records merged) would change which decision rules. Why a decision made on
/// `decided`, following `previous`, cannot stand, if it cannot. `screen` refuses it as it is
/// typed and `check` names one in a file (E006), by this rule; both problems when both hold.
pub fn order_problems(
    previous: Option<&Decision>,
    decided: NaiveDate,
    today: NaiveDate,
) -> Vec<String> {
    let mut out = Vec::new();
    if decided > today {
        out.push(tr!(
            "the decision of {decided} is dated after today",
            "beslutet den {decided} är daterat efter i dag"
        ));
    }
    if let Some(p) = previous.filter(|p| p.decided > decided) {
        out.push(tr!(
            "the decision of {decided} is before the decision of {} on file: decisions are recorded in the order they were made (the last one is in force)",
            "beslutet den {decided} är före beslutet den {} i akten: beslut registreras i den ordning de fattades (det sista gäller)",
            p.decided
        ));
    }
    out
}
