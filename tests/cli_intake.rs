//! Intake and screening end to end, as a social worker types them: init, apply, screen, list,
//! show and check, with every refusal the foundation promises.
mod common;

use common::{Kit, pnr_born};

#[test]
fn init_writes_a_commented_configuration_and_refuses_a_non_empty_directory() {
    let kit = Kit::new();
    let config = kit.read("kontakt.toml");
    assert!(config.contains("# "), "the configuration explains itself");
    assert!(config.contains("min_age") || config.contains("minimum"));
    kit.run(&["init", kit.dir.to_str().unwrap()])
        .refused(1, "not empty");
}

/// Under Swedish (`--lang sv` or the locale) `init` explains kontakt.toml in Swedish; the
/// settings are the same, and the records it makes are sound.
#[test]
fn init_in_swedish_explains_the_configuration_in_swedish() {
    let kit = Kit::new();
    let en = kit.read("kontakt.toml");
    for (env, args) in [
        (vec![], vec!["--lang", "sv", "init"]),
        (vec![("LANG", "sv_SE.UTF-8")], vec!["init"]),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("akter");
        let mut all = args.clone();
        all.push(dir.to_str().unwrap());
        kit.run_with(&env, &all).ok();
        let sv = std::fs::read_to_string(dir.join("kontakt.toml")).unwrap();
        assert!(sv.contains("# Lägsta ålder för en kontaktperson"), "{sv}");
        assert!(!sv.contains("Minimum age"), "{sv}");
        assert_ne!(sv, en);
        // The same settings, line for line, once the comments are set aside.
        let values = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| !l.starts_with('#'))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(values(&sv), values(&en));
        let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
        assert!(
            ignore.starts_with("# kontakts lås") && ignore.contains(".kontakt/"),
            "{ignore}"
        );
        let check = std::process::Command::new(env!("CARGO_BIN_EXE_kontakt"))
            .envs(common::GIT_IDENTITY)
            .arg("--records")
            .arg(&dir)
            .args(["--today", &kit.today, "check"])
            .output()
            .unwrap();
        assert!(check.status.success(), "{check:?}");
    }
}

#[test]
fn apply_prints_the_new_id_and_refuses_a_second_open_application() {
    let kit = Kit::new();
    let pnr = pnr_born(1985, 0);
    let id = kit
        .run(&["apply", "volunteer", "--name", "Anna Test", "--pnr", &pnr])
        .id();
    assert!(id.starts_with("V-") && id.len() == 8, "{id}");
    assert!(kit.dir.join(format!("volunteers/{id}.toml")).exists());
    let before = kit.snapshot();
    let r = kit.run(&["apply", "volunteer", "--name", "Anna Test", "--pnr", &pnr]);
    r.refused(1, &id);
    assert_eq!(kit.snapshot(), before, "a refusal writes nothing");
    // The same number typed in its 10-digit form is the same person.
    let short = format!("{}-{}", &pnr[2..8], &pnr[9..]);
    kit.run(&["apply", "volunteer", "--name", "Anna Test", "--pnr", &short])
        .refused(1, &id);
    let json = kit.json(&[
        "apply",
        "client",
        "--name",
        "Bo Test",
        "--pnr",
        &pnr_born(2012, 0),
    ]);
    assert!(json["id"].as_str().unwrap().starts_with("C-"));
}

#[test]
fn apply_refuses_bad_input_naming_the_option() {
    let kit = Kit::new();
    let before = kit.snapshot();
    let good = pnr_born(1985, 0);
    let wrong_check = format!("{}{}", &good[..12], (good.as_bytes()[12] - b'0' + 1) % 10);
    kit.run(&["apply", "client", "--name", "X", "--pnr", &wrong_check])
        .refused(2, "--pnr");
    kit.run(&["apply", "client", "--name", "X", "--pnr", "19851301-1234"])
        .refused(2, "--pnr");
    kit.cmd(&format!(
        "apply client --name X --pnr {good} --wants-gender robot"
    ))
    .refused(2, "--wants-gender");
    kit.cmd(&format!(
        "apply volunteer --name X --pnr {good} --capacity 0"
    ))
    .refused(2, "--capacity");
    kit.cmd(&format!(
        "apply volunteer --name X --pnr {good} --applied 2026-02-30"
    ))
    .refused(2, "--applied");
    assert_eq!(kit.snapshot(), before);
}

