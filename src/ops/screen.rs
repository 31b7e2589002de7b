//! `kontakt screen`: the volunteer's screening steps, and the client's needs decision.

use crate::model::Date;
use crate::tr;
use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::client::{Appeal, Judgment, Ruling};
use crate::model::common::Insats;
use crate::model::{
    Basis, Client, Decision, Event, Frequency, Id, Kind, Outcome, Reference, Verdict, Volunteer,
};
use crate::rules::appeal::{self, Step as AppealStep};
use crate::rules::{closure, decision, screening};
use crate::store::{Changeset, Store};

/// The screening steps recorded by one `screen volunteer` command.
#[derive(Debug, Clone, Default)]
pub struct VolunteerSteps {
    pub interview: Option<NaiveDate>,
    pub references: Vec<(String, Verdict)>,
    pub police_extract: Option<NaiveDate>,
    pub social_register: Option<NaiveDate>,
    pub kronofogden: Option<NaiveDate>,
    pub forsakringskassan: Option<NaiveDate>,
    /// A kontaktfamilj's other adult: added if new, and the register checks above are theirs.
    pub adult: Option<String>,
    /// A kontaktfamilj's adult who has moved out.
    pub adult_left: Option<String>,
    /// A kontaktfamilj's home visit (hembesök).
    pub home_visit: Option<NaiveDate>,
    pub approve: bool,
    /// With `approve`: why a referee's concern is answered (`--despite-concern`).
    pub despite_concern: Option<String>,
    pub reject: Option<String>,
    /// The anställningsnummer HR issued for payroll.
    pub employee_number: Option<String>,
    /// Who records the steps (kept in the history).
    pub by: Option<String>,
}

/// What one `screen volunteer` recorded. The steps are kept even when the approval asked for
/// is refused (`approval_refused` says what is still missing), so nothing typed is lost.
#[derive(Debug)]
pub struct Screened {
    pub volunteer: Volunteer,
    pub approval_refused: Vec<String>,
    pub warnings: Vec<String>,
}

/// Parses `NAME:ok` or `NAME:concern`.
pub fn parse_reference(s: &str) -> std::result::Result<(String, Verdict), String> {
    let (name, verdict) = s.rsplit_once(':').ok_or_else(|| {
        tr!(
            "expected NAME:ok or NAME:concern",
            "NAMN:bra eller NAMN:oro väntades (eller NAMN:ok, NAMN:concern)"
        )
    })?;
    // `ok` or `concern`, in any case, or their Swedish words (`bra`, `oro`).
    let verdict: Verdict = crate::model::common::parse_word(verdict.trim()).map_err(|_| {
        tr!(
            "expected NAME:ok or NAME:concern",
            "NAMN:bra eller NAMN:oro väntades (eller NAMN:ok, NAMN:concern)"
        )
    })?;
    let name = name.trim();
    if name.is_empty() {
        return Err(tr!(
            "the reference's name is empty",
            "referensens namn är tomt"
        ));
    }
    if let Some(why) = crate::rules::bounds::name_problem(name) {
        return Err(why);
    }
    Ok((name.to_string(), verdict))
}

fn not_after_today(option: &str, d: Option<NaiveDate>, today: NaiveDate) -> Result<()> {
    match d {
        Some(d) if d > today => Err(Error::arg(
            option,
            tr!(
                "{d} is after today ({today})",
                "{d} är efter i dag ({today})"
            ),
        )),
        _ => Ok(()),
    }
}

