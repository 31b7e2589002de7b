//! `kontakt report ASSIGNMENT MONTH --meeting DATE...` and `kontakt report approve`.

use kontakt::tr;
use std::path::PathBuf;

use chrono::NaiveDate;
use kontakt::model::report::{
    Receipt, Stay, Trip, parse_hours, parse_receipt, parse_stay, parse_trip,
};
use kontakt::model::{Money, Month};
use kontakt::ops::csv_rows;
use kontakt::ops::report::{self, ReportInput};
use kontakt::{Error, Result};

use super::shell::assignment_id;
use super::{Ctx, Output, parse_date};
use crate::render;

/// File a month's attendance report, or approve reports before pay.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// The assignment: its id (a unique prefix is enough), or the client or volunteer whose one open assignment it is.
    #[arg(required = true, add = clap_complete::ArgValueCompleter::new(assignment_id))]
    pub assignment: Option<String>,
    /// The month reported, YYYY-MM.
    #[arg(required = true)]
    pub month: Option<Month>,
    /// A day they met (repeatable).
    #[arg(long = "meeting", value_parser = parse_date, value_name = "DATE")]
    pub meetings: Vec<NaiveDate>,
    /// A kontaktfamilj's stay: FROM..TO, with times if known (2026-10-09T17:00..2026-10-11T15:00);
    /// reported in the month it begins (repeatable).
    #[arg(long = "stay", value_parser = parse_stay, value_name = "FROM..TO")]
    pub stays: Vec<Stay>,
    /// A trip in one's own car for mileage: DATE:KM, or DATE:Nmil (repeatable).
    #[arg(long = "trip", value_parser = parse_trip, value_name = "DATE:KM")]
    pub trips: Vec<Trip>,
    /// An outlay with a receipt, paid back: KR:REFERENCE (repeatable).
    #[arg(long = "receipt", value_parser = parse_receipt, value_name = "KR:REF")]
    pub receipts: Vec<Receipt>,
    /// Hours spent in the month (2 or 2.5).
    #[arg(long, value_parser = parse_hours, value_name = "H")]
    pub hours: Option<u32>,
    /// What they did.
    #[arg(long, value_name = "TEXT")]
    pub activity: Option<String>,
    /// Expenses the volunteer had, in kronor (information; the allowance is fixed).
    #[arg(long, value_name = "KR")]
    pub expenses: Option<Money>,
    /// A note on the month (kept in the report).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Correct an approved (or paid) report, giving the reason; the next pay run pays the
    /// difference as correction lines.
    #[arg(long, value_name = "REASON")]
    pub correct: Option<String>,
    /// With --correct: the month had no meetings after all. A correction that names no
    /// --meeting otherwise keeps the meetings reported.
    #[arg(long, requires = "correct", conflicts_with = "meetings")]
    pub no_meetings: bool,
    /// The report was paid outside kontakt (it is older than the retroactive limit), with the
    /// reason: no run pays it or lists it as owed any more.
    #[arg(long, value_name = "REASON", conflicts_with_all = ["correct", "meetings", "stays", "trips", "receipts", "hours", "activity", "expenses", "note"])]
    pub settled_outside: Option<String>,
    /// With --correct or --settled-outside: who makes the correction (else KONTAKT_USER or
    /// git's user.name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Approve (attest) a report, or every unapproved report of a month with --month M --all.
    Approve(ApproveArgs),
    /// Import reports from the e-service: a CSV file with one row per meeting (columns
    /// assignment, date, and optionally hours, activity, expenses, note). All rows or none.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The CSV file (UTF-8, `;` or `,` between columns).
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
    /// Replace reports already on file (entered by hand, or imported before) that the file
    /// gives otherwise; without it such a month is refused.
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, clap::Args)]
pub struct ApproveArgs {
    /// The assignment whose report to approve.
    #[arg(add = clap_complete::ArgValueCompleter::new(assignment_id))]
    pub assignment: Option<String>,
    /// The month of the report to approve (YYYY-MM).
    pub month_arg: Option<Month>,
    /// With --all: the month whose reports to approve.
    #[arg(long)]
    pub month: Option<Month>,
    /// Approve every unapproved report of --month (or of the month given alone: --all 2026-10).
    #[arg(long)]
    pub all: bool,
    /// Who approves (attests).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    if let Some(Action::Import(i)) = a.action {
        let rows = csv_rows::read_rows(&i.file, csv_rows::meeting, &csv_rows::REPORTS)?;
        let done = report::import(store, &i.file, rows, ctx.today, i.replace)?;
        let written = done.iter().filter(|d| d.written).count();
        return Ok(Output::ok(if ctx.json {
            render::json(&serde_json::json!({ "reports": done, "written": written }))
        } else {
            let rows = done
                .iter()
                .map(|d| {
                    vec![
                        d.assignment.to_string(),
                        d.month.to_string(),
                        d.meetings.to_string(),
                        match (d.written, d.replaced) {
                            (true, true) => tr!("replaced", "ersatt"),
                            (true, false) => tr!("written", "skriven"),
                            _ => tr!("unchanged", "oförändrad"),
                        },
                    ]
                })
                .collect();
            let mut s = render::table(&["Assignment", "Month", "Meetings", "status"], rows);
            let unchanged = done.len() - written;
            s.push_str(&match ctx.lang {
                kontakt::lang::Lang::En => format!(
                    "{} written, {unchanged} unchanged, waiting for approval\n",
                    kontakt::lang::count(written as u64, ["report", "reports"], ["", ""])
                ),
                // The participle agrees with the count: "1 rapport skriven", "3 rapporter skrivna".
                kontakt::lang::Lang::Sv => format!(
                    "{}, {unchanged} {}, väntar på attest\n",
                    if written == 1 {
                        "1 rapport skriven".to_string()
                    } else {
                        format!("{written} rapporter skrivna")
                    },
                    if unchanged == 1 {
                        "oförändrad"
                    } else {
                        "oförändrade"
                    }
                ),
            });
            s
        }));
    }
    if let Some(Action::Approve(p)) = a.action {
        let (assignment, month) = approve_target(&p)?;
        let by = ctx.who(p.by, &tr!("An approval (attest)", "En attest"))?;
        let done = report::approve(store, assignment.as_deref(), month, by, ctx.today)?;
        let ids = done.ids;
        let mut out = Output::ok(if ctx.json {
            render::json(
                &serde_json::json!({ "month": month, "approved": ids, "warnings": done.warnings }),
            )
        } else {
            tr!(
                "{} for {month} approved{}\n",
                "{} för {month} {}\n",
                kontakt::lang::count(
                    ids.len() as u64,
                    ["report", "reports"],
                    ["rapport", "rapporter"]
                ),
                kontakt::lang::agreeing(ids.len() as u64, ["", ""], ["attesterad", "attesterade"])
            )
        });
        // A script reads the warnings in the JSON; a person on stderr.
        for w in done.warnings.iter().filter(|_| !ctx.json) {
            out.stderr
                .push_str(&tr!("warning: {w}\n", "varning: {w}\n"));
        }
        return Ok(out);
    }
    let (Some(text), Some(month)) = (a.assignment, a.month) else {
        return Err(Error::arg(
            "report",
            tr!("give ASSIGNMENT MONTH", "ange UPPDRAG MÅNAD"),
        ));
    };
    let id = crate::cli::show::assignment(ctx, &text)?;
    let input = ReportInput {
        meetings: a.meetings,
        stays: a.stays,
        trips: a.trips,
        receipts: a.receipts,
        hours_tenths: a.hours,
        activity: a.activity,
        expenses: a.expenses,
        note: a.note,
        by: if a.settled_outside.is_some() {
            Some(ctx.who(a.by, &tr!("A settlement", "En reglering"))?)
        } else if a.correct.is_some() {
            Some(ctx.who(a.by, &tr!("A correction", "En rättelse"))?)
        } else {
            None
        },
        correct: a.correct,
        no_meetings: a.no_meetings,
        settled_outside: a.settled_outside,
    };
    let done = report::report(store, &id, month, input, ctx.today)?;
    let r = done.report;
    let who = crate::cli::show::labelled(store, &r.assignment);
    let replaced = done.replaced.as_ref().filter(|_| !ctx.json).map(|old| {
        tr!(
            "warning: this replaced the report on file for {month} ({}); all of a month's meetings are given in one report\n",
            "varning: detta ersatte rapporten för {month} som fanns ({}); alla en månads träffar anges i en och samma rapport\n",
            kontakt::lang::count(
                old.meetings.len() as u64,
                ["meeting", "meetings"],
                ["träff", "träffar"]
            )
        )
    });
    let mut out = Output::ok(if ctx.json {
        render::json(&r)
    } else if r.settled_outside() {
        tr!(
            "{} {}: recorded as paid outside kontakt; no run pays or lists it\n",
            "{} {}: registrerad som betald utanför kontakt; ingen körning betalar eller listar den\n",
            who,
            r.month
        )
    } else if let Some(c) = r.corrections.last().filter(|_| r.approved.is_some()) {
        let total = c
            .fee_ore
            .zip(c.expense_ore)
            .and_then(|(f, e)| f.checked_add(e).ok());
        match total {
            Some(t) => tr!(
                "{} {} corrected: {}, {} by the records now; the next pay run pays any difference\n",
                "{} {} rättad: {}, {} enligt akterna nu; nästa lönekörning betalar en eventuell skillnad\n",
                who,
                r.month,
                delivered(&r, true),
                t.localized(ctx.lang)
            ),
            None => tr!(
                "{} {} corrected: {}\n",
                "{} {} rättad: {}\n",
                who,
                r.month,
                delivered(&r, true)
            ),
        }
    } else {
        tr!(
            "{} {} {}, waiting for approval\n",
            "{} {} {}, väntar på attest\n",
            who,
            r.month,
            delivered(&r, true)
        )
    });
    out.stderr.extend(replaced);
    Ok(out)
}

