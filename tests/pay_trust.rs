//! Pay you can trust: the cases where a slip, a gap in the configuration or a hand edit used to
//! pay wrong or pay nothing while reporting success (issue 14). Each test names its case.
mod common;

use common::Kit;

/// A signed agreement from `start` on the usual terms (987 kr fee, 493 kr expenses a month in 2026).
fn agreed(kit: &mut Kit, nth: usize, start: &str) -> String {
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(nth);
    let a = kit.run(&["match", "propose", &c, &v]).id();
    kit.agree(&a, start, true).ok();
    a
}

/// Case 5: no prisbasbelopp for the year is a refusal that says what to add, never "nothing
/// to pay" with exit 0; `check`, `due` and `agree --print` say so beforehand.
#[test]
fn a_missing_prisbasbelopp_refuses_the_run_and_is_warned_of_from_november() {
    let mut kit = Kit::new();
    let a = agreed(&mut kit, 0, "2026-03-01");
    kit.today = "2026-10-31".into();
    for cmd in ["check", "due"] {
        let r = kit.run(&[cmd]);
        assert!(!r.stderr.contains("prisbasbelopp"), "{cmd}: {}", r.stderr);
    }
    kit.today = "2026-11-01".into();
    for cmd in ["check", "due"] {
        let r = kit.run(&[cmd]);
        assert!(
            r.stderr
                .contains("warning: kontakt.toml has no prisbasbelopp for 2027"),
            "{cmd}: {}",
            r.stderr
        );
        let sv = kit.run(&["--lang", "sv", cmd]);
        assert!(
            sv.stderr
                .contains("varning: kontakt.toml har inget prisbasbelopp för 2027"),
            "{cmd}: {}",
            sv.stderr
        );
    }

    kit.today = "2027-01-10".into();
    kit.run(&["report", &a, "2027-01", "--meeting", "2027-01-08"])
        .ok();
    kit.run(&["report", "approve", &a, "2027-01", "--by", "Handläggare"])
        .ok();
    kit.today = "2027-02-03".into();
    let before = kit.snapshot();
    for args in [&["pay", "2027-01"][..], &["pay", "2027-01", "--dry-run"]] {
        kit.run(args).refused(
            1,
            "kontakt.toml has no prisbasbelopp for 2027: add it under [compensation]",
        );
        assert_eq!(kit.snapshot(), before, "{args:?} wrote nothing");
    }
    kit.run(&["--lang", "sv", "pay", "2027-01"])
        .refused(1, "inget betalades");
    kit.run(&["--lang", "sv", "agree", &a, "--print", "--year", "2027"])
        .refused(1, "kontakt.toml har inget prisbasbelopp för 2027");

    // With the year added, the same run pays.
    let toml = kit.read("kontakt.toml");
    let fixed = toml.replace("\"2026\" = 59200", "\"2026\" = 59200, \"2027\" = 60000");
    assert_ne!(toml, fixed, "the test's kontakt.toml has the 2026 amount");
    std::fs::write(kit.dir.join("kontakt.toml"), fixed).unwrap();
    let paid = kit.json(&["pay", "2027-01"]);
    assert_eq!(paid["total_ore"], 100_000 + 50_000, "{paid}");
}
