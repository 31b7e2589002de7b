//! `kontakt pay`: the monthly pay run. Gathers exactly the records the month needs, plans the
//! run (`payroll::compute`), and writes the payroll file and its ledger entry in one transaction,
//! so that both exist or neither does, and nothing is ever paid twice.

use crate::error::IoOp;
use crate::tr;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::NaiveDateTime;

use crate::error::Next;
use crate::model::payrun::Excluded;
use crate::model::{Assignment, Client, Id, Kind, Money, Month, PayRun, Report, SCHEMA, Volunteer};
use crate::payroll::compute::{self, Case, Paid, Plan};
use crate::payroll::export::{self, Row};
use crate::payroll::owed;
use crate::payroll::reconcile::{self, Verdict};
use crate::payroll::retroactive::{self, back};
use crate::payroll::{LineKind, PayLine, Payee};
use crate::store::{Changeset, Lock, Store};
use crate::{Error, Result};

/// How far back before the retroactive window `pay` looks for what is owed and too old when
/// no earlier run says where its window began. Each later run looks back to the window of the
/// last run written and lists again what that run found owed (`payroll::retroactive`), so what
/// falls out of the window is listed until settled, without reading all of history.
const LOOK_BACK_MONTHS: u32 = 1;

/// The payroll file's format (the configuration's type).
pub use crate::model::layout::PayrollFormat as Format;

/// The records a run reads, gathered once.
struct Gathered {
    assignments: Vec<Assignment>,
    clients: HashMap<Id, Client>,
    volunteers: HashMap<Id, Volunteer>,
    reports: BTreeMap<(Id, Month), Report>,
    runs: Vec<PayRun>,
    /// Everything under `payruns/`, for `rules::ledger` (the runs above are those read in full).
    ledger: crate::rules::ledger::Survey,
    /// The first month whose ledger entries and reports were read.
    from: Month,
}

impl Gathered {
    fn cases(&self) -> Vec<Case<'_>> {
        self.assignments
            .iter()
            .filter_map(|a| {
                Some(Case {
                    assignment: a,
                    client: self.clients.get(&a.client)?,
                    volunteer: self.volunteers.get(&a.volunteer)?,
                })
            })
            .collect()
    }

    fn payee(&self, v: &Id) -> Option<Payee> {
        self.volunteers.get(v).map(|v| Payee {
            name: v.name.clone(),
            pnr: v.pnr.clone(),
            employee_number: v.employee_number.clone(),
        })
    }
}

/// Reads the assignments whose agreement touches `from..=to`, their clients and volunteers,
/// their reports of those months, and the ledger (the entries of those months in full, and
/// what else lies under `payruns/`).
fn gather(store: &Store, from: Month, to: Month, pre: Option<&Loaded>) -> Result<Gathered> {
    // The ledger's files are large: one at a time, on one core, while the other cores read the
    // many small records (two ledger files parsed at once would double the peak memory).
    let (ledger, records) = rayon::join(
        || store.read_ledger(Some(from)),
        || gather_records(store, from, to, pre),
    );
    let (assignments, clients, volunteers, reports) = records?;
    let ledger = ledger?;
    let mut g = Gathered {
        assignments,
        clients,
        volunteers,
        reports,
        runs: ledger.runs,
        ledger: ledger.survey,
        from,
    };
    add_paid_assignments(store, &mut g, to)?;
    Ok(g)
}

/// Adds what the ledger paid for in `g.from..=to` that the records no longer put there (an
/// ending moved back, so the assignment or its later months fall outside the agreement): what
/// was paid must be settled, so those periods are planned too, with their assignments,
/// clients, volunteers and reports.
fn add_paid_assignments(store: &Store, g: &mut Gathered, to: Month) -> Result<()> {
    let mut missing: Vec<(Id, Month)> = g
        .runs
        .iter()
        .flat_map(|r| r.lines.iter())
        .filter(|l| l.period >= g.from && l.period <= to)
        .map(|l| (l.assignment, l.period))
        .filter(|k| !g.reports.contains_key(k))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    missing.sort();
    missing.dedup();
    let known: std::collections::HashSet<&Id> = g.assignments.iter().map(|a| &a.id).collect();
    let mut ids: Vec<Id> = missing
        .iter()
        .map(|(a, _)| *a)
        .filter(|a| !known.contains(a))
        .collect();
    ids.dedup();
    // An assignment the ledger names but the records lack is `check`'s finding (E003); pay
    // cannot plan it.
    ids.retain(|id| {
        store
            .root()
            .join(Store::rel_path(Kind::Assignment, id))
            .exists()
    });
    let added: Vec<Assignment> = store.load_many(&ids)?;
    for a in &added {
        if let std::collections::hash_map::Entry::Vacant(e) = g.clients.entry(a.client) {
            let c: Client = store.load(&a.client)?;
            e.insert(c);
        }
        if let std::collections::hash_map::Entry::Vacant(e) = g.volunteers.entry(a.volunteer) {
            let v: Volunteer = store.load(&a.volunteer)?;
            e.insert(v);
        }
    }
    g.assignments.extend(added);
    for r in store.load_reports_of(&missing)? {
        g.reports.insert((r.assignment, r.month), r);
    }
    Ok(())
}

