//! `kontakt show ID`: one record, readable, with its history; one file per kind of record.

mod assignment;
mod client;
mod run;
mod volunteer;

use std::collections::HashMap;

use kontakt::Result;
use kontakt::model::{Assignment, Event, Id, Kind, PayRun};
use kontakt::store::Store;
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
    let id = resolve_person(store, &args.id, &Kind::ALL, ctx)?;
    if args
        .format
        .as_deref()
        .is_some_and(|f| f.eq_ignore_ascii_case("html"))
    {
        if id.kind() != Kind::PayRun {
            return Err(kontakt::Error::arg(
                "--format",
                kontakt::tr!(
                    "html is for pay runs; an agreement prints with `kontakt agree ID --print --format html`, a written decision with `kontakt screen client ID --print decision --format html`",
                    "html gäller lönekörningar; ett avtal skrivs ut med `kontakt agree ID --print --format html`, ett skriftligt beslut med `kontakt screen client ID --print decision --format html`"
                ),
            ));
        }
        let run: PayRun = store.load(&id)?;
        let page = kontakt::documents::payrun::html(
            &run,
            &names(store, run.lines.iter().map(|l| l.volunteer)),
            &store.config.municipality,
            ctx.lang,
        )?;
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
        Kind::Client => client::show(store, &id, ctx)?,
        Kind::Volunteer => volunteer::show(store, &id, ctx)?,
        Kind::Assignment => assignment::show(store, &id, ctx)?,
        Kind::PayRun => run::show(store, &id, ctx)?,
    };
    Ok(Output::ok(out))
}

/// The names of the people `ids` name (clients and volunteers), for showing beside the ids;
/// only those records are read (a country has 100 000 people on file). A record no longer on
/// file (a culled client) has no name to show.
pub(crate) fn names(store: &Store, ids: impl IntoIterator<Item = Id>) -> HashMap<Id, String> {
    let mut out = HashMap::new();
    for id in ids {
        if out.contains_key(&id) {
            continue;
        }
        let name = match id.kind() {
            Kind::Client => store
                .load::<kontakt::model::Client>(&id)
                .ok()
                .map(|c| c.name),
            Kind::Volunteer => store
                .load::<kontakt::model::Volunteer>(&id)
                .ok()
                .map(|v| v.name),
            _ => None,
        };
        if let Some(n) = name {
            out.insert(id, n);
        }
    }
    out
}

/// `id` as a person reads it in a command's answer: a client or volunteer with her name, an
/// assignment with its client and volunteer (`A-… (C-… Elsa Lind / V-… Anna Åberg)`); the id
/// alone when the record cannot be read.
pub(crate) fn labelled(store: &Store, id: &Id) -> String {
    match id.kind() {
        Kind::Assignment => match store.load::<Assignment>(id) {
            Ok(a) => {
                let names = names(store, [a.client, a.volunteer]);
                format!(
                    "{id} ({} / {})",
                    named(&a.client, &names),
                    named(&a.volunteer, &names)
                )
            }
            Err(_) => id.to_string(),
        },
        _ => named(id, &names(store, [*id])),
    }
}

/// `C-7Q2K9M Elsa Lind`: an id with the name beside it, when the record is on file.
pub(crate) fn named(id: &Id, names: &HashMap<Id, String>) -> String {
    match names.get(id) {
        Some(n) => format!("{id} {n}"),
        None => id.to_string(),
    }
}

/// A person's assignments, open ones first, then the latest proposed: the other party (by
/// `other`) named beside the id.
fn assignments_table(
    mut list: Vec<Assignment>,
    other: fn(&Assignment) -> Id,
    header: &'static str,
    names: &HashMap<Id, String>,
    ctx: &Ctx,
) -> String {
    if list.is_empty() {
        return String::new();
    }
    list.sort_by(|a, b| {
        (!a.is_open(ctx.today), std::cmp::Reverse(a.proposed), a.id).cmp(&(
            !b.is_open(ctx.today),
            std::cmp::Reverse(b.proposed),
            b.id,
        ))
    });
    let mut s = tr!("\nAssignments\n", "\nUppdrag\n");
    s.push_str(&render::table(
        &["assignment", header, "status", "start", "last day"],
        list.iter()
            .map(|a| {
                vec![
                    a.id.to_string(),
                    named(&other(a), names),
                    render::value(&a.status(ctx.today)),
                    render::opt(&a.agreement.as_ref().map(|g| g.start)),
                    render::opt(&a.last_day()),
                ]
            })
            .collect(),
    ));
    s
}

