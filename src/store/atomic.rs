//! Crash-safe writes. A change of several files is a transaction: every new file is staged and
//! synced, then a manifest is written (the commit point), then the files are renamed into place.
//! If the process dies before the manifest exists, nothing changed; after it, the next command that
//! takes the lock rolls the transaction forward. No reader ever sees a half-written file.

use crate::error::IoOp;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::tr;

/// Directory (inside the records directory) for the lock, transactions and caches; git-ignored.
pub const STATE_DIR: &str = ".kontakt";
const MANIFEST: &str = "manifest";
/// The manifest's mark for a file the transaction removes.
const REMOVE: &str = "rm";

/// A set of whole-file writes (paths relative to the records directory) applied together.
#[derive(Debug, Default)]
pub struct Changeset {
    pub writes: Vec<(PathBuf, Vec<u8>)>,
    /// Files removed in the same transaction (culling).
    pub removals: Vec<PathBuf>,
}

impl Changeset {
    pub fn new() -> Changeset {
        Changeset::default()
    }

    pub fn write(&mut self, rel: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) {
        self.writes.push((rel.into(), bytes.into()));
    }

    pub fn remove(&mut self, rel: impl Into<PathBuf>) {
        self.removals.push(rel.into());
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty() && self.removals.is_empty()
    }

    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.writes
            .iter()
            .map(|(p, _)| p.as_path())
            .chain(self.removals.iter().map(PathBuf::as_path))
    }
}

#[cfg(unix)]
fn private_options(opts: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    opts.mode(0o600);
}
#[cfg(not(unix))]
fn private_options(_: &mut OpenOptions) {}

/// Creates a directory (and parents) readable by its owner only.
pub fn create_private_dir(path: &Path) -> Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(path)
        .map_err(|e| Error::io(path, IoOp::CreateDir, e))
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    private_options(&mut opts);
    let mut f = opts
        .open(path)
        .map_err(|e| Error::io(path, IoOp::CreateFile, e))?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(|e| Error::io(path, IoOp::Write, e))
}

/// The folder a file written at `path` goes into.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A private temporary file's name beside `path`'s file, to be renamed over it.
fn temporary_beside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    Some(folder_of(path).join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        crate::model::id::random_code()
    )))
}

/// Why what stands at `path` must not be replaced by a file, if it must not: a folder, or
/// anything but a regular file (a symlink is not followed, a FIFO or a device such as /dev/full
/// is not replaced by a file of data: none of them is what a person meant to overwrite).
fn not_replaceable(path: &Path) -> Option<String> {
    let m = fs::symlink_metadata(path).ok()?;
    if m.is_dir() {
        Some(tr!(
            "is a folder: give the file's name",
            "är en mapp: ange filens namn"
        ))
    } else if !m.file_type().is_file() {
        Some(tr!(
            "is not a regular file (a symlink, FIFO or device): it is not replaced",
            "är ingen vanlig fil (en symbolisk länk, FIFO eller enhet): den ersätts inte"
        ))
    } else {
        None
    }
}

/// Why [`write_file`] could not write `path`, if it could not, found without writing it: a
/// command that must not fail half-way (a pay run copying its file) asks before it starts.
/// The folder must exist and take a new file (a temporary one is made and removed), and `path`
/// must be a regular file or nothing yet.
pub fn check_target(path: &Path) -> std::result::Result<(), String> {
    let Some(probe) = temporary_beside(path) else {
        return Err(tr!(
            "{} is not a file name",
            "{} är inget filnamn",
            path.display()
        ));
    };
    if let Some(why) = not_replaceable(path) {
        return Err(format!("{} {why}", path.display()));
    }
    let dir = folder_of(path);
    match fs::metadata(&dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(tr!("{} is not a folder", "{} är ingen mapp", dir.display()));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(tr!(
                "the folder {} does not exist",
                "mappen {} finns inte",
                dir.display()
            ));
        }
        Err(e) => {
            return Err(tr!(
                "cannot read the folder {}: {e}",
                "kan inte läsa mappen {}: {e}",
                dir.display()
            ));
        }
    }
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    private_options(&mut opts);
    match opts.open(&probe) {
        Ok(f) => {
            drop(f);
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(tr!(
            "cannot write in the folder {}: {e}",
            "kan inte skriva i mappen {}: {e}",
            dir.display()
        )),
    }
}

