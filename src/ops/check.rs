//! `kontakt check`: reads every record and reports every problem, each with a code, like
//! hledger's and beancount's strict checks. Codes are stable; docs/records.md lists them.

use crate::tr;
use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{
    Assignment, Client, Config, Id, Kind, Money, Month, PayRun, Pnr, Report, SCHEMA, Volunteer,
};
use crate::payroll::{compute, settlement};
use crate::rules::ledger::{self, LedgerProblem};
use crate::rules::{Flaw, Problem, configuration, decision, ivo_code, report, status, terms};
use crate::store::parse::{self, KeyPart};
use crate::store::{CONFIG_FILE, Record, atomic, cache, dir_of};

/// A problem's code. The number never changes meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Code {
    /// E001: the file is not valid TOML.
    Syntax,
    /// E002: a field the record does not have.
    UnknownField,
    /// E003: a required field is missing.
    MissingField,
    /// E004: a value of the wrong type or out of range.
    BadValue,
    /// E005: a personnummer that is not valid.
    BadPnr,
    /// E006: dates that cannot be (an end before its start, a decision before the application).
    ImpossibleDates,
    /// E007: an id that does not match its file name, or is used twice.
    DuplicateId,
    /// E008: a reference to a record that does not exist.
    Dangling,
    /// E009: the same person with two open applications.
    SamePerson,
    /// E010: a schema version this kontakt does not know.
    Schema,
    /// E011: an operation was interrupted (the machine stopped mid-write).
    Interrupted,
    /// E012: a file in a records folder that is not a record.
    StrayFile,
    /// E013: a paid month whose records now give another amount, without `report --correct`.
    PaidChanged,
    /// E014: a pay run's payroll file is missing, or not the file that was paid (SHA-256).
    PayFile,
    /// E015: a payroll file under `payruns/` without its ledger entry (deleted, never committed).
    OrphanPayFile,
    /// E016: a ledger entry that is not at `payruns/<its month>/<its id>.toml`, where pay reads it.
    MisplacedEntry,
    /// E017: a line paid twice: two runs paid it that did not see each other (`rules::ledger`).
    PaidTwice,
}

impl Code {
    pub fn number(self) -> u16 {
        self as u16 + 1
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

/// The line of `keys` in the file at `rel`, read again: only a problem needs it, and texts
/// are not kept (a country's records are 600 000 files, most answered by the cache unread).
fn line_in(root: &Path, rel: &Path, keys: &[KeyPart]) -> usize {
    parse::line_of_key(
        &fs::read_to_string(root.join(rel)).unwrap_or_default(),
        keys,
    )
}

/// The files of each folder of a kind, as `cache::read_folder` gives them.
type Loaded<T> = Vec<(PathBuf, cache::Folder<T>)>;

/// Reads every folder of a kind (pay runs live in month folders, `payruns/<YYYY-MM>/`); the
/// folders on all cores.
fn load_kind<T: Record + Send + Sync + serde::Serialize>(
    root: &Path,
    use_cache: bool,
) -> Loaded<T> {
    use rayon::prelude::*;
    let folders = crate::store::record_folders(root, dir_of(T::KIND));
    let read = |folder: PathBuf| {
        let read = cache::read_folder(root, &folder, use_cache, parse::parse_detailed::<T>);
        (folder, read)
    };
    // The ledger's month files are large: parsing two at once doubles the peak memory.
    if T::KIND == Kind::PayRun {
        folders.into_iter().map(read).collect()
    } else {
        folders.into_par_iter().map(read).collect()
    }
}

struct Checker<'a> {
    root: &'a Path,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, rel: &Path, line: usize, code: Code, message: impl Into<String>) {
        self.out.push(Diagnostic {
            path: self.root.join(rel),
            line,
            code,
            message: message.into(),
        });
    }

    /// A rule's problem, at its field's line.
    fn problem(&mut self, rel: &Path, p: &Problem) {
        let line = line_in(self.root, rel, &parse::key_parts(&p.at));
        let code = match p.flaw {
            Flaw::BadValue => Code::BadValue,
            Flaw::ImpossibleDates => Code::ImpossibleDates,
        };
        let field = p.field();
        let message = if field.is_empty() {
            p.message.clone()
        } else {
            tr!("field `{field}`: {}", "fältet `{field}`: {}", p.message)
        };
        self.report(rel, line, code, message);
    }

