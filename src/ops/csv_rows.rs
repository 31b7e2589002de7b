//! Batch files (`apply --from FILE.csv`, `report import FILE.csv`): read whole, every bad row
//! named by its line; columns named as the command's options, each value read as the option
//! would read it.

use crate::error::IoOp;
use crate::tr;
use std::collections::HashMap;

use std::path::Path;

use chrono::NaiveDate;

use super::apply::{ClientApplication, VolunteerApplication};
use super::split_list;
use crate::model::common::parse_word;
use crate::model::{Availability, Money};
use crate::{Error, Result};

pub const REPORTS: Layout = Layout {
    known: &[
        "assignment",
        "date",
        "hours",
        "activity",
        "expenses",
        "note",
        "stay-to",
        "km",
        "receipt",
    ],
    required: &["assignment", "date"],
};

/// One row of a `report import` file, as the e-service exports it: a meeting, or with the
/// columns that say so a stay, a trip or a receipt.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    /// The assignment's id, or a unique prefix of it.
    pub assignment: String,
    pub date: NaiveDate,
    pub hours_tenths: Option<u32>,
    pub activity: Option<String>,
    pub expenses: Option<Money>,
    pub note: Option<String>,
    /// With `stay-to`: the row is a kontaktfamilj's stay from `date` to it, not a meeting.
    pub stay: Option<crate::model::report::Stay>,
    /// `km`: a trip in one's own car on `date` (`38`, or `4.6mil`).
    pub trip: Option<crate::model::report::Trip>,
    /// `receipt`: an outlay paid back, `KR:REFERENCE` as `report --receipt` takes it.
    pub receipt: Option<crate::model::report::Receipt>,
}

pub fn meeting(row: &HashMap<String, String>) -> std::result::Result<ImportRow, String> {
    let assignment = text(row, "assignment").ok_or(tr!(
        "column `assignment` is empty",
        "kolumnen `assignment` är tom"
    ))?;
    let date =
        opt_date(row, "date")?.ok_or(tr!("column `date` is empty", "kolumnen `date` är tom"))?;
    let hours_tenths = match text(row, "hours") {
        Some(h) => Some(
            crate::model::report::parse_hours(&h)
                .map_err(|e| tr!("column `hours`: {e}", "kolumnen `hours`: {e}"))?,
        ),
        None => None,
    };
    let expenses = match text(row, "expenses") {
        Some(e) => Some(
            e.parse::<Money>()
                .map_err(|e| tr!("column `expenses`: {e}", "kolumnen `expenses`: {e}"))?,
        ),
        None => None,
    };
    // The same parsers as the command line's --stay, --trip and --receipt.
    let stay = match text(row, "stay-to") {
        Some(to) => Some(
            crate::model::report::parse_stay(&format!("{date}..{to}"))
                .map_err(|e| tr!("column `stay-to`: {e}", "kolumnen `stay-to`: {e}"))?,
        ),
        None => None,
    };
    let trip = match text(row, "km") {
        Some(km) => Some(
            crate::model::report::parse_trip(&format!("{date}:{km}"))
                .map_err(|e| tr!("column `km`: {e}", "kolumnen `km`: {e}"))?,
        ),
        None => None,
    };
    let receipt = match text(row, "receipt") {
        Some(r) => Some(
            crate::model::report::parse_receipt(&r)
                .map_err(|e| tr!("column `receipt`: {e}", "kolumnen `receipt`: {e}"))?,
        ),
        None => None,
    };
    Ok(ImportRow {
        assignment,
        date,
        hours_tenths,
        activity: text(row, "activity"),
        expenses,
        note: text(row, "note"),
        stay,
        trip,
        receipt,
    })
}

/// `weekday-day,weekend`: when a volunteer can meet.
pub fn availability(s: &str) -> Result<Vec<Availability>, String> {
    split_list(s).iter().map(|w| parse_word(w)).collect()
}

fn opt_date(row: &HashMap<String, String>, key: &str) -> Result<Option<NaiveDate>, String> {
    match row.get(key).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => crate::model::date::parse(v)
            .map(Some)
            .map_err(|e| tr!("column `{key}`: {e}", "kolumnen `{key}`: {e}")),
    }
}

fn text(row: &HashMap<String, String>, key: &str) -> Option<String> {
    row.get(key).filter(|v| !v.is_empty()).cloned()
}