pub fn screen_volunteer(
    store: &Store,
    prefix: &str,
    steps: VolunteerSteps,
    today: NaiveDate,
) -> Result<Screened> {
    for (opt, d) in [
        ("--interview", steps.interview),
        ("--police-extract", steps.police_extract),
        ("--social-register", steps.social_register),
        ("--kronofogden", steps.kronofogden),
        ("--forsakringskassan", steps.forsakringskassan),
        ("--home-visit", steps.home_visit),
    ] {
        not_after_today(opt, d, today)?;
    }
    if steps.approve && steps.reject.is_some() {
        return Err(Error::arg(
            "--approve",
            tr!("cannot be given with --reject", "kan inte ges med --reject"),
        ));
    }
    if steps.despite_concern.is_some() && !steps.approve {
        return Err(Error::arg(
            "--despite-concern",
            tr!("goes with --approve", "hör till --approve"),
        ));
    }
    for (i, (name, _)) in steps.references.iter().enumerate() {
        let key = screening::referee_key(name);
        if steps.references[..i]
            .iter()
            .any(|(n, _)| screening::referee_key(n) == key)
        {
            return Err(Error::arg(
                "--reference",
                tr!(
                    "{name} is named twice: one call, one verdict",
                    "{name} anges två gånger: ett samtal, ett omdöme"
                ),
            ));
        }
    }
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Volunteer])?;
    let mut v: Volunteer = store.load(&id)?;
    let rules = &store.config.volunteers;
    let refused = screening::step_problems(&v, steps.approve, steps.reject.is_some());
    if !refused.is_empty() {
        let messages = refused.iter().map(|p| p.message(id)).collect();
        // She stops serving by leaving, which ends her assignments with it.
        return Err(
            if refused.contains(&screening::StepProblem::ApprovalStands) {
                Error::refused_then(messages, crate::error::Next::EndVolunteer(id))
            } else {
                Error::refused(messages)
            },
        );
    }
    let had_extract = v.screening.police_extract.is_some() || steps.adult.is_some();
    let by = steps.by.clone();
    let event = |what: &str| Event::new(today, what).with_by(by.clone());
    let mut events = Vec::new();
    household_steps(&mut v, &steps, &mut events, &event)?;
    let s = &mut v.screening;
    if let Some(d) = steps.interview {
        s.interview = Some(d.into());
        events.push(event("interview recorded"));
    }
    let mut repeated = Vec::new();
    for (name, verdict) in steps.references.iter().cloned() {
        if let Some(before) = s
            .references
            .iter()
            .find(|r| screening::referee_key(&r.name) == screening::referee_key(&name))
        {
            repeated.push(screening::referee_again(before));
        }
        s.references.push(Reference {
            name,
            verdict,
            date: today.into(),
        });
        events.push(event("reference recorded"));
    }
    if steps.adult.is_none() {
        let checks = [
            &mut s.police_extract,
            &mut s.social_register,
            &mut s.kronofogden,
            &mut s.forsakringskassan,
        ];
        record_checks(checks, &steps, "", &mut events, &event);
    }
    if let Some(n) = steps.employee_number {
        let n = n.trim().to_string();
        if let Some(p) = screening::employee_number_problem(&n) {
            return Err(Error::arg("--employee-number", p));
        }
        v.employee_number = Some(n);
        events.push(event("employee number recorded"));
    }
    let mut approval_refused = Vec::new();
    if steps.approve {
        // Only a concern on file asks for a reason; one given without is not kept.
        v.screening.approved_despite =
            screening::despite_kept(&v, steps.despite_concern.as_deref());
        approval_refused = screening::missing_for_approval(&v, rules, today);
        if approval_refused.is_empty() {
            v.screening.approved = Some(today.into());
            events.push(
                Event::new(today, "approved")
                    .with_by(by.clone())
                    .with_note(v.screening.approved_despite.clone()),
            );
        } else {
            v.screening.approved_despite = None;
        }
    }
    if let Some(reason) = steps.reject {
        if !screening::reason_given(Some(&reason)) {
            return Err(Error::arg("--reject", screening::rejection_reason_needed()));
        }
        v.screening.rejected = Some(today.into());
        v.screening.rejection_reason = Some(reason);
        events.push(event("rejected"));
    }
    if events.is_empty() && !approval_refused.is_empty() {
        // Only an approval was asked for, and it was refused: nothing to write.
        return Err(Error::refused(approval_refused));
    }
    if events.is_empty() {
        return Err(Error::arg(
            "screen volunteer",
            tr!(
                "nothing to record: give --interview, --reference, --police-extract, --social-register, --home-visit, --adult, --employee-number, --approve or --reject",
                "inget att registrera: ange --interview, --reference, --police-extract, --social-register, --home-visit, --adult, --employee-number, --approve eller --reject"
            ),
        ));
    }
    // What this step recorded is told of, not what an earlier one did (the application's
    // warnings were told when it was made).
    let mut warnings: Vec<String> = steps
        .interview
        .and_then(|_| screening::interview_before_application(&v))
        .into_iter()
        .collect();
    warnings.extend(repeated);
    if let (Some(d), false) = (steps.police_extract, had_extract) {
        let started: Vec<(Id, NaiveDate)> = store
            .assignments_of(&id)?
            .iter()
            .filter_map(|a| Some((a.id, a.agreement.as_ref()?.start.get())))
            .collect();
        warnings.extend(screening::extract_after_start(d, &started));
    }
    v.history.extend(events);
    let mut changes = Changeset::new();
    store.stage(&mut changes, &v)?;
    store.commit(&lock, &changes)?;
    Ok(Screened {
        volunteer: v,
        approval_refused,
        warnings,
    })
}

