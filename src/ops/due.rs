//! `kontakt due`: reads the records, has `rules::due` say what needs attention, and adds what
//! pay owes but may no longer pay (`ops::pay::owed`, until it is settled).

use chrono::NaiveDate;

use crate::Result;
use crate::lang::Lang;
use crate::model::{Assignment, Client, Volunteer};
pub use crate::rules::due::Due;
use crate::rules::due::{self, Records};
use crate::store::Store;

/// Everything falling due by `today + within` days, overdue first.
pub fn due(store: &Store, today: NaiveDate, within: u32, lang: Lang) -> Result<Vec<Due>> {
    let clients: Vec<Client> = store.load_all()?;
    let volunteers: Vec<Volunteer> = store.load_all()?;
    let assignments: Vec<Assignment> = store.load_all()?;
    let reports = store.load_reports()?;
    let records = Records {
        clients: &clients,
        volunteers: &volunteers,
        assignments: &assignments,
        reports: &reports,
    };
    let horizon = due::horizon(today, within);
    let mut out = due::due(&records, &store.config, today, horizon, lang);
    // What pay owes but may no longer pay (older than the retroactive limit), until settled.
    for o in super::pay::owed(store, today)? {
        out.push(Due {
            date: o.period.last_day(),
            what: "pay owed",
            id: o.assignment,
            detail: if lang == Lang::Sv {
                format!("{}: {}", o.period, crate::lang::Lang::Sv.phrases(&o.reason))
            } else {
                format!("{}: {}", o.period, o.reason)
            },
        });
    }
    out.sort();
    Ok(out)
}