    fn parse_failure(&mut self, rel: &Path, f: parse::Failure) {
        let code = if f.syntax {
            Code::Syntax
        } else if f.message.starts_with("unknown field") {
            Code::UnknownField
        } else if f.message.starts_with("missing field") {
            Code::MissingField
        } else if f.field.as_deref() == Some("pnr") {
            Code::BadPnr
        } else {
            Code::BadValue
        };
        let f = parse::Failure {
            message: crate::lang::current().parser_message(&f.message),
            ..f
        };
        let msg = match &f.field {
            Some(field) if code != Code::UnknownField => {
                tr!("field `{field}`: {}", "fältet `{field}`: {}", f.message)
            }
            _ => f.message,
        };
        self.report(rel, f.line, code, msg);
    }

    /// Every `.toml` file of a kind read (`load_kind`) with its path; problems reported.
    fn take_kind<T: Record>(&mut self, loaded: Loaded<T>) -> Vec<(PathBuf, T)> {
        let mut recs = Vec::new();
        for (folder, read) in loaded {
            for (name, read) in read {
                let rel = folder.join(&name);
                let stem = name.strip_suffix(".toml").unwrap_or(&name);
                let rec = match read {
                    // Everything under `payruns/` that is not an entry is `rules::ledger`'s.
                    cache::Read::Other if T::KIND == Kind::PayRun => continue,
                    cache::Read::Other => {
                        self.report(
                            &rel,
                            1,
                            Code::StrayFile,
                            tr!(
                                "not a record (records end in .toml); move it elsewhere",
                                "ingen akt (akter slutar på .toml); flytta den någon annanstans"
                            ),
                        );
                        continue;
                    }
                    cache::Read::Unreadable(msg) => {
                        self.report(&rel, 1, Code::Syntax, msg);
                        continue;
                    }
                    cache::Read::Parsed(Err(f)) => {
                        self.parse_failure(&rel, f);
                        continue;
                    }
                    cache::Read::Parsed(Ok(rec)) | cache::Read::Cached(rec) => rec,
                };
                // A ledger entry's id and file name are `rules::ledger`'s (E016).
                if T::KIND != Kind::PayRun && Id::parse(stem).ok().as_ref() != Some(rec.id()) {
                    let line = line_in(self.root, &rel, &[KeyPart::Key("id")]);
                    self.report(
                        &rel,
                        line,
                        Code::DuplicateId,
                        tr!(
                            "the id `{}` does not match the file name",
                            "id:t `{}` stämmer inte med filnamnet",
                            rec.id()
                        ),
                    );
                }
                recs.push((rel, rec));
            }
        }
        recs
    }

    /// The survey of `payruns/` for `rules::ledger`: the entries `take_kind` read (top folder
    /// and month folders), and every other file under `payruns/` at any depth; `.toml` files in
    /// other folders (`payruns/2026-9/`) are read here and join `runs`, problems reported.
    fn ledger_survey(&mut self, runs: &mut Vec<(PathBuf, PayRun)>) -> ledger::Survey {
        let files = match crate::store::ledger::files(self.root) {
            Ok(f) => f,
            Err(e) => {
                self.report(Path::new(PayRun::DIR), 1, Code::Syntax, e.to_string());
                Vec::new()
            }
        };
        let read: std::collections::HashSet<PathBuf> =
            runs.iter().map(|(p, _)| p.clone()).collect();
        let month_folders: std::collections::HashSet<PathBuf> =
            crate::store::record_folders(self.root, PayRun::DIR)
                .into_iter()
                .collect();
        let mut survey = ledger::Survey::default();
        for rel in files {
            if rel.extension().is_none_or(|e| e != "toml") {
                survey.others.push(rel);
                continue;
            }
            if read.contains(&rel) {
                continue;
            }
            let in_folder_read = rel.parent().is_some_and(|f| month_folders.contains(f));
            if in_folder_read {
                // `take_kind` read it and reported why it does not parse.
                survey.unreadable.push((rel, String::new()));
                continue;
            }
            match fs::read(self.root.join(&rel)).map(String::from_utf8) {
                Ok(Ok(text)) => match parse::parse_detailed::<PayRun>(&text) {
                    Ok(run) => runs.push((rel, run)),
                    Err(f) => {
                        self.parse_failure(&rel, f);
                        survey.unreadable.push((rel, String::new()));
                    }
                },
                Ok(Err(_)) => {
                    self.report(&rel, 1, Code::Syntax, tr!("not UTF-8", "inte UTF-8"));
                    survey.unreadable.push((rel, String::new()));
                }
                Err(e) => {
                    self.report(
                        &rel,
                        1,
                        Code::Syntax,
                        tr!("cannot read: {e}", "kan inte läsas: {e}"),
                    );
                    survey.unreadable.push((rel, String::new()));
                }
            }
        }
        runs.sort_by(|a, b| a.0.cmp(&b.0));
        survey.entries = runs.iter().map(|(p, r)| (p.clone(), r.head())).collect();
        survey
    }