/// The register checks typed (police extract, social register, Kronofogden, Försäkringskassan,
/// in that order) put on one person's `checks`, the applicant's or an adult's, each named in the
/// history with `whose` after it.
fn record_checks(
    checks: [&mut Option<Date>; 4],
    steps: &VolunteerSteps,
    whose: &str,
    events: &mut Vec<Event>,
    event: &dyn Fn(&str) -> Event,
) {
    let typed = [
        (steps.police_extract, "police-register extract recorded"),
        (steps.social_register, "social register checked"),
        (steps.kronofogden, "Kronofogden's register checked"),
        (
            steps.forsakringskassan,
            "Försäkringskassan's register checked",
        ),
    ];
    for (field, (d, what)) in checks.into_iter().zip(typed) {
        if let Some(d) = d {
            *field = Some(d.into());
            events.push(event(&format!("{what}{whose}")));
        }
    }
}

/// A kontaktfamilj's household steps: an adult added, moved out, or checked in the registers,
/// and the home visit. Refused for a volunteer who does not offer to be a kontaktfamilj, since
/// only a family is screened as a household (`rules::household`).
fn household_steps(
    v: &mut Volunteer,
    steps: &VolunteerSteps,
    events: &mut Vec<Event>,
    event: &dyn Fn(&str) -> Event,
) -> Result<()> {
    // Kronofogden's and Försäkringskassan's registers are asked of a family only.
    let asked = [
        ("--adult", steps.adult.is_some()),
        ("--adult-left", steps.adult_left.is_some()),
        ("--home-visit", steps.home_visit.is_some()),
        ("--kronofogden", steps.kronofogden.is_some()),
        ("--forsakringskassan", steps.forsakringskassan.is_some()),
    ];
    let Some((opt, _)) = asked.iter().find(|(_, given)| *given) else {
        return Ok(());
    };
    if !crate::rules::household::is_family(v) {
        return Err(Error::arg(
            *opt,
            tr!(
                "{} does not offer to be a kontaktfamilj, so has no household to screen",
                "{} erbjuder sig inte som kontaktfamilj och har inget hushåll att utreda",
                v.id
            ),
        ));
    }
    // A name as it is compared: trimmed, one space between words, in lower case.
    let key = |n: &str| {
        n.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    if steps
        .adult
        .as_deref()
        .is_some_and(|a| key(a) == key(&v.name))
    {
        return Err(Error::arg(
            "--adult",
            tr!(
                "{} is the applicant; --adult names another adult of the home",
                "{} är den sökande; --adult anger en annan vuxen i hemmet",
                v.name
            ),
        ));
    }
    let h = v.household.get_or_insert_with(Default::default);
    if let Some(d) = steps.home_visit {
        h.home_visit = Some(d.into());
        events.push(event("home visit recorded"));
    }
    if let Some(name) = &steps.adult_left {
        let Some(i) = h.adults.iter().position(|a| key(&a.name) == key(name)) else {
            return Err(Error::arg(
                "--adult-left",
                tr!(
                    "no adult named {name} in the household",
                    "ingen vuxen som heter {name} i hushållet"
                ),
            ));
        };
        let gone = h.adults.remove(i);
        events.push(event(&format!("adult left the household: {}", gone.name)));
    }
    if let Some(name) = &steps.adult {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = name.as_str();
        if let Some(why) = crate::rules::bounds::name_problem(name) {
            return Err(Error::arg("--adult", why));
        }
        let i = match h.adults.iter().position(|a| key(&a.name) == key(name)) {
            Some(i) => i,
            None => {
                h.adults.push(crate::model::volunteer::Adult {
                    name: name.to_string(),
                    ..Default::default()
                });
                events.push(event(&format!("adult in the household: {name}")));
                h.adults.len() - 1
            }
        };
        let a = &mut h.adults[i];
        let checks = [
            &mut a.police_extract,
            &mut a.social_register,
            &mut a.kronofogden,
            &mut a.forsakringskassan,
        ];
        record_checks(checks, steps, &format!(" ({name})"), events, event);
    }
    Ok(())
}

/// The needs decision recorded by one `screen client` command.
#[derive(Debug, Clone)]
pub enum ClientDecision {
    Grant {
        from: NaiveDate,
        to: NaiveDate,
        basis: Option<Basis>,
        meetings: Option<Frequency>,
        guardian_consent: Option<NaiveDate>,
        /// The day it was decided (default: today).
        decided: Option<NaiveDate>,
        /// The insats granted, when not the one applied for.
        insats: Option<Insats>,
        /// The reasons (motivering): needed when less is granted than applied for.
        reason: Option<String>,
    },
    Deny {
        reason: String,
        decided: Option<NaiveDate>,
    },
    /// The decision in force was followed up on `date` (uppföljning).
    FollowUp {
        date: NaiveDate,
        note: Option<String>,
        /// What it found, when recorded with an outcome (its date is `date`).
        outcome: Option<crate::model::client::FollowUp>,
    },
    /// Why the decision in force is not put into effect, for the report to IVO.
    DelayReason { reason: String },
    /// The decision in force closed on `date` (its last day) before its period ran out.
    Close { date: NaiveDate, reason: String },
    /// The latest decision reached the client on `date` (delgivning): the three weeks to
    /// appeal run from it.
    Notified { date: NaiveDate },
    /// A step of an appeal of the latest decision.
    Appeal(AppealStep),
}

/// Records `input` for the client `prefix` names; `by`: who decided (or followed up, closed),
/// kept with the decision and in the history.
pub fn screen_client(
    store: &Store,
    prefix: &str,
    input: ClientDecision,
    by: Option<String>,
    today: NaiveDate,
) -> Result<(Id, Decision)> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Client])?;
    let mut c: Client = store.load(&id)?;
    match input {
        ClientDecision::FollowUp {
            date,
            note,
            outcome,
        } => {
            return follow_up(
                store,
                &lock,
                c,
                Held {
                    date,
                    note,
                    outcome,
                },
                by,
                today,
            );
        }
        ClientDecision::DelayReason { reason } => {
            return delay_reason(store, &lock, c, reason, by, today);
        }
        ClientDecision::Close { date, reason } => {
            return close(store, &lock, c, date, reason, by, today);
        }
        ClientDecision::Notified { date } => {
            return notified(store, &lock, c, date, by, today);
        }
        ClientDecision::Appeal(step) => {
            return appeal(store, &lock, c, step, by, today);
        }
        _ => {}
    }
    let d = match input {
        ClientDecision::Grant {
            from,
            to,
            basis,
            meetings,
            guardian_consent,
            decided,
            insats,
            reason,
        } => Decision {
            decided: decided.unwrap_or(today),
            decided_by: by.clone(),
            ruling: Ruling::Granted { from, to },
            basis: Some(basis.unwrap_or(c.basis)),
            meetings,
            insats: insats.filter(|i| *i != c.applied_insats),
            notified: None,
            appeal: None,
            guardian_consent,
            reason: reason
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty()),
            followed_up: Vec::new(),
            follow_ups: Vec::new(),
            delay_reasons: Vec::new(),
            closed: None,
        },
        ClientDecision::Deny { reason, decided } => Decision {
            decided: decided.unwrap_or(today),
            decided_by: by.clone(),
            ruling: Ruling::Denied,
            basis: None,
            meetings: None,
            insats: None,
            notified: None,
            appeal: None,
            guardian_consent: None,
            reason: Some(reason),
            followed_up: Vec::new(),
            follow_ups: Vec::new(),
            delay_reasons: Vec::new(),
            closed: None,
        },
        ClientDecision::FollowUp { .. }
        | ClientDecision::DelayReason { .. }
        | ClientDecision::Close { .. }
        | ClientDecision::Notified { .. }
        | ClientDecision::Appeal(_) => unreachable!("handled above"),
    };
    let mut problems = decision::decision_problems(&c, &d, &store.config.clients);
    problems.extend(crate::rules::written_decision::missing_reasons(&c, &d));
    problems.extend(
        decision::order_problems(c.decisions.last(), d.decided, today)
            .into_iter()
            .map(|p| format!("--decided: {p}")),
    );
    if !problems.is_empty() {
        return Err(Error::refused(problems));
    }
    let event = match d.outcome() {
        Outcome::Granted => format!(
            "granted {} to {}",
            d.from().unwrap_or(today),
            d.to().unwrap_or(today)
        ),
        Outcome::Denied => "denied".to_string(),
    };
    c.decisions.push(d.clone());
    c.history.push(Event::new(today, event).with_by(by));
    let mut changes = Changeset::new();
    store.stage(&mut changes, &c)?;
    store.commit(&lock, &changes)?;
    Ok((id, d))
}

