//! Swedish personal identity numbers (personnummer), parsed by our own code.
//!
//! The `personnummer` crate (3.1.1) rejects valid samordningsnummer, so we follow
//! Skatteverket's rules directly:
//! - 10 digits (`YYMMDD-NNNN`, `YYMMDD+NNNN` for people 100 or older, or no separator) or
//!   12 digits (`YYYYMMDDNNNN`, optionally with `-` or `+` before the last four);
//! - a Luhn check digit over the last ten positions;
//! - samordningsnummer (coordination numbers): the day plus 60;
//! - interimsnummer (spec 3.1): the first of the last four is one of the letters
//!   `T R S U W X J K L M N`, counted as 1 in the check digit;
//! - the birth number 000 is never issued.
//!
//! Stored as 12 characters (`YYYYMMDDNNNN`). The person's sex is the parity of the
//! third of the last four digits. Everything a person reads shows it masked.
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A validated personnummer, samordningsnummer or interimsnummer in canonical 12-character form.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pnr(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
}

/// Which kind of number it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An ordinary personnummer.
    Personnummer,
    /// A samordningsnummer: the day of birth plus 60.
    Samordningsnummer,
    /// An interimsnummer: a letter in place of the first of the last four digits.
    Interim,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PnrError {
    #[error("expected 10 or 12 digits (YYMMDD-NNNN or YYYYMMDD-NNNN)")]
    Format,
    #[error("the check digit is wrong")]
    Checksum,
    #[error("the date part is not a real date")]
    Date,
    #[error("the birth date lies in the future")]
    Future,
    #[error("the birth number 000 is never issued")]
    Serial,
    /// In a record's file.
    #[error("expected the 12 digits YYYYMMDDNNNN (or YYYYMMDD-NNNN)")]
    Stored,
}

/// The letters an interimsnummer may carry (spec 3.1).
const INTERIM_LETTERS: &[u8] = b"TRSUWXJKLMN";

/// Luhn over the ten positions YYMMDDNNNC; an interim letter counts as 1.
fn luhn_ok(ten: &[u8]) -> bool {
    let digit = |c: u8| {
        if c.is_ascii_digit() {
            (c - b'0') as u32
        } else {
            1
        }
    };
    let sum: u32 = ten[..9]
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let v = digit(c) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    (10 - sum % 10) % 10 == digit(ten[9])
}

/// The last four as given: digits, or an interim letter followed by three digits.
fn serial_ok(four: &[u8]) -> bool {
    four.len() == 4
        && (four[0].is_ascii_digit() || INTERIM_LETTERS.contains(&four[0].to_ascii_uppercase()))
        && four[1..].iter().all(u8::is_ascii_digit)
}

fn num(s: &[u8]) -> u32 {
    s.iter().fold(0, |n, c| n * 10 + (c - b'0') as u32)
}

