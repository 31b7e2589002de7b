//! `kontakt list clients|volunteers|assignments|reports|payruns`: each kind's columns defined
//! once (`listing::Column`), as a table, CSV or a JSON array.

use std::collections::HashMap;

use kontakt::Result;
use kontakt::model::common::word;
use kontakt::model::{Assignment, AssignmentStatus, Client, Id, Month, PayRun, Report, Volunteer};
use kontakt::rules::status::{self, ClientStatus, VolunteerStatus};

use super::listing::{self, Cell, Column};
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

/// `approved` or `unapproved`, also as staff say it in Swedish (`attesterade`), in any case.
fn report_status(s: &str) -> std::result::Result<String, String> {
    match s.trim().to_lowercase().as_str() {
        "approved" | "attesterad" | "attesterade" => Ok("approved".into()),
        "unapproved" | "ej-attesterad" | "ej-attesterade" | "ej attesterad" | "ej attesterade"
        | "oattesterad" | "oattesterade" => Ok("unapproved".into()),
        _ => Err(kontakt::tr!(
            "expected approved or unapproved",
            "väntade attesterade eller ej-attesterade"
        )),
    }
}

/// The kinds have Swedish names too (`list klienter`), as the coordinator says them, and either
/// number (`list klient`); any case (`main` reads subcommands so).
#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// Clients, with the status of their application and decision.
    #[command(aliases = ["klienter", "klient", "client"])]
    Clients {
        /// Only this status: applied, granted, denied, expired.
        #[arg(long)]
        status: Option<ClientStatus>,
        /// Only those granted and waiting for a volunteer (no proposal or agreement open).
        #[arg(long)]
        waiting: bool,
    },
    /// Assignments (proposals and agreements), with their status today.
    #[command(aliases = ["uppdrag", "assignment"])]
    Assignments {
        /// Only this status: proposed, declined, unsigned, agreed, active, ended.
        #[arg(long, value_parser = kontakt::model::common::parse_word::<AssignmentStatus>)]
        status: Option<AssignmentStatus>,
    },
    /// Attendance reports.
    #[command(aliases = ["rapporter", "rapport", "report"])]
    Reports {
        /// Only this month (YYYY-MM).
        #[arg(long)]
        month: Option<Month>,
        /// Only approved or unapproved reports.
        #[arg(long, value_parser = report_status)]
        status: Option<String>,
    },
    /// Pay runs (the ledger), newest first.
    #[command(aliases = ["utbetalningar", "utbetalning", "lönekörningar", "lönekörning", "payrun"])]
    Payruns {
        /// Only runs made for this month (YYYY-MM).
        #[arg(long)]
        month: Option<Month>,
    },
    /// Volunteers, with the state of their screening.
    #[command(aliases = ["kontaktpersoner", "kontaktperson", "volontärer", "volontär", "volunteer"])]
    Volunteers {
        /// Only this status: applied, screening, approved, on_break, left, rejected.
        #[arg(long)]
        status: Option<VolunteerStatus>,
    },
}

/// A client with what the listing shows of her.
pub struct ClientRow {
    c: Client,
    status: ClientStatus,
    /// Granted and nobody on it yet (`rules::waiting::needs_volunteer`).
    waiting: bool,
    pnr: String,
}

pub const CLIENT_COLUMNS: &[Column<ClientRow>] = &[
    Column::new("id", "id", |r| Cell::Id(r.c.id)),
    Column::new("name", "name", |r| Cell::Text(r.c.name.clone())),
    Column::new("personnummer", "pnr", |r| Cell::Text(r.pnr.clone())),
    Column::new("status", "status", |r| Cell::Word(r.status.as_str().into())),
    Column::new("applied", "applied", |r| {
        Cell::Date(Some(r.c.applied.get()))
    }),
    Column::new("area", "area", |r| {
        Cell::Text(r.c.area.clone().unwrap_or_default())
    }),
    // The last day the decision grants: its period's end, or the day it was closed.
    Column::new("decision until", "decision_to", |r| {
        Cell::Date(r.c.latest_decision().and_then(|d| d.last_day()))
    }),
    // Last, so the columns scripts read by position before it keep their places.
    Column::new("needs volunteer", "waiting", |r| Cell::PerFormat {
        table: match r.waiting {
            true => kontakt::tr!("yes", "ja"),
            false => String::new(),
        },
        csv: r.waiting.to_string(),
        json: serde_json::json!(r.waiting),
    }),
];

/// A volunteer with what the listing shows of her.
pub struct VolunteerRow {
    v: Volunteer,
    status: VolunteerStatus,
    pnr: String,
}

