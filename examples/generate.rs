//! Generates a realistic, valid records directory (`kontakt check` clean) for benchmarks and
//! trials: clients, volunteers, assignments in every lifecycle state, months of reports
//! (approved, waiting, missing), and the pay runs of every month but the last.
//!
//! ```sh
//! cargo run --release --example generate -- DIR [--clients N] [--volunteers N]
//!     [--assignments N] [--months N] [--until YYYY-MM] [--seed S]
//! ```
//!
//! Deterministic for a seed (ids, people, dates, amounts; pay runs record the generation time
//! `until`+1 month, day 8). People get Skatteverket's test personnummer (read from ../shared at
//! run time) while they last; beyond the list's 41 493 numbers, interim numbers (spec 3.1, a
//! letter in the serial), which are not personnummer and belong to nobody.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate};
use kontakt::model::assignment::{
    Agreement, Compensation, Declined, EndReason, Ending, Party, Terms,
};
use kontakt::model::client::{Decision, Ruling};
use kontakt::model::common::{Basis, Frequency, GenderWish};
use kontakt::model::report::Approval;
use kontakt::model::{
    Assignment, Client, Config, Id, Kind, Month, PayRun, Pnr, Reference, Report, SCHEMA, Screening,
    Verdict, Volunteer,
};
use kontakt::payroll::compute::{Case, paid_of, plan};
use kontakt::payroll::export;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

mod shared;
use shared::{AREAS, INTERESTS, TIMES};
const COST_CENTERS: [&str; 4] = ["4510", "4520", "4530", "4540"];

struct Args {
    dir: PathBuf,
    clients: usize,
    volunteers: usize,
    assignments: usize,
    months: u32,
    until: Month,
    seed: u64,
}

fn args() -> Args {
    let mut a = Args {
        dir: PathBuf::new(),
        clients: 1_200,
        volunteers: 1_300,
        assignments: 1_000,
        months: 12,
        until: "2026-10".parse().unwrap(),
        seed: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--clients" => a.clients = value().parse().unwrap_or_else(|_| usage("--clients N")),
            "--volunteers" => {
                a.volunteers = value().parse().unwrap_or_else(|_| usage("--volunteers N"))
            }
            "--assignments" => {
                a.assignments = value().parse().unwrap_or_else(|_| usage("--assignments N"))
            }
            "--months" => a.months = value().parse().unwrap_or_else(|_| usage("--months N")),
            "--until" => a.until = value().parse().unwrap_or_else(|_| usage("--until YYYY-MM")),
            "--seed" => a.seed = value().parse().unwrap_or_else(|_| usage("--seed S")),
            _ if a.dir.as_os_str().is_empty() && !arg.starts_with('-') => a.dir = arg.into(),
            _ => usage(&format!("unknown argument {arg}")),
        }
    }
    if a.dir.as_os_str().is_empty() {
        usage("give the directory to create");
    }
    if a.assignments > a.clients || a.months == 0 {
        usage("--assignments must not exceed --clients, and --months must be at least 1");
    }
    a
}

fn usage(msg: &str) -> ! {
    eprintln!(
        "generate: {msg}\nusage: generate DIR [--clients N] [--volunteers N] [--assignments N] [--months N] [--until YYYY-MM] [--seed S]"
    );
    std::process::exit(2)
}

/// Personnummer for `n` people born within `years`: test numbers first, then interim numbers.
struct People {
    test: Vec<Pnr>,
    next: usize,
    /// Interim numbers given, so that no two people share one.
    given: std::collections::HashSet<Pnr>,
}

impl People {
    fn new() -> People {
        let list = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/reference/personnummer/skatteverket-testpersonnummer.txt"
        ))
        .expect("../shared beside the checkout");
        People {
            test: list
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| Pnr::from_canonical(l.trim()).ok())
                .collect(),
            next: 0,
            given: Default::default(),
        }
    }

    /// The next unused test number born in `years`, else an interim number.
    fn take(&mut self, rng: &mut StdRng, years: std::ops::Range<i32>) -> Pnr {
        while self.next < self.test.len() {
            let p = self.test[self.next].clone();
            self.next += 1;
            if years.contains(&p.birth_date().year()) {
                return p;
            }
        }
        loop {
            let p = interim(rng, years.clone());
            if self.given.insert(p.clone()) {
                return p;
            }
        }
    }
}

