//! Any bytes as a batch file (intake, report import): every row is accepted or named by line, never a panic.
#![no_main]

use std::path::Path;

use kontakt::ops::csv_rows::parse_batch;
use kontakt::ops::csv_rows;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.csv");
    match parse_batch(path, data, csv_rows::client, &csv_rows::CLIENTS) {
        Ok(rows) => assert!(!rows.is_empty()),
        Err(e) => assert!(e.to_string().starts_with("fuzz.csv")),
    }
    let _ = parse_batch(path, data, csv_rows::volunteer, &csv_rows::VOLUNTEERS);
    // `report import`: good and bad rows apart, every bad row named by its line.
    if let Ok(rows) = csv_rows::parse_rows(path, data, csv_rows::meeting, &csv_rows::REPORTS) {
        assert!(rows.bad.iter().all(|(line, msg)| msg.starts_with(&format!("line {line}"))));
    }
});
