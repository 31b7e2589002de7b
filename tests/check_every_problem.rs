//! `check` names every mistake of a file in one run, each at its line, not one per run.

mod common;

use common::Kit;

#[test]
fn every_mistake_of_a_hand_edited_file_in_one_run() {
    let kit = Kit::demo();
    let dir = kit.dir.join("clients");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("[[decisions]]")
        })
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut broken = Vec::new();
    for (key, bad) in [
        ("applied = ", "applied = \"2026-8-03\""),
        ("wants_gender = ", "wants_gender = \"kanske\""),
        ("outcome = ", "outcome = \"kanske\""),
    ] {
        let i = lines.iter().position(|l| l.starts_with(key)).unwrap();
        lines[i] = bad.to_string();
        broken.push(i + 1);
    }
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let out = kit.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let name = file.file_name().unwrap().to_str().unwrap();
    for line in broken {
        assert!(
            out.stdout.contains(&format!("{name}:{line}: ")),
            "line {line}: {}",
            out.stdout
        );
    }
    assert!(!out.stdout.contains("missing field"), "{}", out.stdout);
    // The broken client is not also said not to exist by what names it.
    assert!(!out.stdout.contains("no client"), "{}", out.stdout);
}

/// A broken assignment is one finding at its line: its reports and the pay runs that paid it
/// are not also told it does not exist.
#[test]
fn a_broken_assignment_is_not_also_said_to_be_missing() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-20".into();
    let before = kit.run(&["check"]).stdout.lines().count();
    let reports = kit.json(&["list", "reports"]);
    let a = reports[0]["assignment"].as_str().unwrap().to_string();
    let rel = format!("assignments/{a}.toml");
    let text = kit.read(&rel);
    let broken: String = text
        .lines()
        .map(|l| {
            if l.starts_with("proposed = ") {
                "proposed = \"2026-8-03\"\n".to_string()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert_ne!(broken, text);
    std::fs::write(kit.dir.join(&rel), broken).unwrap();
    let out = kit.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains(&format!("{rel}:")), "{}", out.stdout);
    assert!(!out.stdout.contains("no assignment"), "{}", out.stdout);
    assert_eq!(out.stdout.lines().count(), before + 1, "{}", out.stdout);
}
