//! `kontakt check`: reads every record and reports every problem, each with a code, like
//! hledger's and beancount's strict checks. Codes are stable; docs/records.md lists them.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{
    Assignment, Client, Config, Id, Kind, Money, Month, PayRun, Pnr, Report, SCHEMA, Volunteer,
};
use crate::payroll::compute;
use crate::rules::{decision, status};
use crate::store::parse::{self, KeyPart};
use crate::store::{CONFIG_FILE, Record, atomic, dir_of};

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
        let msg = match &f.field {
            Some(field) if code != Code::UnknownField => format!("field `{field}`: {}", f.message),
            _ => f.message,
        };
        self.report(rel, f.line, code, msg);
    }

    /// Every `.toml` file of a kind parsed, with its path and text; problems reported.
    fn read_kind<T: Record + Send>(&mut self) -> Vec<(PathBuf, String, T)> {
        let top = Path::new(dir_of(T::KIND));
        let list = |dir: &Path| -> Vec<(PathBuf, String)> {
            let Ok(rd) = fs::read_dir(self.root.join(dir)) else {
                return Vec::new();
            };
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .map(|n| (dir.to_path_buf(), n.to_string()))
                })
                .filter(|(_, n)| !n.starts_with('.'))
                .collect()
        };
        let mut names = list(top);
        // Pay runs live in month folders: `payruns/<YYYY-MM>/`.
        if T::KIND == Kind::PayRun {
            let months: Vec<String> = names
                .iter()
                .filter(|(_, n)| n.parse::<Month>().is_ok())
                .map(|(_, n)| n.clone())
                .collect();
            names.retain(|(_, n)| n.parse::<Month>().is_err());
            for m in months {
                names.extend(list(&top.join(m)));
            }
        }
        names.sort();
        // Read and parsed on all cores; the ledger's large files one at a time (memory).
        enum Read<T> {
            Skip,
            Stray,
            Bad(String),
            Parsed(String, Result<T, parse::Failure>),
        }
        let root = self.root;
        let read = |(dir, name): &(PathBuf, String)| -> (PathBuf, String, Read<T>) {
            let rel = dir.join(name);
            // A pay run's payroll file sits beside its ledger entry; the run's check covers it.
            if T::KIND == Kind::PayRun
                && dir != top
                && (name.ends_with(".csv") || name.ends_with(".xml"))
            {
                return (rel, String::new(), Read::Skip);
            }
            let Some(stem) = name.strip_suffix(".toml") else {
                return (rel, String::new(), Read::Stray);
            };
            let outcome = match fs::read(root.join(&rel)).map(String::from_utf8) {
                Ok(Ok(text)) => {
                    let parsed = parse::parse_detailed::<T>(&text);
                    Read::Parsed(text, parsed)
                }
                Ok(Err(_)) => Read::Bad("not UTF-8 text".to_string()),
                Err(e) => Read::Bad(format!("cannot read: {e}")),
            };
            (rel, stem.to_string(), outcome)
        };
        let results: Vec<(PathBuf, String, Read<T>)> = if T::KIND == Kind::PayRun {
            names.iter().map(read).collect()
        } else {
            use rayon::prelude::*;
            names.par_iter().map(read).collect()
        };
        let mut recs = Vec::new();
        for (rel, stem, outcome) in results {
            match outcome {
                Read::Skip => {}
                Read::Stray => self.report(
                    &rel,
                    1,
                    Code::StrayFile,
                    "not a record (records end in .toml); move it elsewhere",
                ),
                Read::Bad(msg) => self.report(&rel, 1, Code::Syntax, msg),
                Read::Parsed(_, Err(f)) => self.parse_failure(&rel, f),
                Read::Parsed(text, Ok(rec)) => {
                    if Id::parse(&stem).ok().as_ref() != Some(rec.id()) {
                        let line = parse::line_of_key(&text, &[KeyPart::Key("id")]);
                        self.report(
                            &rel,
                            line,
                            Code::DuplicateId,
                            format!("the id `{}` does not match the file name", rec.id()),
                        );
                    }
                    recs.push((rel, text, rec));
                }
            }
        }
        recs
    }

    fn schema(&mut self, rel: &Path, text: &str, schema: u32) {
        if schema != SCHEMA {
            let line = parse::line_of_key(text, &[KeyPart::Key("schema")]);
            self.report(
                rel,
                line,
                Code::Schema,
                format!("schema {schema} is not known to this kontakt (expected {SCHEMA})"),
            );
        }
    }

    fn same_person<'r>(
        &mut self,
        kind: Kind,
        open: impl Iterator<Item = (&'r PathBuf, &'r str, &'r Pnr, &'r Id)>,
    ) {
        // Every record of the same person is reported, each naming the others: either may be
        // the one to close.
        let mut by_person: HashMap<&Pnr, Vec<(&PathBuf, &str, &Id)>> = HashMap::new();
        for (rel, text, pnr, id) in open {
            by_person.entry(pnr).or_default().push((rel, text, id));
        }
        for group in by_person.values().filter(|g| g.len() > 1) {
            for (rel, text, id) in group {
                let others: Vec<String> = group
                    .iter()
                    .filter(|(_, _, o)| o != id)
                    .map(|(_, _, o)| o.to_string())
                    .collect();
                let line = parse::line_of_key(text, &[KeyPart::Key("pnr")]);
                let msg = format!(
                    "the same person has another open {} application: {}",
                    kind.noun(),
                    others.join(", ")
                );
                self.report(rel, line, Code::SamePerson, msg);
            }
        }
    }
}

