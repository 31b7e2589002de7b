//! Matching end to end: suggestions that explain themselves, hard rules, the optimal plan for the
//! whole waiting list, proposals and declines.
mod common;

use common::{Kit, pnr_born};
use serde_json::Value;

fn ids(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn suggestions_explain_their_scores_and_count_what_the_rules_left_out() {
    let kit = Kit::demo();
    let waiting = kit.json(&["match", "auto", "--dry-run"]);
    let client = waiting["pairs"][0]["client"].as_str().unwrap().to_string();
    let s = kit.json(&["match", "suggest", &client]);
    let list = s.as_array().unwrap();
    assert!(!list.is_empty());
    let mut last = i64::MAX;
    for c in list {
        let total = c["score"].as_i64().unwrap();
        let sum: i64 = c["components"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_i64().unwrap())
            .sum();
        assert_eq!(sum, total, "components sum to the score: {c}");
        assert!(total <= last, "best first");
        last = total;
    }
    let table = kit
        .run(&["match", "suggest", &client, "--top", "2"])
        .ok()
        .stdout;
    assert!(
        table.contains("interests") && table.contains("Left out by a hard rule"),
        "{table}"
    );
    assert_eq!(
        kit.json(&["match", "suggest", &client, "--top", "1"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn each_hard_rule_excludes_what_it_should() {
    let kit = Kit::new();
    let (c, v) = kit.ready_pair(0);
    let why = kit.json(&["match", "suggest", &c, "--why-not", &v]);
    assert_eq!(why["excluded_by"], serde_json::json!([]), "{why}");
    // A man when the client wishes for a woman; no shared language; not approved.
    let man = kit
        .run(&[
            "apply",
            "volunteer",
            "--name",
            "M Test",
            "--pnr",
            &pnr_born(1981, 1),
            "--languages",
            "fi",
        ])
        .id();
    let why = kit.json(&["match", "suggest", &c, "--why-not", &man]);
    let rules: Vec<&str> = why["excluded_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"not_approved") && rules.contains(&"no_shared_language"),
        "{rules:?}"
    );
    assert!(rules.contains(&"police_extract_too_old"), "{rules:?}");
    let wish = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "K Test",
            "--pnr",
            &pnr_born(1992, 5),
            "--wants-gender",
            "female",
        ])
        .id();
    kit.cmd(&format!(
        "screen client {wish} --grant --from 2026-02-01 --to 2027-01-31"
    ))
    .ok();
    let sex_digit = pnr_born(1980, 0).as_bytes()[11] - b'0';
    let why = kit.json(&["match", "suggest", &wish, "--why-not", &v]);
    let excluded = why["excluded_by"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "gender_wish");
    assert_eq!(
        excluded,
        sex_digit % 2 == 1,
        "the gender wish follows the personnummer: {why}"
    );
    // An extract that has grown too old by the day of matching.
    let mut late = Kit::new();
    let (c2, v2) = late.ready_pair(1);
    late.today = "2027-01-20".into();
    let why = late.json(&["match", "suggest", &c2, "--why-not", &v2]);
    assert_eq!(
        why["excluded_by"],
        serde_json::json!(["police_extract_too_old"]),
        "{why}"
    );
}

#[test]
fn auto_is_deterministic_keeps_capacities_and_creates_proposals() {
    let kit = Kit::demo();
    let first = kit.json(&["match", "auto", "--dry-run"]);
    let second = kit.json(&["match", "auto", "--dry-run"]);
    assert_eq!(first, second);
    let total: i64 = first["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["score"].as_i64().unwrap())
        .sum();
    assert_eq!(first["total_score"].as_i64(), Some(total));
    let by_score = kit.json(&["match", "auto", "--dry-run", "--objective", "score"]);
    assert!(by_score["total_score"].as_i64() >= first["total_score"].as_i64());
    let before = kit.snapshot();
    kit.run(&["match", "auto", "--dry-run"]).ok();
    assert_eq!(kit.snapshot(), before, "a dry run writes nothing");
    let made = kit.json(&["match", "auto"]);
    let created = made["created"].as_array().unwrap().len();
    assert_eq!(created, first["pairs"].as_array().unwrap().len());
    // Everyone matched is no longer waiting; capacities still hold.
    let again = kit.json(&["match", "auto", "--dry-run"]);
    let still: Vec<String> = ids(&again["pairs"], "client");
    for p in ids(&first["pairs"], "client") {
        assert!(!still.contains(&p), "{p} was proposed and still waits");
    }
    kit.run(&["check"]).ok();
}

#[test]
fn a_full_volunteer_is_not_offered_and_a_declined_pair_never_again() {
    let kit = Kit::new();
    let (c, v) = kit.ready_pair(0);
    let a = kit
        .run(&["match", "propose", &c, &v, "--note", "båda gillar fotboll"])
        .id();
    assert!(a.starts_with("A-"));
    kit.run(&["match", "propose", &c, &v])
        .refused(1, "not waiting");
    kit.run(&[
        "match",
        "decline",
        &a,
        "--by",
        "client",
        "--reason",
        "kemin stämde inte",
    ])
    .ok();
    kit.run(&["match", "decline", &a, "--by", "client", "--reason", "igen"])
        .refused(1, "declined");
    let s = kit.json(&["match", "suggest", &c]);
    assert!(
        !ids(&s, "volunteer").contains(&v),
        "a declined pair is never suggested again"
    );
    // Refused with the reason in words and the way on, not an internal code.
    let r = kit.run(&["match", "propose", &c, &v]).refused(
        1,
        "this pair was declined, or their assignment broken off, before",
    );
    assert!(
        // The way on is the hint line, with the command to type for this pair.
        r.stderr.lines().any(|l| l.starts_with("hint:")
            && l.contains(&format!("kontakt match propose {c} {v} --again REASON")))
            && !r
                .stderr
                .lines()
                .any(|l| l.starts_with("error:") && l.contains("--again"))
            && !r.stderr.contains("declined_before"),
        "{}",
        r.stderr
    );
    kit.run(&["match", "decline", &a, "--by", "robot", "--reason", "x"])
        .refused(2, "--by");
    // A decline is not for ever: proposed again with a reason, kept in the history.
    let again = kit
        .run(&[
            "match",
            "propose",
            &c,
            &v,
            "--again",
            "ny termin, nya tider",
        ])
        .id();
    let text = kit.read(&format!("assignments/{again}.toml"));
    assert!(
        text.contains("proposed again after a decline") && text.contains("ny termin, nya tider"),
        "{text}"
    );
    kit.run(&[
        "match",
        "decline",
        &again,
        "--by",
        "client",
        "--reason",
        "fortfarande nej",
    ])
    .ok();
    // Capacity 2: two other clients fill the volunteer; a third client is not offered them.
    let (c2, _) = kit.ready_pair(1);
    let (c3, _) = kit.ready_pair(2);
    kit.run(&["match", "propose", &c2, &v]).ok();
    kit.run(&["match", "propose", &c3, &v]).ok();
    let (c4, _) = kit.ready_pair(3);
    let why = kit.json(&["match", "suggest", &c4, "--why-not", &v]);
    assert_eq!(
        why["excluded_by"],
        serde_json::json!(["no_free_capacity"]),
        "{why}"
    );
    kit.run(&["match", "propose", &c4, &v])
        .refused(1, "has no free place");
}
