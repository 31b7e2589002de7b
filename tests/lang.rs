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
        "0 av 2 referenser är bra",
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

/// What clap refuses (a missing flag, a mistyped one, a value our parsers refuse) reads in
/// Swedish from the first word to the last, with the flags and values as typed; in English
/// clap's own words stay.
#[test]
fn the_command_lines_own_errors_come_in_swedish() {
    let kit = Kit::demo();
    let cases = [
        ("--lang sv end", "fel: de här argumenten krävs men saknas:"),
        ("--lang sv pay --bogus", "fel: oväntat argument '--bogus'"),
        ("--lang sv paj", "fel: okänt underkommando 'paj'"),
        (
            "--lang sv agree A-0 --fee-category 1 --fee-percent 400",
            "fel: ogiltigt värde '400' för '--fee-percent <PROCENT>': högst 100 procent, 400 hittades",
        ),
        (
            "--lang sv end A-0 --date 2026-11-01 --reason nej",
            "`goal_reached` (målet uppnått)",
        ),
        (
            "--lang sv screen volunteer V-0 --reference Anna",
            "NAMN:bra eller NAMN:oro väntades",
        ),
        (
            "--lang sv list volunteers --status x",
            "väntade ett av ansökt, under utredning, godkänd, avslagen",
        ),
    ];
    for (line, needle) in cases {
        let ran = kit.cmd(line);
        assert_eq!(ran.code, 2, "{line}: {}", ran.stderr);
        assert!(ran.stderr.contains(needle), "{line}: {}", ran.stderr);
        for english in [
            "error:",
            "tip:",
            "Usage:",
            "For more information",
            "expected",
            "found",
        ] {
            assert!(!ran.stderr.contains(english), "{line}: {}", ran.stderr);
        }
    }
    let en = kit.cmd("--lang en end");
    assert!(
        en.stderr
            .starts_with("error: the following required arguments were not provided:"),
        "{}",
        en.stderr
    );
}

/// The kinds `list` shows and the statuses it filters by, as a coordinator says them.
#[test]
fn list_takes_the_kinds_and_statuses_in_swedish() {
    let kit = Kit::demo();
    for (sv, en) in [
        (
            "list klienter --status beviljad",
            "list clients --status granted",
        ),
        (
            "list kontaktpersoner --status godkänd",
            "list volunteers --status approved",
        ),
        (
            "list uppdrag --status pågår",
            "list assignments --status active",
        ),
        (
            "list rapporter --status attesterade",
            "list reports --status approved",
        ),
        (
            "list rapporter --status ej-attesterade",
            "list reports --status unapproved",
        ),
        ("list utbetalningar", "list payruns"),
    ] {
        let a = kit.cmd(&format!("--lang en --json {sv}")).ok().stdout;
        let b = kit.cmd(&format!("--lang en --json {en}")).ok().stdout;
        assert_eq!(a, b, "{sv}");
        assert!(a.len() > 10, "{sv}: {a}");
    }
}

/// The system's refusal (a records directory that is not there) in Swedish, with its number.
#[test]
fn a_missing_records_directory_is_told_in_swedish() {
    let out = assert_cmd::Command::cargo_bin("kontakt")
        .unwrap()
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["--records", "/nonexistent/kontakt", "list", "clients"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("kan inte öppna aktkatalogen: finns inte (systemfel 2)"),
        "{stderr}"
    );
}

