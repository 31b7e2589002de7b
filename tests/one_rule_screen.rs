//! `screen` and `check` judge by the same rule (issue 15): what `screen` refuses as it is
//! typed, `check` names when a person types it into the file.

mod common;

use common::Kit;

/// The records' file with `from` replaced by `to`, which must be there.
fn edit(kit: &Kit, rel: &str, from: &str, to: &str) {
    let text = kit.read(rel);
    assert!(text.contains(from), "{from} not in {rel}:\n{text}");
    std::fs::write(kit.dir.join(rel), text.replacen(from, to, 1)).unwrap();
}

/// `check`'s output, which must fail and name `rel` with `code` and `needle`.
fn check_finds(kit: &Kit, rel: &str, code: &str, needle: &str) {
    let r = kit.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.contains(&format!("{rel}:")) && l.contains(code) && l.contains(needle)),
        "{rel} {code} {needle:?} not in:\n{}",
        r.stdout
    );
}

/// The demo's appealed client: received 2026-10-20, reconsidered 2026-10-27, not forwarded.
const APPEALED: &str = "C-58EE6P";

#[test]
fn an_appeal_out_of_order_is_refused_typed_and_named_by_check() {
    let kit = Kit::demo();
    let rel = format!("clients/{APPEALED}.toml");
    let clean = kit.run(&["check"]);
    assert!(!clean.stdout.contains(&rel), "{}", clean.stdout);
    let before = kit.snapshot();
    kit.run(&[
        "screen",
        "client",
        APPEALED,
        "--appeal-forwarded",
        "2026-10-19",
    ])
    .refused(
        1,
        "forwarded 2026-10-19, before the appeal was received (2026-10-20)",
    );
    assert_eq!(kit.snapshot(), before);
    // Typed into the file: the same words, at the field.
    edit(
        &kit,
        &rel,
        "reconsidered = \"2026-10-27\"\n",
        "reconsidered = \"2026-10-27\"\nforwarded = \"2026-10-19\"\n",
    );
    check_finds(
        &kit,
        &rel,
        "E006",
        "field `decisions[0].appeal.forwarded`: forwarded 2026-10-19, before the appeal was received (2026-10-20)",
    );
    // Forwarded before the reconsideration: a reconsideration comes first.
    edit(
        &kit,
        &rel,
        "forwarded = \"2026-10-19\"",
        "forwarded = \"2026-10-25\"",
    );
    check_finds(
        &kit,
        &rel,
        "E006",
        "forwarded to the court on 2026-10-25: a reconsideration comes before that",
    );
    // A judgment without its outcome.
    edit(
        &kit,
        &rel,
        "forwarded = \"2026-10-25\"",
        "forwarded = \"2026-10-28\"",
    );
    edit(
        &kit,
        &rel,
        "changed = false\n",
        "changed = false\n\n[decisions.appeal.judgment]\ndate = \"2026-11-02\"\noutcome = \" \"\n",
    );
    check_finds(&kit, &rel, "E004", "the judgment says no outcome");
}

#[test]
fn a_rejection_without_its_reason_is_refused_typed_and_named_by_check() {
    let kit = Kit::new();
    let v = kit
        .run(&[
            "apply",
            "volunteer",
            "--name",
            "Volontär Test",
            "--pnr",
            &common::pnr_born(1980, 0),
            "--applied",
            "2026-01-05",
        ])
        .id();
    kit.run(&["screen", "volunteer", &v, "--reject", " "])
        .refused(2, "a rejection needs a reason");
    kit.run(&["screen", "volunteer", &v, "--reject", "Olämplig"])
        .ok();
    kit.run(&["check"]).ok();
    let rel = format!("volunteers/{v}.toml");
    edit(
        &kit,
        &rel,
        "rejection_reason = \"Olämplig\"",
        "rejection_reason = \"\"",
    );
    check_finds(
        &kit,
        &rel,
        "E004",
        "field `screening.rejection_reason`: a rejection needs a reason",
    );
}

/// The demo's kontaktfamilj with two referees and another adult at home.
const FAMILY: &str = "V-DGBH88";

#[test]
fn a_name_is_judged_the_same_typed_or_hand_edited() {
    let kit = Kit::demo();
    let long = "Å".repeat(201);
    let client = "clients/C-3XC4ZE.toml";
    let family = format!("volunteers/{FAMILY}.toml");
    let clean = kit.run(&["check"]);
    assert!(!clean.stdout.contains(client), "{}", clean.stdout);
    assert!(!clean.stdout.contains(&family), "{}", clean.stdout);
    // Typed: apply refuses a name too long or with a control character, and writes nothing.
    let before = kit.snapshot();
    for bad in [long.as_str(), "Anna\u{7}Berg"] {
        kit.run(&[
            "apply",
            "client",
            "--name",
            bad,
            "--pnr",
            &common::pnr_born(1990, 7),
            "--applied",
            "2026-01-10",
        ])
        .refused(2, "1 to 200 characters");
    }
    assert_eq!(kit.snapshot(), before);
    // A referee's name is held to the same rule as it is typed.
    kit.run(&[
        "screen",
        "volunteer",
        FAMILY,
        "--reference",
        &format!("{long}:ok"),
    ])
    .refused(2, "1 to 200 characters");
    assert_eq!(kit.snapshot(), before);
    // Hand-typed into the files: check names each at its field.
    edit(
        &kit,
        client,
        "name = \"Sven Gallring\"",
        &format!("name = \"{long}\""),
    );
    edit(
        &kit,
        &family,
        "name = \"Jonas Lööf\"",
        "name = \"Jonas\\u0007Lööf\"",
    );
    edit(
        &kit,
        &family,
        "name = \"Referens B\"",
        &format!("name = \"{long}\""),
    );
    let words = "expected the person's name (1 to 200 characters)";
    check_finds(&kit, client, "E004", &format!("field `name`: {words}"));
    check_finds(
        &kit,
        &family,
        "E004",
        &format!("field `household.adults[0].name`: {words}"),
    );
    check_finds(
        &kit,
        &family,
        "E004",
        &format!("field `screening.references[1].name`: {words}"),
    );
}