/// A follow-up held: its date, the note, and what it found.
struct Held {
    date: NaiveDate,
    note: Option<String>,
    outcome: Option<crate::model::client::FollowUp>,
}

/// Records a follow-up of the decision in force; the next one falls due six months later.
fn follow_up(
    store: &Store,
    lock: &crate::store::Lock,
    mut c: Client,
    held: Held,
    by: Option<String>,
    today: NaiveDate,
) -> Result<(Id, Decision)> {
    let Held {
        date,
        note,
        outcome,
    } = held;
    let id = c.id;
    let Some(d) = c
        .decisions
        .last_mut()
        .filter(|d| d.outcome() == Outcome::Granted)
    else {
        return Err(Error::refused(vec![tr!(
            "{id} has no granted decision to follow up",
            "{id} har inget beviljat beslut att följa upp"
        )]));
    };
    let problems = decision::follow_up_problems(d, date, today);
    if !problems.is_empty() {
        return Err(Error::refused(problems));
    }
    d.followed_up.push(date);
    d.followed_up.sort();
    if let Some(mut o) = outcome {
        o.date = date.into();
        let clean = |s: Option<String>| s.map(|x| x.trim().to_string()).filter(|x| !x.is_empty());
        o.client_view = clean(o.client_view);
        o.volunteer_view = clean(o.volunteer_view);
        let at = d.follow_ups.partition_point(|f| f.date <= date);
        d.follow_ups.insert(at, o);
    }
    let d = d.clone();
    c.history.push(
        Event::new(today, format!("followed up {date}"))
            .with_note(note)
            .with_by(by),
    );
    let mut changes = Changeset::new();
    store.stage(&mut changes, &c)?;
    store.commit(lock, &changes)?;
    Ok((id, d))
}

