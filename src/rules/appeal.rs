//! An appeal of a decision (överklagande, Förvaltningslagen 2017:900 §§ 39-46): the client
//! appeals in writing to the municipality within **three weeks** of receiving the decision; the
//! decision-maker reconsiders it (omprövning, § 38), and unless the decision is changed as
//! asked, forwards the appeal to the administrative court **without delay** (§ 45). `due` lists
//! an appeal not forwarded within `appeal_forward_days` of its receipt.

use chrono::{Days, NaiveDate};

use crate::model::Decision;

/// The time to appeal, from the day the decision was received.
pub const APPEAL_DAYS: u64 = 21;

/// The last day an appeal of `d` is in time: three weeks from the day the client received it
/// (its date when the receipt is not recorded).
pub fn last_day_to_appeal(d: &Decision) -> Option<NaiveDate> {
    d.notified
        .unwrap_or(d.decided)
        .checked_add_days(Days::new(APPEAL_DAYS))
}

/// Was `d`'s appeal received after the three weeks? (The decision-maker then rejects it as
/// late, avvisar, § 45, unless it reached another authority in time.)
pub fn late(d: &Decision) -> bool {
    match (&d.appeal, last_day_to_appeal(d)) {
        (Some(a), Some(last)) => a.received > last,
        _ => false,
    }
}

/// The day by which `d`'s appeal should have gone to the court, if it is still to go.
pub fn forward_by(d: &Decision, forward_days: u32) -> Option<NaiveDate> {
    let a = d.appeal.as_ref()?;
    if a.forwarded.is_some() || a.changed {
        return None;
    }
    a.received
        .checked_add_days(Days::new(u64::from(forward_days)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(extra: &str) -> Decision {
        toml::from_str(&format!(
            "decided = \"2026-03-02\"\noutcome = \"denied\"\nreason = \"x\"\n{extra}"
        ))
        .unwrap()
    }

    #[test]
    fn three_weeks_from_receipt_and_forwarded_within_the_days_given() {
        let d = decision("notified = \"2026-03-05\"\n[appeal]\nreceived = \"2026-03-26\"\n");
        assert_eq!(last_day_to_appeal(&d), Some("2026-03-26".parse().unwrap()));
        assert!(!late(&d));
        assert_eq!(forward_by(&d, 7), Some("2026-04-02".parse().unwrap()));
        let late_one = decision("[appeal]\nreceived = \"2026-03-24\"\n");
        assert!(late(&late_one), "three weeks from the decision's own date");
        let changed = decision("[appeal]\nreceived = \"2026-03-10\"\nchanged = true\n");
        assert_eq!(forward_by(&changed, 7), None);
        let sent = decision("[appeal]\nreceived = \"2026-03-10\"\nforwarded = \"2026-03-12\"\n");
        assert_eq!(forward_by(&sent, 7), None);
    }
}
