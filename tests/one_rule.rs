//! A command and `check` judge a value by the same rule (issue 15): what `screen client
//! --close` or `report` refuses as it is typed, `check` names when a person types it into the
//! file, and what the command accepts `check` accepts.

mod common;

use common::Kit;

/// The records' file with `from` replaced by `to`, which must be there.
fn edit(kit: &Kit, rel: &str, from: &str, to: &str) {
    let text = kit.read(rel);
    assert!(text.contains(from), "{from} not in {rel}:\n{text}");
    std::fs::write(kit.dir.join(rel), text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_closure_on_the_decisions_last_day_is_refused_typed_and_named_by_check() {
    let mut kit = Kit::new();
    let (c, _) = kit.ready_pair(0);
    kit.today = "2027-02-10".into();
    // The decision runs to 2027-01-31: closing it that day changes nothing.
    kit.run(&[
        "screen",
        "client",
        &c,
        "--close",
        "2027-01-31",
        "--note",
        "målet nått",
    ])
    .refused(1, "outside the decision's period");
    kit.run(&[
        "screen",
        "client",
        &c,
        "--close",
        "2027-01-30",
        "--note",
        "målet nått",
    ])
    .ok();
    let rel = format!("clients/{c}.toml");
    let ok = kit.run(&["check"]);
    assert!(!ok.stdout.contains("closed outside"), "{}", ok.stdout);
    edit(&kit, &rel, "2027-01-30", "2027-01-31");
    let r = kit.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!("{rel}:"))
            && r.stdout.contains("E006")
            && r.stdout.contains("closed outside its period"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_meeting_on_a_day_not_in_force_is_refused_typed_and_named_by_check() {
    let mut kit = Kit::new();
    let (c, v) = kit.ready_pair(0);
    kit.today = "2026-03-01".into();
    let a = kit.run(&["match", "propose", &c, &v]).id();
    // Agreed from 2026-03-02 but not yet signed: no day is in force.
    kit.agree(&a, "2026-03-02", false).ok();
    kit.today = "2026-04-02".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .refused(1, "2026-03-05 is not an active day");
    // Signed, the same meeting is a day in force and check has nothing to say of it.
    kit.run(&[
        "agree",
        &a,
        "--signed",
        "2026-03-02",
        "--confidentiality-signed",
        "2026-03-02",
    ])
    .ok();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .ok();
    let report = format!("reports/2026-03/{a}.toml");
    assert!(!kit.run(&["check"]).stdout.contains(&report));
    // The signature taken out of the file by hand: the meeting is on a day not in force.
    let rel = format!("assignments/{a}.toml");
    let text = kit.read(&rel);
    let unsigned: String = text
        .lines()
        .filter(|l| !l.starts_with("signed = ") && !l.starts_with("confidentiality_signed = "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(unsigned, text, "{text}");
    std::fs::write(kit.dir.join(&rel), unsigned).unwrap();
    let r = kit.run(&["check"]);
    assert!(
        r.stdout.contains(&format!("{report}:"))
            && r.stdout.contains("meeting 2026-03-05 is not an active day"),
        "{}",
        r.stdout
    );
    // A meeting typed into the file before the start, signed or not.
    std::fs::write(kit.dir.join(&rel), text).unwrap();
    edit(&kit, &report, "2026-03-05", "2026-03-01");
    let r = kit.run(&["check"]);
    assert!(
        r.stdout.contains("meeting 2026-03-01 is not an active day"),
        "{}",
        r.stdout
    );
}

#[test]
fn an_employee_number_payroll_cannot_take_is_refused_typed_named_by_check_and_not_paid() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-20".into();
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let v = plan["lines"][0]["volunteer"].as_str().unwrap().to_string();
    // A spreadsheet formula is no employee number.
    kit.run(&["screen", "volunteer", &v, "--employee-number", "=1+2"])
        .refused(2, "up to 20 letters, digits or dashes");
    kit.run(&["screen", "volunteer", &v, "--employee-number", "A-1001"])
        .ok();
    assert!(!kit.run(&["check"]).stdout.contains("employee_number"));
    let rel = format!("volunteers/{v}.toml");
    edit(&kit, &rel, "\"A-1001\"", "\"=HYPERLINK(1)\"");
    let line = kit
        .read(&rel)
        .lines()
        .position(|l| l.starts_with("employee_number"))
        .unwrap()
        + 1;
    let r = kit.run(&["check"]);
    assert!(
        r.stdout
            .contains(&format!("{rel}:{line}: E004 field `employee_number`")),
        "{}",
        r.stdout
    );
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let lines = plan["lines"].as_array().unwrap();
    assert!(lines.iter().all(|l| l["volunteer"] != v.as_str()), "{plan}");
    assert!(
        plan["excluded"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["volunteer"] == v.as_str()
                && e["reason"].as_str().unwrap().contains("employee number")),
        "{plan}"
    );
}

/// A decision filed out of order (a hand edit, or two offices' records merged) would change
/// which decision is in force: `screen` refuses one dated before the last on file, and
/// `check` names one in a file by the same rule (`rules::decision::order_problems`).
#[test]
fn a_decision_before_the_one_above_it_is_refused_and_found_by_check() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, _) = kit.ready_pair(0);
    kit.run(&["check"]).ok();
    let before = kit.snapshot();
    kit.run(&[
        "screen",
        "client",
        &c,
        "--deny",
        "inget behov",
        "--decided",
        "2026-02-15",
    ])
    .refused(1, "before the decision of 2026-03-01 on file");
    assert_eq!(kit.snapshot(), before);
    let path = kit.dir.join(format!("clients/{c}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let stanza = "\n[[decisions]]\ndecided = \"2026-02-15\"\noutcome = \"denied\"\nreason = \"inget behov\"\n";
    // After the history (the last table of the file), so the new decision is the last one.
    std::fs::write(&path, format!("{text}{stanza}")).unwrap();
    let found = kit.run(&["check"]);
    assert_eq!(found.code, 1, "{}", found.stderr);
    assert!(
        found.stdout.contains(
            "decision 2: the decision of 2026-02-15 is before the decision of 2026-03-01"
        ),
        "{}",
        found.stdout
    );
}

/// A genomförandeplan holds a goal, and each activity says what, who and when: `plan` refuses
/// a plan without a goal, and `check` (E004) names one typed into a file (`rules::plan`).
#[test]
fn a_plan_without_a_goal_is_refused_and_found_in_a_file() {
    let kit = Kit::demo();
    kit.run(&["plan", "A-GMVGAE", "--goal", "  "])
        .refused(2, "a plan needs at least one goal from the decision");
    let rel = "assignments/A-GMVGAE.toml";
    let text = kit.read(rel);
    let goals = text
        .lines()
        .find(|l| l.starts_with("goals = "))
        .unwrap()
        .to_string();
    let edited = text.replace(&goals, "goals = []").replacen(
        "what = \"Ridning eller simning\"",
        "what = \" \"",
        1,
    );
    std::fs::write(kit.dir.join(rel), edited).unwrap();
    let out = kit.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    for want in [
        "E004 field `plan.goals`: a plan needs at least one goal from the decision",
        "E004 field `plan.activities[0].what`: an activity says what, who and when",
    ] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.contains("A-GMVGAE") && l.contains(want)),
            "{want}: {}",
            out.stdout
        );
    }
}
