//! `kontakt match suggest|auto|propose|decline`: find the right volunteer for each waiting client.

use kontakt::Result;
use kontakt::matching::auto::Objective;
use kontakt::matching::score::COMPONENTS;
use kontakt::model::assignment::Party;
use kontakt::model::common::parse_word;
use kontakt::ops::matching as ops;
use kontakt::tr;

use super::shell::{assignment_id, client_id, volunteer_id};
use super::show::{named, names};
use super::{Ctx, Output};
use crate::render;

/// Match volunteers to waiting clients, with reasons.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Approved volunteers with a free place for one client, best first, each score explained.
    Suggest(SuggestArgs),
    /// The best plan for every waiting client at once (optimal and deterministic).
    Auto(AutoArgs),
    /// Propose one pair chosen by staff (refused if a hard rule excludes it).
    Propose(ProposeArgs),
    /// Decline a proposal: the pair is not suggested again (only proposed with --again REASON) and the client waits again.
    Decline(DeclineArgs),
}

#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// The waiting client's id (a unique prefix is enough).
    #[arg(add = clap_complete::ArgValueCompleter::new(client_id))]
    pub client: String,
    /// Show at most this many volunteers.
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = super::parse_positive)]
    pub top: usize,
    /// Instead, say which hard rules keep this volunteer from the client.
    #[arg(long, value_name = "VOLUNTEER", add = clap_complete::ArgValueCompleter::new(volunteer_id))]
    pub why_not: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct AutoArgs {
    /// Show the plan without creating the proposals.
    #[arg(long)]
    pub dry_run: bool,
    /// participation: as many clients as possible, then the best total score; score: the best
    /// total score alone.
    #[arg(long, default_value = "participation", value_parser = parse_word::<Objective>)]
    pub objective: Objective,
}

