//! Is `kontakt.toml` sound: the compensation model's figures real ones, and the payroll file's
//! layout one the run can write. Judged when any command opens the records (so a dry run, a
//! real run and `check` accept exactly the same configuration) and by `check` with the line.

use crate::model::Config;
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
    for m in p.csv.problems() {
        out.push(bad(keys(&["payroll", "csv"]), m));
    }
    for m in p.paxml.problems() {
        out.push(bad(keys(&["payroll", "paxml"]), m));
    }
    out
}
