//! A derived index from a client's or volunteer's id to the assignments that name them, so that
//! `show` of a person lists her assignments without reading every assignment (a country has
//! 50 000). In `.kontakt/index/assignments-by-person/` (git-ignored): 32 shards by the person
//! id's last character, of `PERSON<TAB>ASSIGNMENT` lines (a lookup reads about 3 % of it),
//! stamped with the `assignments/` folder's modification time
//! when it was built: anything that adds, removes or renames a file there (kontakt, git, an
//! editor) leaves it stale, and the next lookup rebuilds it. Every assignment it gives is read
//! and must name the person, so an edit made in place that moves an assignment away is caught
//! (one that makes an existing assignment name someone else, in place, is found at the next
//! rebuild, as with `people`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::{self, STATE_DIR};
use super::people::folder_time;
use crate::model::{Assignment, Id};

const FOLDER: &str = "assignments";

fn index_dir(root: &Path) -> PathBuf {
    root.join(STATE_DIR)
        .join("index")
        .join("assignments-by-person")
}

/// The shard of a person's id: its last character (Crockford base 32, so 32 shards).
fn shard_path(root: &Path, person: &Id) -> PathBuf {
    let last = person.as_str().chars().last().unwrap_or('0');
    index_dir(root).join(format!("{last}.tsv"))
}

fn stamp_path(root: &Path) -> PathBuf {
    index_dir(root).join("stamp")
}

/// The assignment ids the index gives for `person`, or None when it is stale or damaged.
pub fn lookup(root: &Path, person: &Id) -> Option<Vec<Id>> {
    let stamp = fs::read_to_string(stamp_path(root)).ok()?;
    if Some(stamp) != folder_time(root, FOLDER) {
        return None;
    }
    let text = match fs::read_to_string(shard_path(root, person)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(_) => return None,
    };
    let key = person.as_str();
    let mut ids = Vec::new();
    for line in text.lines() {
        let (p, a) = line.split_once('\t')?;
        if p == key {
            ids.push(Id::parse(a).ok()?);
        }
    }
    Some(ids)
}

/// Writes the index from every assignment, stamped with the folder's time `before` reading
/// them (a change made meanwhile leaves it stale). A failure to write is not the caller's: the
/// index is rebuilt next time.
pub fn write(root: &Path, assignments: &[Assignment], before: &str) {
    let mut lines: BTreeMap<(Id, Id), ()> = BTreeMap::new();
    for a in assignments {
        lines.insert((a.client, a.id), ());
        lines.insert((a.volunteer, a.id), ());
    }
    let mut shards: BTreeMap<PathBuf, String> = BTreeMap::new();
    for (p, a) in lines.keys() {
        shards
            .entry(shard_path(root, p))
            .or_default()
            .push_str(&format!("{p}\t{a}\n"));
    }
    let dir = index_dir(root);
    let _ = fs::remove_dir_all(&dir);
    if atomic::create_private_dir(&dir).is_err() {
        return;
    }
    for (path, text) in shards {
        if atomic::write_file(&path, text.as_bytes()).is_err() {
            return;
        }
    }
    let _ = atomic::write_file(&stamp_path(root), before.as_bytes());
}