fn word<T: serde::de::DeserializeOwned + Default>(
    row: &HashMap<String, String>,
    key: &str,
) -> Result<T, String> {
    match row.get(key).filter(|v| !v.is_empty()) {
        None => Ok(T::default()),
        Some(v) => parse_word(v).map_err(|e| tr!("column `{key}`: {e}", "kolumnen `{key}`: {e}")),
    }
}

/// The columns a batch file may have, and those it must have.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub known: &'static [&'static str],
    pub required: &'static [&'static str],
}

pub const CLIENTS: Layout = Layout {
    known: CLIENT_COLUMNS,
    required: &["name", "pnr"],
};
pub const VOLUNTEERS: Layout = Layout {
    known: VOLUNTEER_COLUMNS,
    required: &["name", "pnr"],
};

const CLIENT_COLUMNS: &[&str] = &[
    "name",
    "pnr",
    "area",
    "interests",
    "languages",
    "wants-gender",
    "wants-age",
    "availability",
    "basis",
    "applied",
    "note",
    "handler",
    "insats",
    "meetings",
    "guardians",
];
const VOLUNTEER_COLUMNS: &[&str] = &[
    "name",
    "pnr",
    "email",
    "phone",
    "area",
    "interests",
    "languages",
    "availability",
    "capacity",
    "applied",
    "offers",
    "takes-ages",
];

pub fn client(row: &HashMap<String, String>) -> Result<ClientApplication, String> {
    Ok(ClientApplication {
        name: text(row, "name").unwrap_or_default(),
        pnr: text(row, "pnr").unwrap_or_default(),
        area: text(row, "area"),
        handler: text(row, "handler"),
        guardians: text(row, "guardians")
            .map(|g| g.split(',').map(|x| x.trim().to_string()).collect())
            .unwrap_or_default(),
        interests: split_list(row.get("interests").map_or("", |s| s)),
        languages: split_list(row.get("languages").map_or("", |s| s)),
        wants_gender: word(row, "wants-gender")?,
        wants_age: match text(row, "wants-age") {
            Some(s) => Some(
                s.parse()
                    .map_err(|e| tr!("column `wants-age`: {e}", "kolumnen `wants-age`: {e}"))?,
            ),
            None => None,
        },
        availability: availability(row.get("availability").map_or("", |s| s))
            .map_err(|e| tr!("column `availability`: {e}", "kolumnen `availability`: {e}"))?,
        basis: word(row, "basis")?,
        applied: opt_date(row, "applied")?,
        note: text(row, "note"),
        insats: word(row, "insats")?,
        meetings: match text(row, "meetings") {
            Some(m) => Some(
                m.parse()
                    .map_err(|e| tr!("column `meetings`: {e}", "kolumnen `meetings`: {e}"))?,
            ),
            None => None,
        },
    })
}

pub fn volunteer(row: &HashMap<String, String>) -> Result<VolunteerApplication, String> {
    let capacity = match text(row, "capacity") {
        None => 1,
        Some(c) => c.parse().map_err(|_| {
            tr!(
                "column `capacity`: expected a whole number",
                "kolumnen `capacity`: ett heltal väntades"
            )
        })?,
    };
    Ok(VolunteerApplication {
        name: text(row, "name").unwrap_or_default(),
        pnr: text(row, "pnr").unwrap_or_default(),
        email: text(row, "email"),
        phone: text(row, "phone"),
        area: text(row, "area"),
        interests: split_list(row.get("interests").map_or("", |s| s)),
        languages: split_list(row.get("languages").map_or("", |s| s)),
        availability: availability(row.get("availability").map_or("", |s| s))
            .map_err(|e| tr!("column `availability`: {e}", "kolumnen `availability`: {e}"))?,
        capacity,
        applied: opt_date(row, "applied")?,
        offers: split_list(row.get("offers").map_or("", |s| s))
            .iter()
            .map(|w| parse_word(w))
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| tr!("column `offers`: {e}", "kolumnen `offers`: {e}"))?,
        takes_ages: match text(row, "takes-ages") {
            Some(a) => Some(
                a.parse()
                    .map_err(|e| tr!("column `takes-ages`: {e}", "kolumnen `takes-ages`: {e}"))?,
            ),
            None => None,
        },
    })
}