#[test]
fn batch_intake_is_all_or_nothing_and_names_every_bad_line() {
    let kit = Kit::new();
    let csv = kit.dir.join("../in.csv");
    let (a, b) = (pnr_born(1990, 0), pnr_born(1991, 0));
    std::fs::write(&csv, format!("name,pnr,area\nEtt Test,{a},Norr\nTvå Test,not-a-number,Syd\nTre Test,{b},Öst\nFyra Test,{b},Öst\n")).unwrap();
    let before = kit.snapshot();
    let r = kit.run(&["apply", "volunteer", "--from", csv.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("line 3"), "{}", r.stderr);
    assert!(
        r.stderr.contains("line 5"),
        "the duplicate row is named too: {}",
        r.stderr
    );
    assert!(!r.stderr.contains("line 2"), "{}", r.stderr);
    assert_eq!(kit.snapshot(), before);
    std::fs::write(
        &csv,
        format!("name,pnr,area\nEtt Test,{a},Norr\nTre Test,{b},Öst\n"),
    )
    .unwrap();
    let ids = kit.json(&["apply", "volunteer", "--from", csv.to_str().unwrap()]);
    assert_eq!(ids["ids"].as_array().map(Vec::len), Some(2), "{ids}");
    let list = kit.json(&["list", "volunteers"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[test]
fn approval_is_refused_listing_every_missing_check_then_granted() {
    let kit = Kit::new();
    let v = kit
        .run(&[
            "apply",
            "volunteer",
            "--name",
            "Vera Test",
            "--pnr",
            &pnr_born(1980, 0),
        ])
        .id();
    let r = kit
        .run(&["screen", "volunteer", &v, "--approve"])
        .refused(1, "interview");
    insta::assert_snapshot!(r.stderr, @r#"
    error: refused:
      - no interview recorded (--interview DATE)
      - 0 of 2 references are ok (--reference "NAME:ok")
      - no police-register extract recorded (--police-extract DATE)
      - the social register check is not recorded (--social-register DATE)
    "#);
    // An extract older than the limit (12 months) does not count.
    kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--interview",
        "2026-10-01",
        "--reference",
        "A B:ok",
        "--reference",
        "C D:ok",
        "--police-extract",
        "2025-09-01",
        "--social-register",
        "2026-10-02",
    ])
    .ok();
    kit.run(&["screen", "volunteer", &v, "--approve"])
        .refused(1, "police");
    kit.run(&[
        "screen",
        "volunteer",
        &v,
        "--police-extract",
        "2026-10-05",
        "--approve",
    ])
    .ok();
    let shown = kit.json(&["show", &v[..5]]);
    assert_eq!(shown["status"], "approved", "{shown}");
    kit.run(&["screen", "volunteer", &v, "--approve"])
        .refused(1, "already approved");
}

#[test]
fn a_reference_with_a_concern_does_not_count_and_a_minor_cannot_volunteer() {
    let kit = Kit::new();
    let young = kit
        .run(&[
            "apply",
            "volunteer",
            "--name",
            "Ung Test",
            "--pnr",
            &pnr_born(2010, 0),
        ])
        .id();
    let r = kit.run(&[
        "screen",
        "volunteer",
        &young,
        "--interview",
        "2026-10-01",
        "--reference",
        "A B:ok",
        "--reference",
        "C D:concern",
        "--police-extract",
        "2026-10-05",
        "--social-register",
        "2026-10-02",
        "--approve",
    ]);
    r.refused(1, "18");
    let rejected = kit
        .run(&["screen", "volunteer", &young, "--reject", "för ung"])
        .ok();
    assert!(rejected.stdout.contains("rejected"), "{}", rejected.stdout);
}

#[test]
fn the_needs_decision_checks_its_period_and_a_young_childs_consent() {
    let kit = Kit::new();
    let child = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Liten Test",
            "--pnr",
            &pnr_born(2016, 0),
        ])
        .id();
    kit.cmd(&format!(
        "screen client {child} --grant --from 2026-12-01 --to 2026-06-01"
    ))
    .refused(1, "--to 2026-06-01 is before --from");
    kit.cmd(&format!(
        "screen client {child} --grant --from 2026-12-01 --to 2027-06-01"
    ))
    .refused(1, "consent");
    kit.cmd(&format!("screen client {child} --grant --from 2026-12-01 --to 2027-06-01 --guardian-consent 2026-11-20 --meetings 2/month"))
    .ok();
    let c = kit.json(&["show", &child]);
    assert_eq!(c["status"], "granted", "{c}");
    let adult = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Vuxen Test",
            "--pnr",
            &pnr_born(1970, 0),
        ])
        .id();
    let r = kit
        .run(&[
            "screen",
            "client",
            &adult,
            "--deny",
            "behovet tillgodoses på annat sätt",
        ])
        .ok();
    assert!(r.stdout.contains("denied"), "{}", r.stdout);
    kit.run(&["screen", "client", &adult, "--grant"])
        .refused(2, "--from");
}