/// Writes one file outside any transaction (a document, an export) atomically: a private
/// temporary file beside it, synced, then renamed over it. Readable by its owner only. Only a
/// regular file is replaced (see [`check_target`]).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = folder_of(path);
    let tmp = temporary_beside(path)
        .ok_or_else(|| Error::bad_path(path, tr!("not a file name", "inget filnamn")))?;
    let refuse = |why: String| Error::bad_path(path, why);
    if let Some(why) = not_replaceable(path) {
        return Err(refuse(why));
    }
    write_synced(&tmp, bytes)?;
    // Asked again just before the rename: what stood there may have changed while writing.
    if let Some(why) = not_replaceable(path) {
        let _ = fs::remove_file(&tmp);
        return Err(refuse(why));
    }
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io(path, IoOp::Write, e)
    })?;
    sync_dir(&dir)
}

pub fn sync_dir(path: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(path)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(path, IoOp::SyncDir, e))?;
    Ok(())
}

/// Applies `changes` under `root` atomically (see the module comment). The caller holds the lock.
pub fn commit(root: &Path, changes: &Changeset) -> Result<()> {
    if changes.is_empty() {
        return Ok(());
    }
    let state = root.join(STATE_DIR);
    create_private_dir(&state)?;
    let txn = state.join(format!("txn-{}", crate::model::id::random_code()));
    create_private_dir(&txn)?;
    let mut manifest = String::new();
    let text = |rel: &Path| -> Result<String> {
        rel.to_str().map(str::to_string).ok_or_else(|| {
            Error::bad_path(rel, tr!("the path is not UTF-8", "sökvägen är inte UTF-8"))
        })
    };
    for (n, (rel, bytes)) in changes.writes.iter().enumerate() {
        write_synced(&txn.join(n.to_string()), bytes)?;
        manifest.push_str(&format!("{n}\t{}\n", text(rel)?));
    }
    for rel in &changes.removals {
        manifest.push_str(&format!("{REMOVE}\t{}\n", text(rel)?));
    }
    sync_dir(&txn)?;
    // The commit point: a manifest that exists is complete, because it is renamed into place.
    let tmp = txn.join("manifest.tmp");
    write_synced(&tmp, manifest.as_bytes())?;
    fs::rename(&tmp, txn.join(MANIFEST)).map_err(|e| Error::io(&tmp, IoOp::Commit, e))?;
    sync_dir(&txn)?;
    roll_forward(root, &txn)
}

/// Moves a committed transaction's staged files into place and removes it.
fn roll_forward(root: &Path, txn: &Path) -> Result<()> {
    let manifest_path = txn.join(MANIFEST);
    let manifest = fs::read_to_string(&manifest_path)
        .map_err(|e| Error::io(&manifest_path, IoOp::ReadManifest, e))?;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for line in manifest.lines() {
        let Some((n, rel)) = line.split_once('\t') else {
            continue;
        };
        if n == REMOVE {
            let target = root.join(rel);
            match fs::remove_file(&target) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {} // removed before an interruption
                Err(e) => return Err(Error::io(&target, IoOp::Remove, e)),
            }
            let dir = target.parent().unwrap_or(root).to_path_buf();
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
            continue;
        }
        let staged = txn.join(n);
        let target = root.join(rel);
        if !staged.exists() {
            continue; // moved before an interruption
        }
        let dir = target.parent().unwrap_or(root).to_path_buf();
        create_private_dir(&dir)?;
        fs::rename(&staged, &target).map_err(|e| Error::io(&target, IoOp::MoveIntoPlace, e))?;
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    for d in &dirs {
        sync_dir(d)?;
    }
    fs::remove_dir_all(txn).map_err(|e| Error::io(txn, IoOp::RemoveFinished, e))?;
    sync_dir(&root.join(STATE_DIR))
}

