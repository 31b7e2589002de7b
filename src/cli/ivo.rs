//! `kontakt ivo --quarter 2026Q3 [--format table|csv|json] [--council [--html FILE]]`: the
//! quarter's reports of decisions not put into effect.

use kontakt::Result;
use kontakt::lang::Lang;
use kontakt::model::Quarter;
use kontakt::model::assignment::Party;
use kontakt::model::common::word;
use kontakt::ops::ivo::{self, IvoReport, IvoRow};
use kontakt::rules::ivo_delay::{Began, Offer, Summary};

use super::{Ctx, ListFormat, Output};
use crate::render;

/// Decisions not put into effect: the quarter's individual reports to IVO, or the council's summary.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The quarter, YYYYQN (2026Q3: July to September).
    #[arg(long, value_name = "YYYYQN")]
    pub quarter: Quarter,
    /// The summary without identities for the municipal council and the auditors.
    #[arg(long)]
    pub council: bool,
    /// With --council: also write the summary as a page (self-contained HTML, prints on A4) to FILE.
    #[arg(long, value_name = "FILE", requires = "council")]
    pub html: Option<std::path::PathBuf>,
    /// table for people, csv or json for scripts (json is also `--json`).
    #[arg(long, value_enum, value_name = "table|csv|json")]
    pub format: Option<ListFormat>,
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    let format = super::list_format(a.format, ctx);
    if a.council {
        let s = ivo::council(store, a.quarter, ctx.today)?;
        let mut stderr = String::new();
        if let Some(path) = &a.html {
            let page = kontakt::documents::ivo::html(&s, &store.config.municipality, ctx.lang);
            kontakt::store::atomic::write_file(path, page.as_bytes())?;
            stderr.push_str(&format!(
                "{} {}\n",
                ctx.lang.pick("wrote", "skrev"),
                path.display()
            ));
        }
        let stdout = match format {
            ListFormat::Json => render::json(&s),
            ListFormat::Csv => council_csv(&s),
            ListFormat::Table => council_tables(&s, ctx.lang),
        };
        return Ok(Output {
            stdout,
            stderr,
            code: 0,
            done: None,
        });
    }
    let r = ivo::report(store, a.quarter, ctx.today)?;
    let mut stderr = String::new();
    if r.codes_assigned > 0 {
        stderr.push_str(&kontakt::tr!(
            "{} reported for the first time: IVO code given and kept on the client's record\n",
            "{} rapporteras för första gången: IVO-kod given och sparad i klientens akt\n",
            kontakt::lang::count(
                r.codes_assigned as u64,
                ["case", "cases"],
                ["ärende", "ärenden"]
            )
        ));
    }
    let stdout = match format {
        ListFormat::Json => render::json(&r),
        ListFormat::Csv => csv(&r),
        ListFormat::Table => table(&r, ctx.lang),
    };
    Ok(Output {
        stdout,
        stderr,
        code: 0,
        done: None,
    })
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or(String::new(), T::to_string)
}

