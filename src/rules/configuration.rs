//! Is `kontakt.toml` sound: the compensation model's figures real ones, and the payroll file's
//! layout one the run can write. Judged when any command opens the records (so a dry run, a
//! real run and `check` accept exactly the same configuration) and by `check` with the line.

use crate::model::Config;
use crate::model::layout::{Column, CsvLayout, PaxmlLayout};
use crate::tr;

use super::bounds::{PRISBASBELOPP_KRONOR, YEARS};
use super::{Flaw, Key, Problem, keys};

/// The longest retroactive window kontakt allows (two years: older claims are outside what
/// payroll corrects in the ordinary way).
pub const MAX_RETROACTIVE_MONTHS: u32 = 24;

pub fn problems(c: &Config) -> Vec<Problem> {
    let mut out = Vec::new();
    let bad = |at: Vec<Key>, message: String| Problem {
        flaw: Flaw::BadValue,
        at,
        message,
    };
    let t = &c.compensation;
    for (year, kr) in &t.prisbasbelopp {
        let at = vec![
            Key::name("compensation"),
            Key::name("prisbasbelopp"),
            Key::name(year),
        ];
        if !year.parse::<i32>().is_ok_and(|y| YEARS.contains(&y)) {
            out.push(bad(
                at.clone(),
                tr!("`{year}` is not a year", "`{year}` är inte ett årtal"),
            ));
        }
        if !PRISBASBELOPP_KRONOR.contains(kr) {
            out.push(bad(
                at,
                tr!(
                    "a prisbasbelopp is in whole kronor from {} to {} (59200 in 2026), found {kr}",
                    "ett prisbasbelopp anges i hela kronor från {} till {} (59200 år 2026), {kr} hittades",
                    PRISBASBELOPP_KRONOR.start(),
                    PRISBASBELOPP_KRONOR.end()
                ),
            ));
        }
    }
    for (i, [lo, hi]) in t.fee_categories.iter().enumerate() {
        if lo > hi || *hi > 100 {
            out.push(bad(
                vec![
                    Key::name("compensation"),
                    Key::name("fee_categories"),
                    Key::Index(i),
                ],
                tr!(
                    "fee category {}: expected [lowest, highest] per cent, lowest first, at most 100",
                    "arvodeskategori {}: [lägsta, högsta] procent väntades, lägsta först, högst 100",
                    i + 1
                ),
            ));
        }
    }
    for (i, p) in t.expense_levels.iter().enumerate() {
        if *p > 100 {
            out.push(bad(
                vec![
                    Key::name("compensation"),
                    Key::name("expense_levels"),
                    Key::Index(i),
                ],
                tr!(
                    "expense level {}: at most 100 per cent",
                    "omkostnadsnivå {}: högst 100 procent",
                    i + 1
                ),
            ));
        }
    }
    let r = &c.retention;
    if !(1..=100).contains(&r.years) {
        out.push(bad(
            keys(&["retention", "years"]),
            tr!(
                "expected 1 to 100 years, found {}",
                "1 till 100 år väntades, {} hittades",
                r.years
            ),
        ));
    }
    for (i, d) in r.research_days.iter().enumerate() {
        if !(1..=31).contains(d) {
            out.push(bad(
                vec![
                    Key::name("retention"),
                    Key::name("research_days"),
                    Key::Index(i),
                ],
                tr!(
                    "expected a day of the month, 1 to 31, found {d}",
                    "en dag i månaden väntades, 1 till 31, {d} hittades"
                ),
            ));
        }
    }
    for (name, v) in [
        ("volunteer_years", r.volunteer_years),
        ("child_until_age", r.child_until_age),
    ] {
        if let Some(n) = v.filter(|n| !(1..=120).contains(n)) {
            out.push(bad(
                keys(&["retention", name]),
                tr!(
                    "expected 1 to 120, found {n}",
                    "1 till 120 väntades, {n} hittades"
                ),
            ));
        }
    }
    let p = &c.payroll;
    if p.retroactive_months > MAX_RETROACTIVE_MONTHS {
        out.push(bad(
            keys(&["payroll", "retroactive_months"]),
            tr!(
                "at most {MAX_RETROACTIVE_MONTHS} months",
                "högst {MAX_RETROACTIVE_MONTHS} månader"
            ),
        ));
    }
    if !matches!(p.format.as_str(), "csv" | "paxml") {
        out.push(bad(
            keys(&["payroll", "format"]),
            tr!(
                "expected \"csv\" or \"paxml\", found \"{}\"",
                "\"csv\" eller \"paxml\" väntades, \"{}\" hittades",
                p.format
            ),
        ));
    }
    // Each layout problem names its key (`payroll.csv.delimiter: …`): the problem is put at
    // that key, so `check` gives its line.
    for m in csv_layout(&p.csv).into_iter().chain(paxml_layout(&p.paxml)) {
        let (path, message) = m.split_once(": ").unwrap_or(("payroll", m.as_str()));
        let at: Vec<&str> = path.split('.').collect();
        out.push(bad(keys(&at), message.to_string()));
    }
    out
}

/// Problems with the CSV layout, for `check` and before any file is written.
pub fn csv_layout(layout: &CsvLayout) -> Vec<String> {
    let mut p = Vec::new();
    if layout.delimiter.chars().count() != 1 || !layout.delimiter.is_ascii() {
        p.push("payroll.csv.delimiter: expected one ASCII character, like \";\"".into());
    }
    if !matches!(layout.decimal_separator.as_str(), "," | ".") {
        p.push("payroll.csv.decimal_separator: expected \",\" or \".\"".into());
    }
    if layout.delimiter == layout.decimal_separator {
        p.push("payroll.csv: the delimiter and the decimal separator must differ".into());
    }
    if layout.columns.is_empty() {
        p.push("payroll.csv.columns: expected at least one column".into());
    }
    for k in layout.headers.keys() {
        if crate::model::common::parse_word::<Column>(k).is_err() {
            p.push(format!("payroll.csv.headers: `{k}` is not a column"));
        }
    }
    p
}

/// Problems with the PAXml layout, for `check` and before any file is written.
pub fn paxml_layout(layout: &PaxmlLayout) -> Vec<String> {
    let mut p = Vec::new();
    if !matches!(layout.encoding.as_str(), "utf-8" | "iso-8859-1") {
        p.push("payroll.paxml.encoding: expected \"utf-8\" or \"iso-8859-1\"".to_string());
    }
    if !(1..=99).contains(&layout.cost_center_dim) {
        p.push("payroll.paxml.cost_center_dim: expected 1 to 99".to_string());
    }
    p
}
