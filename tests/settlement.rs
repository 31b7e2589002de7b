//! Money lost or wrongly clawed back (issue 14, cases 1 to 4): a paid month whose records
//! change is settled by difference lines once the change is recorded, or listed every run
//! until it is; what is owed and too old is listed until settled; the retroactive limit counts
//! from the payout. Each test names its case.
mod common;

use common::{Kit, plan_lines, plan_reasons};
use serde_json::Value;

/// Reports `month` (meetings on the 5th and the 20th), approves it and, when `pay`, runs its
/// pay run on the 2nd of the month after.
fn month_paid(kit: &mut Kit, a: &str, month: &str, pay: bool) {
    let m: kontakt::model::Month = month.parse().unwrap();
    kit.today = m.next().first_day().succ_opt().unwrap().to_string();
    kit.run(&[
        "report",
        a,
        month,
        "--meeting",
        &format!("{month}-05"),
        "--meeting",
        &format!("{month}-20"),
    ])
    .ok();
    kit.run(&["report", "approve", a, month, "--by", "Attestant"])
        .ok();
    if pay {
        kit.run(&["pay", month]).ok();
    }
}

/// What the ledger paid for `period`, in öre, over every run.
fn paid(kit: &Kit, period: &str) -> i64 {
    let mut total = 0;
    for month in std::fs::read_dir(kit.dir.join("payruns")).unwrap() {
        for f in std::fs::read_dir(month.unwrap().path()).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_none_or(|x| x != "toml") {
                continue;
            }
            let run: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            for l in run["lines"].as_array().unwrap() {
                if l["period"].as_str() == Some(period) {
                    total += l["amount_ore"].as_integer().unwrap();
                }
            }
        }
    }
    total
}

/// The lines of a pay plan as (period, amount in öre), whatever their kind.
fn periods_paid(plan: &Value) -> Vec<(String, i64)> {
    plan_lines(plan)
        .into_iter()
        .map(|(period, _, ore)| (period, ore))
        .collect()
}

/// Case 1: an ending dated back before paid months corrects their reports in the same commit,
/// `check` is clean, the next run pays the difference back exactly once, and `--verify` of the
/// runs that paid too much says they were corrected.
#[test]
fn an_ending_dated_back_is_settled_by_the_next_run() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    for m in ["2026-03", "2026-04", "2026-05"] {
        month_paid(&mut kit, &a, m, true);
    }
    assert_eq!(paid(&kit, "2026-05"), 148_000);
    kit.today = "2026-06-10".into();
    let ended = kit
        .run(&["end", &a, "--date", "2026-04-15", "--reason", "other"])
        .ok();
    assert!(
        ended
            .stdout
            .contains("2026-05: paid 1480.00 kr, now 0.00 kr"),
        "{}",
        ended.stdout
    );
    assert!(
        ended.stdout.contains("2026-04: paid 1480.00 kr, now"),
        "{}",
        ended.stdout
    );
    // The reports keep what the ending leaves: April's meeting of the 20th is gone.
    let april = kit.read(&format!("reports/2026-04/{a}.toml"));
    assert!(
        !april.contains("2026-04-20") && april.contains("2026-04-05"),
        "{april}"
    );
    assert!(april.contains("ended 2026-04-15"), "{april}");
    kit.run(&["check"]).ok();
    kit.today = "2026-07-02".into();
    let run = kit.json(&["pay", "2026-06"]);
    let lines = periods_paid(&run);
    assert!(lines.iter().any(|(p, m)| p == "2026-05" && *m < 0), "{run}");
    // What was paid now equals what the records give: nothing for May, half of April.
    assert_eq!(paid(&kit, "2026-05"), 0);
    assert_eq!(
        paid(&kit, "2026-04"),
        49_400 + 24_700,
        "15 of 30 days, rounded half up"
    );
    assert_eq!(paid(&kit, "2026-03"), 148_000);
    kit.run(&["pay", "2026-06"]).ok();
    assert_eq!(paid(&kit, "2026-05"), 0, "settled once");
    kit.run(&["check"]).ok();
    // Every run verifies: the May run's lines were corrected by a later run.
    let runs: Vec<String> = std::fs::read_dir(kit.dir.join("payruns/2026-05"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_string())
        .collect();
    let verified = kit.run(&["pay", "--verify", &runs[0]]).ok();
    assert!(
        verified.stdout.contains("corrected by"),
        "{}",
        verified.stdout
    );
}