/// The granted decision that a reason or a closure is recorded on: the latest grant.
fn latest_grant(c: &mut Client) -> Result<&mut Decision> {
    let id = c.id;
    c.decisions
        .iter_mut()
        .rev()
        .find(|d| d.outcome() == Outcome::Granted)
        .ok_or_else(|| {
            Error::refused(vec![tr!(
                "{id} has no granted decision",
                "{id} har inget beviljat beslut"
            )])
        })
}

/// Records why the latest grant is not (yet, or again) put into effect, dated today.
fn delay_reason(
    store: &Store,
    lock: &crate::store::Lock,
    mut c: Client,
    reason: String,
    by: Option<String>,
    today: NaiveDate,
) -> Result<(Id, Decision)> {
    let id = c.id;
    let reason = reason.trim().to_string();
    if reason.is_empty() {
        return Err(Error::arg(
            "--delay-reason",
            tr!("the reason is empty", "skälet är tomt"),
        ));
    }
    let d = latest_grant(&mut c)?;
    if d.decided > today {
        return Err(Error::refused(vec![tr!(
            "the decision is dated after today",
            "beslutet är daterat efter i dag"
        )]));
    }
    d.delay_reasons.push(crate::model::client::DelayReason {
        date: today.into(),
        reason,
    });
    let d = d.clone();
    c.history
        .push(Event::new(today, "delay reason recorded").with_by(by));
    let mut changes = Changeset::new();
    store.stage(&mut changes, &c)?;
    store.commit(lock, &changes)?;
    Ok((id, d))
}

