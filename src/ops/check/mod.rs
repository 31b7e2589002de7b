//! `kontakt check`: reads every record and reports every problem, each with a code, like
//! hledger's and beancount's strict checks. Codes are stable; docs/records.md lists them.
//! Reading finds what a file itself gets wrong; the named validations (`validations.rs`) what
//! the records get wrong together.

mod checker;
mod validations;

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Assignment, Client, Config, Id, Month, PayRun, Report, Volunteer};
use crate::rules::{configuration, ledger, report};
use crate::store::parse::{self, KeyPart};
use crate::store::{CONFIG_FILE, atomic, cache};
use crate::tr;
use checker::{Checker, line_in, load_kind};
use validations::{Ctx, VALIDATIONS};

/// A problem's code. The number never changes meaning: each is written out, so a new code or
/// a reordering cannot renumber the others (docs/records.md lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[repr(u16)]
pub enum Code {
    /// E001: the file is not valid TOML.
    Syntax = 1,
    /// E002: a field the record does not have.
    UnknownField = 2,
    /// E003: a required field is missing.
    MissingField = 3,
    /// E004: a value of the wrong type or out of range.
    BadValue = 4,
    /// E005: a personnummer that is not valid.
    BadPnr = 5,
    /// E006: dates that cannot be (an end before its start, a decision before the application).
    ImpossibleDates = 6,
    /// E007: an id that does not match its file name, or is used twice.
    DuplicateId = 7,
    /// E008: a reference to a record that does not exist.
    Dangling = 8,
    /// E009: the same person with two open applications.
    SamePerson = 9,
    /// E010: a schema version this kontakt does not know.
    Schema = 10,
    /// E011: an operation was interrupted (the machine stopped mid-write).
    Interrupted = 11,
    /// E012: a file in a records folder that is not a record.
    StrayFile = 12,
    /// E013: a paid month whose records now give another amount, without `report --correct`.
    PaidChanged = 13,
    /// E014: a pay run's payroll file is missing, or not the file that was paid (SHA-256).
    PayFile = 14,
    /// E015: a payroll file under `payruns/` without its ledger entry (deleted, never committed).
    OrphanPayFile = 15,
    /// E016: a ledger entry that is not at `payruns/<its month>/<its id>.toml`, where pay reads it.
    MisplacedEntry = 16,
    /// E017: a line paid twice: two runs paid it that did not see each other (`rules::ledger`).
    PaidTwice = 17,
    /// E018: a setting in kontakt.toml that is unknown, missing or out of range, or a payroll
    /// layout that cannot be written (`rules::configuration`).
    Configuration = 18,
}

impl Code {
    /// Every code, in number order.
    pub const ALL: [Code; 18] = [
        Code::Syntax,
        Code::UnknownField,
        Code::MissingField,
        Code::BadValue,
        Code::BadPnr,
        Code::ImpossibleDates,
        Code::DuplicateId,
        Code::Dangling,
        Code::SamePerson,
        Code::Schema,
        Code::Interrupted,
        Code::StrayFile,
        Code::PaidChanged,
        Code::PayFile,
        Code::OrphanPayFile,
        Code::MisplacedEntry,
        Code::PaidTwice,
        Code::Configuration,
    ];

    pub fn number(self) -> u16 {
        self as u16
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "E{:03}", self.number())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    #[serde(serialize_with = "code_str")]
    pub code: Code,
    pub message: String,
}

fn code_str<S: serde::Serializer>(c: &Code, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(c)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} {}",
            self.path.display(),
            self.line,
            self.code,
            self.message
        )
    }
}

/// Every problem in the records directory at `root`, sorted by file and line: what reading
/// each file finds, then every validation of [`validations::VALIDATIONS`] in turn.
///
/// Files unchanged since the last check are not read again (`store::cache`) unless `use_cache` is
/// false.
pub fn check(root: &Path, today: NaiveDate, use_cache: bool) -> Vec<Diagnostic> {
    let mut ck = Checker {
        root,
        out: Vec::new(),
    };
    let config = read_config(&mut ck);
    // A command stopped after its commit point has put some of its files in place and not
    // the rest (a payroll file without its entry, say): the records are between two states,
    // and anything more said of them now would be of that passing state. E011 says how to
    // finish it; `check` then judges the records as they are.
    if interrupted(&mut ck) {
        ck.out.sort();
        return ck.out;
    }

    // The ledger first, while little else is in memory: its files are large to parse.
    // Every kind but the reports read at once, on all cores.
    let ((runs, clients), (volunteers, assignments)) = rayon::join(
        || {
            rayon::join(
                || load_kind::<PayRun>(root, use_cache),
                || load_kind::<Client>(root, use_cache),
            )
        },
        || {
            rayon::join(
                || load_kind::<Volunteer>(root, use_cache),
                || load_kind::<Assignment>(root, use_cache),
            )
        },
    );
    let mut runs: Vec<(PathBuf, PayRun)> = ck.take_kind(runs);
    let survey = ck.ledger_survey(&mut runs);
    for p in ledger::layout(&survey) {
        ck.ledger_problem(&p);
    }
    let clients = ck.take_kind(clients);
    let volunteers = ck.take_kind(volunteers);
    let assignments = ck.take_kind(assignments);
    let schemas = runs
        .iter()
        .map(|(r, x)| (r, x.schema))
        .chain(clients.iter().map(|(r, x)| (r, x.schema)))
        .chain(volunteers.iter().map(|(r, x)| (r, x.schema)))
        .chain(assignments.iter().map(|(r, x)| (r, x.schema)));
    for (rel, schema) in schemas {
        ck.schema(rel, schema);
    }
    let culled = read_culled(&mut ck);
    let assignment_by_id: HashMap<&Id, &Assignment> =
        assignments.iter().map(|(_, a)| (&a.id, a)).collect();
    let reports = read_reports(&mut ck, &assignment_by_id, use_cache);
    let x = Ctx {
        root,
        today,
        config: config.as_ref(),
        runs: &runs,
        clients: &clients,
        volunteers: &volunteers,
        assignments: &assignments,
        culled: &culled,
        reports,
        client_by_id: clients.iter().map(|(_, c)| (&c.id, c)).collect(),
        volunteer_by_id: volunteers.iter().map(|(_, v)| (&v.id, v)).collect(),
        assignment_by_id,
        paid_twice: Default::default(),
    };
    for (_name, validate) in VALIDATIONS {
        validate(&x, &mut ck);
    }
    ck.out.sort();
    ck.out
}

