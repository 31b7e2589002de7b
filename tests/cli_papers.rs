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
