//! `kontakt report`: monthly attendance reports and their approval (attestation), and the
//! corrections an ending dated back makes to them (`ops::end`).

use crate::tr;
use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::csv_rows::{ImportRow, Rows};
use crate::error::Next;
use crate::model::report::{Approval, Correction};
use crate::model::{Assignment, Client, Id, Kind, Money, Month, Report, Volunteer};
use crate::payroll::compute::{self, Case, NotEarned, PaidPeriod};
use crate::payroll::retroactive;
use crate::payroll::settlement::{self, Now};
use crate::rules::{after_ending, correction};
use crate::store::{Changeset, Store};
use crate::{Error, Result};

/// What a person reports for a month: the change `rules::correction` judges and applies.
pub type ReportInput = correction::Change;

/// Why a meeting day cannot be reported for this assignment, if it cannot.
fn day_problem(a: &Assignment, month: Month, day: NaiveDate, today: NaiveDate) -> Option<String> {
    crate::rules::report::meeting_not_yet(month, day, today)
        .or_else(|| crate::rules::report::meeting_day_problem(a, month, day))
}

/// Why `input` cannot be the month's report of `a`, given the report on file (if any): the
/// meeting days, the lifecycle (`rules::correction`), what was delivered and what lies ahead of
/// today (`rules::report`).
fn report_problems(
    a: &Assignment,
    month: Month,
    input: &ReportInput,
    existing: Option<&Report>,
    today: NaiveDate,
) -> Vec<String> {
    let mut problems: Vec<String> = input
        .meetings
        .iter()
        .filter_map(|d| day_problem(a, month, *d, today))
        .collect();
    let mut lifecycle = correction::problems(a, month, input, existing);
    // The missing agreement first: `import` adds the way on to the first problem.
    if a.agreement.is_none() && !lifecycle.is_empty() {
        problems.insert(0, lifecycle.remove(0));
    }
    problems.extend(lifecycle);
    if input.settled_outside.is_some() {
        problems.dedup();
        return problems;
    }
    // Stays, trips and receipts by the rule `check` and `pay` judge them with.
    let given = Report {
        stays: input.stays.clone(),
        trips: input.trips.clone(),
        receipts: input.receipts.clone(),
        ..Report::empty(a.id, month, today)
    };
    problems.extend(
        crate::rules::report::delivery_problems(&given, Some(a))
            .into_iter()
            .map(|p| p.message),
    );
    // Ahead of today (the month, stays and trips; the meetings were judged above), by the rule
    // `check` judges a stored report with.
    problems.extend(
        crate::rules::report::future_problems(&given, today)
            .into_iter()
            .map(|p| p.message),
    );
    problems.dedup();
    problems
}

/// The report `input` makes: a correction of the approved one on file, or a new one
/// (`rules::correction`).
fn build(
    a: &Assignment,
    month: Month,
    input: ReportInput,
    existing: Option<&Report>,
    today: NaiveDate,
) -> Report {
    match (&input.correct, existing) {
        (Some(_), Some(old)) => correction::corrected(old, input, today),
        _ => correction::filed(a, month, input, today),
    }
}

/// What `rep` earns by the records now: the amounts a correction notes.
fn earns(store: &Store, a: &Assignment, rep: &Report) -> Result<Now> {
    let client: Client = store.load(&a.client)?;
    let volunteer: Volunteer = store.load(&a.volunteer)?;
    let case = Case {
        assignment: a,
        client: &client,
        volunteer: &volunteer,
    };
    let c = &store.config;
    let earned = compute::earned(case, rep.month, Some(rep), &c.compensation, &c.payroll);
    match Now::of(&earned) {
        Ok(now) => Ok(now),
        Err(NotEarned::NoPrisbasbelopp(y)) => Err(Error::refused(vec![
            crate::rules::prisbasbelopp::missing_message(*y),
        ])),
        Err(NotEarned::NoRates(m)) => Err(Error::refused(vec![m.clone()])),
        Err(_) => Err(crate::model::money::Overflow.into()),
    }
}

