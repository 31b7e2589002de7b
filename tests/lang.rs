//! Swedish for the staff, English for everyone else, and the same words for scripts either way.

mod common;

use common::Kit;

#[test]
fn tables_speak_swedish_and_scripts_stay_english() {
    let kit = Kit::demo();
    let sv = kit.cmd("--lang sv list clients").ok().stdout;
    assert!(sv.contains("namn") && sv.contains("beslut till"), "{sv}");
    assert!(sv.contains("beviljad") && !sv.contains("granted"), "{sv}");
    let en = kit.cmd("--lang en list clients").ok().stdout;
    assert!(
        en.contains("decision until") && en.contains("granted"),
        "{en}"
    );

    // CSV and JSON are for scripts: English headers and words in any language.
    let csv = kit.cmd("--lang sv list clients --format csv").ok().stdout;
    assert!(csv.starts_with("id,name,personnummer,status"), "{csv}");
    assert!(
        csv.contains(",granted,") && !csv.contains("beviljad"),
        "{csv}"
    );
    assert_eq!(
        kit.cmd("--lang sv list assignments --format json")
            .ok()
            .stdout,
        kit.cmd("--lang en list assignments --format json")
            .ok()
            .stdout
    );

    let due = kit.cmd("--lang sv due").ok().stdout;
    for word in [
        "försenad",
        "rapport saknas",
        "ingen närvarorapport för 2026-10",
        "uppföljning",
    ] {
        assert!(due.contains(word), "{word} not in {due}");
    }
    let due_csv = kit.cmd("--lang sv due --format csv").ok().stdout;
    assert!(due_csv.contains("report missing"), "{due_csv}");

    let shown = kit.cmd("--lang sv show C-12R25C").ok().stdout;
    assert!(
        shown.contains("område") && shown.contains("beviljad"),
        "{shown}"
    );

    let r = kit.cmd("--lang sv show C-NOSUCH");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("fel: ") && r.stderr.contains("tips: "),
        "{}",
        r.stderr
    );
    kit.cmd("--lang fi list clients")
        .refused(2, "expected sv or en");
}
