//! The written decision (Förvaltningslagen 2017:900): what was applied for is recorded, a
//! decision granting less needs its reasons and tells the client how to appeal within three
//! weeks, and an appeal goes received → reconsidered → forwarded → judgment, with `due` naming
//! one not forwarded in time.

mod common;

use common::{Kit, pnr_born};

/// A client who applied on 2026-01-20 for a kontaktperson once a week; today 2026-02-10.
fn applicant(kit: &mut Kit) -> String {
    kit.today = "2026-02-10".into();
    kit.run(&[
        "apply",
        "client",
        "--name",
        "Sökande Test",
        "--pnr",
        &pnr_born(1985, 1),
        "--meetings",
        "1/week",
        "--applied",
        "2026-01-20",
    ])
    .id()
}

fn grant(kit: &Kit, c: &str, meetings: &str, extra: &[&str]) -> common::Ran {
    let mut args = vec![
        "screen",
        "client",
        c,
        "--grant",
        "--from",
        "2026-03-01",
        "--to",
        "2026-12-31",
        "--meetings",
        meetings,
        "--by",
        "Eva Beslutsfattare",
    ];
    args.extend(extra);
    kit.run(&args)
}

#[test]
fn a_partial_denial_needs_its_reasons_and_says_how_to_appeal() {
    let mut kit = Kit::new();
    let c = applicant(&mut kit);
    assert_eq!(
        kit.json(&["show", &c])["applied_meetings"],
        "1/week",
        "what was applied for is on file"
    );
    grant(&kit, &c, "2/month", &[]).refused(1, "less than applied for");
    grant(
        &kit,
        &c,
        "2/month",
        &["--reason", "Två träffar i månaden motsvarar behovet."],
    )
    .ok();
    kit.today = "2026-02-12".into();
    kit.run(&["screen", "client", &c, "--notified", "2026-02-13"])
        .refused(1, "after today");
    kit.run(&["screen", "client", &c, "--notified", "2026-02-12"])
        .ok();
    let doc = kit
        .run(&["screen", "client", &c, "--print", "decision"])
        .ok()
        .stdout;
    for needle in [
        "Beslut om kontaktperson",
        "beviljas delvis",
        "Sökt: kontaktperson 1/vecka",
        "Två träffar i månaden motsvarar behovet.",
        "Hur man överklagar",
        "inom tre veckor",
        "senast 2026-03-05",
        "Eva Beslutsfattare",
        "SoL",
    ] {
        assert!(doc.contains(needle), "{needle} not in {doc}");
    }
    assert!(!doc.contains(&pnr_born(1985, 1)), "the number is masked");
    let en = kit
        .run(&[
            "--lang", "en", "screen", "client", &c, "--print", "decision",
        ])
        .ok()
        .stdout;
    assert!(
        en.contains("is granted in part") && en.contains("How to appeal"),
        "{en}"
    );
}

#[test]
fn a_decision_granting_in_full_gives_no_appeal_instructions_and_a_denial_does() {
    let mut kit = Kit::new();
    let c = applicant(&mut kit);
    grant(&kit, &c, "1/week", &[]).ok();
    let doc = kit
        .run(&[
            "screen", "client", &c, "--print", "decision", "--format", "html",
        ])
        .ok()
        .stdout;
    assert!(
        doc.contains("<html lang=\"sv\">") && doc.contains("beviljas."),
        "{doc}"
    );
    assert!(!doc.contains("Hur man överklagar"), "{doc}");
    assert!(
        doc.contains("tidsbegränsat till 2026-12-31"),
        "a time limit says why"
    );
    let mut kit = Kit::new();
    let c = applicant(&mut kit);
    kit.run(&[
        "screen",
        "client",
        &c,
        "--deny",
        "Behovet tillgodoses genom annan insats",
    ])
    .ok();
    let doc = kit
        .run(&["screen", "client", &c, "--print", "decision"])
        .ok()
        .stdout;
    assert!(
        doc.contains("avslås") && doc.contains("Hur man överklagar"),
        "{doc}"
    );
    assert!(doc.contains("Behovet tillgodoses genom annan insats"));
}

