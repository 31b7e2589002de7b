//! `check` keeps a cache of what each file parsed to (`.kontakt/cache/`, derived data). These
//! tests change records behind its back in every way a person, an editor or git can, and
//! require the cached check to say exactly what a check without the cache says.

mod common;

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use common::Kit;

/// The cached check's findings, after proving they are those of a check that reads everything.
fn check(kit: &Kit) -> String {
    let cached = kit.run(&["check"]);
    let fresh = kit.run(&["check", "--no-cache"]);
    assert_eq!(
        cached.stdout, fresh.stdout,
        "the cache changed what check finds"
    );
    assert_eq!(cached.code, fresh.code);
    cached.stdout
}

/// Rewrites a file in place (same inode), then puts its modification time back, as an editor
/// that keeps times or `touch -d` would.
fn rewrite_in_place_keeping_mtime(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    let old = fs::metadata(path).unwrap().modified().unwrap();
    let mut f = OpenOptions::new().write(true).open(path).unwrap();
    f.write_all(text.replacen(from, to, 1).as_bytes()).unwrap();
    f.set_modified(old).unwrap();
}

#[test]
fn the_cached_check_sees_every_change_made_behind_its_back() {
    let kit = Kit::demo();
    // A file younger than two seconds is never cached (its stamp could still hide a change):
    // let the copy age so that the cache takes every file.
    std::thread::sleep(Duration::from_millis(2100));
    assert_eq!(check(&kit), "");
    let cache = kit.dir.join(".kontakt/cache");
    let cached: Vec<_> = fs::read_dir(&cache).unwrap().collect();
    assert!(cached.len() >= 5, "one cache per records folder");
    #[cfg(unix)]
    for f in cached {
        use std::os::unix::fs::PermissionsExt;
        let mode = f.unwrap().metadata().unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the cache holds what the records hold");
    }
    assert_eq!(check(&kit), "", "a second, cached run finds the same");

    // Same size, same inode, same modification time: only the change time differs.
    let client = kit.dir.join("clients/C-550W91.toml");
    rewrite_in_place_keeping_mtime(&client, "schema = 1", "schema = 7");
    assert!(check(&kit).contains("C-550W91.toml:1: E010"));
    rewrite_in_place_keeping_mtime(&client, "schema = 7", "schema = 1");
    assert_eq!(check(&kit), "");

    // A report edited in place: a meeting outside its month.
    let report = kit.dir.join("reports/2026-10/A-MS75WB.toml");
    let text = fs::read_to_string(&report).unwrap();
    let meeting = text
        .split('"')
        .find(|s| s.starts_with("2026-10-"))
        .expect("a meeting in October");
    rewrite_in_place_keeping_mtime(&report, meeting, &meeting.replace("2026-10", "2026-09"));
    let found = check(&kit);
    assert!(
        found.contains("A-MS75WB.toml") && found.contains("E006"),
        "{found}"
    );
    fs::write(&report, &text).unwrap();
    assert_eq!(check(&kit), "");

    // Removed (a volunteer an assignment names), as `git rm` or a merge would.
    let volunteer = kit.dir.join("volunteers/V-DGBH88.toml");
    let kept = fs::read(&volunteer).unwrap();
    fs::remove_file(&volunteer).unwrap();
    assert!(check(&kit).contains("E008 field `volunteer`: no volunteer V-DGBH88"));
    fs::write(&volunteer, &kept).unwrap();
    assert_eq!(check(&kit), "");

    // Replaced by a rename (a git checkout, an editor's save), and a stray file added.
    let assignment = kit.dir.join("assignments/A-VHEV2K.toml");
    let text = fs::read_to_string(&assignment).unwrap();
    let tmp = kit.dir.join("assignments/.new");
    fs::write(&tmp, text.replace("id = \"A-VHEV2K\"", "id = \"A-24BR1T\"")).unwrap();
    fs::rename(&tmp, &assignment).unwrap();
    fs::write(kit.dir.join("clients/notes.txt"), "call back").unwrap();
    let found = check(&kit);
    assert!(found.contains("A-VHEV2K.toml:2: E007"), "{found}");
    assert!(found.contains("notes.txt:1: E012"), "{found}");

    // A damaged cache is not believed.
    for f in fs::read_dir(&cache).unwrap() {
        fs::write(f.unwrap().path(), "{ not a cache").unwrap();
    }
    assert_eq!(check(&kit), found);
}

#[test]
fn a_records_directory_that_cannot_be_written_is_still_checked() {
    let kit = Kit::demo();
    let before = kit.run(&["check"]).stdout;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let state = kit.dir.join(".kontakt");
        fs::create_dir_all(&state).unwrap();
        fs::remove_dir_all(state.join("cache")).ok();
        fs::set_permissions(&state, fs::Permissions::from_mode(0o500)).unwrap();
        let r = kit.run(&["check"]);
        fs::set_permissions(&state, fs::Permissions::from_mode(0o700)).unwrap();
        assert_eq!((r.code, r.stdout), (0, before));
    }
}

/// `pay` reads the ledger's entries through the same cache: an entry changed behind its back
/// (in place, its modification time put back) is what the run builds on, exactly as when
/// every entry is parsed afresh.
#[test]
fn pay_builds_on_the_ledger_as_it_is_not_as_it_was_cached() {
    let kit = Kit::demo();
    std::thread::sleep(Duration::from_millis(2100));
    let pay = || kit.run(&["pay", "2026-10", "--dry-run"]);
    let before = pay();
    assert_eq!(before.code, 0, "{}", before.stderr);
    assert_eq!(pay().stdout, before.stdout, "a cached run pays the same");
    let cache = kit.dir.join(".kontakt/cache/payruns_2026-09.mpk");
    assert!(cache.exists(), "the month's entry is cached");

    // September paid one line a krona more than it did: the run settles the difference.
    let entry = fs::read_dir(kit.dir.join("payruns/2026-09"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    let text = fs::read_to_string(&entry).unwrap();
    let amount = text
        .lines()
        .find(|l| l.starts_with("amount_ore = "))
        .unwrap()
        .to_string();
    let ore: i64 = amount["amount_ore = ".len()..].parse().unwrap();
    rewrite_in_place_keeping_mtime(&entry, &amount, &format!("amount_ore = {}", ore + 100));
    let after = pay();
    assert_ne!(
        after.stdout, before.stdout,
        "the changed entry was not seen"
    );
    fs::remove_dir_all(kit.dir.join(".kontakt/cache")).unwrap();
    let fresh = pay();
    assert_eq!(after.stdout, fresh.stdout);
    assert_eq!(after.code, fresh.code);
}
