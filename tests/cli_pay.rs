//! The monthly pay run end to end: prorated months, late approvals, changed terms, corrections,
//! a second run that pays nothing, verification, and the payroll files.
mod common;

use common::{Kit, git, plan_lines, plan_reasons};
use serde_json::Value;

fn sum_is_total(plan: &Value) {
    let sum: i64 = plan_lines(plan).iter().map(|l| l.2).sum();
    assert_eq!(sum, plan["total_ore"].as_i64().unwrap(), "{plan}");
}

#[test]
fn a_year_of_runs_pays_each_day_once_with_late_approvals_changes_and_corrections() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-16");
    kit.today = "2026-04-05".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-20"])
        .ok();
    kit.run(&["pay", "2026-04", "--dry-run"])
        .refused(1, "has not ended");
    let plan = kit.json(&["pay", "2026-03", "--dry-run"]);
    assert_eq!(plan_lines(&plan), vec![]);
    assert_eq!(plan_reasons(&plan), ["2026-03 report not approved"]);
    kit.run(&["report", "approve", &a, "2026-03"]).ok();

    // 16 of March's 31 days: 987 x 16 / 31 = 509.42 and 493 x 16 / 31 = 254.45, to whole kronor.
    let before = kit.snapshot();
    let plan = kit.json(&["pay", "2026-03", "--dry-run"]);
    assert_eq!(kit.snapshot(), before, "a dry run writes nothing");
    assert_eq!(
        plan_lines(&plan),
        [
            ("2026-03".into(), "fee".into(), 50_900),
            ("2026-03".into(), "expense".into(), 25_400)
        ]
    );
    sum_is_total(&plan);
    let paid = kit.json(&["pay", "2026-03"]);
    assert_eq!(
        plan_lines(&paid),
        plan_lines(&plan),
        "the run pays what the dry run showed"
    );
    let run = paid["run"]["id"].as_str().unwrap().to_string();
    let file = kit.dir.join(paid["run"]["file"].as_str().unwrap());
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(csv.contains(";509,00;509,00;"), "{csv}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the payroll file is the owner's only");
    }
    // Again: nothing new, nothing written, exit 0.
    let before = kit.snapshot();
    let again = kit.run(&["pay", "2026-03"]).ok();
    assert!(
        again.stdout.contains("nothing new to pay"),
        "{}",
        again.stdout
    );
    assert_eq!(kit.snapshot(), before);

    // April reported but approved only in June, after the May terms changed (30 % from May).
    kit.today = "2026-05-04".into();
    kit.run(&["report", &a, "2026-04", "--meeting", "2026-04-10"])
        .ok();
    kit.cmd(&format!(
        "agree {a} --change-from 2026-05-01 --fee-category 2 --fee-percent 30"
    ))
    .ok();
    let plan = kit.json(&["pay", "2026-04"]);
    assert_eq!(plan_lines(&plan), vec![], "nothing approved, nothing paid");
    assert_eq!(plan_reasons(&plan), ["2026-04 report not approved"]);
    kit.today = "2026-06-03".into();
    kit.run(&["report", &a, "2026-05", "--meeting", "2026-05-12"])
        .ok();
    kit.run(&["report", "approve", "--month", "2026-04", "--all"])
        .ok();
    kit.run(&["report", "approve", "--month", "2026-05", "--all"])
        .ok();
    let plan = kit.json(&["pay", "2026-05"]);
    assert_eq!(
        plan_lines(&plan),
        [
            ("2026-04".into(), "fee".into(), 98_700),
            ("2026-04".into(), "expense".into(), 49_300),
            ("2026-05".into(), "fee".into(), 148_000),
            ("2026-05".into(), "expense".into(), 49_300),
        ],
        "April paid late, each line with its own period; May at the new fee"
    );

    // A paid report changed behind pay's back is flagged and not paid again...
    let rel = format!("reports/2026-03/{a}.toml");
    let text = kit.read(&rel);
    std::fs::write(
        kit.dir.join(&rel),
        text.replace("meetings = [\"2026-03-20\"]", "meetings = []"),
    )
    .unwrap();
    let r = kit.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("E013") && r.stdout.contains("--correct"),
        "{}",
        r.stdout
    );
    kit.today = "2026-07-02".into();
    let plan = kit.json(&["pay", "2026-06", "--dry-run"]);
    assert!(
        plan_reasons(&plan)
            .iter()
            .any(|r| r.starts_with("2026-03 changed after it was paid")),
        "{plan}"
    );
    assert!(plan_lines(&plan).iter().all(|l| l.0 != "2026-03"), "{plan}");
    // ...until it is recorded as a correction: then the next run pays back the difference.
    std::fs::write(kit.dir.join(&rel), text).unwrap();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-20"])
        .refused(1, "--correct");
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--correct",
        "De träffades inte i mars",
        "--no-meetings",
        "--by",
        "Eva",
    ])
    .ok();
    kit.run(&["check"]).ok();
    let plan = kit.json(&["pay", "2026-06"]);
    let corrections: Vec<_> = plan_lines(&plan)
        .into_iter()
        .filter(|l| l.1 == "correction")
        .collect();
    assert_eq!(
        corrections,
        [
            ("2026-03".into(), "correction".into(), -50_900),
            ("2026-03".into(), "correction".into(), -25_400)
        ]
    );
    sum_is_total(&plan);
    assert!(
        plan_reasons(&plan).contains(&"2026-06 report missing".to_string()),
        "{plan}"
    );

    // Ends mid-July: 20 of 31 days at 1 480 kr and 493 kr.
    kit.today = "2026-08-03".into();
    kit.run(&[
        "end",
        &a,
        "--date",
        "2026-07-20",
        "--reason",
        "goal_reached",
    ])
    .ok();
    kit.run(&["report", &a, "2026-06", "--meeting", "2026-06-10"])
        .ok();
    kit.run(&["report", &a, "2026-07", "--meeting", "2026-07-10"])
        .ok();
    kit.run(&["report", "approve", "--month", "2026-06", "--all"])
        .ok();
    kit.run(&["report", "approve", "--month", "2026-07", "--all"])
        .ok();
    let plan = kit.json(&["pay", "2026-07"]);
    assert_eq!(
        plan_lines(&plan),
        [
            ("2026-06".into(), "fee".into(), 148_000),
            ("2026-06".into(), "expense".into(), 49_300),
            ("2026-07".into(), "fee".into(), 95_500),
            ("2026-07".into(), "expense".into(), 31_800),
        ]
    );
    kit.today = "2026-09-03".into();
    let r = kit.run(&["pay", "2026-08"]).ok();
    assert!(r.stdout.contains("nothing new"), "{}", r.stdout);
    kit.run(&["check"]).ok();

    // Every run still matches the records and its file; a changed file is caught.
    let runs = kit.json(&["list", "payruns"]);
    assert_eq!(runs.as_array().unwrap().len(), 4, "{runs}");
    let r = kit.run(&["pay", "--verify", &run]).ok();
    assert!(
        r.stdout.contains("2026-03 corrected by P-") && r.stdout.contains("still matches"),
        "{}",
        r.stdout
    );
    std::fs::write(&file, csv.replace("509,00", "590,00")).unwrap();
    kit.run(&["pay", "--verify", &run]).refused(1, "");
    let r = kit.run(&["check"]);
    assert!(r.stdout.contains("E014"), "{}", r.stdout);
}