type Records = (
    Vec<Assignment>,
    HashMap<Id, Client>,
    HashMap<Id, Volunteer>,
    BTreeMap<(Id, Month), Report>,
);

/// Records a caller has already read in full (`due` reads every record): the run's are taken
/// from them rather than read again.
pub struct Loaded<'a> {
    pub clients: &'a [Client],
    pub volunteers: &'a [Volunteer],
    pub assignments: &'a [Assignment],
    pub reports: &'a [Report],
}

/// The records of the window `from..=to`: the assignments whose agreement runs in it, their
/// clients and volunteers, and their reports of its months, from `pre` when given (what it
/// lacks is read, so a missing file is the same error either way) or else from the store.
fn gather_records(store: &Store, from: Month, to: Month, pre: Option<&Loaded>) -> Result<Records> {
    let in_window = |a: &Assignment| {
        a.agreement.as_ref().is_some_and(|ag| {
            ag.start <= to.last_day() && a.last_day().is_none_or(|l| l >= from.first_day())
        })
    };
    let assignments: Vec<Assignment> = match pre {
        Some(pre) => pre
            .assignments
            .iter()
            .filter(|a| in_window(a))
            .cloned()
            .collect(),
        None => {
            let mut all: Vec<Assignment> = store.load_all()?;
            all.retain(in_window);
            all
        }
    };
    let unique = |ids: Vec<Id>| -> Vec<Id> {
        let mut v = ids;
        v.sort();
        v.dedup();
        v
    };
    let client_ids = unique(assignments.iter().map(|a| a.client).collect());
    let volunteer_ids = unique(assignments.iter().map(|a| a.volunteer).collect());
    let clients = people(store, &client_ids, pre.map(|p| p.clients))?;
    let volunteers = people(store, &volunteer_ids, pre.map(|p| p.volunteers))?;
    let mut wanted = Vec::new();
    for a in &assignments {
        let Some(ag) = &a.agreement else { continue };
        let mut m = from.max(Month::of(ag.start.get()));
        let last = a.last_day().map_or(to, |l| to.min(Month::of(l)));
        while m <= last {
            wanted.push((a.id, m));
            m = m.next();
        }
    }
    let reports: BTreeMap<(Id, Month), Report> = match pre {
        Some(pre) => {
            let wanted: std::collections::HashSet<(Id, Month)> = wanted.into_iter().collect();
            pre.reports
                .iter()
                .filter(|r| wanted.contains(&(r.assignment, r.month)))
                .map(|r| ((r.assignment, r.month), r.clone()))
                .collect()
        }
        None => store
            .load_reports_of(&wanted)?
            .into_iter()
            .map(|r| ((r.assignment, r.month), r))
            .collect(),
    };
    Ok((assignments, clients, volunteers, reports))
}

/// The clients or volunteers `ids`, from `pre` when given, the rest (all without it) read.
fn people<T>(store: &Store, ids: &[Id], pre: Option<&[T]>) -> Result<HashMap<Id, T>>
where
    T: crate::store::Record + Clone + Send,
{
    let mut out: HashMap<Id, T> = HashMap::with_capacity(ids.len());
    if let Some(pre) = pre {
        let by_id: HashMap<&Id, &T> = pre.iter().map(|p| (p.id(), p)).collect();
        for id in ids {
            if let Some(p) = by_id.get(id) {
                out.insert(*id, (*p).clone());
            }
        }
    }
    let rest: Vec<Id> = ids
        .iter()
        .filter(|id| !out.contains_key(id))
        .copied()
        .collect();
    out.extend(rest.iter().copied().zip(store.load_many::<T>(&rest)?));
    Ok(out)
}