/// kontakt.toml read and judged (`rules::configuration`): its settings' problems are E018,
/// its syntax E001 and its schema E010, as for any file.
fn read_config(ck: &mut Checker) -> Option<Config> {
    let rel = Path::new(CONFIG_FILE);
    match fs::read_to_string(ck.root.join(rel)) {
        Ok(text) => match parse::parse_detailed::<Config>(&text) {
            Ok(c) => {
                ck.schema(rel, c.schema);
                for p in configuration::problems(&c) {
                    ck.problem_as(rel, &p, Code::Configuration);
                }
                Some(c)
            }
            Err(f) => {
                let code = match Checker::parse_code(&f) {
                    Code::Syntax => Code::Syntax,
                    _ => Code::Configuration,
                };
                ck.parse_failure_as(rel, f, code);
                None
            }
        },
        Err(e) => {
            ck.report(
                rel,
                1,
                Code::Syntax,
                tr!(
                    "cannot read: {}",
                    "kan inte läsas: {}",
                    crate::error::io_reason(&e, crate::lang::current())
                ),
            );
            None
        }
    }
}

/// Is there a file for `id`, read or not? A record that does not parse was reported as such;
/// what names it is not also told it "does not exist".
fn on_file(root: &Path, kind: crate::model::Kind, id: &Id) -> bool {
    root.join(crate::store::Store::rel_path(kind, id)).is_file()
}

/// E011: operations interrupted mid-write (`store::atomic`). True when one of them is past its
/// commit point, so that the records are half changed until it is finished.
fn interrupted(ck: &mut Checker) -> bool {
    let mut committed = false;
    for txn in atomic::pending(ck.root) {
        let rel = txn.strip_prefix(ck.root).unwrap_or(&txn).to_path_buf();
        let what = if atomic::is_committed(&txn) {
            committed = true;
            tr!(
                "a command was interrupted after its commit point; the next command that writes finishes it (or run `kontakt check --repair`), and the rest is checked then",
                "ett kommando avbröts efter sin bekräftelsepunkt; nästa kommando som skriver slutför det (eller kör `kontakt check --repair`), och resten kontrolleras sedan"
            )
        } else {
            tr!(
                "a command was interrupted before its commit point; nothing of it was applied, and the next command that writes removes it (or run `kontakt check --repair`)",
                "ett kommando avbröts före sin bekräftelsepunkt; inget av det genomfördes, och nästa kommando som skriver tar bort det (eller kör `kontakt check --repair`)"
            )
        };
        ck.report(&rel, 1, Code::Interrupted, what);
    }
    committed
}

/// `culled.toml`: clients whose files were culled may still be named by their assignments.
fn read_culled(ck: &mut Checker) -> crate::model::culled::Culled {
    let rel = Path::new(crate::model::culled::FILE);
    match fs::read_to_string(ck.root.join(rel)) {
        Ok(text) => match parse::parse_detailed::<crate::model::culled::Culled>(&text) {
            Ok(c) => c,
            Err(f) => {
                ck.parse_failure(rel, f);
                Default::default()
            }
        },
        Err(_) => Default::default(),
    }
}

