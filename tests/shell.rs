//! Living in a shell: help without arguments, suggestions for typos, completions that offer ids,
//! man pages, and a reader that closes the pipe early.

use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_kontakt");

fn demo() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

// Unlike common::kontakt_raw: English locale, demo records in place, no --today (tests give theirs).
fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .arg("--records")
        .arg(demo())
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn kontakt_alone_tells_the_lifecycle_in_five_lines() {
    let out = run(&[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lifecycle: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(lifecycle.len(), 5, "{text}");
    for step in ["apply", "screen", "match", "report", "pay"] {
        assert!(text.contains(step), "{step}");
    }
}

#[test]
fn typos_get_suggestions_for_commands_and_ids() {
    let out = run(&["aply"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("similar subcommand") && err.contains("'apply'"),
        "{err}"
    );

    // Take a real id and mistype its last character.
    let listed = run(&["--json", "list", "clients"]);
    let clients: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let id = clients[0]["id"].as_str().unwrap().to_string();
    let last = id.chars().last().unwrap();
    let typo = format!(
        "{}{}",
        &id[..id.len() - 1],
        if last == 'Z' { 'Y' } else { 'Z' }
    );
    let out = run(&["show", &typo]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains(&format!("did you mean {id}")), "{err}");
}

#[test]
fn completion_scripts_exist_for_each_shell_and_ids_complete() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains("KONTAKT_COMPLETE"), "{shell}: {script}");
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));

    let listed = run(&["--json", "list", "volunteers"]);
    let vols: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let id = vols[0]["id"].as_str().unwrap();
    let out = Command::new(BIN)
        .env("KONTAKT_COMPLETE", "fish")
        .env("KONTAKT_RECORDS", demo())
        .args(["--", "kontakt", "screen", "volunteer", &id[..4]])
        .output()
        .unwrap();
    let offered = String::from_utf8(out.stdout).unwrap();
    assert!(offered.lines().any(|l| l.starts_with(id)), "{offered}");
    assert!(
        offered.lines().all(|l| l.starts_with(&id[..4])),
        "{offered}"
    );
}

#[test]
fn man_pages_cover_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["man", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    for page in [
        "kontakt.1",
        "kontakt-apply.1",
        "kontakt-screen.1",
        "kontakt-check.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(text.contains(".TH"), "{page}");
    }
}

#[test]
fn a_swedish_man_page_has_swedish_headings() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["--lang", "sv", "man", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let mut headings = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        headings.extend(
            text.lines()
                .filter_map(|l| l.strip_prefix(".SH "))
                .map(str::to_string),
        );
    }
    let headings: Vec<_> = headings.into_iter().collect();
    insta::assert_snapshot!(headings.join("\n"), @r"
    ARGUMENT
    BESKRIVNING
    FLAGGOR
    KOMMANDON
    NAMN
    SAMMANFATTNING
    VERSION
    ÖVRIGT
    ");
    let english = run(&["--lang", "en", "man"]);
    let text = String::from_utf8_lossy(&english.stdout);
    assert!(
        text.contains(".SH NAME\n") && text.contains(".SH OPTIONS\n"),
        "{text}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(BIN)
        .arg("--records")
        .arg(demo())
        .args(["man"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_spinner_shows_on_a_terminal_and_never_in_a_pipe() {
    let records = concat!(env!("CARGO_MANIFEST_DIR"), "/records");
    let bin = env!("CARGO_BIN_EXE_kontakt");
    // In a pipe (as here): nothing but the command's own output, even when shown at once.
    let piped = std::process::Command::new(bin)
        .args([
            "--records",
            records,
            "--today",
            "2026-11-27",
            "pay",
            "2026-10",
            "--dry-run",
        ])
        .env("KONTAKT_PROGRESS_AFTER_MS", "0")
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(
        piped.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    // On a terminal (a pseudo-terminal from util-linux `script`): the spinner names the command.
    let tty = std::process::Command::new("script")
        .args(["-qec"])
        .arg(format!(
            "KONTAKT_PROGRESS_AFTER_MS=0 {bin} --records {records} --today 2026-11-27 pay 2026-10 --dry-run"
        ))
        .arg("/dev/null")
        .output()
        .expect("script (util-linux)");
    let shown = String::from_utf8_lossy(&tty.stdout);
    assert!(tty.status.success(), "{shown}");
    assert!(shown.contains("kontakt pay ("), "{shown}");
    assert!(shown.contains("Pay run for 2026-10"), "{shown}");
}

#[test]
fn listings_come_as_a_table_csv_or_json_with_the_same_rows() {
    for what in ["clients", "volunteers", "assignments", "reports", "payruns"] {
        let json = run(&["--today", "2026-11-27", "--json", "list", what]);
        let as_format = run(&["--today", "2026-11-27", "list", what, "--format", "json"]);
        assert_eq!(json.stdout, as_format.stdout, "{what}");
        let n = serde_json::from_slice::<serde_json::Value>(&json.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len();
        let csv = run(&["--today", "2026-11-27", "list", "--format", "csv", what]);
        assert!(csv.status.success());
        let mut rdr = csv::Reader::from_reader(csv.stdout.as_slice());
        let header = rdr.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), n, "{what}: {header:?}");
        assert!(rows.iter().all(|r| r.len() == header.len()), "{what}");
        if let Some(i) = header.iter().position(|h| h == "personnummer") {
            assert!(
                rows.iter().all(|r| r[i].ends_with("-****")),
                "{what}: masked"
            );
        }
    }
    let due = run(&["--today", "2026-11-27", "due", "--format", "csv"]);
    let text = String::from_utf8_lossy(&due.stdout);
    assert!(
        text.starts_with("due,what,id,name,detail,overdue\n"),
        "{text}"
    );
    assert!(
        text.lines()
            .skip(1)
            .all(|l| l.ends_with(",true") || l.ends_with(",false")),
        "{text}"
    );
    assert!(!text.contains("(overdue)"), "{text}");
}
