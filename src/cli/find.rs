//! `kontakt find TEXT`: find clients and volunteers by name, personnummer, area, phone or e-mail.

use kontakt::Result;
use kontakt::ops::find::{self, Hit};
use serde_json::json;

use super::listing::{self, Cell, Column};
use super::{Ctx, Output};
use crate::render;

/// Find clients and volunteers by name (parts, any case, with or without accents),
/// personnummer (any common form), area, phone or e-mail
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to look for: `Elsa`, `asa lind`, `20130501-2385`, `Norr`, `070-123 45 67`.
    #[arg(required = true, num_args = 1.., value_name = "TEXT")]
    pub text: Vec<String>,
}

/// The open assignments of a hit, as a person reads them: `A-… with V-… Anna Berg (active)`.
fn with_text(h: &Hit) -> String {
    h.with
        .iter()
        .map(|w| {
            format!(
                "{} {} {} {} ({})",
                w.assignment,
                render::lang().pick("with", "med"),
                w.id,
                w.name,
                render::word(&w.status)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let text = a.text.join(" ");
    let (hits, broken) = find::find(store, &text, ctx.today)?;
    let mut out = found(hits, &text, ctx)?;
    crate::cli::list::name_broken(&mut out, &broken);
    Ok(out)
}

/// A hit as it is listed: the personnummer masked or not, as asked.
pub struct FindRow {
    h: Hit,
    pnr: String,
}

/// What `find` lists, defined once for the table, CSV and JSON.
pub const FIND_COLUMNS: &[Column<FindRow>] = &[
    Column::new("id", "id", |r| Cell::Id(r.h.id)),
    Column::new("kind", "kind", |r| Cell::Word(r.h.kind.to_string())),
    Column::new("name", "name", |r| Cell::Text(r.h.name.clone())),
    Column::new("personnummer", "pnr", |r| Cell::Text(r.pnr.clone())),
    Column::new("area", "area", |r| Cell::Nested {
        text: render::opt(&r.h.area),
        json: json!(r.h.area),
    }),
    Column::new("status", "status", |r| Cell::Word(r.h.status.clone())),
    Column::new("assignments", "with", |r| Cell::Nested {
        text: with_text(&r.h),
        json: json!(r.h.with),
    }),
];

fn found(hits: Vec<Hit>, text: &str, ctx: &Ctx) -> Result<Output> {
    let format = super::list_format(None, ctx);
    if hits.is_empty() && format != super::ListFormat::Json {
        // Like grep: nothing found is exit 1, said on stderr.
        return Ok(Output {
            stdout: String::new(),
            stderr: render::lang()
                .pick("nobody matches `{}`\n", "ingen matchar `{}`\n")
                .replace("{}", text),
            code: 1,
            done: None,
        });
    }
    let rows: Vec<FindRow> = hits
        .into_iter()
        .map(|h| FindRow {
            pnr: render::pnr(&h.pnr, ctx.show_pnr),
            h,
        })
        .collect();
    Ok(Output::ok(listing::render(FIND_COLUMNS, &rows, format)))
}
