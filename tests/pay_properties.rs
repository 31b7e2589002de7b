//! Properties of the pay arithmetic at the library's seam (`payroll::compute`): lines sum to the
//! total, a full month pays the monthly amounts exactly, a month split between agreements pays
//! within rounding of the whole, only corrections are negative, and paying the plan leaves
//! nothing to pay, corrections included.
mod common;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use kontakt::model::config::{PayrollRules, Tariffs};
use kontakt::model::{Assignment, Client, Id, Month, Report, Volunteer};
use kontakt::payroll::LineKind;
use kontakt::payroll::compute::{Case, paid_of, plan};
use proptest::prelude::*;

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(n as i64)
}

fn client(pnr: &str, from: NaiveDate, to: NaiveDate) -> Client {
    toml::from_str(&format!(
        "schema = 1\nid = \"C-0000C1\"\nname = \"K\"\npnr = \"{}\"\napplied = \"2025-12-01\"\n\
         [[decisions]]\ndecided = \"2025-12-15\"\noutcome = \"granted\"\nfrom = \"{from}\"\nto = \"{to}\"\n",
        pnr.replace('-', "")
    ))
    .unwrap()
}

fn volunteer(pnr: &str) -> Volunteer {
    toml::from_str(&format!(
        "schema = 1\nid = \"V-0000V1\"\nname = \"V\"\npnr = \"{}\"\napplied = \"2025-12-01\"\n",
        pnr.replace('-', "")
    ))
    .unwrap()
}

/// An agreement from `start` (to `end`) whose terms change on each of `changes`: (day, fee %).
fn assignment(
    id: &str,
    start: NaiveDate,
    end: Option<NaiveDate>,
    terms: &[(NaiveDate, u32, u32)],
) -> Assignment {
    let mut t = format!(
        "schema = 1\nid = \"{id}\"\nclient = \"C-0000C1\"\nvolunteer = \"V-0000V1\"\nproposed = \"2025-12-20\"\n\
         [agreement]\nstart = \"{start}\"\nsigned = \"2025-12-20\"\nconfidentiality_signed = \"2025-12-20\"\n"
    );
    if let Some(e) = end {
        t.push_str(&format!("end = \"{e}\"\n"));
    }
    for (from, fee, level) in terms {
        t.push_str(&format!(
            "[[agreement.terms]]\nfrom = \"{from}\"\nmeetings = \"1/week\"\n\
             fee = {{ level = 1, percent_hundredths = {} }}\nexpense = {{ level = {level}, percent_hundredths = {} }}\n",
            fee * 100,
            [10, 25, 40][*level as usize - 1] * 100
        ));
    }
    toml::from_str(&t).unwrap()
}

fn report(a: &str, m: Month, approved: bool, meetings: bool, revision: usize) -> Report {
    let mut t = format!(
        "schema = 1\nassignment = \"{a}\"\nmonth = \"{m}\"\nreported = \"{}\"\nmeetings = [{}]\n",
        m.last_day(),
        if meetings {
            format!("\"{}\"", m.first_day())
        } else {
            String::new()
        }
    );
    if approved {
        t.push_str(&format!("[approved]\ndate = \"{}\"\n", m.last_day()));
    }
    for _ in 0..revision {
        t.push_str(&format!(
            "[[corrections]]\ndate = \"{}\"\nreason = \"r\"\n",
            m.last_day()
        ));
    }
    toml::from_str(&t).unwrap()
}

/// Reports for every month of 2026, approved with a meeting unless `skip` says otherwise.
fn reports_for(a: &Assignment, approved: &[bool]) -> BTreeMap<(Id, Month), Report> {
    (1..=12)
        .map(|m| Month::new(2026, m).unwrap())
        .zip(approved.iter().cycle())
        .map(|(m, ok)| ((a.id, m), report(a.id.as_str(), m, *ok, true, 0)))
        .collect()
}

fn pnrs() -> (String, String) {
    (common::pnr_born(1990, 0), common::pnr_born(1980, 0))
}

