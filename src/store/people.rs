//! A derived index from personnummer to the records (clients or volunteers) that carry it, so
//! that `apply` finds a second open application without reading every record: a country has
//! 55 000 clients. It lives in `.kontakt/index/<folder>/` (git-ignored), in 100 shards by the
//! number's serial digits so that a lookup reads about 1 % of it, and is never trusted blindly:
//! - a stamp holds the folder's modification time when the index was last known right; anything
//!   that adds, removes or replaces a file there (git, an editor that saves by renaming, a merge)
//!   changes that time, and the index is rebuilt;
//! - a shard with a line that is not `PERSONNUMMER<TAB>ID` is not trusted: rebuilt;
//! - every id it gives is read and its personnummer compared (`Store::people_with`), so a record
//!   that moved on is caught, and the index rebuilt;
//! - kontakt's own writes keep it current (`Store::commit` appends new records and re-stamps), so
//!   staff rarely wait for a rebuild.
//!
//! A personnummer changed by an editor that rewrites the file in place, leaving the folder's time
//! alone, is the one change it cannot see; `kontakt check` (E009) still finds the duplicate.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::atomic::{self, STATE_DIR};
use crate::error::Result;
use crate::model::Id;

fn index_dir(root: &Path, folder: &str) -> PathBuf {
    root.join(STATE_DIR).join("index").join(folder)
}

/// The shard of a canonical personnummer: its two serial digits after the first (`00`-`99`).
fn shard(pnr: &str) -> String {
    pnr.get(9..11)
        .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or("xx")
        .to_string()
}

fn shard_path(root: &Path, folder: &str, pnr: &str) -> PathBuf {
    index_dir(root, folder).join(format!("{}.tsv", shard(pnr)))
}

fn stamp_path(root: &Path, folder: &str) -> PathBuf {
    index_dir(root, folder).join("stamp")
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

/// The ids the index gives for `pnr` (canonical), or None when it is stale or damaged.
pub fn lookup(root: &Path, folder: &str, pnr: &str) -> Option<Vec<Id>> {
    if !is_fresh(root, folder) {
        return None;
    }
    let text = match fs::read_to_string(shard_path(root, folder, pnr)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(_) => return None,
    };
    let mut ids = Vec::new();
    for line in text.lines() {
        let (p, id) = line.split_once('\t')?;
        let id = Id::parse(id).ok()?;
        if p.len() != 12 {
            return None;
        }
        if p == pnr && !ids.contains(&id) {
            ids.push(id);
        }
    }
    Some(ids)
}

/// Writes the whole index from `(pnr, id)` pairs and stamps it (the caller holds the lock and
/// took `time_before`, the folder's time, before reading the records).
pub fn write(root: &Path, folder: &str, pairs: &[(String, Id)], time_before: &str) -> Result<()> {
    let dir = index_dir(root, folder);
    forget(root, folder);
    let _ = fs::remove_dir_all(&dir);
    atomic::create_private_dir(&dir)?;
    let mut shards: BTreeMap<String, String> = BTreeMap::new();
    for (pnr, id) in pairs {
        shards
            .entry(shard(pnr))
            .or_default()
            .push_str(&format!("{pnr}\t{id}\n"));
    }
    for (name, text) in shards {
        atomic::write_file(&dir.join(format!("{name}.tsv")), text.as_bytes())?;
    }
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
        for (pnr, id) in added {
            let mut opts = fs::OpenOptions::new();
            opts.append(true).create(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            let mut f = opts.open(shard_path(root, folder, pnr))?;
            writeln!(f, "{pnr}\t{id}")?;
            f.sync_all()?;
        }
        Ok(())
    })();
    match (appended, folder_time(root, folder)) {
        (Ok(()), Some(now)) => {
            if atomic::write_file(&stamp_path(root, folder), now.as_bytes()).is_err() {
                forget(root, folder);
            }
        }
        _ => forget(root, folder),
    }
}

/// Removes the index of `folder` altogether (after culling: the numbers of people whose files
/// were culled must not stay behind); rebuilt on next use.
pub fn remove(root: &Path, folder: &str) {
    let _ = fs::remove_dir_all(index_dir(root, folder));
}

/// Drops the stamp: the index is rebuilt on next use.
pub fn forget(root: &Path, folder: &str) {
    let _ = fs::remove_file(stamp_path(root, folder));
}
