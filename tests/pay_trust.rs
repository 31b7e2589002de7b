//! Pay you can trust: the cases where a slip, a gap in the configuration or a hand edit used to
//! pay wrong or pay nothing while reporting success (issue 14). Each test names its case.
mod common;

use common::Kit;

/// Case 5: no prisbasbelopp for the year is a refusal that says what to add, never "nothing
/// to pay" with exit 0; `check`, `due` and `agree --print` say so beforehand.
#[test]
fn a_missing_prisbasbelopp_refuses_the_run_and_is_warned_of_from_november() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
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
    let a = kit.agreed(0, "2026-03-01");
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
        .envs(common::GIT_IDENTITY)
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

/// An agreed assignment with March 2026 reported and approved, ready to pay on 2026-04-02.
fn ready_to_pay(kit: &mut Kit) -> String {
    let a = kit.agreed(0, "2026-03-01");
    kit.today = "2026-04-02".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .ok();
    kit.run(&["report", "approve", &a, "2026-03", "--by", "Handläggare"])
        .ok();
    a
}

/// Replaces `from` by `to` in the file at `rel`, which must contain it.
fn edit(kit: &Kit, rel: &str, from: &str, to: &str) {
    let text = kit.read(rel);
    assert!(text.contains(from), "{rel} has no {from:?}:\n{text}");
    std::fs::write(kit.dir.join(rel), text.replacen(from, to, 1)).unwrap();
}

/// Case 10: hand-edited values out of bounds, or lacking the reason the CLI would demand, are
/// `check` findings naming the file, line and field, and `pay` refuses to pay them (exit 1,
/// nothing written) where it used to pay 9 867 kr for 987.
#[test]
fn hand_edited_terms_and_reports_out_of_bounds_are_found_and_never_paid() {
    type Edit = (&'static str, &'static str, &'static str, &'static str);
    let cases: &[Edit] = &[
        // (file, from, to, what check says)
        (
            "A",
            "percent_hundredths = 2000",
            "percent_hundredths = 20000",
            "E004 field `agreement.terms[0].fee.percent_hundredths`: at most 10000",
        ),
        (
            "A",
            "percent_hundredths = 2000",
            "percent_hundredths = 4294967295",
            "E004 field `agreement.terms[0].fee.percent_hundredths`",
        ),
        (
            "A",
            "level = 1\npercent_hundredths = 2000",
            "level = 9\npercent_hundredths = 2000",
            "E004 field `agreement.terms[0].fee.level`: there is no fee category 9",
        ),
        (
            "A",
            "level = 1\npercent_hundredths = 2000",
            "monthly_ore = 98700",
            "E004 field `agreement.terms[0].fee.monthly_ore`: a plain fee amount instead of a category needs --reason",
        ),
        (
            "A",
            "level = 1\npercent_hundredths = 2000",
            "monthly_ore = -98700",
            "E004 field `agreement.terms[0].fee.monthly_ore`: a monthly amount is from 0",
        ),
        (
            "A",
            "level = 1\npercent_hundredths = 2000",
            "monthly_ore = 9223372036854775807",
            "E004 field `agreement.terms[0].fee.monthly_ore`",
        ),
        (
            "R",
            "reported = ",
            "expenses_ore = -9223372036854775808\nreported = ",
            "E004 field `expenses_ore`: expenses are from 0",
        ),
        (
            "R",
            "meetings = [\"2026-03-05\"]",
            "meetings = [\"2026-03-05\", \"2026-03-05\"]",
            "E004 field `meetings`: meeting 2026-03-05 is listed more than once",
        ),
        (
            "R",
            "meetings = [\"2026-03-05\"]",
            "meetings = [\"2026-03-05\", \"2026-04-01\"]",
            "E006 field `meetings`: meeting 2026-04-01 is not in 2026-03",
        ),
    ];
    for (file, from, to, says) in cases {
        let mut kit = Kit::new();
        let a = ready_to_pay(&mut kit);
        let rel = match *file {
            "A" => format!("assignments/{a}.toml"),
            _ => format!("reports/2026-03/{a}.toml"),
        };
        edit(&kit, &rel, from, to);
        let check = kit.run(&["check"]);
        assert_eq!(check.code, 1, "{to}: {}{}", check.stdout, check.stderr);
        assert!(
            check.stdout.contains(&format!("{rel}:")) && check.stdout.contains(says),
            "{to}: {:?} not in\n{}",
            says,
            check.stdout
        );
        let before = kit.snapshot();
        for dry in [true, false] {
            let mut args = vec!["pay", "2026-03"];
            if dry {
                args.push("--dry-run");
            }
            let r = kit.run(&args);
            assert_eq!(r.code, 1, "{to} {args:?}: {}{}", r.stdout, r.stderr);
            assert!(r.stderr.contains(&rel), "{to}: {}", r.stderr);
            assert!(r.stderr.contains("nothing was paid"), "{to}: {}", r.stderr);
            assert_eq!(kit.snapshot(), before, "{to}: nothing written");
        }
    }
}