/// Closes the latest grant on `date` (its last day): refused while an assignment of the client
/// is open (end or decline it first), since the closure says nothing more is delivered.
fn close(
    store: &Store,
    lock: &crate::store::Lock,
    mut c: Client,
    date: NaiveDate,
    reason: String,
    by: Option<String>,
    today: NaiveDate,
) -> Result<(Id, Decision)> {
    let id = c.id;
    let assignments: Vec<crate::model::Assignment> = store.load_all()?;
    let open: Vec<Id> = assignments
        .iter()
        .filter(|a| a.client == id && closure::runs_after(a, date, today))
        .map(|a| a.id)
        .collect();
    let d = stage_close(&mut c, "--close", date, reason, &open, today)?;
    if let Some(e) = c.history.last_mut() {
        e.by = by.map(|b| b.trim().to_string()).filter(|b| !b.is_empty());
    }
    let mut changes = Changeset::new();
    store.stage(&mut changes, &c)?;
    store.commit(lock, &changes)?;
    Ok((id, d))
}

/// Closes `c`'s latest grant on `date` with `reason`, in memory, unless
/// [`closure::problems`] refuses it.
pub(super) fn stage_close(
    c: &mut Client,
    flag: &str,
    date: NaiveDate,
    reason: String,
    open: &[Id],
    today: NaiveDate,
) -> Result<Decision> {
    let reason = reason.trim().to_string();
    let d = latest_grant(c)?;
    let problems = closure::problems(d, flag, date, &reason, open, today);
    if !problems.is_empty() {
        let e = Error::refused(problems);
        return Err(match open.is_empty() {
            true => e,
            false => e.then(crate::error::Next::EndOrDecline(open.to_vec())),
        });
    }
    d.closed = Some(crate::model::client::Closure {
        date: date.into(),
        reason: reason.clone(),
    });
    let d = d.clone();
    c.history
        .push(Event::new(today, format!("closed {date}")).with_note(Some(reason)));
    Ok(d)
}

/// Records the day the latest decision reached the client.
fn notified(
    store: &Store,
    lock: &crate::store::Lock,
    mut c: Client,
    date: NaiveDate,
    by: Option<String>,
    today: NaiveDate,
) -> Result<(Id, Decision)> {
    let id = c.id;
    let d = latest(&mut c)?;
    if date < d.decided || date > today {
        return Err(Error::refused(vec![tr!(
            "--notified {date} is before the decision ({}) or after today",
            "--notified {date} är före beslutet ({}) eller efter i dag",
            d.decided
        )]));
    }
    d.notified = Some(date);
    let d = d.clone();
    c.history
        .push(Event::new(today, format!("notified {date}")).with_by(by));
    let mut changes = Changeset::new();
    store.stage(&mut changes, &c)?;
    store.commit(lock, &changes)?;
    Ok((id, d))
}

