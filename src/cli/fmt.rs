//! `kontakt fmt [--check]`: the canonical layout of every record, keeping people's comments.

use kontakt::Result;
use kontakt::ops;

use super::{Ctx, Output};

/// Rewrite every record in the canonical layout (comments are kept).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Change nothing; list the files that are not in canonical layout and exit 1 if any.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let files = ops::fmt::fmt(store, args.check)?;
    let stdout = if ctx.json {
        crate::render::json(&serde_json::json!({ "files": files, "changed": !args.check }))
    } else {
        files.iter().map(|f| format!("{}\n", f.display())).collect()
    };
    Ok(Output {
        stdout,
        stderr: String::new(),
        code: if args.check && !files.is_empty() {
            1
        } else {
            0
        },
        done: None,
    })
}
