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

/// The names of every person on file, by id, from the scripts' view.
fn names(kit: &Kit) -> std::collections::HashMap<String, String> {
    let mut out = std::collections::HashMap::new();
    for kind in ["clients", "volunteers"] {
        for p in kit.json(&["list", kind]).as_array().unwrap() {
            out.insert(
                p["id"].as_str().unwrap().to_string(),
                p["name"].as_str().unwrap().to_string(),
            );
        }
    }
    out
}

/// The table rows (lines starting with `│`) that hold `needle`, joined with the lines wrapped
/// under them: one cell may run over several lines.
fn row_with(table: &str, needle: &str) -> String {
    let lines: Vec<&str> = table.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in {table}"));
    let mut row = lines[at].to_string();
    for l in &lines[at + 1..] {
        // A wrapped line's first cell is blank; a new row's is not.
        if !l.starts_with("│ ") || !l.trim_start_matches("│ ").starts_with(' ') {
            break;
        }
        row.push_str(l);
    }
    row
}

#[test]
fn pays_detail_tables_reports_and_due_name_the_volunteer() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-05".into();
    let names = names(&kit);
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let table = kit.cmd("pay 2026-10 --dry-run").ok().stdout;
    let not_paid = &table[table.find("Not paid").expect("a Not paid table")..];
    for e in plan["excluded"].as_array().unwrap() {
        let row = row_with(not_paid, e["assignment"].as_str().unwrap());
        let name = &names[e["volunteer"].as_str().unwrap()];
        assert!(row.contains(name.as_str()), "{name} not in {row}");
    }
    let delivered = &table[table.find("By what was delivered").unwrap()..];
    for l in plan["lines"].as_array().unwrap() {
        if l["quantity"].is_null() {
            continue;
        }
        let row = row_with(delivered, l["assignment"].as_str().unwrap());
        let name = &names[l["volunteer"].as_str().unwrap()];
        assert!(row.contains(name.as_str()), "{name} not in {row}");
    }

    let assignments = kit.json(&["list", "assignments"]);
    let pair = |a: &str| {
        let a = assignments
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == a)
            .unwrap();
        (
            names[a["client"].as_str().unwrap()].clone(),
            names[a["volunteer"].as_str().unwrap()].clone(),
        )
    };
    let reports = kit.json(&["list", "reports", "--month", "2026-10"]);
    let listed = kit.cmd("list reports --month 2026-10").ok().stdout;
    for r in reports.as_array().unwrap() {
        let a = r["assignment"].as_str().unwrap();
        assert!(row_with(&listed, a).contains(&pair(a).1), "{a}: {listed}");
        assert!(r["volunteer"].as_str().unwrap().starts_with("V-"));
    }

    // A due item about an assignment names both of its people; the script's view too.
    let due = kit.json(&["due", "--all"]);
    let shown = kit.cmd("due --all").ok().stdout;
    let mut seen = 0;
    for d in due.as_array().unwrap() {
        let id = d["id"].as_str().unwrap();
        if !id.starts_with("A-") {
            continue;
        }
        let (client, volunteer) = pair(id);
        assert_eq!(d["name"], format!("{client} / {volunteer}"));
        let row = row_with(&shown, id);
        assert!(row.contains(&client) && row.contains(&volunteer), "{row}");
        seen += 1;
    }
    assert!(seen > 0, "the demo has something due about an assignment");
}

#[test]
fn propose_and_decline_say_whom_they_pair() {
    let mut kit = Kit::new();
    let (c, v) = kit.ready_pair(0);
    let names = names(&kit);
    kit.today = "2026-03-01".into();
    let made = kit.run(&["match", "propose", &c, &v]).ok();
    // The id alone on stdout, for a script; the people on stderr, for the person typing.
    let a = made.stdout.trim().to_string();
    assert!(a.starts_with("A-") && !a.contains(' '), "{a}");
    assert!(
        made.stderr.contains(&format!("{c} {}", names[&c]))
            && made.stderr.contains(&format!("{v} {}", names[&v])),
        "{}",
        made.stderr
    );
    let declined = kit
        .run(&["match", "decline", &a, "--by", "client", "--reason", "nej"])
        .ok()
        .stdout;
    assert!(
        declined.contains(&names[&c]) && declined.contains(&names[&v]),
        "{declined}"
    );
}

/// What a command says it did names the person (an assignment: both people), and the
/// commands about one person take her name as `show` does.
#[test]
fn commands_answer_with_names_and_take_them() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-20".into();
    let names = names(&kit);
    let volunteers = kit.json(&["list", "volunteers", "--status", "approved"]);
    let v = volunteers[0]["id"].as_str().unwrap().to_string();
    let name = names[&v].clone();
    let said = kit
        .run(&["update", &name, "--phone", "070-1112233"])
        .ok()
        .stdout;
    assert!(said.starts_with(&format!("{v} {name} updated")), "{said}");
    let said = kit.run(&["support", &name, "--kind", "phone"]).ok().stdout;
    assert!(said.starts_with(&format!("{v} {name}: phone")), "{said}");
    let screening = kit.json(&["list", "volunteers", "--status", "screening"]);
    let s = screening[0]["id"].as_str().unwrap().to_string();
    let said = kit
        .run(&[
            "screen",
            "volunteer",
            &names[&s],
            "--interview",
            "2026-11-19",
        ])
        .ok()
        .stdout;
    assert!(said.starts_with(&format!("{s} {}", names[&s])), "{said}");
    let a = kit.json(&["list", "assignments", "--status", "active"])[0].clone();
    let (id, c, v) = (
        a["id"].as_str().unwrap(),
        a["client"].as_str().unwrap(),
        a["volunteer"].as_str().unwrap(),
    );
    let said = kit
        .run(&["report", id, "2026-11", "--meeting", "2026-11-12"])
        .ok()
        .stdout;
    assert!(
        said.contains(&format!("{c} {}", names[c])) && said.contains(&format!("{v} {}", names[v])),
        "{said}"
    );
}

/// `report`, `agree` and `plan` take the person whose one open assignment it is; a person with
/// several is asked which, each named.
#[test]
fn an_assignment_is_named_by_its_person() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-20".into();
    let names = names(&kit);
    let open = kit.json(&["list", "assignments", "--status", "active"]);
    let mut per_volunteer: std::collections::HashMap<String, Vec<String>> = Default::default();
    for a in open.as_array().unwrap() {
        per_volunteer
            .entry(a["volunteer"].as_str().unwrap().to_string())
            .or_default()
            .push(a["id"].as_str().unwrap().to_string());
    }
    let (one, hers) = per_volunteer
        .iter()
        .find(|(_, a)| a.len() == 1)
        .expect("a volunteer with one open assignment");
    let said = kit
        .run(&["report", &names[one], "2026-11", "--meeting", "2026-11-12"])
        .ok()
        .stdout;
    assert!(said.starts_with(&hers[0]), "{said}");
    let (many, theirs) = per_volunteer
        .iter()
        .find(|(_, a)| a.len() > 1)
        .expect("a volunteer with several");
    let r = kit
        .run(&["plan", &names[many], "--print"])
        .refused(1, "open assignments; give one of these ids");
    for a in theirs {
        assert!(r.stderr.contains(a.as_str()), "{}", r.stderr);
    }
    // A name several people share gets the people to choose from, not "no assignment".
    let berg = names.values().filter(|n| n.ends_with(" Berg")).count();
    assert!(berg > 1, "the demo has several Berg");
    kit.run(&["report", "Berg", "2026-11", "--meeting", "2026-11-12"])
        .refused(1, "people match");
}