/// Case 1: a decision that no longer covers a paid month is not silently dropped: every run
/// lists it, with the amounts and the command that records it, until it is recorded; then
/// the difference is paid back.
#[test]
fn a_decision_that_no_longer_covers_a_paid_month_is_listed_until_settled() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    month_paid(&mut kit, &a, "2026-03", true);
    month_paid(&mut kit, &a, "2026-04", true);
    // The client's decision is found to have ended in March (a hand edit of the decision).
    let shown = kit.json(&["show", &a]);
    let client = shown["client"]
        .as_str()
        .or(shown["assignment"]["client"].as_str());
    let client = client.map(str::to_string).unwrap_or_else(|| {
        let text = kit.read(&format!("assignments/{a}.toml"));
        text.lines()
            .find_map(|l| l.strip_prefix("client = \""))
            .unwrap()
            .trim_end_matches('"')
            .to_string()
    });
    let rel = format!("clients/{client}.toml");
    let text = kit.read(&rel);
    assert!(text.contains("2027-01-31"), "{text}");
    std::fs::write(kit.dir.join(&rel), text.replace("2027-01-31", "2026-03-31")).unwrap();
    for (today, month) in [("2026-05-04", "2026-04"), ("2026-06-02", "2026-05")] {
        kit.today = today.into();
        let plan = kit.json(&["pay", month, "--dry-run"]);
        assert!(
            plan_reasons(&plan).iter().any(|r| r.starts_with(
                "2026-04 changed after it was paid (paid 1480.00 kr, the records now give 0.00 kr)"
            ) && r
                .contains(&format!("kontakt report {a} 2026-04 --correct REASON"))),
            "{plan}"
        );
        assert!(periods_paid(&plan).is_empty(), "{plan}");
    }
    let r = kit.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("E013"), "{}", r.stdout);
    kit.run(&[
        "report",
        &a,
        "2026-04",
        "--correct",
        "Beslutet gällde till mars",
    ])
    .ok();
    assert!(
        kit.read(&format!("reports/2026-04/{a}.toml"))
            .contains("2026-04-20")
    );
    kit.run(&["check"]).ok();
    kit.run(&["pay", "2026-05"]).ok();
    assert_eq!(paid(&kit, "2026-04"), 0);
    assert_eq!(paid(&kit, "2026-03"), 148_000);
}

/// Case 2: terms changed from inside a paid month say what they cause, and the hinted
/// correction keeps the reported meetings, so the next run pays the difference (not a claw
/// back of the whole month). `--no-meetings` is how a correction empties a month.
#[test]
fn the_hinted_correction_keeps_the_meetings_and_pays_the_difference() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    month_paid(&mut kit, &a, "2026-03", true);
    kit.today = "2026-04-10".into();
    let changed = kit
        .run(&[
            "agree",
            &a,
            "--change-from",
            "2026-03-16",
            "--fee-category",
            "1",
            "--fee-percent",
            "30",
            "--reason",
            "Mer stöd",
        ])
        .ok();
    let hint = changed
        .stdout
        .lines()
        .find(|l| l.contains("2026-03 was paid 1480.00 kr and now gives"))
        .unwrap_or_else(|| panic!("{}", changed.stdout));
    let command = hint.split('`').nth(1).unwrap().replace("REASON", "Villkor");
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    assert_eq!(&args[..4], ["report", a.as_str(), "2026-03", "--correct"]);
    kit.run(&args).ok();
    let report = kit.read(&format!("reports/2026-03/{a}.toml"));
    assert!(
        report.contains("2026-03-05") && report.contains("2026-03-20"),
        "{report}"
    );
    kit.today = "2026-05-04".into();
    let run = kit.json(&["pay", "2026-04"]);
    let march: i64 = periods_paid(&run)
        .iter()
        .filter(|(p, _)| p == "2026-03")
        .map(|(_, m)| m)
        .sum();
    assert!(march > 0, "the difference is paid, not clawed back: {run}");
    // 16 of 31 days at 30 % of the fee instead of 20 %.
    assert!(march < 148_000 / 2, "{run}");
    // A correction without meetings and without --no-meetings keeps them; with it, empties.
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--correct",
        "Inga träffar",
        "--no-meetings",
    ])
    .ok();
    assert!(
        kit.read(&format!("reports/2026-03/{a}.toml"))
            .contains("meetings = []")
    );
}