/// The plan for `month` made on `payout` from gathered records, with what is owed but older
/// than the retroactive limit named (`payroll::retroactive`): what a run would pay for the
/// periods read before the window, and what the last run written found owed and is still
/// unsettled.
fn plan_of(
    store: &Store,
    g: &Gathered,
    month: Month,
    paid: &Paid,
    payout: chrono::NaiveDate,
) -> Result<Plan> {
    let rules = &store.config.payroll;
    let tariffs = &store.config.compensation;
    let cases = g.cases();
    let window = retroactive::window(month, payout, rules.retroactive_months);
    let mut plan = compute::plan(month, &window, &cases, &g.reports, paid, tariffs, rules)?;
    let items = owed_of(store, g, &cases, month, paid, payout)?;
    plan.excluded.extend(items.iter().cloned());
    plan.owed = items;
    plan.excluded.sort_by(|x, y| {
        (&x.volunteer, &x.assignment, x.period).cmp(&(&y.volunteer, &y.assignment, y.period))
    });
    Ok(plan)
}

/// What a run for `month` made on `payout` may no longer pay: the months read before its
/// retroactive window, planned as if payable, and what the last run written found owed before
/// them, unless settled outside kontakt since. `due` needs only this, not the window's plan.
fn owed_of(
    store: &Store,
    g: &Gathered,
    cases: &[compute::Case],
    month: Month,
    paid: &Paid,
    payout: chrono::NaiveDate,
) -> Result<Vec<Excluded>> {
    let rules = &store.config.payroll;
    let n = rules.retroactive_months;
    let tariffs = &store.config.compensation;
    let oldest = retroactive::oldest_payable(month, payout, n);
    let before = owed::months_before(g.from, oldest, month);
    let old = compute::plan(month, &before, cases, &g.reports, paid, tariffs, rules)?;
    let carried: &[Excluded] = latest(&g.runs).map_or(&[], |r| &r.owed);
    // Reports of the months not read here, to see which the last run's owed were settled.
    let unread: Vec<(Id, Month)> = carried
        .iter()
        .filter(|o| o.period < g.from)
        .map(|o| (o.assignment, o.period))
        .collect();
    let settled: std::collections::HashSet<(Id, Month)> = store
        .load_reports_of(&unread)?
        .into_iter()
        .filter(Report::settled_outside)
        .map(|r| (r.assignment, r.month))
        .collect();
    Ok(owed::owed(
        &old.lines, carried, g.from, oldest, &settled, n,
    )?)
}

/// The run written last (by time and `seq`) among `runs`.
fn latest(runs: &[PayRun]) -> Option<&PayRun> {
    runs.iter().max_by(|x, y| x.order().cmp(&y.order()))
}

/// Reads what a run for `month` made on `payout` needs: its window, the month before it
/// (`LOOK_BACK_MONTHS`), and back to the window of the last run written, so that what fell out
/// of the window since is named as owed.
fn gather_for(
    store: &Store,
    month: Month,
    payout: chrono::NaiveDate,
    pre: Option<&Loaded>,
) -> Result<Gathered> {
    let n = store.config.payroll.retroactive_months;
    let mut from = retroactive::oldest_payable(month, payout, n).min(back(month, n));
    for _ in 0..LOOK_BACK_MONTHS {
        from = from.prev();
    }
    let g = gather(store, from, month, pre)?;
    // The last run written began its window earlier (runs were skipped, or it was made with a
    // longer limit): read back to there, so nothing that fell out of the window in between is
    // missed. Rare, and then once.
    let last_from = latest(&g.runs).map(|r| r.window_from.unwrap_or_else(|| back(r.month, n)));
    match last_from {
        Some(f) if f < from => gather(store, f, month, pre),
        _ => Ok(g),
    }
}

fn month_is_over(month: Month, today: chrono::NaiveDate) -> Result<()> {
    let years = crate::rules::bounds::YEARS;
    if !years.contains(&month.year()) {
        return Err(Error::arg(
            crate::tr!("MONTH", "MÅNAD"),
            crate::tr!(
                "{month} is outside the years kontakt pays ({} to {})",
                "{month} ligger utanför de år kontakt betalar ({} till {})",
                years.start(),
                years.end()
            ),
        ));
    }
    if !crate::payroll::month_over::is_over(month, today) {
        return Err(Error::refused(vec![crate::tr!(
            "{month} has not ended yet: its pay run can be made from {}",
            "{month} är inte slut än: lönekörningen kan göras från {}",
            crate::payroll::month_over::payable_from(month)
        )]));
    }
    Ok(())
}

