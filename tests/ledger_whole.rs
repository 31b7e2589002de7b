//! The ledger must be whole before anything is paid (issue 14, cases 7 and 8, "Double
//! payment"): an entry deleted with its payroll file left, moved out of its month folder or
//! unreadable, and a month paid on two branches and merged, are each a `check` finding of its
//! own, and `pay` (dry or real) refuses while any stands, writing nothing. The hooks that
//! `kontakt hooks install` writes stop and report such a merge.
mod common;

use std::path::Path;

use common::{GIT_IDENTITY, Kit, git};
use serde_json::Value;

/// Two assignments with September reported and approved; today is 2026-10-05.
fn september_approved(kit: &mut Kit) -> Vec<String> {
    let all: Vec<String> = (0..2).map(|n| kit.agreed(n, "2026-03-01")).collect();
    kit.today = "2026-09-30".into();
    for a in &all {
        kit.run(&["report", a, "2026-09", "--meeting", "2026-09-10"])
            .ok();
    }
    kit.today = "2026-10-05".into();
    kit.run(&["report", "approve", "--month", "2026-09", "--all"])
        .ok();
    all
}

fn run_of(paid: &Value) -> (String, String) {
    let run = &paid["run"];
    (
        run["id"].as_str().unwrap().to_string(),
        run["file"].as_str().unwrap().to_string(),
    )
}

/// September paid: the run's id and payroll file.
fn september_paid(kit: &mut Kit) -> (String, String) {
    september_approved(kit);
    let paid = kit.json(&["pay", "2026-09"]);
    assert_eq!(paid["lines"].as_array().unwrap().len(), 4, "{paid}");
    run_of(&paid)
}