/// A value `update` refuses is told as the option that gave it, in Swedish, not as a line of a
/// file that was never written.
#[test]
fn a_refused_update_names_the_option() {
    let kit = Kit::demo();
    let v = kit.json(&["list", "volunteers"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let ran = kit.run(&["--lang", "sv", "update", &v, "--capacity", "0"]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("--capacity: väntade ett antal platser från 1 till 10 platser, fann 0"),
        "{}",
        ran.stderr
    );
    assert!(!ran.stderr.contains(".toml"), "{}", ran.stderr);
}

/// A record whose schema this kontakt does not know (a newer kontakt wrote it) is not read at
/// all: `check` names it E010, listings leave it out and say so, and `pay` refuses rather than
/// pay by a reading that may be wrong.
#[test]
fn a_record_of_an_unknown_schema_is_not_read() {
    let kit = Kit::demo();
    let active = kit.json(&["list", "assignments", "--status", "active"]);
    let c = active[0]["client"].as_str().unwrap().to_string();
    let rel = format!("clients/{c}.toml");
    let text = kit.read(&rel).replacen("schema = 1", "schema = 2", 1);
    std::fs::write(kit.dir.join(&rel), text).unwrap();
    let check = kit.cmd("check");
    assert!(
        check.stdout.contains(&format!(
            "{rel}:1: E010 field `schema`: schema 2 is not known to this kontakt"
        )),
        "{}",
        check.stdout
    );
    let list = kit.cmd("list clients");
    assert_eq!(list.code, 1, "{}", list.stderr);
    assert!(list.stderr.contains(&rel), "{}", list.stderr);
    assert!(!list.stdout.contains(&c), "{}", list.stdout);
    let before = kit.snapshot();
    let pay = kit.cmd("--lang sv pay 2026-10");
    assert_eq!(pay.code, 2, "{}", pay.stderr);
    assert!(
        pay.stderr.contains(
            "schema 2 är okänt för denna kontakt (väntade 1): en nyare kontakt skrev den"
        ),
        "{}",
        pay.stderr
    );
    assert_eq!(kit.snapshot(), before, "a refused run wrote nothing");
}

/// Inputs that would make an answer say nothing true: `--top 0` (no volunteer shown, as if none
/// qualified), `due --limit 0` (no row: the counts by kind, not "nothing falls due"), a month
/// beyond the years kontakt pays, a municipality without a name.
#[test]
fn an_answer_never_says_nothing_when_there_is_something() {
    let kit = Kit::demo();
    let c = kit.json(&["list", "clients"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    kit.run(&["--lang", "sv", "match", "suggest", &c, "--top", "0"])
        .refused(2, "väntade ett heltal från 1, fann `0`");
    let due = kit.cmd("--lang sv due --limit 0").ok().stdout;
    assert!(due.starts_with("0 av "), "{due}");
    assert!(!due.contains("Inget förfaller"), "{due}");
    kit.cmd("pay 9999-12 --dry-run").refused(
        2,
        "9999-12 is outside the years kontakt pays (1900 to 2199)",
    );
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new");
    kit.run(&["init", dir.to_str().unwrap(), "--municipality", " "])
        .refused(2, "the municipality's name is empty");
    assert!(!dir.exists());
}

/// A coordinator's day on the demo under `--lang sv`: every kind shown and listed, what is
/// due, the checks, the statistics, IVO's quarter, matching, the pay run, retention, the
/// documents, and refusals. No English sentence is left in what she reads (the demo's own data,
/// interests typed in English among them, aside: the words looked for are English sentence
/// words no Swedish text or name holds).
#[test]
fn a_day_in_swedish_reads_no_english_sentence() {
    let kit = Kit::demo();
    let first = |kind: &str, status: Option<&str>| {
        let mut args = vec!["list", kind];
        if let Some(s) = status {
            args.extend(["--status", s]);
        }
        kit.json(&args)[0]["id"].as_str().unwrap().to_string()
    };
    let client = first("clients", Some("granted"));
    let volunteer = first("volunteers", Some("approved"));
    let active = first("assignments", Some("active"));
    let run = first("payruns", None);
    let lines: Vec<Vec<String>> = [
        vec!["show", &client],
        vec!["show", &volunteer],
        vec!["show", &active],
        vec!["show", &run],
        vec!["list", "clients"],
        vec!["list", "volunteers"],
        vec!["list", "assignments"],
        vec!["list", "reports"],
        vec!["list", "payruns"],
        vec!["due", "--all"],
        vec!["check"],
        vec!["stats"],
        vec!["ivo", "--quarter", "2026Q3"],
        vec!["match", "suggest", &client],
        vec!["match", "auto", "--dry-run"],
        vec!["pay", "2026-10", "--dry-run"],
        vec!["pay", "--verify", &run],
        vec!["gallra", "--dry-run"],
        vec!["agree", &active, "--print"],
        vec!["screen", "client", &client, "--print", "beslut"],
        vec!["find", "a"],
        vec!["report", &active, "2026-10", "--meeting", "2026-13-01"],
        vec![
            "end",
            &volunteer,
            "--date",
            "2026-11-05",
            "--reason",
            "goal_reached",
        ],
        vec!["pay", "2026-11"],
        vec!["show", "C-ZZZZZZ"],
    ]
    .iter()
    .map(|l| l.iter().map(|s| s.to_string()).collect())
    .collect();
    let english = [
        " the ",
        " is ",
        " are ",
        " has ",
        " have ",
        " not ",
        " with ",
        " for ",
        " was ",
        " and ",
        " or ",
        " must ",
        " cannot ",
        " should ",
        "error:",
        "warning:",
        "expected",
        "found",
        "Usage:",
        "[default:",
        "[possible values:",
    ];
    let mut leaks = Vec::new();
    for line in &lines {
        let mut args = vec!["--lang", "sv"];
        args.extend(line.iter().map(String::as_str));
        let ran = kit.run(&args);
        for text in [&ran.stdout, &ran.stderr] {
            for l in text.lines() {
                if let Some(w) = english.iter().find(|w| l.contains(*w)) {
                    leaks.push(format!("{}: {w:?} in {l}", line.join(" ")));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "English left:\n{}", leaks.join("\n"));
}

/// Help in Swedish names every placeholder and default in Swedish: no `<MEETINGS>`, no
/// `[default: any]`.
#[test]
fn help_names_its_placeholders_and_defaults_in_swedish() {
    let kit = Kit::demo();
    for (line, want) in [
        ("--lang sv agree --help", "--meetings <TRÄFFAR>"),
        ("--lang sv apply client --help", "[standard: alla]"),
        ("--lang sv screen client --help", "--goals <MÅL>"),
        (
            "--lang sv report --help",
            "Användning: kontakt report [FLAGGOR] <UPPDRAG> <MÅNAD>",
        ),
    ] {
        let out = kit.cmd(line).ok().stdout;
        assert!(out.contains(want), "{line}: {want:?} not in {out}");
        for english in [
            "<MEETINGS>",
            "<GOALS>",
            "[default:",
            "[possible values:",
            "[env:",
            "Usage:",
            "[OPTIONS]",
        ] {
            assert!(!out.contains(english), "{line}: {english} in {out}");
        }
    }
}

/// Values come back in the words they were typed in: an ending's reason in Swedish, an amount
/// with its "kr" once.
#[test]
fn an_ending_speaks_its_reason_and_amount_in_swedish() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-20".into();
    let assignments = kit.json(&["list", "assignments", "--status", "active"]);
    let a = assignments[0]["id"].as_str().unwrap().to_string();
    // Ahead of today with a reason that closes the decision: refused, the reason in Swedish.
    let r = kit.cmd(&format!(
        "--lang sv end {a} --date 2026-11-30 --reason flyttat"
    ));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("--reason flyttat avslutar"),
        "{}",
        r.stderr
    );
    // Ended in a month already reported: the meetings after it are taken out, and what the
    // month gives is told once in kronor.
    let reports = kit.json(&["list", "reports", "--month", "2026-10"]);
    let reported = reports
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["meetings"].as_array().is_some_and(|m| m.len() >= 2))
        .expect("a report of October with meetings");
    let a = reported["assignment"].as_str().unwrap();
    let first = reported["meetings"][0].as_str().unwrap();
    let r = kit.run(&[
        "--lang",
        "sv",
        "end",
        a,
        "--date",
        first,
        "--reason",
        "kontaktpersonens begäran",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("den ger ") && !r.stdout.contains("kr kr"),
        "{}",
        r.stdout
    );
}