/// Case 3: a correction that changes nothing is refused; one that changed only a note does
/// not cover a later change of terms, which is listed, not paid, until recorded.
#[test]
fn a_correction_covers_only_the_amounts_it_settled() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    month_paid(&mut kit, &a, "2026-03", true);
    kit.today = "2026-04-10".into();
    let before = kit.snapshot();
    kit.run(&["report", &a, "2026-03", "--correct", "Inget"])
        .refused(1, "nothing to correct");
    assert_eq!(kit.snapshot(), before);
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--correct",
        "Anteckning",
        "--note",
        "Bio",
    ])
    .ok();
    kit.run(&[
        "agree",
        &a,
        "--change-from",
        "2026-03-16",
        "--fee-category",
        "1",
        "--fee-percent",
        "30",
        "--reason",
        "Mer stöd",
    ])
    .ok();
    kit.today = "2026-05-04".into();
    let plan = kit.json(&["pay", "2026-04", "--dry-run"]);
    assert!(
        plan_reasons(&plan).iter().any(|r| r.starts_with(
            "2026-03 changed after it was paid (the correction of 2026-04-10 settled 1480.00 kr"
        )),
        "{plan}"
    );
    assert!(
        periods_paid(&plan).iter().all(|(p, _)| p != "2026-03"),
        "{plan}"
    );
    let r = kit.run(&["check"]);
    assert!(r.code == 1 && r.stdout.contains("E013"), "{}", r.stdout);
    kit.run(&["report", &a, "2026-03", "--correct", "Nya villkor"])
        .ok();
    let plan = kit.json(&["pay", "2026-04", "--dry-run"]);
    assert!(
        periods_paid(&plan)
            .iter()
            .any(|(p, m)| p == "2026-03" && *m > 0),
        "{plan}"
    );
}

/// Case 4: the limit counts from the payout: a run for an old month made late pays nothing
/// older than a run made that day would, and lists it as owed.
#[test]
fn the_retroactive_limit_counts_from_the_payout() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    month_paid(&mut kit, &a, "2026-03", false);
    kit.today = "2026-10-09".into();
    let plan = kit.json(&["pay", "2026-03", "--dry-run"]);
    assert!(periods_paid(&plan).is_empty(), "{plan}");
    assert!(
        plan_reasons(&plan).iter().any(|r| r
            .starts_with("2026-03 1480.00 kr owed, older than the retroactive limit (3 months)")),
        "{plan}"
    );
    // The same run on time pays it.
    kit.today = "2026-04-02".into();
    let plan = kit.json(&["pay", "2026-03", "--dry-run"]);
    assert_eq!(periods_paid(&plan).len(), 2, "{plan}");
}

