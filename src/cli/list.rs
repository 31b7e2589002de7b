//! `kontakt list clients|volunteers [--status S]`: a table, or a JSON array.

use kontakt::Result;
use kontakt::model::common::word;
use kontakt::model::{Assignment, AssignmentStatus, Client, Month, PayRun, Volunteer};
use kontakt::rules::status::{self, ClientStatus, VolunteerStatus};
use serde_json::json;

use super::{Ctx, Output};
use crate::render;

/// List records of one kind.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
    /// table for people, csv or json for scripts (json is also `--json`).
    #[arg(long, global = true, value_enum, value_name = "table|csv|json")]
    pub format: Option<super::ListFormat>,
}

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// Clients, with the status of their application and decision.
    Clients {
        /// Only this status: applied, granted, denied, expired.
        #[arg(long)]
        status: Option<ClientStatus>,
    },
    /// Assignments (proposals and agreements), with their status today.
    Assignments {
        /// Only this status: proposed, declined, unsigned, agreed, active, ended.
        #[arg(long, value_parser = kontakt::model::common::parse_word::<AssignmentStatus>)]
        status: Option<AssignmentStatus>,
    },
    /// Attendance reports.
    Reports {
        /// Only this month (YYYY-MM).
        #[arg(long)]
        month: Option<Month>,
        /// Only approved or unapproved reports.
        #[arg(long, value_parser = ["approved", "unapproved"])]
        status: Option<String>,
    },
    /// Pay runs (the ledger), newest first.
    Payruns {
        /// Only runs made for this month (YYYY-MM).
        #[arg(long)]
        month: Option<Month>,
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
    let format = super::list_format(args.format, ctx);
    let json = format == super::ListFormat::Json;
    let csv = format == super::ListFormat::Csv;
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
            if json {
                render::json(&rows.iter().map(|(c, s)| {
                    json!({
                        "id": c.id, "name": c.name, "pnr": render::pnr(&c.pnr, ctx.show_pnr),
                        "status": s, "applied": c.applied, "area": c.area,
                        "decision_to": c.latest_decision().and_then(|d| d.to),
                    })
                }).collect::<Vec<_>>())
            } else {
                render::rows(
                    csv,
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
                                cell(csv, s.as_str()),
                                c.applied.to_string(),
                                render::opt(&c.area),
                                render::opt(&c.latest_decision().and_then(|d| d.to)),
                            ]
                        })
                        .collect(),
                )
            }
        }
        What::Assignments { status: want } => {
            let rows: Vec<(Assignment, AssignmentStatus)> = store
                .load_all::<Assignment>()?
                .into_iter()
                .map(|a| {
                    let s = a.status(ctx.today);
                    (a, s)
                })
                .filter(|(_, s)| want.is_none_or(|w| w == *s))
                .collect();
            if json {
                render::json(&rows.iter().map(|(a, s)| {
                    json!({
                        "id": a.id, "client": a.client, "volunteer": a.volunteer, "status": s,
                        "proposed": a.proposed, "start": a.agreement.as_ref().map(|g| g.start),
                        "last_day": a.last_day(), "score": a.score,
                    })
                }).collect::<Vec<_>>())
            } else {
                render::rows(
                    csv,
                    &[
                        "id",
                        "client",
                        "volunteer",
                        "status",
                        "proposed",
                        "start",
                        "last day",
                    ],
                    rows.iter()
                        .map(|(a, s)| {
                            vec![
                                a.id.to_string(),
                                a.client.to_string(),
                                a.volunteer.to_string(),
                                cell(csv, &word(s)),
                                a.proposed.to_string(),
                                render::opt(&a.agreement.as_ref().map(|g| g.start)),
                                render::opt(&a.last_day()),
                            ]
                        })
                        .collect(),
                )
            }
        }
        What::Reports {
            month,
            status: want,
        } => {
            let rows: Vec<_> = store
                .load_reports()?
                .into_iter()
                .filter(|r| month.is_none_or(|m| m == r.month))
                .filter(|r| match want.as_deref() {
                    Some("approved") => r.approved.is_some(),
                    Some(_) => r.approved.is_none(),
                    None => true,
                })
                .collect();
            if json {
                render::json(&rows)
            } else {
                render::rows(
                    csv,
                    &["month", "assignment", "meetings", "reported", "approved"],
                    rows.iter()
                        .map(|r| {
                            vec![
                                r.month.to_string(),
                                r.assignment.to_string(),
                                r.meetings.len().to_string(),
                                r.reported.to_string(),
                                r.approved
                                    .as_ref()
                                    .map(|a| a.date.to_string())
                                    .unwrap_or_else(|| cell(csv, "no")),
                            ]
                        })
                        .collect(),
                )
            }
        }
        What::Payruns { month } => {
            let mut runs: Vec<PayRun> = store.load_all()?;
            runs.retain(|r| month.is_none_or(|m| m == r.month));
            runs.sort_by(|a, b| b.order().cmp(&a.order()));
            if json {
                render::json(&runs.iter().map(|r| json!({
                    "id": r.id, "month": r.month, "created": r.created.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    "user": r.user, "format": r.format, "file": r.file, "sha256": r.sha256,
                    "lines": r.lines.len(), "total_ore": r.total_ore,
                })).collect::<Vec<_>>())
            } else {
                render::rows(
                    csv,
                    &["id", "month", "created", "by", "lines", "total kr", "file"],
                    runs.iter()
                        .map(|r| {
                            vec![
                                r.id.to_string(),
                                r.month.to_string(),
                                r.created.format("%Y-%m-%d %H:%M").to_string(),
                                r.user.clone(),
                                r.lines.len().to_string(),
                                if csv {
                                    r.total_ore.to_string()
                                } else {
                                    render::amount(r.total_ore)
                                },
                                r.file.clone(),
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
            if json {
                render::json(&rows.iter().map(|(v, s)| {
                    json!({
                        "id": v.id, "name": v.name, "pnr": render::pnr(&v.pnr, ctx.show_pnr),
                        "status": s, "applied": v.applied, "area": v.area, "capacity": v.capacity,
                        "languages": v.languages, "interests": v.interests,
                    })
                }).collect::<Vec<_>>())
            } else {
                render::rows(
                    csv,
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
                                cell(csv, s.as_str()),
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

/// A domain word in a cell: the person's language in a table, English for a script (CSV).
fn cell(csv: bool, w: &str) -> String {
    if csv { w.to_string() } else { render::word(w) }
}