/// Rows of a batch file, each with its line number, or every bad row (nothing is written then).
pub fn read_batch<T>(
    path: &Path,
    parse_row: impl Fn(&HashMap<String, String>) -> std::result::Result<T, String>,
    layout: &Layout,
) -> Result<Vec<(usize, T)>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, IoOp::Read, e))?;
    parse_batch(path, &bytes, parse_row, layout)
}

/// The rows of a batch file's bytes (`path` names it in messages); see [`read_batch`].
pub fn parse_batch<T>(
    path: &Path,
    bytes: &[u8],
    parse_row: impl Fn(&HashMap<String, String>) -> std::result::Result<T, String>,
    layout: &Layout,
) -> Result<Vec<(usize, T)>> {
    let rows = parse_rows(path, bytes, parse_row, layout)?;
    if !rows.bad.is_empty() {
        return Err(Error::BadBatch {
            path: path.to_path_buf(),
            problems: rows.bad.into_iter().map(|(_, p)| p).collect(),
        });
    }
    Ok(rows.good)
}

/// A batch file's rows that parsed, and the problems of those that did not (with their lines),
/// for commands that go on to check the good rows against the records before refusing the lot.
#[derive(Debug)]
pub struct Rows<T> {
    pub good: Vec<(usize, T)>,
    pub bad: Vec<(usize, String)>,
}

pub fn read_rows<T>(
    path: &Path,
    parse_row: impl Fn(&HashMap<String, String>) -> std::result::Result<T, String>,
    layout: &Layout,
) -> Result<Rows<T>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, IoOp::Read, e))?;
    parse_rows(path, &bytes, parse_row, layout)
}

/// Splits a batch file into good and bad rows; an unreadable file or header is an error.
pub fn parse_rows<T>(
    path: &Path,
    bytes: &[u8],
    parse_row: impl Fn(&HashMap<String, String>) -> std::result::Result<T, String>,
    layout: &Layout,
) -> Result<Rows<T>> {
    let known = layout.known;
    let text = std::str::from_utf8(bytes).map_err(|e| Error::BadBatch {
        path: path.to_path_buf(),
        problems: vec![tr!(
            "line {}: not UTF-8 (save the file as UTF-8 CSV)",
            "rad {}: inte UTF-8 (spara filen som UTF-8 CSV)",
            crate::store::parse::line_of(
                &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
                usize::MAX
            )
        )],
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.contains(';') { b';' } else { b',' };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| Error::BadBatch {
            path: path.to_path_buf(),
            problems: vec![tr!("line 1: {e}", "rad 1: {e}")],
        })?
        .iter()
        .map(|h| h.trim().to_lowercase().replace('_', "-"))
        .collect();
    let mut problems = Vec::new();
    for h in &headers {
        if !known.contains(&h.as_str()) {
            problems.push(tr!(
                "line 1: unknown column `{h}` (known: {})",
                "rad 1: okänd kolumn `{h}` (kända: {})",
                known.join(", ")
            ));
        }
    }
    for required in layout.required {
        if !headers.iter().any(|h| h == required) {
            problems.push(tr!(
                "line 1: missing column `{required}`",
                "rad 1: kolumnen `{required}` saknas"
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::BadBatch {
            path: path.to_path_buf(),
            problems,
        });
    }
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                bad.push((line as usize, tr!("line {line}: {e}", "rad {line}: {e}")));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        if rec.len() != headers.len() {
            bad.push((
                line,
                tr!(
                    "line {line}: {} fields, the header has {}",
                    "rad {line}: {} fält, rubrikraden har {}",
                    rec.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        let map: HashMap<String, String> = headers
            .iter()
            .cloned()
            .zip(rec.iter().map(|s| s.trim().to_string()))
            .collect();
        match parse_row(&map) {
            Ok(t) => rows.push((line, t)),
            Err(msg) => bad.push((line, tr!("line {line}: {msg}", "rad {line}: {msg}"))),
        }
    }
    if rows.is_empty() && bad.is_empty() {
        return Err(Error::BadBatch {
            path: path.to_path_buf(),
            problems: vec![tr!(
                "no rows below the header",
                "inga rader under rubrikraden"
            )],
        });
    }
    Ok(Rows { good: rows, bad })
}
