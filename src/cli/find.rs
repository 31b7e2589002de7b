//! `kontakt find TEXT`: find clients and volunteers by name, personnummer, area, phone or e-mail.

use kontakt::Result;
use kontakt::ops::find::{self, Hit};
use serde_json::json;

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

fn found(hits: Vec<Hit>, text: &str, ctx: &Ctx) -> Result<Output> {
    if ctx.json {
        return Ok(Output::ok(render::json(
            &hits
                .iter()
                .map(|h| {
                    json!({
                        "id": h.id, "kind": h.kind, "name": h.name,
                        "pnr": render::pnr(&h.pnr, ctx.show_pnr), "area": h.area,
                        "status": h.status, "with": h.with,
                    })
                })
                .collect::<Vec<_>>(),
        )));
    }
    if hits.is_empty() {
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
    Ok(Output::ok(render::table(
        &[
            "id",
            "kind",
            "name",
            "personnummer",
            "area",
            "status",
            "assignments",
        ],
        hits.iter()
            .map(|h| {
                vec![
                    h.id.to_string(),
                    render::word(h.kind),
                    h.name.clone(),
                    render::pnr(&h.pnr, ctx.show_pnr),
                    render::opt(&h.area),
                    render::word(&h.status),
                    with_text(h),
                ]
            })
            .collect(),
    )))
}