/// What a report says was delivered, for the line that confirms it: the meetings, or the
/// stays, trips and receipts when it has them (`2 vistelser, 3 resor (86 km), 1 kvitto`).
/// Without `meetings`, only what is reported besides the meetings (for a table that counts
/// the meetings in a column of their own).
pub(crate) fn delivered(r: &kontakt::model::Report, meetings: bool) -> String {
    use kontakt::lang::count;
    let mut parts = Vec::new();
    if meetings && (!r.meetings.is_empty() || r.stays.is_empty()) {
        parts.push(count(
            r.meetings.len() as u64,
            ["meeting", "meetings"],
            ["träff", "träffar"],
        ));
    }
    if !r.stays.is_empty() {
        parts.push(count(
            r.stays.len() as u64,
            ["stay", "stays"],
            ["vistelse", "vistelser"],
        ));
    }
    if !r.trips.is_empty() {
        let km: u64 = r.trips.iter().map(|t| u64::from(t.km)).sum();
        parts.push(format!(
            "{} ({km} km)",
            count(r.trips.len() as u64, ["trip", "trips"], ["resa", "resor"])
        ));
    }
    if !r.receipts.is_empty() {
        parts.push(count(
            r.receipts.len() as u64,
            ["receipt", "receipts"],
            ["kvitto", "kvitton"],
        ));
    }
    parts.join(", ")
}

