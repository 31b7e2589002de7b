//! Endings and breaks as staff meet them: an assignment that stops while the decision runs on
//! (avbrott: the client waits again, first in line), a goal reached (the decision ends and the
//! waiting with it), a decision ended early, a volunteer who leaves, and one who takes a break.

mod common;

use common::Kit;

/// Kit with a signed agreement from 2026-03-01 for the first ready pair, today 2026-06-10.
fn running() -> (Kit, String) {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    kit.today = "2026-06-10".into();
    (kit, a)
}

fn waiting(kit: &Kit) -> Vec<String> {
    let plan = kit.json(&["match", "auto", "--dry-run"]);
    let mut out: Vec<String> = plan["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["client"].as_str().unwrap().to_string())
        .collect();
    out.extend(
        plan["unmatched"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["client"].as_str().unwrap().to_string()),
    );
    out
}

#[test]
fn a_reached_goal_ends_the_decision_and_the_waiting() {
    let (kit, a) = running();
    let c = kit.client_of(&a);
    let done = kit.json(&[
        "end",
        &a,
        "--date",
        "2026-05-31",
        "--reason",
        "goal_reached",
        "--by",
        "Eva",
    ]);
    assert_eq!(done["decision_closed"], c.as_str(), "{done}");
    assert!(waiting(&kit).is_empty(), "nobody waits");
    let shown = kit.json(&["show", &c]);
    let d = &shown["decisions"][0];
    assert_eq!(d["closed"]["date"], "2026-05-31", "{shown}");
    assert_eq!(d["closed"]["reason"], "goal_reached");
    // No IVO clock starts: the insats is not interrupted, it is over.
    let due = kit.json(&["due", "--within", "365"]);
    assert!(
        !due.as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == c.as_str()),
        "{due}"
    );
    kit.run(&["check"]).ok();
    // Told in words, in Swedish too.
    let (kit, a) = running();
    let out = kit
        .run(&[
            "--lang",
            "sv",
            "end",
            &a,
            "--date",
            "2026-05-31",
            "--reason",
            "målet uppnått",
            "--by",
            "Eva",
        ])
        .ok()
        .stdout;
    assert!(
        out.contains("beslutet avslutas 2026-05-31 (målet uppnått)"),
        "{out}"
    );
    assert!(!out.contains("ends"), "{out}");
}

#[test]
fn a_decision_is_closed_on_the_day_not_ahead() {
    let (kit, a) = running();
    kit.run(&["end", &a, "--date", "2026-07-31", "--reason", "moved"])
        .refused(1, "closed on the day");
    // Ending ahead for another reason is an ending like any.
    kit.run(&[
        "end",
        &a,
        "--date",
        "2026-07-31",
        "--reason",
        "volunteer_request",
    ])
    .ok();
}

#[test]
fn an_interruption_puts_the_client_first_in_line_from_that_day() {
    let (kit, a) = running();
    let c = kit.client_of(&a);
    // A second client, granted the same day, waiting for her first kontaktperson.
    let (other, _) = kit.ready_pair(2);
    let out = kit
        .run(&[
            "end",
            &a,
            "--date",
            "2026-05-31",
            "--reason",
            "client_request",
            "--by",
            "Eva",
        ])
        .ok()
        .stdout;
    assert!(out.contains("interruption (avbrott)"), "{out}");
    assert!(out.contains("waits again from 2026-06-01"), "{out}");
    // Her own file says so, where staff reading her history look.
    let history = kit.json(&["show", &c])["history"].to_string();
    assert!(
        history.contains(&format!(
            "interruption: {a} ended 2026-05-31, waiting again from 2026-06-01"
        )),
        "{history}"
    );
    let mut both = waiting(&kit);
    both.sort();
    let mut expected = vec![c.clone(), other.clone()];
    expected.sort();
    assert_eq!(both, expected);
    let score = |client: &str| {
        let s = kit.json(&["match", "suggest", client]);
        let first = &s[0]["components"];
        (
            first["waiting"].as_i64().unwrap(),
            first["interrupted"].as_i64().unwrap(),
        )
    };
    // Her months count from the interruption (none yet, not from her decision in February),
    // with the interruption's priority; the other, granted today, has no priority.
    assert_eq!(score(&c), (0, 30));
    assert_eq!(score(&other), (0, 0));
    // The IVO clock runs from the interruption.
    let due = kit.json(&["due", "--within", "120"]);
    let hers: Vec<&serde_json::Value> = due
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == c.as_str() && d["what"] == "not in effect")
        .collect();
    assert_eq!(hers.len(), 1, "{due}");
    assert_eq!(hers[0]["date"], "2026-09-01");
}

