//! `kontakt show ID`: one record, readable, with its history.

use kontakt::Result;
use kontakt::model::common::word;
use kontakt::model::{Client, Event, Kind, Volunteer};
use kontakt::rules::{screening, status};

use super::{Ctx, Output};
use crate::render;

/// Show one record (any kind) by id or unique prefix.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The id, or a unique prefix of it.
    #[arg(add = clap_complete::ArgValueCompleter::new(super::shell::any_id))]
    pub id: String,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let id = store.resolve(&args.id, &[Kind::Client, Kind::Volunteer])?;
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
                    ("status", st.as_str().to_string()),
                    ("applied", c.applied.to_string()),
                    ("basis", word(&c.basis)),
                    ("area", render::opt(&c.area)),
                    ("interests", render::list(&c.interests)),
                    ("languages", render::list(&c.languages)),
                    ("wants gender", word(&c.wants_gender)),
                    ("note", render::opt(&c.note)),
                ]);
                if !c.decisions.is_empty() {
                    s.push_str("\nDecisions\n");
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
                                    word(&d.outcome),
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
        _ => {
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
                    ("status", st.as_str().to_string()),
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
    let mut s = String::from("\nHistory\n");
    s.push_str(&render::table(
        &["date", "event", "by", "note"],
        events
            .iter()
            .map(|e| {
                vec![
                    e.date.to_string(),
                    e.event.clone(),
                    render::opt(&e.by),
                    render::opt(&e.note),
                ]
            })
            .collect(),
    ));
    s
}
