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