#[test]
fn a_decision_ending_mid_month_pays_its_days_and_then_nothing() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    let c = kit.json(&["show", &a])["client"]
        .as_str()
        .unwrap()
        .to_string();
    kit.cmd(&format!(
        "screen client {c} --grant --from 2026-02-01 --to 2026-06-15"
    ))
    .ok();
    kit.today = "2026-08-02".into();
    for m in ["2026-06", "2026-07"] {
        kit.run(&["report", &a, m, "--meeting", &format!("{m}-05")])
            .ok();
        kit.run(&["report", "approve", &a, m]).ok();
    }
    let plan = kit.json(&["pay", "2026-07", "--dry-run"]);
    // 15 of June's 30 days: 987 / 2 = 493.50, half up to 494; 493 / 2 = 246.50 to 247.
    assert_eq!(
        plan_lines(&plan),
        [
            ("2026-06".into(), "fee".into(), 49_400),
            ("2026-06".into(), "expense".into(), 24_700),
        ]
    );
    assert!(
        plan_reasons(&plan)
            .contains(&"2026-07 the client's decision does not cover 2026-07".into()),
        "{plan}"
    );
    assert!(
        plan_reasons(&plan)
            .iter()
            .any(|r| r.starts_with("2026-04 report missing")),
        "{plan}"
    );
}