/// `pay` for October, dry and real, refuses with exit 1 naming `needle`, and writes nothing.
fn pay_refuses(kit: &mut Kit, needle: &str) {
    kit.today = "2026-11-05".into();
    let before = kit.snapshot();
    for args in [&["pay", "2026-10", "--dry-run"][..], &["pay", "2026-10"]] {
        let r = kit.run(args).refused(1, needle);
        assert!(
            r.stderr
                .contains("nothing was paid: the ledger (payruns/) is not whole"),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(kit.snapshot(), before, "{args:?} wrote nothing");
    }
}

/// `check` exits 1 and has a line `PATH:LINE: CODE …` with `needle` in it; that line.
fn check_finds(kit: &Kit, path: &str, code: &str, needle: &str) -> String {
    let r = kit.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let at = kit.dir.join(path).display().to_string();
    r.stdout
        .lines()
        .find(|l| l.starts_with(&at) && l.contains(&format!(": {code} ")) && l.contains(needle))
        .unwrap_or_else(|| panic!("no {code} at {path} with {needle:?} in\n{}", r.stdout))
        .to_string()
}

/// Case 7: the ledger entry deleted, its payroll file left (a bad revert), passed `check`, and
/// the next run paid September again.
#[test]
fn a_deleted_entry_whose_payroll_file_is_left_is_found_and_pay_refuses() {
    let mut kit = Kit::new();
    let (id, file) = september_paid(&mut kit);
    let entry = file.replace(".csv", ".toml");
    let kept = kit.read(&entry);
    std::fs::remove_file(kit.dir.join(&entry)).unwrap();
    let found = check_finds(
        &kit,
        &file,
        "E015",
        "a payroll file without its ledger entry",
    );
    assert!(found.contains(&format!("{entry} is missing")), "{found}");
    pay_refuses(
        &mut kit,
        &format!("{file}: a payroll file without its ledger entry"),
    );
    kit.run(&["--lang", "sv", "pay", "2026-10"])
        .refused(1, "inget betalades");

    // With the entry back, September is not paid again.
    std::fs::write(kit.dir.join(&entry), kept).unwrap();
    kit.run(&["check"]).ok();
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    assert!(plan["lines"].as_array().unwrap().is_empty(), "{id}: {plan}");
}

/// Case 7: an entry moved out of its month folder was flagged by `check` but ignored by `pay`,
/// which paid September again. Wherever it is, and whether or not its payroll file moved too.
#[test]
fn a_misplaced_entry_is_found_and_pay_refuses() {
    let mut kit = Kit::new();
    let (id, file) = september_paid(&mut kit);
    let home = file.replace(".csv", ".toml");
    let places = [
        (format!("payruns/{id}.toml"), false),
        (format!("payruns/2026-9/{id}.toml"), true),
        // An older month folder: pay reads only the head of entries there.
        (format!("payruns/2026-01/{id}.toml"), false),
        // The right folder under another name.
        ("payruns/2026-09/P-000000.toml".to_string(), false),
    ];
    for (place, with_file) in places {
        let to = kit.dir.join(&place);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::rename(kit.dir.join(&home), &to).unwrap();
        let moved_file = Path::new(&place).with_extension("csv");
        if with_file {
            std::fs::rename(kit.dir.join(&file), kit.dir.join(&moved_file)).unwrap();
        }
        let found = check_finds(&kit, &place, "E016", "is not where pay reads it");
        assert!(found.contains(&format!("it belongs in {home}")), "{found}");
        let all = kit.run(&["check"]).stdout;
        assert!(!all.contains("E007") && !all.contains("E012"), "{all}");
        pay_refuses(
            &mut kit,
            &format!("{place}: the ledger entry of {id} for 2026-09"),
        );
        std::fs::rename(&to, kit.dir.join(&home)).unwrap();
        if with_file {
            std::fs::rename(kit.dir.join(&moved_file), kit.dir.join(&file)).unwrap();
        }
        kit.run(&["check"]).ok();
    }
}

/// Case 7: an entry that does not parse stopped pay as bad input (exit 2) when it was in the
/// months pay reads, and not at all elsewhere; now it is a refusal (exit 1) saying what to do.
#[test]
fn an_unreadable_entry_refuses_pay() {
    let mut kit = Kit::new();
    let (_, file) = september_paid(&mut kit);
    let entry = file.replace(".csv", ".toml");
    let kept = kit.read(&entry);
    std::fs::write(
        kit.dir.join(&entry),
        kept.replace("total_ore = ", "total_ore = ["),
    )
    .unwrap();
    check_finds(&kit, &entry, "E001", "");
    pay_refuses(&mut kit, "a ledger entry that cannot be read");
    std::fs::write(kit.dir.join(&entry), &kept).unwrap();

    // Far back, where pay reads only an entry's head.
    let old = "payruns/2025-01/P-ZZZZZZ.toml";
    std::fs::create_dir_all(kit.dir.join("payruns/2025-01")).unwrap();
    std::fs::write(kit.dir.join(old), "not a ledger entry\n").unwrap();
    pay_refuses(&mut kit, &format!("{old}:1"));
}

/// The usual git repository of a records directory, with the records committed on `main`.
fn repository(kit: &Kit) {
    git(&kit.dir, &["init", "-q", "-b", "main"]);
    git(&kit.dir, &["add", "-A"]);
    git(&kit.dir, &["commit", "-qm", "records"]);
}

/// `git -C dir ARGS` as a person at the terminal runs it (the hooks run kontakt in English, on
/// the test's day); its status and everything it said.
fn git_said(kit: &Kit, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(&kit.dir)
        .args(args)
        .envs(GIT_IDENTITY)
        .env("KONTAKT_TODAY", &kit.today)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

/// Two offices pay September, each on its own branch from `main`, and commit; the run ids in
/// the order made.
fn two_offices_pay_september(kit: &mut Kit) -> (String, String) {
    kit.today = "2026-10-05".into();
    let mut ids = Vec::new();
    for branch in ["norr", "soder"] {
        git(&kit.dir, &["checkout", "-q", "-b", branch, "main"]);
        let (id, _) = run_of(&kit.json(&["pay", "2026-09"]));
        let (ok, said) = git_said(kit, &["add", "-A"]);
        assert!(ok, "{said}");
        let (ok, said) = git_said(kit, &["commit", "-qm", &format!("pay {branch}")]);
        assert!(ok, "the pre-commit hook lets a sound run in: {said}");
        ids.push(id);
    }
    git(&kit.dir, &["checkout", "-q", "main"]);
    (ids.remove(0), ids.remove(0))
}

/// Case 8: two offices paid the same month on two branches; the merge was clean, every line
/// was paid twice, and `check` spoke of a change to record. Now each line paid twice is its
/// own finding naming both runs, and pay refuses.
#[test]
fn a_month_paid_on_two_branches_and_merged_is_paid_twice_and_pay_refuses() {
    let mut kit = Kit::new();
    let assignments = september_approved(&mut kit);
    repository(&kit);
    let (first, second) = two_offices_pay_september(&mut kit);
    git(&kit.dir, &["merge", "-q", "--no-edit", "norr"]);
    git(&kit.dir, &["merge", "-q", "--no-edit", "soder"]);
    assert!(git(&kit.dir, &["status", "--porcelain"]).is_empty());

    let check = kit.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stdout);
    let twice: Vec<&str> = check
        .stdout
        .lines()
        .filter(|l| l.contains(": E017 "))
        .collect();
    assert_eq!(
        twice.len(),
        4,
        "every line, fee and expenses: {}",
        check.stdout
    );
    for a in &assignments {
        for kind in ["fee (löneart 7310)", "expense (löneart 7320)"] {
            let line = format!("{a} 2026-09 {kind} was paid twice: in full by ");
            assert!(
                twice
                    .iter()
                    .any(|l| l.contains(&line) && l.contains(&first) && l.contains(&second)),
                "{line}: {}",
                check.stdout
            );
        }
    }
    assert!(!check.stdout.contains("E013"), "{}", check.stdout);
    assert!(
        kit.run(&["--lang", "sv", "check"])
            .stdout
            .contains("betalades två gånger"),
    );
    pay_refuses(&mut kit, "was paid twice");

    // The run whose file never reached payroll is removed, as the finding says: whole again.
    let rm = twice[0]
        .split("remove that run (`")
        .nth(1)
        .and_then(|s| s.split('`').next())
        .unwrap_or_else(|| panic!("{}", twice[0]));
    let args: Vec<&str> = rm.split_whitespace().skip(1).collect();
    let named = |run: &str| args[1..].iter().all(|a| a.contains(run));
    assert!(args.len() == 3 && (named(&first) || named(&second)), "{rm}");
    git(&kit.dir, &args);
    kit.run(&["check"]).ok();
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    assert!(plan["lines"].as_array().unwrap().is_empty(), "{plan}");
}

/// Case 8, both payroll files paid out: a correction recorded for each line takes the excess
/// back in the next run, and the ledger is whole again.
#[test]
fn a_double_payment_paid_out_is_taken_back_by_recorded_corrections() {
    let mut kit = Kit::new();
    let assignments = september_approved(&mut kit);
    repository(&kit);
    two_offices_pay_september(&mut kit);
    git(&kit.dir, &["merge", "-q", "--no-edit", "norr"]);
    git(&kit.dir, &["merge", "-q", "--no-edit", "soder"]);
    kit.today = "2026-10-06".into();
    let check = kit.run(&["check"]);
    assert!(check.stdout.contains("E017"), "{}", check.stdout);
    kit.run(&["pay", "2026-09", "--dry-run"])
        .refused(1, "was paid twice");
    for a in &assignments {
        kit.run(&[
            "report",
            a,
            "2026-09",
            "--meeting",
            "2026-09-10",
            "--correct",
            "betald två gånger",
        ])
        .ok();
    }
    // Recorded, not yet paid back: the next run's difference takes it.
    kit.run(&["check"]).ok();
    let back = kit.json(&["pay", "2026-09"]);
    let amounts: Vec<i64> = back["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            assert_eq!(l["kind"], "correction", "{back}");
            l["amount_ore"].as_i64().unwrap()
        })
        .collect();
    assert_eq!(amounts, [-98_700, -49_300, -98_700, -49_300], "{back}");
    kit.run(&["check"]).ok();
    let plan = kit.json(&["pay", "2026-09", "--dry-run"]);
    assert!(plan["lines"].as_array().unwrap().is_empty(), "{plan}");
}

