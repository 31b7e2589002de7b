//! The named validations `check` runs once every record is read, in order (beancount's
//! `validate_*` list, hledger's named checks). Each judges by the rule functions the operations
//! use (`rules/`, `payroll/`), so `check` and the command that writes a record never disagree.
//! Problems found while reading (E001-E003, E005, E007, E010, E012, the reports' own) are
//! reported by `read` as each file is parsed.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::NaiveDate;

use super::checker::{Checker, line_in};
use super::{Code, Diagnostic};
use crate::model::culled::Culled;
use crate::model::{Assignment, Client, Config, Id, Kind, Month, PayRun, Report, Volunteer};
use crate::payroll::{compute, reconcile, settlement};
use crate::rules::ledger::{self, LedgerProblem};
use crate::rules::{decision, ivo_code, pause, status, terms};
use crate::store::Record;
use crate::store::parse::KeyPart;
use crate::tr;

/// Every record as read, with the lookups the validations share.
pub(super) struct Ctx<'b> {
    pub root: &'b Path,
    pub today: NaiveDate,
    pub config: Option<&'b Config>,
    pub runs: &'b [(PathBuf, PayRun)],
    pub clients: &'b [(PathBuf, Client)],
    pub volunteers: &'b [(PathBuf, Volunteer)],
    pub assignments: &'b [(PathBuf, Assignment)],
    pub culled: &'b Culled,
    /// Slim reports (what pay reads) by assignment and month.
    pub reports: HashMap<(Id, Month), (PathBuf, Report)>,
    // Lookups by id: a country's records are hundreds of thousands of files.
    pub client_by_id: HashMap<&'b Id, &'b Client>,
    pub volunteer_by_id: HashMap<&'b Id, &'b Volunteer>,
    pub assignment_by_id: HashMap<&'b Id, &'b Assignment>,
    /// The periods `paid_twice` reported: their sums differ because of the double payment, so
    /// `paid_changed` leaves them to it.
    pub paid_twice: Mutex<HashSet<(Id, Month)>>,
}

