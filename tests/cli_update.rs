//! `kontakt update`: a person's details change with a command, each change in the history, and
//! a value is refused by the same rule as in a hand-edited file (issue 16).

mod common;

use common::Kit;

#[test]
fn details_change_with_a_command_and_are_kept_in_the_history() {
    let kit = Kit::new();
    let (c, v) = kit.ready_pair(0);
    let j = kit.json(&[
        "update",
        &v,
        "--phone",
        "070-123 45 67",
        "--area",
        "Väster",
        "--interests",
        "fiske,schack",
        "--capacity",
        "3",
        "--by",
        "Samordnare",
    ]);
    assert_eq!(
        j["changed"],
        serde_json::json!(["phone", "area", "interests", "capacity"])
    );
    let text = kit.read(&format!("volunteers/{v}.toml"));
    assert!(text.contains("phone = \"070-123 45 67\""), "{text}");
    assert!(text.contains("capacity = 3"), "{text}");
    assert!(
        text.contains("updated phone, area, interests, capacity") && text.contains("Samordnare"),
        "{text}"
    );
    // The same values again change nothing and write nothing.
    let before = kit.snapshot();
    let again = kit.run(&["update", &v, "--area", "Väster"]).ok();
    assert!(again.stdout.contains("nothing changed"), "{}", again.stdout);
    assert_eq!(kit.snapshot(), before);
    // Out of bounds as in a file: refused, nothing written.
    for bad in ["0", "11"] {
        let r = kit.run(&["update", &v, "--capacity", bad]);
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert!(r.stderr.contains("capacity"), "{}", r.stderr);
        assert_eq!(kit.snapshot(), before);
    }
    // A client's details; what belongs to the other kind is refused.
    kit.run(&["update", &c, "--area", "Norr", "--wants-gender", "kvinna"])
        .ok();
    let text = kit.read(&format!("clients/{c}.toml"));
    assert!(
        text.contains("area = \"Norr\"") && text.contains("wants_gender = \"female\""),
        "{text}"
    );
    kit.run(&["update", &c, "--capacity", "2"])
        .refused(2, "--capacity");
    kit.run(&["update", &v, "--wants-gender", "male"])
        .refused(2, "--wants-gender");
}

/// What update takes is judged as apply and check judge it: an e-mail address needs its `@`
/// and domain, a language is stored as its code whether typed as `svenska` or `sv`, and fewer
/// places than assignments running is said, not silently accepted.
#[test]
fn details_are_judged_as_typed_and_as_filed() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    let v = kit.volunteer_of(&a);
    kit.run(&["update", &v, "--email", "anna.aberg.exempel.se"])
        .refused(2, "not an e-mail address");
    kit.run(&["update", &v, "--email", "anna@exempel.se"]).ok();
    kit.run(&["update", &v, "--languages", "Svenska,arabiska,sv"])
        .ok();
    assert_eq!(
        kit.json(&["show", &v])["languages"],
        serde_json::json!(["sv", "ar"])
    );
    kit.run(&["update", &v, "--languages", "klingonska"])
        .refused(2, "not a language code");
    let r = kit.run(&["update", &v, "--capacity", "1"]).ok();
    assert!(!r.stderr.contains("more than"), "{}", r.stderr);
    let (c2, _) = kit.ready_pair(3);
    let b = kit.run(&["match", "propose", &c2, &v]);
    // With one place taken, a second proposal is refused; with two, it is made, and then
    // giving her one place again is said to leave her over capacity.
    assert_ne!(b.code, 0, "{}", b.stdout);
    kit.run(&["update", &v, "--capacity", "2"]).ok();
    let b = kit.run(&["match", "propose", &c2, &v]).id();
    kit.agree(&b, "2026-03-01", true).ok();
    let r = kit.run(&["update", &v, "--capacity", "1"]).ok();
    assert!(r.stderr.contains("2 assignments running"), "{}", r.stderr);
    // Typed into the file by hand, check names both.
    let rel = format!("volunteers/{v}.toml");
    let text = kit.read(&rel).replace("anna@exempel.se", "anna-exempel.se");
    let text = text.replace("\"ar\"", "\"arabiska\"");
    std::fs::write(kit.dir.join(&rel), text).unwrap();
    let r = kit.run(&["check"]);
    assert!(
        r.stdout.contains("E004 field `email`") && r.stdout.contains("E004 field `languages[1]`"),
        "{}",
        r.stdout
    );
}
