//! `kontakt show ASSIGNMENT`: the pair (named), the agreement and its terms in kronor, the
//! reports and history.

use kontakt::Result;
use kontakt::model::common::word;
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
            ("status", render::word(&word(&st))),
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
                            word(&d.by),
                            d.reason
                        )
                    })
                    .unwrap_or_default(),
            ),
            (
                "ended",
                a.ended
                    .as_ref()
                    .map(|e| format!("{} ({})", e.date, word(&e.reason)))
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
                    "fee / month",
                    "expenses / month",
                    "reason",
                ],
                g.terms
                    .iter()
                    .map(|t| {
                        let y = year.max(chrono::Datelike::year(&t.from));
                        let kr = |c: &kontakt::model::assignment::Compensation| match c
                            .monthly(tariffs, y)
                        {
                            Ok(Some(m)) => render::amount(m),
                            _ => "?".into(),
                        };
                        vec![
                            t.from.to_string(),
                            t.meetings.localized(render::lang()),
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
            s.push_str(&render::table(
                &["month", "meetings", "approved"],
                reports
                    .iter()
                    .map(|r| {
                        vec![
                            r.month.to_string(),
                            r.meetings.len().to_string(),
                            r.approved
                                .as_ref()
                                .map(|x| x.date.to_string())
                                .unwrap_or_else(|| tr!("no", "nej")),
                        ]
                    })
                    .collect(),
            ));
        }
        s.push_str(&history(&a.history));
        s
    })
}
