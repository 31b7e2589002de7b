//! A refusal says what is wrong on its `error:` line and what to do next on a `hint:` line of
//! its own, with the command to type and the record's id filled in (jj's way: the library
//! names the next step, the command line words it), in the person's language.
mod common;

use common::{Kit, Ran};

/// The `error:` line and the `hint:` lines of a refusal.
fn split(r: &Ran, hint: &str) -> (String, Vec<String>) {
    let mut error = String::new();
    let mut hints = Vec::new();
    for line in r.stderr.lines() {
        match line.strip_prefix(&format!("{hint}: ")) {
            Some(h) => hints.push(h.to_string()),
            None => error.push_str(line),
        }
    }
    (error, hints)
}

#[test]
fn a_begun_agreement_is_ended_not_declined_and_the_hint_says_how() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    kit.today = "2026-03-10".into();
    let r = kit
        .run(&["match", "decline", &a, "--by", "client", "--reason", "x"])
        .refused(1, "can be declined");
    let (error, hints) = split(&r, "hint");
    assert!(!error.contains("kontakt end"), "{error}");
    assert_eq!(hints.len(), 1, "{}", r.stderr);
    assert!(
        hints[0].contains(&format!("`kontakt end {a} --date DATE --reason REASON`")),
        "{hints:?}"
    );
    let r = kit
        .run(&[
            "--lang", "sv", "match", "decline", &a, "--by", "client", "--reason", "x",
        ])
        .refused(1, "kan avböjas");
    let (_, hints) = split(&r, "tips");
    assert!(
        hints[0].contains(&format!("`kontakt end {a} --date DATUM --reason SKÄL`")),
        "{}",
        r.stderr
    );
}

#[test]
fn an_agreement_not_yet_begun_is_declined_before_it_can_end() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-05-01");
    let v = kit.volunteer_of(&a);
    kit.today = "2026-04-10".into();
    let r = kit
        .run(&["end", &v, "--date", "2026-04-10", "--reason", "other"])
        .refused(1, "starts after that day");
    let (error, hints) = split(&r, "hint");
    assert!(!error.contains("kontakt match decline"), "{error}");
    assert!(
        hints
            .iter()
            .any(|h| h.contains(&format!("kontakt match decline {a}"))),
        "{}",
        r.stderr
    );
}

#[test]
fn an_approved_volunteer_is_told_how_she_leaves() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    let v = kit.volunteer_of(&a);
    kit.today = "2026-04-10".into();
    let r = kit
        .run(&["screen", "volunteer", &v, "--reject", "ny uppgift"])
        .refused(1, "is approved");
    let (_, hints) = split(&r, "hint");
    assert!(
        hints[0].contains(&format!("kontakt end {v} --date DATE --reason other")),
        "{}",
        r.stderr
    );
}

#[test]
fn a_report_without_an_agreement_points_to_agree() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(0);
    let a = kit.run(&["match", "propose", &c, &v]).id();
    kit.today = "2026-04-02".into();
    let r = kit
        .run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .refused(1, "has no agreement yet");
    let (_, hints) = split(&r, "hint");
    assert!(
        hints
            .iter()
            .any(|h| h.contains(&format!("kontakt agree {a} --start DATE"))),
        "{}",
        r.stderr
    );
}

/// An import that would replace a report on file says so on its lines, and the way on (the
/// same file with `--replace`) on a hint line of its own.
#[test]
fn an_import_that_would_replace_a_report_hints_at_replace() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    kit.today = "2026-04-05".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-10"])
        .ok();
    let file = kit.dir.parent().unwrap().join("e-tjanst.csv");
    std::fs::write(&file, format!("assignment,date\n{a},2026-03-12\n")).unwrap();
    let path = file.to_str().unwrap();
    let r = kit
        .run(&["report", "import", path])
        .refused(2, "already has a report for 2026-03");
    let (error, hints) = split(&r, "hint");
    assert!(!error.contains("--replace"), "{error}");
    assert_eq!(
        hints,
        [format!(
            "`kontakt report import {path} --replace` replaces them"
        )],
        "{}",
        r.stderr
    );
    let r = kit
        .run(&["--lang", "sv", "report", "import", path])
        .refused(2, "har redan en rapport");
    let (_, hints) = split(&r, "tips");
    assert!(hints[0].contains("--replace` ersätter dem"), "{}", r.stderr);
    // A file with nothing to replace gives no such hint.
    std::fs::write(&file, format!("assignment,date\n{a},2026-05-40\n")).unwrap();
    let r = kit.run(&["report", "import", path]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!r.stderr.contains("hint:"), "{}", r.stderr);
}

/// An ending that corrects an approved report needs a named person: the refusal says why, and
/// the hint the command again, with the record that was ended and `--by`.
#[test]
fn an_ending_that_corrects_an_approved_report_hints_at_by() {
    let mut kit = Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    let v = kit.volunteer_of(&a);
    kit.today = "2026-04-02".into();
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--meeting",
        "2026-03-05",
        "--meeting",
        "2026-03-20",
    ])
    .ok();
    kit.run(&[
        "report", "approve", "--month", "2026-03", "--all", "--by", "Anna",
    ])
    .ok();
    let home = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("kontakt")
        .unwrap()
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("KONTAKT_USER")
        .env_remove("GIT_AUTHOR_NAME")
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env("HOME", home.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("--records")
        .arg(&kit.dir)
        .args(["--today", &kit.today])
        .args([
            "end",
            &v,
            "--date",
            "2026-03-10",
            "--reason",
            "volunteer_request",
        ])
        .output()
        .unwrap();
    let r = Ran {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
    .refused(1, "a correction needs a named person");
    let (error, hints) = split(&r, "hint");
    assert!(!error.contains("--by"), "{error}");
    assert!(
        hints.iter().any(|h| h.contains(&format!(
            "`kontakt end {v} --date DATE --reason REASON --by NAME`"
        ))),
        "{}",
        r.stderr
    );
}
