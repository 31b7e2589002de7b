//! `kontakt plan A --goal TEXT --activity "WHAT | WHO | WHEN"` and `kontakt plan A --print`: the
//! genomförandeplan of an assignment (`ops::plan`).

use kontakt::model::assignment::Activity;
use kontakt::{Result, tr};

use super::shell::assignment_id;
use super::{Ctx, Output};
use crate::render;

/// Make or print the genomförandeplan of an assignment: the goals from the decision, what is
/// done, by whom and when (SOSFS 2014:5).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assignment: its id (a unique prefix is enough), or the client or volunteer whose one open assignment it is.
    #[arg(add = clap_complete::ArgValueCompleter::new(assignment_id))]
    pub assignment: String,
    /// A goal from the decision (repeatable); the plan given replaces the one on file.
    #[arg(long = "goal", value_name = "TEXT", required_unless_present = "print")]
    pub goals: Vec<String>,
    /// An activity as "WHAT | WHO | WHEN" (repeatable).
    #[arg(long = "activity", value_name = "WHAT | WHO | WHEN", value_parser = kontakt::ops::plan::parse_activity)]
    pub activities: Vec<Activity>,
    /// Who made the plan with the client (default: KONTAKT_USER or git's user.name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Print the plan (Swedish unless --lang en) instead of recording one.
    #[arg(long, conflicts_with_all = ["goals", "activities", "by"])]
    pub print: bool,
    /// With --print: md (Markdown) or html (one page, A4 print CSS).
    #[arg(long, requires = "print", default_value = "md", value_name = "md|html")]
    pub format: Option<kontakt::documents::Format>,
    /// With --print: write the document to FILE instead of stdout.
    #[arg(long, requires = "print", value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    if a.print {
        let doc = kontakt::ops::plan::document(
            store,
            &crate::cli::show::assignment(ctx, &a.assignment)?,
        )?;
        let lang = ctx.document_lang();
        let text = kontakt::documents::plan::render(&doc, a.format.unwrap_or_default(), lang);
        return match a.out {
            Some(path) => {
                kontakt::store::atomic::write_file(&path, text.as_bytes())?;
                Ok(Output::ok(tr!(
                    "{} plan written to {}\n",
                    "{} plan skriven till {}\n",
                    doc.assignment,
                    path.display()
                )))
            }
            None => Ok(Output::ok(text)),
        };
    }
    let by = ctx.who(a.by, "").ok();
    let (id, p) = kontakt::ops::plan::plan(
        store,
        &crate::cli::show::assignment(ctx, &a.assignment)?,
        a.goals,
        a.activities,
        by,
        ctx.today,
    )?;
    Ok(Output::ok(if ctx.json {
        render::json(&serde_json::json!({ "id": id, "plan": p }))
    } else {
        tr!(
            "{id}: plan of {} and {} recorded\n",
            "{id}: plan med {} och {} registrerad\n",
            kontakt::lang::count(p.goals.len() as u64, ["goal", "goals"], ["mål", "mål"]),
            kontakt::lang::count(
                p.activities.len() as u64,
                ["activity", "activities"],
                ["aktivitet", "aktiviteter"]
            )
        )
    }))
}
