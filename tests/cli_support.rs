//! Support to volunteers (SKR's guidance on kontaktpersoner; municipal routines: closer support
//! in the first year): contacts recorded, and `due` naming a volunteer in an assignment without
//! one for `support_days` (`support_days_first_year` in her first year).

mod common;

use common::Kit;

fn support_due(kit: &Kit) -> Vec<(String, String)> {
    kit.json(&["due", "--within", "400"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["what"] == "support contact")
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_string(),
                d["date"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_volunteer_in_an_assignment_is_due_for_support_closer_in_her_first_year() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    let v = kit.volunteer_of(&a);
    kit.today = "2026-03-20".into();
    assert_eq!(support_due(&kit), vec![(v.clone(), "2026-03-31".into())]);
    kit.run(&["support", &v, "--kind", "samtal", "--date", "2026-03-21"])
        .refused(2, "after today");
    kit.run(&["support", &v, "--kind", "telefon", "--note", "Går bra"])
        .ok();
    assert_eq!(support_due(&kit), vec![(v.clone(), "2026-04-19".into())]);
    // After her first year: 90 days.
    kit.today = "2027-04-01".into();
    kit.run(&["support", &v, "--kind", "group"]).ok();
    assert_eq!(support_due(&kit), vec![(v.clone(), "2027-06-30".into())]);
    let shown = kit.run(&["--lang", "sv", "show", &v]).ok().stdout;
    assert!(
        shown.contains("Stöd") && shown.contains("telefon") && shown.contains("Går bra"),
        "{shown}"
    );
    kit.run(&["check"]).ok();
}

#[test]
fn no_support_is_due_without_an_assignment_in_force() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (_, v) = kit.ready_pair(1);
    assert!(support_due(&kit).is_empty());
    kit.run(&["support", &v, "--kind", "visit", "--date", "2026-02-01"])
        .ok();
    assert_eq!(kit.json(&["show", &v])["support"][0]["kind"], "visit");
}

/// A support contact is dated between her application and today: `support` refuses another
/// day, and `check` names one typed into the file (E006), by the same rule.
#[test]
fn a_support_contact_dated_ahead_or_before_she_applied_is_found_in_a_file_too() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (_, v) = kit.ready_pair(1);
    let applied = kit.json(&["show", &v])["applied"]
        .as_str()
        .unwrap()
        .to_string();
    kit.run(&["support", &v, "--kind", "phone", "--date", "2026-03-02"])
        .refused(2, "2026-03-02 is after today");
    kit.run(&["support", &v, "--kind", "phone", "--date", "2020-01-01"])
        .refused(1, &format!("2020-01-01 is before {v} applied ({applied})"));
    kit.run(&["check"]).ok();
    let path = kit.dir.join(format!("volunteers/{v}.toml"));
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[[support]]\ndate = \"2020-01-01\"\nkind = \"phone\"\n");
    text.push_str("\n[[support]]\ndate = \"2026-03-02\"\nkind = \"visit\"\n");
    std::fs::write(&path, &text).unwrap();
    let out = kit.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    for (i, said) in [
        (0, format!("2020-01-01 is before {v} applied")),
        (1, "2026-03-02 is after today".to_string()),
    ] {
        assert!(
            out.stdout.contains(&format!(
                "E006 field `support[{i}].date`: support contact: {said}"
            )),
            "{}",
            out.stdout
        );
    }
    let sv = kit.run(&["--lang", "sv", "check"]);
    assert!(
        sv.stdout.contains("stödkontakt: 2026-03-02 är efter i dag"),
        "{}",
        sv.stdout
    );
}
