//! `kontakt show ID`: one record, readable, with its history.

use kontakt::Result;
use kontakt::model::common::word;
use kontakt::model::{Assignment, Client, Event, Kind, PayRun, Volunteer};
use kontakt::rules::{screening, status};
use kontakt::tr;

use super::{Ctx, Output};
use crate::render;

/// Show one record (any kind) by id or unique prefix.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The id, or a unique prefix of it.
    #[arg(add = clap_complete::ArgValueCompleter::new(super::shell::any_id))]
    pub id: String,
    /// `html`: a pay run's summary as a page to print and attest (A4); `text` (default) for
    /// the terminal.
    #[arg(long, value_name = "text|html", value_parser = ["text", "html"])]
    pub format: Option<String>,
    /// Write the page to FILE instead of stdout (with `--format html`).
    #[arg(long, value_name = "FILE", requires = "format")]
    pub out: Option<std::path::PathBuf>,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let id = resolve_person(store, &args.id, ctx)?;
    if args.format.as_deref() == Some("html") {
        if id.kind() != Kind::PayRun {
            return Err(kontakt::Error::arg(
                "--format",
                "html is for pay runs; an agreement prints with `kontakt agree ID --print --format html`",
            ));
        }
        let run: PayRun = store.load(&id)?;
        let page = kontakt::documents::payrun::html(&run, &store.config.municipality, ctx.lang)?;
        return Ok(match &args.out {
            Some(path) => {
                kontakt::store::atomic::write_file(path, page.as_bytes())?;
                Output::ok(format!(
                    "{id} {} {}\n",
                    ctx.lang.pick("written to", "skriven till"),
                    path.display()
                ))
            }
            None => Output::ok(page),
        });
    }
    let out = match id.kind() {
        Kind::Client => {
            let c: Client = store.load(&id)?;
            let st = status::client_status(&c, ctx.today);
            if ctx.json {
                let mut v = render::record_json(&c, ctx.show_pnr, &c.pnr);
                v["status"] = serde_json::to_value(st).unwrap_or_default();
                render::json(&v)
            } else {
                let mut s = render::fields(&[
                    ("client", c.id.to_string()),
                    ("name", c.name.clone()),
                    ("personnummer", render::pnr(&c.pnr, ctx.show_pnr)),
                    ("status", render::word(st.as_str())),
                    ("applied", c.applied.to_string()),
                    ("basis", word(&c.basis)),
                    ("area", render::opt(&c.area)),
                    ("interests", render::list(&c.interests)),
                    ("languages", render::list(&c.languages)),
                    ("wants gender", word(&c.wants_gender)),
                    ("note", render::opt(&c.note)),
                    ("ivo code", render::opt(&c.ivo_code)),
                ]);
                if !c.decisions.is_empty() {
                    s.push_str(&tr!("\nDecisions\n", "\nBeslut\n"));
                    s.push_str(&render::table(
                        &[
                            "decided", "outcome", "from", "to", "basis", "meetings", "consent",
                            "reason",
                        ],
                        c.decisions
                            .iter()
                            .map(|d| {
                                vec![
                                    d.decided.to_string(),
                                    render::word(&word(&d.outcome)),
                                    render::opt(&d.from),
                                    render::opt(&d.to),
                                    d.basis.map(|b| word(&b)).unwrap_or_default(),
                                    render::opt(&d.meetings),
                                    render::opt(&d.guardian_consent),
                                    render::opt(&d.reason),
                                ]
                            })
                            .collect(),
                    ));
                }
                s.push_str(&history(&c.history));
                s
            }
        }
        Kind::PayRun => {
            let run: PayRun = store.load(&id)?;
            if ctx.json {
                render::json(&run)
            } else {
                pay_run(&run)
            }
        }
        Kind::Assignment => {
            let a: Assignment = store.load(&id)?;
            let st = a.status(ctx.today);
            let reports = store.reports_of(&a.id)?;
            if ctx.json {
                let mut v = serde_json::to_value(&a).unwrap_or_default();
                v["status"] = serde_json::to_value(st).unwrap_or_default();
                v["reports"] = serde_json::to_value(&reports).unwrap_or_default();
                render::json(&v)
            } else {
                let ag = a.agreement.as_ref();
                let mut s = render::fields(&[
                    ("assignment", a.id.to_string()),
                    ("client", a.client.to_string()),
                    ("volunteer", a.volunteer.to_string()),
                    ("status", render::word(&word(&st))),
                    ("proposed", a.proposed.to_string()),
                    ("score", render::opt(&a.score)),
                    ("note", render::opt(&a.note)),
                    ("start", render::opt(&ag.map(|g| g.start))),
                    ("last day", render::opt(&a.last_day())),
                    ("signed", render::opt(&ag.and_then(|g| g.signed))),
                    (
                        "confidentiality",
                        render::opt(&ag.and_then(|g| g.confidentiality_signed)),
                    ),
                    (
                        "cost centre",
                        render::opt(&ag.and_then(|g| g.cost_center.clone())),
                    ),
                    (
                        "declined",
                        a.declined
                            .as_ref()
                            .map(|d| {
                                tr!(
                                    "{} by {}: {}",
                                    "{} av {}: {}",
                                    d.date,
                                    word(&d.by),
                                    d.reason
                                )
                            })
                            .unwrap_or_default(),
                    ),
                    (
                        "ended",
                        a.ended
                            .as_ref()
                            .map(|e| format!("{} ({})", e.date, word(&e.reason)))
                            .unwrap_or_default(),
                    ),
                ]);
                if let Some(g) = ag {
                    let tariffs = &store.config.compensation;
                    let year = chrono::Datelike::year(&ctx.today);
                    s.push_str(&tr!("\nTerms\n", "\nVillkor\n"));
                    s.push_str(&render::table(
                        &[
                            "from",
                            "meetings",
                            "fee / month",
                            "expenses / month",
                            "reason",
                        ],
                        g.terms
                            .iter()
                            .map(|t| {
                                let y = year.max(chrono::Datelike::year(&t.from));
                                let kr = |c: &kontakt::model::assignment::Compensation| match c
                                    .monthly(tariffs, y)
                                {
                                    Ok(Some(m)) => render::amount(m),
                                    _ => "?".into(),
                                };
                                vec![
                                    t.from.to_string(),
                                    t.meetings.to_string(),
                                    kr(&t.fee),
                                    kr(&t.expense),
                                    render::opt(&t.reason),
                                ]
                            })
                            .collect(),
                    ));
                }
                if !reports.is_empty() {
                    s.push_str(&tr!("\nReports\n", "\nRapporter\n"));
                    s.push_str(&render::table(
                        &["month", "meetings", "approved"],
                        reports
                            .iter()
                            .map(|r| {
                                vec![
                                    r.month.to_string(),
                                    r.meetings.len().to_string(),
                                    r.approved
                                        .as_ref()
                                        .map(|x| x.date.to_string())
                                        .unwrap_or_else(|| "no".into()),
                                ]
                            })
                            .collect(),
                    ));
                }
                s.push_str(&history(&a.history));
                s
            }
        }
        Kind::Volunteer => {
            let v: Volunteer = store.load(&id)?;
            let st = status::volunteer_status(&v);
            if ctx.json {
                let mut j = render::record_json(&v, ctx.show_pnr, &v.pnr);
                j["status"] = serde_json::to_value(st).unwrap_or_default();
                render::json(&j)
            } else {
                let sc = &v.screening;
                let refs = sc
                    .references
                    .iter()
                    .map(|r| format!("{} ({}, {})", r.name, word(&r.verdict), r.date))
                    .collect::<Vec<_>>()
                    .join("; ");
                let mut s = render::fields(&[
                    ("volunteer", v.id.to_string()),
                    ("name", v.name.clone()),
                    ("personnummer", render::pnr(&v.pnr, ctx.show_pnr)),
                    ("status", render::word(st.as_str())),
                    ("applied", v.applied.to_string()),
                    ("email", render::opt(&v.email)),
                    ("phone", render::opt(&v.phone)),
                    ("area", render::opt(&v.area)),
                    ("interests", render::list(&v.interests)),
                    ("languages", render::list(&v.languages)),
                    (
                        "availability",
                        v.availability
                            .iter()
                            .map(word)
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    ("capacity", v.capacity.to_string()),
                    ("interview", render::opt(&sc.interview)),
                    ("references", refs),
                    ("police extract", render::opt(&sc.police_extract)),
                    (
                        "extract valid to",
                        render::opt(&screening::extract_expires(&v, &store.config.volunteers)),
                    ),
                    ("social register", render::opt(&sc.social_register)),
                    ("approved", render::opt(&sc.approved)),
                    ("rejected", render::opt(&sc.rejected)),
                    ("reason", render::opt(&sc.rejection_reason)),
                ]);
                s.push_str(&history(&v.history));
                s
            }
        }
    };
    Ok(Output::ok(out))
}

