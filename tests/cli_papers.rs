//! The papers a volunteer signs: the confidentiality undertaking and the appointment, printed
//! from the records (Swedish first), with her identity masked unless asked for.

mod common;

use common::{Kit, pnr_born};

#[test]
fn the_confidentiality_undertaking_and_the_appointment_print_from_the_agreement() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    let doc = kit
        .run(&["agree", &a, "--print", "confidentiality"])
        .ok()
        .stdout;
    let pnr = pnr_born(1980, 1);
    for needle in [
        "# Sekretessförbindelse",
        "Volontär Test",
        &format!("{}-****", &pnr[..8]),
        "26 kap. 1 §",
        "gäller även sedan uppdraget har upphört",
        "brottsbalken 20 kap. 3 §",
        "K T",
        "Ort och datum",
    ] {
        assert!(doc.contains(needle), "{needle} not in {doc}");
    }
    assert!(!doc.contains(&pnr), "masked unless asked: {doc}");
    let full = kit
        .run(&["--show-pnr", "agree", &a, "--print", "confidentiality"])
        .ok()
        .stdout;
    assert!(full.contains(&pnr), "{full}");
    let appointed = kit
        .run(&[
            "agree",
            &a,
            "--print",
            "appointment",
            "--official",
            "Lena Chef",
        ])
        .ok()
        .stdout;
    for needle in [
        "# Förordnande",
        "förordnar Volontär Test",
        "från 2026-03-01",
        "Lena Chef",
    ] {
        assert!(appointed.contains(needle), "{needle} not in {appointed}");
    }
    let en = kit
        .run(&[
            "--lang",
            "en",
            "agree",
            &a,
            "--print",
            "confidentiality",
            "--format",
            "html",
        ])
        .ok()
        .stdout;
    assert!(
        en.contains("<html lang=\"en\">") && en.contains("Confidentiality undertaking"),
        "{en}"
    );
    // The agreement itself still prints with a bare --print.
    let agreement = kit.run(&["agree", &a, "--print"]).ok().stdout;
    assert!(agreement.contains("Assignment agreement"), "{agreement}");
    kit.run(&["agree", &a, "--print", "letter"])
        .refused(2, "letter");
}

#[test]
fn papers_need_an_agreement() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(1);
    let a = kit.run(&["match", "propose", &c, &v]).id();
    kit.run(&["agree", &a, "--print", "confidentiality"])
        .refused(1, "no agreement yet");
}

#[test]
fn the_agreement_says_how_each_amount_is_set_names_the_guardians_and_prints_an_amendment() {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    // A child with her guardians, and an adult.
    let child = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Barn Test",
            "--pnr",
            &pnr_born(2013, 1),
            "--guardian",
            "Mor Test",
            "--guardian",
            "Far Test",
            "--applied",
            "2026-01-10",
        ])
        .id();
    kit.run(&[
        "screen",
        "client",
        &child,
        "--grant",
        "--from",
        "2026-02-01",
        "--to",
        "2027-01-31",
        "--guardian-consent",
        "2026-01-20",
    ])
    .ok();
    let (_, v) = kit.ready_pair(1);
    let a = kit.run(&["match", "propose", &child, &v]).id();
    let mut args = vec![
        "agree",
        a.as_str(),
        "--start",
        "2026-03-01",
        "--signed",
        "2026-03-01",
        "--confidentiality-signed",
        "2026-03-01",
    ];
    args.extend(common::USUAL_TERMS);
    kit.run(&args).ok();
    let doc = kit
        .run(&["--lang", "sv", "agree", &a, "--print"])
        .ok()
        .stdout;
    for needle in [
        "Vårdnadshavare: Mor Test, Far Test",
        "kategori 1, 20 % av prisbasbeloppet",
        "nivå 1, 10 % av prisbasbeloppet",
        "enligt SKR:s rekommendation",
    ] {
        assert!(doc.contains(needle), "{needle} not in {doc}");
    }
    kit.run(&["agree", &a, "--print", "amendment"])
        .refused(1, "no change of terms");
    // A plain amount is never said to follow SKR or the prisbasbelopp.
    kit.today = "2026-04-01".into();
    kit.run(&[
        "agree",
        &a,
        "--change-from",
        "2026-04-01",
        "--meetings",
        "1/week",
        "--fee",
        "1500",
        "--expense-level",
        "1",
        "--reason",
        "Särskilt krävande uppdrag",
    ])
    .ok();
    let doc = kit
        .run(&["--lang", "sv", "agree", &a, "--print"])
        .ok()
        .stdout;
    assert!(
        doc.contains("fast belopp (Särskilt krävande uppdrag)"),
        "{doc}"
    );
    assert!(!doc.contains("enligt SKR:s rekommendation"), "{doc}");
    let amendment = kit
        .run(&["--lang", "sv", "agree", &a, "--print", "amendment"])
        .ok()
        .stdout;
    for needle in [
        "# Ändring av uppdragsavtal",
        "ändras från och med 2026-04-01",
        "Skäl till ändringen: Särskilt krävande uppdrag",
        "kr (fast belopp (Särskilt krävande uppdrag))",
    ] {
        assert!(amendment.contains(needle), "{needle} not in {amendment}");
    }
    assert_eq!(
        kit.json(&["show", &child])["guardians"],
        serde_json::json!(["Mor Test", "Far Test"])
    );
    kit.run(&["update", &child, "--guardians", "Mor Test"]).ok();
    assert_eq!(
        kit.json(&["show", &child])["guardians"],
        serde_json::json!(["Mor Test"])
    );
}