/// Case 4: what falls out of the window unpaid is listed by every later run and by `due`
/// until it is recorded as paid outside kontakt; approving or correcting a month already
/// beyond the limit is refused with what to do.
#[test]
fn what_is_owed_and_too_old_is_listed_until_settled() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    // March is reported, approved only after the June run, which could still have paid it.
    kit.today = "2026-04-02".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .ok();
    for m in ["2026-04", "2026-05", "2026-06"] {
        month_paid(&mut kit, &a, m, true);
    }
    kit.today = "2026-07-15".into();
    kit.run(&["report", "approve", &a, "2026-03", "--by", "Attestant"])
        .ok();
    let owed = "2026-03 1480.00 kr owed, older than the retroactive limit (3 months)";
    for (today, month, reported) in [
        ("2026-08-03", "2026-07", true),
        ("2026-09-02", "2026-08", false),
        ("2026-10-02", "2026-09", true),
        ("2026-11-02", "2026-10", false),
    ] {
        if reported {
            month_paid(&mut kit, &a, month, false);
        }
        kit.today = today.into();
        let run = kit.json(&["pay", month]);
        assert!(
            plan_reasons(&run).iter().any(|r| r.starts_with(owed)),
            "{today}: {run}"
        );
        assert!(
            periods_paid(&run).iter().all(|(p, _)| p != "2026-03"),
            "{run}"
        );
        let due = kit.run(&["due"]).ok();
        assert!(due.stdout.contains("pay owed"), "{today}: {}", due.stdout);
    }
    assert_eq!(paid(&kit, "2026-03"), 0);
    // Too old to approve or correct now: refused, saying what to do.
    kit.today = "2026-11-02".into();
    kit.run(&[
        "report",
        &a,
        "2026-04",
        "--correct",
        "Fel dag",
        "--meeting",
        "2026-04-06",
    ])
    .refused(1, "older than the retroactive limit (3 months)");
    // Paid by hand, and recorded: no longer listed.
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--settled-outside",
        "Utbetalt manuellt 2026-11-02",
    ])
    .ok();
    kit.today = "2026-12-02".into();
    let run = kit.json(&["pay", "2026-11", "--dry-run"]);
    assert!(
        plan_reasons(&run).iter().all(|r| !r.contains("owed")),
        "{run}"
    );
    assert!(!kit.run(&["due"]).ok().stdout.contains("pay owed"));
}

