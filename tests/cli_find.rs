//! `kontakt find` and `show NAME|PERSONNUMMER`: staff find people by what they know of them
//! (issue 16, "Find and read people, not ids").
mod common;

use common::Kit;

/// Elsa Lind's personnummer in full, from the demo records.
fn elsa_pnr(kit: &Kit) -> String {
    let clients = kit.json(&["--show-pnr", "list", "clients"]);
    clients
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Elsa Lind")
        .unwrap()["pnr"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn find_by_name_parts_any_case_and_accents_with_who_they_are_matched_with() {
    let kit = Kit::demo();
    let out = kit.run(&["find", "anna"]).ok();
    insta::assert_snapshot!(out.stdout, @r"
    ╭──────────┬───────────┬────────────┬───────────────┬──────┬──────────┬───────────────────────────────────────────╮
    │ id       ┆ kind      ┆ name       ┆ personnummer  ┆ area ┆ status   ┆ assignments                               │
    ╞══════════╪═══════════╪════════════╪═══════════════╪══════╪══════════╪═══════════════════════════════════════════╡
    │ V-TW4GZ4 ┆ volunteer ┆ Anna Åberg ┆ 19850105-**** ┆ Norr ┆ approved ┆ A-9GEZK8 with C-C32N2N Noah Wik (active)  │
    │          ┆           ┆            ┆               ┆      ┆          ┆ A-GMVGAE with C-Z8308Y Elsa Lind (active) │
    ╰──────────┴───────────┴────────────┴───────────────┴──────┴──────────┴───────────────────────────────────────────╯
    ");
    for q in [&["ABERG"][..], &["åberg", "anna"], &["Norr", "ann"]] {
        let mut args = vec!["find"];
        args.extend_from_slice(q);
        let r = kit.run(&args).ok();
        assert!(r.stdout.contains("V-TW4GZ4"), "{q:?}: {}", r.stdout);
    }
    // "ann" is the start of Anna, not a part of Hanna.
    let r = kit.run(&["find", "ann"]).ok();
    assert!(!r.stdout.contains("Hanna"), "{}", r.stdout);
    let r = kit.run(&["--lang", "sv", "find", "elsa"]).ok();
    assert!(
        r.stdout.contains("med V-TW4GZ4 Anna Åberg (pågår)"),
        "{}",
        r.stdout
    );
    kit.run(&["find", "Ingen", "Sådan"])
        .refused(1, "nobody matches");
    let json = kit.json(&["find", "elsa"]);
    assert_eq!(json[0]["kind"], "client");
    assert_eq!(json[0]["with"][0]["name"], "Anna Åberg");
    assert!(json[0]["pnr"].as_str().unwrap().ends_with("****"), "{json}");
}

#[test]
fn find_and_show_by_personnummer_in_any_common_form() {
    let kit = Kit::demo();
    let full = elsa_pnr(&kit);
    let digits: String = full.chars().filter(char::is_ascii_digit).collect();
    for q in [
        full.clone(),
        digits.clone(),
        digits[2..].to_string(),
        full[2..].to_string(),
    ] {
        let r = kit.run(&["find", &q]).ok();
        assert!(r.stdout.contains("Elsa Lind"), "{}", r.stdout);
        assert_eq!(r.stdout.matches("C-").count(), 1, "{}", r.stdout);
        let r = kit.run(&["show", &q]).ok();
        assert!(r.stdout.contains("Elsa Lind"), "{}", r.stdout);
        assert!(!r.stdout.contains(&digits[8..]), "masked: {}", r.stdout);
    }
    // Several people: the candidates, masked; a personnummer nobody has is never echoed.
    let r = kit.run(&["show", "a"]).refused(1, "people match");
    assert!(
        r.stderr.contains("Anna Åberg") && r.stderr.contains("****"),
        "{}",
        r.stderr
    );
    let last = if digits.ends_with('9') { '8' } else { '9' };
    let unknown = format!("{}{last}", &digits[..11]);
    let r = kit
        .run(&["show", &unknown])
        .refused(1, "nobody on file has that personnummer");
    assert!(!r.stderr.contains(&unknown[4..]), "{}", r.stderr);
}

/// An id prefix that several records share is answered with their ids, never with a person
/// whose name happens to contain it (`P-` is every pay run, and also the start of "Petrov").
#[test]
fn a_shared_id_prefix_lists_its_ids_and_finds_no_person() {
    let kit = Kit::demo();
    let runs = kit.json(&["list", "payruns"]);
    let ids: Vec<String> = runs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.len() > 1, "{ids:?}");
    let r = kit.run(&["show", "P-"]).refused(2, "is ambiguous");
    for id in &ids {
        assert!(r.stderr.contains(id.as_str()), "{id} not in {}", r.stderr);
    }
    assert!(!r.stdout.contains("V-"), "{}", r.stdout);
}

/// One hand-broken file hides nobody else: `find`, `show NAME`, `match suggest` and `stats`
/// answer from the rest, name the file on stderr and exit 1.
#[test]
fn one_broken_file_hides_nobody_else() {
    let kit = Kit::demo();
    let clients = kit.json(&["list", "clients"]);
    let broken = clients
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] != "Elsa Lind" && c["name"] != "Lea Falk")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let rel = format!("clients/{broken}.toml");
    let text = kit.read(&rel);
    let line = text.lines().find(|l| l.starts_with("applied = ")).unwrap();
    std::fs::write(
        kit.dir.join(&rel),
        text.replace(line, "applied = 2026-8-03"),
    )
    .unwrap();
    for args in [
        &["find", "Elsa"][..],
        &["show", "Elsa"],
        &["match", "suggest", "Lea"],
        &["stats"],
    ] {
        let r = kit.run(args);
        assert!(!r.stdout.is_empty(), "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(&rel) || args[0] == "show",
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.code <= 1, "{args:?}: {}", r.stderr);
    }
    assert_eq!(kit.run(&["find", "Elsa"]).code, 1);
}

/// Commands that take a person take her name as `show` does: `match suggest Lea`, `end Elsa`,
/// `update Elsa`; a name several share lists them.
#[test]
fn commands_take_a_persons_name() {
    let kit = Kit::demo();
    let lea = kit.json(&["list", "clients"]);
    let lea = lea
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Lea Falk")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let by_name = kit.json(&["match", "suggest", "Lea Falk"]);
    assert_eq!(by_name, kit.json(&["match", "suggest", &lea]));
    kit.run(&["update", "Elsa", "--area", "Väster"]).ok();
    let elsa = kit.json(&["show", "Elsa"]);
    assert_eq!(elsa["area"], "Väster", "{elsa}");
}