#[test]
fn ending_a_decision_early_ends_her_assignment_with_it() {
    let (kit, a) = running();
    let c = kit.client_of(&a);
    kit.run(&[
        "end",
        &c,
        "--date",
        "2026-07-01",
        "--reason",
        "client_request",
    ])
    .refused(1, "after today");
    let done = kit.json(&[
        "end",
        &c,
        "--date",
        "2026-06-05",
        "--reason",
        "client_request",
        "--note",
        "vill inte längre",
        "--by",
        "Eva",
    ]);
    assert_eq!(done["decision_closed"], c.as_str());
    assert_eq!(done["assignments"][0]["id"], a.as_str(), "{done}");
    assert_eq!(done["assignments"][0]["ended"]["date"], "2026-06-05");
    assert_eq!(
        kit.json(&["show", &c])["decisions"][0]["closed"]["reason"],
        "client_request: vill inte längre"
    );
    assert!(waiting(&kit).is_empty());
    kit.run(&["end", &c, "--date", "2026-06-06", "--reason", "other"])
        .refused(1, "already closed");
    kit.run(&["check"]).ok();
}

#[test]
fn a_volunteer_who_leaves_ends_her_assignments_and_is_never_suggested() {
    let (kit, a) = running();
    let (c, v) = (kit.client_of(&a), kit.volunteer_of(&a));
    let done = kit.json(&[
        "end",
        &v,
        "--date",
        "2026-06-08",
        "--reason",
        "volunteer_request",
        "--note",
        "flyttar till Umeå",
        "--by",
        "Eva",
    ]);
    assert_eq!(done["leaving"], v.as_str(), "{done}");
    assert_eq!(done["assignments"][0]["id"], a.as_str());
    kit.run(&["end", &v, "--date", "2026-06-09", "--reason", "other"])
        .refused(1, "already leaving");
    // Her client waits again, first in line; she is not suggested.
    assert_eq!(waiting(&kit), vec![c.clone()]);
    let why = kit.json(&["match", "suggest", &c, "--why-not", &v]);
    assert!(
        why["excluded_by"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("leaving")),
        "{why}"
    );
    kit.run(&["match", "propose", &c, &v]).refused(1, "leaving");
    let shown = kit.run(&["show", &v]).ok().stdout;
    assert!(
        shown.contains("2026-06-08 (volunteer_request: flyttar till Umeå)"),
        "{shown}"
    );
}

#[test]
fn a_volunteer_on_a_break_is_not_matched_until_she_is_back() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(1);
    let suggested = |kit: &Kit| {
        kit.json(&["match", "suggest", &c])
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["volunteer"] == v.as_str())
    };
    assert!(suggested(&kit));
    kit.run(&[
        "pause",
        &v,
        "--reason",
        "föräldraledig",
        "--until",
        "2026-03-20",
    ])
    .ok();
    assert!(!suggested(&kit));
    assert!(waiting(&kit).contains(&c), "the client still waits");
    assert_eq!(
        kit.json(&["match", "auto", "--dry-run"])["pairs"],
        serde_json::json!([])
    );
    kit.run(&["match", "propose", &c, &v])
        .refused(1, "on a break");
    // `due` says when she is back.
    let due = kit.json(&["due"]);
    let back: Vec<&serde_json::Value> = due
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["what"] == "pause ends")
        .collect();
    assert_eq!(back.len(), 1, "{due}");
    assert_eq!(back[0]["date"], "2026-03-20");
    assert_eq!(back[0]["id"], v.as_str());
    assert_eq!(back[0]["name"], "Volontär Test");
    // A second break overlapping the first is refused, as `check` would find it in a file.
    kit.run(&["pause", &v, "--reason", "x", "--from", "2026-03-10"])
        .refused(1, "overlaps");
    // On the day she is back she is suggested again; back early with `resume`.
    kit.today = "2026-03-20".into();
    assert!(suggested(&kit));
    kit.today = "2026-03-05".into();
    assert!(!suggested(&kit));
    kit.run(&["resume", &v]).ok();
    assert!(suggested(&kit));
    kit.run(&["resume", &v]).refused(1, "no break");
    kit.run(&["check"]).ok();
}