/// Transactions left by a process that died: committed ones are finished, uncommitted ones
/// dropped. Returns how many of each. The caller holds the lock.
pub fn recover(root: &Path) -> Result<(usize, usize)> {
    let mut done = (0, 0);
    for txn in pending(root) {
        if txn.join(MANIFEST).exists() {
            roll_forward(root, &txn)?;
            done.0 += 1;
        } else {
            fs::remove_dir_all(&txn).map_err(|e| Error::io(&txn, IoOp::Remove, e))?;
            done.1 += 1;
        }
    }
    Ok(done)
}

/// Transaction directories present now (an interrupted command leaves one behind).
pub fn pending(root: &Path) -> Vec<PathBuf> {
    let Ok(rd) = fs::read_dir(root.join(STATE_DIR)) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("txn-"))
        })
        .collect();
    v.sort();
    v
}

/// Is this pending transaction committed (will be finished) or not (will be dropped)?
pub fn is_committed(txn: &Path) -> bool {
    txn.join(MANIFEST).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn write_file_replaces_a_regular_file_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        fs::write(&target, "keep").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(check_target(&link).is_err());
        assert!(write_file(&link, b"new").is_err());
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(write_file(dir.path(), b"new").is_err(), "a folder");
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep");
        assert!(check_target(&dir.path().join("none/file")).is_err());
        check_target(&target).unwrap();
        write_file(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary left"
        );
    }

    #[test]
    fn commit_writes_every_file_and_leaves_no_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = Changeset::new();
        c.write("a/one.toml", "1");
        c.write("b/two.toml", "2");
        commit(dir.path(), &c).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("a/one.toml")).unwrap(),
            "1"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("b/two.toml")).unwrap(),
            "2"
        );
        assert!(pending(dir.path()).is_empty());
    }

    #[test]
    fn a_transaction_removes_files_with_its_writes_and_a_rerun_of_it_is_harmless() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("a")).unwrap();
        fs::write(dir.path().join("a/old.toml"), "old").unwrap();
        let mut c = Changeset::new();
        c.remove("a/old.toml");
        c.write("a/new.toml", "new");
        commit(dir.path(), &c).unwrap();
        assert!(!dir.path().join("a/old.toml").exists());
        assert!(dir.path().join("a/new.toml").exists());
        // Interrupted after removing, before cleaning up: rolling forward again is harmless.
        let t = dir.path().join(STATE_DIR).join("txn-cccccc");
        fs::create_dir_all(&t).unwrap();
        fs::write(t.join(MANIFEST), "rm\ta/old.toml\n").unwrap();
        assert_eq!(recover(dir.path()).unwrap(), (1, 0));
        assert!(pending(dir.path()).is_empty());
    }

    #[test]
    fn recovery_finishes_committed_and_drops_uncommitted_transactions() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join(STATE_DIR);
        // committed, interrupted after moving the first of two files
        let t1 = state.join("txn-aaaaaa");
        fs::create_dir_all(&t1).unwrap();
        fs::write(t1.join("1"), "second").unwrap();
        fs::write(t1.join(MANIFEST), "0\tx/first\n1\tx/second\n").unwrap();
        fs::create_dir_all(dir.path().join("x")).unwrap();
        fs::write(dir.path().join("x/first"), "first").unwrap();
        // not committed
        let t2 = state.join("txn-bbbbbb");
        fs::create_dir_all(&t2).unwrap();
        fs::write(t2.join("0"), "never").unwrap();
        assert_eq!(recover(dir.path()).unwrap(), (1, 1));
        assert_eq!(
            fs::read_to_string(dir.path().join("x/second")).unwrap(),
            "second"
        );
        assert!(pending(dir.path()).is_empty());
        assert!(!dir.path().join("never").exists());
    }
}
