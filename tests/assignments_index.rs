//! `show` of a person lists her assignments through an index (`store::by_person`) that is never
//! trusted blindly: a new proposal, a file removed by hand or a damaged index still give the
//! assignments on file.

mod common;

use common::Kit;

fn listed(kit: &Kit, person: &str) -> Vec<String> {
    let out = kit.run(&["show", person]).ok().stdout;
    let table = out.split("Assignments").nth(1).unwrap_or("");
    table
        .split_whitespace()
        .filter(|w| w.starts_with("A-"))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_persons_assignments_follow_the_files_whatever_the_index_says() {
    let kit = Kit::new();
    let (c, v) = kit.ready_pair(0);
    assert!(listed(&kit, &c).is_empty());
    let a = kit.run(&["match", "propose", &c, &v]).id();
    assert_eq!(listed(&kit, &c), vec![a.clone()]);
    assert_eq!(listed(&kit, &v), vec![a.clone()]);
    kit.run(&["match", "decline", &a, "--by", "client", "--reason", "nej"])
        .ok();
    let b = kit
        .run(&["match", "propose", &c, &v, "--again", "nya tider"])
        .id();
    let mut both = listed(&kit, &c);
    both.sort();
    let mut want = vec![a.clone(), b.clone()];
    want.sort();
    assert_eq!(both, want);
    // Removed by hand: gone from the list at once.
    std::fs::remove_file(kit.dir.join(format!("assignments/{b}.toml"))).unwrap();
    assert_eq!(listed(&kit, &c), vec![a.clone()]);
    // A damaged index is rebuilt.
    let index = kit.dir.join(".kontakt/index/assignments-by-person");
    for e in std::fs::read_dir(&index).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "tsv") {
            std::fs::write(&p, "garbage\n").unwrap();
        }
    }
    assert_eq!(listed(&kit, &v), [a]);
}