    /// A problem of the ledger's layout, under its code (an unreadable entry was reported by
    /// its parse code when it was read).
    fn ledger_problem(&mut self, p: &LedgerProblem) {
        let rel = p.path().to_path_buf();
        let (code, line) = match p {
            LedgerProblem::Orphan { .. } => (Code::OrphanPayFile, 1),
            LedgerProblem::Misplaced { id, .. } => {
                let named = rel.file_stem().and_then(|s| s.to_str()) == Some(id.as_str());
                let key = if named { "month" } else { "id" };
                (
                    Code::MisplacedEntry,
                    line_in(self.root, &rel, &[KeyPart::Key(key)]),
                )
            }
            LedgerProblem::Stray { .. } => (Code::StrayFile, 1),
            LedgerProblem::Unreadable { .. } | LedgerProblem::PaidTwice(_) => return,
        };
        self.report(&rel, line, code, p.message());
    }

    fn schema(&mut self, rel: &Path, schema: u32) {
        if schema != SCHEMA {
            let line = line_in(self.root, rel, &[KeyPart::Key("schema")]);
            self.report(
                rel,
                line,
                Code::Schema,
                tr!(
                    "schema {schema} is not known to this kontakt (expected {SCHEMA})",
                    "schema {schema} är okänt för denna kontakt (väntade {SCHEMA})"
                ),
            );
        }
    }

    fn same_person<'r>(
        &mut self,
        kind: Kind,
        open: impl Iterator<Item = (&'r PathBuf, &'r Pnr, &'r Id)>,
    ) {
        // Every record of the same person is reported, each naming the others: either may be
        // the one to close.
        let mut by_person: HashMap<&Pnr, Vec<(&PathBuf, &Id)>> = HashMap::new();
        for (rel, pnr, id) in open {
            by_person.entry(pnr).or_default().push((rel, id));
        }
        for group in by_person.values().filter(|g| g.len() > 1) {
            for (rel, id) in group {
                let others: Vec<String> = group
                    .iter()
                    .filter(|(_, o)| o != id)
                    .map(|(_, o)| o.to_string())
                    .collect();
                let line = line_in(self.root, rel, &[KeyPart::Key("pnr")]);
                let msg = tr!(
                    "the same person has another open {} application: {}",
                    "samma person har en annan öppen ansökan som {}: {}",
                    kind.noun(),
                    others.join(", ")
                );
                self.report(rel, line, Code::SamePerson, msg);
            }
        }
    }
}

