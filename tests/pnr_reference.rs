//! The personnummer parser against the shared reference data: every case of the JSON files
//! and all of Skatteverket's test numbers, in every form a person may type them.
use chrono::NaiveDate;
use kontakt::model::pnr::{Kind, Pnr, Sex};
use serde_json::Value;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reference/personnummer/"
);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}{name}"))
        .unwrap_or_else(|e| panic!("{DIR}{name}: {e} (../shared must sit beside the checkout)"))
}

fn cases(name: &str) -> Vec<Value> {
    serde_json::from_str(&read(name)).unwrap()
}

fn check_case(case: &Value) -> usize {
    let valid = case["valid"].as_bool().unwrap();
    let long = case["long_format"].as_str().unwrap();
    let mut checked = 0;
    for form in [
        "long_format",
        "short_format",
        "separated_format",
        "separated_long",
    ] {
        let input = case[form].as_str().unwrap();
        let parsed = Pnr::parse(input, today());
        assert_eq!(parsed.is_ok(), valid, "{form} {input:?}: {parsed:?}");
        checked += 1;
        let Ok(p) = parsed else { continue };
        // Ten digits without a separator cannot say the person is 100 or older.
        if form != "short_format" {
            assert_eq!(p.canonical(), long, "{form} {input:?}");
        }
        let sex = if case["isMale"].as_bool().unwrap() {
            Sex::Male
        } else {
            Sex::Female
        };
        assert_eq!(p.sex(), sex, "{input:?}");
        assert_eq!(case["isFemale"].as_bool().unwrap(), sex == Sex::Female);
        let kind = match case["type"].as_str().unwrap() {
            "ssn" => Kind::Personnummer,
            "con" => Kind::Samordningsnummer,
            "interim" => Kind::Interim,
            other => panic!("unknown type {other}"),
        };
        assert_eq!(p.kind(), kind, "{input:?}");
    }
    checked
}

#[test]
fn agrees_with_every_case_of_list_json() {
    let n: usize = cases("list.json").iter().map(check_case).sum();
    assert!(n >= 50, "only {n} forms checked");
}

#[test]
fn agrees_with_every_interim_case() {
    let n: usize = cases("interim.json").iter().map(check_case).sum();
    assert!(n >= 40, "only {n} forms checked");
}

#[test]
fn agrees_with_structured_json() {
    let v: Value = serde_json::from_str(&read("structured.json")).unwrap();
    let mut n = 0;
    for (kind, groups) in v.as_object().unwrap() {
        for (verdict, want) in [("valid", true), ("invalid", false)] {
            for s in groups["string"][verdict].as_array().unwrap() {
                let s = s.as_str().unwrap();
                assert_eq!(Pnr::parse(s, today()).is_ok(), want, "{kind} {s:?}");
                n += 1;
            }
            // The integer forms are the 12 digits as a number (0 is no number at all).
            for i in groups["integer"][verdict].as_array().unwrap() {
                let s = i.as_u64().unwrap().to_string();
                assert_eq!(Pnr::parse(&s, today()).is_ok(), want, "{kind} {s}");
                n += 1;
            }
        }
    }
    assert!(n >= 40);
}

#[test]
fn accepts_all_of_skatteverkets_test_numbers_in_every_form() {
    let text = read("skatteverket-testpersonnummer.txt");
    let numbers: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert_eq!(numbers.len(), 41_493);
    for n in &numbers {
        let p = Pnr::from_canonical(n).unwrap_or_else(|e| panic!("{n}: {e}"));
        assert_eq!(p.canonical(), *n);
        let sep = if p.age_on(today()) >= 100 { '+' } else { '-' };
        for form in [
            n.to_string(),
            format!("{}-{}", &n[..8], &n[8..]),
            format!("{}{sep}{}", &n[2..8], &n[8..]),
        ] {
            let q = Pnr::parse(&form, today()).unwrap_or_else(|e| panic!("{form}: {e}"));
            assert_eq!(q.canonical(), *n, "{form}");
        }
        if sep == '-' {
            assert_eq!(Pnr::parse(&n[2..], today()).unwrap().canonical(), *n);
        }
        assert_eq!(p.masked(), format!("{}-****", &n[..8]));
    }
}
