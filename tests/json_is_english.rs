//! What a script reads does not depend on the language: every command's `--json` (and CSV)
//! output is the same under `--lang sv` as under `--lang en`.

mod common;

use common::Kit;

#[test]
fn json_and_csv_are_the_same_in_both_languages() {
    let kit = Kit::demo();
    let ids = |what: &str| -> Vec<String> {
        kit.json(&["list", what])
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (clients, volunteers, assignments) =
        (ids("clients"), ids("volunteers"), ids("assignments"));
    let runs = ids("payruns");
    let mut commands: Vec<Vec<String>> = [
        "list clients --json",
        "list volunteers --json",
        "list assignments --json",
        "list reports --json",
        "list payruns --json",
        "list clients --format csv",
        "list assignments --format csv",
        "due --json",
        "due --within 400 --format csv",
        "stats --json",
        "pay 2026-10 --dry-run --json",
        "pay 2026-11 --dry-run --json",
        "match auto --dry-run --json",
        "ivo --quarter 2026Q3 --json",
        "ivo --quarter 2026Q4 --format csv",
        "ivo --quarter 2026Q4 --council --json",
        "check --json",
        "find a --json",
    ]
    .iter()
    .map(|c| c.split(' ').map(str::to_string).collect())
    .collect();
    for id in clients
        .iter()
        .chain(&volunteers)
        .chain(&assignments)
        .chain(&runs)
    {
        commands.push(vec!["show".into(), id.clone(), "--json".into()]);
    }
    for c in &clients {
        commands.push(vec![
            "match".into(),
            "suggest".into(),
            c.clone(),
            "--json".into(),
        ]);
    }
    for cmd in &commands {
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let en = kit.run(&[&["--lang", "en"], args.as_slice()].concat());
        let sv = kit.run(&[&["--lang", "sv"], args.as_slice()].concat());
        assert_eq!(en.code, sv.code, "{cmd:?}: {}\n{}", en.stderr, sv.stderr);
        assert_eq!(en.stdout, sv.stdout, "{cmd:?} differs by language");
    }
}