/// An interimsnummer: `YYYYMMDD` + a letter + two digits + the Luhn digit (the letter counts as 1).
fn interim(rng: &mut StdRng, years: std::ops::Range<i32>) -> Pnr {
    loop {
        let born = NaiveDate::from_ymd_opt(rng.random_range(years.clone()), 1, 1).unwrap()
            + Duration::days(rng.random_range(0..365));
        let letter = b"TRSUWXJKLMN"[rng.random_range(0..11)] as char;
        let digits = format!("{:02}", rng.random_range(0..100));
        let ten = format!("{}1{digits}", born.format("%y%m%d"));
        let sum: u32 = ten
            .bytes()
            .enumerate()
            .map(|(i, b)| {
                let d = (b - b'0') as u32 * if i % 2 == 0 { 2 } else { 1 };
                d / 10 + d % 10
            })
            .sum();
        let check = (10 - sum % 10) % 10;
        let canonical = format!("{}{letter}{digits}{check}", born.format("%Y%m%d"));
        if let Ok(p) = Pnr::from_canonical(&canonical) {
            return p;
        }
    }
}

/// A random id not given before (30 bits: a country's worth of records has a few collisions,
/// which kontakt's own `new_id` avoids the same way).
fn fresh(kind: Kind, rng: &mut StdRng, seen: &mut std::collections::HashSet<Id>) -> Id {
    loop {
        let id = Id::from_rng(kind, rng);
        if seen.insert(id) {
            return id;
        }
    }
}

fn pick(rng: &mut StdRng, k: usize) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    while v.len() < k {
        let s = INTERESTS[rng.random_range(0..INTERESTS.len())].to_string();
        if !v.contains(&s) {
            v.push(s);
        }
    }
    v
}

fn days(d: NaiveDate, n: i64) -> NaiveDate {
    d + Duration::days(n)
}

