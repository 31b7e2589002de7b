//! `kontakt pause V --reason TEXT [--from DATE] [--until DATE]` and `kontakt resume V`: a
//! volunteer's break (`ops::pause`).

use chrono::NaiveDate;
use kontakt::{Result, tr};

use super::shell::volunteer_id;
use super::{Ctx, Output, parse_date};
use crate::render;

/// A volunteer takes a break (a new job, parental leave): never suggested or matched meanwhile.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The volunteer: her id (or the start of it), name or personnummer.
    #[arg(add = clap_complete::ArgValueCompleter::new(volunteer_id))]
    pub volunteer: String,
    /// Why (kept in the file).
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// The first day of the break (default: today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// The day she is back, if known (`kontakt resume` otherwise).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub until: Option<NaiveDate>,
}

/// A volunteer's break ends: she may be suggested and matched again.
#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// The volunteer: her id (or the start of it), name or personnummer.
    #[arg(add = clap_complete::ArgValueCompleter::new(volunteer_id))]
    pub volunteer: String,
    /// The day she is back (default: today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<NaiveDate>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let from = a.from.unwrap_or(ctx.today);
    let done = kontakt::ops::pause::pause(
        store,
        &crate::cli::show::person(ctx, &a.volunteer, &[kontakt::model::Kind::Volunteer])?,
        from,
        a.until,
        &a.reason,
        ctx.today,
    )?;
    let (id, p) = (done.volunteer.id, &done.pause);
    if ctx.json {
        return Ok(Output::ok(render::json(&serde_json::json!({
            "id": id,
            "pause": p,
            "running": done.running.iter().map(|(a, _)| a).collect::<Vec<_>>(),
        }))));
    }
    let who = format!("{id} {}", done.volunteer.name);
    let mut out = Output::ok(match p.until {
        Some(u) => tr!(
            "{who} on a break from {from}, back {u}: not suggested meanwhile\n",
            "{who} har uppehåll från {from}, åter {u}: föreslås inte under tiden\n"
        ),
        None => tr!(
            "{who} on a break from {from} until resumed (kontakt resume): not suggested meanwhile\n",
            "{who} har uppehåll från {from} tills vidare (kontakt resume): föreslås inte under tiden\n"
        ),
    });
    if !done.running.is_empty() {
        let names = crate::cli::show::names(store, done.running.iter().map(|(_, c)| *c));
        let list = done
            .running
            .iter()
            .map(|(a, c)| format!("{a} ({})", crate::cli::show::named(c, &names)))
            .collect::<Vec<_>>()
            .join(", ");
        out.stderr = tr!(
            "warning: her assignments run on during the break: {list}; agree with each client what happens meanwhile\n",
            "varning: hennes uppdrag fortsätter under uppehållet: {list}; kom överens med varje klient om vad som gäller under tiden\n"
        );
    }
    Ok(out)
}

pub fn resume(a: ResumeArgs, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let date = a.date.unwrap_or(ctx.today);
    let who = crate::cli::show::person(ctx, &a.volunteer, &[kontakt::model::Kind::Volunteer])?;
    let done = kontakt::ops::pause::resume(store, &who, date, ctx.today)?;
    let id = done.volunteer.id;
    Ok(Output::ok(if ctx.json {
        render::json(&serde_json::json!({
            "id": id,
            "back": date,
            "cancelled": done.cancelled.as_ref().map(|p| p.from),
        }))
    } else {
        let who = format!("{id} {}", done.volunteer.name);
        match &done.cancelled {
            Some(p) => tr!(
                "{who}: the break from {} is cancelled (back before it began)\n",
                "{who}: uppehållet från {} ställs in (åter innan det började)\n",
                p.from
            ),
            None => tr!("{who} is back from {date}\n", "{who} är åter från {date}\n"),
        }
    }))
}
