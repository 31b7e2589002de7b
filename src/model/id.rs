//! Record identifiers: a kind letter and six random Crockford base-32 characters (`C-7Q2K9M`).
//!
//! Random rather than counted so that two offices creating records on separate git branches never
//! collide (30 bits: two branches adding a thousand records each collide with odds about 1 in 1 000),
//! short enough to type, and free of personal data. Any unique prefix is accepted, as git does.

use std::fmt;

use rand::RngExt;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Crockford's alphabet: no I, L, O or U, so ids read aloud or typed are not confused.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_LEN: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Client,
    Volunteer,
    Assignment,
    PayRun,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Client,
        Kind::Volunteer,
        Kind::Assignment,
        Kind::PayRun,
    ];

    pub fn letter(self) -> char {
        match self {
            Kind::Client => 'C',
            Kind::Volunteer => 'V',
            Kind::Assignment => 'A',
            Kind::PayRun => 'P',
        }
    }

    pub fn from_letter(c: char) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.letter() == c.to_ascii_uppercase())
    }

    pub fn noun(self) -> &'static str {
        match self {
            Kind::Client => "client",
            Kind::Volunteer => "volunteer",
            Kind::Assignment => "assignment",
            Kind::PayRun => "pay run",
        }
    }
}

fn push_code(text: &mut String, rng: &mut impl rand::Rng) {
    for _ in 0..CODE_LEN {
        text.push(ALPHABET[rng.random_range(0..32)] as char);
    }
}

/// Six random characters, for names of temporary things (transactions, runs' files).
pub fn random_code() -> String {
    let mut s = String::with_capacity(CODE_LEN);
    push_code(&mut s, &mut rand::rng());
    s
}

/// A record's identifier. Valid once constructed. Held inline (eight ASCII bytes, ordered as
/// the text is): a country's records hold millions of ids, and a `String` each cost an allocation
/// per id read and a pointer chase per comparison. `Copy`, as any eight bytes are.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id {
    text: [u8; CODE_LEN + 2],
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error(
    "expected an id like `C-7Q2K9M` (a letter C, V, A or P, a dash, six characters of 0-9 A-Z)"
)]
pub struct IdError;

impl Id {
    pub fn random(kind: Kind) -> Id {
        let mut rng = rand::rng();
        Self::from_rng(kind, &mut rng)
    }

    pub fn from_rng(kind: Kind, rng: &mut impl rand::Rng) -> Id {
        let mut text = String::with_capacity(CODE_LEN + 2);
        text.push(kind.letter());
        text.push('-');
        push_code(&mut text, rng);
        Id::parse(&text).expect("a made id is valid")
    }

    pub fn parse(s: &str) -> Result<Id, IdError> {
        let b = s.as_bytes();
        if b.len() != CODE_LEN + 2 || b[1] != b'-' || !b[0].is_ascii_uppercase() {
            return Err(IdError);
        }
        Kind::from_letter(b[0] as char).ok_or(IdError)?;
        if !b[2..].iter().all(|c| ALPHABET.contains(c)) {
            return Err(IdError);
        }
        let mut text = [0; CODE_LEN + 2];
        text.copy_from_slice(b);
        Ok(Id { text })
    }

    pub fn kind(&self) -> Kind {
        Kind::from_letter(self.text[0] as char).expect("validated at construction")
    }

    pub fn as_str(&self) -> &str {
        // ASCII by construction.
        std::str::from_utf8(&self.text).unwrap_or_default()
    }

    /// Does `prefix` (case-insensitive, with or without the `C-` kind part) select this id?
    pub fn matches_prefix(&self, prefix: &str) -> bool {
        let p = prefix.to_ascii_uppercase();
        if p.is_empty() {
            return false;
        }
        let text = self.as_str();
        text.starts_with(&p) || text[2..].starts_with(&p)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor rather than `String::deserialize`: no allocation for the text.
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id like `C-7Q2K9M`")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Id, E> {
                Id::parse(s).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn random_ids_parse_back_and_keep_their_kind() {
        for kind in Kind::ALL {
            let id = Id::random(kind);
            assert_eq!(Id::parse(id.as_str()), Ok(id));
            assert_eq!(id.kind(), kind);
        }
    }

    #[test]
    fn rejects_malformed_ids() {
        for bad in [
            "",
            "C-",
            "C-12345",
            "C-1234567",
            "X-123456",
            "C_123456",
            "C-12345I",
            "c-123456",
        ] {
            assert_eq!(Id::parse(bad), Err(IdError), "{bad}");
        }
    }

    #[test]
    fn prefixes_match_with_or_without_kind_and_any_case() {
        let id = Id::parse("A-7Q2K9M").unwrap();
        for p in ["A-7Q", "a-7q2", "7Q2K", "7q", "A", "A-7Q2K9M"] {
            assert!(id.matches_prefix(p), "{p}");
        }
        for p in ["", "C-7Q", "Q2", "7Q2K9MX"] {
            assert!(!id.matches_prefix(p), "{p}");
        }
    }

    proptest! {
        #[test]
        fn parse_accepts_exactly_what_random_makes(seed in any::<u64>()) {
            use rand::SeedableRng;
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let id = Id::from_rng(Kind::Volunteer, &mut rng);
            prop_assert_eq!(Id::parse(id.as_str()).unwrap(), id);
        }
    }
}
