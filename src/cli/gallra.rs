//! `kontakt gallra`: which personal files are due for culling, which are kept and why, and
//! (with --confirm) culling them.

use kontakt::Result;
use kontakt::ops::gallra::{self, Due, Stays};
use kontakt::rules::retention::Kept;
use kontakt::tr;

use super::{Ctx, Output};
use crate::render;

/// Cull (gallra) personal files by the retention rules in kontakt.toml ([retention]): clients'
/// five years after their last entry, volunteers' when configured; files kept for research, LSS
/// files and files in use stay. Lists every file and why; deletes only with --confirm.
/// Agreements, reports and pay runs are kept for pay.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// List what is due and what is kept, deleting nothing (the default without --confirm).
    #[arg(long, conflicts_with = "confirm")]
    pub dry_run: bool,
    /// Delete the files due, in one transaction, recording the ids in culled.toml.
    #[arg(long)]
    pub confirm: bool,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let (plan, done) = if a.confirm {
        (gallra::cull(store, ctx.today)?, true)
    } else {
        (gallra::plan(store, ctx.today)?, false)
    };
    if ctx.json {
        let mut v = serde_json::to_value(&plan).unwrap_or_default();
        v["culled"] = serde_json::json!(done);
        return Ok(Output::ok(render::json(&v)));
    }
    let mut s = String::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let due_row = |d: &Due, rows: &mut Vec<Vec<String>>| {
        rows.push(vec![
            format!("{} {}", d.id, d.name),
            render::word(if done { "culled" } else { "cull" }),
            tr!(
                "last entry {}: from {}, by {}",
                "senaste anteckning {}: från {}, senast {}",
                d.last_entry,
                d.from,
                d.deadline
            ),
            d.files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ]);
    };
    for d in plan.clients.iter().chain(&plan.volunteers) {
        due_row(d, &mut rows);
    }
    for k in &plan.kept {
        rows.push(kept_row(k));
    }
    if !rows.is_empty() {
        s.push_str(&render::table(
            &["file of", "verdict", "why", "files"],
            rows,
        ));
    }
    let n = plan.clients.len() + plan.volunteers.len();
    s.push_str(&if n == 0 {
        tr!("no file is due for culling\n", "ingen akt ska gallras\n")
    } else if done {
        tr!(
            "{} culled; their ids are in culled.toml\n",
            "{} gallrade; deras id finns i culled.toml\n",
            files(n)
        )
    } else {
        tr!(
            "{} due; `kontakt gallra --confirm` culls what is due\n",
            "{} att gallra; `kontakt gallra --confirm` gallrar det som ska gallras\n",
            files(n)
        )
    });
    Ok(Output::ok(s))
}

fn kept_row(k: &Stays) -> Vec<String> {
    let why = match k.kept {
        Kept::InUse => tr!(
            "in use: an assignment or a grant runs, or the volunteer serves",
            "används: ett uppdrag eller ett beslut pågår, eller kontaktpersonen är verksam"
        ),
        Kept::NotYet { last_entry, from } => tr!(
            "last entry {last_entry}: may be culled from {from}",
            "senaste anteckning {last_entry}: får gallras från {from}"
        ),
        Kept::Research { day } => tr!(
            "born on day {day} of a month: kept for research (SoF 7 kap. 2 §)",
            "född den {day}:e: bevaras för forskning (SoF 7 kap. 2 §)"
        ),
        Kept::KeepAll => tr!(
            "this municipality keeps every file ([retention] keep_all)",
            "kommunen bevarar alla akter ([retention] keep_all)"
        ),
        Kept::Lss => tr!(
            "an LSS file: archived, not culled ([retention] lss)",
            "en LSS-akt: arkiveras, gallras inte ([retention] lss)"
        ),
        Kept::Child { age, until } => tr!(
            "a child's file: kept until the age of {age}, {until} ([retention] child_until_age)",
            "ett barns akt: bevaras till {age} års ålder, {until} ([retention] child_until_age)"
        ),
        Kept::NoVolunteerRule => tr!(
            "a volunteer's file: kept, kontakt.toml gives no years for them ([retention] volunteer_years)",
            "en kontaktpersons akt: bevaras, kontakt.toml anger inga år för dem ([retention] volunteer_years)"
        ),
    };
    vec![
        format!("{} {}", k.id, k.name),
        render::word(if k.archive { "archive" } else { "keep" }),
        why,
        k.file.display().to_string(),
    ]
}

/// `3 files` / `3 akter`.
fn files(n: usize) -> String {
    kontakt::lang::count(n as u64, ["file", "files"], ["akt", "akter"])
}
