//! `kontakt stats`: reads every record the figures need and has `crate::stats` compute them.

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{Assignment, Client, Month, PayRun, Report, Volunteer};
use crate::stats::{Inputs, Stats, compute};
use crate::store::{Record, Store};

/// Reads every record the figures need and computes them.
pub fn stats(store: &Store, today: NaiveDate, from: Month, to: Month) -> Result<Stats> {
    // Through the parse cache: a country's records are 600 000 files.
    let clients: Vec<Client> = store.scan(Client::DIR)?;
    let volunteers: Vec<Volunteer> = store.scan(Volunteer::DIR)?;
    let assignments: Vec<Assignment> = store.scan(Assignment::DIR)?;
    let reports: Vec<Report> = store.scan("reports")?;
    let runs: Vec<PayRun> = store.scan(PayRun::DIR)?;
    Ok(compute(&Inputs {
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
    })?)
}
