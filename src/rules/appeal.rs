//! An appeal of a decision (överklagande, Förvaltningslagen 2017:900 §§ 39-46): the client
//! appeals in writing to the municipality within **three weeks** of receiving the decision; the
//! decision-maker reconsiders it (omprövning, § 38), and unless the decision is changed as
//! asked, forwards the appeal to the administrative court **without delay** (§ 45). `due` lists
//! an appeal not forwarded within `appeal_forward_days` of its receipt.

use chrono::{Days, NaiveDate};

use crate::model::{Client, Decision};
use crate::tr;

use super::written_decision::{Scope, scope};
use super::{Flaw, Key, Problem};

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

/// A step of an appeal as staff record it, in the order the law gives them: received,
/// reconsidered, forwarded to the court (unless changed as asked), the court's judgment.
#[derive(Debug, Clone)]
pub enum Step {
    Received(NaiveDate),
    /// Reconsidered; `changed`: the decision was changed as the appeal asked.
    Reconsidered {
        date: NaiveDate,
        changed: bool,
    },
    Forwarded(NaiveDate),
    Judgment {
        date: NaiveDate,
        outcome: String,
    },
}

impl Step {
    /// The day the step was taken.
    pub fn date(&self) -> NaiveDate {
        match self {
            Step::Received(d) | Step::Forwarded(d) => *d,
            Step::Reconsidered { date, .. } | Step::Judgment { date, .. } => *date,
        }
    }
}

/// Does `d` grant all that `c` applied for? Such a decision goes against no one: there is
/// nothing to appeal (Förvaltningslagen § 42: a decision may be appealed if it goes against
/// the person).
fn in_full(c: &Client, d: &Decision) -> bool {
    scope(c, d) == Scope::Full
}

fn nothing_to_appeal() -> String {
    tr!(
        "the decision grants in full what was applied for: there is nothing to appeal",
        "beslutet beviljar allt som söktes: det finns inget att överklaga"
    )
}

fn received_before_decision(received: NaiveDate, decided: NaiveDate) -> String {
    tr!(
        "the appeal ({received}) is dated before the decision ({decided})",
        "överklagandet ({received}) är daterat före beslutet ({decided})"
    )
}

fn reconsidered_after_forwarded(forwarded: NaiveDate) -> String {
    tr!(
        "the appeal was forwarded to the court on {forwarded}: a reconsideration comes before that",
        "överklagandet överlämnades till förvaltningsrätten den {forwarded}: en omprövning görs före det"
    )
}

fn reconsidered_before_received(date: NaiveDate, received: NaiveDate) -> String {
    tr!(
        "reconsidered {date}, before the appeal was received ({received})",
        "omprövat {date}, före överklagandet kom in ({received})"
    )
}

fn changed_nothing_to_forward() -> String {
    tr!(
        "the decision was changed as the appeal asked: there is nothing to forward",
        "beslutet ändrades som överklagandet begärde: det finns inget att överlämna"
    )
}

fn forwarded_before_received(date: NaiveDate, received: NaiveDate) -> String {
    tr!(
        "forwarded {date}, before the appeal was received ({received})",
        "överlämnat {date}, före överklagandet kom in ({received})"
    )
}

fn judgment_before_forwarded(date: NaiveDate, forwarded: NaiveDate) -> String {
    tr!(
        "the judgment ({date}) is dated before the appeal was forwarded to the court ({forwarded})",
        "domen ({date}) är daterad före att överklagandet överlämnades till förvaltningsrätten ({forwarded})"
    )
}

fn judgment_without_outcome() -> String {
    tr!("the judgment says no outcome", "domen anger inget utfall")
}

