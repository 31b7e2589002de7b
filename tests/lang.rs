//! Swedish for the staff, English for everyone else, and the same words for scripts either way.

mod common;

use common::Kit;

#[test]
fn tables_speak_swedish_and_scripts_stay_english() {
    let kit = Kit::demo();
    let sv = kit.cmd("--lang sv list clients").ok().stdout;
    assert!(sv.contains("namn") && sv.contains("beslut till"), "{sv}");
    assert!(sv.contains("beviljad") && !sv.contains("granted"), "{sv}");
    let en = kit.cmd("--lang en list clients").ok().stdout;
    assert!(
        en.contains("decision until") && en.contains("granted"),
        "{en}"
    );

    // CSV and JSON are for scripts: English headers and words in any language.
    let csv = kit.cmd("--lang sv list clients --format csv").ok().stdout;
    assert!(csv.starts_with("id,name,personnummer,status"), "{csv}");
    assert!(
        csv.contains(",granted,") && !csv.contains("beviljad"),
        "{csv}"
    );
    assert_eq!(
        kit.cmd("--lang sv list assignments --format json")
            .ok()
            .stdout,
        kit.cmd("--lang en list assignments --format json")
            .ok()
            .stdout
    );

    let due = kit.cmd("--lang sv due").ok().stdout;
    for word in [
        "försenad",
        "rapport saknas",
        "ingen närvarorapport för 2026-10",
        "uppföljning",
    ] {
        assert!(due.contains(word), "{word} not in {due}");
    }
    let due_csv = kit.cmd("--lang sv due --format csv").ok().stdout;
    assert!(due_csv.contains("report missing"), "{due_csv}");

    let shown = kit.cmd("--lang sv show C-550W91").ok().stdout;
    assert!(
        shown.contains("område") && shown.contains("beviljad"),
        "{shown}"
    );

    let r = kit.cmd("--lang sv show C-NOSUCH");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("fel: ") && r.stderr.contains("tips: "),
        "{}",
        r.stderr
    );
    kit.cmd("--lang fi list clients")
        .refused(2, "expected sv or en");
}

#[test]
fn refusals_and_what_commands_say_come_in_swedish() {
    let kit = Kit::new();
    let v = kit
        .cmd(&format!(
            "apply volunteer --name Volontär --pnr {} --applied 2026-01-05",
            common::pnr_born(1980, 0)
        ))
        .id();
    let r = kit.cmd(&format!("--lang sv screen volunteer {v} --approve"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    for part in [
        "fel: nekas:",
        "ingen intervju registrerad",
        "0 av 2 referenser är ok",
    ] {
        assert!(r.stderr.contains(part), "{part} not in {}", r.stderr);
    }
    let r = kit.cmd(&format!("screen volunteer {v} --approve"));
    assert!(r.stderr.contains("error: refused:") && r.stderr.contains("no interview recorded"));

    let c = kit
        .cmd(&format!(
            "apply client --name Klient --pnr {} --applied 2026-01-10",
            common::pnr_born(1990, 0)
        ))
        .id();
    let r = kit.cmd(&format!(
        "--lang sv screen client {c} --grant --from 2026-03-01 --to 2026-02-01"
    ));
    assert!(
        r.stderr
            .contains("--to 2026-02-01 är före --from 2026-03-01"),
        "{}",
        r.stderr
    );
    let r = kit.cmd("--lang sv pay 2026-10 --dry-run").ok();
    assert!(r.stdout.contains("Utbetalning för 2026-10"), "{}", r.stdout);
}

#[test]
fn help_and_the_lifecycle_come_in_swedish() {
    let kit = Kit::new();
    let help = kit.cmd("--lang sv --help").ok().stdout;
    for part in [
        "Användning:",
        "Kommandon:",
        "Skapa en ny, tom aktkatalog",
        "Aktkatalogen",
    ] {
        assert!(help.contains(part), "{part} not in {help}");
    }
    let alone = assert_cmd::Command::cargo_bin("kontakt")
        .unwrap()
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let text = String::from_utf8(alone.stdout).unwrap();
    assert!(
        text.starts_with("kontakt: kontaktpersonsverksamheten"),
        "{text}"
    );
    assert_eq!(text.lines().take_while(|l| !l.is_empty()).count(), 5);
    let pay = kit.cmd("--lang sv pay --help").ok().stdout;
    for part in [
        "Användning:",
        "Flaggor:",
        "Visa exakt vad körningen skulle betala",
        "Visa hjälp",
    ] {
        assert!(pay.contains(part), "{part} not in {pay}");
    }
    let en = kit.cmd("--help").ok().stdout;
    assert!(en.contains("Create a new, empty records directory"), "{en}");
}

#[test]
fn check_and_record_errors_speak_swedish() {
    let kit = Kit::demo();
    let path = kit.dir.join("clients/C-550W91.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("name = ", "nmae = ", 1)).unwrap();
    let sv = kit.cmd("--lang sv check");
    assert_eq!(sv.code, 1);
    assert!(
        sv.stdout.contains("E002 okänt fält `nmae`") && sv.stdout.contains("menade du `name`"),
        "{}",
        sv.stdout
    );
    let en = kit.cmd("check");
    assert!(
        en.stdout.contains("E002 unknown field `nmae`"),
        "{}",
        en.stdout
    );
    let shown = kit.cmd("--lang sv show C-550W91");
    assert!(
        shown.stderr.contains("fel: ") && shown.stderr.contains("okänt fält"),
        "{}",
        shown.stderr
    );
}

/// A value the model refuses reads in the reader's language, whether clap parsed it (an
/// option) or a record holds it; the model itself keeps no language.
#[test]
fn a_refused_value_is_told_in_the_readers_language() {
    let kit = Kit::demo();
    let sv = kit.cmd("--lang sv pay 2026-13 --dry-run");
    assert_eq!(sv.code, 2);
    assert!(
        sv.stderr.contains("en månad ÅÅÅÅ-MM väntades"),
        "{}",
        sv.stderr
    );
    let en = kit.cmd("--lang en pay 2026-13 --dry-run");
    assert!(
        en.stderr.contains("expected a month YYYY-MM"),
        "{}",
        en.stderr
    );
    let sv = kit.cmd("--lang sv screen volunteer V-0 --interview 2026-02-30");
    assert!(
        sv.stderr.contains("är inget datum i kalendern"),
        "{}",
        sv.stderr
    );
}
