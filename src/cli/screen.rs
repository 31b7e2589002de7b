//! `kontakt screen volunteer|client ID`: screening steps, approval, and the needs decision.

use chrono::NaiveDate;
use kontakt::model::common::Insats;
use kontakt::model::common::parse_word;
use kontakt::model::{Basis, Frequency, Verdict};
use kontakt::ops::screen::{self, ClientDecision, VolunteerSteps};
use kontakt::rules::{decision, status};
use kontakt::tr;
use kontakt::{Error, Result};

use super::{Ctx, Output, parse_date};

/// Record screening steps for a volunteer, or the needs decision for a client.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub who: Who,
}

#[derive(Debug, clap::Subcommand)]
pub enum Who {
    /// Interview, references, register checks; then approve or reject.
    Volunteer(VolunteerArgs),
    /// The needs decision: grant for a period, or deny.
    Client(ClientArgs),
}

#[derive(Debug, clap::Args)]
pub struct VolunteerArgs {
    /// The volunteer: her id (a unique prefix is enough), name or personnummer.
    #[arg(add = clap_complete::ArgValueCompleter::new(super::shell::volunteer_id))]
    pub id: String,
    /// The date of the interview.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub interview: Option<NaiveDate>,
    /// A reference call and its verdict, "NAME:ok" or "NAME:concern" (repeatable).
    #[arg(long = "reference", value_parser = screen::parse_reference, value_name = "NAME:ok|concern")]
    pub references: Vec<(String, Verdict)>,
    /// The date of the police-register extract (utdrag ur belastningsregistret).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub police_extract: Option<NaiveDate>,
    /// The date the social services' register (socialregistret) was checked.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub social_register: Option<NaiveDate>,
    /// The date Kronofogden's register was checked (where asked of a kontaktfamilj).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub kronofogden: Option<NaiveDate>,
    /// The date Försäkringskassan's register was checked (where asked of a kontaktfamilj).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub forsakringskassan: Option<NaiveDate>,
    /// A kontaktfamilj: another adult of the household, added if new; the register checks given
    /// in the same command are this adult's, not the applicant's.
    #[arg(long, value_name = "NAME")]
    pub adult: Option<String>,
    /// A kontaktfamilj: the adult (named as recorded) has moved out of the home.
    #[arg(long, value_name = "NAME", conflicts_with = "adult")]
    pub adult_left: Option<String>,
    /// A kontaktfamilj: the date of the home visit (hembesök).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub home_visit: Option<NaiveDate>,
    /// Approve the volunteer; refused, listing what is missing, unless every check is done.
    #[arg(long, conflicts_with = "reject")]
    pub approve: bool,
    /// With --approve: why a referee's concern is answered; approval is refused while a
    /// concern stands without one.
    #[arg(long, value_name = "REASON", requires = "approve")]
    pub despite_concern: Option<String>,
    /// Who records the steps (kept in the history; default KONTAKT_USER or git's user.name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Reject the volunteer, with the reason.
    #[arg(long, value_name = "REASON")]
    pub reject: Option<String>,
    /// The employee number (anställningsnummer) HR issued, which payroll may need.
    #[arg(long, value_name = "N")]
    pub employee_number: Option<String>,
}

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("outcome").required(true).args(["grant", "deny", "follow_up", "delay_reason", "close", "notified", "appeal_received", "appeal_reconsidered", "appeal_forwarded", "appeal_judgment", "print"]))]
pub struct ClientArgs {
    /// The client: her id (a unique prefix is enough), name or personnummer.
    #[arg(add = clap_complete::ArgValueCompleter::new(super::shell::client_id))]
    pub id: String,
    /// Grant a kontaktperson for the period --from to --to.
    #[arg(long, requires_all = ["from", "to"])]
    pub grant: bool,
    /// The first day the decision grants (with --grant).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// The last day the decision grants (with --grant).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// The law the decision rests on: sol or lss (default: the application's).
    #[arg(long, value_parser = parse_word::<Basis>)]
    pub basis: Option<Basis>,
    /// How often they should meet: N/week or N/month.
    #[arg(long)]
    pub meetings: Option<Frequency>,
    /// The date the guardians consented (needed for a child under 15).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub guardian_consent: Option<NaiveDate>,
    /// Deny the application, with the reason.
    #[arg(long, value_name = "REASON", conflicts_with_all = ["grant", "from", "to", "meetings", "guardian_consent"])]
    pub deny: Option<String>,
    /// Record the follow-up (uppföljning) of the decision in force, held on DATE.
    #[arg(long, value_parser = parse_date, value_name = "DATE", conflicts_with_all = ["grant", "deny", "from", "to", "meetings", "guardian_consent", "basis"])]
    pub follow_up: Option<NaiveDate>,
    /// With --follow-up: what the follow-up found; with --close: why the case closed; with
    /// --appeal-judgment: what the court decided.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// With --follow-up: how far the decision's goals were met: met, partly or not.
    #[arg(long, value_parser = parse_word::<kontakt::model::client::Goals>, requires = "follow_up")]
    pub goals: Option<kontakt::model::client::Goals>,
    /// With --follow-up: what happens next: continue, change or end.
    #[arg(long, value_parser = parse_word::<kontakt::model::client::Next>, requires = "follow_up")]
    pub next: Option<kontakt::model::client::Next>,
    /// With --follow-up: what the client says.
    #[arg(long, value_name = "TEXT", requires = "follow_up")]
    pub client_view: Option<String>,
    /// With --follow-up: what the volunteer says.
    #[arg(long, value_name = "TEXT", requires = "follow_up")]
    pub volunteer_view: Option<String>,
    /// Why the decision in force is not yet put into effect (or not resumed after an
    /// interruption), for the report to IVO (`kontakt ivo`); dated today.
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["grant", "deny", "from", "to", "meetings", "guardian_consent", "basis", "follow_up", "close"])]
    pub delay_reason: Option<String>,
    /// The insats granted, when not the one applied for: kontaktperson or kontaktfamilj.
    #[arg(long, value_parser = parse_word::<Insats>, requires = "grant")]
    pub insats: Option<Insats>,
    /// With --grant: the reasons (motivering), needed when less is granted than applied for.
    #[arg(long, value_name = "TEXT", requires = "grant")]
    pub reason: Option<String>,
    /// The day the client received the latest decision (delgivning): the three weeks to appeal
    /// run from it.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub notified: Option<NaiveDate>,
    /// An appeal of the latest decision came in on DATE.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub appeal_received: Option<NaiveDate>,
    /// The appeal was reconsidered (omprövning) on DATE; with --changed, the decision was
    /// changed as it asked.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub appeal_reconsidered: Option<NaiveDate>,
    /// With --appeal-reconsidered: the decision was changed as the appeal asked.
    #[arg(long, requires = "appeal_reconsidered")]
    pub changed: bool,
    /// The appeal was forwarded to the administrative court (förvaltningsrätten) on DATE.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub appeal_forwarded: Option<NaiveDate>,
    /// The court's judgment on DATE, its outcome in --note.
    #[arg(long, value_parser = parse_date, value_name = "DATE", requires = "note")]
    pub appeal_judgment: Option<NaiveDate>,
    /// Print the written decision of the latest decision (`decision`): the legal basis, the
    /// decision, its reasons, its period, and how to appeal when it does not grant in full.
    #[arg(long, value_name = "decision", value_parser = parse_decision_word)]
    pub print: Option<String>,
    /// With --print: md (Markdown) or html (one page, A4 print CSS).
    #[arg(long, requires = "print", default_value = "md", value_name = "md|html")]
    pub format: Option<kontakt::documents::Format>,
    /// With --print: write the document to FILE instead of stdout.
    #[arg(long, requires = "print", value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// The day the decision was made, if not today (a decision taken on paper, entered later).
    #[arg(long, value_parser = parse_date, value_name = "DATE", conflicts_with_all = ["follow_up", "delay_reason", "close"])]
    pub decided: Option<NaiveDate>,
    /// Who decided (or followed up, or closed): kept with the decision and in the history
    /// (default: KONTAKT_USER or git's user.name, when set).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Close the decision in force on DATE, its last day, without its period running out: the
    /// client withdrew the application, the need is gone (the reason in --note).
    #[arg(long, value_parser = parse_date, value_name = "DATE", requires = "note", conflicts_with_all = ["grant", "deny", "from", "to", "meetings", "guardian_consent", "basis", "follow_up"])]
    pub close: Option<NaiveDate>,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    match args.who {
        Who::Volunteer(a) => {
            let steps = VolunteerSteps {
                interview: a.interview,
                references: a.references,
                police_extract: a.police_extract,
                social_register: a.social_register,
                kronofogden: a.kronofogden,
                forsakringskassan: a.forsakringskassan,
                adult: a.adult,
                adult_left: a.adult_left,
                home_visit: a.home_visit,
                approve: a.approve,
                despite_concern: a.despite_concern,
                reject: a.reject,
                employee_number: a.employee_number,
                by: ctx.who(a.by, "").ok(),
            };
            let who = crate::cli::show::person(ctx, &a.id, &[kontakt::model::Kind::Volunteer])?;
            let done = screen::screen_volunteer(store, &who, steps, ctx.today)?;
            let v = &done.volunteer;
            let st = status::volunteer_status(v);
            let mut out = Output::ok(if ctx.json {
                crate::render::json(&serde_json::json!({
                    "id": v.id,
                    "status": st,
                    "approval_refused": done.approval_refused,
                    "warnings": done.warnings,
                }))
            } else {
                format!("{} {} {}\n", v.id, v.name, ctx.lang.word(st.as_str()))
            });
            for w in &done.warnings {
                out.stderr
                    .push_str(&tr!("warning: {w}\n", "varning: {w}\n"));
            }
            if !done.approval_refused.is_empty() {
                // The steps are on file; only the approval is refused.
                out.stderr.push_str(&tr!(
                    "the steps are recorded; approval refused, still missing:\n",
                    "stegen är registrerade; godkännandet nekas, det saknas fortfarande:\n"
                ));
                for m in &done.approval_refused {
                    out.stderr.push_str(&format!("  - {m}\n"));
                }
                out.code = 1;
            }
            Ok(out)
        }
        Who::Client(a) => {
            if a.print.is_some() {
                return print_decision(a, ctx);
            }
            if a.note.is_some()
                && a.follow_up.is_none()
                && a.close.is_none()
                && a.appeal_judgment.is_none()
            {
                return Err(Error::arg(
                    "--note",
                    tr!(
                        "goes with --follow-up, --close or --appeal-judgment",
                        "hör till --follow-up, --close eller --appeal-judgment"
                    ),
                ));
            }
            use kontakt::rules::appeal::Step as AppealStep;
            let next_step = a.next;
            let goals = a.goals;
            let step = match (
                a.notified,
                a.appeal_received,
                a.appeal_reconsidered,
                a.appeal_forwarded,
                a.appeal_judgment,
            ) {
                (Some(date), ..) => Some(ClientDecision::Notified { date }),
                (_, Some(d), ..) => Some(ClientDecision::Appeal(AppealStep::Received(d))),
                (_, _, Some(date), ..) => Some(ClientDecision::Appeal(AppealStep::Reconsidered {
                    date,
                    changed: a.changed,
                })),
                (_, _, _, Some(d), _) => Some(ClientDecision::Appeal(AppealStep::Forwarded(d))),
                (.., Some(date)) => Some(ClientDecision::Appeal(AppealStep::Judgment {
                    date,
                    outcome: a.note.clone().unwrap_or_default(),
                })),
                _ => None,
            };
            let decision = match (step, a.deny, a.follow_up, a.delay_reason, a.close) {
                (Some(step), ..) => step,
                (_, _, _, Some(reason), _) => ClientDecision::DelayReason { reason },
                (_, _, _, _, Some(date)) => ClientDecision::Close {
                    date,
                    reason: a.note.unwrap_or_default(),
                },
                (_, _, Some(date), _, _) => ClientDecision::FollowUp {
                    date,
                    note: a.note,
                    outcome: match (a.goals, a.next) {
                        (Some(goals), Some(next)) => Some(kontakt::model::client::FollowUp {
                            date: date.into(),
                            goals,
                            client_view: a.client_view,
                            volunteer_view: a.volunteer_view,
                            next,
                        }),
                        (None, None) if a.client_view.is_none() && a.volunteer_view.is_none() => {
                            None
                        }
                        _ => {
                            return Err(Error::arg(
                                "--follow-up",
                                tr!(
                                    "an outcome needs both --goals met|partly|not and --next continue|change|end",
                                    "ett utfall behöver både --goals met|partly|not och --next continue|change|end"
                                ),
                            ));
                        }
                    },
                },
                (_, Some(reason), None, _, _) => ClientDecision::Deny {
                    reason,
                    decided: a.decided,
                },
                (None, None, None, None, None) => ClientDecision::Grant {
                    from: a
                        .from
                        .ok_or_else(|| Error::arg("--grant", "needs --from DATE"))?,
                    to: a
                        .to
                        .ok_or_else(|| Error::arg("--grant", "needs --to DATE"))?,
                    basis: a.basis,
                    meetings: a.meetings,
                    guardian_consent: a.guardian_consent,
                    decided: a.decided,
                    insats: a.insats,
                    reason: a.reason,
                },
            };
            let recorded = match &decision {
                ClientDecision::DelayReason { .. } => Some(tr!(
                    "the reason for the delay recorded",
                    "skälet till dröjsmålet registrerat"
                )),
                ClientDecision::Close { date, .. } => Some(tr!(
                    "the decision closed on {date}",
                    "beslutet avslutat den {date}"
                )),
                ClientDecision::Notified { date } => Some(tr!(
                    "the decision reached the client on {date}",
                    "beslutet delgavs klienten den {date}"
                )),
                ClientDecision::Appeal(step) => Some(match step {
                    AppealStep::Received(d) => {
                        tr!("the appeal received {d}", "överklagandet inkom {d}")
                    }
                    AppealStep::Reconsidered { date, .. } => tr!(
                        "the appeal reconsidered {date}",
                        "överklagandet omprövat {date}"
                    ),
                    AppealStep::Forwarded(d) => tr!(
                        "the appeal forwarded to the court {d}",
                        "överklagandet överlämnat till förvaltningsrätten {d}"
                    ),
                    AppealStep::Judgment { date, .. } => tr!(
                        "the judgment of {date} recorded",
                        "domen från {date} registrerad"
                    ),
                }),
                _ => None,
            };
            let by = ctx.who(a.by, "").ok();
            let appeal_received = a.appeal_received.is_some();
            let who = crate::cli::show::person(ctx, &a.id, &[kontakt::model::Kind::Client])?;
            let (id, d) = screen::screen_client(store, &who, decision, by, ctx.today)?;
            // An appeal in after the three weeks is recorded, and said to be late.
            let late = (appeal_received && kontakt::rules::appeal::late(&d))
                .then(|| kontakt::rules::appeal::last_day_to_appeal(&d))
                .flatten()
                .map(|last| {
                    tr!(
                        "warning: the appeal came in after the three weeks (the last day was {last}): a late appeal is rejected (avvisas) unless it reached the court or another authority in time\n",
                        "varning: överklagandet kom in efter tre veckor (sista dagen var {last}): ett för sent överklagande avvisas om det inte kommit in till domstolen eller en annan myndighet i tid\n"
                    )
                });
            if let (Some(said), false) = (recorded, ctx.json) {
                let who = crate::cli::show::labelled(store, &id);
                let mut out = Output::ok(format!("{who}: {said}\n"));
                out.stderr.extend(late);
                return Ok(out);
            }
            Ok(Output::ok(if ctx.json {
                crate::render::json(&serde_json::json!({ "id": id, "decision": d }))
            } else {
                match (
                    a.follow_up,
                    decision::follow_up_due(&d, &store.config.clients),
                ) {
                    (Some(_), Some(next)) => {
                        use kontakt::model::client::Next;
                        let then = match next_step {
                            // The reason the follow-up gives: a reached goal only when the
                            // goals were met.
                            Some(Next::End) => {
                                // The reason as the reader types it: `"målet uppnått"` in Swedish.
                                let why = match (goals, ctx.lang) {
                                    (
                                        Some(kontakt::model::client::Goals::Met),
                                        kontakt::lang::Lang::Sv,
                                    ) => "\"målet uppnått\"",
                                    (Some(kontakt::model::client::Goals::Met), _) => "goal_reached",
                                    (_, kontakt::lang::Lang::Sv) => "\"klientens begäran\"|annat",
                                    _ => "client_request|other",
                                };
                                tr!(
                                    "; it says the insats ends: kontakt end {id} --date DATE --reason {why}",
                                    "; den säger att insatsen avslutas: kontakt end {id} --date DATUM --reason {why}"
                                )
                            }
                            Some(Next::Change) => tr!(
                                "; it says the insats changes: new terms (kontakt agree A --change-from DATE) or a new decision",
                                "; den säger att insatsen ändras: nya villkor (kontakt agree A --change-from DATUM) eller ett nytt beslut"
                            ),
                            _ => String::new(),
                        };
                        tr!(
                            "{} followed up; the next follow-up is due {next}{then}\n",
                            "{} följdes upp; nästa uppföljning ska ske {next}{then}\n",
                            crate::cli::show::labelled(store, &id)
                        )
                    }
                    // Followed up, and no next one: the decision is closed.
                    (Some(_), None) => tr!(
                        "{} followed up; the decision is closed (last day {}), so no further follow-up is due\n",
                        "{} följdes upp; beslutet är avslutat (sista dag {}), så ingen ytterligare uppföljning ska ske\n",
                        crate::cli::show::labelled(store, &id),
                        crate::render::opt(&d.last_day())
                    ),
                    _ => format!(
                        "{} {}\n",
                        crate::cli::show::labelled(store, &id),
                        ctx.lang.word(&kontakt::model::common::word(&d.outcome()))
                    ),
                }
            }))
        }
    }
}

/// `screen client C --print decision`: the written decision (`documents::decision`).
fn print_decision(a: ClientArgs, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let who = crate::cli::show::person(ctx, &a.id, &[kontakt::model::Kind::Client])?;
    let doc = screen::decision_document(store, &who, ctx.today)?;
    // Swedish first: the client's decision is in Swedish unless English is asked for.
    let lang = ctx.document_lang();
    let text = kontakt::documents::decision::render(&doc, a.format.unwrap_or_default(), lang);
    match a.out {
        Some(path) => {
            kontakt::store::atomic::write_file(&path, text.as_bytes())?;
            Ok(Output::ok(tr!(
                "{} decision written to {}\n",
                "{} beslut skrivet till {}\n",
                doc.client,
                path.display()
            )))
        }
        None => Ok(Output::ok(text)),
    }
}

/// `decision`, or as staff say it, `beslut`: the one document `--print` writes here.
fn parse_decision_word(s: &str) -> std::result::Result<String, String> {
    match s.trim().to_lowercase().as_str() {
        "decision" | "beslut" => Ok("decision".into()),
        _ => Err(kontakt::tr!(
            "expected decision, found `{s}`",
            "väntade beslut, fann `{s}`"
        )),
    }
}