/// Every problem in the records directory at `root`, sorted by file and line.
pub fn check(root: &Path, today: NaiveDate) -> Vec<Diagnostic> {
    let mut ck = Checker {
        root,
        out: Vec::new(),
    };
    let config_rel = Path::new(CONFIG_FILE);
    let mut config = None;
    match fs::read_to_string(root.join(config_rel)) {
        Ok(text) => match parse::parse_detailed::<Config>(&text) {
            Ok(c) => {
                ck.schema(config_rel, &text, c.schema);
                config = Some(c);
            }
            Err(f) => ck.parse_failure(config_rel, f),
        },
        Err(e) => ck.report(config_rel, 1, Code::Syntax, format!("cannot read: {e}")),
    }
    for txn in atomic::pending(root) {
        let rel = txn.strip_prefix(root).unwrap_or(&txn).to_path_buf();
        let what = if atomic::is_committed(&txn) {
            "a command was interrupted after its commit point; the next command that writes finishes it (or run `kontakt check --repair`)"
        } else {
            "a command was interrupted before its commit point; nothing of it was applied, and the next command that writes removes it (or run `kontakt check --repair`)"
        };
        ck.report(&rel, 1, Code::Interrupted, what);
    }

    // The ledger first, while little else is in memory: its files are large to parse.
    let runs: Vec<(PathBuf, PayRun)> = ck
        .read_kind::<PayRun>()
        .into_iter()
        .map(|(rel, text, run)| {
            ck.schema(&rel, &text, run.schema);
            (rel, run)
        })
        .collect();

    let clients = ck.read_kind::<Client>();
    for (rel, text, c) in &clients {
        ck.schema(rel, text, c.schema);
        for (i, d) in c.decisions.iter().enumerate() {
            let at = |k| {
                parse::line_of_key(
                    text,
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
                    format!(
                        "decision {}: a grant needs `from` and `to`, with `to` not before `from`",
                        i + 1
                    ),
                );
            }
            if d.decided < c.applied {
                ck.report(
                    rel,
                    at("decided"),
                    Code::ImpossibleDates,
                    format!("decision {} is dated before the application", i + 1),
                );
            }
        }
        if c.applied > today {
            let line = parse::line_of_key(text, &[KeyPart::Key("applied")]);
            ck.report(
                rel,
                line,
                Code::ImpossibleDates,
                "the application is dated in the future",
            );
        }
    }
    ck.same_person(
        Kind::Client,
        clients
            .iter()
            .filter(|(_, _, c)| status::client_is_open(c, today))
            .map(|(r, t, c)| (r, t.as_str(), &c.pnr, &c.id)),
    );
    // The texts were for line numbers; a country's worth of them is not kept.
    let clients: Vec<Client> = clients.into_iter().map(|(_, _, c)| c).collect();

    let volunteers = ck.read_kind::<Volunteer>();
    for (rel, text, v) in &volunteers {
        ck.schema(rel, text, v.schema);
        let s = &v.screening;
        let line = |k| parse::line_of_key(text, &[KeyPart::Key("screening"), KeyPart::Key(k)]);
        if s.approved.is_some() && s.rejected.is_some() {
            ck.report(
                rel,
                line("rejected"),
                Code::ImpossibleDates,
                "both approved and rejected",
            );
        }
        if let Some(a) = s.approved
            && a < v.applied
        {
            ck.report(
                rel,
                line("approved"),
                Code::ImpossibleDates,
                "approved before the application",
            );
        }
        if v.applied > today {
            let l = parse::line_of_key(text, &[KeyPart::Key("applied")]);
            ck.report(
                rel,
                l,
                Code::ImpossibleDates,
                "the application is dated in the future",
            );
        }
    }
    ck.same_person(
        Kind::Volunteer,
        volunteers
            .iter()
            .filter(|(_, _, v)| status::volunteer_is_open(v))
            .map(|(r, t, v)| (r, t.as_str(), &v.pnr, &v.id)),
    );
    let volunteers: Vec<Volunteer> = volunteers.into_iter().map(|(_, _, v)| v).collect();
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
    let assignments = ck.read_kind::<Assignment>();
    // Lookups by id: a country's records are hundreds of thousands of files.
    let client_by_id: HashMap<&Id, &Client> = clients.iter().map(|c| (&c.id, c)).collect();
    let volunteer_by_id: HashMap<&Id, &Volunteer> = volunteers.iter().map(|v| (&v.id, v)).collect();
    for (rel, text, a) in &assignments {
        ck.schema(rel, text, a.schema);
        let key = |k| parse::line_of_key(text, &[KeyPart::Key(k)]);
        if !client_by_id.contains_key(&a.client) && !culled.contains(&a.client) {
            ck.report(
                rel,
                key("client"),
                Code::Dangling,
                format!("field `client`: no client {} on file", a.client),
            );
        }
        if !volunteer_by_id.contains_key(&a.volunteer) {
            ck.report(
                rel,
                key("volunteer"),
                Code::Dangling,
                format!("field `volunteer`: no volunteer {} on file", a.volunteer),
            );
        }
        if let Some(ag) = &a.agreement {
            let at = |k| parse::line_of_key(text, &[KeyPart::Key("agreement"), KeyPart::Key(k)]);
            if ag.end.is_some_and(|e| e < ag.start) {
                ck.report(
                    rel,
                    at("end"),
                    Code::ImpossibleDates,
                    "the agreement ends before it starts",
                );
            }
            let froms: Vec<NaiveDate> = ag.terms.iter().map(|t| t.from).collect();
            if froms.is_empty() || froms[0] != ag.start || froms.windows(2).any(|w| w[0] >= w[1]) {
                ck.report(rel, at("terms"), Code::ImpossibleDates, "the terms must start on the agreement's start date and follow each other in date order");
            }
        }
    }
    let assignments: Vec<Assignment> = assignments.into_iter().map(|(_, _, a)| a).collect();
    let assignment_by_id: HashMap<&Id, &Assignment> =
        assignments.iter().map(|a| (&a.id, a)).collect();
    // Reports are most of the files: read and parsed on all cores a chunk at a time, their text
    // dropped once checked (a line is looked up again only for a problem found later).
    let mut reports: HashMap<(Id, Month), (PathBuf, Report)> = HashMap::new();
    let report_paths = crate::store::report_paths(root).unwrap_or_default();
    for chunk in report_paths.chunks(8192) {
        use rayon::prelude::*;
        // Each file's text and what it parsed to, or None when it cannot be read.
        type Read = Option<(String, Result<Report, parse::Failure>)>;
        let read: Vec<(PathBuf, Read)> = chunk
            .par_iter()
            .map(|rel| {
                let read = fs::read_to_string(root.join(rel)).ok().map(|text| {
                    let parsed = parse::parse_detailed::<Report>(&text);
                    (text, parsed)
                });
                (rel.clone(), read)
            })
            .collect();
        for (rel, read) in read {
            let Some((text, parsed)) = read else {
                ck.report(&rel, 1, Code::Syntax, "cannot read (or not UTF-8)");
                continue;
            };
            match parsed {
                Err(f) => ck.parse_failure(&rel, f),
                Ok(r) => {
                    ck.schema(&rel, &text, r.schema);
                    let key = |k| parse::line_of_key(&text, &[KeyPart::Key(k)]);
                    if rel != Report::rel_path(r.month, &r.assignment) {
                        ck.report(
                            &rel,
                            key("assignment"),
                            Code::DuplicateId,
                            format!(
                                "the report of {} for {} belongs in {}",
                                r.assignment,
                                r.month,
                                Report::rel_path(r.month, &r.assignment).display()
                            ),
                        );
                    }
                    match assignment_by_id.get(&r.assignment) {
                        None => ck.report(
                            &rel,
                            key("assignment"),
                            Code::Dangling,
                            format!("field `assignment`: no assignment {} on file", r.assignment),
                        ),
                        Some(a) => {
                            for d in &r.meetings {
                                if !r.month.contains(*d) || a.terms_on(*d).is_none() {
                                    ck.report(&rel, key("meetings"), Code::ImpossibleDates, format!("meeting {d} is outside {} or the assignment's active days", r.month));
                                }
                            }
                        }
                    }
                    // Kept for comparing with the ledger below: what pay reads, nothing more.
                    let slim = Report {
                        meetings: r.meetings.first().copied().into_iter().collect(),
                        activity: None,
                        note: None,
                        ..r
                    };
                    reports.insert((slim.assignment.clone(), slim.month), (rel.clone(), slim));
                }
            }
        }
    }
    for (rel, run) in &runs {
        // The ledger's texts are large and rarely needed: read again for a problem's line.
        let text = || fs::read_to_string(root.join(rel)).unwrap_or_default();
        let key = |k| parse::line_of_key(&text(), &[KeyPart::Key(k)]);
        if *rel != run.rel_path() {
            ck.report(
                rel,
                key("month"),
                Code::DuplicateId,
                format!(
                    "the pay run {} for {} belongs in {}",
                    run.id,
                    run.month,
                    run.rel_path().display()
                ),
            );
        }
        match fs::read(root.join(&run.file)) {
            Ok(bytes) if super::pay::sha256_hex(&bytes) == run.sha256 => {}
            Ok(_) => ck.report(
                rel,
                key("sha256"),
                Code::PayFile,
                format!(
                    "{} is not the file this run paid (its SHA-256 differs); restore it from git",
                    run.file
                ),
            ),
            Err(_) => ck.report(
                rel,
                key("file"),
                Code::PayFile,
                format!("{} is missing; restore it from git", run.file),
            ),
        }
        if run.lines.iter().map(|l| l.amount).sum::<Money>() != run.total_ore {
            ck.report(
                rel,
                key("total_ore"),
                Code::BadValue,
                "the total is not the sum of the lines",
            );
        }
        for (i, l) in run.lines.iter().enumerate() {
            if !assignment_by_id.contains_key(&l.assignment) {
                let line = parse::line_of_key(
                    &text(),
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
                    format!("field `assignment`: no assignment {} on file", l.assignment),
                );
            }
        }
    }
    if let Some(config) = &config {
        let paid = compute::paid_of(runs.iter().flat_map(|(_, r)| r.lines.iter()));
        let mut paid: Vec<_> = paid.into_iter().collect();
        paid.sort_by(|x, y| x.0.cmp(&y.0));
        for ((aid, period), p) in paid {
            let Some(a) = assignment_by_id.get(&aid) else {
                continue;
            };
            let (Some(c), Some(v)) = (
                client_by_id.get(&a.client),
                volunteer_by_id.get(&a.volunteer),
            ) else {
                continue;
            };
            let report = reports.get(&(aid.clone(), period));
            if report.is_some_and(|(_, r)| r.revision() > p.revision) {
                continue; // corrected: the next run pays the difference
            }
            let case = compute::Case {
                assignment: a,
                client: c,
                volunteer: v,
            };
            let now = compute::earned(
                case,
                period,
                report.map(|(_, r)| r),
                &config.compensation,
                &config.payroll,
            );
            let (fee, expense) = match &now {
                Ok(e) => (
                    e.fee.as_ref().map_or(Money::ZERO, |x| x.amount),
                    e.expense.as_ref().map_or(Money::ZERO, |x| x.amount),
                ),
                Err(_) => (Money::ZERO, Money::ZERO),
            };
            if (fee, expense) != (p.fee, p.expense) {
                let (rel, line) = match report {
                    Some((rel, _)) => {
                        let text = fs::read_to_string(root.join(rel)).unwrap_or_default();
                        (
                            rel.clone(),
                            parse::line_of_key(&text, &[KeyPart::Key("meetings")]),
                        )
                    }
                    None => (Report::rel_path(period, &aid), 1),
                };
                ck.report(&rel, line, Code::PaidChanged, format!(
                    "{aid} {period} was paid {} kr but the records now give {} kr; record the change with `kontakt report {aid} {period} --correct REASON`",
                    p.fee + p.expense,
                    fee + expense
                ));
            }
        }
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
            return Some(format!(
                "{} can be read by others than its owner (mode {:o}); `chmod -R go-rwx {}`",
                root.display(),
                mode & 0o777,
                root.display()
            ));
        }
    }
    None
}
