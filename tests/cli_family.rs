//! A kontaktfamilj screened and matched as a household: every adult cleared in the registers and
//! the home visited before approval; matched only with a client granted a kontaktfamilj, of an
//! age the family takes, while every adult's police extract is young enough.

mod common;

use common::{Kit, pnr_born};

/// A family applying, with the applicant's own screening done (interview, two references, her
/// police and social register checks).
fn family(kit: &Kit, nth: usize, ages: &str) -> String {
    let v = kit
        .run(&[
            "apply",
            "volunteer",
            "--name",
            "Helena Familj",
            "--pnr",
            &pnr_born(1980, nth),
            "--offers",
            "kontaktfamilj",
            "--takes-ages",
            ages,
            "--languages",
            "sv",
            "--capacity",
            "2",
            "--applied",
            "2026-01-05",
        ])
        .id();
    kit.cmd(&format!(
        "screen volunteer {v} --interview 2026-01-20 --reference Ref:ok --reference Två:ok --police-extract 2026-01-15 --social-register 2026-01-16"
    ))
    .ok();
    v
}

fn client(kit: &Kit, nth: usize, born: i32, insats: &str) -> String {
    let c = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Barn Test",
            "--pnr",
            &pnr_born(born, nth),
            "--languages",
            "sv",
            "--insats",
            insats,
            "--applied",
            "2026-01-10",
        ])
        .id();
    kit.cmd(&format!(
        "screen client {c} --grant --from 2026-02-01 --to 2027-01-31 --guardian-consent 2026-01-20"
    ))
    .ok();
    c
}