/// Why `step` cannot be recorded, on `today`, on `d`, the latest decision of `c`; empty when it
/// may. Nothing is appealed of a decision granting in full; the appeal is received once, not
/// before the decision; a reconsideration is not before the receipt nor after the appeal went
/// to the court; an appeal changed as asked is not forwarded, and none is forwarded before it
/// came in; the judgment follows the forwarding and says its outcome; no step is after today.
/// `screen client` refuses a step by this; [`record_problems`] judges the stored appeal by the
/// same order.
pub fn step_problems(c: &Client, d: &Decision, step: &Step, today: NaiveDate) -> Vec<String> {
    let id = c.id;
    let mut out = Vec::new();
    match (&d.appeal, step) {
        (None, Step::Received(_)) if in_full(c, d) => out.push(tr!(
            "{id}'s latest decision grants in full what was applied for: there is nothing to appeal",
            "det senaste beslutet för {id} beviljar allt som söktes: det finns inget att överklaga"
        )),
        (None, Step::Received(date)) => {
            if *date < d.decided {
                out.push(received_before_decision(*date, d.decided));
            }
        }
        (Some(_), Step::Received(_)) => out.push(tr!(
            "{id}'s latest decision is already appealed",
            "det senaste beslutet för {id} är redan överklagat"
        )),
        (None, _) => out.push(tr!(
            "{id}'s latest decision has no appeal: record it first (--appeal-received DATE)",
            "det senaste beslutet för {id} är inte överklagat: registrera det först (--appeal-received DATUM)"
        )),
        (Some(a), Step::Reconsidered { date, .. }) => {
            if let Some(f) = a.forwarded {
                out.push(reconsidered_after_forwarded(f.get()));
            } else if *date < a.received {
                out.push(reconsidered_before_received(*date, a.received.get()));
            }
        }
        (Some(a), Step::Forwarded(date)) => {
            if a.changed {
                out.push(changed_nothing_to_forward());
            } else if *date < a.received {
                out.push(forwarded_before_received(*date, a.received.get()));
            }
        }
        (Some(a), Step::Judgment { date, outcome }) => match a.forwarded {
            None => out.push(tr!(
                "the appeal was never forwarded to the court (--appeal-forwarded DATE)",
                "överklagandet överlämnades aldrig till rätten (--appeal-forwarded DATUM)"
            )),
            Some(f) => {
                if *date < f {
                    out.push(judgment_before_forwarded(*date, f.get()));
                }
                if outcome.trim().is_empty() {
                    out.push(judgment_without_outcome());
                }
            }
        },
    }
    let date = step.date();
    if out.is_empty() && date > today {
        out.push(tr!("{date} is after today", "{date} är efter i dag"));
    }
    out
}

