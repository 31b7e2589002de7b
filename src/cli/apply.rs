//! `kontakt apply client|volunteer`: register an application, or a batch of them from CSV.

use std::path::PathBuf;

use chrono::NaiveDate;
use kontakt::Result;
use kontakt::model::common::parse_word;
use kontakt::model::common::{AgeRange, Insats};
use kontakt::model::{Availability, Basis, Frequency, GenderWish, Id};
use kontakt::ops::apply::{self, ClientApplication, Source, VolunteerApplication};
use kontakt::ops::csv_rows;
use kontakt::ops::split_list;

use super::{Ctx, Output, parse_date};

/// Register an application: a client applying for a kontaktperson, or a volunteer applying to be one.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub who: Who,
}

#[derive(Debug, clap::Subcommand)]
pub enum Who {
    /// A client applies for a kontaktperson.
    Client(ClientArgs),
    /// A volunteer applies to become a kontaktperson.
    Volunteer(VolunteerArgs),
}

#[derive(Debug, clap::Args)]
pub struct ClientArgs {
    /// The client's name.
    #[arg(long, required_unless_present = "from")]
    pub name: Option<String>,
    /// Personnummer or samordningsnummer (YYMMDD-NNNN or YYYYMMDDNNNN).
    #[arg(long, required_unless_present = "from")]
    pub pnr: Option<String>,
    /// Where the client lives (district), for matching by travel.
    #[arg(long)]
    pub area: Option<String>,
    /// Interests, comma-separated (fika,hockey,cinema).
    #[arg(long, value_name = "A,B")]
    pub interests: Option<String>,
    /// Languages, comma-separated codes (sv,en). Default: sv.
    #[arg(long, value_name = "A,B")]
    pub languages: Option<String>,
    /// The client's wish about the volunteer's gender: any, female or male.
    #[arg(long, value_parser = parse_word::<GenderWish>, default_value = "any")]
    pub wants_gender: GenderWish,
    /// The volunteer's age the client wishes for, MIN-MAX years (a preference, not a rule).
    #[arg(long, value_name = "MIN-MAX")]
    pub wants_age: Option<AgeRange>,
    /// When the client prefers to meet: weekday-day, weekday-evening, weekend.
    #[arg(long, value_name = "A,B", value_parser = parse_availability)]
    pub availability: Option<Availabilities>,
    /// The law the application falls under: sol or lss.
    #[arg(long, value_parser = parse_word::<Basis>, default_value = "sol")]
    pub basis: Basis,
    /// The date of the application (default: today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub applied: Option<NaiveDate>,
    /// A note for the file.
    #[arg(long)]
    pub note: Option<String>,
    /// The responsible handläggare (caseworker), by name.
    #[arg(long, value_name = "NAME")]
    pub handler: Option<String>,
    /// A child's guardian (vårdnadshavare), by name (repeatable).
    #[arg(long = "guardian", value_name = "NAME")]
    pub guardians: Vec<String>,
    /// What is applied for: kontaktperson (the default) or kontaktfamilj.
    #[arg(long, value_parser = parse_word::<Insats>, default_value = "kontaktperson")]
    pub insats: Insats,
    /// How often the client asks to meet: N/week or N/month (a decision granting less is a
    /// partial denial, with reasons and how to appeal).
    #[arg(long, value_name = "N/week|N/month")]
    pub meetings: Option<Frequency>,
    /// Register every row of a CSV file instead (columns named as these options).
    #[arg(long, value_name = "FILE.csv", conflicts_with_all = ["name", "pnr", "area", "interests", "languages", "wants_age", "availability", "applied", "note", "handler", "meetings", "guardians"])]
    pub from: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct VolunteerArgs {
    /// The volunteer's name.
    #[arg(long, required_unless_present = "from")]
    pub name: Option<String>,
    /// Personnummer or samordningsnummer (YYMMDD-NNNN or YYYYMMDDNNNN).
    #[arg(long, required_unless_present = "from")]
    pub pnr: Option<String>,
    /// The volunteer's e-mail address.
    #[arg(long)]
    pub email: Option<String>,
    /// The volunteer's phone number.
    #[arg(long)]
    pub phone: Option<String>,
    /// Where the volunteer lives (district).
    #[arg(long)]
    pub area: Option<String>,
    /// Interests, comma-separated.
    #[arg(long, value_name = "A,B")]
    pub interests: Option<String>,
    /// Languages, comma-separated codes (sv,en). Default: sv.
    #[arg(long, value_name = "A,B")]
    pub languages: Option<String>,
    /// When the volunteer can meet: weekday-day, weekday-evening, weekend (comma-separated).
    #[arg(long, value_name = "A,B", value_parser = parse_availability)]
    pub availability: Option<Availabilities>,
    /// How many clients the volunteer can take at once (a kontaktfamilj: children at a time).
    #[arg(long, default_value_t = 1, allow_negative_numbers = true)]
    pub capacity: u32,
    /// What the volunteer offers to be: kontaktperson, kontaktfamilj, or both (comma-separated);
    /// a kontaktfamilj is screened as a household.
    #[arg(long, value_name = "INSATS,…", value_delimiter = ',', value_parser = parse_word::<Insats>)]
    pub offers: Vec<Insats>,
    /// A kontaktfamilj's: the children's ages the family takes, MIN-MAX (`0-12`).
    #[arg(long, value_name = "MIN-MAX")]
    pub takes_ages: Option<kontakt::model::common::ChildAges>,
    /// The date of the application (default: today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub applied: Option<NaiveDate>,
    /// Register every row of a CSV file instead (columns named as these options).
    #[arg(long, value_name = "FILE.csv", conflicts_with_all = ["name", "pnr", "email", "phone", "area", "interests", "languages", "availability", "applied", "offers", "takes_ages"])]
    pub from: Option<PathBuf>,
}

/// A comma-separated list given as one option value.
#[derive(Debug, Clone)]
pub struct Availabilities(pub Vec<Availability>);

pub fn parse_availability(s: &str) -> std::result::Result<Availabilities, String> {
    csv_rows::availability(s).map(Availabilities)
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let applied = match args.who {
        Who::Client(a) => match &a.from {
            Some(path) => {
                let rows = csv_rows::read_batch(path, csv_rows::client, &csv_rows::CLIENTS)?;
                apply::apply_clients(store, rows, Source::Batch(path), ctx.today)?
            }
            None => {
                let app = ClientApplication {
                    name: a.name.unwrap_or_default(),
                    pnr: a.pnr.unwrap_or_default(),
                    area: a.area,
                    interests: a.interests.as_deref().map(split_list).unwrap_or_default(),
                    languages: a.languages.as_deref().map(split_list).unwrap_or_default(),
                    wants_gender: a.wants_gender,
                    wants_age: a.wants_age,
                    availability: a.availability.map(|a| a.0).unwrap_or_default(),
                    basis: a.basis,
                    applied: a.applied,
                    note: a.note,
                    handler: a.handler,
                    insats: a.insats,
                    meetings: a.meetings,
                    guardians: a.guardians,
                };
                apply::apply_clients(store, vec![(0, app)], Source::Args, ctx.today)?
            }
        },
        Who::Volunteer(a) => match &a.from {
            Some(path) => {
                let rows = csv_rows::read_batch(path, csv_rows::volunteer, &csv_rows::VOLUNTEERS)?;
                apply::apply_volunteers(store, rows, Source::Batch(path), ctx.today)?
            }
            None => {
                let app = VolunteerApplication {
                    name: a.name.unwrap_or_default(),
                    pnr: a.pnr.unwrap_or_default(),
                    email: a.email,
                    phone: a.phone,
                    area: a.area,
                    interests: a.interests.as_deref().map(split_list).unwrap_or_default(),
                    languages: a.languages.as_deref().map(split_list).unwrap_or_default(),
                    availability: a.availability.map(|a| a.0).unwrap_or_default(),
                    capacity: a.capacity,
                    applied: a.applied,
                    offers: a.offers,
                    takes_ages: a.takes_ages,
                };
                apply::apply_volunteers(store, vec![(0, app)], Source::Args, ctx.today)?
            }
        },
    };
    let mut out = Output::ok(render_ids(&applied.ids, ctx.json));
    for w in &applied.warnings {
        out.stderr
            .push_str(&kontakt::tr!("warning: {w}\n", "varning: {w}\n"));
    }
    Ok(out)
}

fn render_ids(ids: &[Id], json: bool) -> String {
    match (json, ids) {
        (true, [one]) => crate::render::json(&serde_json::json!({ "id": one })),
        (true, many) => crate::render::json(&serde_json::json!({ "ids": many })),
        (false, many) => many.iter().map(|i| format!("{i}\n")).collect(),
    }
}