/// Case 10: a prisbasbelopp out of bounds is refused wherever the configuration is read, with
/// the line and field; `check` names it too.
#[test]
fn an_absurd_prisbasbelopp_is_refused_with_its_line() {
    for bad in ["-59200", "9223372036854775807", "0"] {
        let mut kit = Kit::new();
        ready_to_pay(&mut kit);
        edit(
            &kit,
            "kontakt.toml",
            "\"2026\" = 59200",
            &format!("\"2026\" = {bad}"),
        );
        let r = kit.run(&["pay", "2026-03", "--dry-run"]);
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert!(
            r.stderr.contains("kontakt.toml:")
                && r.stderr.contains("field `compensation.prisbasbelopp.2026`"),
            "{bad}: {}",
            r.stderr
        );
        let check = kit.run(&["check"]);
        assert!(
            check
                .stdout
                .contains("E018 field `compensation.prisbasbelopp.2026`"),
            "{bad}: {}",
            check.stdout
        );
    }
}

/// Case 11: money never wraps. A ledger hand-edited to amounts whose sum leaves an i64 is a
/// finding in `check` and an error in `stats` and `pay`, never a number.
#[test]
fn ledger_sums_that_would_overflow_are_errors_not_numbers() {
    let mut kit = Kit::new();
    let a = ready_to_pay(&mut kit);
    let paid = kit.json(&["pay", "2026-03"]);
    let file = paid["run"]["file"]
        .as_str()
        .unwrap()
        .replace(".csv", ".toml");
    let text = kit.read(&file);
    // Both lines made fee lines of i64::MAX öre: their sum leaves an i64.
    let mut edited = text.replace("kind = \"expense\"", "kind = \"fee\"");
    for l in paid["lines"].as_array().unwrap() {
        let ore = l["amount_ore"].as_i64().unwrap();
        edited = edited.replace(
            &format!("amount_ore = {ore}\n"),
            &format!("amount_ore = {}\n", i64::MAX),
        );
    }
    assert_eq!(edited.matches(&i64::MAX.to_string()).count(), 2, "{edited}");
    std::fs::write(kit.dir.join(&file), edited).unwrap();
    let check = kit.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(check.stdout.contains(&file), "{}", check.stdout);
    for args in [
        &["stats"][..],
        &["pay", "2026-03", "--dry-run"],
        &["pay", "--verify", paid["run"]["id"].as_str().unwrap()],
    ] {
        let r = kit.run(args);
        assert_ne!(r.code, 0, "{args:?}: {}", r.stdout);
        assert!(
            !r.stdout.contains("-92233720368547"),
            "{args:?}: {}",
            r.stdout
        );
        let said = format!("{}{}", r.stdout, r.stderr);
        assert!(
            said.contains("too large") || said.contains("not the sum of its lines"),
            "{args:?}: {said}"
        );
    }
    assert!(check.stdout.contains("E004"), "{a}: {}", check.stdout);
}