/// A validation: its name (as `check` documents it) and the function.
pub(super) type Validation = (&'static str, fn(&Ctx, &mut Checker));

/// In order: `paid_twice` before `paid_changed`.
pub(super) const VALIDATIONS: &[Validation] = &[
    ("decision_dates", decision_dates),
    ("appeals", appeals),
    ("ivo_codes", ivo_codes),
    ("applied_in_the_past", applied_in_the_past),
    ("same_person", same_person),
    ("screening_dates", screening_dates),
    ("volunteer_breaks", volunteer_breaks),
    ("support_dates", support_dates),
    ("reports_not_ahead", reports_not_ahead),
    ("contact_details", contact_details),
    ("names", names),
    ("assignment_references", assignment_references),
    ("agreement_terms", agreement_terms),
    ("plans", plans),
    ("pay_files", pay_files),
    ("pay_run_totals", pay_run_totals),
    ("pay_run_references", pay_run_references),
    ("paid_twice", paid_twice),
    ("paid_changed", paid_changed),
];

/// E006: a grant's period, a closing inside it, a decision not before the application, nor
/// after today, nor before the decision above it (`rules::decision::order_problems`).
fn decision_dates(x: &Ctx, ck: &mut Checker) {
    for (rel, c) in x.clients {
        for (i, d) in c.decisions.iter().enumerate() {
            let at = |k| {
                line_in(
                    x.root,
                    rel,
                    &[
                        KeyPart::Key("decisions"),
                        KeyPart::Index(i),
                        KeyPart::Key(k),
                    ],
                )
            };
            if !decision::period_is_sound(d) {
                ck.report(
                    rel,
                    at("to"),
                    Code::ImpossibleDates,
                    tr!(
                        "decision {}: a grant needs `from` and `to`, with `to` not before `from`",
                        "beslut {}: ett bifall behöver `from` och `to`, med `to` inte före `from`",
                        i + 1
                    ),
                );
            }
            if let Some(cl) = &d.closed
                && crate::rules::closure::outside_period(d, cl.date.get())
            {
                ck.report(
                    rel,
                    line_in(
                        x.root,
                        rel,
                        &[
                            KeyPart::Key("decisions"),
                            KeyPart::Index(i),
                            KeyPart::Key("closed"),
                            KeyPart::Key("date"),
                        ],
                    ),
                    Code::ImpossibleDates,
                    tr!(
                        "decision {}: closed outside its period (before it was made, or on or after its last day)",
                        "beslut {}: avslutat utanför sin period (före beslutet, eller på eller efter dess sista dag)",
                        i + 1
                    ),
                );
            }
            for p in decision::order_problems(
                i.checked_sub(1).and_then(|j| c.decisions.get(j)),
                d.decided,
                x.today,
            ) {
                ck.report(
                    rel,
                    at("decided"),
                    Code::ImpossibleDates,
                    tr!("decision {}: {}", "beslut {}: {}", i + 1, p),
                );
            }
            if decision::before_application(c, d) {
                ck.report(
                    rel,
                    at("decided"),
                    Code::ImpossibleDates,
                    tr!(
                        "decision {} is dated before the application",
                        "beslut {} är daterat före ansökan",
                        i + 1
                    ),
                );
            }
        }
    }
}

/// E006/E004: an appeal's steps out of the law's order or after today, a forwarding of a
/// decision changed as asked, a judgment without its outcome (`rules::appeal::record_problems`).
fn appeals(x: &Ctx, ck: &mut Checker) {
    for (rel, c) in x.clients {
        for p in crate::rules::appeal::record_problems(c, x.today) {
            ck.problem(rel, &p);
        }
    }
}

/// E004: an IVO code of the right form for its client (`rules::ivo_code`), and each person's own.
fn ivo_codes(x: &Ctx, ck: &mut Checker) {
    let mut seen: HashMap<&str, &Id> = HashMap::new();
    for (rel, c) in x.clients {
        for p in ivo_code::problems(c) {
            ck.problem(rel, &p);
        }
        if let Some(code) = &c.ivo_code {
            match seen.get(code.as_str()) {
                Some(other) => {
                    let line = line_in(x.root, rel, &[KeyPart::Key("ivo_code")]);
                    ck.report(
                        rel,
                        line,
                        Code::BadValue,
                        tr!(
                            "field `ivo_code`: {other} has the same IVO code; each person needs their own",
                            "fältet `ivo_code`: {other} har samma IVO-kod; varje person behöver sin egen"
                        ),
                    );
                }
                None => {
                    seen.insert(code.as_str(), &c.id);
                }
            }
        }
    }
}

/// E006: an application dated after today.
fn applied_in_the_past(x: &Ctx, ck: &mut Checker) {
    let applied = x
        .clients
        .iter()
        .map(|(r, c)| (r, c.applied))
        .chain(x.volunteers.iter().map(|(r, v)| (r, v.applied)));
    for (rel, day) in applied {
        if day > x.today {
            let line = line_in(x.root, rel, &[KeyPart::Key("applied")]);
            ck.report(
                rel,
                line,
                Code::ImpossibleDates,
                tr!(
                    "the application is dated in the future",
                    "ansökan är daterad i framtiden"
                ),
            );
        }
    }
}

/// E009: the same person with two open applications of one kind (`rules::status`).
fn same_person(x: &Ctx, ck: &mut Checker) {
    ck.same_person(
        Kind::Client,
        x.clients
            .iter()
            .filter(|(_, c)| status::client_is_open(c, x.today))
            .map(|(r, c)| (r, &c.pnr, &c.id)),
    );
    ck.same_person(
        Kind::Volunteer,
        x.volunteers
            .iter()
            .filter(|(_, v)| status::volunteer_is_open(v))
            .map(|(r, v)| (r, &v.pnr, &v.id)),
    );
}

/// E006: a screening both approved and rejected, or approved before the application; E004:
/// a rejection without its reason, an employee number payroll cannot take (`rules::screening::record_problems`).
fn screening_dates(x: &Ctx, ck: &mut Checker) {
    for (rel, v) in x.volunteers {
        for p in crate::rules::screening::record_problems(v) {
            ck.problem(rel, &p);
        }
    }
}

/// E004: a name as stored that is no name (`rules::bounds::name_problem`, what `apply` and
/// `screen` refuse): a client's, a volunteer's, a household adult's, a referee's.
fn names(x: &Ctx, ck: &mut Checker) {
    use crate::rules::{Flaw, Key, Problem};
    let mut judge = |rel: &PathBuf, name: &str, at: &[Key]| {
        if let Some(why) = crate::rules::bounds::name_problem(name) {
            ck.problem(rel, &Problem::new(Flaw::BadValue, at, why));
        }
    };
    for (rel, c) in x.clients {
        judge(rel, &c.name, &[Key::name("name")]);
    }
    for (rel, v) in x.volunteers {
        judge(rel, &v.name, &[Key::name("name")]);
        for (i, a) in v.household.iter().flat_map(|h| h.adults.iter().enumerate()) {
            let at = [
                Key::name("household"),
                Key::name("adults"),
                Key::Index(i),
                Key::name("name"),
            ];
            judge(rel, &a.name, &at);
        }
        for (i, r) in v.screening.references.iter().enumerate() {
            let at = [
                Key::name("screening"),
                Key::name("references"),
                Key::Index(i),
                Key::name("name"),
            ];
            judge(rel, &r.name, &at);
        }
    }
}

/// E004: an e-mail address that is none, a language that is no code (`rules::contact`).
fn contact_details(x: &Ctx, ck: &mut Checker) {
    for (rel, c) in x.clients {
        for p in crate::rules::contact::problems(None, &c.languages) {
            ck.problem(rel, &p);
        }
    }
    for (rel, v) in x.volunteers {
        for p in crate::rules::contact::problems(v.email.as_deref(), &v.languages) {
            ck.problem(rel, &p);
        }
    }
}

/// E004/E006: a volunteer's breaks and leaving (`rules::pause`).
fn volunteer_breaks(x: &Ctx, ck: &mut Checker) {
    for (rel, v) in x.volunteers {
        for p in pause::problems(v) {
            ck.problem(rel, &p);
        }
    }
}

/// E006: a support contact dated after today or before the application
/// (`rules::support::contact_problems`, what `kontakt support` refuses).
fn support_dates(x: &Ctx, ck: &mut Checker) {
    for (rel, v) in x.volunteers {
        for p in crate::rules::support::contact_problems(v, x.today) {
            ck.problem(rel, &p);
        }
    }
}

/// E006: a report of a month not begun, or with a meeting, trip or stay end after today
/// (`rules::report::future_problems`, what `kontakt report` refuses).
fn reports_not_ahead(x: &Ctx, ck: &mut Checker) {
    let mut found: Vec<(&PathBuf, crate::rules::Problem)> = x
        .reports
        .values()
        .flat_map(|(rel, r)| {
            crate::rules::report::future_problems(r, x.today)
                .into_iter()
                .map(move |p| (rel, p))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(b.0));
    for (rel, p) in found {
        ck.problem(rel, &p);
    }
}

/// Is there a file for `id`, read or not? A record that does not parse was reported as such;
/// what names it is not also told it "does not exist".
fn on_file(x: &Ctx, kind: Kind, id: &Id) -> bool {
    super::on_file(x.root, kind, id)
}

/// E008: an assignment's client (unless culled) and volunteer on file.
fn assignment_references(x: &Ctx, ck: &mut Checker) {
    for (rel, a) in x.assignments {
        let key = |k| line_in(x.root, rel, &[KeyPart::Key(k)]);
        if !x.client_by_id.contains_key(&a.client)
            && !x.culled.contains(&a.client)
            && !on_file(x, Kind::Client, &a.client)
        {
            ck.report(
                rel,
                key("client"),
                Code::Dangling,
                tr!(
                    "field `client`: no client {} on file",
                    "fältet `client`: ingen klient {} finns",
                    a.client
                ),
            );
        }
        if !x.volunteer_by_id.contains_key(&a.volunteer)
            && !x.culled.contains(&a.volunteer)
            && !on_file(x, Kind::Volunteer, &a.volunteer)
        {
            ck.report(
                rel,
                key("volunteer"),
                Code::Dangling,
                tr!(
                    "field `volunteer`: no volunteer {} on file",
                    "fältet `volunteer`: ingen kontaktperson {} finns",
                    a.volunteer
                ),
            );
        }
    }
}

/// E004/E006: an agreement's terms within the compensation model (`rules::terms`).
fn agreement_terms(x: &Ctx, ck: &mut Checker) {
    let Some(c) = x.config else {
        return;
    };
    for (rel, a) in x.assignments {
        for p in terms::agreement_problems(a, &c.compensation) {
            ck.problem(rel, &p);
        }
    }
}

/// E004: a stored genomförandeplan without a goal, or an activity not said in full
/// (`rules::plan`).
fn plans(x: &Ctx, ck: &mut Checker) {
    for (rel, a) in x.assignments {
        for p in a.plan.iter().flat_map(crate::rules::plan::record_problems) {
            ck.problem(rel, &p);
        }
    }
}

/// E014: each run's payroll file present and the one that was paid (its SHA-256).
fn pay_files(x: &Ctx, ck: &mut Checker) {
    for (rel, run) in x.runs {
        let key = |k| line_in(x.root, rel, &[KeyPart::Key(k)]);
        match fs::read(x.root.join(&run.file)) {
            Ok(bytes) if ledger::is_the_paid_file(run, &bytes) => {}
            Ok(_) => ck.report(
                rel,
                key("sha256"),
                Code::PayFile,
                tr!(
                    "{} is not the file this run paid (its SHA-256 differs); restore it from git",
                    "{} är inte filen som denna körning betalade (dess SHA-256 skiljer sig); återställ den från git",
                    run.file
                ),
            ),
            Err(_) => ck.report(
                rel,
                key("file"),
                Code::PayFile,
                tr!(
                    "{} is missing; restore it from git",
                    "{} saknas; återställ den från git",
                    run.file
                ),
            ),
        }
    }
}

/// E004: a run's total is the sum of its lines.
fn pay_run_totals(x: &Ctx, ck: &mut Checker) {
    for (rel, run) in x.runs {
        if !ledger::total_adds_up(run) {
            let line = line_in(x.root, rel, &[KeyPart::Key("total_ore")]);
            ck.report(
                rel,
                line,
                Code::BadValue,
                tr!(
                    "the total is not the sum of the lines",
                    "summan är inte summan av raderna"
                ),
            );
        }
    }
}

/// E008: each line's assignment on file.
fn pay_run_references(x: &Ctx, ck: &mut Checker) {
    for (rel, run) in x.runs {
        for (i, l) in run.lines.iter().enumerate() {
            if !x.assignment_by_id.contains_key(&l.assignment)
                && !on_file(x, Kind::Assignment, &l.assignment)
            {
                let line = line_in(
                    x.root,
                    rel,
                    &[
                        KeyPart::Key("lines"),
                        KeyPart::Index(i),
                        KeyPart::Key("assignment"),
                    ],
                );
                ck.report(
                    rel,
                    line,
                    Code::Dangling,
                    tr!(
                        "field `assignment`: no assignment {} on file",
                        "fältet `assignment`: inget uppdrag {} finns",
                        l.assignment
                    ),
                );
            }
        }
    }
}

/// E017: a line paid twice, by runs that did not see each other (`rules::ledger::paid_twice`).
fn paid_twice(x: &Ctx, ck: &mut Checker) {
    let path_of: HashMap<&Id, &PathBuf> = x.runs.iter().map(|(p, r)| (&r.id, p)).collect();
    let all: Vec<&PayRun> = x.runs.iter().map(|(_, r)| r).collect();
    for t in ledger::paid_twice(&all) {
        let key = (t.assignment, t.period);
        let report = x.reports.get(&key).map(|(_, r)| r);
        let case = x.assignment_by_id.get(&t.assignment).and_then(|a| {
            Some(compute::Case {
                assignment: a,
                client: x.client_by_id.get(&a.client)?,
                volunteer: x.volunteer_by_id.get(&a.volunteer)?,
            })
        });
        let stands = match x.config {
            Some(config) => crate::payroll::reconcile::paid_twice_stands(
                &t,
                report,
                case,
                &config.compensation,
                &config.payroll,
            ),
            // Without the configuration nothing is worked out again: the report's revision
            // alone decides.
            None => t.stands(report.map(Report::revision), None),
        };
        if !stands {
            continue;
        }
        let last = t.payers.last().map(|p| (&p.run, p.line));
        let rel = last
            .and_then(|(id, _)| path_of.get(id).copied())
            .unwrap_or(&t.last_entry)
            .clone();
        let line = last.map_or(1, |(_, i)| {
            line_in(
                x.root,
                &rel,
                &[
                    KeyPart::Key("lines"),
                    KeyPart::Index(i),
                    KeyPart::Key("assignment"),
                ],
            )
        });
        if let Ok(mut found) = x.paid_twice.lock() {
            found.insert(key);
        }
        let message = LedgerProblem::PaidTwice(t).message();
        ck.report(&rel, line, Code::PaidTwice, message);
    }
}

/// E013: a paid period whose records now give another amount and no correction records it
/// (`payroll::reconcile`, the reading `pay --verify` makes too; `payroll::settlement` says when a
/// difference is paid).
fn paid_changed(x: &Ctx, ck: &mut Checker) {
    use rayon::prelude::*;
    let Some(config) = x.config else {
        return;
    };
    let paid = match compute::paid_of(x.runs.iter().flat_map(|(_, r)| r.lines.iter())) {
        Ok(p) => p,
        Err(e) => {
            ck.report(Path::new(PayRun::DIR), 1, Code::BadValue, e.to_string());
            Default::default()
        }
    };
    let n = config.payroll.retroactive_months;
    let doubled: HashSet<(Id, Month)> = x
        .paid_twice
        .lock()
        .map(|found| found.clone())
        .unwrap_or_default();
    // Every paid period worked out again, on all cores (`check` sorts what it found).
    let changed: Vec<Diagnostic> = paid
        .into_par_iter()
        .filter(|(key, _)| !doubled.contains(key))
        .filter_map(|((aid, period), p)| {
            let a = x.assignment_by_id.get(&aid)?;
            let c = x.client_by_id.get(&a.client)?;
            let v = x.volunteer_by_id.get(&a.volunteer)?;
            let report = x.reports.get(&(aid, period));
            let case = compute::Case {
                assignment: a,
                client: c,
                volunteer: v,
            };
            let reconciled = reconcile::reconcile(
                Some(case),
                period,
                report.map(|(_, r)| r),
                &p,
                &config.compensation,
                &config.payroll,
            );
            let reconcile::Verdict::Changed { now, why } = reconciled.verdict() else {
                // Unchanged, recorded (the next run pays the difference), settled outside
                // kontakt; a missing prisbasbelopp is a warning of its own, an overflow E004's.
                return None;
            };
            let (rel, line) = match report {
                Some((rel, _)) => (
                    rel.clone(),
                    line_in(x.root, rel, &[KeyPart::Key("meetings")]),
                ),
                None => (Report::rel_path(period, &aid), 1),
            };
            Some(Diagnostic {
                path: x.root.join(rel),
                line,
                code: Code::PaidChanged,
                message: if crate::payroll::retroactive::too_old_today(period, x.today, n) {
                    // `--correct` is refused this far back: the change is settled by hand.
                    crate::tr!(
                        "{aid} {period} changed after it was paid ({} kr paid, the records now give {} kr), and is older than the retroactive limit: settle it outside kontakt and record that with `kontakt report {aid} {period} --settled-outside REASON`",
                        "{aid} {period} ändrad efter utbetalning ({} kr betalt, akterna ger nu {} kr), och äldre än gränsen för retroaktiv betalning: reglera den utanför kontakt och registrera det med `kontakt report {aid} {period} --settled-outside SKÄL`",
                        p.total().map_or_else(|e| e.to_string(), |m| m.to_string()),
                        now.fee
                            .checked_add(now.expense)
                            .map_or_else(|e| e.to_string(), |m| m.to_string())
                    )
                } else {
                    // The sentence `pay` records in English, for the reader.
                    crate::lang::current().phrases(&format!(
                        "{aid} {period} {}",
                        settlement::message(&aid, period, &p, now, why)
                    ))
                },
            })
        })
        .collect();
    ck.out.extend(changed);
}
