//! Pay by what was delivered, driven as staff do it (issue 18): a kontaktfamilj's stays per
//! dygn, meeting tiers, hourly pay, mileage, a flat travel allowance, receipts and the tax
//! split of an allowance above SKR's highest level. Expected amounts are worked out here from
//! the rules as the sources state them, not read back from the program.
mod common;

use common::{Kit, plan_lines, plan_reasons, pnr_born};

/// SKR's 2023 kontaktfamilj rates (as kontakt.toml's template shows them), Värnamo's LSS
/// tariff, and a mileage rate of 30 kr a mil from 2026 (Skatteverket's tax-free rate is 25).
const RATES: &str = r#"
[compensation.kontaktfamilj.2026]
fee_per_dygn = [225, 292, 359]
expense_percent = [105, 120, 120]

[[compensation.tiers.lss]]
min_meetings = 2
fee_percent_hundredths = 750
expense_percent_hundredths = 1500

[[compensation.tiers.lss]]
min_meetings = 4
fee_percent_hundredths = 1500
expense_percent_hundredths = 2000
"#;

fn with_rates(kit: &Kit) {
    let path = kit.dir.join("kontakt.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "paid_per_mil_ore = { \"2023\" = 2500 }",
        "paid_per_mil_ore = { \"2023\" = 2500, \"2026\" = 3000 }",
    );
    assert!(text.contains("\"2026\" = 3000"));
    std::fs::write(&path, text + RATES).unwrap();
}

/// A child born in `year` with a granted decision from 2026-08-01 and an approved volunteer
/// (a family), proposed to each other: the assignment's id.
fn child_proposal(kit: &mut Kit, year: i32, nth: usize) -> String {
    kit.today = "2026-07-20".into();
    let c = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Barn Test",
            "--pnr",
            &pnr_born(year, nth),
            "--area",
            "Centrum",
            "--applied",
            "2026-06-01",
        ])
        .id();
    kit.run(&[
        "screen",
        "client",
        &c,
        "--grant",
        "--from",
        "2026-08-01",
        "--to",
        "2027-07-31",
        "--guardian-consent",
        "2026-06-20",
    ])
    .ok();
    let (_, v) = kit.ready_pair(nth);
    kit.run(&["match", "propose", &c, &v]).id()
}

/// An adult's proposal (the kit's usual pair) on 2026-07-20.
fn adult_proposal(kit: &mut Kit, nth: usize) -> String {
    kit.today = "2026-07-20".into();
    let (c, v) = kit.ready_pair(nth);
    kit.run(&["match", "propose", &c, &v]).id()
}

fn signed(kit: &Kit, a: &str, terms: &str) {
    kit.cmd(&format!(
        "agree {a} --start 2026-08-01 --signed 2026-07-25 --confidentiality-signed 2026-07-25 {terms}"
    ))
    .ok();
}

/// Files and approves `a`'s report of `month` with `args` on 2026-11-03.
fn reported(kit: &mut Kit, a: &str, month: &str, args: &[&str]) {
    kit.today = "2026-11-03".into();
    let mut all = vec!["report", a, month];
    all.extend_from_slice(args);
    kit.run(&all).ok();
    kit.run(&["report", "approve", a, month, "--by", "Handläggare Test"])
        .ok();
}

