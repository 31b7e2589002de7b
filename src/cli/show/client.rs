//! `kontakt show CLIENT`: her details, decisions, assignments (with the volunteer's name,
//! current first) and history.

use kontakt::Result;
use kontakt::model::common::word;
use kontakt::model::{Client, Id};
use kontakt::rules::status;
use kontakt::store::Store;
use kontakt::tr;

use super::history;
use crate::cli::Ctx;
use crate::render;

pub fn show(store: &Store, id: &Id, ctx: &Ctx) -> Result<String> {
    let c: Client = store.load(id)?;
    let st = status::client_status(&c, ctx.today);
    Ok(if ctx.json {
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
            ("basis", c.basis.label().to_string()),
            ("area", render::opt(&c.area)),
            ("interests", render::list(&c.interests)),
            ("languages", render::list(&c.languages)),
            ("wants gender", render::value(&c.wants_gender)),
            ("note", render::opt(&c.note)),
            ("handler", render::opt(&c.handler)),
            ("guardians", render::list(&c.guardians)),
            (
                "applied for",
                match c.applied_meetings {
                    Some(m) => format!(
                        "{} {}",
                        word(&c.applied_insats),
                        m.localized(render::lang())
                    ),
                    None => word(&c.applied_insats),
                },
            ),
            ("ivo code", render::opt(&c.ivo_code)),
        ]);
        if !c.decisions.is_empty() {
            s.push_str(&tr!("\nDecisions\n", "\nBeslut\n"));
            s.push_str(&render::table(
                &[
                    "decided", "by", "outcome", "from", "to", "closed", "basis", "meetings",
                    "consent", "reason",
                ],
                c.decisions
                    .iter()
                    .map(|d| {
                        vec![
                            d.decided.to_string(),
                            render::opt(&d.decided_by),
                            render::value(&d.outcome()),
                            render::opt(&d.from()),
                            render::opt(&d.to()),
                            d.closed
                                .as_ref()
                                .map(|c| c.date.to_string())
                                .unwrap_or_default(),
                            d.basis.map(|b| b.label().to_string()).unwrap_or_default(),
                            d.meetings
                                .map(|m| m.localized(render::lang()))
                                .unwrap_or_default(),
                            render::opt(&d.guardian_consent),
                            // A closure's reason where the decision itself has none.
                            d.reason
                                .clone()
                                .or_else(|| {
                                    d.closed.as_ref().map(|c| render::lang().phrases(&c.reason))
                                })
                                .unwrap_or_default(),
                        ]
                    })
                    .collect(),
            ));
        }
        let outcomes: Vec<Vec<String>> = c
            .decisions
            .iter()
            .flat_map(|d| d.follow_ups.iter())
            .map(|f| {
                vec![
                    f.date.to_string(),
                    render::value(&f.goals),
                    render::opt(&f.client_view),
                    render::opt(&f.volunteer_view),
                    render::value(&f.next),
                ]
            })
            .collect();
        if !outcomes.is_empty() {
            s.push_str(&tr!("\nFollow-ups\n", "\nUppföljningar\n"));
            s.push_str(&render::table(
                &["date", "goals", "client says", "volunteer says", "next"],
                outcomes,
            ));
        }
        for (i, d) in c.decisions.iter().enumerate() {
            if let Some(a) = &d.appeal {
                let mut steps = vec![tr!("received {}", "inkom {}", a.received)];
                if let Some(r) = a.reconsidered {
                    steps.push(if a.changed {
                        tr!("reconsidered {r}: changed", "omprövat {r}: ändrat")
                    } else {
                        tr!("reconsidered {r}: unchanged", "omprövat {r}: oförändrat")
                    });
                }
                if let Some(f) = a.forwarded {
                    steps.push(tr!("forwarded {f}", "överlämnat {f}"));
                }
                if let Some(j) = &a.judgment {
                    steps.push(tr!("judgment {}: {}", "dom {}: {}", j.date, j.outcome));
                }
                s.push_str(&tr!(
                    "Appeal of the decision of {}: {}\n",
                    "Överklagande av beslutet {}: {}\n",
                    c.decisions[i].decided,
                    steps.join(", ")
                ));
            }
        }
        let hers = store.assignments_of(&c.id)?;
        let names = super::names(store, hers.iter().map(|a| a.volunteer));
        s.push_str(&super::assignments_table(
            hers,
            |a| a.volunteer,
            "volunteer",
            &names,
            ctx,
        ));
        s.push_str(&history(&c.history));
        s
    })
}
