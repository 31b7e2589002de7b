//! `kontakt support V --kind phone [--date DATE] [--note TEXT]`: support given to a volunteer
//! (`ops::support`).

use chrono::NaiveDate;
use kontakt::model::common::parse_word;
use kontakt::model::volunteer::SupportKind;
use kontakt::{Result, tr};

use super::shell::volunteer_id;
use super::{Ctx, Output, parse_date};
use crate::render;

/// Record support given to a volunteer (handledning, a group meeting, a call, a visit): `due`
/// lists volunteers in an assignment without one for too long.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The volunteer: her id (or the start of it), name or personnummer.
    #[arg(add = clap_complete::ArgValueCompleter::new(volunteer_id))]
    pub volunteer: String,
    /// handledning, group, phone, visit or other.
    #[arg(long, value_parser = parse_word::<SupportKind>)]
    pub kind: SupportKind,
    /// The day of the contact (default: today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// What was talked about (kept in the file).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Who gave it (default: KONTAKT_USER or git's user.name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let by = ctx.who(a.by, "").ok();
    let date = a.date.unwrap_or(ctx.today);
    let (id, s) = kontakt::ops::support::support(
        store,
        &crate::cli::show::person(ctx, &a.volunteer, &[kontakt::model::Kind::Volunteer])?,
        date,
        a.kind,
        a.note,
        by,
        ctx.today,
    )?;
    Ok(Output::ok(if ctx.json {
        render::json(&serde_json::json!({ "id": id, "support": s }))
    } else {
        let who = crate::cli::show::labelled(store, &id);
        tr!(
            "{who}: {} on {date} recorded\n",
            "{who}: {} den {date} registrerad\n",
            render::value(&s.kind)
        )
    }))
}
