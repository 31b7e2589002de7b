//! Pay you can trust: the cases where a slip, a gap in the configuration or a hand edit used to
//! pay wrong or pay nothing while reporting success (issue 14). Each test names its case.
mod common;

use common::Kit;

/// A signed agreement from `start` on the usual terms (987 kr fee, 493 kr expenses a month in 2026).
fn agreed(kit: &mut Kit, nth: usize, start: &str) -> String {
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(nth);
    let a = kit.run(&["match", "propose", &c, &v]).id();
    kit.agree(&a, start, true).ok();
    a
}

/// Case 5: no prisbasbelopp for the year is a refusal that says what to add, never "nothing
/// to pay" with exit 0; `check`, `due` and `agree --print` say so beforehand.
#[test]
fn a_missing_prisbasbelopp_refuses_the_run_and_is_warned_of_from_november() {
    let mut kit = Kit::new();
    let a = agreed(&mut kit, 0, "2026-03-01");
    kit.today = "2026-10-31".into();
    for cmd in ["check", "due"] {
        let r = kit.run(&[cmd]);
        assert!(!r.stderr.contains("prisbasbelopp"), "{cmd}: {}", r.stderr);
    }
    kit.today = "2026-11-01".into();
    for cmd in ["check", "due"] {
        let r = kit.run(&[cmd]);
        assert!(
            r.stderr
                .contains("warning: kontakt.toml has no prisbasbelopp for 2027"),
            "{cmd}: {}",
            r.stderr
        );
        let sv = kit.run(&["--lang", "sv", cmd]);
        assert!(
            sv.stderr
                .contains("varning: kontakt.toml har inget prisbasbelopp för 2027"),
            "{cmd}: {}",
            sv.stderr
        );
    }

    kit.today = "2027-01-10".into();
    kit.run(&["report", &a, "2027-01", "--meeting", "2027-01-08"])
        .ok();
    kit.run(&["report", "approve", &a, "2027-01", "--by", "Handläggare"])
        .ok();
    kit.today = "2027-02-03".into();
    let before = kit.snapshot();
    for args in [&["pay", "2027-01"][..], &["pay", "2027-01", "--dry-run"]] {
        kit.run(args).refused(
            1,
            "kontakt.toml has no prisbasbelopp for 2027: add it under [compensation]",
        );
        assert_eq!(kit.snapshot(), before, "{args:?} wrote nothing");
    }
    kit.run(&["--lang", "sv", "pay", "2027-01"])
        .refused(1, "inget betalades");
    kit.run(&["--lang", "sv", "agree", &a, "--print", "--year", "2027"])
        .refused(1, "kontakt.toml har inget prisbasbelopp för 2027");

    // With the year added, the same run pays.
    let toml = kit.read("kontakt.toml");
    let fixed = toml.replace("\"2026\" = 59200", "\"2026\" = 59200, \"2027\" = 60000");
    assert_ne!(toml, fixed, "the test's kontakt.toml has the 2026 amount");
    std::fs::write(kit.dir.join("kontakt.toml"), fixed).unwrap();
    let paid = kit.json(&["pay", "2027-01"]);
    assert_eq!(paid["total_ore"], 100_000 + 50_000, "{paid}");
}

/// Case 9: a held lock is waited for with a bound and a message, then refused (exit 1).
#[test]
fn a_held_lock_is_waited_for_with_a_message_and_a_bound() {
    let mut kit = Kit::new();
    let a = agreed(&mut kit, 0, "2026-03-01");
    kit.today = "2026-04-02".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .ok();
    kit.run(&["report", "approve", &a, "2026-03", "--by", "Handläggare"])
        .ok();
    let store = kontakt::store::Store::open(&kit.dir).unwrap();
    let held = store.lock().unwrap();
    let before = kit.snapshot();
    let started = std::time::Instant::now();
    let out = assert_cmd::Command::cargo_bin("kontakt")
        .unwrap()
        .env("KONTAKT_LOCK_WAIT", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .arg("--records")
        .arg(&kit.dir)
        .args(["--today", "2026-04-02", "pay", "2026-03"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("waiting for another kontakt command"),
        "{stderr}"
    );
    assert!(
        stderr.contains("held the records directory's lock"),
        "{stderr}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_eq!(
        kit.snapshot(),
        before,
        "nothing paid while the lock was held"
    );
    drop(held);
    kit.run(&["pay", "2026-03"]).ok();
}

/// Case 9: a lock file removed while a command holds it (`rm .kontakt/lock`, `git clean -xdf`)
/// lets a second command take a new lock; the first then commits nothing.
#[test]
fn a_lock_file_removed_during_a_command_stops_its_commit() {
    let kit = Kit::new();
    let store = kontakt::store::Store::open(&kit.dir).unwrap();
    let first = store.lock().unwrap();
    std::fs::remove_dir_all(kit.dir.join(".kontakt")).unwrap();
    let second = store.lock().expect("a new lock file can be taken");
    let mut changes = kontakt::store::Changeset::new();
    changes.write("notes.txt", "x");
    let err = store.commit(&first, &changes).unwrap_err();
    assert_eq!(err.exit_code(), 1);
    assert!(
        err.to_string()
            .contains("was removed while this command ran"),
        "{err}"
    );
    assert!(!kit.dir.join("notes.txt").exists());
    store.commit(&second, &changes).unwrap();
    assert!(kit.dir.join("notes.txt").exists());
}