impl Pnr {
    /// Parses what a person typed. `today` decides the century of a 10-digit number: without
    /// `+` the person is younger than 100 on `today`, with `+` they are 100 or older.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Pnr, PnrError> {
        let s = input.trim().as_bytes();
        let (date, sep, serial) = match s.len() {
            10 | 12 => (&s[..s.len() - 4], None, &s[s.len() - 4..]),
            11 | 13 => (&s[..s.len() - 5], Some(s[s.len() - 5]), &s[s.len() - 4..]),
            _ => return Err(PnrError::Format),
        };
        if !matches!(sep, None | Some(b'-') | Some(b'+'))
            || !date.iter().all(u8::is_ascii_digit)
            || !serial_ok(serial)
        {
            return Err(PnrError::Format);
        }
        let mut full = Vec::with_capacity(12);
        if date.len() == 8 {
            full.extend_from_slice(date);
        } else {
            let yy = num(&date[..2]) as i32;
            let (mm, dd) = (num(&date[2..4]), num(&date[4..6]));
            let dd = if dd > 60 { dd - 60 } else { dd };
            let mut year = birth_year(yy, mm, dd, today);
            // ...and a century further back for those who have turned 100 (`+`).
            if sep == Some(b'+') {
                year -= 100;
            }
            full.extend_from_slice(format!("{year:04}").as_bytes());
            full.extend_from_slice(&date[2..]);
        }
        full.extend(serial.iter().map(u8::to_ascii_uppercase));
        let pnr = Self::from_canonical(std::str::from_utf8(&full).map_err(|_| PnrError::Format)?)?;
        if pnr.birth_date() > today {
            return Err(PnrError::Future);
        }
        Ok(pnr)
    }

    /// Validates the stored 12-character form.
    pub fn from_canonical(s: &str) -> Result<Pnr, PnrError> {
        let b = s.as_bytes();
        if b.len() != 12 || !b[..8].iter().all(u8::is_ascii_digit) || !serial_ok(&b[8..]) {
            return Err(PnrError::Format);
        }
        if b[8].is_ascii_lowercase() {
            return Err(PnrError::Format);
        }
        let (y, m, d) = (num(&b[..4]) as i32, num(&b[4..6]), num(&b[6..8]));
        let d = if d > 60 { d - 60 } else { d };
        if y < 1800 || NaiveDate::from_ymd_opt(y, m, d).is_none() {
            return Err(PnrError::Date);
        }
        if !luhn_ok(&b[2..]) {
            return Err(PnrError::Checksum);
        }
        if &b[8..11] == b"000" {
            return Err(PnrError::Serial);
        }
        Ok(Pnr(s.to_string()))
    }

    fn day_field(&self) -> u32 {
        num(&self.0.as_bytes()[6..8])
    }

    /// The 12-character form that is stored.
    pub fn canonical(&self) -> &str {
        &self.0
    }

    pub fn kind(&self) -> Kind {
        if !self.0.as_bytes()[8].is_ascii_digit() {
            Kind::Interim
        } else if self.day_field() > 60 {
            Kind::Samordningsnummer
        } else {
            Kind::Personnummer
        }
    }

    pub fn birth_date(&self) -> NaiveDate {
        let b = self.0.as_bytes();
        let d = self.day_field();
        let d = if d > 60 { d - 60 } else { d };
        // Validated in from_canonical, so the date exists.
        NaiveDate::from_ymd_opt(num(&b[..4]) as i32, num(&b[4..6]), d).unwrap_or_default()
    }

    /// Whole years of age on `date` (0 before the birth date).
    pub fn age_on(&self, date: NaiveDate) -> u32 {
        date.years_since(self.birth_date()).unwrap_or(0)
    }

    pub fn sex(&self) -> Sex {
        if (self.0.as_bytes()[10] - b'0') % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// `YYYYMMDD-****`: what every person-readable output shows unless `--show-pnr`.
    pub fn masked(&self) -> String {
        format!("{}-****", &self.0[..8])
    }

    /// `YYYYMMDD-NNNN`, for `--show-pnr` and payroll files.
    pub fn full(&self) -> String {
        format!("{}-{}", &self.0[..8], &self.0[8..])
    }
}

impl std::fmt::Display for Pnr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Debug masks too, so that no panic or log line can carry a full number.
impl std::fmt::Debug for Pnr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.masked())
    }
}

impl Serialize for Pnr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A record holds the 12 characters `YYYYMMDDNNNN`. A person editing the file may also write
/// `YYYYMMDD-NNNN`, or the digits without quotes (a TOML integer); the value itself never
/// appears in the error, which is shown to whoever runs `check`.
impl<'de> Deserialize<'de> for Pnr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Pnr;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a personnummer YYYYMMDDNNNN")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Pnr, E> {
                let b = v.as_bytes();
                let joined;
                let v = if b.len() == 13 && matches!(b[8], b'-' | b'+') {
                    joined = format!("{}{}", &v[..8], &v[9..]);
                    joined.as_str()
                } else {
                    v
                };
                Pnr::from_canonical(v).map_err(|e| match e {
                    PnrError::Format => E::custom(PnrError::Stored),
                    e => E::custom(e),
                })
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Pnr, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Pnr, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(V)
    }
}

/// The year of a birthday written `YYMMDD` (`yy`, `mm`, `dd`): the latest year ending in `yy`
/// whose birthday is not after `today` (a `+` in a personnummer goes a century further back).
pub fn birth_year(yy: i32, mm: u32, dd: u32, today: NaiveDate) -> i32 {
    let year = today.year() - (today.year() - yy).rem_euclid(100);
    let born_after_today = |y: i32| {
        NaiveDate::from_ymd_opt(y, mm, dd).is_some_and(|b| b > today)
            // 29 February in a year that is not a leap year: compare with 1 March.
            || (mm == 2 && dd == 29 && NaiveDate::from_ymd_opt(y, 3, 1).is_some_and(|b| b > today))
    };
    if born_after_today(year) {
        year - 100
    } else {
        year
    }
}

