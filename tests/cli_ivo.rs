//! Decisions not put into effect (issue 17, section 1): `due` warns a month before the three
//! months and flags at three; `kontakt ivo --quarter Q` gives the quarter's individual reports to
//! IVO under a pseudonymous code, and `--council` the summary without identities.
mod common;

use common::{Kit, test_pnrs};
use serde_json::Value;

/// The first Skatteverket test number born in `year` of a woman (`female`) or a man: the third
/// of the last four digits is even for women.
fn pnr_of(year: i32, female: bool) -> String {
    let n = test_pnrs()
        .into_iter()
        .filter(|p| p.starts_with(&year.to_string()))
        .find(|p| (p.as_bytes()[10] - b'0').is_multiple_of(2) == female)
        .unwrap_or_else(|| panic!("no test number for {year}"));
    format!("{}-{}", &n[..8], &n[8..])
}

fn client(kit: &mut Kit, pnr: &str, applied: &str) -> String {
    kit.today = applied.into();
    kit.cmd(&format!(
        "apply client --name Klient --pnr {pnr} --area Centrum --applied {applied}"
    ))
    .id()
}

fn grant(kit: &mut Kit, c: &str, decided: &str, to: &str, meetings: &str) {
    kit.today = decided.into();
    kit.cmd(&format!(
        "screen client {c} --grant --from {decided} --to {to} --meetings {meetings}"
    ))
    .ok();
}

/// An approved volunteer born in `year`, with room for three assignments (screened in January
/// 2026).
fn volunteer(kit: &mut Kit, year: i32) -> String {
    kit.today = "2026-01-20".into();
    let v = kit
        .cmd(&format!(
            "apply volunteer --name Volontär --pnr {} --area Centrum --capacity 3 --applied 2026-01-05",
            pnr_of(year, true)
        ))
        .id();
    kit.cmd(&format!(
        "screen volunteer {v} --interview 2026-01-20 --reference A:ok --reference B:ok \
         --police-extract 2026-01-15 --social-register 2026-01-16 --approve"
    ))
    .ok();
    v
}

