//! A derived index from personnummer to the records (clients or volunteers) that carry it, so
//! that `apply` finds a second open application without reading every record: a country has
//! 55 000 clients. It lives in `.kontakt/index/` (git-ignored) and is never trusted blindly:
//! - a stamp beside it holds the folder's modification time when the index was last known
//!   right; anything that adds, removes or replaces a file there (git, an editor that saves by
//!   renaming, a merge) changes that time, and the index is rebuilt;
//! - every id it gives is read and its personnummer compared, so a record that moved on is caught
//!   (and the index rebuilt);
//! - kontakt's own writes keep it current (`Store::commit` appends new records and re-stamps), so
//!   staff rarely wait for a rebuild.
//!
//! A personnummer changed by an editor that rewrites the file in place, leaving the folder's time
//! alone, is the one change it cannot see; `kontakt check` (E009) still finds the duplicate.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::atomic::{self, STATE_DIR};
use crate::error::{Error, Result};
use crate::model::{Id, Pnr};

/// Personnummer (canonical) to ids, for one folder: the index file's lines `PNR<TAB>ID`, searched
/// as text (one `apply` asks about one person; building a map of 55 000 costs more than it saves).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PeopleIndex {
    text: String,
}

impl PeopleIndex {
    pub fn ids(&self, pnr: &Pnr) -> Vec<Id> {
        let key = format!("{}\t", pnr.canonical());
        let mut ids: Vec<Id> = self
            .text
            .lines()
            .filter_map(|l| l.strip_prefix(key.as_str()))
            .filter_map(|id| Id::parse(id).ok())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    pub fn add(&mut self, pnr: &str, id: &Id) {
        self.text.push_str(&format!("{pnr}\t{id}\n"));
    }
}

fn dir_of(root: &Path) -> PathBuf {
    root.join(STATE_DIR).join("index")
}

fn content_path(root: &Path, folder: &str) -> PathBuf {
    dir_of(root).join(format!("{folder}.tsv"))
}

fn stamp_path(root: &Path, folder: &str) -> PathBuf {
    dir_of(root).join(format!("{folder}.stamp"))
}

/// The folder's modification time in nanoseconds, as text.
pub fn folder_time(root: &Path, folder: &str) -> Option<String> {
    let modified = fs::metadata(root.join(folder)).ok()?.modified().ok()?;
    let d = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!("{}.{:09}", d.as_secs(), d.subsec_nanos()))
}

/// Is the index stamped with the folder's time now?
pub fn is_fresh(root: &Path, folder: &str) -> bool {
    let stamp = fs::read_to_string(stamp_path(root, folder)).ok();
    stamp.is_some() && stamp == folder_time(root, folder)
}

/// The index, if it is fresh and readable.
pub fn read_fresh(root: &Path, folder: &str) -> Option<PeopleIndex> {
    if !is_fresh(root, folder) {
        return None;
    }
    let text = fs::read_to_string(content_path(root, folder)).ok()?;
    // A damaged line makes the whole index suspect: rebuild rather than trust the rest.
    let sound = text.lines().all(|l| {
        l.split_once('\t')
            .is_some_and(|(p, id)| p.len() == 12 && Id::parse(id).is_ok())
    });
    sound.then_some(PeopleIndex { text })
}

/// Writes a whole index and stamps it (the caller holds the lock and read the folder after
/// taking `time_before`, the folder's time when it began reading).
pub fn write(root: &Path, folder: &str, idx: &PeopleIndex, time_before: &str) -> Result<()> {
    atomic::create_private_dir(&dir_of(root))?;
    atomic::write_file(&content_path(root, folder), idx.text.as_bytes())?;
    // Stamped with the time before reading: a change made meanwhile leaves it stale.
    atomic::write_file(&stamp_path(root, folder), time_before.as_bytes())
}

/// After kontakt's own commit to `folder`: if the index was fresh just before (`was_fresh`),
/// append the new records and stamp it with the folder's new time; otherwise leave it stale.
pub fn after_commit(root: &Path, folder: &str, was_fresh: bool, added: &[(String, Id)]) {
    if !was_fresh {
        return;
    }
    let appended = (|| -> std::io::Result<()> {
        if added.is_empty() {
            return Ok(());
        }
        let mut f = fs::OpenOptions::new()
            .append(true)
            .open(content_path(root, folder))?;
        for (pnr, id) in added {
            writeln!(f, "{pnr}\t{id}")?;
        }
        f.sync_all()
    })();
    match (appended, folder_time(root, folder)) {
        (Ok(()), Some(now)) => {
            let _ = atomic::write_file(&stamp_path(root, folder), now.as_bytes());
        }
        _ => forget(root, folder),
    }
}

/// Drops the stamp: the index is rebuilt on next use.
pub fn forget(root: &Path, folder: &str) {
    let _ = fs::remove_file(stamp_path(root, folder));
}

/// An index that cannot be written is not the command's failure: it is only rebuilt next time.
pub fn best_effort(r: Result<()>) {
    let _: Option<Error> = r.err();
}