pub const VOLUNTEER_COLUMNS: &[Column<VolunteerRow>] = &[
    Column::new("id", "id", |r| Cell::Id(r.v.id)),
    Column::new("name", "name", |r| Cell::Text(r.v.name.clone())),
    Column::new("personnummer", "pnr", |r| Cell::Text(r.pnr.clone())),
    Column::new("status", "status", |r| Cell::Word(r.status.as_str().into())),
    Column::new("applied", "applied", |r| {
        Cell::Date(Some(r.v.applied.get()))
    }),
    Column::new("area", "area", |r| {
        Cell::Text(r.v.area.clone().unwrap_or_default())
    }),
    Column::new("capacity", "capacity", |r| {
        Cell::Count(r.v.capacity as usize)
    }),
    Column::new("languages", "languages", |r| {
        Cell::List(r.v.languages.clone())
    }),
    Column::script("interests", |r| Cell::List(r.v.interests.clone())),
];

/// An assignment with its status and the names of the two people it joins.
pub struct AssignmentRow {
    a: Assignment,
    status: AssignmentStatus,
    client: Option<String>,
    volunteer: Option<String>,
}

pub const ASSIGNMENT_COLUMNS: &[Column<AssignmentRow>] = &[
    Column::new("id", "id", |r| Cell::Id(r.a.id)),
    Column::new("client", "client", |r| {
        Cell::Named(r.a.client, r.client.clone())
    }),
    Column::new("volunteer", "volunteer", |r| {
        Cell::Named(r.a.volunteer, r.volunteer.clone())
    }),
    Column::new("status", "status", |r| Cell::Word(word(&r.status))),
    Column::new("proposed", "proposed", |r| {
        Cell::Date(Some(r.a.proposed.get()))
    }),
    Column::new("start", "start", |r| {
        Cell::Date(r.a.agreement.as_ref().map(|g| g.start.get()))
    }),
    Column::new("last day", "last_day", |r| Cell::Date(r.a.last_day())),
    Column::script("score", |r| Cell::Number(r.a.score)),
];

/// A report with the volunteer who wrote it (from its assignment), named beside her id.
pub struct ReportRow {
    r: Report,
    volunteer: Option<Id>,
    name: Option<String>,
}

pub const REPORT_COLUMNS: &[Column<ReportRow>] = &[
    Column::new("month", "month", |row| Cell::Text(row.r.month.to_string())),
    Column::new("assignment", "assignment", |row| Cell::Id(row.r.assignment)),
    Column::new("volunteer", "volunteer", |row| match row.volunteer {
        Some(id) => Cell::Named(id, row.name.clone()),
        None => Cell::Text(String::new()),
    }),
    Column::new("meetings", "meetings", |row| {
        Cell::Dates(row.r.meetings.iter().map(|d| d.get()).collect())
    }),
    Column::new("reported", "reported", |row| {
        Cell::Date(Some(row.r.reported.get()))
    }),
    Column::new("attested", "approved", |row| {
        Cell::Date(row.r.approved.as_ref().map(|a| a.date.get()))
    }),
    Column::script("approved_by", |row| {
        Cell::Text(
            row.r
                .approved
                .as_ref()
                .and_then(|a| a.by.clone())
                .unwrap_or_default(),
        )
    }),
    Column::script("hours_tenths", |row| {
        Cell::Number(row.r.hours_tenths.map(i64::from))
    }),
    Column::script("expenses_ore", |row| Cell::Ore(row.r.expenses_ore)),
    Column::script("activity", |row| {
        Cell::Text(row.r.activity.clone().unwrap_or_default())
    }),
    Column::script("corrections", |row| Cell::Count(row.r.corrections.len())),
    Column::script("settled_outside", |row| {
        Cell::Date(row.r.settled_outside.as_ref().map(|s| s.date.get()))
    }),
];

pub const PAYRUN_COLUMNS: &[Column<PayRun>] = &[
    Column::new("id", "id", |r| Cell::Id(r.id)),
    Column::new("month", "month", |r| Cell::Text(r.month.to_string())),
    Column::new("created", "created", |r| Cell::Time(r.created)),
    Column::new("by", "user", |r| Cell::Text(r.user.clone())),
    Column::new("lines", "lines", |r| Cell::Count(r.lines.len())),
    Column::new("total kr", "total_ore", |r| Cell::Money(r.total_ore)),
    Column::new("file", "file", |r| Cell::Text(r.file.clone())),
    Column::script("format", |r| Cell::Text(r.format.clone())),
    Column::script("sha256", |r| Cell::Text(r.sha256.clone())),
];

/// The records that read; the errors of the others join `broken`.
fn keep<T>(broken: &mut Vec<kontakt::Error>, (good, bad): (Vec<T>, Vec<kontakt::Error>)) -> Vec<T> {
    broken.extend(bad);
    good
}