pub(super) fn history(events: &[Event]) -> String {
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
                    // A closure's or a leaving's note starts with the reason's word.
                    e.note
                        .as_deref()
                        .map(|n| {
                            render::lang()
                                .ending_note(n)
                                .unwrap_or_else(|| n.to_string())
                        })
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    ));
    s
}

/// `C-…`, `V-…`, `A-…` or `P-…`: the start of an id as one is written, kind letter and dash.
fn looks_like_id(text: &str) -> bool {
    let mut c = text.chars();
    let kind = c
        .next()
        .and_then(|k| Kind::from_letter(k.to_ascii_uppercase()));
    kind.is_some() && c.next() == Some('-')
}

/// The record `text` names: an id or a unique prefix of one, else a person found by name or
/// personnummer (`kontakt find`) when exactly one matches. Several are listed to choose from;
/// a personnummer typed is never echoed back.
/// The id of the person `text` names, of one of `kinds`, as a command takes it: `end Elsa`,
/// `match suggest Lea` work as `show Elsa` does.
pub fn person(ctx: &Ctx, text: &str, kinds: &[Kind]) -> Result<String> {
    Ok(resolve_person(ctx.store()?, text, kinds, ctx)?.to_string())
}

/// An assignment as staff name it: its id (or the start of it), or the client or volunteer
/// whose one open assignment it is (`kontakt report Johan 2026-10 …`). A person with several
/// open assignments is asked which, each named.
pub fn assignment(ctx: &Ctx, text: &str) -> Result<String> {
    let store = ctx.store()?;
    let err = match store.resolve(text, &[Kind::Assignment]) {
        Ok(id) => return Ok(id.to_string()),
        Err(e @ kontakt::Error::Ambiguous { .. }) => return Err(e),
        Err(e) if looks_like_id(text) => return Err(e),
        Err(e) => e,
    };
    let person = match resolve_person(store, text, &[Kind::Client, Kind::Volunteer], ctx) {
        Ok(p) => p,
        // Several people of that name: the candidates, not "no assignment matches".
        Err(e @ kontakt::Error::Refused { .. }) => return Err(e),
        Err(_) => return Err(err),
    };
    let open: Vec<Assignment> = store
        .assignments_of(&person)?
        .into_iter()
        .filter(|a| a.is_open(ctx.today))
        .collect();
    match open.as_slice() {
        [one] => Ok(one.id.to_string()),
        [] => Err(kontakt::Error::refused(vec![tr!(
            "{} has no open assignment",
            "{} har inget öppet uppdrag",
            labelled(store, &person)
        )])),
        many => Err(kontakt::Error::refused(vec![
            std::iter::once(tr!(
                "{} has {} open assignments; give one of these ids:",
                "{} har {} öppna uppdrag; ange ett av dessa id:",
                labelled(store, &person),
                many.len()
            ))
            .chain(
                many.iter()
                    .map(|a| format!("\n    {}", labelled(store, &a.id))),
            )
            .collect(),
        ])),
    }
}

pub fn resolve_person(
    store: &kontakt::store::Store,
    text: &str,
    kinds: &[Kind],
    ctx: &Ctx,
) -> Result<kontakt::model::Id> {
    let err = match store.resolve(text, kinds) {
        Ok(id) => return Ok(id),
        // A prefix of several ids typed as one (`P-` with many pay runs) is answered with
        // those ids, not with a person whose name happens to match it; a bare `a` may be a name.
        Err(e @ kontakt::Error::Ambiguous { .. }) if looks_like_id(text) => return Err(e),
        Err(e) => e,
    };
    // A file that cannot be read is `check`'s to name; the search looks through the rest.
    let (mut hits, _broken) = kontakt::ops::find::find(store, text, ctx.today)?;
    hits.retain(|h| kinds.contains(&h.id.kind()));
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
        // One reason, the candidates indented under it: they are choices, not reasons.
        _ => Err(kontakt::Error::refused(vec![
            std::iter::once(tr!(
                "{} people match; give one of these ids:",
                "{} personer matchar; ange ett av dessa id:",
                hits.len()
            ))
            .chain(hits.iter().map(|h| {
                format!(
                    "\n    {} {} ({}, {})",
                    h.id,
                    h.name,
                    render::word(h.kind),
                    render::pnr(&h.pnr, false)
                )
            }))
            .collect(),
        ])),
    }
}