#[test]
fn a_hand_edited_break_is_judged_like_one_typed() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (_, v) = kit.ready_pair(1);
    let path = kit.dir.join(format!("volunteers/{v}.toml"));
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        "\n[[pauses]]\nfrom = \"2026-04-01\"\nuntil = \"2026-03-01\"\nreason = \"jobb\"\n",
    );
    std::fs::write(&path, &text).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("until = \"2026-03-01\""))
        .unwrap()
        + 1;
    let out = kit.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains(&format!("{v}.toml:{line}")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("pauses[0].until"), "{}", out.stdout);
}

/// A volunteer leaves for her own reasons (her wish, a move, another), not a client's request
/// or a reached goal; a decision is ended early for the client's, not the volunteer's. A refused
/// reason names those that are taken and writes nothing; a date ahead is named by the option
/// that gave it.
#[test]
fn each_ending_takes_the_reasons_that_fit_it() {
    let (kit, a) = running();
    let c = kit.client_of(&a);
    let v = kit.volunteer_of(&a);
    let before = kit.snapshot();
    kit.run(&["end", &v, "--date", "2026-06-10", "--reason", "client_request"])
        .refused(2, "a volunteer does not leave for client_request: give one of volunteer_request, moved, other");
    kit.run(&["--lang", "sv", "end", &c, "--date", "2026-06-10", "--reason", "volunteer_request"])
        .refused(2, "ett beslut avslutas inte i förtid av skälet kontaktpersonens begäran: ange ett av klientens begäran, målet uppnått, flyttat, annat");
    kit.run(&[
        "end",
        &c,
        "--date",
        "2026-06-30",
        "--reason",
        "client_request",
    ])
    .refused(1, "--date 2026-06-30 is after today");
    assert_eq!(kit.snapshot(), before, "a refused ending wrote nothing");
    kit.run(&["end", &v, "--date", "2026-06-10", "--reason", "moved"])
        .ok();
}

/// The agreement ends with the decision: months after the decision's last day need no report,
/// however long the assignment's file says it runs (`due` listed every month for years).
#[test]
fn no_report_is_due_for_months_the_decision_does_not_grant() {
    let (mut kit, a) = running();
    let c = kit.client_of(&a);
    let to = kit.json(&["show", &c])["decisions"][0]["to"]
        .as_str()
        .unwrap()
        .to_string();
    let last: chrono::NaiveDate = to.parse().unwrap();
    let later = last + chrono::Months::new(14);
    kit.today = later.to_string();
    let due = kit.json(&["due", "--all"]);
    let months: Vec<String> = due
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["what"] == "report missing" && d["id"] == a.as_str())
        .map(|d| d["detail"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !months.is_empty(),
        "months before the end still need theirs"
    );
    let after = chrono::Months::new(1);
    let first_month_after = (last + after).format("%Y-%m").to_string();
    assert!(
        months
            .iter()
            .all(|m| m.as_str() < format!("no attendance report for {first_month_after}").as_str()),
        "{months:?} (the decision ends {to})"
    );
}

