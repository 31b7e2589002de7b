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
    /// Show at most this many, the most urgent first (a table shows 100 unless --all).
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub limit: Option<usize>,
    /// Show every one (a table stops at 100 otherwise).
    #[arg(long)]
    pub all: bool,
}

/// A table a person reads stops here unless asked for more: a country's directory has 150 000
/// things due, which no one reads as a table (printing them took 5 s); the counts by kind say
/// what was left out.
const TABLE_ROWS: usize = 100;

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

fn list_of(mut items: Vec<kontakt::ops::due::Item>, a: &Args, ctx: &Ctx) -> Result<Output> {
    let format = super::list_format(a.format, ctx);
    let csv = format == super::ListFormat::Csv;
    let table = format == super::ListFormat::Table;
    let limit = match (a.limit, a.all) {
        (Some(n), _) => n,
        (None, false) if table => TABLE_ROWS,
        _ => usize::MAX,
    };
    let left_out = (items.len() > limit).then(|| left_out(&items[limit..], items.len(), ctx));
    items.truncate(limit);
    if format == super::ListFormat::Json {
        return Ok(Output::ok(render::json(&items)));
    }
    // `--limit 0`: no rows, only what there is, by kind.
    if let (true, Some(note), true) = (items.is_empty(), &left_out, table) {
        return Ok(Output::ok(note.trim_start_matches('\n').to_string()));
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
            let mut name = item.name.clone().unwrap_or_default();
            if !csv {
                // An assignment's two names one above the other: the detail keeps its width.
                name = name.replace(" / ", " /\n");
            }
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
    let mut text = render::rows(csv, header, rows);
    if let (Some(note), true) = (left_out, table) {
        text.push_str(&note);
    }
    Ok(Output::ok(text))
}

/// Under a shortened table: how many were shown, and what the rest are, by kind.
fn left_out(rest: &[kontakt::ops::due::Item], total: usize, ctx: &Ctx) -> String {
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for item in rest {
        match kinds.iter_mut().find(|(w, _)| *w == item.due.what) {
            Some((_, n)) => *n += 1,
            None => kinds.push((item.due.what, 1)),
        }
    }
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let shown = total - rest.len();
    let by_kind: Vec<String> = kinds
        .iter()
        .map(|(w, n)| format!("{} {}", render::word(w), ctx.lang.thousands(*n)))
        .collect();
    let total = ctx.lang.thousands(total);
    let by_kind = by_kind.join(", ");
    match ctx.lang {
        kontakt::lang::Lang::Sv => format!(
            "{shown} av {total} visas, de mest brådskande först; de övriga: {by_kind}.\n\
             `--all` visar alla, `--limit N` fler eller färre, `--format csv` allt till ett kalkylblad.\n"
        ),
        kontakt::lang::Lang::En => format!(
            "{shown} of {total} shown, the most urgent first; the rest: {by_kind}.\n\
             `--all` shows every one, `--limit N` more or fewer, `--format csv` all of it for a spreadsheet.\n"
        ),
    }
}
