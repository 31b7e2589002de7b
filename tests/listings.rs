//! Each kind's listing is one column definition (`cli/listing.rs`): the JSON objects have a key
//! for every CSV column, the table shows a subset of them, in the same order as CSV.

mod common;

use common::Kit;

#[test]
fn json_csv_and_the_table_come_from_the_same_columns() {
    let kit = Kit::demo();
    for what in ["clients", "volunteers", "assignments", "reports", "payruns"] {
        let json = kit.json(&["list", what]);
        let first = json[0]
            .as_object()
            .unwrap_or_else(|| panic!("{what}: {json}"));
        let csv = kit.cmd(&format!("list {what} --format csv")).ok().stdout;
        let mut rdr = csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(first.len(), header.len(), "{what}: {first:?} / {header:?}");
        let rows = rdr.records().count();
        assert_eq!(rows, json.as_array().unwrap().len(), "{what}");
        // The table's headers are CSV's, in CSV's order (a table leaves some out).
        let table = kit.cmd(&format!("list {what}")).ok().stdout;
        let head = table.lines().nth(1).unwrap();
        let shown: Vec<&str> = head
            .split(['│', '┆'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let mut at = header.iter();
        for h in &shown {
            assert!(
                at.any(|c| c == h),
                "{what}: table header {h} not in CSV order {header:?}"
            );
        }
    }
}

/// One mistake in one record does not stop the municipality's listings: `list` and `due` show
/// every other record and name the broken file on stderr (exit 1); `pay` still refuses.
#[test]
fn a_broken_record_is_named_and_the_rest_is_listed() {
    let kit = Kit::demo();
    let all = kit.json(&["list", "clients"]);
    let n = all.as_array().unwrap().len();
    // A client October's run pays for, so that the run reads (and refuses) her file.
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let paid = plan["lines"][0]["assignment"].as_str().unwrap().to_string();
    let assignments = kit.json(&["list", "assignments"]);
    let broken = assignments
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == paid.as_str())
        .and_then(|a| a["client"].as_str())
        .unwrap()
        .to_string();
    let rel = format!("clients/{broken}.toml");
    let text = kit.read(&rel);
    let edited: String = text
        .lines()
        .map(|l| {
            if l.starts_with("applied = ") {
                "applied = 2026-8-03".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(kit.dir.join(&rel), edited).unwrap();
    let listed = kit.run(&["--json", "list", "clients"]);
    assert_eq!(listed.code, 1, "{}", listed.stderr);
    assert!(
        listed.stderr.contains(&format!("{rel}:")),
        "{}",
        listed.stderr
    );
    let rows: serde_json::Value = serde_json::from_str(&listed.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), n - 1);
    let due = kit.run(&["due"]);
    assert_eq!(due.code, 1, "{}", due.stderr);
    assert!(due.stderr.contains(&rel), "{}", due.stderr);
    assert!(!due.stdout.is_empty());
    kit.cmd("pay 2026-10 --dry-run").refused(2, &rel);
}

/// A client file that does not parse is reported once, as what it is (E001), and the
/// assignments that name her are not also told "no client on file" (E008).
#[test]
fn a_broken_client_is_not_also_reported_missing() {
    let kit = Kit::demo();
    let assignments = kit.json(&["list", "assignments"]);
    let client = assignments[0]["client"].as_str().unwrap().to_string();
    let rel = format!("clients/{client}.toml");
    let text = kit.read(&rel);
    std::fs::write(
        kit.dir.join(&rel),
        text.replace("applied = \"", "applied = 2026-8-03 # \""),
    )
    .unwrap();
    let check = kit.cmd("check");
    assert_eq!(check.code, 1);
    assert!(
        check.stdout.contains(&format!("{rel}:")),
        "{}",
        check.stdout
    );
    assert!(
        !check.stdout.contains(&format!("no client {client}")),
        "{}",
        check.stdout
    );
}

/// A long `due` is shortened for a person, most urgent first, with what was left out counted
/// by kind; scripts get every item unless they ask for fewer.
#[test]
fn a_long_due_table_stops_and_counts_the_rest_scripts_get_everything() {
    let kit = Kit::demo();
    let csv = kit.cmd("due --format csv").ok().stdout;
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let all: Vec<(String, String)> = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_string(), r[2].to_string())
        })
        .collect();
    assert!(all.len() > 6, "the demo has enough due: {csv}");
    assert_eq!(kit.json(&["due"]).as_array().unwrap().len(), all.len());
    let five = kit.json(&["due", "--limit", "5"]);
    let ids: Vec<&str> = five
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let first: Vec<&str> = all[..5].iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, first, "the most urgent five");

    let table = kit.cmd("due --limit 5").ok().stdout;
    for (_, id) in &all[..5] {
        assert!(table.contains(id.as_str()), "{id} shown: {table}");
    }
    let note = table.lines().rev().nth(1).unwrap();
    assert!(
        note.starts_with(&format!("5 of {} shown", all.len())),
        "{table}"
    );
    // Each kind among the rest, with its count, as the CSV has them.
    let mut rest: Vec<(&str, usize)> = Vec::new();
    for (what, _) in &all[5..] {
        match rest.iter_mut().find(|(w, _)| w == what) {
            Some((_, n)) => *n += 1,
            None => rest.push((what.as_str(), 1)),
        }
    }
    for (what, n) in &rest {
        assert!(note.contains(&format!("{what} {n}")), "{what} {n}: {note}");
    }
    let every = kit.cmd("due --all").ok().stdout;
    assert!(!every.contains(" shown"), "{every}");
    for (_, id) in &all {
        assert!(every.contains(id.as_str()));
    }

    let sv = kit.cmd("--lang sv due --limit 5").ok().stdout;
    assert!(sv.contains(&format!("5 av {} visas", all.len())), "{sv}");
    let both = kit.run(&["due", "--all", "--limit", "3"]);
    assert_eq!(both.code, 2, "{}", both.stderr);
}

