//! PLACEHOLDER until the pnr branch lands: same API, minimal checks.
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pnr(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PnrError {
    #[error("expected 10 or 12 digits (YYMMDD-NNNN or YYYYMMDDNNNN)")]
    Format,
    #[error("the check digit is wrong")]
    Checksum,
    #[error("the date part is not a real date")]
    Date,
}

fn luhn(d: &[u8]) -> bool {
    let mut t = 0;
    for (i, c) in d[..9].iter().enumerate() {
        let v = ((c - b'0') as u32) * if i % 2 == 0 { 2 } else { 1 };
        t += v / 10 + v % 10;
    }
    (10 - t % 10) % 10 == (d[9] - b'0') as u32
}

impl Pnr {
    pub fn parse(input: &str, today: NaiveDate) -> Result<Pnr, PnrError> {
        let s: String = input
            .trim()
            .chars()
            .filter(|c| *c != '-' && *c != '+')
            .collect();
        let full = match s.len() {
            12 => s,
            10 => {
                let yy: i32 = s[..2].parse().map_err(|_| PnrError::Format)?;
                let c = if 2000 + yy > today.year() { 1900 } else { 2000 };
                format!("{}{}", (c + yy) / 100, s)
            }
            _ => return Err(PnrError::Format),
        };
        Self::from_canonical(&full)
    }
    pub fn from_canonical(s: &str) -> Result<Pnr, PnrError> {
        let b = s.as_bytes();
        if b.len() != 12 || !b.iter().all(u8::is_ascii_digit) {
            return Err(PnrError::Format);
        }
        if !luhn(&b[2..]) {
            return Err(PnrError::Checksum);
        }
        let p = Pnr(s.to_string());
        NaiveDate::from_ymd_opt(p.y(), p.m(), p.d()).ok_or(PnrError::Date)?;
        Ok(p)
    }
    fn y(&self) -> i32 {
        self.0[..4].parse().unwrap()
    }
    fn m(&self) -> u32 {
        self.0[4..6].parse().unwrap()
    }
    fn d(&self) -> u32 {
        let d: u32 = self.0[6..8].parse().unwrap();
        if d > 60 { d - 60 } else { d }
    }
    pub fn canonical(&self) -> &str {
        &self.0
    }
    pub fn birth_date(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.y(), self.m(), self.d()).unwrap()
    }
    pub fn age_on(&self, date: NaiveDate) -> u32 {
        let b = self.birth_date();
        let mut a = date.year() - b.year();
        if (date.month(), date.day()) < (b.month(), b.day()) {
            a -= 1;
        }
        a.max(0) as u32
    }
    pub fn sex(&self) -> Sex {
        if (self.0.as_bytes()[10] - b'0') % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }
    pub fn masked(&self) -> String {
        format!("{}-****", &self.0[..8])
    }
    pub fn full(&self) -> String {
        format!("{}-{}", &self.0[..8], &self.0[8..])
    }
}
impl std::fmt::Display for Pnr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.masked())
    }
}
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
impl<'de> Deserialize<'de> for Pnr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Pnr::from_canonical(&s).map_err(serde::de::Error::custom)
    }
}