#[derive(Debug, clap::Args)]
pub struct ProposeArgs {
    /// The client: her id (or the start of it), name or personnummer.
    #[arg(add = clap_complete::ArgValueCompleter::new(client_id))]
    pub client: String,
    /// The volunteer: her id (or the start of it), name or personnummer.
    #[arg(add = clap_complete::ArgValueCompleter::new(volunteer_id))]
    pub volunteer: String,
    /// Why this pair (kept in the assignment's file).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Propose a pair that was declined before, saying why it may work now (kept in its
    /// history): a decline is not for ever.
    #[arg(long, value_name = "REASON")]
    pub again: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct DeclineArgs {
    /// The proposal's assignment id.
    #[arg(add = clap_complete::ArgValueCompleter::new(assignment_id))]
    pub assignment: String,
    /// Who said no: client, volunteer or staff.
    #[arg(long, value_parser = parse_word::<Party>)]
    pub by: Party,
    /// Why the pair was declined (kept in the assignment's history).
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    match args.action {
        Action::Suggest(a) => {
            if let Some(v) = a.why_not {
                let client =
                    crate::cli::show::person(ctx, &a.client, &[kontakt::model::Kind::Client])?;
                let v = crate::cli::show::person(ctx, &v, &[kontakt::model::Kind::Volunteer])?;
                let (vid, ex) = ops::why_not(store, &client, &v, ctx.today)?;
                return Ok(Output::ok(if ctx.json {
                    render::json(&serde_json::json!({ "volunteer": vid, "excluded_by": ex }))
                } else if ex.is_empty() {
                    tr!(
                        "{vid}: no hard rule excludes this volunteer\n",
                        "{vid}: inget absolut krav utesluter den här kontaktpersonen\n"
                    )
                } else {
                    ex.iter()
                        .map(|e| match ctx.lang {
                            // The code is for scripts and English readers who look it up.
                            kontakt::lang::Lang::En => {
                                format!("{vid}: {} ({})\n", e.describe(), e.as_str())
                            }
                            kontakt::lang::Lang::Sv => format!("{vid}: {}\n", e.describe()),
                        })
                        .collect()
                }));
            }
            let client = crate::cli::show::person(ctx, &a.client, &[kontakt::model::Kind::Client])?;
            let (s, broken) = ops::suggest(store, &client, a.top, ctx.today)?;
            if ctx.json {
                let list: Vec<_> = s
                    .candidates
                    .iter()
                    .map(|c| {
                        serde_json::json!({
                            "volunteer": c.volunteer,
                            "score": c.score.total,
                            "components": c.score.components.iter().map(|(k, v)| (k.to_string(), serde_json::Value::from(*v))).collect::<serde_json::Map<_, _>>(),
                        })
                    })
                    .collect();
                let mut out = Output::ok(render::json(&list));
                crate::cli::list::name_broken(&mut out, &broken);
                return Ok(out);
            }
            let mut header = vec!["volunteer", "score"];
            header.extend(COMPONENTS);
            header.push("free places");
            let names = names(store, s.candidates.iter().map(|c| c.volunteer));
            let rows = s
                .candidates
                .iter()
                .map(|c| {
                    let mut r = vec![named(&c.volunteer, &names), c.score.total.to_string()];
                    r.extend(c.score.components.iter().map(|(_, n)| n.to_string()));
                    r.push(c.free_places.to_string());
                    r
                })
                .collect();
            let mut out = if s.candidates.is_empty() {
                tr!(
                    "No volunteer passes the hard rules.\n",
                    "Ingen kontaktperson klarar de absoluta kraven.\n"
                )
            } else {
                render::table(&header, rows)
            };
            if !s.excluded.is_empty() {
                out.push_str(&tr!(
                    "Left out by a hard rule:\n",
                    "Uteslutna av ett absolut krav:\n"
                ));
                for (e, n) in &s.excluded {
                    out.push_str(&format!("  {n:>4}  {}\n", e.describe()));
                }
            }
            let mut out = Output::ok(out);
            crate::cli::list::name_broken(&mut out, &broken);
            Ok(out)
        }
        Action::Auto(a) => {
            let ops::Planned {
                plan,
                created: ids,
                names,
            } = ops::auto(store, a.objective, a.dry_run, ctx.today)?;
            if ctx.json {
                let mut v = serde_json::to_value(&plan).unwrap_or_default();
                if !a.dry_run {
                    v["created"] = serde_json::json!(ids);
                }
                return Ok(Output::ok(render::json(&v)));
            }
            let mut out = String::new();
            if !plan.pairs.is_empty() {
                let rows = plan
                    .pairs
                    .iter()
                    .enumerate()
                    .map(|(k, p)| {
                        let mut r = vec![
                            named(&p.client, &names),
                            named(&p.volunteer, &names),
                            p.score.to_string(),
                        ];
                        r.extend(ids.get(k).map(|i| i.to_string()));
                        r
                    })
                    .collect();
                let header: &[&str] = if a.dry_run {
                    &["client", "volunteer", "score"]
                } else {
                    &["client", "volunteer", "score", "proposal"]
                };
                out.push_str(&render::table(header, rows));
            }
            out.push_str(&tr!(
                "{} {}, total score {}, {} unmatched{}\n",
                "{} {}, total poäng {}, {} utan matchning{}\n",
                plan.pairs.len(),
                kontakt::lang::agreeing(
                    plan.pairs.len() as u64,
                    ["matched", "matched"],
                    ["matchad", "matchade"]
                ),
                plan.total_score,
                plan.unmatched.len(),
                if a.dry_run {
                    ctx.lang.pick(
                        " (dry run: nothing written)",
                        " (provkörning: inget skrevs)",
                    )
                } else {
                    ""
                }
            ));
            for u in &plan.unmatched {
                out.push_str(&format!("  {}: {}\n", named(&u.client, &names), u.reason));
            }
            Ok(Output::ok(out))
        }
        Action::Propose(a) => {
            let made = ops::propose(
                store,
                &crate::cli::show::person(ctx, &a.client, &[kontakt::model::Kind::Client])?,
                &crate::cli::show::person(ctx, &a.volunteer, &[kontakt::model::Kind::Volunteer])?,
                a.note,
                a.again.as_deref(),
                ctx.today,
            )?;
            if ctx.json {
                return Ok(Output::ok(render::json(
                    &serde_json::json!({ "id": made.id, "score": made.score }),
                )));
            }
            // The id alone on stdout, as `apply` prints its ids, for a script's `$(…)`; whom
            // it pairs on stderr, for the person who typed it.
            let mut out = Output::ok(format!("{}\n", made.id));
            out.stderr = tr!("proposed: {}\n", "föreslaget: {}\n", pair(store, &made));
            Ok(out)
        }
        Action::Decline(a) => {
            let d = ops::decline(store, &a.assignment, a.by, &a.reason, ctx.today)?;
            Ok(Output::ok(if ctx.json {
                render::json(&serde_json::json!({ "id": d.id, "status": d.status(ctx.today) }))
            } else {
                format!(
                    "{} {} ({})\n",
                    d.id,
                    render::value(&d.status(ctx.today)),
                    pair(store, &d)
                )
            }))
        }
    }
}

/// An assignment's client and volunteer, each named beside her id.
fn pair(store: &kontakt::store::Store, a: &kontakt::model::Assignment) -> String {
    let names = names(store, [a.client, a.volunteer]);
    tr!(
        "{} with {}",
        "{} med {}",
        named(&a.client, &names),
        named(&a.volunteer, &names)
    )
}
