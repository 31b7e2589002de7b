//! `kontakt stats`: reads every record the figures need and has `crate::stats` compute them.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{Assignment, Client, Month, PayRun, Report, Volunteer};
use crate::stats::{Inputs, Stats, compute};
use crate::store::{Record, Store};

/// Reads every record the figures need and computes them; and the files that could not be read
/// (the figures count the rest, and the caller says which were left out).
pub fn stats(
    store: &Store,
    today: NaiveDate,
    from: Month,
    to: Month,
) -> Result<(Stats, Vec<Error>)> {
    // Through the parse cache: a country's records are 600 000 files.
    let mut broken = Vec::new();
    let (clients, bad): (Vec<Client>, _) = store.scan_readable(Client::DIR)?;
    broken.extend(bad);
    let (volunteers, bad): (Vec<Volunteer>, _) = store.scan_readable(Volunteer::DIR)?;
    broken.extend(bad);
    let (assignments, bad): (Vec<Assignment>, _) = store.scan_readable(Assignment::DIR)?;
    broken.extend(bad);
    let (reports, bad): (Vec<Report>, _) = store.scan_readable("reports")?;
    broken.extend(bad);
    // The ledger is read whole, or the amounts paid would be wrong.
    let runs: Vec<PayRun> = store.scan(PayRun::DIR)?;
    let st = compute(&Inputs {
        clients: &clients,
        volunteers: &volunteers,
        assignments: &assignments,
        reports: &reports,
        runs: &runs,
        tariffs: &store.config.compensation,
        payroll: &store.config.payroll,
        today,
        from,
        to,
    })?;
    Ok((st, broken))
}