/// Writes a file readable by its owner only, as kontakt does.
fn write(dir: &Path, rel: &Path, text: &[u8]) {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let path = dir.join(rel);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .and_then(|mut f| f.write_all(text))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn private_dir(path: &Path) {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn main() {
    let a = args();
    let t0 = Instant::now();
    let mut rng = StdRng::seed_from_u64(a.seed);
    let mut people = People::new();
    let mut seen = std::collections::HashSet::new();
    let first = {
        let mut m = a.until;
        for _ in 1..a.months {
            m = m.prev();
        }
        m
    };
    let history_start = first.first_day();
    let today = days(a.until.next().first_day(), 4);
    let mut config = Config::new("Genererad kommun");
    config.payroll.retroactive_months = 3;

    // Volunteers: most approved (with free places for the assignments), some in screening,
    // rejected or just applied.
    let mut volunteers = Vec::with_capacity(a.volunteers);
    let mut slots: Vec<usize> = Vec::new();
    for i in 0..a.volunteers {
        let applied = days(history_start, -rng.random_range(60..900));
        let roll = rng.random_range(0..100);
        let mut s = Screening::default();
        if roll < 96 {
            s.interview = Some(days(applied, 10).into());
            s.references = vec![
                Reference {
                    name: "Referens A".into(),
                    verdict: Verdict::Ok,
                    date: (days(applied, 12)).into(),
                },
                Reference {
                    name: "Referens B".into(),
                    verdict: Verdict::Ok,
                    date: (days(applied, 13)).into(),
                },
            ];
        }
        if roll < 88 {
            // Renewed yearly: the latest extract is at most eleven months old today.
            s.police_extract = Some((days(today, -rng.random_range(1..330))).into());
            s.social_register = Some(days(applied, 14).into());
            s.approved = Some(days(applied, 20).into());
        } else if roll < 91 {
            s.rejected = Some(days(applied, 20).into());
            s.rejection_reason = Some("Referenserna bekräftar inte en stabil livssituation".into());
        }
        let capacity = if rng.random_bool(0.2) { 2 } else { 1 };
        if s.approved.is_some() {
            slots.extend(std::iter::repeat_n(i, capacity as usize));
        }
        volunteers.push(Volunteer {
            schema: SCHEMA,
            id: fresh(Kind::Volunteer, &mut rng, &mut seen),
            name: format!("Volontär {i}"),
            pnr: people.take(&mut rng, 1945..2005),
            applied: applied.into(),
            email: None,
            phone: None,
            area: Some(AREAS[rng.random_range(0..AREAS.len())].into()),
            interests: pick(&mut rng, 3),
            languages: vec!["sv".into()],
            availability: vec![TIMES[rng.random_range(0..3)]],
            capacity,
            employee_number: rng.random_bool(0.9).then(|| format!("E{:06}", i)),
            screening: s,
            pauses: vec![],
            leaving: None,
            support: vec![],
            offers: vec![kontakt::model::common::Insats::Kontaktperson],
            household: None,
            history: vec![],
        });
    }
    assert!(
        slots.len() >= a.assignments,
        "{} assignments need more volunteers ({} places)",
        a.assignments,
        slots.len()
    );
    // Deterministic shuffle of the places.
    for i in (1..slots.len()).rev() {
        let j = rng.random_range(0..=i);
        slots.swap(i, j);
    }

    let mut clients = Vec::with_capacity(a.clients);
    let mut assignments = Vec::with_capacity(a.assignments);
    for i in 0..a.clients {
        let pnr = people.take(&mut rng, 1935..2021);
        let basis = if rng.random_bool(0.4) {
            Basis::Lss
        } else {
            Basis::Sol
        };
        let matched = i < a.assignments;
        // When the pair starts: spread over the history and the two years before it.
        let start = if matched {
            days(
                history_start,
                rng.random_range(-730..(a.months as i64 * 30 - 10)),
            )
        } else {
            days(today, -rng.random_range(20..400))
        };
        let applied = days(start, -rng.random_range(40..120)).min(days(today, -1));
        let decided = days(applied, 25).min(today);
        let expires_early = matched && rng.random_range(0..100) < 5;
        let to = if expires_early {
            days(start, rng.random_range(60..500))
                .min(days(today, -2))
                .max(days(start, 1))
        } else {
            days(today, rng.random_range(60..700))
        };
        let age = pnr.age_on(decided);
        let mut decisions = Vec::new();
        let outcome_roll = rng.random_range(0..100);
        if matched || outcome_roll < 80 {
            decisions.push(Decision {
                decided_by: None,
                insats: None,
                notified: None,
                appeal: None,
                decided,
                ruling: Ruling::Granted {
                    from: decided.min(start),
                    to,
                },
                basis: Some(basis),
                meetings: Some("1/week".parse().unwrap()),
                guardian_consent: (age < config.clients.consent_age).then_some(decided),
                reason: None,
                followed_up: vec![],
                follow_ups: Vec::new(),
                delay_reasons: vec![],
                closed: None,
            });
        } else if outcome_roll < 90 {
            decisions.push(Decision {
                decided_by: None,
                insats: None,
                notified: None,
                appeal: None,
                decided,
                ruling: Ruling::Denied,
                basis: None,
                meetings: None,
                guardian_consent: None,
                reason: Some("Behovet tillgodoses genom annan insats".into()),
                followed_up: vec![],
                follow_ups: Vec::new(),
                delay_reasons: vec![],
                closed: None,
            });
        }
        let client = Client {
            schema: SCHEMA,
            id: fresh(Kind::Client, &mut rng, &mut seen),
            name: format!("Klient {i}"),
            pnr,
            applied: applied.into(),
            basis,
            area: Some(AREAS[rng.random_range(0..AREAS.len())].into()),
            interests: pick(&mut rng, 2),
            languages: vec!["sv".into()],
            wants_gender: GenderWish::Any,
            wants_age: None,
            availability: vec![TIMES[rng.random_range(0..3)]],
            note: None,
            applied_insats: Default::default(),
            applied_meetings: None,
            handler: None,
            guardians: Vec::new(),
            ivo_code: None,
            decisions,
            history: vec![],
        };
        if matched {
            let v = &volunteers[slots[i]];
            let id = fresh(Kind::Assignment, &mut rng, &mut seen);
            assignments.push(assignment(
                &mut rng,
                id,
                &client,
                v,
                start,
                to,
                expires_early,
                today,
            ));
        }
        clients.push(client);
    }

    // Reports: one per month an agreement is in force, approved a few days after the month;
    // the last month's partly waiting, a few missing.
    let months: Vec<Month> = {
        let mut v = vec![first];
        while *v.last().unwrap() < a.until {
            let n = v.last().unwrap().next();
            v.push(n);
        }
        v
    };
    let mut reports: BTreeMap<(Id, Month), Report> = BTreeMap::new();
    for asg in &assignments {
        let Some(ag) = &asg.agreement else { continue };
        if ag.signed.is_none() || ag.confidentiality_signed.is_none() {
            continue;
        }
        for &m in &months {
            let active: Vec<NaiveDate> = m.dates().filter(|d| asg.terms_on(*d).is_some()).collect();
            if active.is_empty() || rng.random_range(0..100) < 2 {
                continue;
            }
            let n = rng.random_range(1..=4).min(active.len());
            let mut meetings: Vec<NaiveDate> = (0..n)
                .map(|_| active[rng.random_range(0..active.len())])
                .collect();
            meetings.sort();
            meetings.dedup();
            let reported = days(m.next().first_day(), 2);
            let approved = m < a.until || rng.random_bool(0.7);
            reports.insert(
                (asg.id, m),
                Report {
                    schema: SCHEMA,
                    assignment: asg.id,
                    month: m,
                    meetings: meetings.into_iter().map(Into::into).collect(),
                    hours_tenths: Some(rng.random_range(10..80)),
                    activity: Some(INTERESTS[rng.random_range(0..INTERESTS.len())].into()),
                    expenses_ore: None,
                    stays: vec![],
                    trips: vec![],
                    receipts: vec![],
                    note: None,
                    reported: reported.into(),
                    approved: approved.then(|| Approval {
                        date: (days(reported, 3)).into(),
                        by: Some("Handläggare".into()),
                    }),
                    corrections: vec![],
                    settled_outside: None,
                },
            );
        }
    }

    // Pay runs for every month but the last, as kontakt pay would have made them.
    let by_id_c: HashMap<&Id, &Client> = clients.iter().map(|c| (&c.id, c)).collect();
    let by_id_v: HashMap<&Id, &Volunteer> = volunteers.iter().map(|v| (&v.id, v)).collect();
    let cases: Vec<Case> = assignments
        .iter()
        .map(|x| Case {
            assignment: x,
            client: by_id_c[&x.client],
            volunteer: by_id_v[&x.volunteer],
        })
        .collect();
    let mut ledger = Vec::new();
    let mut runs = Vec::new();
    for &m in &months[..months.len() - 1] {
        let created = days(m.next().first_day(), 7).and_hms_opt(9, 0, 0).unwrap();
        let window = kontakt::payroll::retroactive::window(
            m,
            created.date(),
            config.payroll.retroactive_months,
        );
        let p = plan(
            m,
            &window,
            &cases,
            &reports,
            &paid_of(ledger.iter()).expect("generated amounts are small"),
            &config.compensation,
            &config.payroll,
        )
        .expect("generated amounts are small");
        if p.lines.is_empty() {
            continue;
        }
        let payees: Vec<kontakt::payroll::Payee> = p
            .lines
            .iter()
            .map(|l| {
                let v = by_id_v[&l.volunteer];
                kontakt::payroll::Payee {
                    name: v.name.clone(),
                    pnr: v.pnr.clone(),
                    employee_number: v.employee_number.clone(),
                }
            })
            .collect();
        let rows: Vec<export::Row> = p.lines.iter().zip(payees.iter()).collect();
        let bytes = export::csv::write(&rows, &config.payroll.csv).unwrap();
        let id = fresh(Kind::PayRun, &mut rng, &mut seen);
        let file = format!("payruns/{m}/{id}.csv");
        runs.push((
            PayRun {
                schema: SCHEMA,
                id,
                month: m,
                created,
                // One run a month, made in month order.
                seq: runs.len() as u32 + 1,
                user: "lonehandlaggare".into(),
                format: "csv".into(),
                file: file.clone(),
                sha256: kontakt::rules::ledger::sha256_hex(&bytes),
                total_ore: p.total(),
                lines: p.lines.clone(),
                window_from: window.first().copied(),
                owed: Vec::new(),
            },
            bytes,
        ));
        ledger.extend(p.lines);
    }
    let t_model = t0.elapsed();

    // Write everything.
    let dir = &a.dir;
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        usage(&format!("{} exists and is not empty", dir.display()));
    }
    private_dir(dir);
    for sub in ["clients", "volunteers", "assignments", "payruns", "reports"] {
        private_dir(&dir.join(sub));
    }
    for m in &months {
        private_dir(&dir.join("reports").join(m.to_string()));
        private_dir(&dir.join("payruns").join(m.to_string()));
    }
    write(
        dir,
        Path::new("kontakt.toml"),
        kontakt::model::config::template("Genererad kommun").as_bytes(),
    );
    write(dir, Path::new(".gitignore"), b".kontakt/\n");
    let toml = |rec: &dyn erased::Ser, rel: &Path| rec.text(rel);
    for c in &clients {
        let rel = PathBuf::from(format!("clients/{}.toml", c.id));
        write(dir, &rel, toml(c, &rel).as_bytes());
    }
    for v in &volunteers {
        let rel = PathBuf::from(format!("volunteers/{}.toml", v.id));
        write(dir, &rel, toml(v, &rel).as_bytes());
    }
    for x in &assignments {
        let rel = PathBuf::from(format!("assignments/{}.toml", x.id));
        write(dir, &rel, toml(x, &rel).as_bytes());
    }
    for r in reports.values() {
        let rel = Report::rel_path(r.month, &r.assignment);
        write(dir, &rel, toml(r, &rel).as_bytes());
    }
    for (run, bytes) in &runs {
        write(dir, Path::new(&run.file), bytes);
        let rel = PayRun::rel_path_of(run.month, &run.id);
        write(dir, &rel, toml(run, &rel).as_bytes());
    }
    eprintln!(
        "generated {}: {} clients, {} volunteers, {} assignments, {} reports, {} pay runs ({} lines) \
         over {} months to {} in {:.1} s (model {:.1} s); today is {today}",
        dir.display(),
        clients.len(),
        volunteers.len(),
        assignments.len(),
        reports.len(),
        runs.len(),
        ledger.len(),
        a.months,
        a.until,
        t0.elapsed().as_secs_f64(),
        t_model.as_secs_f64()
    );
}

/// Serialising any record the way the store does.
mod erased {
    pub trait Ser {
        fn text(&self, rel: &std::path::Path) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn text(&self, rel: &std::path::Path) -> String {
            kontakt::store::to_toml(self, rel).unwrap()
        }
    }
}

/// One client's assignment in a state drawn at random: mostly active, some ended, declined,
/// proposed or unsigned.
#[allow(clippy::too_many_arguments)]
fn assignment(
    rng: &mut StdRng,
    id: Id,
    c: &Client,
    v: &Volunteer,
    start: NaiveDate,
    decision_to: NaiveDate,
    expires_early: bool,
    today: NaiveDate,
) -> Assignment {
    let proposed = days(start, -14).max(c.applied.get());
    let mut x = Assignment {
        schema: SCHEMA,
        id,
        client: c.id,
        volunteer: v.id,
        proposed: proposed.into(),
        note: None,
        score: Some(rng.random_range(20..90)),
        declined: None,
        agreement: None,
        ended: None,
        plan: None,
        history: vec![],
    };
    let roll = rng.random_range(0..100);
    if roll < 3 {
        x.declined = Some(Declined {
            date: (days(proposed, 7).min(today)).into(),
            by: Party::Client,
            reason: "Kemin stämde inte".into(),
        });
        return x;
    }
    if roll < 5 && start > days(today, -30) {
        return x; // proposed, waiting for the meeting
    }
    let level = rng.random_range(1..=2u8);
    let compensation = |pct: u32| Compensation::Percent {
        level: Some(1),
        hundredths: pct * 100,
    };
    let expense = Compensation::Percent {
        level: Some(level),
        hundredths: [10, 25, 40][level as usize - 1] * 100,
    };
    let mut terms = vec![Terms::monthly(
        start,
        Frequency::from_str_unwrap("1/week"),
        compensation(rng.random_range(15..=35)),
        expense,
    )];
    let change = days(start, rng.random_range(60..400));
    if rng.random_range(0..100) < 15 && change < today {
        terms.push(Terms::monthly(
            change,
            Frequency::from_str_unwrap("2/week"),
            Compensation::Percent {
                level: Some(2),
                hundredths: rng.random_range(20..=45) * 100,
            },
            expense,
        ));
    }
    let unsigned = roll < 7;
    x.agreement = Some(Agreement {
        start: start.into(),
        end: None,
        signed: ((!unsigned).then(|| days(start, -3).max(proposed))).map(Into::into),
        confidentiality_signed: ((!unsigned).then(|| days(start, -3).max(proposed)))
            .map(Into::into),
        cost_center: Some(COST_CENTERS[rng.random_range(0..COST_CENTERS.len())].into()),
        terms,
    });
    if expires_early {
        x.ended = Some(Ending {
            date: decision_to.into(),
            reason: EndReason::DecisionExpired,
            note: None,
        });
    } else if roll < 15 {
        let end = days(start, rng.random_range(30..500));
        if end < days(today, -1) {
            x.ended = Some(Ending {
                date: end.into(),
                reason: EndReason::GoalReached,
                note: None,
            });
        }
    }
    // Terms that start after the end are not terms; keep only those in force at some point.
    if let (Some(ag), Some(last)) = (x.agreement.as_mut(), x.ended.as_ref().map(|e| e.date)) {
        ag.terms.retain(|t| t.from <= last);
    }
    x
}

trait FromStrUnwrap {
    fn from_str_unwrap(s: &str) -> Self;
}

impl FromStrUnwrap for Frequency {
    fn from_str_unwrap(s: &str) -> Self {
        s.parse().unwrap()
    }
}