#[test]
fn list_filters_by_status_and_masks_personnummer() {
    let kit = Kit::demo();
    let all = kit.json(&["list", "clients"]);
    let granted = kit.json(&["list", "clients", "--status", "granted"]);
    let n = granted.as_array().unwrap().len();
    assert!(n > 0 && n < all.as_array().unwrap().len());
    assert!(
        granted
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["status"] == "granted")
    );
    let table = kit.run(&["list", "clients"]).ok().stdout;
    assert!(table.contains("-****"), "{table}");
    assert!(
        !table.chars().any(|c| c == '\u{1b}'),
        "NO_COLOR: no escape codes"
    );
    kit.run(&["list", "clients", "--status", "pending"])
        .refused(2, "granted");
}

#[test]
fn show_tells_the_history_and_resolves_prefixes_like_git() {
    let kit = Kit::new();
    let pnr = pnr_born(1980, 1);
    let v = kit
        .run(&[
            "apply",
            "volunteer",
            "--name",
            "Hist Test",
            "--pnr",
            &pnr,
            "--applied",
            "2026-11-01",
        ])
        .id();
    kit.run(&["screen", "volunteer", &v, "--interview", "2026-11-10"])
        .ok();
    let shown = kit.run(&["show", &v[..4]]).ok().stdout;
    assert!(
        shown.contains("Hist Test") && shown.contains("2026-11-10"),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("{}-****", &pnr[..8])) && !shown.contains(&pnr),
        "{shown}"
    );
    let full = kit.run(&["--show-pnr", "show", &v]).ok().stdout;
    assert!(full.contains(&pnr), "{full}");
    kit.run(&["show", "V-"]).ok();
    kit.run(&[
        "apply",
        "volunteer",
        "--name",
        "Two Test",
        "--pnr",
        &pnr_born(1980, 2),
    ])
    .ok();
    kit.run(&["show", "V-"]).refused(2, "ambiguous");
    kit.run(&["show", "C-ZZZZZZ"]).refused(2, "C-ZZZZZZ");
}

#[test]
fn check_is_silent_when_clean_and_names_file_line_and_code_otherwise() {
    let kit = Kit::demo();
    let r = kit.run(&["check"]).ok();
    assert_eq!(r.stdout, "");
    let client = std::fs::read_dir(kit.dir.join("clients"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&client).unwrap();
    std::fs::write(&client, text.replacen("name =", "nmae =", 1)).unwrap();
    let r = kit.run(&["check"]);
    assert_eq!(r.code, 1);
    let name = client.file_name().unwrap().to_str().unwrap();
    assert!(
        r.stdout.contains(name) && r.stdout.contains(": E0"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("did you mean"), "{}", r.stdout);
}

#[test]
fn a_hand_edited_file_keeps_its_comments_and_layout_when_a_command_changes_it() {
    let kit = Kit::new();
    let c = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Kom Test",
            "--pnr",
            &pnr_born(1975, 0),
            "--area",
            "Norr",
        ])
        .id();
    let path = kit.dir.join(format!("clients/{c}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = format!(
        "# Handläggare: Eva, ring före tio\n{}",
        text.replace("area = \"Norr\"", "area = \"Norr\"  # bor nära stationen")
    );
    std::fs::write(&path, &edited).unwrap();
    kit.cmd(&format!(
        "screen client {c} --grant --from 2026-12-01 --to 2027-11-30"
    ))
    .ok();
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.starts_with("# Handläggare: Eva, ring före tio\n"),
        "{after}"
    );
    assert!(
        after.contains("area = \"Norr\"  # bor nära stationen"),
        "{after}"
    );
    assert!(after.contains("2027-11-30"), "{after}");
    kit.run(&["check"]).ok();
}

/// Issue 14, case 14: a listing saved as CSV and opened in a spreadsheet runs no formula a name
/// or a phone number carries; the table a person reads shows the name as typed.
#[test]
fn csv_listings_neutralise_formulas() {
    let kit = Kit::new();
    let pnr = pnr_born(1985, 1);
    let name = "=HYPERLINK(\"http://x.example\";\"Anna\")";
    let id = kit
        .run(&["apply", "volunteer", "--name", name, "--pnr", &pnr])
        .id();
    let csv = kit.cmd("list volunteers --format csv").ok().stdout;
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[0], id.as_str());
    assert_eq!(&row[1], format!("'{name}").as_str(), "{csv}");
    let table = kit.cmd("list volunteers").ok().stdout;
    assert!(
        table.contains("=HYPERLINK") && !table.contains("'="),
        "{table}"
    );
}