fn lines_of(plan: &serde_json::Value, a: &str) -> Vec<(String, String, i64, String)> {
    plan["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["assignment"] == a)
        .map(|l| {
            (
                l["period"].as_str().unwrap().to_string(),
                l["kind"].as_str().unwrap().to_string(),
                l["amount_ore"].as_i64().unwrap(),
                l["wage_type"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Kronor, half up, from halves of a krona (the configured `krona-half-up` rounding).
fn kronor_half_up(halves_of_krona: i64) -> i64 {
    (halves_of_krona + 1) / 2 * 100
}

/// A Friday-to-Sunday stay is 2½ dygn; Saturday and Sunday pay double arvode. The omkostnad
/// per dygn is the prisbasbelopp (59 200 kr in 2026) x per cent / 365, in kronor.
#[test]
fn a_weekend_stay_pays_two_and_a_half_dygn_by_the_childs_age_band() {
    let mut kit = Kit::new();
    with_rates(&kit);
    let young = child_proposal(&mut kit, 2016, 0);
    let teen = child_proposal(&mut kit, 2012, 1);
    for a in [&young, &teen] {
        signed(&kit, a, "--meetings 1/month --paid-per dygn");
        reported(
            &mut kit,
            a,
            "2026-10",
            &["--stay", "2026-10-09..2026-10-11"],
        );
    }
    kit.today = "2026-11-05".into();
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    for (a, fee_per_dygn, percent) in [(&young, 225, 105), (&teen, 292, 120)] {
        // ½ x rate + 2 x (1 x 2 x rate), in halves of a krona.
        let fee = kronor_half_up(fee_per_dygn + 8 * fee_per_dygn);
        let per_dygn = (59_200 * percent + 36_500 / 2) / 36_500;
        let expense = kronor_half_up(per_dygn * 5);
        assert_eq!(
            lines_of(&plan, a),
            [
                ("2026-10".into(), "fee".into(), fee, "7310".into()),
                ("2026-10".into(), "expense".into(), expense, "7320".into()),
            ],
            "{a}"
        );
        let line = plan["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["assignment"] == a.as_str())
            .unwrap();
        assert_eq!(line["quantity"]["dygn"]["halves"], 5);
    }
    // What a person reads: the dygn beside the amount.
    let table = kit.cmd("pay 2026-10 --dry-run").ok().stdout;
    assert!(table.contains("2½ dygn"), "{table}");
}

/// Without the year's kontaktfamilj rates the run, and its dry run, refuse rather than pay the
/// stay nothing, naming the table to add.
#[test]
fn a_stay_without_the_years_rates_refuses_the_run() {
    let mut kit = Kit::new();
    let a = child_proposal(&mut kit, 2016, 0);
    signed(&kit, &a, "--meetings 1/month --paid-per dygn");
    reported(
        &mut kit,
        &a,
        "2026-10",
        &["--stay", "2026-10-09..2026-10-11"],
    );
    kit.today = "2026-11-05".into();
    let before = kit.snapshot();
    kit.cmd("pay 2026-10 --dry-run").refused(
        1,
        "no kontaktfamilj rates for 2026 ([compensation.kontaktfamilj.2026])",
    );
    kit.cmd("pay 2026-10")
        .refused(1, "compensation.kontaktfamilj");
    kit.cmd("--lang sv pay 2026-10").refused(
        1,
        "kontakt.toml har inga kontaktfamiljsersättningar för 2026 ([compensation.kontaktfamilj.2026])",
    );
    assert_eq!(kit.snapshot(), before, "a refused run writes nothing");
}

/// Värnamo's LSS tariff: 1 meeting pays nothing, 3 reach level 1 (7.5 % and 15 % of the
/// prisbasbelopp a year), 4 reach level 2 (15 % and 20 %). Each month a twelfth, in kronor.
#[test]
fn the_meetings_held_choose_the_tariffs_level() {
    let mut kit = Kit::new();
    with_rates(&kit);
    let a = adult_proposal(&mut kit, 0);
    kit.today = "2026-07-25".into();
    kit.cmd(&format!(
        "agree {a} --start 2026-08-01 --meetings 1/week --paid-per meetings --tiers värnamo"
    ))
    .refused(1, "no meeting tariff");
    signed(
        &kit,
        &a,
        "--meetings 1/week --paid-per meetings --tiers lss",
    );
    reported(&mut kit, &a, "2026-08", &["--meeting", "2026-08-04"]);
    let three = [
        "--meeting",
        "2026-09-01",
        "--meeting",
        "2026-09-08",
        "--meeting",
        "2026-09-15",
    ];
    reported(&mut kit, &a, "2026-09", &three);
    let four = [
        "--meeting",
        "2026-10-06",
        "--meeting",
        "2026-10-13",
        "--meeting",
        "2026-10-20",
        "--meeting",
        "2026-10-27",
    ];
    reported(&mut kit, &a, "2026-10", &four);
    kit.today = "2026-11-05".into();
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let month = |hundredths: i64| (59_200 * hundredths + 60_000) / 120_000 * 100;
    let got: Vec<_> = plan_lines(&plan)
        .into_iter()
        .filter(|(p, _, _)| p != "2026-08")
        .collect();
    assert_eq!(
        got,
        [
            ("2026-09".into(), "fee".into(), month(750)),
            ("2026-09".into(), "expense".into(), month(1500)),
            ("2026-10".into(), "fee".into(), month(1500)),
            ("2026-10".into(), "expense".into(), month(2000)),
        ]
    );
    assert!(
        plan_reasons(&plan)
            .iter()
            .any(|r| r.contains("1 meeting: below the lowest level") && r.contains("(2 meetings)")),
        "{plan}"
    );
    let sv = kit.cmd("--lang sv pay 2026-10 --dry-run").ok().stdout;
    assert!(sv.contains("3 träffar → nivå 1"), "{sv}");
    assert!(sv.contains("4 träffar → nivå 2"), "{sv}");
    assert!(
        sv.contains("1 träff: under lägsta nivån i tariffen lss (2 träffar)"),
        "{sv}"
    );
}

/// By the hour (umgänge): the hours reported times the rate; the allowance as agreed.
#[test]
fn hours_are_paid_at_the_agreed_rate() {
    let mut kit = Kit::new();
    let a = adult_proposal(&mut kit, 0);
    kit.today = "2026-07-25".into();
    kit.cmd(&format!(
        "agree {a} --start 2026-08-01 --meetings 2/month --paid-per hour --expense-level 1"
    ))
    .refused(2, "--hourly");
    signed(
        &kit,
        &a,
        "--meetings 2/month --paid-per hour --hourly 250 --expense-level 1",
    );
    reported(
        &mut kit,
        &a,
        "2026-10",
        &[
            "--meeting",
            "2026-10-10",
            "--meeting",
            "2026-10-24",
            "--hours",
            "6.5",
        ],
    );
    kit.today = "2026-11-05".into();
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let oct: Vec<_> = lines_of(&plan, &a)
        .into_iter()
        .filter(|l| l.0 == "2026-10")
        .collect();
    assert_eq!(
        oct,
        [
            ("2026-10".into(), "fee".into(), 65 * 2_500, "7310".into()),
            ("2026-10".into(), "expense".into(), 49_300, "7320".into()),
        ]
    );
}

/// Mileage: the tax-free part at Skatteverket's 25 kr a mil, the rest of the municipality's
/// 30 kr taxable, on their own wage types; receipts paid back on theirs; a flat monthly travel
/// allowance only for a month that earns pay.
#[test]
fn trips_split_at_the_tax_free_rate_and_receipts_are_paid_back() {
    let mut kit = Kit::new();
    with_rates(&kit);
    let a = adult_proposal(&mut kit, 0);
    signed(
        &kit,
        &a,
        "--meetings 1/week --fee-category 1 --fee-percent 20 --expense-level 1 --mileage --travel-monthly 100",
    );
    reported(
        &mut kit,
        &a,
        "2026-10",
        &[
            "--meeting",
            "2026-10-07",
            "--trip",
            "2026-10-07:38",
            "--trip",
            "2026-10-14:4.6mil",
            "--receipt",
            "145:Bio, kvitto 2231",
        ],
    );
    reported(&mut kit, &a, "2026-09", &[]);
    kit.today = "2026-11-05".into();
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let km = 38 + 46;
    let tax_free = km * 2_500 / 10;
    let paid = km * 3_000 / 10;
    let lines = lines_of(&plan, &a);
    let by_kind = |k: &str| {
        lines
            .iter()
            .filter(|l| l.1 == k)
            .map(|l| (l.0.clone(), l.2, l.3.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by_kind("mileage"),
        [("2026-10".into(), tax_free, "7330".into())]
    );
    assert_eq!(
        by_kind("mileage_taxable"),
        [("2026-10".into(), paid - tax_free, "7331".into())]
    );
    assert_eq!(
        by_kind("receipt"),
        [("2026-10".into(), 14_500, "7340".into())]
    );
    // September earned nothing (no meetings), so no travel allowance either.
    assert_eq!(
        by_kind("travel"),
        [("2026-10".into(), 10_000, "7332".into())]
    );
}

/// An allowance above SKR's highest level (40 % of the prisbasbelopp a year: 1 973 kr a month
/// in 2026) is taxable arvode unless an individual basis is recorded (Skatteverket 2018-06-19).
#[test]
fn an_allowance_above_the_highest_level_is_taxable_without_an_individual_basis() {
    let mut kit = Kit::new();
    let plain = adult_proposal(&mut kit, 0);
    let based = adult_proposal(&mut kit, 1);
    let terms = "--meetings 1/week --fee-category 1 --fee-percent 20 --expense 3000 --reason Resor_på_landsbygd";
    signed(&kit, &plain, terms);
    signed(
        &kit,
        &based,
        &format!("{terms} --individual-basis Utredning_2026-07-20"),
    );
    for a in [&plain, &based] {
        reported(&mut kit, a, "2026-10", &["--meeting", "2026-10-07"]);
    }
    kit.today = "2026-11-05".into();
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let fee = 98_700;
    let cap = 197_300;
    let oct = |a: &str| {
        lines_of(&plan, a)
            .into_iter()
            .filter(|l| l.0 == "2026-10")
            .map(|l| (l.1, l.2))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        oct(&plain),
        [
            ("fee".into(), fee + (300_000 - cap)),
            ("expense".into(), cap)
        ]
    );
    assert_eq!(
        oct(&based),
        [("fee".into(), fee), ("expense".into(), 300_000)]
    );
}

/// Terms paid by the month: hours on the report describe the meetings. A paid month whose
/// meetings are corrected away is paid back in full, hours or not.
#[test]
fn hours_do_not_keep_a_month_paid_whose_meetings_were_cancelled() {
    let mut kit = Kit::new();
    let a = adult_proposal(&mut kit, 0);
    signed(&kit, &a, common::USUAL_TERMS.join(" ").as_str());
    reported(
        &mut kit,
        &a,
        "2026-09",
        &["--meeting", "2026-09-08", "--hours", "4"],
    );
    kit.today = "2026-10-08".into();
    kit.cmd("pay 2026-09").ok();
    kit.today = "2026-11-03".into();
    kit.run(&[
        "report",
        &a,
        "2026-09",
        "--correct",
        "Träffen ställdes in",
        "--no-meetings",
        "--by",
        "Handläggare Test",
    ])
    .ok();
    kit.today = "2026-11-05".into();
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    let back: i64 = lines_of(&plan, &a)
        .iter()
        .filter(|l| l.0 == "2026-09")
        .map(|l| l.2)
        .sum();
    assert_eq!(back, -(98_700 + 49_300));
}

/// What a person types wrong is refused by the same rule `check` applies to a hand edit.
#[test]
fn impossible_stays_trips_and_receipts_are_refused_and_found_by_check() {
    let mut kit = Kit::new();
    with_rates(&kit);
    let a = child_proposal(&mut kit, 2016, 0);
    signed(&kit, &a, "--meetings 1/month --paid-per dygn --mileage");
    kit.today = "2026-11-03".into();
    let before = kit.snapshot();
    kit.cmd(&format!("report {a} 2026-10 --stay 2026-10-11..2026-10-09"))
        .refused(2, "before it begins");
    kit.cmd(&format!(
        "--lang sv report {a} 2026-10 --stay 2026-10-11..2026-10-09"
    ))
    .refused(
        2,
        "vistelsen slutar (2026-10-09) innan den börjar (2026-10-11)",
    );
    kit.cmd(&format!("--lang sv report {a} 2026-10 --trip 2026-10-07"))
        .refused(2, "en resa DATUM:KM väntades");
    kit.cmd(&format!("--lang sv report {a} 2026-10 --receipt 120"))
        .refused(2, "ett kvitto KR:REFERENS väntades");
    kit.cmd(&format!("report {a} 2026-10 --stay 2026-09-25..2026-09-27"))
        .refused(1, "does not begin in 2026-10");
    kit.cmd(&format!("report {a} 2026-10 --stay 2026-10-01..2027-01-31"))
        .refused(1, "at most 92 days");
    kit.cmd(&format!("report {a} 2026-10 --trip 2026-10-07:0"))
        .refused(1, "1 to 2000 km");
    kit.cmd(&format!("report {a} 2026-10 --trip 2026-09-07:10"))
        .refused(1, "outside 2026-10");
    kit.cmd(&format!("report {a} 2026-10 --receipt=-5:kvitto"))
        .refused(2, "expected an amount");
    assert_eq!(kit.snapshot(), before, "nothing written");
    // A stay on an assignment paid by the month would be paid by nothing.
    let monthly = adult_proposal(&mut kit, 1);
    signed(
        &kit,
        &monthly,
        "--meetings 1/week --fee-category 1 --fee-percent 20 --expense-level 1",
    );
    kit.today = "2026-11-03".into();
    let before = kit.snapshot();
    kit.cmd(&format!(
        "report {monthly} 2026-10 --stay 2026-10-09..2026-10-11"
    ))
    .refused(1, "the stay from 2026-10-09 is on terms not paid per dygn");
    // So would a trip on terms without mileage.
    kit.cmd(&format!("report {monthly} 2026-10 --trip 2026-10-07:24"))
        .refused(1, "the trip of 2026-10-07 is on terms that pay no mileage");
    assert_eq!(kit.snapshot(), before, "nothing written");

    // The same stay typed by hand into the file.
    reported(
        &mut kit,
        &a,
        "2026-10",
        &["--stay", "2026-10-09..2026-10-11"],
    );
    let rel = format!("reports/2026-10/{a}.toml");
    let text = kit.read(&rel).replace("2026-10-11", "2026-10-01");
    std::fs::write(kit.dir.join(&rel), text).unwrap();
    let check = kit.cmd("check");
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stdout.contains(&format!("{rel}:")),
        "{}",
        check.stdout
    );
    assert!(check.stdout.contains("E0"), "{}", check.stdout);
    kit.today = "2026-11-05".into();
    kit.cmd("pay 2026-10").refused(1, &rel);
}

/// `check` warns (stderr, exit 0) when a recent report holds fewer than half the meetings
/// agreed: weekly in October 2026 is 31 / 7 = 4.4 meetings, and 2 are fewer than half.
#[test]
fn check_warns_of_far_fewer_meetings_than_agreed() {
    let mut kit = Kit::new();
    let a = adult_proposal(&mut kit, 0);
    signed(&kit, &a, common::USUAL_TERMS.join(" ").as_str());
    kit.today = "2026-11-03".into();
    kit.cmd(&format!(
        "report {a} 2026-10 --meeting 2026-10-06 --meeting 2026-10-20"
    ))
    .ok();
    // The approver is told too, and the approval goes ahead.
    let approved = kit
        .run(&[
            "--lang",
            "sv",
            "report",
            "approve",
            &a,
            "2026-10",
            "--by",
            "Handläggare Test",
        ])
        .ok();
    assert!(
        approved.stderr.contains(&format!(
            "varning: {a}: 2 träffar av 4,4 avtalade under 2026-10: fråga varför innan den betalas"
        )),
        "{}",
        approved.stderr
    );
    kit.today = "2026-11-05".into();
    let check = kit.cmd("check").ok();
    let warning = format!("reports/2026-10/{a}.toml: 2 meetings held of 4.4 agreed in 2026-10");
    assert!(check.stderr.contains(&warning), "{}", check.stderr);
    let sv = kit.cmd("--lang sv check").ok();
    assert!(
        sv.stderr.contains("2 träffar av 4,4 avtalade"),
        "{}",
        sv.stderr
    );

    // Three of 4.4 is not far short.
    kit.today = "2026-11-03".into();
    kit.cmd(&format!(
        "report {a} 2026-10 --meeting 2026-10-06 --meeting 2026-10-13 --meeting 2026-10-20 --correct Glömd_träff --by Handläggare_Test"
    ))
    .ok();
    kit.today = "2026-11-05".into();
    let check = kit.cmd("check").ok();
    assert!(
        !check.stderr.contains("agreed in 2026-10"),
        "{}",
        check.stderr
    );
}

/// The agreement a family signs speaks of stays and dygn, with the year's rates for the
/// child's age band; a tiered one lists its levels in kronor; an hourly one its rate.
#[test]
fn the_agreement_document_states_how_delivery_is_paid() {
    let mut kit = Kit::new();
    with_rates(&kit);
    let family = child_proposal(&mut kit, 2016, 0);
    signed(
        &kit,
        &family,
        "--meetings 1/month --paid-per dygn --travel-monthly 100",
    );
    let tiered = adult_proposal(&mut kit, 1);
    signed(
        &kit,
        &tiered,
        "--meetings 1/week --paid-per meetings --tiers lss --mileage",
    );
    let hourly = adult_proposal(&mut kit, 2);
    signed(
        &kit,
        &hourly,
        "--meetings 2/month --paid-per hour --hourly 250",
    );
    let print = |a: &str| {
        kit.cmd(&format!("--lang sv agree --print agreement {a}"))
            .ok()
            .stdout
    };
    let doc = print(&family);
    // A family's agreement is one, not a kontaktperson's paid by the month.
    for wrong in [
        "Uppdragsavtal för kontaktperson",
        "Kontaktperson (uppdragstagare)",
        "betalas per månad",
    ] {
        assert!(!doc.contains(wrong), "{wrong:?} in {doc}");
    }
    for needle in [
        "Uppdragsavtal för kontaktfamilj",
        "Kontaktfamilj (uppdragstagare)",
        "fredag till söndag är 2½ dygn",
        "arvodet 225,00 kr per dygn",
        "omkostnadsersättningen 170,00 kr per dygn",
        "första 14 dygn",
        "varje vistelse från ankomstdag till avresedag",
        "Reseersättning betalas med 100,00 kr",
    ] {
        assert!(doc.contains(needle), "{needle:?} not in {doc}");
    }
    // The family's genomförandeplan names the family too.
    kit.run(&[
        "plan",
        &family,
        "--goal",
        "Trygghet",
        "--activity",
        "Helger | Familjen | varannan helg",
    ])
    .ok();
    let plan = kit
        .cmd(&format!("--lang sv plan {family} --print"))
        .ok()
        .stdout;
    assert!(
        plan.contains("Planen gäller insatsen kontaktfamilj") && plan.contains("Kontaktfamilj"),
        "{plan}"
    );
    let doc = print(&tiered);
    assert!(
        doc.contains("nivå 1 från 2 träffar, arvode 370,00 kr och omkostnadsersättning 740,00 kr"),
        "{doc}"
    );
    assert!(doc.contains("30,00 kr per mil"), "{doc}");
    assert!(print(&hourly).contains("250,00 kr per timme"));
    // An amendment of hourly terms says what its table's "se nedan" points to.
    kit.today = "2026-09-20".into();
    kit.cmd(&format!(
        "agree {hourly} --change-from 2026-10-01 --paid-per hour --hourly 300"
    ))
    .ok();
    let amendment = kit
        .cmd(&format!("--lang sv agree --print amendment {hourly}"))
        .ok()
        .stdout;
    assert!(amendment.contains("se nedan"), "{amendment}");
    for needle in [
        "Från 2026-08-01 betalas arvodet per timme som rapporteras: 250,00 kr per timme.",
        "Från 2026-10-01 betalas arvodet per timme som rapporteras: 300,00 kr per timme.",
    ] {
        assert!(amendment.contains(needle), "{needle:?} not in {amendment}");
    }
}

/// The e-service's file carries stays (`stay-to`), trips (`km`) and receipts (`receipt`) as
/// columns; they are judged by the same rules as the command line's, and a bad one is named by
/// its line with nothing written.
#[test]
fn report_import_takes_stays_trips_and_receipts_as_columns() {
    let mut kit = Kit::new();
    with_rates(&kit);
    let family = child_proposal(&mut kit, 2016, 0);
    signed(
        &kit,
        &family,
        "--meetings 1/month --paid-per dygn --mileage",
    );
    kit.today = "2026-11-03".into();
    let file = kit.dir.parent().unwrap().join("rapporter.csv");
    let bad = format!(
        "assignment;date;stay-to;km;receipt\n{family};2026-10-09;2026-10-11;38;\n{family};2026-10-23;2026-10-20;;\n"
    );
    std::fs::write(&file, bad).unwrap();
    let before = kit.snapshot();
    kit.run(&["report", "import", file.to_str().unwrap()])
        .refused(2, "line 3");
    assert_eq!(kit.snapshot(), before);
    let good = format!(
        "assignment;date;stay-to;km;receipt\n{family};2026-10-09;2026-10-11;38;\n{family};2026-10-23;2026-10-25;4.6mil;145:Bio 2231\n"
    );
    std::fs::write(&file, good).unwrap();
    kit.run(&["report", "import", file.to_str().unwrap()]).ok();
    let text = kit.read(&format!("reports/2026-10/{family}.toml"));
    assert_eq!(text.matches("[[stays]]").count(), 2, "{text}");
    assert_eq!(text.matches("[[trips]]").count(), 2, "{text}");
    assert!(text.contains("km = 46"), "{text}");
    assert!(text.contains("amount_ore = 14500"), "{text}");
    assert!(
        text.contains("meetings = []"),
        "a stay is not a meeting: {text}"
    );
}

/// An ending dated back takes out of the reports what came after its last day, stays and trips
/// as well as meetings: an attested report is corrected, one not attested rewritten, and
/// `check` finds nothing left outside the agreement (a stay that began before the end stays).
#[test]
fn an_ending_dated_back_takes_later_stays_and_trips_out_of_the_reports() {
    let mut kit = Kit::new();
    with_rates(&kit);
    let a = child_proposal(&mut kit, 2016, 0);
    signed(&kit, &a, "--meetings 1/month --paid-per dygn --mileage");
    reported(
        &mut kit,
        &a,
        "2026-09",
        &[
            "--stay",
            "2026-09-04..2026-09-06",
            "--stay",
            "2026-09-18..2026-09-20",
            "--trip",
            "2026-09-04:20",
            "--trip",
            "2026-09-18:20",
        ],
    );
    kit.run(&["report", &a, "2026-10", "--stay", "2026-10-09..2026-10-11"])
        .ok();
    kit.today = "2026-11-04".into();
    let ended = kit
        .run(&[
            "end",
            &a,
            "--date",
            "2026-09-05",
            "--reason",
            "other",
            "--by",
            "Handläggare Test",
        ])
        .ok();
    assert!(
        ended
            .stdout
            .contains("1 trip and 1 stay after 2026-09-05 removed (correction recorded)"),
        "{}",
        ended.stdout
    );
    assert!(
        ended
            .stdout
            .contains("2026-10: 1 stay after 2026-09-05 removed from the report"),
        "{}",
        ended.stdout
    );
    let september = kit.read(&format!("reports/2026-09/{a}.toml"));
    assert!(
        september.contains("2026-09-04") && !september.contains("2026-09-18"),
        "{september}"
    );
    assert!(
        september.contains("1 trip and 1 stay after it removed"),
        "{september}"
    );
    let october = kit.read(&format!("reports/2026-10/{a}.toml"));
    assert!(!october.contains("2026-10-09"), "{october}");
    kit.run(&["check"]).ok();
}

/// A meeting that has not happened yet is refused as it is typed, and named by `check` in a
/// stored report (E006), by `rules::report::future_problems`.
#[test]
fn a_meeting_after_today_is_refused_and_found_in_a_file() {
    let mut kit = common::Kit::new();
    let a = kit.agreed(0, "2026-03-01");
    kit.today = "2026-03-10".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-12"])
        .refused(1, "2026-03-12 has not happened yet");
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-05"])
        .ok();
    kit.run(&["check"]).ok();
    let rel = format!("reports/2026-03/{a}.toml");
    let text = kit
        .read(&rel)
        .replace("\"2026-03-05\"", "\"2026-03-05\", \"2026-03-12\"");
    assert!(text.contains("2026-03-12"), "{text}");
    std::fs::write(kit.dir.join(&rel), text).unwrap();
    let out = kit.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("E006 field `meetings`: meeting 2026-03-12 has not happened yet"),
        "{}",
        out.stdout
    );
    // On the day it has happened, the file is sound.
    kit.today = "2026-03-12".into();
    kit.run(&["check"]).ok();
}
