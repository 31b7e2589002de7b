//! `kontakt check`: every problem in the records as `PATH:LINE: E<code> message`; exit 1 if any.

use kontakt::Result;
use kontakt::ops;

use super::{Ctx, Output};

/// Read every record and report every problem (silent, exit 0, when all is well).
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, ctx: &Ctx) -> Result<Output> {
    // Opening the store first gives a clear error for a directory that is not one.
    if !ctx.records.join(kontakt::store::CONFIG_FILE).exists() {
        ctx.store()?;
    }
    let found = ops::check::check(&ctx.records, ctx.today);
    let code = if found.is_empty() { 0 } else { 1 };
    let stdout = if ctx.json {
        crate::render::json(&found)
    } else {
        found.iter().map(|d| format!("{d}\n")).collect()
    };
    Ok(Output {
        stdout,
        stderr: String::new(),
        code,
    })
}
