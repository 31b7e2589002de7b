//! `kontakt list clients|volunteers [--status S]`: a table, or a JSON array.

use kontakt::Result;
use kontakt::model::{Client, Volunteer};
use kontakt::rules::status::{self, ClientStatus, VolunteerStatus};
use serde_json::json;

use super::{Ctx, Output};
use crate::render;

/// List records of one kind.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// Clients, with the status of their application and decision.
    Clients {
        /// Only this status: applied, granted, denied, expired.
        #[arg(long)]
        status: Option<ClientStatus>,
    },
    /// Volunteers, with the state of their screening.
    Volunteers {
        /// Only this status: applied, screening, approved, rejected.
        #[arg(long)]
        status: Option<VolunteerStatus>,
    },
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let out = match args.what {
        What::Clients { status: want } => {
            let rows: Vec<(Client, ClientStatus)> = store
                .load_all::<Client>()?
                .into_iter()
                .map(|c| {
                    let s = status::client_status(&c, ctx.today);
                    (c, s)
                })
                .filter(|(_, s)| want.is_none_or(|w| w == *s))
                .collect();
            if ctx.json {
                render::json(&rows.iter().map(|(c, s)| {
                    json!({
                        "id": c.id, "name": c.name, "pnr": render::pnr(&c.pnr, ctx.show_pnr),
                        "status": s, "applied": c.applied, "area": c.area,
                        "decision_to": c.latest_decision().and_then(|d| d.to),
                    })
                }).collect::<Vec<_>>())
            } else {
                render::table(
                    &[
                        "id",
                        "name",
                        "personnummer",
                        "status",
                        "applied",
                        "area",
                        "decision until",
                    ],
                    rows.iter()
                        .map(|(c, s)| {
                            vec![
                                c.id.to_string(),
                                c.name.clone(),
                                render::pnr(&c.pnr, ctx.show_pnr),
                                s.as_str().to_string(),
                                c.applied.to_string(),
                                render::opt(&c.area),
                                render::opt(&c.latest_decision().and_then(|d| d.to)),
                            ]
                        })
                        .collect(),
                )
            }
        }
        What::Volunteers { status: want } => {
            let rows: Vec<(Volunteer, VolunteerStatus)> = store
                .load_all::<Volunteer>()?
                .into_iter()
                .map(|v| {
                    let s = status::volunteer_status(&v);
                    (v, s)
                })
                .filter(|(_, s)| want.is_none_or(|w| w == *s))
                .collect();
            if ctx.json {
                render::json(&rows.iter().map(|(v, s)| {
                    json!({
                        "id": v.id, "name": v.name, "pnr": render::pnr(&v.pnr, ctx.show_pnr),
                        "status": s, "applied": v.applied, "area": v.area, "capacity": v.capacity,
                        "languages": v.languages, "interests": v.interests,
                    })
                }).collect::<Vec<_>>())
            } else {
                render::table(
                    &[
                        "id",
                        "name",
                        "personnummer",
                        "status",
                        "applied",
                        "area",
                        "capacity",
                        "languages",
                    ],
                    rows.iter()
                        .map(|(v, s)| {
                            vec![
                                v.id.to_string(),
                                v.name.clone(),
                                render::pnr(&v.pnr, ctx.show_pnr),
                                s.as_str().to_string(),
                                v.applied.to_string(),
                                render::opt(&v.area),
                                v.capacity.to_string(),
                                render::list(&v.languages),
                            ]
                        })
                        .collect(),
                )
            }
        }
    };
    Ok(Output::ok(out))
}
