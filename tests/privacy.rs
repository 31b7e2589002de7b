//! Personal data stays where it belongs: no real personnummer in the repository, and no full
//! personnummer in anything kontakt prints unless --show-pnr asks for it; error messages name ids,
//! never people.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Kit, kontakt_raw, repo};

/// What kontakt said, stdout then stderr: a leak counts wherever it is printed.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = kontakt_raw(dir, args);
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// (personnummer as stored, name) of every person in the records.
fn people(dir: &Path) -> Vec<(String, String)> {
    let store = kontakt::store::Store::open(dir).unwrap();
    let clients: Vec<kontakt::model::Client> = store.load_all().unwrap();
    let vols: Vec<kontakt::model::Volunteer> = store.load_all().unwrap();
    clients
        .iter()
        .map(|c| (c.pnr.canonical().to_string(), c.name.clone()))
        .chain(
            vols.iter()
                .map(|v| (v.pnr.canonical().to_string(), v.name.clone())),
        )
        .collect()
}

/// Every way a personnummer can be written: 12 digits, 10 digits, with a separator.
fn spellings(pnr: &str) -> Vec<String> {
    let (long, short) = (pnr, &pnr[2..]);
    vec![
        long.to_string(),
        short.to_string(),
        format!("{}-{}", &long[..8], &long[8..]),
        format!("{}-{}", &short[..6], &short[6..]),
        format!("{}+{}", &short[..6], &short[6..]),
    ]
}

fn leaks(text: &str, people: &[(String, String)]) -> Vec<String> {
    people
        .iter()
        .flat_map(|(p, _)| spellings(p))
        .filter(|s| text.contains(s.as_str()))
        .collect()
}

#[test]
fn the_repository_holds_no_personnummer_but_skatteverkets_test_numbers() {
    let scan = repo().join("../shared/tools/pnr-scan");
    let out = Command::new("python3")
        .arg(&scan)
        .arg(repo())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pnr-scan found:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn nothing_kontakt_prints_shows_a_full_personnummer_unless_asked() {
    // The demo records copied, so that refused commands can be tried without touching the repo.
    let kit = Kit::demo();
    let dir = kit.dir.clone();
    let people = people(&dir);
    let store = kontakt::store::Store::open(&dir).unwrap();
    let ids: Vec<String> = [
        kontakt::model::Kind::Client,
        kontakt::model::Kind::Volunteer,
    ]
    .iter()
    .flat_map(|k| store.ids(*k).unwrap())
    .map(|i| i.to_string())
    .collect();

    let mut outputs = vec![
        run(&dir, &["list", "clients"]),
        run(&dir, &["list", "volunteers"]),
        run(&dir, &["--json", "list", "clients"]),
        run(&dir, &["--json", "list", "volunteers"]),
        run(&dir, &["check"]),
        run(&dir, &["--json", "check"]),
    ];
    for id in &ids {
        outputs.push(run(&dir, &["show", id]));
        outputs.push(run(&dir, &["--json", "show", id]));
    }
    // Refusals and errors: a second application by the same people, bad input.
    let (p0, p1) = (&people[0].0, &people[people.len() - 1].0);
    let mut errors = vec![
        run(&dir, &["apply", "client", "--name", "Någon", "--pnr", p0]),
        run(
            &dir,
            &["apply", "volunteer", "--name", "Någon", "--pnr", p1],
        ),
        run(
            &dir,
            &[
                "apply",
                "client",
                "--name",
                "Någon",
                "--pnr",
                &format!("{}0", &p0[..11]),
            ],
        ),
        run(
            &dir,
            &["screen", "volunteer", &ids[ids.len() - 1], "--approve"],
        ),
    ];
    // The check below can fail: with --show-pnr the numbers are there.
    let shown = run(&dir, &["--show-pnr", "list", "clients"]);
    assert!(!leaks(&shown, &people).is_empty());
    let broken = dir.join("clients").join(format!("{}.toml", ids[0]));
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(
        &broken,
        text.replace("schema = 1", "schema = 1\nnmae = \"x\""),
    )
    .unwrap();
    errors.push(run(&dir, &["show", &ids[0]]));
    errors.push(run(&dir, &["check"]));
    outputs.extend(errors.iter().cloned());

    // The reports to IVO and to the council name nobody: no personnummer, no name.
    let mut reports = Vec::new();
    for q in ["2025Q4", "2026Q1", "2026Q3", "2026Q4"] {
        for f in ["table", "csv", "json"] {
            reports.push(run(&dir, &["ivo", "--quarter", q, "--format", f]));
            reports.push(run(
                &dir,
                &["ivo", "--quarter", q, "--council", "--format", f],
            ));
        }
    }
    for out in &reports {
        for (_, name) in &people {
            assert!(!out.contains(name.as_str()), "a name in a report:\n{out}");
        }
    }
    outputs.extend(reports);
    for out in &outputs {
        assert!(
            leaks(out, &people).is_empty(),
            "a full personnummer in:\n{out}"
        );
    }
    for err in &errors {
        for (_, name) in &people {
            assert!(
                !err.contains(name.as_str()),
                "a name in an error message:\n{err}"
            );
        }
    }
}

#[test]
fn ids_and_file_names_carry_no_personal_data() {
    let dir = repo().join("records");
    let people = people(&dir);
    for sub in ["clients", "volunteers"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                kontakt::model::Id::parse(name.trim_end_matches(".toml")).is_ok(),
                "{name}"
            );
            for (pnr, person) in &people {
                assert!(
                    !name.contains(&pnr[2..8]) && !name.contains(person.as_str()),
                    "{name}"
                );
            }
        }
    }
}
