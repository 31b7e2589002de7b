//! `kontakt show ASSIGNMENT`: the pair (named), the agreement and its terms in kronor, the
//! reports and history.

use kontakt::Result;
use kontakt::model::{Assignment, Id};
use kontakt::store::Store;
use kontakt::tr;

use super::history;
use crate::cli::Ctx;
use crate::render;

pub fn show(store: &Store, id: &Id, ctx: &Ctx) -> Result<String> {
    let a: Assignment = store.load(id)?;
    let st = a.status(ctx.today);
    let reports = store.reports_of(&a.id)?;
    Ok(if ctx.json {
        let mut v = serde_json::to_value(&a).unwrap_or_default();
        v["status"] = serde_json::to_value(st).unwrap_or_default();
        v["reports"] = serde_json::to_value(&reports).unwrap_or_default();
        render::json(&v)
    } else {
        let names = super::names(store, [a.client, a.volunteer]);
        let ag = a.agreement.as_ref();
        let mut s = render::fields(&[
            ("assignment", a.id.to_string()),
            ("client", super::named(&a.client, &names)),
            ("volunteer", super::named(&a.volunteer, &names)),
            ("status", render::value(&st)),
            ("proposed", a.proposed.to_string()),
            ("score", render::opt(&a.score)),
            ("note", render::opt(&a.note)),
            ("start", render::opt(&ag.map(|g| g.start))),
            ("last day", render::opt(&a.last_day())),
            ("signed", render::opt(&ag.and_then(|g| g.signed))),
            (
                "confidentiality",
                render::opt(&ag.and_then(|g| g.confidentiality_signed)),
            ),
            (
                "cost centre",
                render::opt(&ag.and_then(|g| g.cost_center.clone())),
            ),
            (
                "declined",
                a.declined
                    .as_ref()
                    .map(|d| {
                        tr!(
                            "{} by {}: {}",
                            "{} av {}: {}",
                            d.date,
                            render::value(&d.by),
                            d.reason
                        )
                    })
                    .unwrap_or_default(),
            ),
            (
                "ended",
                a.ended
                    .as_ref()
                    .map(|e| format!("{} ({})", e.date, render::value(&e.reason)))
                    .unwrap_or_default(),
            ),
        ]);
        if let Some(g) = ag {
            let tariffs = &store.config.compensation;
            let year = chrono::Datelike::year(&ctx.today);
            s.push_str(&tr!("\nTerms\n", "\nVillkor\n"));
            s.push_str(&render::table(
                &[
                    "from",
                    "meetings",
                    "paid",
                    "fee / month",
                    "expenses / month",
                    "reason",
                ],
                g.terms
                    .iter()
                    .map(|t| {
                        let y = year.max(chrono::Datelike::year(&*t.from));
                        let kr = |c: &kontakt::model::assignment::Compensation| {
                            if c.is_none() {
                                return "–".into();
                            }
                            match c.monthly(tariffs, y) {
                                Ok(Some(m)) => render::amount(m),
                                _ => "?".into(),
                            }
                        };
                        vec![
                            t.from.to_string(),
                            t.meetings.localized(render::lang()),
                            paid(t),
                            kr(&t.fee),
                            kr(&t.expense),
                            render::opt(&t.reason),
                        ]
                    })
                    .collect(),
            ));
        }
        if !reports.is_empty() {
            s.push_str(&tr!("\nReports\n", "\nRapporter\n"));
            // Stays, trips and receipts in a column of their own, where any report has them.
            let other = reports
                .iter()
                .any(|r| !(r.stays.is_empty() && r.trips.is_empty() && r.receipts.is_empty()));
            let mut head = vec!["month", "meetings", "attested"];
            if other {
                head.insert(2, "also reported");
            }
            s.push_str(&render::table(
                &head,
                reports
                    .iter()
                    .map(|r| {
                        let mut row = vec![
                            r.month.to_string(),
                            r.meetings.len().to_string(),
                            r.approved
                                .as_ref()
                                .map(|x| x.date.to_string())
                                .unwrap_or_else(|| tr!("no", "nej")),
                        ];
                        if other {
                            row.insert(2, crate::cli::report::delivered(r, false));
                        }
                        row
                    })
                    .collect(),
            ));
        }
        s.push_str(&history(&a.history));
        s
    })
}

/// How the terms are paid, as people read it: by the month, by meeting level (and the
/// tariff), by the hour (and the rate), per dygn; with mileage, a travel allowance or an
/// individual basis when the terms have them.
fn paid(t: &kontakt::model::assignment::Terms) -> String {
    use kontakt::model::assignment::PaidPer;
    let mut s = match t.paid_per {
        PaidPer::Month => tr!("by the month", "per månad"),
        PaidPer::Meetings => tr!(
            "by meeting level ({})",
            "per träffnivå ({})",
            t.tiers.as_deref().unwrap_or("?")
        ),
        PaidPer::Hour => tr!(
            "{} kr an hour",
            "{} kr per timme",
            t.hourly_ore
                .map(render::amount)
                .unwrap_or_else(|| "?".into())
        ),
        PaidPer::Dygn => tr!("per dygn", "per dygn"),
    };
    if t.mileage {
        s.push_str(&tr!(", mileage", ", milersättning"));
    }
    if let Some(m) = t.travel_monthly_ore {
        s.push_str(&tr!(
            ", travel {} kr a month",
            ", reseersättning {} kr per månad",
            render::amount(m)
        ));
    }
    if t.individual_basis.is_some() {
        s.push_str(&tr!(", individual basis", ", individuellt underlag"));
    }
    s
}