/// Case 12: `check`, the dry run and the real run judge `[payroll.csv]` by one rule: a layout
/// the real run cannot write is refused by all three, with its line.
#[test]
fn check_and_the_dry_run_refuse_the_csv_layouts_the_real_run_refuses() {
    let edits: &[(&str, &str)] = &[
        ("delimiter = \";\"", "delimiter = \";;\""),
        ("decimal_separator = \",\"", "decimal_separator = \";\""),
        ("headers = {}", "headers = { amont = \"Belopp\" }"),
        ("columns = [", "columns = [] # "),
    ];
    for (from, to) in edits {
        let mut kit = Kit::new();
        ready_to_pay(&mut kit);
        edit(&kit, "kontakt.toml", from, to);
        let check = kit.run(&["check"]);
        assert!(
            check.stdout.contains("kontakt.toml:")
                && check.stdout.contains("E018 field `payroll.csv"),
            "{to}: {}",
            check.stdout
        );
        let before = kit.snapshot();
        for args in [&["pay", "2026-03", "--dry-run"][..], &["pay", "2026-03"]] {
            let r = kit.run(args);
            assert_eq!(r.code, 2, "{to} {args:?}: {}{}", r.stdout, r.stderr);
            assert!(r.stderr.contains("payroll.csv"), "{to}: {}", r.stderr);
        }
        assert_eq!(kit.snapshot(), before, "{to}: nothing written");
    }
}

/// `kontakt` with nobody named: no `--by`, no `KONTAKT_USER`, no git identity (neither the
/// environment's nor a global `git config user.name`) and no login name.
fn anonymous(kit: &Kit, args: &[&str]) -> common::Ran {
    let home = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("kontakt")
        .unwrap()
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("KONTAKT_USER")
        .env_remove("GIT_AUTHOR_NAME")
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env("HOME", home.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("--records")
        .arg(&kit.dir)
        .args(["--today", &kit.today])
        .args(args)
        .output()
        .unwrap();
    common::Ran {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Attest: an approval, a correction and a pay run each name a person; without one they are
/// refused (exit 1, nothing written), never recorded as anonymous or "unknown".
#[test]
fn approvals_corrections_and_runs_name_a_person() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    kit.today = "2026-04-02".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .ok();
    let before = kit.snapshot();
    anonymous(&kit, &["report", "approve", "--month", "2026-03", "--all"])
        .refused(1, "needs a named person: give --by NAME");
    assert_eq!(kit.snapshot(), before, "nothing approved without a name");
    anonymous(
        &kit,
        &[
            "report", "approve", "--month", "2026-03", "--all", "--by", "  ",
        ],
    )
    .refused(1, "needs a named person");
    // KONTAKT_USER names the approver when --by is not given.
    let named = assert_cmd::Command::cargo_bin("kontakt")
        .unwrap()
        .env("KONTAKT_USER", "Anna Attestant")
        .env("LANG", "C.UTF-8")
        .arg("--records")
        .arg(&kit.dir)
        .args([
            "--today",
            "2026-04-02",
            "report",
            "approve",
            "--month",
            "2026-03",
            "--all",
        ])
        .output()
        .unwrap();
    assert!(named.status.success(), "{named:?}");
    let report = kit.read(&format!("reports/2026-03/{a}.toml"));
    assert!(report.contains("by = \"Anna Attestant\""), "{report}");
    // A pay run with nobody named, not even a login, is refused; with a name the ledger has it.
    let before = kit.snapshot();
    anonymous(&kit, &["pay", "2026-03"]).refused(1, "A pay run needs a named person");
    assert_eq!(kit.snapshot(), before, "nothing paid anonymously");
    anonymous(&kit, &["pay", "2026-03", "--dry-run"]).ok();
    let paid = assert_cmd::Command::cargo_bin("kontakt")
        .unwrap()
        .env("KONTAKT_USER", "Per Utbetalare")
        .env("LANG", "C.UTF-8")
        .arg("--records")
        .arg(&kit.dir)
        .args(["--today", "2026-04-02", "pay", "2026-03"])
        .output()
        .unwrap();
    assert!(paid.status.success(), "{paid:?}");
    let entries: Vec<_> = std::fs::read_dir(kit.dir.join("payruns/2026-03"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    let text = std::fs::read_to_string(&entries[0]).unwrap();
    assert!(text.contains("Per Utbetalare"), "{text}");
    assert!(!text.contains("unknown"), "{text}");
    // A correction names who made it, too.
    anonymous(
        &kit,
        &[
            "report",
            &a,
            "2026-03",
            "--meeting",
            "2026-03-06",
            "--correct",
            "wrong day",
        ],
    )
    .refused(1, "A correction needs a named person");
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--meeting",
        "2026-03-06",
        "--correct",
        "wrong day",
    ])
    .ok();
    let report = kit.read(&format!("reports/2026-03/{a}.toml"));
    assert!(report.contains("by = \"Handläggare\""), "{report}");
}
