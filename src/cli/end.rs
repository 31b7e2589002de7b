//! `kontakt end ASSIGNMENT --date DATE --reason R`: an assignment ends; it is never deleted.

use chrono::NaiveDate;
use kontakt::Result;
use kontakt::model::assignment::EndReason;
use kontakt::model::common::{parse_word, word};

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
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let done =
        kontakt::ops::report::end(store, &a.assignment, a.date, a.reason, a.note, ctx.today)?;
    Ok(Output::ok(if ctx.json {
        render::json(
            &serde_json::json!({ "id": done.id, "status": done.status(ctx.today), "ended": done.ended }),
        )
    } else {
        format!("{} ends {} ({})\n", done.id, a.date, word(&a.reason))
    }))
}
