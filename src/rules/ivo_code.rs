//! The pseudonymous code a person is reported to IVO by (decisions not put into effect).
//!
//! IVO's "Frågor och svar" on ej verkställda beslut: the individual report carries the birth
//! date and four more characters, `ÅÅÅÅMMDD-T` followed by three digits (`ÅÅÅÅMMDD-T123`); the
//! third of those four characters gives the sex, an even digit for a woman and an odd one for a
//! man, "even if that does not agree with the municipality's own number series"; and the person
//! is reported under the same number for as long as the case is reported. So the code is made
//! once, from the birth date and the sex the personnummer gives (Skatteverket: the ninth digit,
//! the third of the last four, is odd for men), and kept on the client's record: never the
//! personnummer's own serial, so the code does not give the number away.

use crate::tr;

use super::{Flaw, Key, Problem, keys};
use crate::model::pnr::{Pnr, Sex};
use crate::model::{Client, Id};

/// The sex digit's place in the four characters after the dash (`T123`: the `2`).
const SEX_AT: usize = 2;

/// The code for a person with `pnr`, first free among `taken`: the birth date, `-T`, and three
/// digits drawn from the client's id (not from the personnummer), the middle one even for a
/// woman and odd for a man. The same id gives the same code unless it is taken. `None` only if
/// all 500 codes of that birth date and sex are taken.
pub fn assign(pnr: &Pnr, id: &Id, taken: &[&str]) -> Option<String> {
    let date = pnr.birth_date().format("%Y%m%d").to_string();
    let parity = match pnr.sex() {
        Sex::Female => 0,
        Sex::Male => 1,
    };
    // FNV-1a over the id: stable across builds and platforms, unlike std's hasher.
    let seed = id.as_str().bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (0..500).find_map(|k| {
        let n = (seed.wrapping_add(k) % 500) as u32;
        let (first, sex, last) = (n / 50, (n / 10) % 5 * 2 + parity, n % 10);
        let code = format!("{date}-T{first}{sex}{last}");
        (!taken.contains(&code.as_str())).then_some(code)
    })
}

/// What is wrong with a client's stored code: its shape, or a birth date or sex that is not the
/// personnummer's. Judged by `check` (E004) on the record as written.
pub fn problems(c: &Client) -> Vec<Problem> {
    let Some(code) = &c.ivo_code else {
        return Vec::new();
    };
    let at: Vec<Key> = keys(&["ivo_code"]);
    let b = code.as_bytes();
    let shaped = b.len() == 13
        && b[..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'-'
        && b[9] == b'T'
        && b[10..].iter().all(u8::is_ascii_digit);
    if !shaped {
        return vec![Problem::new(
            Flaw::BadValue,
            &at,
            tr!(
                "the IVO code is not of the form YYYYMMDD-T123",
                "IVO-koden har inte formen ÅÅÅÅMMDD-T123"
            ),
        )];
    }
    let mut out = Vec::new();
    if code[..8] != c.pnr.birth_date().format("%Y%m%d").to_string() {
        out.push(Problem::new(
            Flaw::BadValue,
            &at,
            tr!(
                "the IVO code's date is not the client's birth date",
                "IVO-kodens datum är inte klientens födelsedatum"
            ),
        ));
    }
    let odd = (b[9 + SEX_AT] - b'0') % 2 == 1;
    if odd != (c.pnr.sex() == Sex::Male) {
        out.push(Problem::new(
            Flaw::BadValue,
            &at,
            tr!(
                "the IVO code's third character after the dash must be even for a woman and odd for a man",
                "IVO-kodens tredje tecken efter strecket ska vara jämnt för en kvinna och udda för en man"
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn pnr(s: &str) -> Pnr {
        Pnr::parse(s, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()).unwrap()
    }

    // Skatteverket's test numbers (../shared/reference/personnummer): the third of the last
    // four digits is 9 for this man and 8 for this woman.
    fn man() -> Pnr {
        pnr("201201022397")
    }

    fn woman() -> Pnr {
        pnr("201201022389")
    }

    fn client(p: Pnr, code: Option<&str>) -> Client {
        let mut c: Client = toml::from_str(&format!(
            "schema = 1\nid = \"C-7Q2K9M\"\nname = \"X\"\npnr = \"{}\"\napplied = \"2026-01-01\"\n",
            p.canonical()
        ))
        .unwrap();
        c.ivo_code = code.map(str::to_string);
        c
    }

    /// IVO, "Frågor och svar" (ej verkställda beslut): ÅÅÅÅMMDD-T123, the third position even
    /// for a woman and odd for a man.
    #[test]
    fn the_code_is_the_birth_date_and_a_serial_whose_third_character_gives_the_sex() {
        let id = Id::parse("C-7Q2K9M").unwrap();
        for p in [man(), woman()] {
            let code = assign(&p, &id, &[]).unwrap();
            assert_eq!(code.len(), 13, "{code}");
            assert_eq!(&code[..8], p.birth_date().format("%Y%m%d").to_string());
            assert_eq!(&code[8..10], "-T");
            let sex_digit = code.as_bytes()[9 + SEX_AT] - b'0';
            assert_eq!(sex_digit % 2 == 1, p.sex() == Sex::Male, "{code}");
            assert!(
                problems(&client(p.clone(), Some(&code))).is_empty(),
                "{code}"
            );
            // The code is not the personnummer's serial.
            assert!(!code.ends_with(&p.canonical()[9..]), "{code}");
        }
    }

    #[test]
    fn the_same_case_keeps_its_code_and_two_people_never_share_one() {
        let id = Id::parse("C-7Q2K9M").unwrap();
        let p = man();
        let first = assign(&p, &id, &[]).unwrap();
        assert_eq!(assign(&p, &id, &[]).unwrap(), first, "stable");
        let second = assign(&p, &id, &[&first]).unwrap();
        assert_ne!(second, first);
        let mut taken: Vec<String> = Vec::new();
        for _ in 0..500 {
            let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
            taken.push(assign(&p, &id, &refs).unwrap());
        }
        let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
        assert_eq!(
            assign(&p, &id, &refs),
            None,
            "500 codes per birth date and sex"
        );
    }

    #[test]
    fn a_stored_code_that_does_not_fit_the_person_is_a_problem() {
        let man = man();
        for (code, needle) in [
            ("20120102-2397", "form"),
            ("20120102-T12", "form"),
            ("20120103-T111", "birth date"),
            ("20120102-T121", "even for a woman"),
        ] {
            let p = problems(&client(man.clone(), Some(code)));
            assert!(
                p.iter()
                    .any(|p| p.message.contains(needle) && p.field() == "ivo_code"),
                "{code}: {p:?}"
            );
        }
        assert!(problems(&client(man, None)).is_empty());
    }
}
