//! `kontakt end ID --date DATE --reason R`: an assignment, a client's decision or a volunteer's
//! engagement ends (`ops::end`); nothing is deleted.

use chrono::NaiveDate;
use kontakt::model::assignment::EndReason;
use kontakt::model::common::{parse_word, word};
use kontakt::ops::end::Request;
use kontakt::{Result, tr};

use super::shell::any_id;
use super::show::{named, names};
use super::{Ctx, Output, parse_date};
use crate::render;

/// End an assignment (A-…), a client's decision early (C-…) or a volunteer's engagement (V-…).
/// Ending an assignment while the decision runs on is an interruption (avbrott): the client
/// waits again, with priority. A reached goal or a move ends the decision too.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assignment, client or volunteer (an id or the start of one).
    #[arg(add = clap_complete::ArgValueCompleter::new(any_id))]
    pub id: String,
    /// The last day.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: NaiveDate,
    /// client_request, volunteer_request, goal_reached, moved, decision_expired or other.
    #[arg(long, value_parser = parse_word::<EndReason>)]
    pub reason: EndReason,
    /// What happened, in staff's words (kept with the reason).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Who ends it: names the corrections an ending dated back makes to approved reports (else
    /// KONTAKT_USER or git's user.name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    // A name is needed only if the ending corrects approved reports; ops says so then.
    let by = ctx.who(a.by, &tr!("An ending", "Ett avslut")).ok();
    let req = Request {
        date: a.date,
        reason: a.reason,
        note: a.note,
        by,
    };
    let who = crate::cli::show::person(ctx, &a.id, &kontakt::model::Kind::ALL)?;
    let done = kontakt::ops::end::end(store, &who, req, ctx.today)?;
    if ctx.json {
        let ended: Vec<_> = done
            .assignments
            .iter()
            .map(|e| {
                serde_json::json!({
                    "id": e.assignment.id,
                    "status": e.assignment.status(ctx.today),
                    "ended": e.assignment.ended,
                    "corrected": e.corrected,
                    "waits_again_from": e.waits_again_from,
                })
            })
            .collect();
        return Ok(Output::ok(render::json(&serde_json::json!({
            "id": done.id,
            "date": done.date,
            "reason": done.reason,
            "assignments": ended,
            "decision_closed": done.decision_closed,
            "leaving": done.leaving,
            "cancelled": done.cancelled,
            "breaks_dropped": done.breaks_dropped,
        }))));
    }
    let people = names(
        store,
        done.assignments
            .iter()
            .flat_map(|e| [e.assignment.client, e.assignment.volunteer])
            .chain(done.leaving)
            .chain(done.decision_closed),
    );
    let named = |id: &kontakt::model::Id| named(id, &people);
    let reason = ctx.lang.word(&word(&done.reason));
    let mut s = String::new();
    if let Some(v) = &done.leaving {
        s.push_str(&tr!(
            "{} leaves on {} ({reason}); never suggested again\n",
            "{} slutar {} ({reason}); föreslås inte längre\n",
            named(v),
            done.date
        ));
    }
    for from in &done.breaks_dropped {
        s.push_str(&tr!(
            "  the break from {from} would begin after her last day: dropped\n",
            "  uppehållet från {from} skulle börja efter hennes sista dag: borttaget\n"
        ));
    }
    for e in &done.assignments {
        let x = &e.assignment;
        s.push_str(&tr!(
            "{} ends {} ({reason}): {} with {}\n",
            "{} avslutas {} ({reason}): {} med {}\n",
            x.id,
            done.date,
            named(&x.client),
            named(&x.volunteer)
        ));
        for n in &e.corrected {
            s.push_str(&format!("  {n}\n"));
        }
        if let Some(from) = e.waits_again_from {
            s.push_str(&tr!(
                "  the decision for {} runs on: an interruption (avbrott); the client waits again from {from}, with priority\n",
                "  beslutet för {} löper vidare: ett avbrott; klienten väntar igen från {from}, med förtur\n",
                named(&x.client)
            ));
        }
    }
    for id in &done.cancelled {
        s.push_str(&tr!(
            "{id} had not begun and never will: declined\n",
            "{id} hade inte börjat och kommer inte att börja: avböjt\n"
        ));
    }
    if let Some(c) = &done.decision_closed {
        s.push_str(&tr!(
            "{}: the decision ends {} ({reason}); no longer waiting\n",
            "{}: beslutet avslutas {} ({reason}); väntar inte längre\n",
            named(c),
            done.date
        ));
    }
    Ok(Output::ok(s))
}
