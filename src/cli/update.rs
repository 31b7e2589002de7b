//! `kontakt update ID --phone … --area … --interests …`: a person's details change, each
//! change in the record's history; no hand-editing of TOML.

use kontakt::Result;
use kontakt::model::GenderWish;
use kontakt::model::common::parse_word;
use kontakt::ops::split_list;
use kontakt::ops::update::{self, Changes};

use super::apply::Availabilities;
use super::shell::any_id;
use super::{Ctx, Output};
use crate::render;

/// Change a client's or volunteer's details (each change is kept in the record's history).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The client's or volunteer's id, or a unique prefix of it.
    #[arg(add = clap_complete::ArgValueCompleter::new(any_id))]
    pub id: String,
    /// A new phone number (volunteers); an empty value removes it.
    #[arg(long, value_name = "PHONE")]
    pub phone: Option<String>,
    /// A new e-mail address (volunteers); an empty value removes it.
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,
    /// Where the person lives now (district), for matching.
    #[arg(long)]
    pub area: Option<String>,
    /// The interests, comma-separated, replacing those on file.
    #[arg(long, value_name = "A,B")]
    pub interests: Option<String>,
    /// The languages, comma-separated codes, replacing those on file.
    #[arg(long, value_name = "A,B")]
    pub languages: Option<String>,
    /// When the person can meet: weekday-day, weekday-evening, weekend (comma-separated).
    #[arg(long, value_name = "A,B", value_parser = super::apply::parse_availability)]
    pub availability: Option<Availabilities>,
    /// How many clients the volunteer can take at once.
    #[arg(long, allow_negative_numbers = true)]
    pub capacity: Option<u32>,
    /// The client's wish about the volunteer's gender: any, female or male.
    #[arg(long, value_parser = parse_word::<GenderWish>)]
    pub wants_gender: Option<GenderWish>,
    /// A note for the client's file, replacing the one on file.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// A child's guardians (vårdnadshavare), comma-separated names, replacing those on file.
    #[arg(long, value_name = "A,B")]
    pub guardians: Option<String>,
    /// The client's responsible handläggare (caseworker), by name.
    #[arg(long, value_name = "NAME")]
    pub handler: Option<String>,
    /// Who makes the change (kept in the history).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let changes = Changes {
        phone: a.phone,
        email: a.email,
        area: a.area,
        interests: a.interests.as_deref().map(split_list),
        languages: a.languages.as_deref().map(split_list),
        availability: a.availability.map(|x| x.0),
        capacity: a.capacity,
        wants_gender: a.wants_gender,
        note: a.note,
        handler: a.handler,
        guardians: a.guardians.as_deref().map(|g| {
            g.split(',')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect()
        }),
    };
    let who = crate::cli::show::person(
        ctx,
        &a.id,
        &[
            kontakt::model::Kind::Client,
            kontakt::model::Kind::Volunteer,
        ],
    )?;
    let done = update::update(store, &who, changes, a.by, ctx.today)?;
    let (id, changed) = (done.id, done.changed);
    let who = crate::cli::show::labelled(store, &id);
    let mut out = Output::ok(if ctx.json {
        render::json(
            &serde_json::json!({ "id": id, "changed": changed, "warnings": done.warnings }),
        )
    } else if changed.is_empty() {
        kontakt::tr!("{who}: nothing changed\n", "{who}: inget ändrades\n")
    } else {
        let fields: Vec<String> = changed.iter().map(|f| render::lang().label(f)).collect();
        kontakt::tr!(
            "{who} updated: {}\n",
            "{who} uppdaterad: {}\n",
            fields.join(", ")
        )
    });
    for w in done.warnings.iter().filter(|_| !ctx.json) {
        out.stderr
            .push_str(&kontakt::tr!("warning: {w}\n", "varning: {w}\n"));
    }
    Ok(out)
}
