//! Is `kontakt.toml` sound: the compensation model's figures real ones, and the payroll file's
//! layout one the run can write. Judged when any command opens the records (so a dry run, a
//! real run and `check` accept exactly the same configuration) and by `check` with the line.

use crate::model::Config;
use crate::model::layout::{Column, CsvLayout, PaxmlLayout};
use crate::tr;

use super::bounds::{MAX_PERCENT_HUNDREDTHS, PRISBASBELOPP_KRONOR, YEARS};
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
    out.extend(delivery_rates(t));
    let r = &c.retention;
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
    out.extend(ranges(c));
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
    // Each layout problem names its key (`payroll.csv.delimiter: …`): the problem is put at
    // that key, so `check` gives its line.
    for m in csv_layout(&p.csv).into_iter().chain(paxml_layout(&p.paxml)) {
        let (path, message) = m.split_once(": ").unwrap_or(("payroll", m.as_str()));
        let at: Vec<&str> = path.split('.').collect();
        out.push(bad(keys(&at), message.to_string()));
    }
    out
}

/// The most points one matching criterion may give. With at most [`MAX_COUNTED`] of anything
/// counted, a pair's score stays below 10^10 and a national plan's sum far inside an i64: a
/// weight typed with a zero too many is caught here, not as a wrong sum in `match auto`.
pub const MAX_POINTS: i64 = 10_000;

/// The most interests or months of waiting a score counts.
pub const MAX_COUNTED: u32 = 1_200;

/// The plain numbers of `[volunteers]`, `[clients]`, `[matching]` and `[retention]`, each within what a real
/// service sets (the ranges say why in their names), so that no date or score computed from
/// them can overflow.
fn ranges(c: &Config) -> Vec<Problem> {
    let v = &c.volunteers;
    let cl = &c.clients;
    let m = &c.matching;
    let r = &c.retention;
    let points = -MAX_POINTS..=MAX_POINTS;
    let counted = 0..=i64::from(MAX_COUNTED);
    // Ages in years; months and days of a deadline up to ten years.
    let checks: Vec<(&str, &str, i64, std::ops::RangeInclusive<i64>)> = vec![
        ("volunteers", "min_age", v.min_age.into(), 0..=120),
        (
            "volunteers",
            "references_required",
            v.references_required.into(),
            0..=20,
        ),
        (
            "volunteers",
            "police_extract_max_months",
            v.police_extract_max_months.into(),
            0..=120,
        ),
        (
            "volunteers",
            "support_days",
            v.support_days.into(),
            1..=3650,
        ),
        (
            "volunteers",
            "support_days_first_year",
            v.support_days_first_year.into(),
            1..=3650,
        ),
        ("clients", "consent_age", cl.consent_age.into(), 0..=120),
        (
            "clients",
            "follow_up_months",
            cl.follow_up_months.into(),
            1..=120,
        ),
        (
            "clients",
            "waiting_limit_days",
            cl.waiting_limit_days.map_or(1, i64::from),
            1..=3650,
        ),
        (
            "clients",
            "appeal_forward_days",
            cl.appeal_forward_days.into(),
            0..=3650,
        ),
        ("matching", "interest", m.interest, points.clone()),
        (
            "matching",
            "max_interests",
            m.max_interests.into(),
            counted.clone(),
        ),
        ("matching", "same_area", m.same_area, points.clone()),
        ("matching", "availability", m.availability, points.clone()),
        ("matching", "age", m.age, points.clone()),
        (
            "matching",
            "waiting_per_month",
            m.waiting_per_month,
            points.clone(),
        ),
        (
            "matching",
            "max_waiting_months",
            m.max_waiting_months.into(),
            counted,
        ),
        ("matching", "interrupted", m.interrupted, points),
        // Years: a file kept five by default, a child's until an age.
        ("retention", "years", r.years.into(), 1..=100),
        (
            "retention",
            "volunteer_years",
            r.volunteer_years.map_or(1, i64::from),
            1..=120,
        ),
        (
            "retention",
            "child_until_age",
            r.child_until_age.map_or(1, i64::from),
            1..=120,
        ),
    ];
    checks
        .into_iter()
        .filter(|(_, _, value, range)| !range.contains(value))
        .map(|(table, key, value, range)| Problem {
            flaw: Flaw::BadValue,
            at: keys(&[table, key]),
            message: tr!(
                "expected {} to {}, found {value}",
                "{} till {} väntades, {value} hittades",
                range.start(),
                range.end()
            ),
        })
        .collect()
}