#[test]
fn an_appeal_is_received_reconsidered_forwarded_and_judged_in_that_order() {
    let mut kit = Kit::new();
    let c = applicant(&mut kit);
    kit.run(&["screen", "client", &c, "--deny", "Inget behov"])
        .ok();
    kit.run(&["screen", "client", &c, "--appeal-forwarded", "2026-02-10"])
        .refused(1, "no appeal");
    kit.today = "2026-02-20".into();
    let r = kit
        .run(&["screen", "client", &c, "--appeal-received", "2026-02-20"])
        .ok();
    assert!(
        !r.stderr.contains("after the three weeks"),
        "in time: {}",
        r.stderr
    );
    kit.run(&["screen", "client", &c, "--appeal-received", "2026-02-20"])
        .refused(1, "already appealed");
    // Not forwarded within the seven days kontakt.toml gives: `due` says so.
    kit.today = "2026-03-02".into();
    let due = kit.json(&["due"]);
    let item = due
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["what"] == "appeal to forward")
        .unwrap_or_else(|| panic!("{due}"))
        .clone();
    assert_eq!(item["date"], "2026-02-27");
    assert_eq!(item["id"], c.as_str());
    kit.run(&[
        "screen",
        "client",
        &c,
        "--appeal-judgment",
        "2026-03-02",
        "--note",
        "x",
    ])
    .refused(1, "never forwarded");
    kit.run(&[
        "screen",
        "client",
        &c,
        "--appeal-reconsidered",
        "2026-02-25",
    ])
    .ok();
    kit.run(&["screen", "client", &c, "--appeal-forwarded", "2026-03-01"])
        .ok();
    assert!(
        !kit.json(&["due"])
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["what"] == "appeal to forward")
    );
    kit.run(&[
        "screen",
        "client",
        &c,
        "--appeal-judgment",
        "2026-03-02",
        "--note",
        "Förvaltningsrätten avslår överklagandet",
    ])
    .ok();
    let a = &kit.json(&["show", &c])["decisions"][0]["appeal"];
    assert_eq!(a["received"], "2026-02-20", "{a}");
    assert_eq!(a["reconsidered"], "2026-02-25");
    assert_eq!(a["forwarded"], "2026-03-01");
    assert_eq!(
        a["judgment"]["outcome"],
        "Förvaltningsrätten avslår överklagandet"
    );
    let shown = kit.run(&["--lang", "sv", "show", &c]).ok().stdout;
    assert!(shown.contains("Överklagande av beslutet"), "{shown}");
    kit.run(&["check"]).ok();
}

#[test]
fn a_decision_changed_on_reconsideration_is_not_forwarded() {
    let mut kit = Kit::new();
    let c = applicant(&mut kit);
    kit.run(&["screen", "client", &c, "--deny", "Inget behov"])
        .ok();
    kit.today = "2026-03-10".into();
    let r = kit
        .run(&["screen", "client", &c, "--appeal-received", "2026-03-10"])
        .ok();
    assert!(
        r.stderr
            .contains("after the three weeks (the last day was 2026-03-03)"),
        "{}",
        r.stderr
    );
    kit.run(&[
        "screen",
        "client",
        &c,
        "--appeal-reconsidered",
        "2026-03-10",
        "--changed",
    ])
    .ok();
    kit.run(&["screen", "client", &c, "--appeal-forwarded", "2026-03-10"])
        .refused(1, "nothing to forward");
    kit.today = "2026-04-01".into();
    assert!(
        !kit.json(&["due"])
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["what"] == "appeal to forward")
    );
}

/// A decision that grants all that was applied for goes against no one: an appeal of it is
/// refused. And the steps keep the law's order: no reconsideration after the appeal went to
/// the court.
#[test]
fn a_full_grant_is_not_appealed_and_steps_keep_their_order() {
    let mut kit = Kit::new();
    let c = applicant(&mut kit);
    grant(&kit, &c, "1/week", &[]).ok();
    kit.today = "2026-02-20".into();
    let before = kit.snapshot();
    kit.run(&["screen", "client", &c, "--appeal-received", "2026-02-20"])
        .refused(
            1,
            "grants in full what was applied for: there is nothing to appeal",
        );
    assert_eq!(kit.snapshot(), before);

    let other = {
        kit.today = "2026-02-10".into();
        kit.run(&[
            "apply",
            "client",
            "--name",
            "Annan Test",
            "--pnr",
            &pnr_born(1984, 1),
            "--meetings",
            "2/week",
            "--applied",
            "2026-01-20",
        ])
        .id()
    };
    grant(
        &kit,
        &other,
        "1/week",
        &["--reason", "En träff i veckan räcker"],
    )
    .ok();
    kit.today = "2026-03-05".into();
    for step in [
        ["--appeal-received", "2026-02-20"],
        ["--appeal-forwarded", "2026-03-01"],
    ] {
        kit.run(&["screen", "client", &other, step[0], step[1]])
            .ok();
    }
    kit.run(&[
        "screen",
        "client",
        &other,
        "--appeal-reconsidered",
        "2026-03-02",
    ])
    .refused(
        1,
        "forwarded to the court on 2026-03-01: a reconsideration comes before that",
    );
}

/// A reason typed without its full stop still ends its sentence before the next begins.
#[test]
fn a_reason_typed_without_a_full_stop_is_its_own_sentence() {
    let mut kit = Kit::new();
    let c = applicant(&mut kit);
    grant(
        &kit,
        &c,
        "2/month",
        &["--reason", "två träffar i månaden motsvarar behovet"],
    )
    .ok();
    let doc = kit
        .run(&["screen", "client", &c, "--print", "decision"])
        .ok()
        .stdout;
    assert!(
        doc.contains("två träffar i månaden motsvarar behovet. Beslutet är tidsbegränsat"),
        "{doc}"
    );
}
