//! Any bytes as a record file: parsing never panics, and what parses writes back to text that
//! parses to the same record (the canonical layout loses nothing).
#![no_main]

use kontakt::model::{Assignment, Client, Config, PayRun, Report, Volunteer};
use kontakt::store::parse::parse_detailed;
use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(text: &str) {
    if let Ok(rec) = parse_detailed::<T>(text) {
        let again = toml::to_string(&rec).expect("a parsed record serializes");
        let back: T = parse_detailed(&again).expect("the canonical text parses");
        assert_eq!(back, rec);
        // Comments carried into the canonical layout keep it a valid record too.
        let formatted = kontakt::store::edit::canonical_with_comments(text, &again);
        let _: T = parse_detailed(&formatted).expect("fmt output parses");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    round_trip::<Client>(text);
    round_trip::<Volunteer>(text);
    round_trip::<Assignment>(text);
    round_trip::<Config>(text);
    round_trip::<Report>(text);
    round_trip::<PayRun>(text);
});
