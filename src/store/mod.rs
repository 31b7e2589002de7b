//! The records directory, and the only module that touches it.
//!
//! Layout: `kontakt.toml`, `clients/<id>.toml`, `volunteers/<id>.toml`, one record per file so
//! that offices editing different cases never conflict in git; `.kontakt/` holds the lock and
//! interrupted transactions and is git-ignored.

pub mod atomic;
pub mod by_person;
pub mod cache;
pub mod edit;
pub mod git;
pub mod ledger;
pub mod parse;
pub mod people;

use crate::error::IoOp;
use crate::tr;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use atomic::Changeset;

use crate::error::{Error, Result};
use crate::model::{Assignment, Client, Config, Id, Kind, Month, PayRun, Report, Volunteer};

pub const CONFIG_FILE: &str = "kontakt.toml";

/// A kind of record kept one per file, named by its id.
pub trait Record: Serialize + DeserializeOwned {
    const KIND: Kind;
    /// The directory (under the records directory) that holds this kind.
    const DIR: &'static str;
    fn id(&self) -> &Id;
    /// The person's personnummer, for the kinds that are people.
    fn pnr(&self) -> Option<&crate::model::Pnr> {
        None
    }
    /// Where this record's file lives (relative to the records directory).
    fn rel_path(&self) -> PathBuf {
        Path::new(Self::DIR).join(format!("{}.toml", self.id()))
    }
}

impl Record for Client {
    const KIND: Kind = Kind::Client;
    const DIR: &'static str = "clients";
    fn id(&self) -> &Id {
        &self.id
    }
    fn pnr(&self) -> Option<&crate::model::Pnr> {
        Some(&self.pnr)
    }
}

impl Record for Volunteer {
    const KIND: Kind = Kind::Volunteer;
    const DIR: &'static str = "volunteers";
    fn id(&self) -> &Id {
        &self.id
    }
    fn pnr(&self) -> Option<&crate::model::Pnr> {
        Some(&self.pnr)
    }
}

impl Record for Assignment {
    const KIND: Kind = Kind::Assignment;
    const DIR: &'static str = "assignments";
    fn id(&self) -> &Id {
        &self.id
    }
}

impl Record for PayRun {
    const KIND: Kind = Kind::PayRun;
    const DIR: &'static str = "payruns";
    fn id(&self) -> &Id {
        &self.id
    }
    /// `payruns/<YYYY-MM>/<id>.toml`: by month, so a run reads only the months it needs.
    fn rel_path(&self) -> PathBuf {
        PayRun::rel_path_of(self.month, &self.id)
    }
}

/// The directory a kind of record lives in.
pub fn dir_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Client => Client::DIR,
        Kind::Volunteer => Volunteer::DIR,
        Kind::Assignment => Assignment::DIR,
        Kind::PayRun => PayRun::DIR,
    }
}

/// An open records directory and its configuration.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    pub config: Config,
    /// Every file committed through this store, for `--commit` to hand to git.
    written: std::sync::Mutex<Vec<PathBuf>>,
    /// Called once when a command has to wait for the lock (the CLI says so on stderr).
    pub on_lock_wait: Option<fn()>,
}

/// Held while a command changes the records; released on drop. Advisory: every kontakt command
/// that writes takes it, so two at once cannot lose an update.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    path: PathBuf,
}

impl Lock {
    /// Is the locked file still the one at the lock's path (not removed, not replaced)?
    fn is_current(&self) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let (Ok(held), Ok(on_disk)) = (self._file.metadata(), fs::metadata(&self.path)) else {
                return false;
            };
            held.dev() == on_disk.dev() && held.ino() == on_disk.ino()
        }
        #[cfg(not(unix))]
        {
            self.path.exists()
        }
    }
}

/// How long a command waits for another to release the lock: `KONTAKT_LOCK_WAIT` seconds, or
/// 60 (a pay run over a country's records takes seconds; a minute means something is stuck).
pub fn lock_wait() -> std::time::Duration {
    let secs = std::env::var("KONTAKT_LOCK_WAIT")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or(60);
    std::time::Duration::from_secs(secs)
}

