//! `kontakt check`: every problem as `PATH:LINE: E<code> message`; exit 1 if any.

use kontakt::Result;
use kontakt::ops;
use kontakt::tr;

use super::{Ctx, Output};

/// Read every record and report every problem (silent, exit 0, when all is well).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// First finish (or drop) any operation a killed command left half done (E011).
    #[arg(long)]
    pub repair: bool,
    /// Read and parse every file, neither using nor updating the cache of files unchanged since
    /// the last check (`.kontakt/cache/`, derived and git-ignored).
    #[arg(long)]
    pub no_cache: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    // Opening the store first gives a clear error for a directory that is not one; a broken
    // kontakt.toml is reported below with the rest.
    if !ctx.records.join(kontakt::store::CONFIG_FILE).exists() || args.repair {
        let store = ctx.store()?;
        if args.repair {
            drop(store.lock()?);
        }
    }
    let found = ops::check::check(&ctx.records, ctx.today, !args.no_cache);
    let code = if found.is_empty() { 0 } else { 1 };
    let stdout = if ctx.json {
        crate::render::json(&found)
    } else {
        found.iter().map(|d| format!("{d}\n")).collect()
    };
    let mut stderr = String::new();
    if let Some(w) = ops::check::permission_warning(&ctx.records) {
        stderr.push_str(&tr!("warning: {w}\n", "varning: {w}\n"));
    }
    // A broken kontakt.toml is one of the problems above; a sound one may still lack a year.
    if let Ok(store) = ctx.store() {
        for w in kontakt::rules::prisbasbelopp::warnings(&store.config.compensation, ctx.today)
            .into_iter()
            .chain(ops::check::shortfall_warnings(store, ctx.today))
        {
            stderr.push_str(&tr!("warning: {w}\n", "varning: {w}\n"));
        }
    }
    Ok(Output {
        stdout,
        stderr,
        code,
        done: None,
    })
}
