//! `kontakt agree ASSIGNMENT`: the agreement's terms, signatures, and later changes of terms.

use kontakt::tr;
use std::path::PathBuf;

use chrono::NaiveDate;
use kontakt::documents::{self, Format};
use kontakt::model::assignment::PaidPer;
use kontakt::model::{Frequency, Money, Month};
use kontakt::ops::agree::{self, AgreeInput, ExpenseSpec, FeeSpec, PayInput};
use kontakt::{Error, Result};

use super::shell::assignment_id;
use super::{Ctx, Output, parse_date};
use crate::render;

/// Record the assignment agreement (uppdragsavtal): start, meetings, fee, expense allowance.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assignment: its id (a unique prefix is enough), or the client or volunteer whose one open assignment it is.
    #[arg(add = clap_complete::ArgValueCompleter::new(assignment_id))]
    pub assignment: String,
    /// The agreement's first day.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub start: Option<NaiveDate>,
    /// The agreement's last day, when it is agreed for a fixed time.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub end: Option<NaiveDate>,
    /// How often they meet: N/week or N/month.
    #[arg(long)]
    pub meetings: Option<Frequency>,
    /// Fee (arvode) category 1, 2 or 3 of SKR's model; with --fee-percent.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3), requires = "fee_percent", conflicts_with = "fee")]
    pub fee_category: Option<u8>,
    /// Per cent of the prisbasbelopp per year (within the category's range, or give --reason).
    #[arg(long, value_parser = agree::parse_percent, value_name = "P", requires = "fee_category")]
    pub fee_percent: Option<u32>,
    /// A plain monthly fee in kronor instead of a category (needs --reason).
    #[arg(long, value_name = "KR")]
    pub fee: Option<Money>,
    /// Expense allowance (omkostnadsersättning) level 1, 2 or 3.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3), conflicts_with = "expense")]
    pub expense_level: Option<u8>,
    /// A plain monthly expense allowance in kronor instead of a level (needs --reason).
    #[arg(long, value_name = "KR")]
    pub expense: Option<Money>,
    /// How the month is paid: month (the monthly fee and allowance, the default), meetings (the
    /// level of --tiers the meetings held reach), hour (--hourly per hour reported) or dygn
    /// (a kontaktfamilj, per dygn of stay at kontakt.toml's rates).
    #[arg(long, value_parser = parse_paid_per, value_name = "month|meetings|hour|dygn")]
    pub paid_per: Option<PaidPer>,
    /// With --paid-per meetings: the tariff, a [[compensation.tiers.NAME]] of kontakt.toml.
    #[arg(long, value_name = "NAME")]
    pub tiers: Option<String>,
    /// With --paid-per hour: the fee per hour, in kronor.
    #[arg(long, value_name = "KR")]
    pub hourly: Option<Money>,
    /// Pay mileage for the trips reported, at kontakt.toml's [compensation.mileage] rates.
    #[arg(long, conflicts_with = "no_mileage")]
    pub mileage: bool,
    /// Stop paying mileage (from --change-from).
    #[arg(long)]
    pub no_mileage: bool,
    /// A flat monthly travel allowance in kronor (0 to stop it), paid for a month that earns pay.
    #[arg(long, value_name = "KR")]
    pub travel_monthly: Option<Money>,
    /// The individual basis on which an allowance above SKR's highest level is paid tax-free
    /// (without one the excess is paid as taxable arvode).
    #[arg(long, value_name = "TEXT")]
    pub individual_basis: Option<String>,
    /// Kostnadsställe: the cost centre pay is booked on.
    #[arg(long, value_name = "CC")]
    pub cost_center: Option<String>,
    /// The date the agreement was signed.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub signed: Option<NaiveDate>,
    /// The date the confidentiality undertaking (sekretessförbindelse) was signed.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub confidentiality_signed: Option<NaiveDate>,
    /// Why the terms depart from the model (a percentage outside the range, a plain amount).
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// New terms from this date; earlier terms stay as they were.
    #[arg(long, value_parser = parse_date, value_name = "DATE", conflicts_with = "start")]
    pub change_from: Option<NaiveDate>,
    /// Print a document instead of recording anything: the agreement (the default) or its
    /// latest change as an amendment, in the --lang language; the confidentiality undertaking
    /// (sekretessförbindelse) or the appointment (förordnande), both Swedish unless --lang en.
    #[arg(long, num_args = 0..=1, default_missing_value = "agreement", value_name = "agreement|amendment|confidentiality|appointment", value_parser = parse_paper, conflicts_with_all = ["start", "end", "meetings", "fee_category", "fee", "expense_level", "expense", "cost_center", "signed", "confidentiality_signed", "reason", "change_from"])]
    pub print: Option<String>,
    /// With --print: md (Markdown) or html (one page, A4 print CSS).
    #[arg(long, requires = "print", default_value = "md", value_name = "md|html")]
    pub format: Option<Format>,
    /// With --print: write the document to FILE (readable by its owner only) instead of stdout.
    #[arg(long, requires = "print", value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// With --print: the responsible official named on the document (a blank line otherwise).
    #[arg(long, requires = "print", value_name = "NAME")]
    pub official: Option<String>,
    /// With --print: the year whose amounts to show (default: the year in force today).
    #[arg(long, requires = "print", value_name = "YYYY")]
    pub year: Option<i32>,
}