fn history(events: &[Event]) -> String {
    if events.is_empty() {
        return String::new();
    }
    let mut s = tr!("\nHistory\n", "\nHistorik\n");
    s.push_str(&render::table(
        &["date", "event", "by", "note"],
        events
            .iter()
            .map(|e| {
                vec![
                    e.date.to_string(),
                    render::lang().phrases(&e.event),
                    render::opt(&e.by),
                    render::opt(&e.note),
                ]
            })
            .collect(),
    ));
    s
}

/// A pay run: who ran it and when, its file, and every line.
fn pay_run(run: &PayRun) -> String {
    let mut s = render::fields(&[
        ("id", run.id.to_string()),
        ("month", run.month.to_string()),
        (
            "created",
            run.created.format("%Y-%m-%d %H:%M:%S").to_string(),
        ),
        ("by", run.user.clone()),
        ("file", format!("{} ({})", run.file, run.format)),
        ("sha256", run.sha256.clone()),
        ("total", run.total_ore.localized(render::lang())),
    ]);
    s.push('\n');
    s.push_str(&render::table(
        &[
            "assignment",
            "volunteer",
            "period",
            "days",
            "kind",
            "löneart",
            "kr",
        ],
        run.lines
            .iter()
            .map(|l| {
                vec![
                    l.assignment.to_string(),
                    l.volunteer.to_string(),
                    l.period.to_string(),
                    format!("{}/{}", l.days, l.period.days()),
                    match l.corrects {
                        Some(k) => tr!("correction of {}", "rättelse av {}", word(&k)),
                        None => word(&l.kind),
                    },
                    l.wage_type.clone(),
                    render::amount(l.amount),
                ]
            })
            .collect(),
    ));
    s
}

