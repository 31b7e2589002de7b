//! `kontakt end ASSIGNMENT --date DATE --reason R`: an assignment ends; it is never deleted.

use chrono::NaiveDate;
use kontakt::model::assignment::EndReason;
use kontakt::model::common::{parse_word, word};
use kontakt::{Result, tr};

use super::shell::assignment_id;
use super::{Ctx, Output, parse_date};
use crate::render;

/// End an assignment: the client waits again if the decision runs on; the volunteer's place frees.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(add = clap_complete::ArgValueCompleter::new(assignment_id))]
    pub assignment: String,
    /// The last day of the assignment.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: NaiveDate,
    /// client_request, volunteer_request, goal_reached, moved, decision_expired or other.
    #[arg(long, value_parser = parse_word::<EndReason>)]
    pub reason: EndReason,
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
    let done = kontakt::ops::report::end(
        store,
        &a.assignment,
        a.date,
        a.reason,
        a.note,
        by,
        ctx.today,
    )?;
    let ended = &done.assignment;
    Ok(Output::ok(if ctx.json {
        render::json(&serde_json::json!({
            "id": ended.id,
            "status": ended.status(ctx.today),
            "ended": ended.ended,
            "corrected": done.corrected,
        }))
    } else {
        let mut s = format!("{} ends {} ({})\n", ended.id, a.date, word(&a.reason));
        for n in &done.corrected {
            s.push_str(&format!("  {n}\n"));
        }
        s
    }))
}