/// What `report approve` is asked to attest: one assignment's month, or with `--all` every
/// unapproved report of `--month`. Every month at once is never the default: a typed month
/// without `--all`, or a month where the assignment should be, is refused with how to say it.
fn approve_target(p: &ApproveArgs) -> Result<(Option<String>, Month)> {
    let a = p.assignment.as_deref();
    // A month typed where the assignment stands (`--all 2026-10`, or a forgotten assignment).
    let typed_month = a.and_then(|a| a.parse::<Month>().ok());
    match (p.all, a, p.month_arg.or(p.month), typed_month) {
        (true, None, Some(m), _) if p.month_arg.is_none() => Ok((None, m)),
        (true, Some(_), None, Some(m)) => Ok((None, m)),
        (true, ..) => Err(Error::arg(
            "--all",
            tr!(
                "approves every report of --month MONTH, and names no assignment",
                "attesterar alla rapporter för --month MÅNAD och anger inget uppdrag"
            ),
        )),
        (false, Some(_), Some(m), _) if p.month.is_some() => Err(Error::arg(
            "--month",
            tr!(
                "--month goes with --all; one report is `report approve ASSIGNMENT {m}`",
                "--month hör ihop med --all; en rapport är `report approve UPPDRAG {m}`"
            ),
        )),
        (false, Some(a), Some(m), _) => Ok((Some(a.to_string()), m)),
        (false, Some(a), None, Some(_)) => Err(Error::arg(
            "ASSIGNMENT",
            tr!(
                "{a} is a month: name the assignment before it (`report approve ASSIGNMENT {a}`), or approve every report of it with `--month {a} --all`",
                "{a} är en månad: ange uppdraget före den (`report approve UPPDRAG {a}`), eller attestera alla dess rapporter med `--month {a} --all`"
            ),
        )),
        (false, Some(_), None, None) => {
            Err(Error::arg("MONTH", tr!("which month?", "vilken månad?")))
        }
        (false, None, Some(m), _) => Err(Error::arg(
            "--month",
            tr!(
                "every report of {m} is approved only with --all (`--month {m} --all`); one report with `report approve ASSIGNMENT {m}`",
                "alla rapporter för {m} attesteras bara med --all (`--month {m} --all`); en rapport med `report approve UPPDRAG {m}`"
            ),
        )),
        (false, None, None, _) => Err(Error::arg(
            "report approve",
            tr!(
                "name the assignment and the month (`report approve ASSIGNMENT MONTH`), or `--month MONTH --all`",
                "ange uppdraget och månaden (`report approve UPPDRAG MÅNAD`), eller `--month MÅNAD --all`"
            ),
        )),
    }
}