/// The record `text` names: an id or a unique prefix of one, else a person found by name or
/// personnummer (`kontakt find`) when exactly one matches. Several are listed to choose from;
/// a personnummer typed is never echoed back.
fn resolve_person(
    store: &kontakt::store::Store,
    text: &str,
    ctx: &Ctx,
) -> Result<kontakt::model::Id> {
    let err = match store.resolve(text, &Kind::ALL) {
        Ok(id) => return Ok(id),
        Err(e) => e,
    };
    let hits = kontakt::ops::find::find(store, text, ctx.today)?;
    match hits.len() {
        1 => Ok(hits[0].id),
        // Something shaped like a personnummer, valid or mistyped, is not repeated.
        0 if text.chars().filter(char::is_ascii_digit).count() >= 10 => {
            Err(kontakt::Error::refused(vec![tr!(
                "nobody on file has that personnummer (or it is mistyped)",
                "ingen i akterna har det personnumret (eller är det felskrivet)"
            )]))
        }
        0 => Err(err),
        _ => Err(kontakt::Error::refused(
            std::iter::once(tr!(
                "{} people match; give one of these ids:",
                "{} personer matchar; ange ett av dessa id:",
                hits.len()
            ))
            .chain(hits.iter().map(|h| {
                format!(
                    "{} {} ({}, {})",
                    h.id,
                    h.name,
                    render::word(h.kind),
                    render::pnr(&h.pnr, false)
                )
            }))
            .collect(),
        )),
    }
}
