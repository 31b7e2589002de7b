//! `kontakt show VOLUNTEER`: her details, screening, assignments (with the client's name,
//! current first) and history.

use kontakt::Result;
use kontakt::model::{Id, Volunteer};
use kontakt::rules::{screening, status};
use kontakt::store::Store;

use super::history;
use crate::cli::Ctx;
use crate::render;

pub fn show(store: &Store, id: &Id, ctx: &Ctx) -> Result<String> {
    let v: Volunteer = store.load(id)?;
    let st = status::volunteer_status_on(&v, ctx.today);
    Ok(if ctx.json {
        let mut j = render::record_json(&v, ctx.show_pnr, &v.pnr);
        j["status"] = serde_json::to_value(st).unwrap_or_default();
        render::json(&j)
    } else {
        let sc = &v.screening;
        let refs = sc
            .references
            .iter()
            .map(|r| format!("{} ({}, {})", r.name, render::value(&r.verdict), r.date))
            .collect::<Vec<_>>()
            .join("; ");
        let mut s = render::fields(&[
            ("volunteer", v.id.to_string()),
            ("name", v.name.clone()),
            ("personnummer", render::pnr(&v.pnr, ctx.show_pnr)),
            ("status", render::word(st.as_str())),
            ("applied", v.applied.to_string()),
            ("email", render::opt(&v.email)),
            ("phone", render::opt(&v.phone)),
            ("area", render::opt(&v.area)),
            ("interests", render::list(&v.interests)),
            ("languages", render::list(&v.languages)),
            ("availability", render::values(&v.availability)),
            ("capacity", v.capacity.to_string()),
            (
                "offers to be",
                // Said only of a family: every other volunteer is a kontaktperson.
                if kontakt::rules::household::is_family(&v) {
                    render::values(&v.offers)
                } else {
                    String::new()
                },
            ),
            (
                "takes ages",
                render::opt(&v.household.as_ref().and_then(|h| h.takes_ages)),
            ),
            (
                "home visit",
                render::opt(&v.household.as_ref().and_then(|h| h.home_visit)),
            ),
            (
                "household",
                v.household
                    .iter()
                    .flat_map(|h| &h.adults)
                    .map(|a| {
                        let or_dash = |d: Option<chrono::NaiveDate>| {
                            d.map_or_else(|| "–".to_string(), |d| d.to_string())
                        };
                        format!(
                            "{} ({} {}, {} {})",
                            a.name,
                            kontakt::lang::current().label("police extract"),
                            or_dash(a.police_extract.map(Into::into)),
                            kontakt::lang::current().label("social register"),
                            or_dash(a.social_register.map(Into::into)),
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            ("interview", render::opt(&sc.interview)),
            ("references", refs),
            ("police extract", render::opt(&sc.police_extract)),
            (
                "extract valid to",
                render::opt(&screening::extract_expires(&v, &store.config.volunteers)),
            ),
            ("social register", render::opt(&sc.social_register)),
            (
                "other registers",
                [
                    ("Kronofogden", sc.kronofogden),
                    ("Försäkringskassan", sc.forsakringskassan),
                ]
                .iter()
                .filter_map(|(r, d)| d.map(|d| format!("{r} {d}")))
                .collect::<Vec<_>>()
                .join("; "),
            ),
            ("approved", render::opt(&sc.approved)),
            (
                "concern",
                screening::concerns(&v)
                    .iter()
                    .map(|r| format!("{} ({})", r.name, r.date))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            ("approved despite", render::opt(&sc.approved_despite)),
            ("rejected", render::opt(&sc.rejected)),
            ("reason", render::opt(&sc.rejection_reason)),
            (
                "breaks",
                v.pauses
                    .iter()
                    .map(|p| match p.until {
                        Some(u) => format!("{} – {u} ({})", p.from, p.reason),
                        None => format!("{} – ({})", p.from, p.reason),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            (
                "leaving",
                v.leaving
                    .as_ref()
                    .map(|l| format!("{} ({})", l.date, ctx.lang.phrases(&l.reason)))
                    .unwrap_or_default(),
            ),
        ]);
        let his = store.assignments_of(&v.id)?;
        let names = super::names(store, his.iter().map(|a| a.client));
        s.push_str(&super::assignments_table(
            his,
            |a| a.client,
            "client",
            &names,
            ctx,
        ));
        if !v.support.is_empty() {
            s.push_str(&kontakt::tr!("\nSupport\n", "\nStöd\n"));
            s.push_str(&render::table(
                &["date", "kind", "by", "note"],
                v.support
                    .iter()
                    .rev()
                    .map(|x| {
                        vec![
                            x.date.to_string(),
                            render::value(&x.kind),
                            render::opt(&x.by),
                            render::opt(&x.note),
                        ]
                    })
                    .collect(),
            ));
        }
        s.push_str(&history(&v.history));
        s
    })
}