/// The reports, read and judged as they are read (placement E007, the assignment E008,
/// `rules::report`), each kept slim (what pay reads) for the ledger's validations.
fn read_reports(
    ck: &mut Checker,
    assignment_by_id: &HashMap<&Id, &Assignment>,
    use_cache: bool,
) -> HashMap<(Id, Month), (PathBuf, Report)> {
    let root = ck.root;
    let mut reports: HashMap<(Id, Month), (PathBuf, Report)> = HashMap::new();
    let months = crate::store::record_folders(root, "reports");
    // Each month folder checked on its own core; the reports kept slim for the ledger below.
    type Slim = ((Id, Month), (PathBuf, Report));
    let check_folder = |folder: &PathBuf| -> (Vec<Diagnostic>, Vec<Slim>) {
        let mut ck = Checker {
            root,
            out: Vec::new(),
        };
        let mut kept = Vec::new();
        let read = cache::read_folder(root, folder, use_cache, parse::parse_detailed::<Report>);
        for (name, read) in read {
            let rel = folder.join(&name);
            let r = match read {
                cache::Read::Other => continue,
                cache::Read::Unreadable(msg) => {
                    ck.report(&rel, 1, Code::Syntax, msg);
                    continue;
                }
                cache::Read::Parsed(Err(f)) => {
                    ck.parse_failure(&rel, f);
                    continue;
                }
                cache::Read::Parsed(Ok(r)) | cache::Read::Cached(r) => r,
            };
            ck.schema(&rel, r.schema);
            let key = |k| line_in(root, &rel, &[KeyPart::Key(k)]);
            let home = Report::rel_path(r.month, &r.assignment);
            if rel != home {
                ck.report(
                    &rel,
                    key("assignment"),
                    Code::DuplicateId,
                    tr!(
                        "the report of {} for {} belongs in {}",
                        "rapporten för {} för {} hör hemma i {}",
                        r.assignment,
                        r.month,
                        home.display()
                    ),
                );
            }
            // A file that is there but does not read was reported as such, not as missing.
            if !assignment_by_id.contains_key(&r.assignment)
                && !on_file(root, crate::model::Kind::Assignment, &r.assignment)
            {
                ck.report(
                    &rel,
                    key("assignment"),
                    Code::Dangling,
                    tr!(
                        "field `assignment`: no assignment {} on file",
                        "fältet `assignment`: inget uppdrag {} finns",
                        r.assignment
                    ),
                );
            }
            for p in report::report_problems(&r, assignment_by_id.get(&r.assignment).copied()) {
                ck.problem(&rel, &p);
            }
            // Kept for comparing with the ledger below: what pay reads, nothing more. Every
            // meeting is kept: a meeting tariff's level counts them.
            let slim = Report {
                activity: None,
                note: None,
                ..r
            };
            kept.push(((slim.assignment, slim.month), (rel, slim)));
        }
        (ck.out, kept)
    };
    let checked: Vec<(Vec<Diagnostic>, Vec<Slim>)> = {
        use rayon::prelude::*;
        months.par_iter().map(check_folder).collect()
    };
    for (found, kept) in checked {
        ck.out.extend(found);
        reports.extend(kept);
    }
    reports
}

/// Warnings for the reports of last month and this one that hold fewer than half the meetings
/// agreed (`rules::meeting_shortfall`): not problems `check` fails on, but what staff should ask
/// about before the month is paid. Only the two latest months are read, so the warning costs
/// what two month folders cost, not the whole history.
pub fn shortfall_warnings(store: &crate::store::Store, today: NaiveDate) -> Vec<String> {
    let this = Month::of(today);
    let mut out = Vec::new();
    for month in [this.prev(), this] {
        let dir = format!("reports/{month}");
        let Ok((reports, _)) = store.scan_readable::<Report>(&dir) else {
            continue;
        };
        let ids: Vec<Id> = reports.iter().map(|r| r.assignment).collect();
        let Ok(assignments) = store.load_many::<Assignment>(&ids) else {
            continue;
        };
        let by_id: HashMap<Id, &Assignment> = assignments.iter().map(|a| (a.id, a)).collect();
        for r in &reports {
            let Some(a) = by_id.get(&r.assignment) else {
                continue;
            };
            if let Some(w) = crate::rules::meeting_shortfall::warning(a, r) {
                out.push(format!("{dir}/{}.toml: {w}", r.assignment));
            }
        }
    }
    out
}

/// A warning when the records directory can be read by people other than its owner (the records
/// are secret case files). Not a problem `check` fails on: git checkouts do not keep modes.
pub fn permission_warning(root: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(root).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            return Some(tr!(
                "{} can be read by others than its owner (mode {:o}); `chmod -R go-rwx {}`",
                "{} kan läsas av andra än ägaren (läge {:o}); `chmod -R go-rwx {}`",
                root.display(),
                mode & 0o777,
                root.display()
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes are the ones docs/records.md documents, each number once.
    #[test]
    fn every_code_is_documented_under_its_number() {
        let doc = include_str!("../../../docs/records.md");
        let documented: Vec<String> = doc
            .lines()
            .filter_map(|l| l.strip_prefix("| E"))
            .map(|l| format!("E{}", &l[..3]))
            .collect();
        let ours: Vec<String> = Code::ALL.iter().map(|c| c.to_string()).collect();
        assert_eq!(documented, ours);
        for (i, c) in Code::ALL.iter().enumerate() {
            assert_eq!(usize::from(c.number()), i + 1, "{c:?}");
        }
    }
}
