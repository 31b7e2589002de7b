//! Screening that means what it says: steps typed with a refused approval are kept, a referee
//! counts once, a referee's concern stops approval until it is answered with a reason, and
//! what staff should know as it happens is said (too young, an interview before the
//! application, the same person as client and volunteer).

mod common;

use common::{Kit, pnr_born};

fn volunteer(kit: &Kit, pnr: &str) -> common::Ran {
    kit.run(&[
        "apply",
        "volunteer",
        "--name",
        "Vera Volontär",
        "--pnr",
        pnr,
        "--applied",
        "2026-09-01",
    ])
}

fn screening(kit: &Kit, v: &str) -> serde_json::Value {
    kit.json(&["show", v])["screening"].clone()
}

#[test]
fn a_refused_approval_keeps_the_steps_typed_with_it() {
    let kit = Kit::new();
    let v = volunteer(&kit, &pnr_born(1980, 1)).id();
    let r = kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--interview",
        "2026-09-10",
        "--reference",
        "Anna Ref:ok",
        "--police-extract",
        "2026-09-05",
        "--approve",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("approval refused"), "{}", r.stderr);
    assert!(r.stderr.contains("1 of 2 references"), "{}", r.stderr);
    assert!(r.stderr.contains("social register"), "{}", r.stderr);
    assert!(
        !r.stderr.contains("interview"),
        "the interview is done: {}",
        r.stderr
    );
    let s = screening(&kit, &v);
    assert_eq!(s["interview"], "2026-09-10", "{s}");
    assert_eq!(s["police_extract"], "2026-09-05");
    assert_eq!(s["references"].as_array().unwrap().len(), 1);
    assert_eq!(s["approved"], serde_json::Value::Null);
    // Only an approval, still refused: nothing is written.
    let before = kit.snapshot();
    kit.run(&["screen", "volunteer", &v, "--approve"])
        .refused(1, "1 of 2 references");
    assert!(before == kit.snapshot(), "nothing written");
    kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--reference",
        "Bo Ref:ok",
        "--social-register",
        "2026-09-06",
        "--approve",
    ])
    .ok();
    assert_eq!(kit.json(&["show", &v])["status"], "approved");
}

#[test]
fn the_same_referee_counts_once() {
    let kit = Kit::new();
    let v = volunteer(&kit, &pnr_born(1980, 1)).id();
    kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--reference",
        "Anna Ref:ok",
        "--reference",
        " anna ref :ok",
    ])
    .refused(2, "named twice");
    for name in ["Anna Ref:ok", "ANNA REF:ok"] {
        kit.run(&["screen", "volunteer", &v, "--reference", name])
            .ok();
    }
    kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--interview",
        "2026-09-10",
        "--police-extract",
        "2026-09-05",
        "--social-register",
        "2026-09-06",
        "--approve",
    ])
    .refused(1, "1 of 2 references");
}

#[test]
fn a_concern_stops_approval_until_it_is_answered() {
    let mut kit = Kit::new();
    let v = volunteer(&kit, &pnr_born(1980, 1)).id();
    let all = [
        "--interview",
        "2026-09-10",
        "--police-extract",
        "2026-09-05",
        "--social-register",
        "2026-09-06",
        "--reference",
        "Anna Ref:ok",
        "--reference",
        "Bo Ref:bra",
        "--reference",
        "Cilla Ref:oro",
    ];
    let mut args = vec!["screen", "volunteer", v.as_str()];
    args.extend(all);
    args.push("--approve");
    let r = kit.run(&args);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("Cilla Ref"), "{}", r.stderr);
    assert!(r.stderr.contains("--despite-concern"), "{}", r.stderr);
    let shown = kit.run(&["show", &v]).ok().stdout;
    assert!(shown.contains("Cilla Ref (2026-11-24)"), "{shown}");
    assert_eq!(kit.json(&["stats"])["concerns_open"], 1);
    kit.run(&["screen", "volunteer", &v, "--despite-concern", "x"])
        .refused(2, "--approve");
    kit.today = "2026-11-25".into();
    kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--approve",
        "--despite-concern",
        "Samtal med Cilla: oron gällde en annan person",
    ])
    .ok();
    let s = screening(&kit, &v);
    assert_eq!(s["approved"], "2026-11-25");
    assert_eq!(
        s["approved_despite"],
        "Samtal med Cilla: oron gällde en annan person"
    );
    let stats = kit.json(&["stats"]);
    assert_eq!(stats["concerns_open"], 0, "{stats}");
    assert_eq!(stats["approved_despite_concern"], 1);
    let shown = kit.run(&["show", &v]).ok().stdout;
    assert!(shown.contains("oron gällde en annan person"), "{shown}");
}