#[test]
fn paxml_runs_validate_and_carry_the_employee_number_when_payroll_requires_one() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    let v = kit.volunteer_of(&a);
    kit.today = "2026-04-02".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .ok();
    kit.run(&["report", "approve", &a, "2026-03"]).ok();
    let cfg = kit.read("kontakt.toml");
    std::fs::write(
        kit.dir.join("kontakt.toml"),
        cfg.replace(
            "require_employee_number = false",
            "require_employee_number = true",
        ),
    )
    .unwrap();
    let plan = kit.json(&["pay", "2026-03", "--dry-run"]);
    assert_eq!(plan_lines(&plan), vec![]);
    assert_eq!(
        plan_reasons(&plan),
        [format!("2026-03 {v} has no employee number")]
    );
    kit.run(&["screen", "volunteer", &v, "--employee-number", "a b"])
        .refused(2, "--employee-number");
    kit.run(&["screen", "volunteer", &v, "--employee-number", "K-10442"])
        .ok();
    let out = kit.dir.parent().unwrap().join("lon-2026-03.xml");
    let paid = kit.json(&[
        "pay",
        "2026-03",
        "--format",
        "paxml",
        "--out",
        out.to_str().unwrap(),
    ]);
    let xml = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        xml,
        kit.read(paid["run"]["file"].as_str().unwrap()),
        "--out is a copy of the file the ledger records"
    );
    assert!(xml.contains("anstid=\"K-10442\""), "{xml}");
    assert!(xml.contains("<belopp>987.00</belopp>"), "{xml}");
    xmllint_validates(&out);
}

/// `file` is valid PAXml (when xmllint is installed: see `common::xmllint_paxml`).
fn xmllint_validates(file: &std::path::Path) {
    if let Some((ok, err)) = common::xmllint_paxml(file) {
        assert!(ok, "{}: {err}", file.display());
    }
}

#[test]
fn the_demo_municipalitys_october_run_is_valid_paxml_and_pays_what_the_dry_run_shows() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-27".into();
    let dry = kit.json(&["pay", "2026-10", "--dry-run"]);
    sum_is_total(&dry);
    assert!(
        plan_reasons(&dry)
            .iter()
            .any(|r| r == "2026-10 report not approved"),
        "{dry}"
    );
    let paid = kit.json(&["pay", "2026-10", "--format", "paxml"]);
    assert_eq!(plan_lines(&paid), plan_lines(&dry));
    xmllint_validates(&kit.dir.join(paid["run"]["file"].as_str().unwrap()));
    kit.run(&["report", "approve", "--month", "2026-10", "--all"])
        .ok();
    let late = kit.json(&["pay", "2026-10", "--format", "paxml"]);
    assert!(
        !plan_lines(&late).is_empty(),
        "late approvals are paid by a second run"
    );
    xmllint_validates(&kit.dir.join(late["run"]["file"].as_str().unwrap()));
    kit.run(&["check"]).ok();
}

/// examples/monthly-payout.sh, run as cron would run it.
fn payout(kit: &Kit, out_dir: &std::path::Path, month: &str) -> std::process::Output {
    std::process::Command::new("bash")
        .arg(common::repo().join("examples/monthly-payout.sh"))
        .arg(month)
        .env("KONTAKT", env!("CARGO_BIN_EXE_kontakt"))
        .env("KONTAKT_RECORDS", &kit.dir)
        .env("KONTAKT_TODAY", &kit.today)
        .env("OUT_DIR", out_dir)
        .env("FORMAT", "paxml")
        .envs(common::GIT_IDENTITY)
        .output()
        .unwrap()
}

