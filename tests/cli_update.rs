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