/// The rates of pay by delivery: kontaktfamilj per dygn, meeting tariffs and mileage. Each
/// year is a year, each amount within what a real tariff holds (a typo of a zero too many is
/// caught), and a tariff's levels rise with the meetings they need.
fn delivery_rates(t: &crate::model::config::Tariffs) -> Vec<Problem> {
    let mut out = Vec::new();
    let bad = |at: Vec<Key>, message: String| Problem {
        flaw: Flaw::BadValue,
        at,
        message,
    };
    let not_a_year = |y: &str| !y.parse::<i32>().is_ok_and(|y| YEARS.contains(&y));
    let year_problem = |at: Vec<Key>, year: &str| {
        bad(
            at,
            tr!("`{year}` is not a year", "`{year}` är inte ett årtal"),
        )
    };
    for (year, rates) in &t.kontaktfamilj {
        let at = |f: &str, i: Option<usize>| {
            let mut v = vec![
                Key::name("compensation"),
                Key::name("kontaktfamilj"),
                Key::name(year),
            ];
            if !f.is_empty() {
                v.push(Key::name(f));
            }
            v.extend(i.map(Key::Index));
            v
        };
        if not_a_year(year) {
            out.push(year_problem(at("", None), year));
        }
        for (i, kr) in rates.fee_per_dygn.iter().enumerate() {
            if !(0..=MAX_FEE_PER_DYGN_KRONOR).contains(kr) {
                out.push(bad(
                    at("fee_per_dygn", Some(i)),
                    tr!(
                        "an arvode per dygn is in whole kronor from 0 to {MAX_FEE_PER_DYGN_KRONOR} (225 for a child in 2023), found {kr}",
                        "ett arvode per dygn anges i hela kronor från 0 till {MAX_FEE_PER_DYGN_KRONOR} (225 för ett barn år 2023), {kr} hittades"
                    ),
                ));
            }
        }
        for (i, p) in rates.expense_percent.iter().enumerate() {
            if *p > MAX_DYGN_EXPENSE_PERCENT {
                out.push(bad(
                    at("expense_percent", Some(i)),
                    tr!(
                        "an omkostnad per dygn is at most {MAX_DYGN_EXPENSE_PERCENT} per cent of the prisbasbelopp a year (105 for a child in 2023), found {p}",
                        "en omkostnad per dygn är högst {MAX_DYGN_EXPENSE_PERCENT} procent av prisbasbeloppet per år (105 för ett barn år 2023), {p} hittades"
                    ),
                ));
            }
        }
    }
    for (name, levels) in &t.tiers {
        let at = |i: Option<usize>, f: Option<&str>| {
            let mut v = vec![
                Key::name("compensation"),
                Key::name("tiers"),
                Key::name(name),
            ];
            v.extend(i.map(Key::Index));
            v.extend(f.map(Key::name));
            v
        };
        if levels.is_empty() {
            out.push(bad(
                at(None, None),
                tr!(
                    "a meeting tariff needs at least one level",
                    "en träfftaxa behöver minst en nivå"
                ),
            ));
        }
        for (i, l) in levels.iter().enumerate() {
            if i > 0 && l.min_meetings <= levels[i - 1].min_meetings {
                out.push(bad(
                    at(Some(i), Some("min_meetings")),
                    tr!(
                        "each level needs more meetings than the one before it",
                        "varje nivå behöver fler träffar än nivån före"
                    ),
                ));
            }
            if l.min_meetings > 100 {
                out.push(bad(
                    at(Some(i), Some("min_meetings")),
                    tr!(
                        "at most 100 meetings a month",
                        "högst 100 träffar i månaden"
                    ),
                ));
            }
            for (f, p) in [
                ("fee_percent_hundredths", l.fee_percent_hundredths),
                ("expense_percent_hundredths", l.expense_percent_hundredths),
            ] {
                if p > MAX_PERCENT_HUNDREDTHS {
                    out.push(bad(
                        at(Some(i), Some(f)),
                        tr!(
                            "at most {MAX_PERCENT_HUNDREDTHS} (100 % of the prisbasbelopp a year), found {p}",
                            "högst {MAX_PERCENT_HUNDREDTHS} (100 % av prisbasbeloppet per år), {p} hittades"
                        ),
                    ));
                }
            }
        }
    }
    for (f, table) in [
        ("tax_free_per_mil_ore", &t.mileage.tax_free_per_mil_ore),
        ("paid_per_mil_ore", &t.mileage.paid_per_mil_ore),
    ] {
        for (year, ore) in table {
            let at = vec![
                Key::name("compensation"),
                Key::name("mileage"),
                Key::name(f),
                Key::name(year),
            ];
            if not_a_year(year) {
                out.push(year_problem(at.clone(), year));
            }
            if !(0..=MAX_PER_MIL_ORE).contains(ore) {
                out.push(bad(
                    at,
                    tr!(
                        "a rate per mil is in öre from 0 to {MAX_PER_MIL_ORE} (2500 is 25 kr), found {ore}",
                        "ett belopp per mil anges i öre från 0 till {MAX_PER_MIL_ORE} (2500 är 25 kr), {ore} hittades"
                    ),
                ));
            }
        }
    }
    out
}