#[test]
fn the_scheduled_payout_script_pays_commits_verifies_and_stops_at_problems() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-27".into();
    let out_dir = kit.dir.parent().unwrap().join("till-lon");
    std::fs::create_dir_all(&out_dir).unwrap();
    let r = payout(&kit, &out_dir, "2026-10");
    assert_eq!(r.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&r.stderr).contains("git init"),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    git(&kit.dir, &["init", "-q"]);
    git(&kit.dir, &["add", "-A"]);
    git(&kit.dir, &["commit", "-qm", "records"]);
    assert_eq!(payout(&kit, &out_dir, "2026-13").status.code(), Some(2));

    let r = payout(&kit, &out_dir, "2026-10");
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert!(
        r.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let dry: Value = serde_json::from_str(
        &std::fs::read_to_string(out_dir.join("payout-2026-10-dry-run.json")).unwrap(),
    )
    .unwrap();
    let total = dry["total_ore"].as_i64().unwrap();
    let said = format!("paid 2026-10, {},{:02} kr", total / 100, total % 100);
    assert!(total > 0 && stdout.contains(&said), "{said}: {stdout}");
    let log = git(&kit.dir, &["log", "--format=%s", "-1"]);
    assert!(log.starts_with("kontakt pay: P-"), "{log}");
    assert!(
        git(&kit.dir, &["status", "--porcelain"]).is_empty(),
        "the ledger is committed"
    );
    let sent: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(sent.iter().any(|n| n.ends_with(".xml")), "{sent:?}");
    assert!(
        sent.iter().any(|n| n == "payout-2026-10-dry-run.json"),
        "{sent:?}"
    );

    let again = payout(&kit, &out_dir, "2026-10");
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing new to pay"));

    let rel = std::fs::read_dir(kit.dir.join("clients"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&rel).unwrap();
    std::fs::write(&rel, text.replacen("name = ", "nmae = ", 1)).unwrap();
    let broken = payout(&kit, &out_dir, "2026-10");
    assert_eq!(broken.status.code(), Some(1));
    let err = String::from_utf8_lossy(&broken.stderr);
    assert!(
        err.contains("check found problems") && err.contains("what to do"),
        "{err}"
    );
}

/// One signed agreement from March with March reported and approved; today 2026-04-02.
fn march_approved(kit: &mut Kit) -> String {
    let a = kit.agreed(0, "2026-03-01");
    kit.today = "2026-04-02".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .ok();
    kit.run(&["report", "approve", &a, "2026-03"]).ok();
    a
}

fn sha256_of(path: &std::path::Path) -> String {
    kontakt::rules::ledger::sha256_hex(&std::fs::read(path).unwrap())
}

#[test]
fn pay_out_is_checked_before_anything_is_paid_and_only_a_regular_file_is_replaced() {
    let mut kit = Kit::new();
    march_approved(&mut kit);
    let outside = kit.dir.parent().unwrap().to_path_buf();
    let refused = |kit: &Kit, out: &std::path::Path, needle: &str| {
        let before = kit.snapshot();
        let r = kit
            .run(&["pay", "2026-03", "--out", out.to_str().unwrap()])
            .refused(2, needle);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        assert_eq!(kit.snapshot(), before, "nothing paid: {}", r.stderr);
        assert_eq!(kit.json(&["list", "payruns"]), serde_json::json!([]));
    };
    // A folder, a folder that is not there.
    let folder = outside.join("till-lon");
    std::fs::create_dir(&folder).unwrap();
    refused(&kit, &folder, "is a folder");
    refused(&kit, &outside.join("saknas/lon.csv"), "does not exist");
    // A symlink is not followed and not replaced: what it points to stays as it was.
    let target = outside.join("target.csv");
    std::fs::write(&target, "keep").unwrap();
    let link = outside.join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    refused(&kit, &link, "not a regular file");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    // A FIFO (or a device such as /dev/full) is not replaced either.
    let fifo = outside.join("fifo.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    refused(&kit, &fifo, "not a regular file");
    {
        use std::os::unix::fs::FileTypeExt;
        assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
    }
    // A regular file is replaced by the copy.
    let good = outside.join("lon.csv");
    std::fs::write(&good, "old").unwrap();
    let paid = kit.json(&["pay", "2026-03", "--out", good.to_str().unwrap()]);
    assert_eq!(sha256_of(&good), paid["run"]["sha256"].as_str().unwrap());
}

#[test]
fn a_copy_of_an_earlier_run_is_made_again_byte_for_byte() {
    let mut kit = Kit::new();
    march_approved(&mut kit);
    let run = kit.json(&["pay", "2026-03"])["run"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let outside = kit.dir.parent().unwrap().to_path_buf();
    let copy = outside.join("lon-2026-03.csv");
    // The rerun pays nothing, copies nothing, and says how to make the copy.
    let again = kit
        .run(&["pay", "2026-03", "--out", copy.to_str().unwrap()])
        .ok();
    assert!(
        again.stdout.contains("nothing new to pay")
            && again
                .stdout
                .contains(&format!("kontakt pay --copy {run} --out")),
        "{}",
        again.stdout
    );
    assert!(!copy.exists());
    let r = kit
        .run(&["pay", "--copy", &run, "--out", copy.to_str().unwrap()])
        .ok();
    assert!(r.stdout.contains(&run), "{}", r.stdout);
    let ledger = kit.json(&["show", &run]);
    assert_eq!(sha256_of(&copy), ledger["sha256"].as_str().unwrap());
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the copy is the owner's only");
    }
    kit.run(&["pay", "--copy", &run, "--out", outside.to_str().unwrap()])
        .refused(2, "is a folder");
    kit.run(&["pay", "--copy", &run]).refused(2, "--out");
    // A payroll file changed since its run is not copied as if it were the one paid.
    let file = kit.dir.join(ledger["file"].as_str().unwrap());
    std::fs::write(&file, "changed").unwrap();
    kit.run(&["pay", "--copy", &run, "--out", copy.to_str().unwrap()])
        .refused(1, "pay --verify");
    assert_eq!(sha256_of(&copy), ledger["sha256"].as_str().unwrap());
}

#[test]
fn once_paid_a_failure_to_print_is_a_warning_and_the_exit_status_says_paid() {
    let mut kit = Kit::new();
    march_approved(&mut kit);
    // stdout on a full disk.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kontakt"))
        .envs(common::GIT_IDENTITY)
        .env_remove("KONTAKT_RECORDS")
        .env_remove("KONTAKT_TODAY")
        .env("LANG", "C.UTF-8")
        .arg("--records")
        .arg(&kit.dir)
        .args(["--today", &kit.today, "pay", "2026-03"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let runs = kit.json(&["list", "payruns"]);
    let run = runs[0]["id"].as_str().unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning")
            && stderr.contains(run)
            && stderr.contains(&format!("kontakt pay --copy {run} --out")),
        "{stderr}"
    );
}

#[test]
fn signatures_recorded_after_the_agreement_ended_let_its_months_be_paid() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(0);
    let a = kit.run(&["match", "propose", &c, &v]).id();
    kit.agree(&a, "2026-03-01", false).ok();
    // Meetings are reported only on signed agreements; this municipality pays months without.
    let cfg = kit.read("kontakt.toml");
    std::fs::write(
        kit.dir.join("kontakt.toml"),
        cfg.replace(
            "pay_without_meetings = false",
            "pay_without_meetings = true",
        ),
    )
    .unwrap();
    kit.today = "2026-05-04".into();
    for m in ["2026-03", "2026-04"] {
        kit.run(&["report", &a, m]).ok();
        kit.run(&["report", "approve", &a, m]).ok();
    }
    kit.run(&["end", &a, "--date", "2026-04-30", "--reason", "moved"])
        .ok();
    let plan = kit.json(&["pay", "2026-04", "--dry-run"]);
    assert_eq!(
        plan_reasons(&plan),
        [
            "2026-03 the agreement is not signed",
            "2026-04 the agreement is not signed"
        ]
    );
    // Only the signatures: other changes to an ended agreement stay refused.
    kit.cmd(&format!(
        "agree {a} --signed 2026-02-28 --confidentiality-signed 2026-02-28 --cost-center 4711"
    ))
    .refused(1, "ended");
    kit.cmd(&format!("agree {a} --end 2026-05-31"))
        .refused(1, "ended");
    let r = kit
        .cmd(&format!(
            "agree {a} --signed 2026-02-28 --confidentiality-signed 2026-02-28"
        ))
        .ok();
    assert!(r.stdout.contains("ended"), "{}", r.stdout);
    let shown = kit.json(&["show", &a]);
    assert_eq!(shown["agreement"]["signed"], "2026-02-28");
    assert_eq!(shown["agreement"]["end"], serde_json::Value::Null);
    let plan = kit.json(&["pay", "2026-04"]);
    assert_eq!(
        plan_lines(&plan),
        [
            ("2026-03".into(), "fee".into(), 98_700),
            ("2026-03".into(), "expense".into(), 49_300),
            ("2026-04".into(), "fee".into(), 98_700),
            ("2026-04".into(), "expense".into(), 49_300),
        ]
    );
}

/// Sets a ledger entry's `created` (and, to put the random ids in the wrong order, its id).
fn rewrite_run(kit: &Kit, month: &str, id: &str, new_id: &str, created: &str) {
    let from = kit.dir.join(format!("payruns/{month}/{id}.toml"));
    let text = std::fs::read_to_string(&from).unwrap();
    let text = text
        .lines()
        .map(|l| {
            if l.starts_with("created = ") {
                format!("created = \"{created}\"")
            } else if l.starts_with("id = ") {
                format!("id = \"{new_id}\"")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    std::fs::remove_file(&from).unwrap();
    std::fs::write(kit.dir.join(format!("payruns/{month}/{new_id}.toml")), text).unwrap();
}

#[test]
fn runs_made_in_the_same_second_verify_in_the_order_they_were_made() {
    let mut kit = Kit::new();
    let a = march_approved(&mut kit);
    let first = kit.json(&["pay", "2026-03"])["run"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    kit.today = "2026-05-04".into();
    kit.run(&["report", &a, "2026-04", "--meeting", "2026-04-10"])
        .ok();
    kit.run(&["report", "approve", &a, "2026-04"]).ok();
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--correct",
        "Ingen träff i mars",
        "--no-meetings",
    ])
    .ok();
    let second = kit.json(&["pay", "2026-04"]);
    assert!(
        plan_lines(&second).iter().any(|l| l.1 == "correction"),
        "{second}"
    );
    let second = second["run"]["id"].as_str().unwrap().to_string();
    let entry = |month: &str, id: &str| kit.read(&format!("payruns/{month}/{id}.toml"));
    assert!(entry("2026-03", &first).contains("\nseq = 1\n"));
    assert!(entry("2026-04", &second).contains("\nseq = 2\n"));
    // The same second, and ids that sort against the order the runs were made in.
    let same = "2026-05-04T09:00:00";
    rewrite_run(&kit, "2026-03", &first, "P-ZZZZZZ", same);
    rewrite_run(&kit, "2026-04", &second, "P-000000", same);
    for run in ["P-ZZZZZZ", "P-000000"] {
        let r = kit.run(&["pay", "--verify", run]).ok();
        assert!(r.stdout.contains("still matches"), "{run}: {}", r.stdout);
    }
    let listed = kit.json(&["list", "payruns"]);
    assert_eq!(listed[0]["id"], "P-000000", "newest first: {listed}");
}

#[test]
fn verify_says_a_recorded_correction_is_pending_until_the_next_run_pays_it() {
    let mut kit = Kit::new();
    let a = march_approved(&mut kit);
    let run = kit.json(&["pay", "2026-03"])["run"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--correct",
        "Ingen träff i mars",
        "--no-meetings",
    ])
    .ok();
    let r = kit.run(&["pay", "--verify", &run]).ok();
    assert!(
        r.stdout
            .contains(&format!("{a} 2026-03 correction pending"))
            && r.stdout.contains("still matches")
            && !r.stdout.contains("difference:"),
        "{}",
        r.stdout
    );
    let v = kit.json(&["pay", "--verify", &run]);
    assert_eq!(v["ok"], true, "{v}");
    // Once paid, the correction is named by the run that paid it.
    let later = kit.json(&["pay", "2026-03"])["run"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = kit.run(&["pay", "--verify", &run]).ok();
    assert!(
        r.stdout.contains(&format!("corrected by {later}")),
        "{}",
        r.stdout
    );
}