/// A pay run's lines say what each counts (its dygn, meetings, km, receipts), as its page does,
/// and days of the month only for lines paid by the day.
#[test]
fn a_pay_runs_lines_show_what_each_counts() {
    let kit = Kit::demo();
    let runs = kit.json(&["list", "payruns"]);
    let with_stays = runs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .find(|id| {
            kit.json(&["show", id])["lines"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| !l["quantity"]["dygn"].is_null())
        })
        .expect("the demo pays a kontaktfamilj's stays");
    let shown = kit.cmd(&format!("--lang sv show {with_stays}")).ok().stdout;
    assert!(shown.contains(" dygn"), "{shown}");
    assert!(shown.contains("antal"), "{shown}");
}

/// `list clients` says who is granted and still waiting for a volunteer: until someone is on
/// it (a proposal), and again after an interruption; `--waiting` lists only them.
#[test]
fn a_granted_client_nobody_is_on_yet_is_listed_as_waiting() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(0);
    let waiting = |kit: &Kit| -> Vec<String> {
        kit.json(&["list", "clients", "--waiting"])
            .as_array()
            .unwrap()
            .iter()
            .map(|x| {
                assert_eq!(x["waiting"], true, "{x}");
                x["id"].as_str().unwrap().to_string()
            })
            .collect()
    };
    assert_eq!(waiting(&kit), vec![c.clone()]);
    let table = kit.run(&["list", "clients"]).ok().stdout;
    assert!(
        table.contains("needs volunteer") && table.contains("yes"),
        "{table}"
    );
    let a = kit.run(&["match", "propose", &c, &v]).id();
    assert!(waiting(&kit).is_empty());
    let all = kit.json(&["list", "clients"]);
    assert_eq!(all[0]["waiting"], false, "{all}");
    kit.agree(&a, "2026-03-05", true).ok();
    kit.today = "2026-05-10".into();
    kit.run(&[
        "end",
        &a,
        "--date",
        "2026-05-10",
        "--reason",
        "volunteer_request",
    ])
    .ok();
    assert!(waiting(&kit).is_empty(), "the last day is still served");
    kit.today = "2026-05-11".into();
    assert_eq!(waiting(&kit), vec![c], "an interruption: she waits again");
}