/// A concern is answered by staff, with the reason, not by the same referee recorded again as
/// `ok`: a second entry must not erase the first (issue 16: a concern blocks approval until
/// someone approves with a reason). Staff are told the referee was on file.
#[test]
fn a_referee_called_again_with_a_good_word_does_not_erase_her_concern() {
    let kit = Kit::new();
    let v = volunteer(&kit, &pnr_born(1980, 1)).id();
    kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--reference",
        "Cilla Ref:concern",
    ])
    .ok();
    let steps = [
        "screen",
        "volunteer",
        &v,
        "--interview",
        "2026-09-10",
        "--police-extract",
        "2026-09-05",
        "--social-register",
        "2026-09-06",
        "--reference",
        "Anna Ref:ok",
        "--reference",
        "cilla ref:ok",
        "--approve",
    ];
    let r = kit.run(&steps);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("--despite-concern"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("Cilla Ref was recorded as a referee before"),
        "{}",
        r.stderr
    );
    assert_eq!(kit.json(&["show", &v])["status"], "screening");
    kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--approve",
        "--despite-concern",
        "hon tog tillbaka oron efter samtal",
    ])
    .ok();
    assert_eq!(kit.json(&["stats"])["approved_despite_concern"], 1);
}

#[test]
fn what_staff_should_know_is_said_when_it_happens() {
    let kit = Kit::new();
    // 16 years old on the day she applies.
    let young = volunteer(&kit, &pnr_born(2010, 1));
    assert_eq!(young.code, 0);
    assert!(
        young.stderr.contains("under the minimum age of 18"),
        "{}",
        young.stderr
    );
    // An interview dated before the application.
    let v = young.id();
    let r = kit
        .run(&["screen", "volunteer", &v, "--interview", "2026-08-20"])
        .ok();
    assert!(r.stderr.contains("before the application"), "{}", r.stderr);
    // The same person as client and volunteer.
    let pnr = pnr_born(1985, 2);
    kit.run(&[
        "apply",
        "client",
        "--name",
        "Dubbel Roll",
        "--pnr",
        &pnr,
        "--applied",
        "2026-09-01",
    ])
    .ok();
    let both = volunteer(&kit, &pnr);
    assert_eq!(both.code, 0, "a warning, not a refusal");
    assert!(
        both.stderr.contains("on file as a client"),
        "{}",
        both.stderr
    );
    let sv = kit
        .run(&[
            "--lang",
            "sv",
            "apply",
            "volunteer",
            "--name",
            "Ung",
            "--pnr",
            &pnr_born(2010, 2),
        ])
        .ok();
    assert!(
        sv.stderr.contains("varning:") && sv.stderr.contains("lägsta åldern"),
        "{}",
        sv.stderr
    );
}

#[test]
fn an_extract_dated_after_the_start_is_refused_at_the_agreement() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(1);
    let a = kit.run(&["match", "propose", &c, &v]).id();
    // The pair's extract is of 2026-01-15; an agreement from before it is refused.
    let mut args = vec!["agree", a.as_str(), "--start", "2026-01-10"];
    args.extend(common::USUAL_TERMS);
    let r = kit.run(&args);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr.contains("dated 2026-01-15, after 2026-01-10"),
        "{}",
        r.stderr
    );
}

/// An approved volunteer is not rejected after the fact (approved and rejected both is what
/// check refuses): she stops serving by leaving, her assignment ending with it.
#[test]
fn an_approved_volunteer_leaves_rather_than_is_rejected() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    let v = kit.volunteer_of(&a);
    kit.today = "2026-04-10".into();
    kit.run(&["screen", "volunteer", &v, "--reject", "ny uppgift"])
        .refused(1, "kontakt end");
    kit.run(&["end", &v, "--date", "2026-04-10", "--reason", "other"])
        .ok();
    kit.run(&["check"]).ok();
    assert_eq!(kit.json(&["show", &a])["ended"]["date"], "2026-04-10");
}
