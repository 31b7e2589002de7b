//! The payroll files: PAXml valid against the standard's schema, CSV in the configured layout.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use kontakt::model::{Id, Money, Month, Pnr};
use kontakt::payroll::export::{csv, paxml};
use kontakt::payroll::{LineKind, PayLine, Payee};

/// A valid test personnummer from Skatteverket's list (read, never written down here).
fn test_pnr(nth: usize) -> Pnr {
    let line = common::test_pnrs()
        .into_iter()
        .filter(|l| l.starts_with("1985"))
        .nth(nth)
        .unwrap();
    Pnr::from_canonical(&line).unwrap()
}

fn line(kind: LineKind, ore: i64, cc: Option<&str>) -> PayLine {
    let period: Month = "2026-10".parse().unwrap();
    PayLine {
        assignment: Id::parse("A-7Q2K9M").unwrap(),
        volunteer: Id::parse("V-4M6CQD").unwrap(),
        period,
        from: NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
        to: period.last_day(),
        days: 17,
        kind,
        corrects: None,
        wage_type: if kind == LineKind::Fee {
            "1410".into()
        } else {
            "7310".into()
        },
        amount: Money(ore),
        cost_center: cc.map(str::to_string),
        revision: 0,
        quantity: None,
    }
}

fn created() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 7)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

/// `xml` checked against the PAXml schema (None when xmllint is missing outside CI).
fn xmllint_validates(xml: &[u8]) -> Option<(bool, String)> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("run.pax");
    std::fs::write(&file, xml).unwrap();
    common::xmllint_paxml(&file)
}

#[test]
fn paxml_is_valid_against_the_schema_in_both_encodings() {
    let with_anst = Payee {
        name: "Åsa Öberg & Co".into(),
        pnr: test_pnr(0),
        employee_number: Some("4711".into()),
    };
    let without = Payee {
        name: "Bo Ek".into(),
        pnr: test_pnr(1),
        employee_number: None,
    };
    let lines = [
        line(LineKind::Fee, 98_600, Some("K123")),
        line(LineKind::Expense, 123_300, None),
        line(LineKind::Correction, -5_000, Some("K123")),
    ];
    let rows = [
        (&lines[0], &with_anst),
        (&lines[1], &without),
        (&lines[2], &with_anst),
    ];
    for encoding in ["utf-8", "iso-8859-1"] {
        let layout = kontakt::model::layout::PaxmlLayout {
            encoding: encoding.into(),
            ..Default::default()
        };
        let xml = paxml::write(&rows, &layout, "Demostad kommun <test>", created()).unwrap();
        if let Some((ok, err)) = xmllint_validates(&xml) {
            assert!(ok, "{encoding}: {err}");
        }
        let text = if encoding == "utf-8" {
            String::from_utf8(xml).unwrap()
        } else {
            xml.iter().map(|&b| b as char).collect()
        };
        assert!(text.contains("<lonetrans postid=\"1\" anstid=\"4711\" persnr=\""));
        assert!(text.contains("<belopp>986.00</belopp>"));
        assert!(text.contains("<belopp>-50.00</belopp>"));
        assert!(text.contains("<resenhet dim=\"1\" id=\"K123\"/>"));
        assert!(text.contains("<datumfrom>2026-10-15T00:00:00</datumfrom>"));
        assert!(text.contains("Demostad kommun &lt;test&gt;"));
    }
}

#[test]
fn a_schema_violation_is_caught_by_the_validation() {
    // The check above can fail: a transaction with a 13-character persnr is rejected.
    let bad = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<paxml><header><version>2.0</version></header><lonetransaktioner><lonetrans persnr=\"1234567890123\"><lonart>1</lonart></lonetrans></lonetransaktioner></paxml>\n";
    if let Some((ok, _)) = xmllint_validates(bad) {
        assert!(!ok);
    }
}

#[test]
fn paxml_refuses_a_cost_centre_longer_than_the_standard_allows() {
    let p = Payee {
        name: "Bo".into(),
        pnr: test_pnr(2),
        employee_number: None,
    };
    let l = line(LineKind::Fee, 100, Some("ELEVENCHARS"));
    let err = paxml::write(&[(&l, &p)], &Default::default(), "X", created()).unwrap_err();
    assert!(
        err.to_string()
            .contains("longer than PAXml's 10 characters"),
        "{err}"
    );
}

#[test]
fn csv_follows_the_configured_layout() {
    let p = Payee {
        name: "Åsa Öberg".into(),
        pnr: test_pnr(0),
        employee_number: Some("4711".into()),
    };
    let l = line(LineKind::Fee, 98_650, Some("K1"));
    let out = String::from_utf8(csv::write(&[(&l, &p)], &Default::default()).unwrap()).unwrap();
    let mut it = out.lines();
    assert_eq!(
        it.next().unwrap(),
        "Från och med;Till och med;Anställningsnummer;Personnummer;Namn;Löneart;Benämning;Antal;À-pris;Belopp;Kostnadsställe;Uppdrag"
    );
    let row: Vec<&str> = it.next().unwrap().split(';').collect();
    assert_eq!(row[0], "2026-10-15");
    assert_eq!(row[3], p.pnr.canonical());
    assert_eq!(row[6], "Arvode kontaktperson 2026-10 (17/31 dagar)");
    assert_eq!(row[9], "986,50");

    let layout: kontakt::model::layout::CsvLayout = toml::from_str(
        "columns = [\"pnr\", \"amount\", \"wage_type\"]\ndelimiter = \",\"\ndecimal_separator = \".\"\nbom = true\nheaders = { pnr = \"PNR\" }\n",
    )
    .unwrap();
    let out = String::from_utf8(csv::write(&[(&l, &p)], &layout).unwrap()).unwrap();
    assert_eq!(
        out,
        format!(
            "\u{feff}PNR,Belopp,Löneart\n{},986.50,1410\n",
            p.pnr.canonical()
        )
    );
}

#[test]
fn csv_refuses_a_layout_that_cannot_be_read_back() {
    let layout = kontakt::model::layout::CsvLayout {
        delimiter: ",".into(),
        decimal_separator: ",".into(),
        ..Default::default()
    };
    let p = Payee {
        name: "Bo".into(),
        pnr: test_pnr(2),
        employee_number: None,
    };
    let l = line(LineKind::Fee, 100, None);
    assert!(
        csv::write(&[(&l, &p)], &layout)
            .unwrap_err()
            .to_string()
            .contains("must differ")
    );
}

/// Issue 14, case 14: staff open the payroll file in a spreadsheet. A name or employee number that
/// starts a formula is written as text; a correction's negative amount stays a number.
#[test]
fn csv_neutralises_cells_a_spreadsheet_would_run() {
    let p = Payee {
        name: "=HYPERLINK(\"http://x.example\",\"klicka\")".into(),
        pnr: test_pnr(3),
        employee_number: Some("-1-1".into()),
    };
    let l = line(LineKind::Fee, -26_300, Some("@SUM(A1)"));
    let out = String::from_utf8(csv::write(&[(&l, &p)], &Default::default()).unwrap()).unwrap();
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(out.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[2], "'-1-1");
    assert_eq!(&row[4], "'=HYPERLINK(\"http://x.example\",\"klicka\")");
    assert_eq!(&row[8], "-263,00");
    assert_eq!(&row[9], "-263,00");
    assert_eq!(&row[10], "'@SUM(A1)");
}
