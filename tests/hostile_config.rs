//! Numbers from a person's hand that once made a command panic or hang: each is refused or
//! handled, never a crash (issue 15 §9).

mod common;

use common::Kit;

/// Every numeric setting of the demo's `kontakt.toml` set to values at the edges of what TOML
/// and the field's type hold: `check`, `due`, `pay --dry-run` and `stats` end with a message
/// (exit 0, 1 or 2), never a panic (101) or an overflow.
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
        for value in ["4000000000", "18446744073709551615", "-1"] {
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
            for cmd in ["check", "due", "pay 2026-10 --dry-run", "stats"] {
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