/// The document to print, by its English word or as staff call it (`avtal`, `tillägg`,
/// `sekretessförbindelse`, `förordnande`).
fn parse_paper(s: &str) -> std::result::Result<String, String> {
    let word = match s.trim().to_lowercase().as_str() {
        "agreement" | "avtal" | "uppdragsavtal" => "agreement",
        "amendment" | "tillägg" | "ändring" | "tilläggsavtal" => "amendment",
        "confidentiality" | "sekretess" | "sekretessförbindelse" => "confidentiality",
        "appointment" | "förordnande" => "appointment",
        _ => {
            return Err(kontakt::tr!(
                "expected agreement, amendment, confidentiality or appointment, found `{s}`",
                "väntade avtal, tillägg, sekretessförbindelse eller förordnande, fann `{s}`"
            ));
        }
    };
    Ok(word.to_string())
}

fn print(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let paper = match a.print.as_deref() {
        Some("confidentiality") => Some(documents::papers::Paper::Confidentiality),
        Some("appointment") => Some(documents::papers::Paper::Appointment),
        _ => None,
    };
    if let Some(paper) = paper {
        let p = agree::papers(
            store,
            &crate::cli::show::assignment(ctx, &a.assignment)?,
            a.official,
            ctx.show_pnr,
        )?;
        // Swedish first: the papers are filed in Swedish unless English is asked for.
        let lang = ctx.document_lang();
        let text = documents::papers::render(&p, paper, a.format.unwrap_or_default(), lang);
        return match a.out {
            Some(path) => {
                kontakt::store::atomic::write_file(&path, text.as_bytes())?;
                Ok(Output::ok(kontakt::tr!(
                    "{} written to {}\n",
                    "{} skrivet till {}\n",
                    p.assignment,
                    path.display()
                )))
            }
            None => Ok(Output::ok(text)),
        };
    }
    let doc = agree::document(
        store,
        &crate::cli::show::assignment(ctx, &a.assignment)?,
        a.year,
        a.official,
        ctx.show_pnr,
        ctx.today,
    )?;
    let text = if a.print.as_deref() == Some("amendment") {
        documents::agreement::render_amendment(&doc, a.format.unwrap_or_default(), ctx.lang)
            .ok_or_else(|| {
                kontakt::Error::refused(vec![kontakt::tr!(
                    "{} has no change of terms to print (kontakt agree {} --change-from DATE …)",
                    "{} har ingen ändring av villkoren att skriva ut (kontakt agree {} --change-from DATUM …)",
                    doc.assignment,
                    doc.assignment
                )])
            })?
    } else {
        documents::agreement::render(&doc, a.format.unwrap_or_default(), ctx.lang)
    };
    match a.out {
        Some(path) => {
            kontakt::store::atomic::write_file(&path, text.as_bytes())?;
            Ok(Output::ok(if ctx.json {
                render::json(&serde_json::json!({ "id": doc.assignment, "out": path }))
            } else {
                match a.print.as_deref() {
                    Some("amendment") => kontakt::tr!(
                        "{} amendment written to {}\n",
                        "{} tillägg till avtalet skrivet till {}\n",
                        doc.assignment,
                        path.display()
                    ),
                    _ => kontakt::tr!(
                        "{} agreement written to {}\n",
                        "{} avtal skrivet till {}\n",
                        doc.assignment,
                        path.display()
                    ),
                }
            }))
        }
        None if ctx.json => Ok(Output::ok(render::json(&serde_json::json!({
            "id": doc.assignment, "document": doc, "text": text
        })))),
        None => Ok(Output::ok(text)),
    }
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    if a.print.is_some() {
        return print(a, ctx);
    }
    let store = ctx.store()?;
    let fee = match (a.fee_category, a.fee_percent, a.fee) {
        (Some(category), Some(percent_hundredths), None) => Some(FeeSpec::Category {
            category,
            percent_hundredths,
        }),
        (None, None, Some(m)) => Some(FeeSpec::Plain(m)),
        (None, None, None) => None,
        _ => {
            return Err(Error::arg(
                "--fee",
                tr!(
                    "give --fee-category with --fee-percent, or --fee",
                    "ange --fee-category med --fee-percent, eller --fee"
                ),
            ));
        }
    };
    let expense = match (a.expense_level, a.expense) {
        (Some(l), None) => Some(ExpenseSpec::Level(l)),
        (None, Some(m)) => Some(ExpenseSpec::Plain(m)),
        _ => None,
    };
    let input = AgreeInput {
        start: a.start,
        end: a.end,
        meetings: a.meetings,
        fee,
        expense,
        cost_center: a.cost_center,
        signed: a.signed,
        confidentiality_signed: a.confidentiality_signed,
        reason: a.reason,
        change_from: a.change_from,
        pay: PayInput {
            paid_per: a.paid_per,
            tiers: a.tiers,
            hourly: a.hourly,
            mileage: match (a.mileage, a.no_mileage) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            travel_monthly: a.travel_monthly,
            individual_basis: a.individual_basis,
        },
    };
    // A change dated back (new terms, an earlier end) may touch months already paid.
    let changed_from = [a.change_from, a.end].into_iter().flatten().min();
    let which = crate::cli::show::assignment(ctx, &a.assignment)?;
    let done = agree::agree(store, &which, input, ctx.today)?;
    let effects = match changed_from {
        Some(d) => kontakt::ops::pay::paid_effects(store, &done, Month::of(d))?,
        None => Vec::new(),
    };
    let st = done.status(ctx.today);
    let beyond = agree::beyond_grant(store, &done)?;
    let mut out = Output::ok(if ctx.json {
        render::json(&serde_json::json!({
            "id": done.id, "status": st, "agreement": done.agreement, "paid_months_changed": effects,
        }))
    } else {
        let mut s = format!(
            "{} {}\n",
            crate::cli::show::labelled(store, &done.id),
            render::value(&st)
        );
        for e in &effects {
            s.push_str(&format!("  {}\n", paid_effect(e)));
        }
        s
    });
    for w in beyond {
        out.stderr
            .push_str(&kontakt::tr!("warning: {w}\n", "varning: {w}\n"));
    }
    Ok(out)
}