/// An arvode per dygn above 10 000 kr is a slip of the keyboard (SKR's 2023 highest: 359 kr).
const MAX_FEE_PER_DYGN_KRONOR: i64 = 10_000;
/// An omkostnad per dygn above 1 000 % of the prisbasbelopp a year (SKR's highest: 170 %).
const MAX_DYGN_EXPENSE_PERCENT: u32 = 1_000;
/// Mileage above 1 000 kr a mil (Skatteverket's rate: 25 kr).
const MAX_PER_MIL_ORE: i64 = 100_000;

/// Problems with the CSV layout, for `check` and before any file is written.
pub fn csv_layout(layout: &CsvLayout) -> Vec<String> {
    let mut p = Vec::new();
    if layout.delimiter.chars().count() != 1 || !layout.delimiter.is_ascii() {
        p.push(tr!(
            "payroll.csv.delimiter: expected one ASCII character, like \";\"",
            "payroll.csv.delimiter: väntade ett ASCII-tecken, som \";\""
        ));
    }
    if !matches!(layout.decimal_separator.as_str(), "," | ".") {
        p.push(tr!(
            "payroll.csv.decimal_separator: expected \",\" or \".\"",
            "payroll.csv.decimal_separator: väntade \",\" eller \".\""
        ));
    }
    if layout.delimiter == layout.decimal_separator {
        p.push(tr!(
            "payroll.csv: the delimiter and the decimal separator must differ",
            "payroll.csv: avgränsaren och decimaltecknet måste vara olika"
        ));
    }
    if layout.columns.is_empty() {
        p.push(tr!(
            "payroll.csv.columns: expected at least one column",
            "payroll.csv.columns: väntade minst en kolumn"
        ));
    }
    for k in layout.headers.keys() {
        if crate::model::common::parse_word::<Column>(k).is_err() {
            p.push(tr!(
                "payroll.csv.headers: `{k}` is not a column",
                "payroll.csv.headers: `{k}` är ingen kolumn"
            ));
        }
    }
    p
}