/// What the ledger paid for `assignment`'s `month` (None if nothing).
fn paid_for(store: &Store, assignment: &Id, month: Month) -> Result<Option<PaidPeriod>> {
    let runs = store.read_ledger(Some(month))?.runs;
    let lines = runs
        .iter()
        .flat_map(|r| r.lines.iter())
        .filter(|l| &l.assignment == assignment && l.period == month);
    Ok(compute::paid_of(lines)?.remove(&(*assignment, month)))
}

/// A report older than a payout today may pay (`payroll::retroactive`) cannot be approved or
/// corrected to be paid: it would be owed and never paid. The refusal's next step
/// (`Next::SettleOutside`) says what to do.
fn too_old_for_pay(store: &Store, month: Month, today: NaiveDate) -> Option<String> {
    let n = store.config.payroll.retroactive_months;
    retroactive::too_old_today(month, today, n).then(|| {
        tr!(
            "{month} is older than the retroactive limit ({n} months) of a payout today: kontakt cannot pay it",
            "{month} är äldre än gränsen för retroaktiv betalning ({n} månader) för en utbetalning i dag: kontakt kan inte betala den"
        )
    })
}

/// Files (or replaces, until approved) the month's report for one assignment.
pub fn report(
    store: &Store,
    prefix: &str,
    month: Month,
    input: ReportInput,
    today: NaiveDate,
) -> Result<Reported> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Assignment])?;
    let a: Assignment = store.load(&id)?;
    let existing = store.load_report(month, &id)?;
    // A report not yet attested is written over by a new one for the month: said, since a
    // month's meetings are all given in one report.
    let replaced = existing
        .clone()
        .filter(|r| r.approved.is_none() && input.settled_outside.is_none());
    let mut problems = report_problems(&a, month, &input, existing.as_ref(), today);
    let too_old = match (&input.correct, &input.settled_outside) {
        (Some(_), None) => too_old_for_pay(store, month, today),
        _ => None,
    };
    let is_too_old = too_old.is_some();
    problems.extend(too_old);
    if !problems.is_empty() {
        let mut e = Error::refused(problems);
        if a.agreement.is_none() {
            e = e.then(Next::Agree(id));
        }
        if is_too_old {
            e = e.then(Next::SettleOutside(Some(id), month));
        }
        return Err(e);
    }
    let rep = match (&input.settled_outside, existing) {
        (Some(reason), Some(rep)) => {
            correction::settled(rep, reason, input.by.clone().unwrap_or_default(), today)
        }
        (_, existing) => {
            let mut rep = build(&a, month, input, existing.as_ref(), today);
            if let Some(old) = &existing
                && old.approved.is_some()
            {
                let now = earns(store, &a, &rep)?;
                let paid = paid_for(store, &a.id, month)?;
                if settlement::changes_nothing(old, &rep, paid.as_ref(), &now) {
                    return Err(Error::refused(vec![tr!(
                        "nothing to correct: the report would say what it says, and {} {month} would be paid what {}",
                        "inget att rätta: rapporten skulle säga detsamma, och {} {month} skulle få det som {}",
                        a.id,
                        if paid.is_some() {
                            tr!("was paid", "betalats")
                        } else {
                            tr!("it gives now", "den ger nu")
                        }
                    )]));
                }
                if let Some(c) = rep.corrections.last_mut() {
                    c.fee_ore = Some(now.fee);
                    c.expense_ore = Some(now.expense);
                }
            }
            rep
        }
    };
    let mut changes = Changeset::new();
    store.stage_at(
        &mut changes,
        &Report::rel_path(month, &rep.assignment),
        &rep,
    )?;
    store.commit(&lock, &changes)?;
    Ok(Reported {
        // Said otherwise: the same report sent again on a later day replaced nothing.
        replaced: replaced.filter(|old| {
            let mut same_day = old.clone();
            same_day.reported = rep.reported;
            same_day != rep
        }),
        report: rep,
    })
}

/// What `report` wrote, and the report not yet attested it replaced, if it said otherwise.
#[derive(Debug)]
pub struct Reported {
    pub report: Report,
    pub replaced: Option<Report>,
}

