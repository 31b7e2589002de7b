//! `kontakt due [--within DAYS]`: what needs attention, most urgent first.

use kontakt::Result;
use kontakt::ops::due::Item;
use serde_json::json;

use super::listing::{self, Cell, Column};
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

fn list_of(mut items: Vec<Item>, a: &Args, ctx: &Ctx) -> Result<Output> {
    let format = super::list_format(a.format, ctx);
    let table = format == super::ListFormat::Table;
    let limit = match (a.limit, a.all) {
        (Some(n), _) => n,
        (None, false) if table => TABLE_ROWS,
        _ => usize::MAX,
    };
    let left_out = (items.len() > limit).then(|| left_out(&items[limit..], items.len(), ctx));
    items.truncate(limit);
    // `--limit 0`: no rows, only what there is, by kind.
    if let (true, Some(note), true) = (items.is_empty(), &left_out, table) {
        return Ok(Output::ok(note.trim_start_matches('\n').to_string()));
    }
    if items.is_empty() && table {
        return Ok(Output::ok(match ctx.lang {
            kontakt::lang::Lang::Sv => format!("Inget förfaller inom {} dagar.\n", a.within),
            kontakt::lang::Lang::En => format!("Nothing falls due within {} days.\n", a.within),
        }));
    }
    let rows: Vec<DueRow> = items
        .into_iter()
        .map(|item| DueRow {
            overdue: item.due.date < ctx.today,
            item,
        })
        .collect();
    let mut text = listing::render(DUE_COLUMNS, &rows, format);
    if let (Some(note), true) = (left_out, table) {
        text.push_str(&note);
    }
    Ok(Output::ok(text))
}

/// One thing due, and whether it is overdue on the day the listing is made.
pub struct DueRow {
    item: Item,
    overdue: bool,
}

/// A person reads "(overdue)" beside the date; a script gets the date and a column of its own.
/// An assignment's two names stand one above the other in a table, so the detail keeps its width.
pub const DUE_COLUMNS: &[Column<DueRow>] = &[
    Column::new("due", "date", |r| {
        let date = r.item.due.date;
        Cell::PerFormat {
            table: match r.overdue {
                true => kontakt::tr!("{date} (overdue)", "{date} (försenad)"),
                false => date.to_string(),
            },
            csv: date.to_string(),
            json: json!(date),
        }
    }),
    Column::new("what", "what", |r| Cell::Word(r.item.due.what.to_string())),
    Column::new("id", "id", |r| Cell::Id(r.item.due.id)),
    Column::new("name", "name", |r| Cell::PerFormat {
        table: r
            .item
            .name
            .as_deref()
            .unwrap_or_default()
            .replace(" / ", " /\n"),
        csv: r.item.name.clone().unwrap_or_default(),
        json: json!(r.item.name),
    }),
    Column::new("detail", "detail", |r| {
        Cell::Text(r.item.due.detail.clone())
    }),
    Column::script("overdue", |r| Cell::PerFormat {
        table: String::new(),
        csv: r.overdue.to_string(),
        json: json!(r.overdue),
    }),
];

/// Under a shortened table: how many were shown, and what the rest are, by kind.
fn left_out(rest: &[Item], total: usize, ctx: &Ctx) -> String {
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