/// The window of a run made on time (the first day of the next month).
fn on_time(month: Month, retroactive_months: u32) -> Vec<Month> {
    kontakt::payroll::retroactive::window(month, month.next().first_day(), retroactive_months)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn runs_sum_pay_once_and_only_corrections_are_negative(
        start in 0u32..330,
        len in proptest::option::of(1u32..300),
        dec in (0u32..200, 30u32..400),
        changes in proptest::collection::vec((1u32..200, 10u32..=55, 1u32..=3), 0..3),
        approved in proptest::collection::vec(any::<bool>(), 1..6),
        run_month in 2u32..=12,
        retro in 0u32..4,
    ) {
        let (cp, vp) = pnrs();
        let start_day = day(start);
        let mut terms = vec![(start_day, 20u32, 1u32)];
        for (offset, fee, level) in changes {
            let from = terms.last().unwrap().0 + chrono::Duration::days(offset as i64);
            terms.push((from, fee, level));
        }
        let end = len.map(|l| start_day + chrono::Duration::days(l as i64));
        let terms: Vec<_> = terms.into_iter().filter(|t| end.is_none_or(|e| t.0 <= e)).collect();
        let a = assignment("A-0000A1", start_day, end, &terms);
        let c = client(&cp, day(dec.0), day(dec.0 + dec.1));
        let v = volunteer(&vp);
        let cases = [Case { assignment: &a, client: &c, volunteer: &v }];
        let tariffs = Tariffs::default();
        let rules = PayrollRules { retroactive_months: retro, ..PayrollRules::default() };
        let mut reports = reports_for(&a, &approved);
        let month = Month::new(2026, run_month).unwrap();

        let first = plan(month, &on_time(month, rules.retroactive_months), &cases, &reports, &paid_of(std::iter::empty()).unwrap(), &tariffs, &rules).unwrap();
        let sum: i64 = first.lines.iter().map(|l| l.amount.ore()).sum();
        prop_assert_eq!(sum, first.total().ore());
        prop_assert!(first.lines.iter().all(|l| l.amount.ore() > 0 && l.kind != LineKind::Correction));
        for l in &first.lines {
            // Never more than the dearest terms' month, never a day outside the agreement or decision.
            let t = a.terms_on(l.from).expect("a paid day is in force");
            let pct = if l.kind == LineKind::Fee { &t.fee } else { &t.expense };
            let monthly = pct.monthly(&tariffs, l.from.year()).unwrap().unwrap().ore();
            let dearest = a.agreement.as_ref().unwrap().terms.iter().map(|t| {
                let c = if l.kind == LineKind::Fee { &t.fee } else { &t.expense };
                c.monthly(&tariffs, 2026).unwrap().unwrap().ore()
            }).max().unwrap();
            prop_assert!(l.amount.ore() <= dearest, "{:?} over {dearest}", l);
            prop_assert!(c.granted_on(l.from) && c.granted_on(l.to));
            // A full month at constant terms pays the monthly amount exactly.
            if l.days == l.period.days() && a.terms_on(l.period.first_day()) == a.terms_on(l.period.last_day()) {
                prop_assert_eq!(l.amount.ore(), monthly);
            }
        }
        // Paying the plan leaves nothing to pay.
        let paid = paid_of(first.lines.iter()).unwrap();
        let second = plan(month, &on_time(month, rules.retroactive_months), &cases, &reports, &paid, &tariffs, &rules).unwrap();
        prop_assert!(second.lines.is_empty(), "{:?}", second.lines);

        // A paid month corrected to no meetings pays its amounts back, exactly once.
        if let Some(l) = first.lines.first() {
            let key = (a.id, l.period);
            reports.insert(key, report(a.id.as_str(), l.period, true, false, 1));
            let third = plan(month, &on_time(month, rules.retroactive_months), &cases, &reports, &paid, &tariffs, &rules).unwrap();
            let back: i64 = third.lines.iter().filter(|x| x.period == l.period).map(|x| x.amount.ore()).sum();
            let was: i64 = first.lines.iter().filter(|x| x.period == l.period).map(|x| x.amount.ore()).sum();
            prop_assert_eq!(back, -was);
            prop_assert!(third.lines.iter().filter(|x| x.amount.ore() < 0).all(|x| x.kind == LineKind::Correction));
            let mut all = first.lines.clone();
            all.extend(third.lines.clone());
            let fourth = plan(month, &on_time(month, rules.retroactive_months), &cases, &reports, &paid_of(all.iter()).unwrap(), &tariffs, &rules).unwrap();
            prop_assert!(fourth.lines.is_empty(), "{:?}", fourth.lines);
        }
    }

    #[test]
    fn a_month_split_between_two_agreements_pays_within_rounding_of_the_whole(
        m in 1u32..=12, cut in 1u32..28, fee in 10u32..=55, level in 1u32..=3, ore_rounding in any::<bool>()
    ) {
        let (cp, vp) = pnrs();
        let month = Month::new(2026, m).unwrap();
        let first_day = month.first_day();
        let cut_day = first_day + chrono::Duration::days(cut as i64);
        let whole = assignment("A-0000A1", first_day, Some(month.last_day()), &[(first_day, fee, level)]);
        let left = assignment("A-0000A2", first_day, Some(cut_day - chrono::Duration::days(1)), &[(first_day, fee, level)]);
        let right = assignment("A-0000A3", cut_day, Some(month.last_day()), &[(cut_day, fee, level)]);
        let c = client(&cp, day(0), day(364));
        let v = volunteer(&vp);
        let mut rules = PayrollRules { retroactive_months: 0, ..PayrollRules::default() };
        if ore_rounding {
            rules.rounding = kontakt::model::layout::Rounding::OreHalfUp;
        }
        let tariffs = Tariffs::default();
        let total = |asgs: &[&Assignment]| -> i64 {
            let cases: Vec<Case> = asgs.iter().map(|a| Case { assignment: a, client: &c, volunteer: &v }).collect();
            let reports: BTreeMap<_, _> = asgs.iter().map(|a| ((a.id, month), report(a.id.as_str(), month, true, true, 0))).collect();
            let p = plan(month, &on_time(month, rules.retroactive_months), &cases, &reports, &paid_of(std::iter::empty()).unwrap(), &tariffs, &rules).unwrap();
            p.total().ore()
        };
        let unit = if ore_rounding { 1 } else { 100 };
        let diff = (total(&[&left, &right]) - total(&[&whole])).abs();
        // Two lines per part (fee and expenses), each rounded once: at most half a unit each.
        prop_assert!(diff <= 2 * unit, "{diff}");
    }
}
