//! The collector `check`'s validations report into, and the reading of each kind of record
//! with its parse problems.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Code, Diagnostic};
use crate::model::{Id, Kind, PayRun, Pnr, SCHEMA};
use crate::rules::ledger::{self, LedgerProblem};
use crate::rules::{Flaw, Problem};
use crate::store::parse::{self, KeyPart};
use crate::store::{Record, cache, dir_of};
use crate::tr;

/// The line of `keys` in the file at `rel`, read again: only a problem needs it, and texts
/// are not kept (a country's records are 600 000 files, most answered by the cache unread).
pub(super) fn line_in(root: &Path, rel: &Path, keys: &[KeyPart]) -> usize {
    parse::line_of_key(
        &fs::read_to_string(root.join(rel)).unwrap_or_default(),
        keys,
    )
}

/// The files of each folder of a kind, as `cache::read_folder` gives them.
pub(super) type Loaded<T> = Vec<(PathBuf, cache::Folder<T>)>;

/// Reads every folder of a kind (pay runs live in month folders, `payruns/<YYYY-MM>/`); the
/// folders on all cores.
pub(super) fn load_kind<T: Record + Send + Sync + serde::Serialize>(
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

/// Collects the diagnostics of a check, each at its file and line.
pub(super) struct Checker<'a> {
    pub root: &'a Path,
    pub out: Vec<Diagnostic>,
}

impl Checker<'_> {
    pub(super) fn report(
        &mut self,
        rel: &Path,
        line: usize,
        code: Code,
        message: impl Into<String>,
    ) {
        self.out.push(Diagnostic {
            path: self.root.join(rel),
            line,
            code,
            message: message.into(),
        });
    }

    /// A rule's problem, at its field's line.
    pub(super) fn problem(&mut self, rel: &Path, p: &Problem) {
        let code = match p.flaw {
            Flaw::BadValue => Code::BadValue,
            Flaw::ImpossibleDates => Code::ImpossibleDates,
        };
        self.problem_as(rel, p, code);
    }

    /// A rule's problem under `code` (kontakt.toml's are all E018).
    pub(super) fn problem_as(&mut self, rel: &Path, p: &Problem, code: Code) {
        let line = line_in(self.root, rel, &parse::key_parts(&p.at));
        let field = p.field();
        let message = if field.is_empty() {
            p.message.clone()
        } else {
            tr!("field `{field}`: {}", "fältet `{field}`: {}", p.message)
        };
        self.report(rel, line, code, message);
    }

    pub(super) fn parse_failure(&mut self, rel: &Path, f: parse::Failure) {
        let code = Self::parse_code(&f);
        self.parse_failure_as(rel, f, code);
    }

    /// What kind of wrong a parser's failure is.
    pub(super) fn parse_code(f: &parse::Failure) -> Code {
        if f.syntax {
            Code::Syntax
        } else if f.message.contains(crate::model::client::PERIOD_NEEDED) {
            Code::ImpossibleDates
        } else if f.message.starts_with("unknown field") {
            Code::UnknownField
        } else if f.message.starts_with("missing field") {
            Code::MissingField
        } else if f.field.as_deref() == Some("pnr") {
            Code::BadPnr
        } else if f.field.as_deref() == Some("schema") && f.message.starts_with("schema ") {
            Code::Schema
        } else {
            Code::BadValue
        }
    }

    pub(super) fn parse_failure_as(&mut self, rel: &Path, f: parse::Failure, code: Code) {
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
    pub(super) fn take_kind<T: Record>(&mut self, loaded: Loaded<T>) -> Vec<(PathBuf, T)> {
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
                        // Every mistake of the file in one run, not one per run.
                        let all = std::fs::read_to_string(self.root.join(&rel))
                            .map(|text| parse::all_failures::<T>(&text))
                            .unwrap_or_default();
                        if all.is_empty() {
                            self.parse_failure(&rel, f);
                        }
                        for f in all {
                            self.parse_failure(&rel, f);
                        }
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
    pub(super) fn ledger_survey(&mut self, runs: &mut Vec<(PathBuf, PayRun)>) -> ledger::Survey {
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
                        tr!(
                            "cannot read: {}",
                            "kan inte läsas: {}",
                            crate::error::io_reason(&e, crate::lang::current())
                        ),
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
    pub(super) fn ledger_problem(&mut self, p: &LedgerProblem) {
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

    pub(super) fn schema(&mut self, rel: &Path, schema: u32) {
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

    pub(super) fn same_person<'r>(
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
