//! `kontakt gallra`: which client files are due for culling, and (with --confirm) culling them.

use kontakt::Result;
use kontakt::ops::gallra;
use kontakt::tr;

use super::{Ctx, Output};
use crate::render;

/// Cull (gallra) client files five years after their last entry (SoL retention). Lists what is
/// due; deletes only with --confirm. Agreements, reports and pay runs are kept for pay.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// List what is due, deleting nothing (the default without --confirm).
    #[arg(long, conflicts_with = "confirm")]
    pub dry_run: bool,
    /// Delete the files listed, in one transaction, recording the ids in culled.toml.
    #[arg(long)]
    pub confirm: bool,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let (due, done) = if a.confirm {
        (gallra::cull(store, ctx.today)?, true)
    } else {
        (gallra::due(store, ctx.today)?, false)
    };
    if ctx.json {
        return Ok(Output::ok(render::json(
            &serde_json::json!({ "culled": done, "clients": due }),
        )));
    }
    if due.is_empty() {
        return Ok(Output::ok(tr!(
            "no client file is due for culling\n",
            "ingen klientakt ska gallras\n"
        )));
    }
    let rows = due
        .iter()
        .map(|d| {
            vec![
                d.client.to_string(),
                d.last_entry.to_string(),
                d.from.to_string(),
                d.deadline.to_string(),
                d.files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        })
        .collect();
    let mut s = render::table(
        &["client", "last entry", "cull from", "cull by", "files"],
        rows,
    );
    s.push_str(&if done {
        kontakt::tr!(
            "{} culled; their ids are in culled.toml\n",
            "{} gallrade; deras id finns i culled.toml\n",
            files(due.len())
        )
    } else {
        kontakt::tr!(
            "{} due; `kontakt gallra --confirm` deletes them\n",
            "{} att gallra; `kontakt gallra --confirm` raderar dem\n",
            files(due.len())
        )
    });
    Ok(Output::ok(s))
}

/// `3 client files` / `3 klientakter`.
fn files(n: usize) -> String {
    kontakt::lang::count(
        n as u64,
        ["client file", "client files"],
        ["klientakt", "klientakter"],
    )
}