/// What `report import` did with one assignment's month.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Imported {
    pub assignment: Id,
    pub month: Month,
    pub meetings: usize,
    /// False when the report on file already says exactly this (a re-run of the same file).
    pub written: bool,
    /// A report on file said otherwise and was replaced (`--replace`): what it held besides
    /// the file's rows (a trip, a receipt entered by hand) is gone, so the table says so.
    pub replaced: bool,
}

/// Joins the distinct non-empty texts of a month's rows (`fika; bio`).
fn joined(texts: impl Iterator<Item = Option<String>>) -> Option<String> {
    let mut seen: Vec<String> = Vec::new();
    for t in texts.flatten() {
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    (!seen.is_empty()).then(|| seen.join("; "))
}

/// A month's hours (tenths) and expenses, summed over its rows (None when no row gives any);
/// a sum too large to hold is a problem, in words, never a wrapped number.
fn sums(rows: &[(usize, ImportRow)]) -> std::result::Result<(Option<u32>, Option<Money>), String> {
    let too_many_hours = || {
        tr!(
            "the rows' hours add up to more than can be recorded",
            "radernas timmar blir sammanlagt fler än som kan registreras"
        )
    };
    let mut hours: Option<u32> = None;
    for h in rows.iter().filter_map(|(_, r)| r.hours_tenths) {
        let total = u64::from(hours.unwrap_or(0)) + u64::from(h);
        hours = Some(u32::try_from(total).map_err(|_| too_many_hours())?);
    }
    let given: Vec<Money> = rows.iter().filter_map(|(_, r)| r.expenses).collect();
    let expenses = match given.is_empty() {
        true => None,
        false => Some(Money::sum(given).map_err(|o| {
            tr!(
                "the rows' expenses: {}",
                "radernas utlägg: {}",
                crate::lang::current().model_message(&o.to_string())
            )
        })?),
    };
    Ok((hours, expenses))
}

/// Imports reports from the e-service: one row per meeting, grouped into one report per
/// assignment and month. The file is validated whole; if any row is bad nothing is written and
/// every bad row is named. Months whose report on file already says the same are left alone, so
/// running the same file again changes nothing; a report on file that says otherwise (entered
/// by hand, or imported before) is replaced only with `replace`, never silently.
pub fn import(
    store: &Store,
    path: &Path,
    rows: Rows<ImportRow>,
    today: NaiveDate,
    replace: bool,
) -> Result<Vec<Imported>> {
    let lock = store.lock()?;
    let mut problems = rows.bad;
    let mut groups: BTreeMap<(Id, Month), Vec<(usize, ImportRow)>> = BTreeMap::new();
    for (line, row) in rows.good {
        match store.resolve(&row.assignment, &[Kind::Assignment]) {
            Ok(id) => groups
                .entry((id, Month::of(row.date)))
                .or_default()
                .push((line, row)),
            Err(e) => problems.push((
                line,
                tr!(
                    "line {line}: column `assignment`: {e}",
                    "rad {line}: kolumnen `assignment`: {e}"
                ),
            )),
        }
    }
    let mut changes = Changeset::new();
    let mut done = Vec::new();
    let mut would_replace = false;
    for ((id, month), rows) in groups {
        let a: Assignment = store.load(&id)?;
        let numbers: Vec<String> = rows.iter().map(|(l, _)| l.to_string()).collect();
        let lines = match numbers.len() {
            1 => tr!("line {}", "rad {}", numbers[0]),
            _ => tr!("lines {}", "rader {}", numbers.join(", ")),
        };
        let mut seen = BTreeMap::new();
        // A stay's row is not a meeting: its days are judged with the month's stays below.
        for (line, r) in rows.iter().filter(|(_, r)| r.stay.is_none()) {
            if let Some(first) = seen.insert(r.date, *line) {
                problems.push((
                    *line,
                    tr!(
                        "line {line}: {id} on {} is already on line {first}",
                        "rad {line}: {id} den {} finns redan på rad {first}",
                        r.date
                    ),
                ));
            } else if let Some(p) = day_problem(&a, month, r.date, today) {
                problems.push((*line, tr!("line {line}: {p}", "rad {line}: {p}")));
            }
        }
        // Summed checked: a sum that does not fit is the file's problem, named by its lines,
        // never a number that wrapped.
        let (hours_tenths, expenses) = match sums(&rows) {
            Ok(s) => s,
            Err(what) => {
                problems.push((rows[0].0, format!("{lines}: {what}")));
                continue;
            }
        };
        let input = ReportInput {
            meetings: rows
                .iter()
                .filter(|(_, r)| r.stay.is_none())
                .map(|(_, r)| r.date)
                .collect(),
            stays: rows.iter().filter_map(|(_, r)| r.stay.clone()).collect(),
            trips: rows.iter().filter_map(|(_, r)| r.trip.clone()).collect(),
            receipts: rows.iter().filter_map(|(_, r)| r.receipt.clone()).collect(),
            hours_tenths,
            activity: joined(rows.iter().map(|(_, r)| r.activity.clone())),
            expenses,
            note: joined(rows.iter().map(|(_, r)| r.note.clone())),
            correct: None,
            by: None,
            no_meetings: false,
            settled_outside: None,
        };
        let existing = store.load_report(month, &id)?;
        let rep = build(&a, month, input.clone(), existing.as_ref(), today);
        if let Some(old) = &existing
            && old.same_content(&rep)
        {
            done.push(Imported {
                assignment: id,
                month,
                meetings: rep.meetings.len(),
                written: false,
                replaced: false,
            });
            continue;
        }
        if let Some(old) = &existing
            && !replace
            && old.approved.is_none()
        {
            problems.push((
                rows[0].0,
                tr!(
                    "{lines}: {id} already has a report for {month} (filed {}) that says otherwise; nothing was replaced",
                    "{lines}: {id} har redan en rapport för {month} (lämnad {}) som säger annat; inget ersattes",
                    old.reported
                ),
            ));
            would_replace = true;
            continue;
        }
        // Meeting days were named per line above; the rest concern the whole month.
        let input_without_days = ReportInput {
            meetings: Vec::new(),
            ..input
        };
        for (i, p) in report_problems(&a, month, &input_without_days, existing.as_ref(), today)
            .into_iter()
            .enumerate()
        {
            // A batch's problems are a list with no edge to add a hint at: the way on is in the
            // line (the missing agreement is the first problem, `report_problems` puts it so).
            let p = match (i, a.agreement.is_none()) {
                (0, true) => tr!(
                    "{p} (`kontakt agree {id} --start DATE ...`)",
                    "{p} (`kontakt agree {id} --start DATUM ...`)"
                ),
                _ => p,
            };
            problems.push((rows[0].0, format!("{lines}: {p}")));
        }
        store.stage_at(&mut changes, &Report::rel_path(month, &id), &rep)?;
        done.push(Imported {
            assignment: id,
            month,
            meetings: rep.meetings.len(),
            written: true,
            replaced: existing.is_some(),
        });
    }
    if !problems.is_empty() {
        problems.sort();
        let e = Error::BadBatch {
            path: path.to_path_buf(),
            problems: problems.into_iter().map(|(_, p)| p).collect(),
        };
        return Err(match would_replace {
            true => e.then(Next::ImportReplace(path.to_path_buf())),
            false => e,
        });
    }
    store.commit(&lock, &changes)?;
    Ok(done)
}

/// What one `report approve` did: the reports approved, and what the approver should know of
/// them (a month far short of the meetings agreed: `rules::meeting_shortfall`).
#[derive(Debug, Default)]
pub struct Approved {
    pub ids: Vec<Id>,
    pub warnings: Vec<String>,
}

/// Approves one assignment's report, or (with `assignment` None) every unapproved one of the month.
pub fn approve(
    store: &Store,
    prefix: Option<&str>,
    month: Month,
    by: String,
    today: NaiveDate,
) -> Result<Approved> {
    if by.trim().is_empty() {
        return Err(Error::refused(vec![tr!(
            "an approval needs the approver's name",
            "en attest behöver attestantens namn"
        )]));
    }
    if let Some(p) = too_old_for_pay(store, month, today) {
        let named = prefix.and_then(|p| store.resolve(p, &[Kind::Assignment]).ok());
        return Err(Error::refused_then(
            vec![p],
            Next::SettleOutside(named, month),
        ));
    }
    let lock = store.lock()?;
    let mut targets = Vec::new();
    match prefix {
        Some(p) => {
            let id = store.resolve(p, &[Kind::Assignment])?;
            let rep = store.load_report(month, &id)?.ok_or_else(|| {
                Error::refused(vec![tr!(
                    "{id} has no report for {month}",
                    "{id} har ingen rapport för {month}"
                )])
            })?;
            if rep.approved.is_some() {
                return Err(Error::refused(vec![tr!(
                    "the report of {id} for {month} is already approved",
                    "rapporten för {id} för {month} är redan attesterad"
                )]));
            }
            targets.push(rep);
        }
        None => {
            targets.extend(
                store
                    .load_reports()?
                    .into_iter()
                    .filter(|r| r.month == month && r.approved.is_none()),
            );
        }
    }
    let mut changes = Changeset::new();
    let mut ids = Vec::new();
    let mut warnings = Vec::new();
    let of: Vec<Id> = targets.iter().map(|r| r.assignment).collect();
    // Only for the warnings: a report whose assignment cannot be read is approved as before.
    let assignments = store.load_many::<Assignment>(&of).unwrap_or_default();
    for rep in &targets {
        if let Some(a) = assignments.iter().find(|a| a.id == rep.assignment) {
            warnings.extend(
                crate::rules::meeting_shortfall::warning(a, rep)
                    .map(|w| format!("{}: {w}", rep.assignment)),
            );
        }
    }
    for mut rep in targets {
        rep.approved = Some(Approval {
            date: today.into(),
            by: Some(by.trim().to_string()),
        });
        store.stage_at(
            &mut changes,
            &Report::rel_path(month, &rep.assignment),
            &rep,
        )?;
        ids.push(rep.assignment);
    }
    store.commit(&lock, &changes)?;
    Ok(Approved { ids, warnings })
}

/// What an ending took out of a report, in `lang`: "2 meetings and 1 trip".
fn taken_out(t: &after_ending::Trimmed, lang: crate::lang::Lang) -> String {
    let parts: Vec<String> = [
        (t.meetings, ["meeting", "meetings"], ["träff", "träffar"]),
        (t.trips, ["trip", "trips"], ["resa", "resor"]),
        (t.stays, ["stay", "stays"], ["vistelse", "vistelser"]),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, en, sv)| lang.count(n as u64, en, sv))
    .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), lang.pick("and", "och"))
        }
        _ => parts.concat(),
    }
}