/// A run refuses to pay from records `check` finds wrong: an agreement whose terms are out of
/// bounds or lack their reason, a report with meetings outside its month or its agreement's
/// days, listed twice, or absurd expenses. The rules are `check`'s own (`rules::terms`,
/// `rules::report`), applied to what this run would pay: approved reports and their agreements.
fn refuse_unsound(store: &Store, g: &Gathered, month: Month) -> Result<()> {
    use crate::store::Record;
    let approved: std::collections::HashSet<&Id> = g
        .reports
        .values()
        .filter(|r| r.approved.is_some())
        .map(|r| &r.assignment)
        .collect();
    let mut found = Vec::new();
    let mut by_id = HashMap::new();
    for a in g.assignments.iter().filter(|a| approved.contains(&a.id)) {
        by_id.insert(&a.id, a);
        for p in crate::rules::terms::agreement_problems(a, &store.config.compensation) {
            found.push(store.describe_problem(&a.rel_path(), &p));
        }
    }
    for r in g.reports.values().filter(|r| r.approved.is_some()) {
        let a = by_id.get(&r.assignment).copied();
        for p in crate::rules::report::report_problems(r, a) {
            found.push(store.describe_problem(&Report::rel_path(r.month, &r.assignment), &p));
        }
    }
    if found.is_empty() {
        return Ok(());
    }
    found.push(tr!(
        "nothing was paid: these are to be corrected first",
        "inget betalades: dessa ska rättas först"
    ));
    Err(Error::refused_then(found, Next::CheckThenPay(month)))
}