/// Case 8: the hooks `kontakt hooks install` writes stop a merge that pays a line twice
/// (pre-merge-commit) and report one made anyway (post-merge, which a fast-forward or
/// `--no-verify` does not skip).
#[test]
fn the_merge_hooks_stop_and_report_a_merge_that_pays_twice() {
    let mut kit = Kit::new();
    september_approved(&mut kit);
    repository(&kit);
    let r = kit.run(&["hooks", "install"]).ok();
    for hook in ["pre-commit", "pre-merge-commit", "post-merge"] {
        assert!(
            r.stdout.contains(&format!("hooks/{hook}\n")),
            "{}",
            r.stdout
        );
    }
    let (first, second) = two_offices_pay_september(&mut kit);
    let (ok, said) = git_said(&kit, &["merge", "-q", "--no-edit", "norr"]);
    assert!(
        ok && !said.contains("E0"),
        "a fast-forward of one run: {said}"
    );

    let (ok, said) = git_said(&kit, &["merge", "-q", "--no-edit", "soder"]);
    assert!(!ok, "{said}");
    assert!(
        said.contains("E017")
            && said.contains("was paid twice")
            && said.contains(&first)
            && said.contains(&second)
            && said.contains("the merge was not committed"),
        "{said}"
    );
    assert_eq!(git(&kit.dir, &["rev-list", "--count", "HEAD"]).trim(), "2");
    git(&kit.dir, &["merge", "--abort"]);

    let (ok, said) = git_said(&kit, &["merge", "-q", "--no-edit", "--no-verify", "soder"]);
    assert!(ok, "{said}");
    assert!(
        said.contains("E017") && said.contains("found problems in the records after this merge"),
        "{said}"
    );
    pay_refuses(&mut kit, "was paid twice");
}

