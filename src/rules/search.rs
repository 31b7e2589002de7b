//! Does a person match what staff typed? Staff search by name, not id: parts of the name in any
//! order, without regard to case or accents ("asa" finds "Åsa", "LIND elsa" finds "Elsa Lind"),
//! a personnummer in any common form (`201305012385`, `20130501-2385`, `130501-2385`), an area,
//! a phone number (digits only compared, `+46` read as `0`) or an e-mail address. Every word
//! typed must be found. A date of birth alone (`20130501`, `130501`) finds everyone born that
//! day.

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
    /// A personnummer, when the whole text is one (spaces inside it allowed).
    pnr: Option<Pnr>,
    /// A date of birth, when the whole text is one: eight digits, or six in the last hundred
    /// years.
    born: Option<NaiveDate>,
    /// The folded words, otherwise.
    words: Vec<String>,
}

impl Query {
    pub fn parse(text: &str, today: NaiveDate) -> Query {
        let joined: String = text.split_whitespace().collect();
        let numeric = !joined.is_empty()
            && joined
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '+');
        let pnr = Pnr::parse(text, today)
            .ok()
            .or_else(|| numeric.then(|| Pnr::parse(&joined, today).ok()).flatten());
        Query {
            born: pnr.is_none().then(|| birth_date(&joined, today)).flatten(),
            pnr,
            // A number typed with spaces (`070 123 45 67`) is one number, not five words.
            words: if numeric {
                vec![joined]
            } else {
                text.split_whitespace().map(fold).collect()
            },
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pnr.is_none() && self.born.is_none() && self.words.is_empty()
    }

    /// Does the person with this name, personnummer and other searchable texts (area, phone,
    /// e-mail) match? A word typed matches the start of a word of the name or the area ("ann"
    /// finds Anna, not Hanna), any part of an e-mail address, or (five digits or more) any part
    /// of a phone number, whatever its spaces and dashes.
    pub fn matches(&self, name: &str, pnr: &Pnr, others: &[Option<&str>]) -> bool {
        if let Some(q) = &self.pnr {
            return q == pnr;
        }
        // A date of birth, or the digits of a phone number: either finds.
        if self.born.is_some_and(|b| pnr.birth_date() == b) {
            return true;
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
        // A Swedish number as dialled at home: `+46 70…` and `0046 70…` are `070…`.
        let digits = |s: &str| -> String {
            let d: String = s.chars().filter(char::is_ascii_digit).collect();
            let t = s.trim_start();
            match (
                t.starts_with('+'),
                d.strip_prefix("0046"),
                d.strip_prefix("46"),
            ) {
                (false, Some(rest), _) | (true, _, Some(rest)) => format!("0{rest}"),
                _ => d,
            }
        };
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

/// `text` as a date of birth: `YYYYMMDD`, or `YYMMDD` in the century a personnummer's is read
/// in (`model::pnr::birth_year`).
fn birth_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match text.len() {
        8 => NaiveDate::parse_from_str(text, "%Y%m%d").ok(),
        6 => {
            let yy: i32 = text[..2].parse().ok()?;
            let (mm, dd): (u32, u32) = (text[2..4].parse().ok()?, text[4..].parse().ok()?);
            NaiveDate::from_ymd_opt(crate::model::pnr::birth_year(yy, mm, dd, today), mm, dd)
        }
        _ => None,
    }
    .filter(|d| *d <= today)
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
        // Dialled from abroad, or stored so.
        assert!(found("+46701234567"));
        assert!(found("+46 70 123 45 67"));
        assert!(found("0046701234567"));
        let abroad = [Some("+46 70-123 45 67")];
        assert!(Query::parse("0701234567", today()).matches("Åsa", &p, &abroad));
    }

    #[test]
    fn a_personnummer_with_spaces_and_a_date_of_birth_alone_are_found() {
        let p = pnr();
        let found = |q: &str| Query::parse(q, today()).matches("X", &p, &[]);
        assert!(found("130501 2385"));
        assert!(found("20130501 2385"));
        assert!(found("20130501"));
        assert!(found("130501"));
        assert!(!found("20130502"));
        assert!(!found("130502"));
        // Not a day: read as digits of a phone number, which X has none of.
        assert!(!found("139999"));
        // This year's two digits with the day still ahead: a century ago, as a personnummer.
        let early = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(
            birth_date("260501", early),
            NaiveDate::from_ymd_opt(1926, 5, 1)
        );
        assert_eq!(
            birth_date("260201", early),
            NaiveDate::from_ymd_opt(2026, 2, 1)
        );
        assert_eq!(birth_date("20260501", early), None, "not born yet");
    }
}
