//! The genomförandeplan (SOSFS 2014:5 as amended by HSLF-FS 2016:89): goals from the decision,
//! activities (what, who, when), printed for the client to go through and sign.

mod common;

use common::Kit;

#[test]
fn a_plan_is_made_for_an_agreed_assignment_and_prints() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(1);
    let proposal = kit.run(&["match", "propose", &c, &v]).id();
    kit.run(&["plan", &proposal, "--goal", "Bryta isolering"])
        .refused(1, "no agreement");
    let a = kit.agreed(2, "2026-03-01");
    kit.run(&["plan", &a, "--goal", " "])
        .refused(2, "at least one goal");
    kit.run(&[
        "plan",
        &a,
        "--goal",
        "x",
        "--activity",
        "fika | kontaktpersonen",
    ])
    .refused(2, "WHAT | WHO | WHEN");
    let out = kit
        .run(&[
            "--lang",
            "sv",
            "plan",
            &a,
            "--goal",
            "Bryta isolering",
            "--goal",
            "Komma ut i naturen",
            "--activity",
            "Fika och promenad | kontaktpersonen och klienten | varje torsdag",
            "--by",
            "Eva Handläggare",
        ])
        .ok()
        .stdout;
    assert!(out.contains("2 mål och 1 aktivitet"), "{out}");
    let p = &kit.json(&["show", &a])["plan"];
    assert_eq!(p["goals"][1], "Komma ut i naturen", "{p}");
    assert_eq!(p["activities"][0]["when"], "varje torsdag");
    let doc = kit.run(&["plan", &a, "--print"]).ok().stdout;
    for needle in [
        "# Genomförandeplan",
        "## Mål (från beslutet)",
        "- Bryta isolering",
        "| Fika och promenad | kontaktpersonen och klienten | varje torsdag |",
        "Handläggare: Eva Handläggare",
        "följs upp tillsammans med beslutet, senast",
    ] {
        assert!(doc.contains(needle), "{needle} not in {doc}");
    }
    let en = kit
        .run(&["--lang", "en", "plan", &a, "--print", "--format", "html"])
        .ok()
        .stdout;
    assert!(
        en.contains("Implementation plan") && en.contains("<html lang=\"en\">"),
        "{en}"
    );
    kit.run(&["check"]).ok();
}

/// The plan names the client's responsible handläggare as the official who signs, not
/// whoever typed the plan in; without one on file, whoever recorded it.
#[test]
fn the_plan_is_signed_by_the_clients_handler() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    let client = kit.json(&["show", &a])["client"]
        .as_str()
        .unwrap()
        .to_string();
    kit.run(&[
        "plan",
        &a,
        "--goal",
        "Bryta isolering",
        "--by",
        "Assistent Ada",
    ])
    .ok();
    let doc = kit.run(&["plan", &a, "--print"]).ok().stdout;
    assert!(doc.contains("Assistent Ada"), "{doc}");
    kit.run(&["update", &client, "--handler", "Eva Handläggare"])
        .ok();
    let doc = kit.run(&["plan", &a, "--print"]).ok().stdout;
    assert!(
        doc.contains("Eva Handläggare") && !doc.contains("Assistent Ada"),
        "{doc}"
    );
}