/// A run refuses to pay while the ledger is not whole (`rules::ledger`): a payroll file whose
/// entry is gone, an entry outside `payruns/<its month>/` or unreadable, a file that is neither,
/// or a line paid twice (two runs that did not see each other, merged). Each would make this
/// run pay a month again or build on a double payment. Lines paid twice are looked for in the
/// entries read in full, the periods from `g.from` on (complete there: a run pays no period
/// after its month); further back they are `check`'s (E017). With `twice` false only the
/// layout is judged (`--verify`, which reports a line paid twice as its difference).
fn refuse_broken_ledger(
    store: &Store,
    g: &Gathered,
    twice: bool,
    month: Option<Month>,
) -> Result<()> {
    use crate::rules::ledger::{self, LedgerProblem};
    let mut problems = ledger::layout(&g.ledger);
    if twice {
        let runs: Vec<&PayRun> = g.runs.iter().collect();
        let cases = g.cases();
        for t in ledger::paid_twice(&runs) {
            if t.period < g.from {
                continue;
            }
            let report = g.reports.get(&(t.assignment, t.period));
            let case = cases
                .iter()
                .find(|c| c.assignment.id == t.assignment)
                .copied();
            if reconcile::paid_twice_stands(
                &t,
                report,
                case,
                &store.config.compensation,
                &store.config.payroll,
            ) {
                problems.push(LedgerProblem::PaidTwice(t));
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let mut reasons: Vec<String> = problems
        .iter()
        .map(|p| match p {
            LedgerProblem::Unreadable { .. } => p.message(),
            _ => format!("{}: {}", p.path().display(), p.message()),
        })
        .collect();
    let interrupted = !crate::store::atomic::pending(store.root()).is_empty();
    if interrupted {
        reasons.push(tr!(
            "a command was interrupted while it wrote (`.kontakt/txn-*`) and may be why",
            "ett kommando avbröts medan det skrev (`.kontakt/txn-*`) och kan vara orsaken"
        ));
    }
    let mut e = match month {
        Some(month) => {
            reasons.push(tr!(
                "nothing was paid: the ledger (payruns/) is not whole, and paying now could pay a month again",
                "inget betalades: huvudboken (payruns/) är inte hel, och att betala nu kunde betala en månad igen"
            ));
            Error::refused_then(reasons, Next::CheckThenPay(month))
        }
        None => {
            reasons.push(tr!(
                "the ledger (payruns/) is not whole",
                "huvudboken (payruns/) är inte hel"
            ));
            Error::refused_then(reasons, Next::Check)
        }
    };
    if interrupted {
        e = e.then(Next::Repair);
    }
    Err(e)
}

/// A run that lacks a year's prisbasbelopp is refused, dry or real: paying the others and
/// leaving out everyone on SKR's percentages would look like success to a scheduled payout.
fn refuse_without_prisbasbelopp(plan: &Plan) -> Result<()> {
    if plan.missing_prisbasbelopp.is_empty() && plan.missing_rates.is_empty() {
        return Ok(());
    }
    let mut reasons: Vec<String> = plan
        .missing_prisbasbelopp
        .iter()
        .map(|y| crate::rules::prisbasbelopp::missing_message(*y))
        .chain(
            plan.missing_rates
                .iter()
                .map(|m| crate::lang::current().phrases(m)),
        )
        .collect();
    reasons.push(tr!("nothing was paid", "inget betalades"));
    Err(Error::refused_then(reasons, Next::PayAgain(plan.month)))
}

/// What a run for `month` would pay now, writing nothing.
pub fn dry_run(store: &Store, month: Month, today: chrono::NaiveDate) -> Result<Plan> {
    month_is_over(month, today)?;
    let g = gather_for(store, month, today, None)?;
    let paid = compute::paid_of(g.runs.iter().flat_map(|r| r.lines.iter()))?;
    refuse_broken_ledger(store, &g, true, Some(month))?;
    refuse_unsound(store, &g, month)?;
    let plan = plan_of(store, &g, month, &paid, today)?;
    refuse_without_prisbasbelopp(&plan)?;
    Ok(plan)
}

/// What happened when a run was asked for.
#[derive(Debug)]
pub enum Outcome {
    /// Nothing new to pay: nothing was written. `runs` are the runs already made for the month,
    /// oldest first (their files can be copied again with [`copy`]).
    NothingNew { plan: Plan, runs: Vec<Id> },
    /// Paid and committed. `copied`: the copy to `--out`, made after the commit (so a copy
    /// that fails leaves the run paid: the caller warns and names `pay --copy`).
    Paid {
        run: Box<PayRun>,
        plan: Plan,
        copied: Option<Copied>,
    },
}

/// The copy of a run's payroll file to `--out`.
#[derive(Debug)]
pub struct Copied {
    pub out: PathBuf,
    /// Why the copy could not be made (the run stands).
    pub failed: Option<Box<Error>>,
}

pub struct RunInput {
    pub month: Month,
    pub format: Option<Format>,
    pub user: String,
    pub now: NaiveDateTime,
    /// Also write the payroll file here, once the run is committed.
    pub out: Option<PathBuf>,
}

/// The payroll file's bytes for `lines`.
fn render(
    store: &Store,
    g: &Gathered,
    lines: &[PayLine],
    format: Format,
    now: NaiveDateTime,
) -> Result<Vec<u8>> {
    let payees: Vec<Payee> = lines
        .iter()
        .map(|l| {
            g.payee(&l.volunteer).ok_or_else(|| {
                Error::refused(vec![crate::tr!(
                    "{}: no volunteer {}",
                    "{}: ingen kontaktperson {}",
                    l.assignment,
                    l.volunteer
                )])
            })
        })
        .collect::<Result<_>>()?;
    let rows: Vec<Row> = lines.iter().zip(payees.iter()).collect();
    let p = &store.config.payroll;
    match format {
        Format::Csv => export::csv::write(&rows, &p.csv),
        Format::Paxml => {
            let company = p
                .company
                .clone()
                .unwrap_or_else(|| store.config.municipality.clone());
            export::paxml::write(&rows, &p.paxml, &company, now)
        }
    }
}

/// Makes the run: the payroll file (`payruns/<month>/<id>.csv|xml`) and its ledger entry
/// (`payruns/<month>/<id>.toml`) in one transaction, under the lock, so two runs at once cannot both pay.
pub fn run(store: &Store, input: RunInput, today: chrono::NaiveDate) -> Result<Outcome> {
    month_is_over(input.month, today)?;
    let format = match input.format {
        Some(f) => f,
        None => store.config.payroll.format,
    };
    let lock: Lock = store.lock()?;
    let g = gather_for(store, input.month, today, None)?;
    let paid = compute::paid_of(g.runs.iter().flat_map(|r| r.lines.iter()))?;
    refuse_broken_ledger(store, &g, true, Some(input.month))?;
    refuse_unsound(store, &g, input.month)?;
    let plan = plan_of(store, &g, input.month, &paid, today)?;
    refuse_without_prisbasbelopp(&plan)?;
    if plan.lines.is_empty() {
        let mut made: Vec<&PayRun> = g.runs.iter().filter(|r| r.month == input.month).collect();
        made.sort_by(|x, y| x.order().cmp(&y.order()));
        let runs = made.into_iter().map(|r| r.id).collect();
        return Ok(Outcome::NothingNew { plan, runs });
    }
    let id = store.new_id(Kind::PayRun, &[]);
    let file = format!("payruns/{}/{id}.{}", input.month, format.extension());
    let bytes = render(store, &g, &plan.lines, format, input.now)?;
    let run = PayRun {
        schema: SCHEMA,
        id,
        month: input.month,
        created: input.now,
        // A hand-edited `seq` may be u32::MAX: the run is refused, not wrapped to 0.
        seq: g
            .runs
            .iter()
            .map(|r| r.seq)
            .max()
            .unwrap_or(0)
            .checked_add(1)
            .ok_or_else(|| {
                Error::refused(vec![tr!(
                    "a pay run in payruns/ has seq = {}, the highest there can be: a hand edit? Its entry's seq should be one more than the run before it",
                    "en lönekörning i payruns/ har seq = {}, det högsta som går: en ändring för hand? Dess seq ska vara ett mer än körningen före",
                    u32::MAX
                )])
            })?,
        user: input.user,
        format: crate::model::common::word(&format),
        file: file.clone(),
        sha256: crate::rules::ledger::sha256_hex(&bytes),
        total_ore: plan.total(),
        lines: plan.lines.clone(),
        window_from: Some(retroactive::oldest_payable(
            input.month,
            today,
            store.config.payroll.retroactive_months,
        )),
        owed: plan.owed.clone(),
    };
    let copy = input.out.map(|out| (out, bytes.clone()));
    let mut changes = Changeset::new();
    changes.write(&file, bytes);
    store.stage(&mut changes, &run)?;
    store.commit(&lock, &changes)?;
    // The same bytes the ledger's SHA-256 was taken of, not the file read back.
    let copied = copy.map(|(out, bytes)| Copied {
        failed: crate::store::atomic::write_file(&out, &bytes)
            .err()
            .map(Box::new),
        out,
    });
    Ok(Outcome::Paid {
        run: Box::new(run),
        plan,
        copied,
    })
}

/// Copies the payroll file of a run already made to `out`, byte for byte: the file as the
/// ledger recorded it (its SHA-256 is checked first), so that a copy lost or never made can be
/// made again at any time. Returns the run.
pub fn copy(store: &Store, prefix: &str, out: &std::path::Path) -> Result<PayRun> {
    let id = store.resolve(prefix, &[Kind::PayRun])?;
    let run: PayRun = store.load(&id)?;
    let path = store.root().join(&run.file);
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, IoOp::Read, e))?;
    if !crate::rules::ledger::is_the_paid_file(&run, &bytes) {
        return Err(Error::refused(vec![tr!(
            "{} has changed since {id} wrote it (its SHA-256 is not the one recorded): nothing was copied",
            "{} har ändrats sedan {id} skrev den (dess SHA-256 är inte den registrerade): inget kopierades",
            run.file
        )])
        .then(Next::Verify(id)));
    }
    crate::store::atomic::write_file(out, &bytes)?;
    Ok(run)
}

/// What `pay --verify` found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Verification {
    pub run: Id,
    pub file: String,
    /// The file is there and its SHA-256 is the one recorded.
    pub file_matches: bool,
    /// The ledger's total is the sum of its lines.
    pub total_matches: bool,
    /// Lines the records and the earlier ledger no longer give, with what they give now.
    pub differences: Vec<String>,
    /// Lines whose report was corrected afterwards and a later run paid the difference.
    pub corrected_later: Vec<String>,
    /// Lines whose report was corrected afterwards (`report --correct`) and whose difference
    /// no run has paid yet: the next run pays it. Not a difference of this run.
    pub corrections_pending: Vec<String>,
    /// The people whose files were culled (gallrade) since the run: its lines cannot be
    /// worked out again, so only the file and the total were verified.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub culled: Vec<Id>,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.file_matches && self.total_matches && self.differences.is_empty()
    }
}