fn excluded_by(kit: &Kit, c: &str, v: &str) -> Vec<String> {
    let why = kit.json(&["match", "suggest", c, "--why-not", v]);
    why["excluded_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_family_is_approved_only_when_every_adult_is_cleared_and_the_home_visited() {
    let kit = Kit::new();
    let v = family(&kit, 1, "0-12");
    kit.cmd(&format!("screen volunteer {v} --adult Per")).ok();
    let r = kit.run(&["screen", "volunteer", &v, "--approve"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for missing in [
        "no home visit recorded",
        "Per: no police-register extract recorded",
        "Per: the social register check is not recorded",
    ] {
        assert!(r.stderr.contains(missing), "{missing:?} in {}", r.stderr);
    }
    // The steps typed with a refused approval are kept; the adult's checks are the adult's.
    let r = kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--adult",
        "per",
        "--police-extract",
        "2026-01-18",
        "--home-visit",
        "2026-01-25",
        "--approve",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("Per: the social register") && !r.stderr.contains("home visit"),
        "{}",
        r.stderr
    );
    let shown = kit.json(&["show", &v]);
    let h = &shown["household"];
    assert_eq!(h["home_visit"], "2026-01-25", "{shown}");
    assert_eq!(h["adults"].as_array().unwrap().len(), 1, "{shown}");
    assert_eq!(h["adults"][0]["police_extract"], "2026-01-18");
    assert_eq!(
        shown["screening"]["police_extract"], "2026-01-15",
        "the applicant's own extract is untouched: {shown}"
    );
    kit.cmd(&format!(
        "screen volunteer {v} --adult Per --social-register 2026-01-19 --approve"
    ))
    .ok();
    assert_eq!(kit.json(&["show", &v])["status"], "approved");
    let table = kit.run(&["show", &v]).ok().stdout;
    assert!(
        table.contains("kontaktfamilj") && table.contains("Per (") && table.contains("0-12"),
        "{table}"
    );
}

#[test]
fn the_municipality_may_ask_for_kronofogden_of_every_adult() {
    let kit = Kit::new();
    let config = kit.dir.join("kontakt.toml");
    let text = std::fs::read_to_string(&config).unwrap().replace(
        "support_days_first_year = 30\n",
        "support_days_first_year = 30\nfamily_registers = [\"kronofogden\"]\n",
    );
    std::fs::write(&config, text).unwrap();
    let v = family(&kit, 2, "0-17");
    let r = kit.cmd(&format!(
        "screen volunteer {v} --adult Per --police-extract 2026-01-18 --social-register 2026-01-18 --home-visit 2026-01-25 --approve"
    ));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("Kronofogden's register is not checked (--kronofogden DATE)")
            && r.stderr
                .contains("Per: Kronofogden's register is not checked"),
        "{}",
        r.stderr
    );
    kit.cmd(&format!("screen volunteer {v} --kronofogden 2026-01-19"))
        .ok();
    kit.cmd(&format!(
        "screen volunteer {v} --adult Per --kronofogden 2026-01-19 --approve"
    ))
    .ok();
}

#[test]
fn household_steps_are_refused_for_a_kontaktperson() {
    let kit = Kit::new();
    let (_, v) = kit.ready_pair(3);
    let before = kit.snapshot();
    kit.cmd(&format!("screen volunteer {v} --home-visit 2026-01-25"))
        .refused(2, "does not offer to be a kontaktfamilj");
    kit.cmd(&format!("screen volunteer {v} --adult Per"))
        .refused(2, "does not offer to be a kontaktfamilj");
    kit.cmd(&format!("screen volunteer {v} --kronofogden 2026-01-25"))
        .refused(2, "does not offer to be a kontaktfamilj");
    assert_eq!(before, kit.snapshot(), "nothing written");
    kit.cmd("apply volunteer --name X --pnr 198001012384 --takes-ages 0-12")
        .refused(2, "give --offers kontaktfamilj too");
}

#[test]
fn a_family_is_matched_with_a_child_granted_one_of_an_age_it_takes() {
    let kit = Kit::new();
    let v = family(&kit, 4, "0-12");
    kit.cmd(&format!(
        "screen volunteer {v} --adult Per --police-extract 2026-01-18 --social-register 2026-01-18 --home-visit 2026-01-25 --approve"
    ))
    .ok();
    let child = client(&kit, 5, 2018, "kontaktfamilj");
    let teen = client(&kit, 6, 2011, "kontaktfamilj");
    let adult = client(&kit, 7, 1990, "kontaktperson");
    assert_eq!(excluded_by(&kit, &child, &v), Vec::<String>::new());
    assert_eq!(excluded_by(&kit, &teen, &v), ["age_not_taken"]);
    assert_eq!(excluded_by(&kit, &adult, &v), ["insats_not_offered"]);
    let (_, person) = kit.ready_pair(8);
    assert_eq!(excluded_by(&kit, &child, &person), ["insats_not_offered"]);
    // The optimal plan pairs the child with the family and no one else with it.
    let plan = kit.json(&["match", "auto", "--dry-run"]);
    let pairs: Vec<(String, String)> = plan["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["client"].as_str().unwrap().to_string(),
                p["volunteer"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(pairs.contains(&(child.clone(), v.clone())), "{plan}");
    assert!(
        pairs.iter().all(|(c, w)| (c == &child) == (w == &v)),
        "{plan}"
    );
    // `due` warns, once she has a client, of the day the other adult's extract grows too old.
    kit.cmd(&format!("match propose {child} {v}")).ok();
    let due = kit.json(&["due", "--within", "400"]);
    let extracts: Vec<(&str, &str)> = due
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["what"] == "police extract expires" && d["id"] == v.as_str())
        .map(|d| (d["date"].as_str().unwrap(), d["detail"].as_str().unwrap()))
        .collect();
    assert_eq!(
        extracts,
        [
            (
                "2027-01-15",
                "a new extract from the police register is needed"
            ),
            (
                "2027-01-18",
                "a new extract from the police register is needed for Per"
            ),
        ],
        "{due}"
    );
    // An adult who moves in is matched only once cleared too.
    kit.cmd(&format!(
        "screen volunteer {v} --adult Eva --police-extract 2026-11-01"
    ))
    .ok();
    assert_eq!(excluded_by(&kit, &child, &v), ["household_not_cleared"]);
    kit.cmd(&format!(
        "screen volunteer {v} --adult Eva --social-register 2026-11-02"
    ))
    .ok();
    assert_eq!(excluded_by(&kit, &child, &v), Vec::<String>::new());
    // A year on, the other adult's extract is too old: the family takes no child home, though
    // Helena, her own extract renewed, may still meet a client as a kontaktperson.
    let mut kit = kit;
    kit.today = "2027-01-10".into();
    kit.cmd(&format!("screen volunteer {v} --police-extract 2027-01-08"))
        .ok();
    kit.today = "2027-01-20".into();
    assert_eq!(
        excluded_by(&kit, &child, &v),
        ["household_not_cleared"],
        "Per's extract of 2026-01-18 is older than 12 months"
    );
}

#[test]
fn an_adult_who_moves_out_is_no_longer_screened() {
    let kit = Kit::new();
    let v = family(&kit, 9, "0-17");
    kit.cmd(&format!(
        "screen volunteer {v} --adult Per --home-visit 2026-01-25"
    ))
    .ok();
    kit.cmd(&format!("screen volunteer {v} --adult-left Pål"))
        .refused(2, "no adult named Pål");
    // The applicant is not another adult of her own home; a name typed with two spaces is
    // the same adult.
    kit.run(&["screen", "volunteer", &v, "--adult", "helena  familj"])
        .refused(2, "is the applicant");
    kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--adult",
        "PER ",
        "--police-extract",
        "2026-01-18",
    ])
    .ok();
    assert_eq!(
        kit.json(&["show", &v])["household"]["adults"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    kit.cmd(&format!("screen volunteer {v} --adult-left per --approve"))
        .ok();
    assert_eq!(kit.json(&["show", &v])["status"], "approved");
}

/// An adult who moves into the home of a family with a child placed, and is not checked in the
/// registers: the family is matched with no one new, and `due` says so until the checks are
/// recorded.
#[test]
fn an_unchecked_adult_in_a_placed_familys_home_is_due() {
    let mut kit = Kit::new();
    kit.today = "2026-02-01".into();
    let v = family(&kit, 11, "0-17");
    kit.cmd(&format!(
        "screen volunteer {v} --home-visit 2026-01-25 --approve"
    ))
    .ok();
    let c = client(&kit, 11, 2016, "kontaktfamilj");
    let a = kit.run(&["match", "propose", &c, &v]).id();
    kit.cmd(&format!(
        "agree {a} --start 2026-02-15 --meetings 2/month --fee-category 1 --fee-percent 20 --expense-level 1 --signed 2026-02-10 --confidentiality-signed 2026-02-10"
    ))
    .ok();
    kit.today = "2026-03-01".into();
    let due = |kit: &Kit| -> Vec<String> {
        kit.json(&["due", "--all"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["what"] == "household not cleared")
            .map(|d| d["detail"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(due(&kit).is_empty());
    kit.cmd(&format!("screen volunteer {v} --adult Kalle")).ok();
    let found = due(&kit);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("Kalle in the household lacks a register check"),
        "{found:?}"
    );
    let sv = kit.cmd("--lang sv due --all").ok().stdout;
    assert!(sv.contains("hushållet inte kontrollerat"), "{sv}");
    kit.cmd(&format!(
        "screen volunteer {v} --adult Kalle --police-extract 2026-02-25 --social-register 2026-02-26"
    ))
    .ok();
    assert!(due(&kit).is_empty());
}
