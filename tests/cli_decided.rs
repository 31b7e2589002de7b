//! Who decided, and when: a decision taken on paper is entered later with its own date and the
//! official's name; each client has a responsible handläggare, shown with her file.

mod common;

use common::{Kit, pnr_born};

fn client(kit: &Kit, handler: Option<&str>) -> String {
    let pnr = pnr_born(1990, 1);
    let mut args = vec![
        "apply",
        "client",
        "--name",
        "Klient Test",
        "--pnr",
        &pnr,
        "--applied",
        "2026-01-10",
    ];
    if let Some(h) = handler {
        args.extend(["--handler", h]);
    }
    kit.run(&args).id()
}

fn grant(kit: &Kit, c: &str, extra: &[&str]) -> common::Ran {
    let mut args = vec![
        "screen",
        "client",
        c,
        "--grant",
        "--from",
        "2026-02-01",
        "--to",
        "2026-12-31",
    ];
    args.extend(extra);
    kit.run(&args)
}

#[test]
fn a_decision_keeps_its_own_date_and_who_made_it() {
    let mut kit = Kit::new();
    kit.today = "2026-02-10".into();
    let c = client(&kit, Some("Eva Handläggare"));
    grant(&kit, &c, &["--decided", "2026-02-20"]).refused(1, "after today");
    grant(&kit, &c, &["--decided", "2026-01-05"]).refused(1, "before the application");
    grant(&kit, &c, &["--decided", "2026-01-28", "--by", "Lars Chef"]).ok();
    let shown = kit.json(&["show", &c]);
    let d = &shown["decisions"][0];
    assert_eq!(d["decided"], "2026-01-28", "{shown}");
    assert_eq!(d["decided_by"], "Lars Chef");
    assert_eq!(shown["handler"], "Eva Handläggare");
    let last = shown["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["by"], "Lars Chef", "{shown}");
    // Decisions are recorded in the order they were made.
    grant(&kit, &c, &["--decided", "2026-01-20"]).refused(1, "in the order");
    let text = kit.run(&["show", &c]).ok().stdout;
    assert!(text.contains("Eva Handläggare"), "{text}");
    assert!(text.contains("Lars Chef"), "{text}");
    let sv = kit.run(&["--lang", "sv", "show", &c]).ok().stdout;
    assert!(
        sv.contains("handläggare") && sv.contains("Eva Handläggare"),
        "{sv}"
    );
    kit.run(&["check"]).ok();
}

#[test]
fn the_handler_changes_with_update_and_belongs_to_clients() {
    let kit = Kit::new();
    let c = client(&kit, None);
    assert_eq!(kit.json(&["show", &c])["handler"], serde_json::Value::Null);
    kit.run(&[
        "update",
        &c,
        "--handler",
        "Sara Socialsekreterare",
        "--by",
        "Eva",
    ])
    .ok();
    let shown = kit.json(&["show", &c]);
    assert_eq!(shown["handler"], "Sara Socialsekreterare");
    assert_eq!(
        shown["history"].as_array().unwrap().last().unwrap()["event"],
        "updated handler"
    );
    let (_, v) = kit.ready_pair(2);
    kit.run(&["update", &v, "--handler", "X"])
        .refused(2, "clients only");
}

#[test]
fn the_outcome_is_said_in_swedish() {
    let kit = Kit::new();
    let c = client(&kit, None);
    let out = kit
        .run(&[
            "--lang",
            "sv",
            "screen",
            "client",
            &c,
            "--grant",
            "--from",
            "2026-02-01",
            "--to",
            "2026-12-31",
        ])
        .ok()
        .stdout;
    assert_eq!(out, format!("{c} Klient Test beviljad\n"));
}