/// No false findings: the demo records, runs with late approvals and a run followed by a
/// correction run are a whole ledger, which pay pays from.
#[test]
fn runs_and_correction_runs_are_a_whole_ledger() {
    let kit = Kit::demo();
    kit.run(&["check"]).ok();
    kit.run(&["pay", "2026-10", "--dry-run"]).ok();

    let mut kit = Kit::new();
    let assignments = september_approved(&mut kit);
    kit.json(&["pay", "2026-09"]);
    kit.today = "2026-10-20".into();
    kit.run(&[
        "report",
        &assignments[0],
        "2026-09",
        "--correct",
        "Ingen träff i september",
        "--no-meetings",
    ])
    .ok();
    kit.run(&[
        "report",
        &assignments[1],
        "2026-10",
        "--meeting",
        "2026-10-08",
    ])
    .ok();
    kit.today = "2026-11-05".into();
    kit.run(&["report", "approve", "--month", "2026-10", "--all"])
        .ok();
    kit.run(&[
        "report",
        &assignments[0],
        "2026-10",
        "--meeting",
        "2026-10-09",
    ])
    .ok();
    let second = kit.json(&["pay", "2026-10"]);
    let mut kinds: Vec<&str> = second["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        ["correction", "correction", "expense", "fee"],
        "{second}"
    );
    kit.run(&["report", "approve", &assignments[0], "2026-10"])
        .ok();
    kit.json(&["pay", "2026-10"]);
    kit.run(&["check"]).ok();
    kit.today = "2026-12-05".into();
    kit.run(&["pay", "2026-11", "--dry-run"]).ok();
}
