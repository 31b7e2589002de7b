//! Values as staff type them (issue 16): each value's Swedish or English word in any case, a
//! frequency per `vecka`, dates without dashes. The records keep the English words and ISO dates.

mod common;

use common::{Kit, pnr_born};

#[test]
fn swedish_words_any_case_and_compact_dates_are_read_and_stored_in_english() {
    let kit = Kit::new();
    let c = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Klient Svensk",
            "--pnr",
            &pnr_born(1990, 3),
            "--basis",
            "LSS",
            "--wants-gender",
            "Kvinna",
            "--availability",
            "helg,Kvällar",
            "--applied",
            "20260110",
        ])
        .id();
    let text = kit.read(&format!("clients/{c}.toml"));
    assert!(text.contains("basis = \"lss\""), "{text}");
    assert!(text.contains("wants_gender = \"female\""), "{text}");
    assert!(
        text.contains("\"weekend\"") && text.contains("\"weekday-evening\""),
        "{text}"
    );
    assert!(text.contains("applied = \"2026-01-10\""), "{text}");
    kit.run(&[
        "screen",
        "client",
        &c,
        "--grant",
        "--from",
        "20260201",
        "--to",
        "20270131",
        "--meetings",
        "1/vecka",
    ])
    .ok();
    let text = kit.read(&format!("clients/{c}.toml"));
    assert!(text.contains("meetings = \"1/week\""), "{text}");
    assert!(text.contains("from = \"2026-02-01\""), "{text}");
    // A word that is neither language's is still refused, naming what is expected.
    kit.run(&[
        "apply",
        "client",
        "--name",
        "X",
        "--pnr",
        &pnr_born(1990, 4),
        "--basis",
        "socialtjänst",
    ])
    .refused(2, "--basis");
}

/// Commands, kinds, formats and languages are read in any case and either number, as staff
/// type them: `list KLIENTER`, `list Klient`, `--format CSV`, `--lang SV`, `--offers
/// Kontaktperson`.
#[test]
fn commands_kinds_and_formats_in_any_case() {
    let kit = Kit::demo();
    let reference = kit.run(&["list", "clients", "--format", "csv"]).ok().stdout;
    for typed in [
        "list KLIENTER --format CSV",
        "LIST Clients --format Csv",
        "list klient --format csv",
        "--lang SV list Klienter --format csv",
    ] {
        let r = kit.cmd(typed).ok();
        assert_eq!(r.stdout, reference, "{typed}");
    }
    let v = kit
        .run(&[
            "apply",
            "volunteer",
            "--name",
            "Fam Test",
            "--pnr",
            &pnr_born(1981, 7),
            "--offers",
            "Kontaktperson,KONTAKTFAMILJ",
        ])
        .id();
    let text = kit.read(&format!("volunteers/{v}.toml"));
    assert!(
        text.contains("offers = [\"kontaktperson\", \"kontaktfamilj\"]"),
        "{text}"
    );
}
