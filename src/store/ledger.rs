//! The pay ledger as it lies on disk: every file under `payruns/`, at any depth, so that an
//! entry moved out of its month folder, a payroll file left without its entry or an entry that
//! does not parse is seen (`rules::ledger` judges what is found), and the entries a run needs
//! read in full.

use crate::error::IoOp;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::payrun::Head;
use crate::model::{Month, PayRun};
use crate::rules::ledger::Survey;

use super::cache::{self, Read};
use super::{Record, parse};
use std::collections::HashMap;

/// Every file under `payruns/` (relative to `root`), at any depth, hidden files and folders
/// left out, sorted. No `payruns/` is an empty ledger.
pub fn files(root: &Path) -> Result<Vec<PathBuf>> {
    fn walk(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        let dir = root.join(rel);
        let rd = match fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(Error::io(&dir, IoOp::List, e)),
        };
        for e in rd.filter_map(|e| e.ok()) {
            let name = e.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = rel.join(&name);
            // A symlink is not followed: it is a file that is not an entry.
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                walk(root, &path, out)?;
            } else {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(root, Path::new(PayRun::DIR), &mut out)?;
    out.sort();
    Ok(out)
}

/// The month of the folder an entry at `rel` is in when that folder is a month folder right
/// under `payruns/` (where pay reads entries), else None.
pub fn month_folder(rel: &Path) -> Option<Month> {
    let mut parts = rel.components().map(|c| c.as_os_str().to_str());
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(Some(top)), Some(Some(month)), Some(Some(_)), None) if top == PayRun::DIR => {
            month.parse().ok()
        }
        _ => None,
    }
}

/// An entry's head: its top-level keys only, which TOML puts before the first table (the
/// `[[lines]]`), so a large entry is read only as far as its lines. A file whose head cannot
/// be cut off that way (a hand edit) is read whole.
pub fn read_head(root: &Path, rel: &Path) -> std::result::Result<Head, String> {
    let path = root.join(rel);
    let cannot = |e: std::io::Error| Error::io(rel, IoOp::Read, e).to_string();
    let file = fs::File::open(&path).map_err(cannot)?;
    let mut top = String::new();
    for line in BufReader::new(file).lines() {
        let line = line.map_err(cannot)?;
        if line.trim_start().starts_with('[') {
            break;
        }
        top.push_str(&line);
        top.push('\n');
    }
    if let Ok(head) = toml::from_str::<Head>(&top) {
        return Ok(head);
    }
    let text = fs::read_to_string(&path).map_err(cannot)?;
    parse::parse::<Head>(rel, &text).map_err(|e| e.to_string())
}

/// What pay knows of the ledger: the entries of the months it reads, in full, and the survey
/// of everything under `payruns/` for `rules::ledger`.
#[derive(Debug, Default)]
pub struct Ledger {
    pub runs: Vec<PayRun>,
    pub survey: Survey,
}

impl super::Store {
    /// The ledger from month `from` on (all of it with None): each entry in a month folder of
    /// those months parsed in full, one at a time (they are large: two parsed at once double
    /// the peak memory), every other entry's head only, and every other file listed. An entry
    /// that does not parse is in the survey's `unreadable`, not an error: pay names it among
    /// what keeps the ledger from being whole.
    pub fn read_ledger(&self, from: Option<Month>) -> Result<Ledger> {
        let mut out = Ledger::default();
        // The month folders read in full go through the parse cache (`store::cache`, keyed by
        // each file's stamp): a national ledger's window is 300 000 lines, 3 s of TOML to
        // parse again on every run, and what the cache gives is what parsing gives.
        let mut folders: HashMap<PathBuf, HashMap<String, Read<PayRun>>> = HashMap::new();
        for rel in files(self.root())? {
            if rel.extension().is_none_or(|e| e != "toml") {
                out.survey.others.push(rel);
                continue;
            }
            let full = month_folder(&rel).is_some_and(|m| from.is_none_or(|f| m >= f));
            if full {
                let folder = rel.parent().unwrap_or(Path::new("")).to_path_buf();
                let read = folders.entry(folder.clone()).or_insert_with(|| {
                    cache::read_folder(self.root(), &folder, true, parse::parse_detailed)
                        .into_iter()
                        .collect()
                });
                let name = rel.file_name().unwrap_or_default().to_string_lossy();
                let got = match read.remove(name.as_ref()).and_then(|r| r.into_record(&rel)) {
                    Some(got) => got.map_err(|e| e.to_string()),
                    // Came or went between the walk and the folder's listing: read it now.
                    None => self
                        .read_text(&rel)
                        .and_then(|t| parse::parse::<PayRun>(&rel, &t))
                        .map_err(|e| e.to_string()),
                };
                match got {
                    Ok(run) => {
                        out.survey.entries.push((rel, run.head()));
                        out.runs.push(run);
                    }
                    Err(message) => out.survey.unreadable.push((rel, message)),
                }
            } else {
                match read_head(self.root(), &rel) {
                    Ok(head) => out.survey.entries.push((rel, head)),
                    Err(message) => out.survey.unreadable.push((rel, message)),
                }
            }
        }
        Ok(out)
    }
}
