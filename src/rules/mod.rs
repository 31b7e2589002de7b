//! The service's rules as pure functions of the records and a date. No I/O here.
//!
//! A rule that judges a record returns [`Problem`]s naming the field (as a key path, so the
//! caller that has the file's text can name the line) and says what is wrong. The same function
//! is used by the command that writes the record, by `check` and by `pay` before it pays, so a
//! value is judged the same whether kontakt wrote it or a person edited the file.

pub mod after_ending;
pub mod agreed_meetings;
pub mod agreement;
pub mod appeal;
pub mod bounds;
pub mod capacity;
pub mod closure;
pub mod configuration;
pub mod contact;
pub mod correction;
pub mod decision;
pub mod due;
pub mod ending;
pub mod household;
pub mod in_force;
pub mod insats_fit;
pub mod ivo_code;
pub mod ivo_delay;
pub mod ledger;
pub mod legal_basis;
pub mod meeting_shortfall;
pub mod pause;
pub mod plan;
pub mod prisbasbelopp;
pub mod public_holidays;
pub mod report;
pub mod retention;
pub mod screening;
pub mod search;
pub mod status;
pub mod support;
pub mod terms;
pub mod waiting;
pub mod written_decision;

/// One step of a path to a value in a record: a table key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Name(String),
    Index(usize),
}

impl Key {
    pub fn name(n: &str) -> Key {
        Key::Name(n.to_string())
    }
}

/// A key path from dotted names, for the common case: `keys(&["agreement", "end"])`.
pub fn keys(names: &[&str]) -> Vec<Key> {
    names.iter().map(|n| Key::name(n)).collect()
}

/// What kind of wrong a problem is (`check` gives each its code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// A value out of range, or one that needs another (a reason) that is missing: E004.
    BadValue,
    /// Dates that cannot be: E006.
    ImpossibleDates,
}

/// A problem in a record, at a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub flaw: Flaw,
    pub at: Vec<Key>,
    pub message: String,
}

impl Problem {
    pub fn new(flaw: Flaw, at: &[Key], message: String) -> Problem {
        Problem {
            flaw,
            at: at.to_vec(),
            message,
        }
    }

    /// The field's dotted name (`agreement.terms[1].fee.percent_hundredths`).
    pub fn field(&self) -> String {
        let mut s = String::new();
        for k in &self.at {
            match k {
                Key::Name(n) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(n);
                }
                Key::Index(i) => s.push_str(&format!("[{i}]")),
            }
        }
        s
    }
}
