//! `kontakt init [DIR]`: a new records directory with a commented kontakt.toml.

use kontakt::tr;
use std::path::PathBuf;

use kontakt::Result;
use kontakt::ops;

use super::{Ctx, Output};

/// Create a new, empty records directory.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to create it (default: --records). Must be missing or empty.
    pub dir: Option<PathBuf>,
    /// The municipality's name, written into kontakt.toml.
    #[arg(long, default_value = "Kommunen")]
    pub municipality: String,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Output> {
    let dir = args.dir.unwrap_or_else(|| ctx.records.clone());
    ops::init::init(&dir, &args.municipality, ctx.lang)?;
    Ok(Output::ok(if ctx.json {
        crate::render::json(&serde_json::json!({ "records": dir }))
    } else {
        tr!(
            "Created the records directory {}\n",
            "Skapade aktkatalogen {}\n",
            dir.display()
        )
    }))
}
