//! `kontakt plan A`: the genomförandeplan of an assignment is made or changed, and gathered for
//! printing (`documents::plan`).

use chrono::NaiveDate;

use crate::documents::plan::PlanDoc;
use crate::model::assignment::{Activity, Plan};
use crate::model::{Assignment, Client, Event, Id, Kind, Volunteer};
use crate::store::{Changeset, Store};
use crate::{Error, Result, tr};

/// Parses an activity as `WHAT | WHO | WHEN`.
pub fn parse_activity(s: &str) -> std::result::Result<Activity, String> {
    let parts: Vec<&str> = s.split('|').map(str::trim).collect();
    match parts.as_slice() {
        [what, who, when] if !what.is_empty() && !who.is_empty() && !when.is_empty() => {
            Ok(Activity {
                what: what.to_string(),
                who: who.to_string(),
                when: when.to_string(),
            })
        }
        _ => Err(tr!(
            "expected WHAT | WHO | WHEN, each said",
            "VAD | VEM | NÄR väntades, alla angivna"
        )),
    }
}

/// Makes (or replaces) the plan of the assignment `prefix` names, dated `today`.
pub fn plan(
    store: &Store,
    prefix: &str,
    goals: Vec<String>,
    activities: Vec<Activity>,
    by: Option<String>,
    today: NaiveDate,
) -> Result<(Id, Plan)> {
    let goals = crate::rules::plan::goals(goals);
    if let Some(why) = crate::rules::plan::goal_problem(&goals) {
        return Err(Error::arg("--goal", why));
    }
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Assignment])?;
    let mut a: Assignment = store.load(&id)?;
    if let Some(why) = crate::rules::plan::assignment_problem(&a) {
        return Err(Error::refused(vec![why]));
    }
    let what = if a.plan.is_some() {
        "plan changed"
    } else {
        "plan made"
    };
    let p = Plan {
        made: today.into(),
        goals,
        activities,
        by: by.map(|b| b.trim().to_string()).filter(|b| !b.is_empty()),
    };
    a.plan = Some(p.clone());
    a.history
        .push(Event::new(today, what).with_by(p.by.clone()));
    let mut changes = Changeset::new();
    store.stage(&mut changes, &a)?;
    store.commit(&lock, &changes)?;
    Ok((id, p))
}

/// The plan of `prefix`'s assignment as a document.
pub fn document(store: &Store, prefix: &str) -> Result<PlanDoc> {
    let id = store.resolve(prefix, &[Kind::Assignment])?;
    let a: Assignment = store.load(&id)?;
    let Some(p) = a.plan.clone() else {
        return Err(Error::refused_then(
            vec![tr!("{id} has no plan yet", "{id} har ingen plan än")],
            crate::error::Next::Plan(id),
        ));
    };
    let c: Client = store.load(&a.client)?;
    let v: Volunteer = store.load(&a.volunteer)?;
    let decision = c.grant_in_force(p.made.get()).or(c.latest_decision());
    Ok(PlanDoc {
        municipality: store.config.municipality.clone(),
        assignment: id,
        client: c.name.clone(),
        volunteer: v.name.clone(),
        guardians: c.guardians.clone(),
        // A kontaktfamilj's plan: the insats granted, or an agreement paid per dygn of stay.
        family: decision.map_or(c.applied_insats, |d| c.insats_of(d))
            == crate::model::common::Insats::Kontaktfamilj
            || a.agreement.as_ref().is_some_and(|ag| {
                ag.terms
                    .iter()
                    .any(|t| t.paid_per == crate::model::assignment::PaidPer::Dygn)
            }),
        decided: decision.map(|d| d.decided),
        period: decision.and_then(|d| Some((d.from()?, d.to()?))),
        follow_up: decision
            .and_then(|d| crate::rules::decision::follow_up_due(d, &store.config.clients)),
        // The client's responsible handläggare signs; whoever recorded the plan only when
        // none is on file.
        handler: c.handler.clone().or_else(|| p.by.clone()),
        plan: p,
    })
}