/// A decision closed early takes every assignment with it: one already set to end later ends
/// on the closing day instead, and one that has not begun (agreed to start later) is declined,
/// since it never will begin. The client stops waiting on the closing day itself.
#[test]
fn a_decision_closed_early_moves_a_later_ending_and_calls_off_what_has_not_begun() {
    let (mut kit, a) = running();
    let c = kit.client_of(&a);
    kit.run(&[
        "end",
        &a,
        "--date",
        "2026-06-30",
        "--reason",
        "client_request",
    ])
    .ok();
    // Another client's agreement, to begin after the day her decision closes.
    let later = kit.agreed(2, "2026-08-01");
    let c2 = kit.client_of(&later);
    kit.today = "2026-06-10".into();
    let done = kit.json(&[
        "end",
        &c,
        "--date",
        "2026-06-10",
        "--reason",
        "moved",
        "--note",
        "flyttar till Umeå",
    ]);
    assert_eq!(done["assignments"][0]["id"], a.as_str(), "{done}");
    assert_eq!(done["assignments"][0]["ended"]["date"], "2026-06-10");
    assert_eq!(done["cancelled"], serde_json::json!([]), "{done}");
    let done = kit.json(&["end", &c2, "--date", "2026-06-10", "--reason", "moved"]);
    assert_eq!(done["assignments"], serde_json::json!([]), "{done}");
    assert_eq!(done["cancelled"][0], later.as_str(), "{done}");
    let shown = kit.json(&["show", &later]);
    assert_eq!(shown["status"], "declined", "{shown}");
    assert!(
        waiting(&kit).is_empty(),
        "not waiting on the day her decision closed"
    );
    kit.run(&["check"]).ok();
    let said = kit.run(&["--lang", "sv", "show", &later]).ok();
    assert!(said.stdout.contains("avböjt"), "{}", said.stdout);
}

/// An agreement that has not begun may be declined (called off) like a proposal; one that has
/// begun is ended instead.
#[test]
fn an_agreement_not_yet_begun_can_be_declined() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-04-01");
    kit.run(&[
        "match", "decline", &a, "--by", "client", "--reason", "flyttar",
    ])
    .ok();
    assert_eq!(kit.json(&["show", &a])["status"], "declined");
    let b = kit.agreed(2, "2026-03-01");
    kit.today = "2026-03-10".into();
    kit.run(&["match", "decline", &b, "--by", "client", "--reason", "x"])
        .refused(1, "kontakt end");
}

/// Where a volunteer stands is what staff read in lists and `find`: on a break, or left, not
/// "approved"; `list --status` takes both.
#[test]
fn a_volunteer_on_a_break_or_gone_is_listed_so() {
    let (mut kit, a) = running();
    let v = kit.volunteer_of(&a);
    let status = |kit: &Kit| {
        kit.json(&["list", "volunteers"])
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == v.as_str())
            .map(|x| x["status"].clone())
            .unwrap()
    };
    assert_eq!(status(&kit), "approved");
    // Her running assignment goes on during the break: staff are told, with the client.
    let paused = kit.run(&["pause", &v, "--reason", "nytt jobb"]).ok();
    assert!(
        paused.stderr.contains("run on during the break") && paused.stderr.contains(&a),
        "{}",
        paused.stderr
    );
    assert_eq!(status(&kit), "on_break");
    // A person reads it as words; a script gets `on_break`.
    let table = kit.run(&["list", "volunteers"]).ok().stdout;
    assert!(
        table.contains("on a break") && !table.contains("on_break"),
        "{table}"
    );
    let listed = kit.json(&["list", "volunteers", "--status", "uppehåll"]);
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    // An open-ended break is no "break ends" today: a call to make after the support interval.
    let due = kit.json(&["due", "--within", "365"]);
    let calls: Vec<&serde_json::Value> = due
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == v.as_str() && d["what"].as_str().unwrap().starts_with("pause"))
        .collect();
    assert_eq!(calls.len(), 1, "{due}");
    assert_eq!(calls[0]["what"], "pause open-ended");
    assert_eq!(calls[0]["date"], "2026-09-08", "90 days after 2026-06-10");
    // The call made and recorded: the next is due the interval after it.
    kit.today = "2026-06-20".into();
    kit.run(&["support", &v, "--kind", "phone"]).ok();
    let due = kit.json(&["due", "--within", "365"]);
    let call = due
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == v.as_str() && d["what"] == "pause open-ended")
        .unwrap_or_else(|| panic!("{due}"))
        .clone();
    assert_eq!(call["date"], "2026-09-18", "90 days after the call");
    kit.today = "2026-06-10".into();
    kit.run(&["resume", &v]).ok();
    assert_eq!(status(&kit), "approved");
    kit.run(&[
        "end",
        &v,
        "--date",
        "2026-06-10",
        "--reason",
        "volunteer_request",
    ])
    .ok();
    // Her last day she still serves; she has left from the day after.
    assert_eq!(status(&kit), "approved");
    kit.today = "2026-06-11".into();
    assert_eq!(status(&kit), "left");
    let found = kit.json(&["find", "Volontär"]);
    assert_eq!(found[0]["status"], "left", "{found}");
}