/// Recomputes a run from the records and the ledger before it, and checks the file it paid.
pub fn verify(store: &Store, prefix: &str) -> Result<Verification> {
    let id = store.resolve(prefix, &[Kind::PayRun])?;
    let run: PayRun = store.load(&id)?;
    let file_matches = match std::fs::read(store.root().join(&run.file)) {
        Ok(bytes) => crate::rules::ledger::is_the_paid_file(&run, &bytes),
        Err(_) => false,
    };
    let total_matches = crate::rules::ledger::total_adds_up(&run);
    // Pay's records are kept when a person's file is culled (`gallra`), the person's file is
    // not: a run that paid her is verified by its file and its total only.
    let culled = culled_in(store, &run)?;
    if !culled.is_empty() {
        return Ok(Verification {
            run: id,
            file: run.file,
            file_matches,
            total_matches,
            differences: Vec::new(),
            corrected_later: Vec::new(),
            corrections_pending: Vec::new(),
            culled,
        });
    }
    let made = run.created.date();
    let g = gather_for(store, run.month, made, None)?;
    refuse_broken_ledger(store, &g, false, None)?;
    // What was paid for each of the run's periods up to and including the run, reconciled
    // with the records as `check` (E013) does.
    let upto = g
        .runs
        .iter()
        .filter(|r| r.order() <= run.order())
        .flat_map(|r| r.lines.iter());
    let paid = compute::paid_of(upto)?;
    let later_corrections: HashMap<(Id, Month), &Id> = g
        .runs
        .iter()
        .filter(|r| r.order() > run.order())
        .flat_map(|r| r.lines.iter().map(move |l| (l, &r.id)))
        .filter(|(l, _)| l.corrects.is_some())
        .map(|(l, id)| ((l.assignment, l.period), id))
        .collect();
    let cases: HashMap<Id, Case> = g
        .cases()
        .into_iter()
        .map(|c| (c.assignment.id, c))
        .collect();
    let periods: std::collections::BTreeSet<(Id, Month)> =
        run.lines.iter().map(|l| (l.assignment, l.period)).collect();
    // A period a later run paid again (a correction) is judged as `check` judges it: by all
    // that was paid for it since.
    let paid_all = compute::paid_of(g.runs.iter().flat_map(|r| r.lines.iter()))?;
    let mut differences = Vec::new();
    let mut corrected_later = Vec::new();
    let mut corrections_pending = Vec::new();
    for (aid, period) in periods {
        let key = (aid, period);
        let Some(p) = paid.get(&key) else {
            continue;
        };
        let reading = |paid: &compute::PaidPeriod| {
            reconcile::reconcile(
                cases.get(&aid).copied(),
                period,
                g.reports.get(&key),
                paid,
                &store.config.compensation,
                &store.config.payroll,
            )
        };
        let here = reading(p);
        if here.verdict() == Verdict::Holds {
            continue;
        }
        let later = later_corrections.get(&key).zip(paid_all.get(&key));
        let (reconciled, paid_so_far) = match later {
            Some((_, all)) => (reading(all), all),
            None => (here, p),
        };
        match reconciled.verdict() {
            Verdict::Holds => {
                if let Some((by, _)) = later {
                    corrected_later.push(format!("{aid} {period} corrected by {by}"));
                }
            }
            Verdict::SettledOutside => {
                corrected_later.push(format!("{aid} {period} settled outside kontakt"))
            }
            // What cannot be worked out now is check's finding of its own (a missing
            // prisbasbelopp, an amount out of range), not this run's: a later correction
            // accounted for the run's difference.
            Verdict::Unknown(_) if later.is_some() => {
                if let Some((by, _)) = later {
                    corrected_later.push(format!("{aid} {period} corrected by {by}"));
                }
            }
            Verdict::Unknown(why) => differences.push(format!(
                "{aid} {period}: cannot be worked out again: {}",
                why.reason()
            )),
            Verdict::Pending => corrections_pending.push(format!(
                "{aid} {period} correction pending: the report was corrected after this run; the next run pays the difference"
            )),
            Verdict::Changed { now, .. } => {
                for kind in LineKind::EARNED {
                    let (was, is) = (paid_so_far.get(kind), now.get(kind));
                    if was == is {
                        continue;
                    }
                    let kind = crate::model::common::word(&kind);
                    // After a later correction, what was paid is the sum of both runs.
                    let was = match later {
                        Some((by, _)) => format!("{was} kr in all (with {by})"),
                        None => format!("{was} kr"),
                    };
                    differences.push(if is == Money::ZERO {
                        format!("{aid} {period} {kind}: paid {was}, the records now give nothing")
                    } else {
                        format!("{aid} {period} {kind}: paid {was}, the records now give {is} kr")
                    });
                }
            }
        }
    }
    Ok(Verification {
        run: id,
        file: run.file,
        file_matches,
        total_matches,
        differences,
        corrected_later,
        corrections_pending,
        culled: Vec::new(),
    })
}