/// Problems with the PAXml layout, for `check` and before any file is written.
pub fn paxml_layout(layout: &PaxmlLayout) -> Vec<String> {
    let mut p = Vec::new();
    if !matches!(layout.encoding.as_str(), "utf-8" | "iso-8859-1") {
        p.push(tr!(
            "payroll.paxml.encoding: expected \"utf-8\" or \"iso-8859-1\"",
            "payroll.paxml.encoding: väntade \"utf-8\" eller \"iso-8859-1\""
        ));
    }
    if !(1..=99).contains(&layout.cost_center_dim) {
        p.push(tr!(
            "payroll.paxml.cost_center_dim: expected 1 to 99",
            "payroll.paxml.cost_center_dim: väntade 1 till 99"
        ));
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::{DygnRates, Tier};

    fn fields(c: &Config) -> Vec<String> {
        problems(c).iter().map(Problem::field).collect()
    }

    #[test]
    fn each_plain_number_is_named_by_key_when_out_of_its_range() {
        let mut c = Config::new("Testby");
        assert_eq!(fields(&c), Vec::<String>::new());
        c.matching.waiting_per_month = MAX_POINTS + 1;
        c.matching.max_interests = MAX_COUNTED + 1;
        c.retention.years = 0;
        c.retention.child_until_age = Some(121);
        c.clients.follow_up_months = 0;
        c.volunteers.support_days = 4_000_000_000;
        assert_eq!(
            fields(&c),
            [
                "volunteers.support_days",
                "clients.follow_up_months",
                "matching.max_interests",
                "matching.waiting_per_month",
                "retention.years",
                "retention.child_until_age",
            ]
        );
        c.matching.waiting_per_month = -MAX_POINTS;
        c.matching.max_interests = MAX_COUNTED;
        c.retention.years = 100;
        c.retention.child_until_age = Some(120);
        c.clients.follow_up_months = 120;
        c.volunteers.support_days = 3650;
        assert_eq!(fields(&c), Vec::<String>::new());
    }

    fn tier(min_meetings: u32, fee: u32, expense: u32) -> Tier {
        Tier {
            min_meetings,
            fee_percent_hundredths: fee,
            expense_percent_hundredths: expense,
        }
    }

    #[test]
    fn sound_delivery_rates_pass() {
        let mut c = Config::new("Test");
        c.compensation.kontaktfamilj.insert(
            "2026".into(),
            DygnRates {
                fee_per_dygn: [225, 292, 359],
                expense_percent: [105, 120, 120],
            },
        );
        c.compensation
            .tiers
            .insert("lss".into(), vec![tier(2, 750, 1500), tier(4, 1500, 2000)]);
        assert_eq!(fields(&c), Vec::<String>::new());
    }

    /// A zero too many, levels out of order, a year that is not one: each named by its key.
    #[test]
    fn slips_in_delivery_rates_are_named_by_key() {
        let mut c = Config::new("Test");
        c.compensation.kontaktfamilj.insert(
            "20266".into(),
            DygnRates {
                fee_per_dygn: [2250000, 292, 359],
                expense_percent: [105, 12000, 120],
            },
        );
        c.compensation.tiers.insert(
            "lss".into(),
            vec![tier(4, 750, 1500), tier(4, 150_000, 2000)],
        );
        c.compensation.tiers.insert("tom".into(), vec![]);
        c.compensation
            .mileage
            .paid_per_mil_ore
            .insert("2026".into(), 2_500_000);
        assert_eq!(
            fields(&c),
            [
                "compensation.kontaktfamilj.20266",
                "compensation.kontaktfamilj.20266.fee_per_dygn[0]",
                "compensation.kontaktfamilj.20266.expense_percent[1]",
                "compensation.tiers.lss[1].min_meetings",
                "compensation.tiers.lss[1].fee_percent_hundredths",
                "compensation.tiers.tom",
                "compensation.mileage.paid_per_mil_ore.2026",
            ]
        );
    }
}
