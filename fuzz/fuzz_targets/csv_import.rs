//! Any bytes as a batch intake file: every row is accepted or named by line, never a panic.
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
});
