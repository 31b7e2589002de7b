//! `kontakt hooks install`: git hooks that run `kontakt check` on the records committed and
//! merged (`store::git::HOOKS`).

use kontakt::error::IoOp;
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
    // pre-commit checks the staged records, pre-merge-commit the merged ones (two branches that
    // paid the same month are a line paid twice, E017), and post-merge reports what `check`
    // finds after any merge, a pull or fast-forward included (`store::git::HOOKS`).
    /// Install git hooks that refuse commits and merges whose records fail `kontakt check`
    Install,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let Action::Install = args.action;
    let store = ctx.store()?;
    let exe = std::env::current_exe().map_err(|e| Error::io("kontakt", IoOp::FindSelf, e))?;
    let hooks = kontakt::store::git::install_hooks(store.root(), &exe)?;
    Ok(Output::ok(if ctx.json {
        crate::render::json(&serde_json::json!({ "hook": hooks.first(), "hooks": hooks }))
    } else {
        hooks
            .iter()
            .map(|h| tr!("Installed {}\n", "Installerade {}\n", h.display()))
            .collect()
    }))
}
