//! `kontakt stats [--from MONTH] [--to MONTH] [--html FILE]`: the service in figures.

use kontakt::Result;
use kontakt::lang::Lang;
use kontakt::model::Month;
use kontakt::ops::stats::{self, Stats};

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
            message: format!("{to} is before --from {from}"),
        });
    }
    let st = stats::stats(store, ctx.today, from, to)?;
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
    Ok(Output {
        stdout,
        stderr,
        code: 0,
    })
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
    let rows = st
        .months
        .iter()
        .map(|m| {
            vec![
                if m.forecast {
                    format!("{} *", m.month)
                } else {
                    m.month.to_string()
                },
                m.waiting.map(|w| w.to_string()).unwrap_or_default(),
                m.active.to_string(),
                format!(
                    "{} / {}",
                    m.meetings_reported,
                    lang.tenths(m.meetings_agreed_tenths)
                ),
                m.fulfilment_permille
                    .map(|p| format!("{} %", lang.tenths(p)))
                    .unwrap_or_default(),
                lang.money(m.fee_ore),
                lang.money(m.expense_ore),
                lang.money(m.contributions_ore),
            ]
        })
        .collect();
    s.push_str(&render::table(
        &[
            l("month", "månad"),
            l("waiting", "väntar"),
            l("assignments", "uppdrag"),
            l(
                "meetings reported / agreed",
                "träffar rapporterade / avtalade",
            ),
            l("fulfilment", "uppfyllelse"),
            l("fee", "arvode"),
            l("expenses", "omkostnader"),
            l("employer's contributions", "arbetsgivaravgifter"),
        ],
        rows,
    ));
    s.push_str(l(
        "* forecast from the agreements in force\n\n",
        "* prognos utifrån gällande avtal\n\n",
    ));
    let rows = st
        .cost_centres
        .iter()
        .map(|c| {
            vec![
                c.cost_center.clone(),
                lang.money(c.fee_ore),
                lang.money(c.expense_ore),
                lang.money(c.contributions_ore),
                lang.money(c.total_ore),
            ]
        })
        .collect();
    s.push_str(&render::table(
        &[
            l("cost centre", "kostnadsställe"),
            l("fee", "arvode"),
            l("expenses", "omkostnader"),
            l("employer's contributions", "arbetsgivaravgifter"),
            l("total", "summa"),
        ],
        rows,
    ));
    s.push('\n');
    let mut rows: Vec<Vec<String>> = st
        .volunteers
        .iter()
        .map(|v| {
            vec![
                stats::volunteer_status_word(v.status, lang).to_string(),
                v.count.to_string(),
                String::new(),
            ]
        })
        .collect();
    rows.extend(st.screening.iter().map(|g| {
        vec![
            stats::stage_word(g.stage, lang).to_string(),
            String::new(),
            g.days.describe(lang),
        ]
    }));
    s.push_str(&render::table(
        &[
            l("volunteers and screening", "kontaktpersoner och utredning"),
            l("now", "nu"),
            l("days, median / 90 %", "dagar, median / 90 %"),
        ],
        rows,
    ));
    s
}