/// The files that could not be read, named on stderr (with the hint to `check`), exit 1: the
/// listing shows every other record.
pub fn name_broken(out: &mut Output, broken: &[kontakt::Error]) {
    if broken.is_empty() {
        return;
    }
    for e in broken {
        out.stderr
            .push_str(&kontakt::tr!("error: {e}\n", "fel: {e}\n"));
    }
    out.stderr.push_str(&kontakt::tr!(
        "{} could not be read and left out{}; `kontakt check` lists every problem\n",
        "{} kunde inte läsas och är {}; `kontakt check` listar alla fel\n",
        kontakt::lang::count(broken.len() as u64, ["file", "files"], ["fil", "filer"]),
        kontakt::lang::agreeing(broken.len() as u64, ["", ""], ["utelämnad", "utelämnade"])
    ));
    out.code = 1;
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let format = super::list_format(args.format, ctx);
    let mut broken = Vec::new();
    let out = match args.what {
        What::Clients {
            status: want,
            waiting,
        } => {
            // Whom someone is already on: a proposal or an agreement open today.
            let assignments = keep(&mut broken, store.load_readable::<Assignment>()?);
            let taken = kontakt::rules::capacity::clients_taken(&assignments, ctx.today);
            let rows: Vec<ClientRow> = keep(&mut broken, store.load_readable::<Client>()?)
                .into_iter()
                .map(|c| ClientRow {
                    status: status::client_status(&c, ctx.today),
                    waiting: kontakt::rules::waiting::needs_volunteer(
                        &c,
                        taken.contains(&c.id),
                        ctx.today,
                    ),
                    pnr: render::pnr(&c.pnr, ctx.show_pnr),
                    c,
                })
                .filter(|r| want.is_none_or(|w| w == r.status))
                .filter(|r| !waiting || r.waiting)
                .collect();
            listing::render(CLIENT_COLUMNS, &rows, format)
        }
        What::Assignments { status: want } => {
            let clients = keep(&mut broken, store.load_readable::<Client>()?);
            let volunteers = keep(&mut broken, store.load_readable::<Volunteer>()?);
            let names: HashMap<Id, String> = clients
                .into_iter()
                .map(|c| (c.id, c.name))
                .chain(volunteers.into_iter().map(|v| (v.id, v.name)))
                .collect();
            let rows: Vec<AssignmentRow> = keep(&mut broken, store.load_readable::<Assignment>()?)
                .into_iter()
                .map(|a| AssignmentRow {
                    status: a.status(ctx.today),
                    client: names.get(&a.client).cloned(),
                    volunteer: names.get(&a.volunteer).cloned(),
                    a,
                })
                .filter(|r| want.is_none_or(|w| w == r.status))
                .collect();
            listing::render(ASSIGNMENT_COLUMNS, &rows, format)
        }
        What::Reports {
            month,
            status: want,
        } => {
            let volunteers: HashMap<Id, String> =
                keep(&mut broken, store.load_readable::<Volunteer>()?)
                    .into_iter()
                    .map(|v| (v.id, v.name))
                    .collect();
            let volunteer_of: HashMap<Id, Id> =
                keep(&mut broken, store.load_readable::<Assignment>()?)
                    .into_iter()
                    .map(|a| (a.id, a.volunteer))
                    .collect();
            let rows: Vec<ReportRow> = keep(&mut broken, store.load_reports_readable()?)
                .into_iter()
                .filter(|r| month.is_none_or(|m| m == r.month))
                .filter(|r| match want.as_deref() {
                    Some("approved") => r.approved.is_some(),
                    Some(_) => r.approved.is_none(),
                    None => true,
                })
                .map(|r| {
                    let volunteer = volunteer_of.get(&r.assignment).copied();
                    ReportRow {
                        name: volunteer.and_then(|v| volunteers.get(&v).cloned()),
                        volunteer,
                        r,
                    }
                })
                .collect();
            listing::render(REPORT_COLUMNS, &rows, format)
        }
        What::Payruns { month } => {
            let mut runs: Vec<PayRun> = keep(&mut broken, store.load_readable()?);
            runs.retain(|r| month.is_none_or(|m| m == r.month));
            runs.sort_by(|a, b| b.order().cmp(&a.order()));
            listing::render(PAYRUN_COLUMNS, &runs, format)
        }
        What::Volunteers { status: want } => {
            let rows: Vec<VolunteerRow> = keep(&mut broken, store.load_readable::<Volunteer>()?)
                .into_iter()
                .map(|v| VolunteerRow {
                    status: status::volunteer_status_on(&v, ctx.today),
                    pnr: render::pnr(&v.pnr, ctx.show_pnr),
                    v,
                })
                .filter(|r| want.is_none_or(|w| w == r.status))
                .collect();
            listing::render(VOLUNTEER_COLUMNS, &rows, format)
        }
    };
    let mut out = Output::ok(out);
    name_broken(&mut out, &broken);
    Ok(out)
}