fn ivo_items(kit: &Kit, c: &str) -> Vec<(String, String, String)> {
    kit.json(&["due", "--within", "30"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == c && (d["what"] == "not in effect" || d["what"] == "report to IVO"))
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["what"].as_str().unwrap().to_string(),
                d["detail"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The binary at a fixed width, as a person reads it in a terminal 120 columns wide.
fn at_width(kit: &Kit, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("kontakt")
        .unwrap()
        .env_remove("KONTAKT_RECORDS")
        .env_remove("KONTAKT_TODAY")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("COLUMNS", "120")
        .envs(common::GIT_IDENTITY)
        .arg("--records")
        .arg(&kit.dir)
        .args(["--today", &kit.today])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// 16 kap. 6 f § SoL and IVO's "Individrapport": a granted decision not put into effect three
/// months after the decision is reported each quarter, new, then continuing, and once more when
/// it is put into effect; a declined offer does not end it.
#[test]
fn a_decision_not_put_into_effect_is_warned_flagged_reported_and_reported_once_more() {
    let mut kit = Kit::new();
    let pnr = pnr_of(1985, true);
    let c = client(&mut kit, &pnr, "2026-05-18");
    grant(&mut kit, &c, "2026-06-01", "2027-05-31", "1/week");

    kit.today = "2026-07-15".into();
    assert_eq!(ivo_items(&kit, &c), vec![], "more than a month before");
    kit.today = "2026-08-01".into();
    let warned = ivo_items(&kit, &c);
    assert_eq!(
        (warned[0].0.as_str(), warned[0].1.as_str()),
        ("2026-09-01", "not in effect"),
        "{warned:?}"
    );
    kit.today = "2026-09-02".into();
    let flagged = ivo_items(&kit, &c);
    assert_eq!(flagged[0].1, "report to IVO", "{flagged:?}");
    assert!(
        flagged[0].2.contains("kontakt ivo --quarter 2026Q3"),
        "{flagged:?}"
    );

    // An offer, declined by the client: the case goes on.
    let v = volunteer(&mut kit, 1980);
    kit.today = "2026-09-07".into();
    let a = kit.cmd(&format!("match propose {c} {v}")).id();
    kit.today = "2026-09-21".into();
    kit.cmd(&format!("match decline {a} --by client --reason nej"))
        .ok();
    kit.today = "2026-10-05".into();
    kit.run(&[
        "screen",
        "client",
        &c,
        "--delay-reason",
        "Ingen ledig kontaktperson i Centrum",
    ])
    .ok();

    let first = kit
        .run(&["ivo", "--quarter", "2026Q3", "--format", "json"])
        .ok();
    assert!(
        first.stderr.contains("for the first time"),
        "{}",
        first.stderr
    );
    let r: Value = serde_json::from_str(&first.stdout).unwrap();
    let rows = r["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{r}");
    let row = &rows[0];
    assert_eq!(row["standing"], "new");
    assert_eq!(row["sex"], "female");
    assert_eq!(row["decided"], "2026-06-01");
    assert_eq!(row["reportable_from"], "2026-09-01");
    assert_eq!(row["days"], 121);
    assert_eq!(row["delay_reason"], "Ingen ledig kontaktperson i Centrum");
    assert_eq!(
        row["offers"],
        serde_json::json!([{"proposed": "2026-09-07", "declined": "2026-09-21", "declined_by": "client"}])
    );
    // The code: the birth date, -T, three digits, the middle one even for a woman; stored.
    let code = row["code"].as_str().unwrap().to_string();
    assert_eq!(&code[..10], format!("{}-T", &pnr[..8]));
    assert!((code.as_bytes()[11] - b'0').is_multiple_of(2), "{code}");
    assert!(
        kit.read(&format!("clients/{c}.toml"))
            .contains(&format!("ivo_code = \"{code}\"")),
    );
    // Never the personnummer, in any format.
    for f in ["json", "csv", "table"] {
        let out = kit.run(&["ivo", "--quarter", "2026Q3", "--format", f]).ok();
        assert!(!out.stdout.contains(&pnr[9..]), "{f}: {}", out.stdout);
        assert!(!out.stdout.contains(&pnr.replace('-', "")), "{f}");
        assert!(
            out.stderr.is_empty(),
            "the code is given once: {}",
            out.stderr
        );
        assert!(out.stdout.contains(&code), "the same code: {}", out.stdout);
    }
    let csv = kit
        .run(&["ivo", "--quarter", "2026Q3", "--format", "csv"])
        .ok()
        .stdout
        .replace(&code, "ÅÅÅÅMMDD-TXXX")
        .replace(&c, "C-XXXXXX");
    insta::assert_snapshot!(csv, @r#"
    quarter,code,client,standing,sex,law,paragraph,insats,meetings,partly,decided,began,interrupted,reportable_from,days,offers,delay_reason,in_effect,closed,closed_why
    2026Q3,ÅÅÅÅMMDD-TXXX,C-XXXXXX,new,female,SoL,"bistånd, SoL (2025:400)",kontaktperson,1/week,,2026-06-01,decision,,2026-09-01,121,2026-09-07 declined 2026-09-21 by the client,Ingen ledig kontaktperson i Centrum,,,
    "#);

    kit.today = "2026-11-20".into();
    let q4 = kit.json(&["ivo", "--quarter", "2026Q4"]);
    assert_eq!(q4["rows"][0]["standing"], "continuing", "{q4}");
    assert_eq!(q4["preliminary"], true);

    // An agreement from 7 December puts it into effect: reported once more, then no more.
    let v2 = volunteer(&mut kit, 1981);
    kit.today = "2026-11-20".into();
    let a = kit.cmd(&format!("match propose {c} {v2}")).id();
    kit.today = "2026-12-07".into();
    kit.agree(&a, "2026-12-07", true).ok();
    kit.today = "2027-01-10".into();
    assert_eq!(ivo_items(&kit, &c), vec![], "in effect: nothing due");
    let q4 = kit.json(&["ivo", "--quarter", "2026Q4"]);
    assert_eq!(q4["rows"][0]["standing"], "in_effect", "{q4}");
    assert_eq!(q4["rows"][0]["in_effect"], "2026-12-07");
    assert_eq!(q4["rows"][0]["days"], 189);
    let table = at_width(&kit, &["--lang", "sv", "ivo", "--quarter", "2026Q4"])
        .replace(&code, "ÅÅÅÅMMDD-TXXX")
        .replace(&c, "C-XXXXXX");
    insta::assert_snapshot!(table, @r"
    Ej verkställda beslut: individrapporter till IVO för 2026Q4 (per 2026-12-31)
    ╭───────────────┬──────────┬────────────┬────────┬─────┬───────────────────┬───────╮
    │ IVO-kod       ┆ klient   ┆ rapport    ┆ kön    ┆ lag ┆ sedan             ┆ dagar │
    ╞═══════════════╪══════════╪════════════╪════════╪═════╪═══════════════════╪═══════╡
    │ ÅÅÅÅMMDD-TXXX ┆ C-XXXXXX ┆ verkställt ┆ kvinna ┆ SoL ┆ beslut 2026-06-01 ┆ 189   │
    ╰───────────────┴──────────┴────────────┴────────┴─────┴───────────────────┴───────╯

    ÅÅÅÅMMDD-TXXX
    insats                     kontaktperson 1/vecka, bistånd, SoL (2025:400)
    beslutat                   2026-06-01
    rapporteras från           2026-09-01
    erbjudanden                2026-09-07 avböjt 2026-09-21 av klienten; 2026-11-20 föreslaget, avtal från 2026-12-07
    skäl till dröjsmålet       Ingen ledig kontaktperson i Centrum
    verkställt eller avslutat  verkställt från 2026-12-07
    ");
    let q1 = kit.run(&["ivo", "--quarter", "2027Q1"]).ok().stdout;
    assert!(q1.contains("No decision to report"), "{q1}");
}

/// 16 kap. 6 f § second paragraph SoL: an insats interrupted (an agreement ended while the
/// decision is in force) and not resumed within three months is reported, from the interruption.
/// 16 kap. 6 h § SoL: the council and the auditors get the same figures without identities.
#[test]
fn an_interruption_starts_the_clock_again_and_the_council_counts_without_identities() {
    let mut kit = Kit::new();
    let v = volunteer(&mut kit, 1980);
    let man = pnr_of(1990, false);
    let c = client(&mut kit, &man, "2026-01-26");
    grant(&mut kit, &c, "2026-02-02", "2027-02-01", "1/week");
    kit.today = "2026-02-20".into();
    let a = kit.cmd(&format!("match propose {c} {v}")).id();
    kit.agree(&a, "2026-03-01", true).ok();
    kit.today = "2026-05-20".into();
    kit.cmd(&format!(
        "end {a} --date 2026-05-31 --reason volunteer_request"
    ))
    .ok();
    kit.today = "2026-08-05".into();
    let warned = ivo_items(&kit, &c);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert_eq!(warned[0].0, "2026-09-01");
    assert!(
        warned[0].2.contains("interrupted from 2026-06-01"),
        "{warned:?}"
    );

    let woman = pnr_of(1972, true);
    let w = client(&mut kit, &woman, "2026-05-04");
    grant(&mut kit, &w, "2026-05-11", "2027-05-10", "2/month");
    kit.today = "2026-10-05".into();
    let r = kit.json(&["ivo", "--quarter", "2026Q3"]);
    let rows = r["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{r}");
    let interrupted = rows.iter().find(|x| x["client"] == c.as_str()).unwrap();
    assert_eq!(interrupted["began"], "interruption");
    assert_eq!(interrupted["interrupted"], "2026-06-01");
    assert_eq!(interrupted["decided"], "2026-02-02");

    let s = kit.json(&["ivo", "--quarter", "2026Q3", "--council"]);
    assert_eq!(s["total"], serde_json::json!({"women": 1, "men": 1}));
    let text = s.to_string();
    for secret in [&c, &w, &man[..8], &woman[..8], &man[9..], &woman[9..]] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    for code in rows.iter().map(|x| x["code"].as_str().unwrap()) {
        assert!(!text.contains(code), "{code} in {text}");
    }
    let table = at_width(&kit, &["ivo", "--quarter", "2026Q3", "--council"]);
    insta::assert_snapshot!(table, @r"
    Decisions not put into effect 2026Q3 (as of 2026-09-30): report to the municipal council and the auditors

    By law
    ╭─────┬───────┬─────┬───────╮
    │     ┆ women ┆ men ┆ total │
    ╞═════╪═══════╪═════╪═══════╡
    │ SoL ┆ 1     ┆ 1   ┆ 2     │
    │ LSS ┆ 0     ┆ 0   ┆ 0     │
    │ all ┆ 1     ┆ 1   ┆ 2     │
    ╰─────┴───────┴─────┴───────╯

    Kind
    ╭──────────────────────────┬───────┬─────┬───────╮
    │                          ┆ women ┆ men ┆ total │
    ╞══════════════════════════╪═══════╪═════╪═══════╡
    │ not put into effect      ┆ 1     ┆ 0   ┆ 1     │
    │ interrupted, not resumed ┆ 0     ┆ 1   ┆ 1     │
    ╰──────────────────────────┴───────┴─────┴───────╯

    This quarter
    ╭─────────────────────┬───────┬─────┬───────╮
    │                     ┆ women ┆ men ┆ total │
    ╞═════════════════════╪═══════╪═════╪═══════╡
    │ new this quarter    ┆ 1     ┆ 1   ┆ 2     │
    │ still not in effect ┆ 0     ┆ 0   ┆ 0     │
    │ put into effect     ┆ 0     ┆ 0   ┆ 0     │
    │ closed otherwise    ┆ 0     ┆ 0   ┆ 0     │
    ╰─────────────────────┴───────┴─────┴───────╯

    Time since the decision or the interruption
    ╭────────────────┬───────┬─────┬───────╮
    │                ┆ women ┆ men ┆ total │
    ╞════════════════╪═══════╪═════╪═══════╡
    │ 3 to 6 months  ┆ 1     ┆ 1   ┆ 2     │
    │ 6 to 12 months ┆ 0     ┆ 0   ┆ 0     │
    │ over 12 months ┆ 0     ┆ 0   ┆ 0     │
    ╰────────────────┴───────┴─────┴───────╯

    Each case, longest first
    ╭─────┬─────────────────────────┬───────────────┬──────────────────────────┬──────────────────┬─────────────┬──────╮
    │ law ┆ paragraph               ┆ insats        ┆ kind                     ┆ this quarter     ┆ woman / man ┆ days │
    ╞═════╪═════════════════════════╪═══════════════╪══════════════════════════╪══════════════════╪═════════════╪══════╡
    │ SoL ┆ bistånd, SoL (2025:400) ┆ kontaktperson ┆ not put into effect      ┆ new this quarter ┆ woman       ┆ 142  │
    │ SoL ┆ bistånd, SoL (2025:400) ┆ kontaktperson ┆ interrupted, not resumed ┆ new this quarter ┆ man         ┆ 121  │
    ╰─────┴─────────────────────────┴───────────────┴──────────────────────────┴──────────────────┴─────────────┴──────╯
    ");
}

/// IVO, "Hur ska jag rapportera en insats som är delvis verkställd?" and "Individen har tackat
/// nej …": fewer meetings than granted is not in effect for the part missing; a case ends only
/// when put into effect or closed, and closing one that still runs is refused.
#[test]
fn a_partly_delivered_decision_is_reported_and_a_closed_case_once_more() {
    let mut kit = Kit::new();
    let v = volunteer(&mut kit, 1980);
    let c = client(&mut kit, &pnr_of(1988, false), "2026-01-26");
    grant(&mut kit, &c, "2026-02-02", "2027-02-01", "2/week");
    kit.today = "2026-02-10".into();
    let a = kit.cmd(&format!("match propose {c} {v}")).id();
    kit.agree(&a, "2026-02-16", true).ok();
    kit.today = "2026-07-01".into();
    let r = kit.json(&["ivo", "--quarter", "2026Q2"]);
    assert_eq!(r["rows"][0]["partly"], "1/week", "{r}");
    assert_eq!(r["rows"][0]["meetings"], "2/week");

    kit.cmd(&format!(
        "screen client {c} --close 2026-06-20 --note Flyttade"
    ))
    .refused(1, "still runs");
    kit.run(&["screen", "client", &c, "--close", "2026-06-20"])
        .refused(2, "--note");
    kit.run(&["screen", "client", &c, "--note", "x", "--delay-reason", "y"])
        .refused(2, "--note");
    // `other` leaves the decision to be closed on its own (`moved` would close it too).
    kit.cmd(&format!("end {a} --date 2026-06-20 --reason other"))
        .ok();
    kit.cmd(&format!(
        "screen client {c} --close 2026-06-20 --note Flyttade"
    ))
    .ok();
    kit.cmd(&format!("screen client {c} --close 2026-06-20 --note Igen"))
        .refused(1, "already closed");
    let r = kit.json(&["ivo", "--quarter", "2026Q2"]);
    assert_eq!(r["rows"][0]["standing"], "closed", "{r}");
    assert_eq!(r["rows"][0]["closed"], "2026-06-20");
    assert_eq!(r["rows"][0]["closed_why"], "Flyttade");
    assert_eq!(
        kit.json(&["ivo", "--quarter", "2026Q3"])["rows"],
        serde_json::json!([]),
        "reported for the last time"
    );
    let shown = kit.json(&["list", "clients"]);
    assert_eq!(
        shown[0]["status"], "expired",
        "nothing is granted after the closure"
    );
    kit.run(&["check"]).ok();
    // A closure dated before the decision, written by hand, is found.
    let path = kit.dir.join(format!("clients/{c}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "date = \"2026-06-20\"\nreason",
            "date = \"2026-01-20\"\nreason",
        ),
    )
    .unwrap();
    let r = kit.run(&["check"]);
    assert!(
        r.code == 1 && r.stdout.contains("E006") && r.stdout.contains("closed outside"),
        "{}",
        r.stdout
    );
}

#[test]
fn check_finds_an_ivo_code_that_does_not_fit_and_bad_quarters_are_refused() {
    let mut kit = Kit::new();
    let pnr = pnr_of(1985, true);
    let c = client(&mut kit, &pnr, "2026-05-18");
    grant(&mut kit, &c, "2026-06-01", "2027-05-31", "1/week");
    kit.today = "2026-10-05".into();
    kit.run(&["ivo", "--quarter", "2026Q3"]).ok();
    kit.run(&["check"]).ok();
    let shown = kit.run(&["show", &c]).ok().stdout;
    assert!(shown.contains(&format!("{}-T", &pnr[..8])), "{shown}");
    let path = kit.dir.join(format!("clients/{c}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let code = text
        .lines()
        .find_map(|l| l.strip_prefix("ivo_code = \""))
        .unwrap()
        .trim_end_matches('"')
        .to_string();
    // An odd third digit says a man.
    let wrong = format!("{}1{}", &code[..11], &code[12..]);
    std::fs::write(&path, text.replace(&code, &wrong)).unwrap();
    let r = kit.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("E004") && r.stdout.contains("ivo_code"),
        "{}",
        r.stdout
    );

    kit.run(&["ivo", "--quarter", "2026Q5"])
        .refused(2, "quarter");
    kit.run(&["ivo", "--quarter", "2027Q1"])
        .refused(2, "has not begun");
    kit.run(&["ivo", "--quarter", "2026Q3", "--html", "x.html"])
        .refused(2, "--council");
}

/// The demo records hold a case of each kind (docs/legal.md): a delay since the decision,
/// reported for 2026Q3 with its code kept; an interruption; a volunteer's decline; a warning.
#[test]
fn the_demo_holds_an_unreported_delay_and_an_interruption() {
    let kit = Kit::demo();
    let q3 = kit
        .run(&["ivo", "--quarter", "2026Q3", "--format", "json"])
        .ok();
    assert_eq!(
        q3.stderr, "",
        "Karin's case was reported in October: its code is kept"
    );
    let q3: Value = serde_json::from_str(&q3.stdout).unwrap();
    let karin = &q3["rows"][0];
    assert_eq!(q3["rows"].as_array().unwrap().len(), 1, "{q3}");
    assert_eq!(
        (karin["standing"].as_str(), karin["began"].as_str()),
        (Some("new"), Some("decision"))
    );
    assert!(
        karin["delay_reason"].as_str().unwrap().contains("engelska"),
        "{karin}"
    );
    assert!(
        kit.read(&format!(
            "clients/{}.toml",
            karin["client"].as_str().unwrap()
        ))
        .contains(karin["code"].as_str().unwrap())
    );

    let q4 = kit.json(&["ivo", "--quarter", "2026Q4"]);
    let rows = q4["rows"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["standing"].as_str().unwrap(),
                r["began"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("new", "decision"),
            ("new", "interruption"),
            ("continuing", "decision")
        ],
        "{q4}"
    );
    let lea = &rows[1];
    assert_eq!(lea["interrupted"], "2026-08-01");
    assert_eq!(lea["offers"][0]["declined_by"], "client");
    assert_eq!(rows[0]["law"], "LSS");
    assert_eq!(rows[0]["offers"][0]["declined_by"], "volunteer");

    let due = kit.json(&["due"]);
    let what = |w: &str| {
        due.as_array()
            .unwrap()
            .iter()
            .filter(|d| d["what"] == w)
            .count()
    };
    assert_eq!(what("report to IVO"), 3, "{due}");
    assert_eq!(
        what("not in effect"),
        0,
        "Maja moved in September, which closed her decision with her assignment: {due}"
    );
    kit.run(&["check"]).ok();
}
