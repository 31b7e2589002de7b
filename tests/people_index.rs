//! The personnummer index `apply` uses (derived, in .kontakt/index/) against records changed
//! behind its back: added, edited, removed by hand, and the index itself damaged. `apply` must
//! refuse a second open application exactly as if it had read every record.
mod common;

use common::Kit;

fn apply(kit: &Kit, pnr: &str) -> common::Ran {
    kit.run(&["apply", "client", "--name", "Test Person", "--pnr", pnr])
}

fn index_stamp(kit: &Kit) -> Option<String> {
    std::fs::read_to_string(kit.dir.join(".kontakt/index/clients/stamp")).ok()
}

/// Replaces a file the way git and most editors do: a new file renamed over the old.
fn replace(path: &std::path::Path, text: &str) {
    let tmp = path.with_extension("tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn apply_sees_records_added_edited_and_removed_by_hand() {
    let kit = Kit::new();
    let p = |n| common::pnr_born(1985, n);
    let a = apply(&kit, &p(0)).id();
    apply(&kit, &p(0)).refused(1, &a);
    // kontakt's own writes keep the index current: no rebuild after screen.
    let stamp = index_stamp(&kit).expect("an index");
    kit.run(&["screen", "client", &a, "--deny", "Annan insats"])
        .ok();
    assert_ne!(index_stamp(&kit), Some(stamp), "re-stamped after the write");
    let denied_then_again = apply(&kit, &p(0)).id();
    assert_ne!(
        denied_then_again, a,
        "a denied application is closed: the person may apply"
    );

    // Added by hand (a copy with another id and person).
    let text = kit.read(&format!("clients/{denied_then_again}.toml"));
    let hand = "C-ZZZZZ0";
    let canonical = |s: &str| s.replace('-', "");
    std::fs::write(
        kit.dir.join(format!("clients/{hand}.toml")),
        text.replace(&denied_then_again, hand)
            .replace(&canonical(&p(0)), &canonical(&p(1))),
    )
    .unwrap();
    apply(&kit, &p(1)).refused(1, hand);

    // Edited by hand: the copy's person changed to a third.
    let path = kit.dir.join(format!("clients/{hand}.toml"));
    let t = std::fs::read_to_string(&path).unwrap();
    replace(&path, &t.replace(&canonical(&p(1)), &canonical(&p(2))));
    let freed = apply(&kit, &p(1)).id();
    assert_ne!(freed, hand);
    apply(&kit, &p(2)).refused(1, hand);

    // Removed by hand.
    std::fs::remove_file(&path).unwrap();
    apply(&kit, &p(2)).ok();

    // The index itself damaged: rebuilt, same answers.
    std::fs::write(
        kit.dir.join(".kontakt/index/clients.tsv"),
        "garbage\tnot-an-id\n",
    )
    .unwrap();
    apply(&kit, &p(1)).refused(1, &freed);
    std::fs::remove_dir_all(kit.dir.join(".kontakt/index")).unwrap();
    apply(&kit, &p(0)).refused(1, &denied_then_again);
    kit.run(&["check"]).ok();
}