/// `pay --verify` and `check` (E013) read a paid month the same way (`payroll::reconcile`): a
/// change nobody recorded is a difference of the run and an E013; once recorded, `check` is
/// clean and the run's difference pending; once paid, named by the run that paid it.
#[test]
fn verify_and_check_read_a_changed_paid_month_alike() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    month_paid(&mut kit, &a, "2026-03", true);
    let runs = kit.json(&["list", "payruns"]);
    let run = runs[0]["id"].as_str().unwrap().to_string();
    kit.run(&["pay", "--verify", &run]).ok();
    kit.run(&["check"]).ok();
    // The decision is found to have ended on 15 March: a hand edit of the client's file.
    let client = kit
        .read(&format!("assignments/{a}.toml"))
        .lines()
        .find_map(|l| {
            l.strip_prefix("client = \"")
                .map(|c| c.trim_end_matches('"').to_string())
        })
        .unwrap();
    let rel = format!("clients/{client}.toml");
    let text = kit.read(&rel);
    std::fs::write(kit.dir.join(&rel), text.replace("2027-01-31", "2026-03-15")).unwrap();

    let checked = kit.run(&["check"]);
    assert!(
        checked.code == 1
            && checked
                .stdout
                .lines()
                .any(|l| l.contains("E013") && l.contains(&format!("{a} 2026-03"))),
        "{}",
        checked.stdout
    );
    let verified = kit.run(&["pay", "--verify", &run]);
    assert_eq!(verified.code, 1, "{}", verified.stdout);
    assert!(
        // 15 of March's 31 days of the fee (987 kr) and the allowance (493 kr).
        verified.stdout.contains(&format!(
            "{a} 2026-03 fee: paid 987.00 kr, the records now give 478.00 kr"
        )) && verified.stdout.contains(&format!(
            "{a} 2026-03 expense: paid 493.00 kr, the records now give 239.00 kr"
        )),
        "{}",
        verified.stdout
    );
    let json = kit.run(&["--json", "pay", "--verify", &run]);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["ok"], false, "{json}");

    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--correct",
        "Beslutet gällde till 15 mars",
    ])
    .ok();
    kit.run(&["check"]).ok();
    let pending = kit.run(&["pay", "--verify", &run]).ok();
    assert!(
        pending
            .stdout
            .contains(&format!("{a} 2026-03 correction pending")),
        "{}",
        pending.stdout
    );

    kit.today = "2026-05-04".into();
    let later = kit.json(&["pay", "2026-04"])["run"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(paid(&kit, "2026-03") < 148_000 && paid(&kit, "2026-03") > 0);
    kit.run(&["check"]).ok();
    let settled = kit.run(&["pay", "--verify", &run]).ok();
    assert!(
        settled
            .stdout
            .contains(&format!("{a} 2026-03 corrected by {later}")),
        "{}",
        settled.stdout
    );
    kit.run(&["pay", "--verify", &later]).ok();

    // Changed again after the correction was paid, and not recorded: `check` finds it, and
    // the first run, whose period the later run corrected, is not taken as settled by that.
    let text = kit.read(&rel);
    std::fs::write(kit.dir.join(&rel), text.replace("2026-03-15", "2026-03-10")).unwrap();
    let checked = kit.run(&["check"]);
    assert!(
        checked.code == 1
            && checked
                .stdout
                .lines()
                .any(|l| l.contains("E013") && l.contains(&format!("{a} 2026-03"))),
        "{}",
        checked.stdout
    );
    let again = kit.run(&["pay", "--verify", &run]);
    assert!(
        again.code == 1
            && again.stdout.contains(&format!("{a} 2026-03 fee: paid "))
            && !again.stdout.contains("corrected by"),
        "{}",
        again.stdout
    );
}

/// An ending that takes nothing out of an attested report but changes what its month pays (the
/// monthly fee now counts the days to the end) records a correction that says so, not an empty
/// list of what was removed.
#[test]
fn an_ending_that_only_shortens_a_paid_month_says_so_in_its_correction() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    // Meetings on the 5th and the 20th, both before the ending on the 25th.
    month_paid(&mut kit, &a, "2026-04", true);
    kit.today = "2026-05-10".into();
    let ended = kit
        .run(&[
            "end",
            &a,
            "--date",
            "2026-04-25",
            "--reason",
            "other",
            "--by",
            "Attestant",
        ])
        .ok();
    assert!(
        ended.stdout.contains("2026-04: paid 1480.00 kr, now"),
        "{}",
        ended.stdout
    );
    let april = kit.read(&format!("reports/2026-04/{a}.toml"));
    assert!(
        april.contains("ended 2026-04-25 (kontakt end): the days after it are no longer paid"),
        "{april}"
    );
    kit.run(&["check"]).ok();
}

/// `agree --json` gives a paid month a change touches as figures (öre), whatever the language:
/// what a script reads is not a sentence.
#[test]
fn agree_json_gives_a_touched_paid_month_as_figures() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    month_paid(&mut kit, &a, "2026-03", true);
    kit.today = "2026-04-10".into();
    let out = kit.run(&[
        "--lang",
        "sv",
        "--json",
        "agree",
        &a,
        "--change-from",
        "2026-03-16",
        "--fee-category",
        "1",
        "--fee-percent",
        "30",
        "--reason",
        "Mer stöd",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out.ok().stdout).unwrap();
    let touched = &json["paid_months_changed"][0];
    assert_eq!(touched["assignment"], a.as_str(), "{json}");
    assert_eq!(touched["period"], "2026-03", "{json}");
    assert_eq!(touched["paid_ore"], 148_000, "{json}");
    let now = touched["now_ore"].as_i64().unwrap();
    assert!(now > 148_000 && now < 148_000 * 3 / 2, "{json}");
}
