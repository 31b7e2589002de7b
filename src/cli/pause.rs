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
    /// The volunteer's id (or the start of it).
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
    /// The volunteer's id (or the start of it).
    #[arg(add = clap_complete::ArgValueCompleter::new(volunteer_id))]
    pub volunteer: String,
    /// The day she is back (default: today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<NaiveDate>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let from = a.from.unwrap_or(ctx.today);
    let (id, p) = kontakt::ops::pause::pause(
        store,
        &crate::cli::show::person(ctx, &a.volunteer, &[kontakt::model::Kind::Volunteer])?,
        from,
        a.until,
        &a.reason,
        ctx.today,
    )?;
    Ok(Output::ok(if ctx.json {
        render::json(&serde_json::json!({ "id": id, "pause": p }))
    } else {
        match p.until {
            Some(u) => tr!(
                "{id} on a break from {from}, back {u}: not suggested meanwhile\n",
                "{id} har uppehåll från {from}, åter {u}: föreslås inte under tiden\n"
            ),
            None => tr!(
                "{id} on a break from {from} until resumed (kontakt resume): not suggested meanwhile\n",
                "{id} har uppehåll från {from} tills vidare (kontakt resume): föreslås inte under tiden\n"
            ),
        }
    }))
}

pub fn resume(a: ResumeArgs, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let date = a.date.unwrap_or(ctx.today);
    let who = crate::cli::show::person(ctx, &a.volunteer, &[kontakt::model::Kind::Volunteer])?;
    let id = kontakt::ops::pause::resume(store, &who, date, ctx.today)?;
    Ok(Output::ok(if ctx.json {
        render::json(&serde_json::json!({ "id": id, "back": date }))
    } else {
        tr!("{id} is back from {date}\n", "{id} är åter från {date}\n")
    }))
}
