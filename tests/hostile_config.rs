//! Numbers from a person's hand that once made a command panic or hang: each is refused or
//! handled, never a crash (issue 15 §9).

mod common;

use common::Kit;

/// Every numeric setting of the demo's `kontakt.toml` set to values at the edges of what TOML
/// and the field's type hold: `check`, `due`, `pay --dry-run`, `stats` and `match auto` end
/// with a message (exit 0, 1 or 2), never a panic (101) or an overflow (a matching weight of
/// i64::MAX once overflowed the score).
#[test]
fn extreme_configuration_numbers_are_refused_or_handled() {
    let kit = Kit::demo();
    let original = kit.read("kontakt.toml");
    let numeric: Vec<(usize, String)> = original
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            l.split_once(" = ")
                .is_some_and(|(k, v)| !k.contains(' ') && v.parse::<i64>().is_ok())
        })
        .map(|(i, l)| (i, l.split(" = ").next().unwrap().to_string()))
        .collect();
    assert!(numeric.len() >= 10, "the demo's settings: {numeric:?}");
    for (at, key) in &numeric {
        for value in [
            "4000000000",
            "9223372036854775807",
            "18446744073709551615",
            "-1",
        ] {
            let edited: String = original
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    if i == *at {
                        format!("{key} = {value}\n")
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect();
            std::fs::write(kit.dir.join("kontakt.toml"), edited).unwrap();
            for cmd in [
                "check",
                "due",
                "pay 2026-10 --dry-run",
                "stats",
                "match auto --dry-run",
            ] {
                let r = kit.cmd(cmd);
                assert!(
                    (0..=2).contains(&r.code) && !r.stderr.contains("panicked"),
                    "{key} = {value}, `{cmd}`: exit {}\n{}",
                    r.code,
                    r.stderr
                );
            }
        }
    }
}

/// A retroactive limit far beyond the allowed 24 months is named by `check` with its line,
/// and refused by `pay` (it used to loop four billion times).
#[test]
fn a_huge_retroactive_limit_is_named_with_its_line() {
    let kit = Kit::demo();
    let toml = kit.read("kontakt.toml");
    let line = toml
        .lines()
        .position(|l| l.starts_with("retroactive_months"))
        .unwrap()
        + 1;
    std::fs::write(
        kit.dir.join("kontakt.toml"),
        toml.replace("retroactive_months = 3", "retroactive_months = 4000000"),
    )
    .unwrap();
    let r = kit.cmd("check");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!(
            "kontakt.toml:{line}: E018 field `payroll.retroactive_months`"
        )),
        "{}",
        r.stdout
    );
    kit.cmd("pay 2026-10 --dry-run")
        .refused(2, &format!("kontakt.toml:{line}"));
}

/// `due --within` takes any day count: a horizon past the calendar lists everything.
#[test]
fn due_within_a_horizon_beyond_the_calendar_lists_everything() {
    let kit = Kit::demo();
    let year = kit.cmd("due --within 365").ok();
    let all = kit.cmd("due --within 100000000").ok();
    assert!(all.stdout.lines().count() >= year.stdout.lines().count());
    let max = kit.run(&["due", "--within", &u32::MAX.to_string()]).ok();
    assert_eq!(max.stdout, all.stdout);
}

/// A matching weight with a zero too many is named by `check` at its line and refused by the
/// matching it would skew; a sane one is accepted.
#[test]
fn a_matching_weight_beyond_its_range_is_named_with_its_line() {
    let kit = Kit::demo();
    let toml = kit.read("kontakt.toml");
    let line = toml
        .lines()
        .position(|l| l.starts_with("waiting_per_month"))
        .unwrap()
        + 1;
    let set = |v: &str| {
        std::fs::write(
            kit.dir.join("kontakt.toml"),
            toml.replace("waiting_per_month = 2", &format!("waiting_per_month = {v}")),
        )
        .unwrap()
    };
    set("20000");
    let r = kit.cmd("check");
    assert!(
        r.stdout.contains(&format!(
            "kontakt.toml:{line}: E018 field `matching.waiting_per_month`: expected -10000 to 10000, found 20000"
        )),
        "{}",
        r.stdout
    );
    kit.cmd("match auto --dry-run")
        .refused(2, &format!("kontakt.toml:{line}"));
    set("10000");
    assert!(!kit.cmd("check").stdout.contains("E018"));
    kit.cmd("match auto --dry-run").ok();
}

/// A ledger entry whose `seq` was edited to the highest u32 makes the next run refuse with a
/// message, not wrap its order to 0.
#[test]
fn a_ledger_seq_at_its_highest_is_refused_not_wrapped() {
    let mut kit = Kit::demo();
    kit.today = "2026-11-05".into();
    let runs = kit.json(&["list", "payruns"]);
    let file = runs[0]["file"].as_str().unwrap().replace(".csv", ".toml");
    let entry = kit.read(&file);
    assert!(entry.contains("seq = "), "{entry}");
    let edited: String = entry
        .lines()
        .map(|l| {
            if l.starts_with("seq = ") {
                format!("seq = {}\n", u32::MAX)
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(kit.dir.join(&file), edited).unwrap();
    kit.cmd("pay 2026-10").refused(1, "seq = 4294967295");
    assert_eq!(kit.json(&["list", "payruns"]), runs, "nothing written");
}

/// The fee categories' and expense levels' per cents from a person's hand, far beyond what
/// `check` allows (E-config): `check` names them and judges the agreements by them without
/// overflowing (a per cent of 4 000 000 000 once overflowed `* 100` in `rules::terms`).
#[test]
fn fee_categories_and_expense_levels_beyond_range_are_named_not_a_crash() {
    let kit = Kit::demo();
    let original = kit.read("kontakt.toml");
    assert!(original.contains("fee_categories = [[10, 35], [20, 45], [30, 55]]"));
    assert!(original.contains("expense_levels = [10, 25, 40]"));
    for (from, to) in [
        (
            "fee_categories = [[10, 35], [20, 45], [30, 55]]",
            "fee_categories = [[4000000000, 4294967295], [20, 45], [30, 55]]",
        ),
        (
            "expense_levels = [10, 25, 40]",
            "expense_levels = [4294967295, 4000000000, 40]",
        ),
    ] {
        std::fs::write(kit.dir.join("kontakt.toml"), original.replace(from, to)).unwrap();
        for cmd in ["check", "pay 2026-10 --dry-run", "due", "stats"] {
            let r = kit.cmd(cmd);
            assert!(
                (1..=2).contains(&r.code) && !r.stderr.contains("panicked"),
                "{to}, `{cmd}`: exit {}\n{}",
                r.code,
                r.stderr
            );
        }
        let r = kit.cmd("check");
        assert!(r.stdout.contains("kontakt.toml"), "{}", r.stdout);
    }
}