/// Every problem in the records directory at `root`, sorted by file and line.
///
/// Files unchanged since the last check are not read again (`store::cache`) unless `use_cache` is
/// false.
pub fn check(root: &Path, today: NaiveDate, use_cache: bool) -> Vec<Diagnostic> {
    let mut ck = Checker {
        root,
        out: Vec::new(),
    };
    let config_rel = Path::new(CONFIG_FILE);
    let mut config = None;
    match fs::read_to_string(root.join(config_rel)) {
        Ok(text) => match parse::parse_detailed::<Config>(&text) {
            Ok(c) => {
                ck.schema(config_rel, c.schema);
                for p in configuration::problems(&c) {
                    ck.problem(config_rel, &p);
                }
                config = Some(c);
            }
            Err(f) => ck.parse_failure(config_rel, f),
        },
        Err(e) => ck.report(
            config_rel,
            1,
            Code::Syntax,
            tr!("cannot read: {e}", "kan inte läsas: {e}"),
        ),
    }
    for txn in atomic::pending(root) {
        let rel = txn.strip_prefix(root).unwrap_or(&txn).to_path_buf();
        let what = if atomic::is_committed(&txn) {
            tr!(
                "a command was interrupted after its commit point; the next command that writes finishes it (or run `kontakt check --repair`)",
                "ett kommando avbröts efter sin bekräftelsepunkt; nästa kommando som skriver slutför det (eller kör `kontakt check --repair`)"
            )
        } else {
            tr!(
                "a command was interrupted before its commit point; nothing of it was applied, and the next command that writes removes it (or run `kontakt check --repair`)",
                "ett kommando avbröts före sin bekräftelsepunkt; inget av det genomfördes, och nästa kommando som skriver tar bort det (eller kör `kontakt check --repair`)"
            )
        };
        ck.report(&rel, 1, Code::Interrupted, what);
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
    for (rel, run) in &runs {
        ck.schema(rel, run.schema);
    }
    for p in ledger::layout(&survey) {
        ck.ledger_problem(&p);
    }

    let clients = ck.take_kind(clients);
    let mut ivo_codes: HashMap<&str, &Id> = HashMap::new();
    for (rel, c) in &clients {
        ck.schema(rel, c.schema);
        for (i, d) in c.decisions.iter().enumerate() {
            let at = |k| {
                line_in(
                    root,
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
                && (cl.date < d.decided || d.to.is_some_and(|t| cl.date > t))
            {
                ck.report(
                    rel,
                    line_in(
                        root,
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
                        "decision {}: closed outside its period",
                        "beslut {}: avslutat utanför sin period",
                        i + 1
                    ),
                );
            }
            if d.decided < c.applied {
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
        for p in ivo_code::problems(c) {
            ck.problem(rel, &p);
        }
        if let Some(code) = &c.ivo_code {
            match ivo_codes.get(code.as_str()) {
                Some(other) => {
                    let line = line_in(root, rel, &[KeyPart::Key("ivo_code")]);
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
                    ivo_codes.insert(code.as_str(), &c.id);
                }
            }
        }
        if c.applied > today {
            let line = line_in(root, rel, &[KeyPart::Key("applied")]);
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
    ck.same_person(
        Kind::Client,
        clients
            .iter()
            .filter(|(_, c)| status::client_is_open(c, today))
            .map(|(r, c)| (r, &c.pnr, &c.id)),
    );
    let clients: Vec<Client> = clients.into_iter().map(|(_, c)| c).collect();

    let volunteers = ck.take_kind(volunteers);
    for (rel, v) in &volunteers {
        ck.schema(rel, v.schema);
        let s = &v.screening;
        let line = |k| line_in(root, rel, &[KeyPart::Key("screening"), KeyPart::Key(k)]);
        if s.approved.is_some() && s.rejected.is_some() {
            ck.report(
                rel,
                line("rejected"),
                Code::ImpossibleDates,
                tr!("both approved and rejected", "både godkänd och avslagen"),
            );
        }
        if let Some(a) = s.approved
            && a < v.applied
        {
            ck.report(
                rel,
                line("approved"),
                Code::ImpossibleDates,
                tr!("approved before the application", "godkänd före ansökan"),
            );
        }
        if v.applied > today {
            let l = line_in(root, rel, &[KeyPart::Key("applied")]);
            ck.report(
                rel,
                l,
                Code::ImpossibleDates,
                tr!(
                    "the application is dated in the future",
                    "ansökan är daterad i framtiden"
                ),
            );
        }
    }
    ck.same_person(
        Kind::Volunteer,
        volunteers
            .iter()
            .filter(|(_, v)| status::volunteer_is_open(v))
            .map(|(r, v)| (r, &v.pnr, &v.id)),
    );
    let volunteers: Vec<Volunteer> = volunteers.into_iter().map(|(_, v)| v).collect();
    let culled_rel = Path::new(crate::model::culled::FILE);
    let culled = match fs::read_to_string(root.join(culled_rel)) {
        Ok(text) => match parse::parse_detailed::<crate::model::culled::Culled>(&text) {
            Ok(c) => c,
            Err(f) => {
                ck.parse_failure(culled_rel, f);
                Default::default()
            }
        },
        Err(_) => Default::default(),
    };
    let assignments = ck.take_kind(assignments);
    // Lookups by id: a country's records are hundreds of thousands of files.
    let client_by_id: HashMap<&Id, &Client> = clients.iter().map(|c| (&c.id, c)).collect();
    let volunteer_by_id: HashMap<&Id, &Volunteer> = volunteers.iter().map(|v| (&v.id, v)).collect();
    for (rel, a) in &assignments {
        ck.schema(rel, a.schema);
        let key = |k| line_in(root, rel, &[KeyPart::Key(k)]);
        if !client_by_id.contains_key(&a.client) && !culled.contains(&a.client) {
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
        if !volunteer_by_id.contains_key(&a.volunteer) {
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
        if let Some(c) = &config {
            for p in terms::agreement_problems(a, &c.compensation) {
                ck.problem(rel, &p);
            }
        }
    }
    let assignments: Vec<Assignment> = assignments.into_iter().map(|(_, a)| a).collect();
    let assignment_by_id: HashMap<&Id, &Assignment> =
        assignments.iter().map(|a| (&a.id, a)).collect();
    // Reports are most of the files: the month folders on all cores, each report kept slim
    // for the ledger below.
    let mut reports: HashMap<(Id, Month), (PathBuf, Report)> = HashMap::new();
    let months = crate::store::record_folders(root, "reports");
    // Two month folders at a time, one per core.
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
            if !assignment_by_id.contains_key(&r.assignment) {
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
            // Kept for comparing with the ledger below: what pay reads, nothing more.
            let slim = Report {
                meetings: r.meetings.first().copied().into_iter().collect(),
                activity: None,
                note: None,
                ..r
            };
            kept.push(((slim.assignment.clone(), slim.month), (rel, slim)));
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
    for (rel, run) in &runs {
        let key = |k| line_in(root, rel, &[KeyPart::Key(k)]);
        match fs::read(root.join(&run.file)) {
            Ok(bytes) if super::pay::sha256_hex(&bytes) == run.sha256 => {}
            Ok(_) => ck.report(
                rel,
                key("sha256"),
                Code::PayFile,
                tr!("{} is not the file this run paid (its SHA-256 differs); restore it from git", "{} är inte filen som denna körning betalade (dess SHA-256 skiljer sig); återställ den från git",
                    run.file
                ),
            ),
            Err(_) => ck.report(
                rel,
                key("file"),
                Code::PayFile,
                tr!("{} is missing; restore it from git", "{} saknas; återställ den från git", run.file),
            ),
        }
        if Money::sum(run.lines.iter().map(|l| l.amount)) != Ok(run.total_ore) {
            ck.report(
                rel,
                key("total_ore"),
                Code::BadValue,
                tr!(
                    "the total is not the sum of the lines",
                    "summan är inte summan av raderna"
                ),
            );
        }
        for (i, l) in run.lines.iter().enumerate() {
            if !assignment_by_id.contains_key(&l.assignment) {
                let line = line_in(
                    root,
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
    // Lines paid twice, each its own finding; the periods they are in are not also E013 (the
    // double payment is why the sum differs).
    let mut doubled = std::collections::HashSet::new();
    {
        let path_of: HashMap<&Id, &PathBuf> = runs.iter().map(|(p, r)| (&r.id, p)).collect();
        let all: Vec<&PayRun> = runs.iter().map(|(_, r)| r).collect();
        for t in ledger::paid_twice(&all) {
            let key = (t.assignment.clone(), t.period);
            let report = reports.get(&key).map(|(_, r)| r);
            let earned = match (&config, t.corrected_after) {
                (Some(config), true) => assignment_by_id.get(&t.assignment).and_then(|a| {
                    let case = compute::Case {
                        assignment: a,
                        client: client_by_id.get(&a.client)?,
                        volunteer: volunteer_by_id.get(&a.volunteer)?,
                    };
                    Some(super::pay::earned_kind(
                        compute::earned(
                            case,
                            t.period,
                            report,
                            &config.compensation,
                            &config.payroll,
                        ),
                        t.kind,
                    ))
                }),
                _ => None,
            };
            if !t.stands(report.map(Report::revision), earned) {
                continue;
            }
            let last = t.payers.last().map(|p| (&p.run, p.line));
            let rel = last
                .and_then(|(id, _)| path_of.get(id).copied())
                .unwrap_or(&t.last_entry)
                .clone();
            let line = last.map_or(1, |(_, i)| {
                line_in(
                    root,
                    &rel,
                    &[
                        KeyPart::Key("lines"),
                        KeyPart::Index(i),
                        KeyPart::Key("assignment"),
                    ],
                )
            });
            doubled.insert(key);
            let message = LedgerProblem::PaidTwice(t).message();
            ck.report(&rel, line, Code::PaidTwice, message);
        }
    }
    if let Some(config) = &config {
        use rayon::prelude::*;
        let paid = match compute::paid_of(runs.iter().flat_map(|(_, r)| r.lines.iter())) {
            Ok(p) => p,
            Err(e) => {
                ck.report(Path::new(PayRun::DIR), 1, Code::BadValue, e.to_string());
                Default::default()
            }
        };
        let too_old_before = crate::payroll::retroactive::oldest_payable(
            Month::of(today).prev(),
            today,
            config.payroll.retroactive_months,
        );
        // Every paid period worked out again, on all cores (the order is restored below).
        let changed: Vec<Diagnostic> = paid
            .into_par_iter()
            .filter(|(key, _)| !doubled.contains(key))
            .filter_map(|((aid, period), p)| {
                let a = assignment_by_id.get(&aid)?;
                let c = client_by_id.get(&a.client)?;
                let v = volunteer_by_id.get(&a.volunteer)?;
                let report = reports.get(&(aid.clone(), period));
                if report.is_some_and(|(_, r)| r.settled_outside()) {
                    return None; // paid outside kontakt
                }
                let case = compute::Case {
                    assignment: a,
                    client: c,
                    volunteer: v,
                };
                let earned = compute::earned(
                    case,
                    period,
                    report.map(|(_, r)| r),
                    &config.compensation,
                    &config.payroll,
                );
                // A missing prisbasbelopp is a warning of its own; an overflow is E004's.
                let now = settlement::Now::of(&earned).ok()?;
                let why = match settlement::settle(report.map(|(_, r)| r), &p, now) {
                    settlement::Settlement::Unrecorded(why) => why,
                    // Unchanged, or recorded: the next run pays the difference.
                    _ => return None,
                };
                let (rel, line) = match report {
                    Some((rel, _)) => {
                        (rel.clone(), line_in(root, rel, &[KeyPart::Key("meetings")]))
                    }
                    None => (Report::rel_path(period, &aid), 1),
                };
                Some(Diagnostic {
                    path: root.join(rel),
                    line,
                    code: Code::PaidChanged,
                    message: if period < too_old_before {
                        // `--correct` is refused this far back: the change is settled by hand.
                        format!(
                            "{aid} {period} changed after it was paid ({} kr paid, the records now give {} kr), and is older than the retroactive limit: settle it outside kontakt and record that with `kontakt report {aid} {period} --settled-outside REASON`",
                            p.total().map_or_else(|e| e.to_string(), |m| m.to_string()),
                            now.fee
                                .checked_add(now.expense)
                                .map_or_else(|e| e.to_string(), |m| m.to_string())
                        )
                    } else {
                        format!(
                            "{aid} {period} {}",
                            settlement::message(&aid, period, &p, now, &why)
                        )
                    },
                })
            })
            .collect();
        ck.out.extend(changed);
    }
    ck.out.sort();
    ck.out
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
