//! `kontakt hooks install`: a git pre-commit hook that runs `kontakt check` on staged records.

use kontakt::tr;
use kontakt::{Error, Result};

use super::{Ctx, Output};

/// Git hooks for a records repository.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Install a pre-commit hook that refuses commits whose staged records fail `kontakt check`.
    Install,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let Action::Install = args.action;
    let store = ctx.store()?;
    let exe =
        std::env::current_exe().map_err(|e| Error::io("kontakt", "cannot find its own path", e))?;
    let hook = kontakt::store::git::install_hook(store.root(), &exe)?;
    Ok(Output::ok(if ctx.json {
        crate::render::json(&serde_json::json!({ "hook": hook }))
    } else {
        tr!("Installed {}\n", "Installerade {}\n", hook.display())
    }))
}
