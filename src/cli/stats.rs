//! `kontakt stats [--from MONTH] [--to MONTH] [--html FILE]`: the service in figures.

use kontakt::Result;
use kontakt::lang::Lang;
use kontakt::model::Month;
use kontakt::ops::stats;
use kontakt::stats::Stats;

use super::{Ctx, Output};
use crate::render;

/// The service in figures: the waiting list, matches, meetings, volunteers and cost.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// First month (default: eleven months before this one).
    #[arg(long, value_name = "YYYY-MM")]
    pub from: Option<Month>,
    /// Last month (default: December this year; months after the last one paid are a forecast).
    #[arg(long, value_name = "YYYY-MM")]
    pub to: Option<Month>,
    /// Also write a page with charts (self-contained HTML, prints on A4) to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<std::path::PathBuf>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let this = Month::of(ctx.today);
    let mut from = this;
    for _ in 0..11 {
        from = from.prev();
    }
    let from = a.from.unwrap_or(from);
    let to =
        a.to.unwrap_or_else(|| Month::new(this.year(), 12).unwrap_or(this));
    if to < from {
        return Err(kontakt::Error::BadArgument {
            option: "--to".into(),
            message: kontakt::tr!("{to} is before --from {from}", "{to} är före --from {from}"),
        });
    }
    let (st, broken) = stats::stats(store, ctx.today, from, to)?;
    let mut stderr = String::new();
    if let Some(path) = &a.html {
        let page = kontakt::documents::stats::html(&st, &store.config.municipality, ctx.lang);
        kontakt::store::atomic::write_file(path, page.as_bytes())?;
        stderr.push_str(&format!(
            "{} {}\n",
            ctx.lang.pick("wrote", "skrev"),
            path.display()
        ));
    }
    let stdout = if ctx.json {
        render::json(&st)
    } else {
        tables(&st, ctx.lang)
    };
    let mut out = Output {
        stdout,
        stderr,
        code: 0,
        done: None,
    };
    crate::cli::list::name_broken(&mut out, &broken);
    Ok(out)
}

fn tables(st: &Stats, lang: Lang) -> String {
    let l = |en, sv| lang.pick(en, sv);
    let figures = st.key_figures(lang);
    let pairs: Vec<(&str, String)> = figures
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let mut s = render::fields(&pairs);
    s.push('\n');
    // The terminal marks forecast months in the first column, the page in italics.
    let mut months = st.month_table(lang);
    for (row, m) in months.rows.iter_mut().zip(&st.months) {
        if m.forecast {
            row[0].push_str(" *");
        }
    }
    for (i, t) in [
        months,
        st.cost_centre_table(lang),
        st.kind_table(lang),
        st.volunteer_table(lang),
    ]
    .into_iter()
    .enumerate()
    {
        // The table by way of paying only where some assignment is not paid by the month.
        if i == 2 && t.rows.is_empty() {
            continue;
        }
        let header: Vec<&str> = t.header.iter().map(String::as_str).collect();
        s.push_str(&render::table(&header, t.rows));
        s.push_str(match i {
            0 => l(
                "* forecast from the agreements in force\n\n",
                "* prognos utifrån gällande avtal\n\n",
            ),
            1 | 2 => "\n",
            _ => "",
        });
    }
    s
}
