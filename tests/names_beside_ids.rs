//! What a person reads names people beside their ids (issue 16): the pay table, the pay run's
//! summary page an official attests, an assignment's and a person's `show`. Scripts (JSON)
//! keep the ids alone.

mod common;

use common::Kit;

#[test]
fn pay_shows_and_the_attested_page_name_the_payees() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-05".into();
    let volunteers = kit.json(&["list", "volunteers"]);
    let name_of = |id: &str| {
        volunteers
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == id)
            .map(|v| v["name"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{id} not listed"))
    };
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let table = kit.cmd("pay 2026-10 --dry-run").ok().stdout;
    for line in plan["lines"].as_array().unwrap() {
        let v = line["volunteer"].as_str().unwrap();
        assert!(
            table.contains(&format!("{v} {}", name_of(v))),
            "{v}: {table}"
        );
    }
    let runs = kit.json(&["list", "payruns"]);
    let run = runs[0]["id"].as_str().unwrap().to_string();
    let page = kit.run(&["show", &run, "--format", "html"]).ok().stdout;
    let shown = kit.json(&["show", &run]);
    for line in shown["lines"].as_array().unwrap() {
        let v = line["volunteer"].as_str().unwrap();
        assert!(page.contains(&name_of(v)), "{v} unnamed on the page");
    }
    // The script's view keeps ids only.
    assert!(
        plan["lines"][0]["volunteer"]
            .as_str()
            .unwrap()
            .starts_with("V-")
    );
}