fn latest(c: &mut Client) -> Result<&mut Decision> {
    let id = c.id;
    c.decisions
        .last_mut()
        .ok_or_else(|| Error::refused(vec![tr!("{id} has no decision", "{id} har inget beslut")]))
}

/// Records a step of an appeal of the latest decision, unless [`appeal::step_problems`]
/// refuses it.
fn appeal(
    store: &Store,
    lock: &crate::store::Lock,
    mut c: Client,
    step: AppealStep,
    by: Option<String>,
    today: NaiveDate,
) -> Result<(Id, Decision)> {
    let id = c.id;
    let problems = match c.latest_decision() {
        Some(d) => appeal::step_problems(&c, d, &step, today),
        None => Vec::new(),
    };
    if !problems.is_empty() {
        return Err(Error::refused(problems));
    }
    let d = latest(&mut c)?;
    let event = match (d.appeal.as_mut(), step) {
        (_, AppealStep::Received(date)) => {
            d.appeal = Some(Appeal {
                received: date.into(),
                reconsidered: None,
                changed: false,
                forwarded: None,
                judgment: None,
            });
            format!("appeal received {date}")
        }
        (Some(a), AppealStep::Reconsidered { date, changed }) => {
            a.reconsidered = Some(date.into());
            a.changed = changed;
            format!(
                "appeal reconsidered {date}{}",
                if changed {
                    ": changed as asked"
                } else {
                    ": unchanged"
                }
            )
        }
        (Some(a), AppealStep::Forwarded(date)) => {
            a.forwarded = Some(date.into());
            format!("appeal forwarded to the court {date}")
        }
        (Some(a), AppealStep::Judgment { date, outcome }) => {
            a.judgment = Some(Judgment {
                date: date.into(),
                outcome: outcome.trim().to_string(),
            });
            format!("judgment {date}")
        }
        (None, _) => unreachable!("step_problems refuses a step of an appeal not received"),
    };
    let d = d.clone();
    c.history.push(Event::new(today, event).with_by(by));
    let mut changes = Changeset::new();
    store.stage(&mut changes, &c)?;
    store.commit(lock, &changes)?;
    Ok((id, d))
}

/// Gathers the written decision of `prefix`'s latest decision (`documents::decision`).
pub fn decision_document(
    store: &Store,
    prefix: &str,
    _today: NaiveDate,
) -> Result<crate::documents::decision::DecisionDoc> {
    use crate::rules::{appeal, legal_basis, written_decision};
    let id = store.resolve(prefix, &[Kind::Client])?;
    let c: Client = store.load(&id)?;
    let Some(d) = c.decisions.last() else {
        return Err(Error::refused(vec![tr!(
            "{id} has no decision",
            "{id} har inget beslut"
        )]));
    };
    let basis = legal_basis::basis(&c, d);
    Ok(crate::documents::decision::DecisionDoc {
        municipality: store.config.municipality.clone(),
        client: id,
        name: c.name.clone(),
        pnr: c.pnr.masked(),
        applied: c.applied.get(),
        applied_insats: c.applied_insats,
        applied_meetings: c.applied_meetings,
        decided: d.decided,
        decided_by: d.decided_by.clone(),
        outcome: d.outcome(),
        scope: written_decision::scope(&c, d),
        insats: c.insats_of(d),
        meetings: d.meetings,
        from: d.from(),
        to: d.to(),
        paragraph: legal_basis::paragraph(basis, c.insats_of(d), d.decided)
            .1
            .to_string(),
        reason: d.reason.clone(),
        follow_up: decision::follow_up_due(d, &store.config.clients),
        appeal_by: d.notified.and_then(|_| appeal::last_day_to_appeal(d)),
    })
}