impl Store {
    pub fn open(root: &Path) -> Result<Store> {
        let meta = fs::metadata(root).map_err(|e| Error::io(root, IoOp::OpenRecords, e))?;
        if !meta.is_dir() {
            return Err(Error::bad_path(
                root,
                tr!("is not a directory", "är ingen katalog"),
            ));
        }
        let path = root.join(CONFIG_FILE);
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NotRecords {
                    path: root.to_path_buf(),
                });
            }
            Err(e) => return Err(Error::io(&path, IoOp::Read, e)),
        };
        let config: Config = parse::parse(&path, &text)?;
        // A configuration is judged when it is opened, by the rule `check` uses: a dry run and
        // a real run can never accept different ones.
        if let Some(p) = crate::rules::configuration::problems(&config).first() {
            return Err(parse::problem_error(&path, &text, p));
        }
        Ok(Store {
            root: root.to_path_buf(),
            config,
            written: Default::default(),
            on_lock_wait: None,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes the directory's write lock, waiting at most [`lock_wait`] for another command to
    /// finish (calling `on_wait` once if it has to wait), then finishes or drops any transaction
    /// an interrupted command left.
    ///
    /// The lock is an advisory lock on `.kontakt/lock`. Whoever deletes that file (`rm`, `git
    /// clean -xdf`) lets a second command take a new one while the first still runs, so the lock
    /// is checked to be the file on disk after it is taken and again at every commit.
    pub fn lock(&self) -> Result<Lock> {
        let notice = self.on_lock_wait;
        self.lock_with(lock_wait(), &|| {
            if let Some(f) = notice {
                f();
            }
        })
    }

    /// [`Store::lock`], telling the caller (the terminal) when it starts to wait.
    pub fn lock_with(&self, wait: std::time::Duration, on_wait: &dyn Fn()) -> Result<Lock> {
        let state = self.root.join(atomic::STATE_DIR);
        let path = state.join("lock");
        let started = std::time::Instant::now();
        let mut told = false;
        loop {
            atomic::create_private_dir(&state)?;
            let mut opts = fs::OpenOptions::new();
            opts.create(true).truncate(false).write(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            let file = opts
                .open(&path)
                .map_err(|e| Error::io(&path, IoOp::OpenLock, e))?;
            match file.try_lock() {
                Ok(()) => {
                    let lock = Lock {
                        _file: file,
                        path: path.clone(),
                    };
                    // Removed or replaced between the open and the lock: take the new one.
                    if !lock.is_current() {
                        continue;
                    }
                    atomic::recover(&self.root)?;
                    return Ok(lock);
                }
                Err(fs::TryLockError::WouldBlock) => {}
                Err(fs::TryLockError::Error(e)) => {
                    return Err(Error::io(&path, IoOp::Lock, e));
                }
            }
            if started.elapsed() >= wait {
                return Err(Error::refused(vec![tr!(
                    "another kontakt command has held the records directory's lock ({}) for {} s; nothing was done: run this again when it has finished",
                    "ett annat kontakt-kommando har hållit aktkatalogens lås ({}) i {} s; inget gjordes: kör detta igen när det är klart",
                    path.display(),
                    wait.as_secs()
                )]));
            }
            if !told {
                on_wait();
                told = true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// `rel:line: field: message` for a rule's problem in the record at `rel`, the line found by
    /// reading the file again (only a problem needs it).
    pub fn describe_problem(&self, rel: &Path, p: &crate::rules::Problem) -> String {
        let text = fs::read_to_string(self.root.join(rel)).unwrap_or_default();
        parse::problem_error(&self.root.join(rel), &text, p).to_string()
    }

    /// Applies a set of writes atomically; proof of the lock is required.
    pub fn commit(&self, lock: &Lock, changes: &Changeset) -> Result<()> {
        self.commit_observed(lock, changes, || {})
    }

    /// [`Store::commit`], calling `between` right after the files are written, where a killed
    /// process would stop: what the tests look at to see nothing derived outlives a file.
    fn commit_observed(
        &self,
        lock: &Lock,
        changes: &Changeset,
        between: impl FnOnce(),
    ) -> Result<()> {
        if !lock.is_current() {
            return Err(Error::refused(vec![tr!(
                "the lock file {} was removed while this command ran, so another command may have run at the same time; nothing was written: run this again",
                "låsfilen {} togs bort medan kommandot körde, så ett annat kommando kan ha kört samtidigt; inget skrevs: kör detta igen",
                lock.path.display()
            )]));
        }
        // The people indexes follow kontakt's own writes (see `people`).
        let mut indexed = Vec::new();
        for folder in [Client::DIR, Volunteer::DIR] {
            let touched = changes
                .paths()
                .any(|p| p.parent().is_some_and(|d| d == Path::new(folder)));
            if !touched {
                continue;
            }
            let added: Vec<(String, Id)> = changes
                .writes
                .iter()
                .filter(|(p, _)| {
                    p.parent().is_some_and(|d| d == Path::new(folder))
                        && !self.root.join(p).exists()
                })
                .filter_map(|(p, bytes)| {
                    let id = Id::parse(p.file_stem()?.to_str()?).ok()?;
                    let table: toml::Table =
                        toml::from_str(std::str::from_utf8(bytes).ok()?).ok()?;
                    Some((table.get("pnr")?.as_str()?.to_string(), id))
                })
                .collect();
            indexed.push((folder, people::is_fresh(&self.root, folder), added));
        }
        // Removed files (culling) leave nothing behind in derived data: the cache and the
        // index of their folder go before the files do, so that a process killed anywhere
        // leaves no culled person in them (both are rebuilt from the records when next read),
        // and again after, in case a reader rebuilt them in between.
        let forget_removed = || {
            for removed in &changes.removals {
                if let Some(folder) = removed.parent() {
                    cache::forget(&self.root, folder);
                    if let Some(f) = folder
                        .to_str()
                        .filter(|f| [Client::DIR, Volunteer::DIR].contains(f))
                    {
                        people::remove(&self.root, f);
                    }
                }
            }
        };
        forget_removed();
        atomic::commit(&self.root, changes)?;
        between();
        for (folder, was_fresh, added) in indexed {
            people::after_commit(&self.root, folder, was_fresh, &added);
        }
        forget_removed();
        self.written
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend(changes.paths().map(PathBuf::from));
        Ok(())
    }

    /// The files this store has written so far (relative to the records directory).
    pub fn written(&self) -> Vec<PathBuf> {
        self.written
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn rel_path(kind: Kind, id: &Id) -> PathBuf {
        Path::new(dir_of(kind)).join(format!("{id}.toml"))
    }

    /// The pay runs' ledger files, `payruns/<YYYY-MM>/<id>.toml`, of months from `from` on
    /// (all with None), sorted; nothing parsed.
    pub fn payrun_paths(&self, from: Option<Month>) -> Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        let dir = self.root.join(PayRun::DIR);
        let months = match fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(Error::io(&dir, IoOp::List, e)),
        };
        for m in months.filter_map(|e| e.ok()) {
            let name = m.file_name();
            let Some(month) = name.to_str().and_then(|n| n.parse::<Month>().ok()) else {
                continue;
            };
            if from.is_some_and(|f| month < f) {
                continue;
            }
            let rd = fs::read_dir(m.path()).map_err(|e| Error::io(m.path(), IoOp::List, e))?;
            for f in rd.filter_map(|e| e.ok()) {
                let file = f.file_name();
                if file
                    .to_str()
                    .is_some_and(|n| n.ends_with(".toml") && !n.starts_with('.'))
                {
                    out.push(Path::new(PayRun::DIR).join(&name).join(file));
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// Where the file of `id` is: fixed by the id for most kinds, found in its month's folder
    /// for a pay run.
    fn path_of(&self, kind: Kind, id: &Id) -> Result<PathBuf> {
        if kind != Kind::PayRun {
            return Ok(Self::rel_path(kind, id));
        }
        let name = format!("{id}.toml");
        Ok(self
            .payrun_paths(None)?
            .into_iter()
            .find(|p| p.file_name().is_some_and(|n| n == name.as_str()))
            .unwrap_or_else(|| Self::rel_path(kind, id)))
    }

    /// The ids of one kind, from the file names alone (nothing is parsed), sorted.
    pub fn ids(&self, kind: Kind) -> Result<Vec<Id>> {
        if kind == Kind::PayRun {
            let mut ids: Vec<Id> = self
                .payrun_paths(None)?
                .iter()
                .filter_map(|p| Id::parse(p.file_stem()?.to_str()?).ok())
                .collect();
            ids.sort();
            return Ok(ids);
        }
        let dir = self.root.join(dir_of(kind));
        let rd = match fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&dir, IoOp::List, e)),
        };
        let mut ids: Vec<Id> = rd
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name();
                let stem = name.to_str()?.strip_suffix(".toml")?;
                Id::parse(stem).ok().filter(|id| id.kind() == kind)
            })
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// The one id among `kinds` that `prefix` selects (git-style unique prefix).
    pub fn resolve(&self, prefix: &str, kinds: &[Kind]) -> Result<Id> {
        let prefix = prefix.trim();
        // A whole id whose file exists needs no listing (a country has 50 000 of a kind).
        if let Ok(id) = Id::parse(&prefix.to_ascii_uppercase())
            && kinds.contains(&id.kind())
            && self.exists(id.kind(), &id)
        {
            return Ok(id);
        }
        let mut all = Vec::new();
        for &kind in kinds {
            all.extend(self.ids(kind)?);
        }
        let mut matches: Vec<Id> = all
            .iter()
            .filter(|id| id.matches_prefix(prefix))
            .cloned()
            .collect();
        match matches.len() {
            1 => Ok(matches.remove(0)),
            0 => Err(Error::NotFound {
                // The kind asked for, or the one the id's letter names (`C-ZZZZ` is a client's
                // id even where a client or a volunteer would do).
                kind: match kinds {
                    [one] => one.noun(),
                    _ => prefix
                        .split_once('-')
                        .filter(|(letter, _)| letter.len() == 1)
                        .and_then(|(letter, _)| letter.chars().next())
                        .and_then(Kind::from_letter)
                        .filter(|k| kinds.contains(k))
                        .map_or("record", Kind::noun),
                },
                prefix: prefix.to_string(),
                similar: similar_ids(prefix, &all),
            }),
            _ => Err(Error::Ambiguous {
                prefix: prefix.to_string(),
                matches: matches.iter().map(|i| i.to_string()).collect(),
            }),
        }
    }

    pub fn read_text(&self, rel: &Path) -> Result<String> {
        let path = self.root.join(rel);
        fs::read_to_string(&path).map_err(|e| Error::io(rel, IoOp::Read, e))
    }

    pub fn load<T: Record>(&self, id: &Id) -> Result<T> {
        let rel = self.path_of(T::KIND, id)?;
        let text = self.read_text(&rel)?;
        let rec: T = parse::parse(&rel, &text)?;
        if rec.id() != id {
            return Err(Error::Record {
                path: rel.clone(),
                line: parse::line_of_key(&text, &[parse::KeyPart::Key("id")]),
                field: Some("id".into()),
                message: tr!(
                    "the id `{}` does not match the file name",
                    "id:t `{}` stämmer inte med filnamnet",
                    rec.id()
                ),
            });
        }
        Ok(rec)
    }

    /// Every file under folder `top` (and its month folders) parsed as a `T`, through the
    /// parse cache that `check` keeps (`cache`): for commands that read a whole country's
    /// records (`stats`), so that a second look reads only what changed. Sorted by folder and
    /// name; the first bad file stops it.
    pub fn scan<T>(&self, top: &str) -> Result<Vec<T>>
    where
        T: Serialize + DeserializeOwned + Send + Sync,
    {
        let (good, bad) = self.scan_readable(top)?;
        match bad.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(good),
        }
    }

    /// As [`Store::scan`], but the files that read and the error of each that does not: for
    /// what people look through (listings, `due`), which show the rest.
    pub fn scan_readable<T>(&self, top: &str) -> Result<(Vec<T>, Vec<Error>)>
    where
        T: Serialize + DeserializeOwned + Send + Sync,
    {
        use rayon::prelude::*;
        let folders = record_folders(&self.root, top);
        let read_one = |f: PathBuf| {
            let read = cache::read_folder(&self.root, &f, true, parse::parse_detailed::<T>);
            (f, read)
        };
        // The ledger's month files are large: two parsed at once double the peak memory.
        let read: Vec<(PathBuf, cache::Folder<T>)> = if top == PayRun::DIR {
            folders.into_iter().map(read_one).collect()
        } else {
            folders.into_par_iter().map(read_one).collect()
        };
        let (mut good, mut bad) = (Vec::new(), Vec::new());
        for (folder, files) in read {
            for (name, r) in files {
                match r.into_record(&folder.join(&name)) {
                    Some(Ok(t)) => good.push(t),
                    Some(Err(e)) => bad.push(e),
                    None => {}
                }
            }
        }
        Ok((good, bad))
    }

    /// Every record of a kind, read on all cores; the first bad file stops it (use `check` to
    /// see them all).
    pub fn load_all<T: Record + Send>(&self) -> Result<Vec<T>> {
        self.load_many(&self.ids(T::KIND)?)
    }

    /// Every record of a kind that reads, with the error of each file that does not: for what
    /// people look through (listings, `due`), which show the rest and name the broken files.
    /// Commands that pay or write use [`Store::load_all`], which refuses.
    ///
    /// Clients, volunteers and assignments come through the parse cache (`cache`, stamped per
    /// file): a country's 165 000 of them cost 1.3 s to parse again on every `due`.
    pub fn load_readable<T: Record + Send + Sync>(&self) -> Result<(Vec<T>, Vec<Error>)> {
        use rayon::prelude::*;
        let (mut good, mut bad) = (Vec::new(), Vec::new());
        if T::KIND == Kind::PayRun {
            let read: Vec<Result<T>> = self
                .ids(T::KIND)?
                .par_iter()
                .map(|id| self.load(id))
                .collect();
            for r in read {
                match r {
                    Ok(t) => good.push(t),
                    Err(e) => bad.push(e),
                }
            }
            return Ok((good, bad));
        }
        let folder = Path::new(dir_of(T::KIND));
        match fs::metadata(self.root.join(folder)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((good, bad)),
            Err(e) => return Err(Error::io(folder, IoOp::List, e)),
            Ok(_) => {}
        }
        let files = cache::read_folder(&self.root, folder, true, parse::parse_detailed::<T>);
        for (name, read) in files {
            // As `ids`: the files named for an id of this kind.
            let Some(id) = name
                .strip_suffix(".toml")
                .and_then(|stem| Id::parse(stem).ok())
                .filter(|id| id.kind() == T::KIND)
            else {
                continue;
            };
            match read.into_record(&folder.join(&name)) {
                Some(Ok(t)) if t.id() == &id => good.push(t),
                // The id in the file is not its name's: `load` says so, at its line.
                Some(Ok(_)) => match self.load(&id) {
                    Ok(t) => good.push(t),
                    Err(e) => bad.push(e),
                },
                Some(Err(e)) => bad.push(e),
                None => {}
            }
        }
        Ok((good, bad))
    }

    /// The reports that read, with the error of each file that does not (as
    /// [`Store::load_readable`]).
    pub fn load_reports_readable(&self) -> Result<(Vec<Report>, Vec<Error>)> {
        self.scan_readable("reports")
    }

    /// The assignments that name `person` (a client or a volunteer), through the index
    /// `by_person` keeps (rebuilt from every assignment when stale).
    pub fn assignments_of(&self, person: &Id) -> Result<Vec<Assignment>> {
        let names = |a: &Assignment| a.client == *person || a.volunteer == *person;
        if let Some(ids) = by_person::lookup(&self.root, person) {
            let found: Option<Vec<Assignment>> = ids
                .iter()
                .map(|id| self.load::<Assignment>(id).ok())
                .collect();
            if let Some(found) = found.filter(|f| f.iter().all(names)) {
                return Ok(found);
            }
        }
        let before = people::folder_time(&self.root, Assignment::DIR);
        let all: Vec<Assignment> = self.load_all()?;
        if let Some(before) = before {
            by_person::write(&self.root, &all, &before);
        }
        Ok(all.into_iter().filter(names).collect())
    }

    /// These records, read on all cores, in the order given.
    pub fn load_many<T: Record + Send>(&self, ids: &[Id]) -> Result<Vec<T>> {
        use rayon::prelude::*;
        ids.par_iter().map(|id| self.load(id)).collect()
    }

    /// The reports filed for these (assignment, month) pairs, read on all cores.
    pub fn load_reports_of(&self, wanted: &[(Id, Month)]) -> Result<Vec<Report>> {
        use rayon::prelude::*;
        let found: Vec<Option<Report>> = wanted
            .par_iter()
            .map(|(id, m)| self.load_report(*m, id))
            .collect::<Result<_>>()?;
        Ok(found.into_iter().flatten().collect())
    }

    /// Adds `rec` to `changes`: a new file in canonical layout, or an existing file updated in
    /// place so that a person's comments and layout survive.
    pub fn stage<T: Record>(&self, changes: &mut Changeset, rec: &T) -> Result<()> {
        self.stage_at(changes, &rec.rel_path(), rec)
    }

    /// Stages any serialisable record at `rel` (reports, pay runs), keeping a person's edits.
    pub fn stage_at<T: Serialize>(
        &self,
        changes: &mut Changeset,
        rel: &Path,
        rec: &T,
    ) -> Result<()> {
        let canonical = to_toml(rec, rel)?;
        let text = match fs::read_to_string(self.root.join(rel)) {
            Ok(existing) => edit::merge(&existing, &canonical),
            Err(_) => canonical,
        };
        changes.write(rel, text);
        Ok(())
    }

    /// A month's report for an assignment, if one was filed.
    pub fn load_report(&self, month: Month, assignment: &Id) -> Result<Option<Report>> {
        let rel = Report::rel_path(month, assignment);
        match fs::read_to_string(self.root.join(&rel)) {
            Ok(text) => Ok(Some(parse::parse(&rel, &text)?)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(&rel, IoOp::Read, e)),
        }
    }

    fn rebuild_people<T: Record + Send>(&self) -> Result<()> {
        let before = people::folder_time(&self.root, T::DIR);
        let pairs: Vec<(String, Id)> = self
            .load_all::<T>()?
            .iter()
            .filter_map(|r| Some((r.pnr()?.canonical().to_string(), *r.id())))
            .collect();
        if let Some(before) = before {
            // An index that cannot be written is not the command's failure: rebuilt next time.
            let _ = people::write(&self.root, T::DIR, &pairs, &before);
        }
        Ok(())
    }

    /// The records of a kind of people that carry `pnr`, read from their files: the index (see
    /// `people`) only points, and a pointer that no longer holds rebuilds it.
    pub fn people_with<T: Record + Send>(&self, pnr: &crate::model::Pnr) -> Result<Vec<T>> {
        for attempt in 0..3 {
            let Some(ids) = people::lookup(&self.root, T::DIR, pnr.canonical()) else {
                if attempt == 2 {
                    break;
                }
                self.rebuild_people::<T>()?;
                continue;
            };
            let mut found = Vec::new();
            let mut stale = false;
            for id in ids {
                match self.load::<T>(&id) {
                    Ok(r) if r.pnr() == Some(pnr) => found.push(r),
                    Ok(_) => stale = true,
                    Err(Error::Io { source, .. })
                        if source.kind() == std::io::ErrorKind::NotFound =>
                    {
                        stale = true
                    }
                    Err(e) => return Err(e),
                }
            }
            if !stale {
                return Ok(found);
            }
            people::forget(&self.root, T::DIR);
        }
        // The index could not be made to hold (an unwritable state folder): read every record.
        Ok(self
            .load_all::<T>()?
            .into_iter()
            .filter(|r| r.pnr() == Some(pnr))
            .collect())
    }

    /// One assignment's reports, month by month (a stat per month, nothing else read).
    pub fn reports_of(&self, assignment: &Id) -> Result<Vec<Report>> {
        let mut out = Vec::new();
        let Ok(months) = fs::read_dir(self.root.join("reports")) else {
            return Ok(out);
        };
        let mut months: Vec<Month> = months
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
            .collect();
        months.sort();
        for m in months {
            if let Some(r) = self.load_report(m, assignment)? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Every report, through the parse cache (`scan`); the first bad file stops it (use
    /// `check` to see them all).
    pub fn load_reports(&self) -> Result<Vec<Report>> {
        self.scan("reports")
    }

    /// Does the file for this id exist (used to avoid reusing a random id)?
    pub fn exists(&self, kind: Kind, id: &Id) -> bool {
        self.path_of(kind, id)
            .is_ok_and(|rel| self.root.join(rel).exists())
    }

    /// A fresh id of `kind` not used by any record here.
    pub fn new_id(&self, kind: Kind, taken: &[Id]) -> Id {
        loop {
            let id = Id::random(kind);
            if !self.exists(kind, &id) && !taken.contains(&id) {
                return id;
            }
        }
    }
}

/// The folders a kind's files live in, sorted: its own folder and its month folders
/// (`payruns/<YYYY-MM>/`, `reports/<YYYY-MM>/`). A free function for `check`, which lists
/// without opening the store.
pub fn record_folders(root: &Path, top: &str) -> Vec<PathBuf> {
    let mut months: Vec<PathBuf> = fs::read_dir(root.join(top))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.parse::<Month>().is_ok())
                .map(|n| Path::new(top).join(n))
                .collect()
        })
        .unwrap_or_default();
    months.sort();
    let mut out = vec![PathBuf::from(top)];
    out.extend(months);
    out
}

/// Ids that look like a mistyped `typed` (a swapped or wrong character), best first, at most three.
fn similar_ids(typed: &str, ids: &[Id]) -> Vec<String> {
    let t = typed.to_ascii_uppercase();
    if t.chars().count() < 3 {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &Id)> = ids
        .iter()
        .map(|id| {
            let full = id.as_str();
            let code = &full[2..];
            let n = t.len();
            let score = strsim::jaro_winkler(&t, &full[..n.min(full.len())])
                .max(strsim::jaro_winkler(&t, &code[..n.min(code.len())]));
            (score, id)
        })
        .filter(|(s, _)| *s >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// The canonical text of a record: keys in the type's field order.
pub fn to_toml<T: Serialize>(rec: &T, rel: &Path) -> Result<String> {
    toml::to_string(rec)
        .map_err(|e| Error::io(rel, IoOp::Encode, std::io::Error::other(e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything under `.kontakt`, as text.
    fn derived(root: &Path) -> String {
        let mut all = String::new();
        let mut stack = vec![root.join(atomic::STATE_DIR)];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(b) = fs::read(&p) {
                    all.push_str(&String::from_utf8_lossy(&b));
                }
            }
        }
        all
    }

    #[test]
    fn a_removed_file_takes_its_person_out_of_derived_data_before_it_goes() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("records");
        crate::ops::init::init(&root, "Provstad", crate::lang::Lang::En).unwrap();
        let store = Store::open(&root).unwrap();
        let pnr = "198301012384";
        let text = format!(
            "schema = 1\nid = \"C-7Q2K9M\"\nname = \"Test Person\"\npnr = \"{pnr}\"\n\
             applied = \"2020-01-10\"\n"
        );
        let rel = PathBuf::from("clients/C-7Q2K9M.toml");
        fs::write(root.join(&rel), &text).unwrap();
        // Old enough to be cached; the index built by a lookup.
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(10);
        fs::File::options()
            .write(true)
            .open(root.join(&rel))
            .unwrap()
            .set_modified(old)
            .unwrap();
        let _: Vec<Client> = store.load_all().unwrap();
        let p = crate::model::Pnr::from_canonical(pnr).unwrap();
        assert_eq!(store.people_with::<Client>(&p).unwrap().len(), 1);
        assert!(derived(&root).contains(pnr), "cached and indexed before");
        let lock = store.lock().unwrap();
        let mut changes = Changeset::new();
        changes.remove(&rel);
        let mut seen = String::new();
        store
            .commit_observed(&lock, &changes, || seen = derived(&root))
            .unwrap();
        assert!(!root.join(&rel).exists());
        assert!(
            !seen.contains(pnr),
            "a kill right after the files went would leave it"
        );
        assert!(!derived(&root).contains(pnr));
    }
}
