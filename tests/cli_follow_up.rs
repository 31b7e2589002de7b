//! A follow-up with a structured outcome: goals met or not, what the client and the volunteer
//! say, and what happens next, instead of a note only.

mod common;

use common::Kit;

#[test]
fn a_follow_up_records_its_outcome_and_says_what_comes_next() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    let c = kit.json(&["show", &a])["client"]
        .as_str()
        .unwrap()
        .to_string();
    kit.today = "2026-08-20".into();
    kit.run(&[
        "screen",
        "client",
        &c,
        "--follow-up",
        "2026-08-20",
        "--goals",
        "met",
    ])
    .refused(2, "--next");
    let out = kit
        .run(&[
            "screen",
            "client",
            &c,
            "--follow-up",
            "2026-08-20",
            "--goals",
            "delvis",
            "--client-view",
            "Vill fortsätta träffas",
            "--volunteer-view",
            "Bra kontakt",
            "--next",
            "avsluta",
        ])
        .ok()
        .stdout;
    assert!(out.contains("kontakt end"), "{out}");
    let d = &kit.json(&["show", &c])["decisions"][0];
    assert_eq!(d["followed_up"][0], "2026-08-20", "{d}");
    let f = &d["follow_ups"][0];
    assert_eq!(f["goals"], "partly");
    assert_eq!(f["next"], "end");
    assert_eq!(f["client_view"], "Vill fortsätta träffas");
    let sv = kit.run(&["--lang", "sv", "show", &c]).ok().stdout;
    assert!(
        sv.contains("Uppföljningar") && sv.contains("delvis") && sv.contains("avslutas"),
        "{sv}"
    );
    // A follow-up without an outcome is still a follow-up.
    kit.today = "2026-09-01".into();
    kit.run(&[
        "screen",
        "client",
        &c,
        "--follow-up",
        "2026-09-01",
        "--note",
        "Samtal",
    ])
    .ok();
    assert_eq!(
        kit.json(&["show", &c])["decisions"][0]["follow_ups"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    kit.run(&["check"]).ok();
}

/// A follow-up of a decision already closed: one held before the closure is recorded, with no
/// next one and no hint to end what has ended; one after the closure is outside the decision.
#[test]
fn a_closed_decision_gets_no_next_follow_up_and_none_after_its_closure() {
    let mut kit = Kit::new();
    kit.today = "2026-01-25".into();
    let (c, _) = kit.ready_pair(0);
    kit.today = "2026-08-01".into();
    kit.run(&[
        "end",
        &c,
        "--date",
        "2026-07-15",
        "--reason",
        "goal_reached",
        "--note",
        "målen nådda",
    ])
    .ok();
    let out = kit
        .run(&[
            "screen",
            "client",
            &c,
            "--follow-up",
            "2026-07-10",
            "--goals",
            "uppnådda",
            "--next",
            "avslutas",
        ])
        .ok()
        .stdout;
    assert!(
        out.contains("the decision is closed") && !out.contains("kontakt end"),
        "{out}"
    );
    kit.run(&["screen", "client", &c, "--follow-up", "2026-07-20"])
        .refused(1, "outside the decision's period");
    let due = kit.json(&["due", "--all"]);
    assert!(
        !due.as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == c.as_str() && d["what"] == "follow-up"),
        "{due}"
    );
}