/// What is wrong in the appeals stored on `c`'s decisions, by the order [`step_problems`]
/// keeps as each step is typed: an appeal of a decision granting in full, a step dated before
/// the one it follows or after `today`, a forwarding of a decision changed as asked, a change
/// without a reconsideration, a judgment without the forwarding or its outcome. `check` names
/// each at its field (E006 for dates, E004 for a value missing or one that cannot be).
pub fn record_problems(c: &Client, today: NaiveDate) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, d) in c.decisions.iter().enumerate() {
        let Some(a) = &d.appeal else {
            continue;
        };
        let at = |k: &[&str]| {
            let mut p = vec![Key::name("decisions"), Key::Index(i), Key::name("appeal")];
            p.extend(k.iter().map(|k| Key::name(k)));
            p
        };
        let mut push = |flaw, k: &[&str], m: String| out.push(Problem::new(flaw, &at(k), m));
        if in_full(c, d) {
            push(Flaw::BadValue, &[], nothing_to_appeal());
        }
        let received = a.received.get();
        if received < d.decided {
            push(
                Flaw::ImpossibleDates,
                &["received"],
                received_before_decision(received, d.decided),
            );
        }
        if let Some(r) = a.reconsidered.map(|r| r.get()) {
            if r < received {
                push(
                    Flaw::ImpossibleDates,
                    &["reconsidered"],
                    reconsidered_before_received(r, received),
                );
            }
            if let Some(f) = a.forwarded.map(|f| f.get()).filter(|f| *f < r) {
                push(
                    Flaw::ImpossibleDates,
                    &["reconsidered"],
                    reconsidered_after_forwarded(f),
                );
            }
        } else if a.changed {
            push(
                Flaw::BadValue,
                &["changed"],
                tr!(
                    "changed as the appeal asked, but no reconsideration is recorded",
                    "ändrat som överklagandet begärde, men ingen omprövning är registrerad"
                ),
            );
        }
        if let Some(f) = a.forwarded.map(|f| f.get()) {
            if a.changed {
                push(Flaw::BadValue, &["forwarded"], changed_nothing_to_forward());
            }
            if f < received {
                push(
                    Flaw::ImpossibleDates,
                    &["forwarded"],
                    forwarded_before_received(f, received),
                );
            }
        }
        if let Some(j) = &a.judgment {
            match a.forwarded.map(|f| f.get()) {
                None => push(
                    Flaw::BadValue,
                    &["judgment"],
                    tr!(
                        "a judgment, but the appeal was never forwarded to the court",
                        "en dom, men överklagandet överlämnades aldrig till förvaltningsrätten"
                    ),
                ),
                Some(f) if j.date.get() < f => push(
                    Flaw::ImpossibleDates,
                    &["judgment", "date"],
                    judgment_before_forwarded(j.date.get(), f),
                ),
                Some(_) => {}
            }
            if j.outcome.trim().is_empty() {
                push(
                    Flaw::BadValue,
                    &["judgment", "outcome"],
                    judgment_without_outcome(),
                );
            }
        }
        let dated = [
            (Some(received), &["received"][..]),
            (a.reconsidered.map(|r| r.get()), &["reconsidered"][..]),
            (a.forwarded.map(|f| f.get()), &["forwarded"][..]),
            (
                a.judgment.as_ref().map(|j| j.date.get()),
                &["judgment", "date"][..],
            ),
        ];
        for (day, k) in dated {
            if let Some(day) = day.filter(|d| *d > today) {
                push(
                    Flaw::ImpossibleDates,
                    k,
                    tr!("{day} is after today", "{day} är efter i dag"),
                );
            }
        }
    }
    out
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