/// A paid month a change touches, in words, with the command that records it.
fn paid_effect(e: &kontakt::ops::pay::PaidEffect) -> String {
    use kontakt::ops::pay::PaidEffect;
    match e {
        PaidEffect::Changed {
            assignment: id,
            period,
            paid_ore: was,
            now_ore: now,
        } => kontakt::tr!(
            "{period} was paid {was} kr and now gives {now} kr: record it with `kontakt report {id} {period} --correct REASON`, and the next pay run pays the difference",
            "{period} betalades med {was} kr och ger nu {now} kr: registrera det med `kontakt report {id} {period} --correct SKÄL`, så betalar nästa lönekörning skillnaden"
        ),
        PaidEffect::Unknown { problem } => problem.clone(),
    }
}

/// `month`, `meetings`, `hour`, `dygn`, or as staff say them: `månad`, `träffar`, `timme`.
fn parse_paid_per(s: &str) -> std::result::Result<PaidPer, String> {
    match s.trim().to_lowercase().as_str() {
        "month" | "månad" | "manad" => Ok(PaidPer::Month),
        "meetings" | "meeting" | "träffar" | "träff" | "nivå" => Ok(PaidPer::Meetings),
        "hour" | "hours" | "timme" | "timmar" | "tim" => Ok(PaidPer::Hour),
        "dygn" | "day" | "stays" | "vistelse" => Ok(PaidPer::Dygn),
        _ => Err(kontakt::tr!(
            "expected month, meetings, hour or dygn, found `{s}`",
            "månad, träffar, timme eller dygn väntades, `{s}` hittades"
        )),
    }
}