/// The offers made while the case ran: `2026-07-13 declined 2026-07-27 by volunteer`.
fn offers(o: &[Offer], lang: Lang) -> String {
    o.iter()
        .map(|o| match (o.declined, o.declined_by, o.agreement_from) {
            (Some(d), Some(by), _) => format!(
                "{} {} {d} {}",
                o.proposed,
                lang.pick("declined", "avböjt"),
                match by {
                    Party::Client => lang.pick("by the client", "av klienten"),
                    Party::Volunteer => lang.pick("by the volunteer", "av kontaktpersonen"),
                    Party::Staff => lang.pick("by staff", "av handläggaren"),
                }
            ),
            (_, _, Some(start)) => format!(
                "{} {}, {} {start}",
                o.proposed,
                lang.pick("proposed", "föreslaget"),
                lang.pick("agreement from", "avtal från")
            ),
            _ => format!("{} {}", o.proposed, lang.pick("proposed", "föreslaget")),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn how_it_ended(r: &IvoRow, lang: Lang) -> String {
    match (r.in_effect, r.closed, r.closed_why.as_deref()) {
        (Some(d), _, _) => format!("{} {d}", lang.pick("in effect from", "verkställt från")),
        (_, Some(d), why) => {
            let why = match why {
                Some("period_ended") => lang
                    .pick("the period ended", "perioden löpte ut")
                    .to_string(),
                Some("new_decision") => lang.pick("a new decision", "ett nytt beslut").to_string(),
                Some(other) => other.to_string(),
                None => String::new(),
            };
            format!("{} {d}: {why}", lang.pick("closed", "avslutat"))
        }
        _ => String::new(),
    }
}

fn table(r: &IvoReport, lang: Lang) -> String {
    let mut s = match lang {
        Lang::Sv => format!(
            "Ej verkställda beslut: individrapporter till IVO för {} (per {})\n",
            r.quarter, r.as_of
        ),
        Lang::En => format!(
            "Decisions not put into effect: individual reports to IVO for {} (as of {})\n",
            r.quarter, r.as_of
        ),
    };
    if r.preliminary {
        s.push_str(lang.pick(
            "Preliminary: the quarter has not ended.\n",
            "Preliminär: kvartalet har inte slutat.\n",
        ));
    }
    if r.rows.is_empty() {
        s.push_str(lang.pick("No decision to report.\n", "Inget beslut att rapportera.\n"));
        return s;
    }
    // One line per case to scan, then each case's particulars as the report states them.
    let rows = r
        .rows
        .iter()
        .map(|x| {
            let since = match x.began {
                Began::Decision => format!("{} {}", lang.pick("decided", "beslut"), x.decided),
                Began::Interruption => format!(
                    "{} {}",
                    lang.pick("interrupted", "avbrott"),
                    opt(&x.interrupted)
                ),
            };
            vec![
                x.code.clone(),
                x.client.to_string(),
                lang.word(x.standing.as_str()),
                lang.word(&word(&x.sex)),
                x.law.to_string(),
                since,
                x.days.to_string(),
            ]
        })
        .collect();
    s.push_str(&render::table(
        &[
            "ivo code", "client", "report", "sex", "law", "since", "days",
        ],
        rows,
    ));
    for x in &r.rows {
        let insats = match (
            x.meetings.map(|m| m.localized(lang)),
            x.partly.map(|p| p.localized(lang)),
        ) {
            (Some(m), Some(p)) => format!(
                "{} {m} ({} {p}), {}",
                x.insats,
                lang.pick("partly in effect:", "delvis verkställt:"),
                x.paragraph
            ),
            (Some(m), None) => format!("{} {m}, {}", x.insats, x.paragraph),
            _ => format!("{}, {}", x.insats, x.paragraph),
        };
        let decided = match x.began {
            Began::Interruption => format!(
                "{} ({} {})",
                x.decided,
                lang.pick("interrupted from", "avbrott från"),
                opt(&x.interrupted)
            ),
            Began::Decision => x.decided.to_string(),
        };
        s.push_str(&format!("\n{}\n", x.code));
        s.push_str(&render::fields(&[
            ("insats", insats),
            ("decided", decided),
            ("reportable from", x.reportable_from.to_string()),
            ("offers", offers(&x.offers, lang)),
            ("reason for the delay", opt(&x.delay_reason)),
            ("in effect or closed", how_it_ended(x, lang)),
        ]));
    }
    s
}

fn csv(r: &IvoReport) -> String {
    let rows = r
        .rows
        .iter()
        .map(|x| {
            vec![
                r.quarter.to_string(),
                x.code.clone(),
                x.client.to_string(),
                word(&x.standing),
                word(&x.sex),
                x.law.to_string(),
                x.paragraph.to_string(),
                x.insats.to_string(),
                opt(&x.meetings),
                opt(&x.partly),
                x.decided.to_string(),
                word(&x.began),
                opt(&x.interrupted),
                x.reportable_from.to_string(),
                x.days.to_string(),
                offers(&x.offers, Lang::En),
                opt(&x.delay_reason),
                opt(&x.in_effect),
                opt(&x.closed),
                opt(&x.closed_why),
            ]
        })
        .collect();
    render::rows(
        true,
        &[
            "quarter",
            "code",
            "client",
            "standing",
            "sex",
            "law",
            "paragraph",
            "insats",
            "meetings",
            "partly",
            "decided",
            "began",
            "interrupted",
            "reportable_from",
            "days",
            "offers",
            "delay_reason",
            "in_effect",
            "closed",
            "closed_why",
        ],
        rows,
    )
}

/// The council's tables: each a heading and rows of `key, women, men, total`.
pub fn council_tables(s: &Summary, lang: Lang) -> String {
    let mut out = match lang {
        Lang::Sv => format!(
            "Ej verkställda beslut {} (per {}): rapport till kommunfullmäktige och revisorerna\n",
            s.quarter, s.as_of
        ),
        Lang::En => format!(
            "Decisions not put into effect {} (as of {}): report to the municipal council and the auditors\n",
            s.quarter, s.as_of
        ),
    };
    if s.preliminary {
        out.push_str(lang.pick(
            "Preliminary: the quarter has not ended.\n",
            "Preliminär: kvartalet har inte slutat.\n",
        ));
    }
    for (heading, rows) in kontakt::documents::ivo::count_tables(s, lang) {
        out.push('\n');
        out.push_str(&heading);
        out.push('\n');
        out.push_str(&render::table(
            &[
                "",
                lang.pick("women", "kvinnor"),
                lang.pick("men", "män"),
                lang.pick("total", "totalt"),
            ],
            rows,
        ));
    }
    if !s.cases.is_empty() {
        out.push('\n');
        out.push_str(lang.pick("Each case, longest first\n", "Varje ärende, längst först\n"));
        let (header, rows) = kontakt::documents::ivo::case_table(s, lang);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        out.push_str(&render::table(&header, rows));
    }
    out
}

fn council_csv(s: &Summary) -> String {
    let rows = s
        .cases
        .iter()
        .map(|c| {
            vec![
                s.quarter.to_string(),
                c.law.to_string(),
                c.paragraph.to_string(),
                word(&c.began),
                word(&c.standing),
                word(&c.sex),
                c.days.to_string(),
                word(&c.band),
            ]
        })
        .collect();
    render::rows(
        true,
        &[
            "quarter",
            "law",
            "paragraph",
            "began",
            "standing",
            "sex",
            "days",
            "band",
        ],
        rows,
    )
}