/// Back before a break began: the break never happens, and she is told so.
#[test]
fn a_break_called_off_before_it_begins_is_said_to_be_cancelled() {
    let (kit, a) = running();
    let v = kit.volunteer_of(&a);
    kit.run(&["pause", &v, "--reason", "resa", "--from", "2026-07-01"])
        .ok();
    let r = kit.run(&["resume", &v, "--date", "2026-06-20"]).ok();
    assert!(
        r.stdout.contains("the break from 2026-07-01 is cancelled"),
        "{}",
        r.stdout
    );
    let shown = kit.json(&["show", &v]);
    assert!(shown["pauses"].is_null(), "{shown}");
}

/// No break for a volunteer who is leaving: `pause` refuses one, and `check` names one typed
/// into her file that begins after her last day (E006), by `rules::pause`.
#[test]
fn a_break_after_she_leaves_is_refused_and_found_in_a_file() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (_, v) = kit.ready_pair(1);
    kit.run(&[
        "end",
        &v,
        "--date",
        "2026-05-31",
        "--reason",
        "volunteer_request",
    ])
    .ok();
    let before = kit.snapshot();
    kit.run(&["pause", &v, "--reason", "resa", "--from", "2026-06-10"])
        .refused(1, "is leaving on 2026-05-31; a break is not needed");
    assert_eq!(kit.snapshot(), before, "nothing written");
    kit.run(&["check"]).ok();
    let path = kit.dir.join(format!("volunteers/{v}.toml"));
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[[pauses]]\nfrom = \"2026-06-10\"\nreason = \"resa\"\n");
    std::fs::write(&path, &text).unwrap();
    let out = kit.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "E006 field `pauses[0].from`: the break from 2026-06-10 begins after her last day (2026-05-31)"
        ),
        "{}",
        out.stdout
    );
}

/// A break planned before she said she is leaving, that would begin after her last day, is
/// dropped by `end V` (and said so): kontakt never writes a file `check` then finds fault with.
/// A break before it stays.
#[test]
fn leaving_drops_a_planned_break_after_her_last_day() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (_, v) = kit.ready_pair(1);
    kit.run(&[
        "pause",
        &v,
        "--reason",
        "resa",
        "--from",
        "2026-03-10",
        "--until",
        "2026-03-20",
    ])
    .ok();
    kit.run(&["pause", &v, "--reason", "kurs", "--from", "2026-07-01"])
        .ok();
    let ended = kit
        .run(&[
            "end",
            &v,
            "--date",
            "2026-05-31",
            "--reason",
            "volunteer_request",
        ])
        .ok();
    assert!(
        ended
            .stdout
            .contains("the break from 2026-07-01 would begin after her last day: dropped"),
        "{}",
        ended.stdout
    );
    kit.run(&["check"]).ok();
    let file = kit.read(&format!("volunteers/{v}.toml"));
    assert!(
        file.contains("2026-03-10")
            && !file.contains("from = \"2026-07-01\"")
            && !file.contains("from = 2026-07-01"),
        "{file}"
    );
}
