//! `kontakt show RUN`: a pay run, who ran it and when, its file, and every line (the
//! volunteer named).

use std::collections::HashMap;

use kontakt::Result;
use kontakt::model::{Id, PayRun};
use kontakt::store::Store;
use kontakt::tr;

use crate::cli::Ctx;
use crate::render;

pub fn show(store: &Store, id: &Id, ctx: &Ctx) -> Result<String> {
    let run: PayRun = store.load(id)?;
    Ok(if ctx.json {
        render::json(&run)
    } else {
        pay_run(
            &run,
            &super::names(store, run.lines.iter().map(|l| l.volunteer)),
        )
    })
}

/// A pay run: who ran it and when, its file, and every line.
fn pay_run(run: &PayRun, names: &HashMap<Id, String>) -> String {
    let mut s = render::fields(&[
        ("id", run.id.to_string()),
        ("month", run.month.to_string()),
        (
            "created",
            run.created.format("%Y-%m-%d %H:%M:%S").to_string(),
        ),
        ("by", run.user.clone()),
        ("file", format!("{} ({})", run.file, run.format)),
        ("sha256", run.sha256.clone()),
        ("total", run.total_ore.localized(render::lang())),
    ]);
    s.push('\n');
    s.push_str(&render::table(
        &[
            "assignment",
            "volunteer",
            "period",
            "counted",
            "kind",
            "löneart",
            "kr",
        ],
        run.lines
            .iter()
            .map(|l| {
                vec![
                    l.assignment.to_string(),
                    super::named(&l.volunteer, names),
                    l.period.to_string(),
                    // What the line counts: its dygn, meetings, hours, km or receipts, else
                    // the days of the month paid (as the pay run's page shows it).
                    match l.quantity {
                        Some(q) => kontakt::documents::payrun::quantity_text(q, render::lang()),
                        None => format!("{}/{}", l.days, l.period.days()),
                    },
                    match l.corrects {
                        Some(k) => tr!("correction of {}", "rättelse av {}", render::value(&k)),
                        None => render::value(&l.kind),
                    },
                    l.wage_type.clone(),
                    render::amount(l.amount),
                ]
            })
            .collect(),
    ));
    s
}