/// Stages the corrections an ending on `date` makes to the reports after it
/// (`rules::after_ending`); `ended` is the record the person ended (the assignment, its client
/// or its volunteer), for the way on when nobody is named.
pub(super) fn correct_after_ending(
    store: &Store,
    changes: &mut Changeset,
    a: &Assignment,
    date: NaiveDate,
    by: Option<String>,
    ended: Id,
    today: NaiveDate,
) -> Result<Vec<String>> {
    let first = Month::of(date);
    let last = Month::of(today);
    if first > last {
        return Ok(Vec::new());
    }
    let runs = store.read_ledger(Some(first))?.runs;
    let paid = compute::paid_of(
        runs.iter()
            .flat_map(|r| r.lines.iter())
            .filter(|l| l.assignment == a.id),
    )?;
    let mut notes = Vec::new();
    let mut m = first;
    while m <= last {
        let month = m;
        m = m.next();
        let Some(old) = store.load_report(month, &a.id)? else {
            continue;
        };
        let trimmed = after_ending::trimmed(&old, date);
        let removed = trimmed.removed();
        let what = taken_out(&trimmed, crate::lang::current());
        // The correction's reason is recorded, so in English like every recorded sentence.
        let recorded = taken_out(&trimmed, crate::lang::Lang::En);
        let mut rep = trimmed.report;
        // What it earns is worked out only for an attested report: that is what was paid.
        let now = match old.approved {
            Some(_) => Some(earns(store, a, &rep)?),
            None => None,
        };
        let was = paid.get(&(a.id, month));
        let changed = now
            .as_ref()
            .is_some_and(|now| was.is_some_and(|p| !now.same_as(p)));
        match after_ending::change(&old, removed, changed) {
            after_ending::Change::None => continue,
            after_ending::Change::Rewrite => {
                store.stage_at(changes, &Report::rel_path(month, &a.id), &rep)?;
                notes.push(tr!(
                    "{month}: {what} after {date} removed{} from the report (not yet approved)",
                    "{month}: {what} efter {date} {} ur rapporten (ännu inte attesterad)",
                    crate::lang::agreeing(removed as u64, ["", ""], ["borttagen", "borttagna"])
                ));
                continue;
            }
            after_ending::Change::Correct => {}
        }
        let Some(now) = now else {
            continue;
        };
        let Some(by) = by.clone().filter(|b| !b.trim().is_empty()) else {
            return Err(Error::refused_then(
                vec![tr!(
                    "ending {} on {date} corrects the approved report of {month}, and a correction needs a named person",
                    "att avsluta {} den {date} rättar den attesterade rapporten för {month}, och en rättelse behöver en namngiven person",
                    a.id
                )],
                Next::NameWhoEnds(ended),
            ));
        };
        rep.corrections.push(Correction {
            date: today.into(),
            reason: match removed {
                0 => format!("ended {date} (kontakt end): the days after it are no longer paid"),
                _ => format!("ended {date} (kontakt end): {recorded} after it removed"),
            },
            by: Some(by),
            fee_ore: Some(now.fee),
            expense_ore: Some(now.expense),
        });
        store.stage_at(changes, &Report::rel_path(month, &a.id), &rep)?;
        let total = now.fee.checked_add(now.expense)?;
        notes.push(match was {
            Some(p) => tr!(
                "{month}: paid {} kr, now {total} kr; corrected, the next pay run settles the difference",
                "{month}: betalt {} kr, nu {total} kr; rättad, nästa lönekörning reglerar skillnaden",
                p.total()?
            ),
            None if removed == 0 => tr!(
                "{month}: the days after {date} are no longer paid (correction recorded); it pays {}",
                "{month}: dagarna efter {date} betalas inte längre (rättelse registrerad); den ger {}",
                total.localized(crate::lang::current())
            ),
            None => tr!(
                "{month}: {what} after {date} removed{} (correction recorded); it pays {}",
                "{month}: {what} efter {date} {} (rättelse registrerad); den ger {}",
                crate::lang::agreeing(removed as u64, ["", ""], ["borttagen", "borttagna"]),
                total.localized(crate::lang::current())
            ),
        });
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(hours_tenths: Option<u32>, expenses: Option<i64>) -> ImportRow {
        ImportRow {
            assignment: "A-7Q2K9M".into(),
            date: "2026-03-05".parse().unwrap(),
            hours_tenths,
            activity: None,
            expenses: expenses.map(Money),
            note: None,
            stay: None,
            trip: None,
            receipt: None,
        }
    }

    #[test]
    fn a_months_rows_are_summed_checked() {
        let rows = vec![
            (2, row(Some(15), Some(10_000))),
            (3, row(None, Some(2_550))),
        ];
        assert_eq!(sums(&rows), Ok((Some(15), Some(Money(12_550)))));
        assert_eq!(sums(&[(2, row(None, None))]), Ok((None, None)));
        // Beyond an i64 of öre, or a u32 of tenths: a problem, never a wrapped number.
        let rich = vec![(2, row(None, Some(i64::MAX))), (3, row(None, Some(1)))];
        assert!(
            sums(&rich).unwrap_err().contains("too large"),
            "{:?}",
            sums(&rich)
        );
        let long = vec![(2, row(Some(u32::MAX), None)), (3, row(Some(1), None))];
        assert!(sums(&long).unwrap_err().contains("hours add up"));
        // At the edge it still fits.
        let edge = vec![(2, row(Some(u32::MAX - 1), None)), (3, row(Some(1), None))];
        assert_eq!(sums(&edge), Ok((Some(u32::MAX), None)));
    }
}
