//! `kontakt due [--within DAYS]`: what needs attention, most urgent first.

use kontakt::Result;

use super::{Ctx, Output};
use crate::render;

/// What falls due: decisions expiring, follow-ups, extracts, signatures, reports, long waits.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Look this many days ahead.
    #[arg(long, default_value_t = 30, value_name = "DAYS")]
    pub within: u32,
    /// table for people, csv or json for scripts (json is also `--json`).
    #[arg(long, value_enum, value_name = "table|csv|json")]
    pub format: Option<super::ListFormat>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let mut out = list(a, ctx)?;
    let tariffs = &ctx.store()?.config.compensation;
    for w in kontakt::rules::prisbasbelopp::warnings(tariffs, ctx.today) {
        out.stderr
            .push_str(&kontakt::tr!("warning: {w}\n", "varning: {w}\n"));
    }
    Ok(out)
}

fn list(a: Args, ctx: &Ctx) -> Result<Output> {
    let (items, broken) = kontakt::ops::due::due(ctx.store()?, ctx.today, a.within, ctx.lang)?;
    let mut out = list_of(items, &a, ctx)?;
    super::list::name_broken(&mut out, &broken);
    Ok(out)
}

fn list_of(items: Vec<kontakt::ops::due::Item>, a: &Args, ctx: &Ctx) -> Result<Output> {
    let format = super::list_format(a.format, ctx);
    let csv = format == super::ListFormat::Csv;
    if format == super::ListFormat::Json {
        return Ok(Output::ok(render::json(&items)));
    }
    if items.is_empty() && !csv {
        return Ok(Output::ok(match ctx.lang {
            kontakt::lang::Lang::Sv => format!("Inget förfaller inom {} dagar.\n", a.within),
            kontakt::lang::Lang::En => format!("Nothing falls due within {} days.\n", a.within),
        }));
    }
    // A person reads "(overdue)" beside the date; a script gets the date and a column of its own.
    let rows = items
        .iter()
        .map(|item| {
            let d = &item.due;
            let overdue = d.date < ctx.today;
            let when = match (overdue, csv) {
                (true, false) => format!("{} ({})", d.date, ctx.lang.pick("overdue", "försenad")),
                _ => d.date.to_string(),
            };
            let what = if csv {
                d.what.to_string()
            } else {
                render::word(d.what)
            };
            let name = item.name.clone().unwrap_or_default();
            let mut row = vec![when, what, d.id.to_string(), name, d.detail.clone()];
            if csv {
                row.push(overdue.to_string());
            }
            row
        })
        .collect();
    let header: &[&str] = if csv {
        &["due", "what", "id", "name", "detail", "overdue"]
    } else {
        &["due", "what", "id", "name", "detail"]
    };
    Ok(Output::ok(render::rows(csv, header, rows)))
}