#[cfg(test)]
mod order {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::date::parse(s).unwrap()
    }

    /// A client who applied for 2/week, with one decision (and its appeal, if any) below.
    fn client(decision: &str) -> Client {
        toml::from_str(&format!(
            "schema = 1\nid = \"C-7Q2K9M\"\nname = \"X\"\npnr = \"201201022389\"\napplied = \"2026-01-01\"\n\
             applied_meetings = \"2/week\"\n[[decisions]]\ndecided = \"2026-03-02\"\n{decision}"
        ))
        .unwrap()
    }

    const DENIED: &str = "outcome = \"denied\"\nreason = \"x\"\n";
    const IN_FULL: &str = "outcome = \"granted\"\nfrom = \"2026-03-02\"\nto = \"2026-12-31\"\nmeetings = \"2/week\"\n";

    fn step(c: &Client, s: Step, today: &str) -> Vec<String> {
        step_problems(c, &c.decisions[0], &s, d(today))
    }

    fn fields(c: &Client, today: &str) -> Vec<(Flaw, String)> {
        record_problems(c, d(today))
            .into_iter()
            .map(|p| (p.flaw, p.field()))
            .collect()
    }

    #[test]
    fn each_step_in_the_laws_order_and_none_after_today() {
        let full = client(IN_FULL);
        assert!(
            step(&full, Step::Received(d("2026-03-05")), "2026-03-05")[0]
                .contains("nothing to appeal")
        );
        let none = client(DENIED);
        assert!(step(&none, Step::Received(d("2026-03-05")), "2026-03-05").is_empty());
        assert!(
            step(&none, Step::Received(d("2026-03-01")), "2026-03-05")[0]
                .contains("before the decision")
        );
        assert!(
            step(&none, Step::Received(d("2026-03-06")), "2026-03-05")[0].contains("after today")
        );
        assert!(
            step(&none, Step::Forwarded(d("2026-03-06")), "2026-03-09")[0]
                .contains("has no appeal")
        );

        let received = client(&format!(
            "{DENIED}[decisions.appeal]\nreceived = \"2026-03-05\"\n"
        ));
        assert!(
            step(&received, Step::Received(d("2026-03-06")), "2026-03-09")[0]
                .contains("already appealed")
        );
        let r = |date: &str| Step::Reconsidered {
            date: d(date),
            changed: false,
        };
        assert!(step(&received, r("2026-03-04"), "2026-03-09")[0].contains("before the appeal"));
        assert!(step(&received, r("2026-03-06"), "2026-03-09").is_empty());
        assert!(
            step(&received, Step::Forwarded(d("2026-03-04")), "2026-03-09")[0]
                .contains("before the appeal was received")
        );
        let judged = |date: &str, outcome: &str| Step::Judgment {
            date: d(date),
            outcome: outcome.into(),
        };
        assert!(
            step(&received, judged("2026-03-09", "x"), "2026-03-09")[0].contains("never forwarded")
        );

        let forwarded = client(&format!(
            "{DENIED}[decisions.appeal]\nreceived = \"2026-03-05\"\nforwarded = \"2026-03-07\"\n"
        ));
        assert!(
            step(&forwarded, r("2026-03-08"), "2026-03-09")[0]
                .contains("a reconsideration comes before that")
        );
        assert_eq!(
            step(&forwarded, judged("2026-03-06", " "), "2026-03-09").len(),
            2,
            "dated before the forwarding, and no outcome"
        );
        assert!(step(&forwarded, judged("2026-03-08", "avslås"), "2026-03-09").is_empty());

        let changed = client(&format!(
            "{DENIED}[decisions.appeal]\nreceived = \"2026-03-05\"\nreconsidered = \"2026-03-06\"\nchanged = true\n"
        ));
        assert!(
            step(&changed, Step::Forwarded(d("2026-03-07")), "2026-03-09")[0]
                .contains("nothing to forward")
        );
    }

    #[test]
    fn a_stored_appeal_is_judged_by_the_same_order() {
        let sound = client(&format!(
            "{DENIED}[decisions.appeal]\nreceived = \"2026-03-05\"\nreconsidered = \"2026-03-06\"\n\
             forwarded = \"2026-03-07\"\n[decisions.appeal.judgment]\ndate = \"2026-04-01\"\noutcome = \"avslås\"\n"
        ));
        assert_eq!(fields(&sound, "2026-04-01"), vec![]);
        // The same appeal seen the day before its judgment: a step after today.
        assert_eq!(
            fields(&sound, "2026-03-31"),
            vec![(
                Flaw::ImpossibleDates,
                "decisions[0].appeal.judgment.date".into()
            )]
        );
        let muddled = client(&format!(
            "{DENIED}[decisions.appeal]\nreceived = \"2026-03-01\"\nreconsidered = \"2026-03-08\"\n\
             forwarded = \"2026-03-07\"\nchanged = true\n[decisions.appeal.judgment]\ndate = \"2026-03-06\"\noutcome = \"\"\n"
        ));
        assert_eq!(
            fields(&muddled, "2026-04-01"),
            vec![
                (Flaw::ImpossibleDates, "decisions[0].appeal.received".into()),
                (
                    Flaw::ImpossibleDates,
                    "decisions[0].appeal.reconsidered".into()
                ),
                (Flaw::BadValue, "decisions[0].appeal.forwarded".into()),
                (
                    Flaw::ImpossibleDates,
                    "decisions[0].appeal.judgment.date".into()
                ),
                (
                    Flaw::BadValue,
                    "decisions[0].appeal.judgment.outcome".into()
                ),
            ]
        );
        let unforwarded = client(&format!(
            "{IN_FULL}[decisions.appeal]\nchanged = true\nreceived = \"2026-03-05\"\n\
             [decisions.appeal.judgment]\ndate = \"2026-03-06\"\noutcome = \"x\"\n"
        ));
        assert_eq!(
            fields(&unforwarded, "2026-04-01"),
            vec![
                (Flaw::BadValue, "decisions[0].appeal".into()),
                (Flaw::BadValue, "decisions[0].appeal.changed".into()),
                (Flaw::BadValue, "decisions[0].appeal.judgment".into()),
            ]
        );
    }
}
