//! What the example generators share: the words people in generated records are given.

use kontakt::model::common::Availability;

pub const AREAS: [&str; 8] = [
    "Norr", "Söder", "Öster", "Väster", "Centrum", "Hamnen", "Berga", "Ängby",
];
pub const INTERESTS: [&str; 12] = [
    "fika", "football", "music", "cinema", "walks", "gaming", "books", "chess", "swimming",
    "drawing", "cooking", "hockey",
];
pub const TIMES: [Availability; 3] = [
    Availability::WeekdayDay,
    Availability::WeekdayEvening,
    Availability::Weekend,
];