/// `text` with every run of digits shaped like a personnummer (six or eight digits ending in
/// a month and a day, an optional `-` or `+`, four digits) masked as [`Pnr::masked`] does, so
/// that an error that quotes what a file or a person gave never shows one whole. The checksum
/// is not asked for (a mistyped number is still someone's); the month and day are, so that a
/// number such as 4000000000 is quoted as it was typed.
pub fn mask_in(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            let ch = text[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let (head, tail_at) = match run {
            10 | 12 => (run - 4, i + run - 4),
            6 | 8 if matches!(b.get(i + run), Some(b'-' | b'+')) => (run, i + run + 1),
            _ => (0, 0),
        };
        let tail = b.get(tail_at..).unwrap_or_default();
        let four = tail.len() >= 4 && tail[..4].iter().all(u8::is_ascii_digit);
        let ends = !tail.get(4).is_some_and(u8::is_ascii_digit);
        if head > 0 && four && ends && dated(&b[i..i + head]) {
            out.push_str(&text[i..i + head]);
            out.push_str("-****");
            i = tail_at + 4;
        } else {
            out.push_str(&text[i..i + run]);
            i += run;
        }
    }
    out
}

/// Do the last four of `digits` read as a month (01–12) and a day (01–31, or 61–91 for a
/// samordningsnummer)?
fn dated(digits: &[u8]) -> bool {
    let n = |d: &[u8]| d.iter().fold(0u32, |a, c| a * 10 + u32::from(c - b'0'));
    let Some(md) = digits.len().checked_sub(4).map(|at| &digits[at..]) else {
        return false;
    };
    let (month, day) = (n(&md[..2]), n(&md[2..]));
    (1..=12).contains(&month) && ((1..=31).contains(&day) || (61..=91).contains(&day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn numbers_shaped_like_a_personnummer_are_masked_in_any_text() {
        let t = valid("121212121");
        let twelve = format!("19{t}");
        for (shown, masked) in [
            (
                format!("integer `{twelve}`"),
                format!("integer `19{}-****`", &t[..6]),
            ),
            (
                format!("x {}-{} y", &twelve[..8], &twelve[8..]),
                format!("x {}-**** y", &twelve[..8]),
            ),
            (format!("({t})"), format!("({}-****)", &t[..6])),
            (
                format!("{}+{}", &t[..6], &t[6..]),
                format!("{}-****", &t[..6]),
            ),
        ] {
            assert_eq!(mask_in(&shown), masked);
            assert!(!mask_in(&shown).contains(&t), "{shown}");
        }
        // Dates, amounts and ids keep their digits.
        for kept in [
            "2026-08-03",
            "20260803",
            "1 480,00 kr",
            "12345678901",
            "A-7Q2K9M",
            "år 2026, 1234",
            // Ten digits that are no date of birth: a value typed with zeros too many.
            "found 4000000000",
            "9223372036854775807",
        ] {
            assert_eq!(mask_in(kept), kept);
        }
    }

    proptest! {
        #[test]
        fn masking_never_panics_nor_grows_much(s in "\\PC{0,40}") {
            let m = mask_in(&s);
            prop_assert!(m.chars().count() <= s.chars().count() + 5);
        }
    }

    #[test]
    fn a_file_may_hold_the_number_with_a_dash_or_unquoted() {
        #[derive(serde::Deserialize)]
        struct R {
            pnr: Pnr,
        }
        let twelve = format!("19{}", valid("121212121"));
        let dashed = format!("{}-{}", &twelve[..8], &twelve[8..]);
        for text in [
            format!("pnr = \"{twelve}\""),
            format!("pnr = \"{dashed}\""),
            format!("pnr = {twelve}"),
        ] {
            let r: R = toml::from_str(&text).unwrap();
            assert_eq!(r.pnr.full(), dashed);
        }
        let err = toml::from_str::<R>("pnr = \"121212-1212\"")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("12 digits YYYYMMDDNNNN"), "{err}");
        let err = toml::from_str::<R>("pnr = true").err().unwrap().to_string();
        assert!(err.contains("a personnummer"), "{err}");
    }

    /// A valid number built at run time from nine digits, so no real-looking number sits in
    /// the source (the repository scan allows only Skatteverket's test numbers).
    fn valid(nine: &str) -> String {
        format!("{nine}{}", check_digit(nine))
    }

    #[test]
    fn century_follows_the_separator_and_today() {
        let today = day("2026-11-27");
        let ten = valid("121212121");
        let p = Pnr::parse(&format!("{}-{}", &ten[..6], &ten[6..]), today).unwrap();
        assert_eq!(p.canonical(), format!("20{ten}"));
        let p = Pnr::parse(&format!("{}+{}", &ten[..6], &ten[6..]), today).unwrap();
        assert_eq!(p.canonical(), format!("19{ten}"));
        // yy is this year but the birthday is still to come: a century back.
        let ten = valid("261212121");
        assert_eq!(
            Pnr::parse(&ten, today).unwrap().birth_date(),
            day("1926-12-12")
        );
        let ten = valid("261112121");
        assert_eq!(
            Pnr::parse(&ten, today).unwrap().birth_date(),
            day("2026-11-12")
        );
    }

    #[test]
    fn samordningsnummer_and_interim() {
        let today = day("2026-11-27");
        let s = Pnr::parse(&valid("701063239"), today).unwrap();
        assert_eq!(s.kind(), Kind::Samordningsnummer);
        assert_eq!(s.birth_date(), day("1970-10-03"));
        assert_eq!(s.masked(), "19701063-****");
        let i = Pnr::parse("000101-t220", today).unwrap();
        assert_eq!(i.canonical(), "20000101T220");
        assert_eq!(i.kind(), Kind::Interim);
        assert_eq!(i.sex(), Sex::Female);
        assert_eq!(Pnr::parse("000101-E221", today), Err(PnrError::Format));
        // A coordination day beyond the month's last day is no date.
        assert_eq!(Pnr::parse(&valid("700292239"), today), Err(PnrError::Date));
    }

    #[test]
    fn future_wrong_check_digit_and_garbage_are_refused() {
        let today = day("2026-11-27");
        assert_eq!(
            Pnr::parse(&format!("20{}", valid("301212121")), today),
            Err(PnrError::Future)
        );
        let ten = valid("121212121");
        let wrong = format!("{}{}", &ten[..9], (ten.as_bytes()[9] - b'0' + 1) % 10);
        assert_eq!(Pnr::parse(&wrong, today), Err(PnrError::Checksum));
        for bad in [
            "",
            "abc",
            "1212121212121212",
            "121212 1212",
            "12121212121x",
            "\u{663}\u{663}",
        ] {
            assert!(Pnr::parse(bad, today).is_err(), "{bad}");
        }
    }

    /// A check digit that makes `nine` valid.
    fn check_digit(nine: &str) -> u8 {
        (0..10u8)
            .find(|c| luhn_ok(format!("{nine}{c}").as_bytes()))
            .unwrap()
    }

    proptest! {
        #[test]
        fn every_form_of_a_valid_number_parses_to_the_same_number(
            days in 0i64..36_000, serial in 1u32..1000, coordination: bool
        ) {
            let today = day("2026-11-27");
            let born = today - chrono::Duration::days(days);
            let dd = born.day() + if coordination { 60 } else { 0 };
            let nine = format!("{}{:02}{:02}{:03}", &born.format("%y"), born.month(), dd, serial);
            let ten = format!("{nine}{}", check_digit(&nine));
            let twelve = format!("{}{}", born.year() / 100, ten);
            let sep = if today.years_since(born).unwrap_or(0) >= 100 { '+' } else { '-' };
            let p = Pnr::parse(&twelve, today).unwrap();
            prop_assert_eq!(p.canonical(), twelve.as_str());
            prop_assert_eq!(p.birth_date(), born);
            let short = format!("{}{sep}{}", &ten[..6], &ten[6..]);
            let q = Pnr::parse(&short, today).unwrap();
            prop_assert_eq!(q.canonical(), twelve.as_str());
            prop_assert_eq!(p.age_on(today), today.years_since(born).unwrap());
        }

        #[test]
        fn any_single_digit_change_is_caught(pos in 2usize..12, delta in 1u8..10) {
            let good = format!("19{}", valid("811218987"));
            let mut b = good.as_bytes().to_vec();
            b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
            prop_assert!(Pnr::from_canonical(std::str::from_utf8(&b).unwrap()).is_err());
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,20}") {
            let _ = Pnr::parse(&s, day("2026-11-27"));
        }
    }
}