/// The clients and volunteers of `run`'s lines whose files `gallra` culled.
fn culled_in(store: &Store, run: &PayRun) -> Result<Vec<Id>> {
    let path = std::path::Path::new(crate::model::culled::FILE);
    if !store.root().join(path).exists() {
        return Ok(Vec::new());
    }
    let registry: crate::model::culled::Culled =
        crate::store::parse::parse(path, &store.read_text(path)?)?;
    let mut ids: Vec<Id> = run.lines.iter().map(|l| l.assignment).collect();
    ids.sort();
    ids.dedup();
    let mut out = Vec::new();
    for a in store.load_many::<Assignment>(&ids)? {
        for who in [a.client, a.volunteer] {
            if registry.contains(&who) && !out.contains(&who) {
                out.push(who);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// What a change to a paid month's records means (`paid_effects`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum PaidEffect {
    /// The month was paid `paid` and its records now give `now`: once the change is recorded
    /// (`report --correct`), the next run pays the difference.
    Changed {
        assignment: Id,
        period: Month,
        paid_ore: Money,
        now_ore: Money,
    },
    /// What the month gives now cannot be worked out (a missing prisbasbelopp): why.
    Unknown { problem: String },
}

/// What a change to `a`'s agreement made from `from` on means for months already paid: each
/// paid month whose records now give another amount (`payroll::reconcile`'s verdict, as
/// `check`'s E013 reads it). `agree` shows these, so a retroactive change of terms or end
/// says what it will cause.
pub fn paid_effects(store: &Store, a: &Assignment, from: Month) -> Result<Vec<PaidEffect>> {
    let runs = store.read_ledger(Some(from))?.runs;
    let paid = compute::paid_of(
        runs.iter()
            .flat_map(|r| r.lines.iter())
            .filter(|l| l.assignment == a.id && l.period >= from),
    )?;
    let client: Client = store.load(&a.client)?;
    let volunteer: Volunteer = store.load(&a.volunteer)?;
    let case = Case {
        assignment: a,
        client: &client,
        volunteer: &volunteer,
    };
    let c = &store.config;
    let mut periods: Vec<&(Id, Month)> = paid.keys().collect();
    periods.sort();
    let mut out = Vec::new();
    for key in periods {
        let (id, period) = key;
        let before = &paid[key];
        let report = store.load_report(*period, id)?;
        let reconciled = reconcile::reconcile(
            Some(case),
            *period,
            report.as_ref(),
            before,
            &c.compensation,
            &c.payroll,
        );
        let now = match reconciled.verdict() {
            // Unchanged, or a correction already recorded covers it, or settled outside.
            Verdict::Holds | Verdict::Pending | Verdict::SettledOutside => continue,
            Verdict::Changed { now, .. } => now.total()?,
            Verdict::Unknown(compute::NotEarned::NoPrisbasbelopp(y)) => {
                out.push(PaidEffect::Unknown {
                    problem: crate::rules::prisbasbelopp::missing_message(*y),
                });
                continue;
            }
            Verdict::Unknown(compute::NotEarned::Overflow) => {
                return Err(crate::model::money::Overflow.into());
            }
            Verdict::Unknown(why) => {
                out.push(PaidEffect::Unknown {
                    problem: why.reason(),
                });
                continue;
            }
        };
        out.push(PaidEffect::Changed {
            assignment: *id,
            period: *period,
            paid_ore: before.total()?,
            now_ore: now,
        });
    }
    Ok(out)
}

/// What pay owes and may no longer pay (older than the retroactive limit), as a run made today
/// for the last month that has ended would list it: `due` shows these until each is settled.
pub fn owed(
    store: &Store,
    today: chrono::NaiveDate,
    pre: Option<&Loaded>,
) -> Result<Vec<Excluded>> {
    let month = crate::payroll::month_over::last_ended(today);
    let g = gather_for(store, month, today, pre)?;
    let paid = compute::paid_of(g.runs.iter().flat_map(|r| r.lines.iter()))?;
    owed_of(store, &g, &g.cases(), month, &paid, today)
}
