//! Does a person match what staff typed? Staff search by name, not id: parts of the name in any
//! order, without regard to case or accents ("asa" finds "Åsa", "LIND elsa" finds "Elsa Lind"),
//! a personnummer in any common form (`201305012385`, `20130501-2385`, `130501-2385`), an area,
//! a phone number (digits only compared) or an e-mail address. Every word typed must be found.

use chrono::NaiveDate;

use crate::model::Pnr;

/// `text` in lower case without accents: the form names are compared in.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ç' => 'c',
            'ñ' => 'n',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// What was typed, ready to compare.
#[derive(Debug, Clone)]
pub struct Query {
    /// A personnummer, when the whole text is one.
    pnr: Option<Pnr>,
    /// The folded words, otherwise.
    words: Vec<String>,
}

impl Query {
    pub fn parse(text: &str, today: NaiveDate) -> Query {
        Query {
            pnr: Pnr::parse(text, today).ok(),
            words: text.split_whitespace().map(fold).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pnr.is_none() && self.words.is_empty()
    }

    /// Does the person with this name, personnummer and other searchable texts (area, phone,
    /// e-mail) match? A word typed matches the start of a word of the name or the area ("ann"
    /// finds Anna, not Hanna), any part of an e-mail address, or (five digits or more) any part
    /// of a phone number, whatever its spaces and dashes.
    pub fn matches(&self, name: &str, pnr: &Pnr, others: &[Option<&str>]) -> bool {
        if let Some(q) = &self.pnr {
            return q == pnr;
        }
        if self.words.is_empty() {
            return false;
        }
        let words_of = |t: &str| -> Vec<String> {
            fold(t)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let mut words = words_of(name);
        let mut texts = Vec::new();
        for t in others.iter().flatten() {
            words.extend(words_of(t));
            texts.push(fold(t));
        }
        let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
        let phones: Vec<String> = texts
            .iter()
            .map(|t| digits(t))
            .filter(|d| d.len() >= 5)
            .collect();
        self.words.iter().all(|w| {
            let parts = words_of(w);
            let number = digits(w);
            let is_number =
                number.len() >= 5 && w.chars().all(|c| c.is_ascii_digit() || "-+ ()".contains(c));
            (!parts.is_empty()
                && parts
                    .iter()
                    .all(|p| words.iter().any(|x| x.starts_with(p.as_str()))))
                || (w.contains('@') || w.contains('.'))
                    && texts.iter().any(|t| t.contains(w.as_str()))
                || is_number && phones.iter().any(|p| p.contains(&number))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn pnr() -> Pnr {
        // Skatteverket's test number 20130501-2385 (a girl).
        Pnr::parse("201305012385", today()).unwrap()
    }

    #[test]
    fn names_match_by_parts_without_case_or_accents() {
        let p = pnr();
        let found = |q: &str| Query::parse(q, today()).matches("Åsa Öberg-Lind", &p, &[]);
        assert!(found("asa"));
        assert!(found("ÅSA"));
        assert!(found("lind asa"));
        assert!(found("oberg"));
        assert!(found("öberg-lind"));
        assert!(!found("berg"), "a word's start, not any part of it");
        assert!(!found("asa berg x"));
        assert!(!found(""));
    }

    #[test]
    fn a_personnummer_matches_in_any_common_form_and_only_itself() {
        let p = pnr();
        for q in ["201305012385", "20130501-2385", "130501-2385", "1305012385"] {
            assert!(Query::parse(q, today()).matches("X", &p, &[]), "{q}");
        }
        let other = Pnr::parse("201305022384", today());
        if let Ok(o) = other {
            assert!(!Query::parse("201305012385", today()).matches("X", &o, &[]));
        }
    }

    #[test]
    fn area_phone_and_email_are_searched() {
        let p = pnr();
        let others = [Some("Norr"), Some("070-123 45 67"), Some("asa@example.org")];
        let found = |q: &str| Query::parse(q, today()).matches("Åsa", &p, &others);
        assert!(found("norr"));
        assert!(found("0701234567"));
        assert!(found("070-1234567"));
        assert!(found("example.org"));
        assert!(!found("0709999999"));
    }
}
