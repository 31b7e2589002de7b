//! Decisions not put into effect (ej verkställda beslut): the clock, which cases IVO must be told
//! of, and a quarter's individual reports, as pure data.
//!
//! The law (socialtjänstlagen 2001:453 16 kap. 6 f §, LSS 28 f §; IVO, "Ej verkställda beslut
//! enligt SoL och LSS"): the board reports to IVO every granted SoL bistånd and every LSS 9 §
//! insats not put into effect **three months from the day of the decision**, and every insats
//! **interrupted and not put into effect again within three months**. The reports are
//! individual (individrapport), once a quarter: new cases, cases still not in effect a quarter
//! later, until they are put into effect; a case put into effect or closed for another reason is
//! reported once more. The same figures, without identities, go to the municipal council and the
//! auditors (16 kap. 6 h § SoL, 28 h § LSS).
//!
//! For a kontaktperson, the decision **is put into effect** on a day when an agreement with a
//! volunteer is in force for the client (from its start to its last day; IVO: "verkställighet
//! räknas från det att insatsen kommer igång"). An agreement for fewer meetings than the decision
//! grants puts it into effect only **partly**, and the missing part counts as not in effect
//! (IVO, "Hur ska jag rapportera en insats som är delvis verkställd?"). A proposal declined does
//! not end the case (IVO: "att personen tackat nej till ett erbjudande betyder i regel inte att
//! beslutet är att betrakta som avslutat"); only an agreement does, or the decision ceasing to
//! be in force: its period run out, a new decision, or the case closed (the person withdrew,
//! the need is gone). JO 2299-2017 (Landskrona): a kontaktfamilj granted under 4 kap. 1 § SoL and
//! never put into effect, and never reported, was criticised on both counts.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::model::assignment::Party;
use crate::model::pnr::Sex;
use crate::model::{Assignment, Basis, Client, Decision, Frequency, Outcome, Per, Quarter};

use super::legal_basis::{self, insats_name, paragraph};

/// Months after the decision (or the interruption) a case not in effect is reported to IVO.
pub const REPORT_AFTER_MONTHS: u32 = 3;
/// `due` warns this many months before a case becomes reportable.
pub const WARN_MONTHS_BEFORE: u32 = 1;

/// How a case began: the decision never put into effect, or an interruption (avbrott).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Began {
    /// Not put into effect since the decision.
    Decision,
    /// In effect, then an agreement ended (or fell below the decision) while the decision was
    /// still in force.
    Interruption,
}

/// Why a case closed without being put into effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "why", content = "detail")]
pub enum ClosedWhy {
    /// The decision's period ran out.
    PeriodEnded,
    /// A new decision replaced it (on the day the case ended).
    NewDecision,
    /// Staff closed it (`screen client --close`), with the reason recorded.
    Closed(String),
}

/// How a case ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ended {
    /// Put into effect: the first day an agreement covered the decision in full.
    InEffect(NaiveDate),
    /// The decision ceased to be in force: its last day in force, and why.
    Closed { last_day: NaiveDate, why: ClosedWhy },
}

impl Ended {
    /// The first day the case is over.
    pub fn over_from(&self) -> NaiveDate {
        match self {
            Ended::InEffect(d) => *d,
            Ended::Closed { last_day, .. } => last_day.succ_opt().unwrap_or(*last_day),
        }
    }
}

/// One stretch of a granted decision not (fully) in effect: from the decision, or from an
/// interruption, to the day it is put into effect or closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    /// The decision's place in the client's `decisions` (0-based).
    pub decision: usize,
    pub decided: NaiveDate,
    pub basis: Basis,
    pub began: Began,
    /// The day the clock started: the decision's date, or the first day after the interruption.
    pub since: NaiveDate,
    /// Three months on: from this day the case is reported if it is still not in effect.
    pub reportable_from: NaiveDate,
    /// The meetings the decision grants, and what the agreements in force gave when the case
    /// was last seen, if something but less (partly in effect).
    pub granted: Option<Frequency>,
    pub partly: Option<Frequency>,
    pub ended: Option<Ended>,
}

impl Case {
    /// The case must be reported: still not in effect on the day three months were up.
    pub fn reportable(&self) -> bool {
        self.ended
            .as_ref()
            .is_none_or(|e| e.over_from() > self.reportable_from)
    }

    /// From this day `due` warns.
    pub fn warn_from(&self) -> NaiveDate {
        self.reportable_from
            .checked_sub_months(Months::new(WARN_MONTHS_BEFORE))
            .unwrap_or(self.reportable_from)
    }

    /// Days without the insats, to the day it ended or to `at`.
    pub fn days(&self, at: NaiveDate) -> i64 {
        let to = self.ended.as_ref().map_or(at, |e| e.over_from().min(at));
        (to - self.since).num_days().max(0)
    }
}

/// Meetings a year, to compare a decision's frequency with an agreement's.
fn per_year(f: Frequency) -> u32 {
    f.times
        * match f.per {
            Per::Week => 52,
            Per::Month => 12,
        }
}

/// What the client's agreements deliver of `d` on `day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delivery {
    Nothing,
    /// Less than the decision grants: the meetings agreed.
    Partly(Frequency),
    Full,
}

fn delivery(d: &Decision, assignments: &[&Assignment], day: NaiveDate) -> Delivery {
    let agreed: Vec<Frequency> = assignments
        .iter()
        .filter(|a| a.declined.is_none())
        .filter_map(|a| super::in_force::terms_in_force(a, day).map(|t| t.meetings))
        .collect();
    if agreed.is_empty() {
        return Delivery::Nothing;
    }
    let Some(granted) = d.meetings else {
        return Delivery::Full;
    };
    let total: u32 = agreed.iter().map(|f| per_year(*f)).sum();
    if total >= per_year(granted) {
        Delivery::Full
    } else {
        // Two agreements at once are rare; the larger stands for what is delivered.
        Delivery::Partly(
            *agreed
                .iter()
                .max_by_key(|f| per_year(**f))
                .unwrap_or(&granted),
        )
    }
}

/// Every stretch of the client's granted decisions not (fully) in effect, as known on `at`
/// (nothing after `at` is looked at), reportable or not. `assignments` are the client's.
pub fn cases(c: &Client, assignments: &[&Assignment], at: NaiveDate) -> Vec<Case> {
    let mut out = Vec::new();
    let grants: Vec<(usize, &Decision)> = c
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.outcome() == Outcome::Granted)
        .collect();
    for (k, (i, d)) in grants.iter().enumerate() {
        let Some(period_last) = d.last_day() else {
            continue;
        };
        // In force from the decision to its last day, or the day before a new decision.
        let next = grants.get(k + 1).map(|(_, n)| n.decided);
        let (last, why) = match next {
            Some(n) if n <= period_last => (n.pred_opt().unwrap_or(n), ClosedWhy::NewDecision),
            _ => match &d.closed {
                Some(cl) if d.to().is_none_or(|t| cl.date < t) => {
                    (period_last, ClosedWhy::Closed(cl.reason.clone()))
                }
                _ => (period_last, ClosedWhy::PeriodEnded),
            },
        };
        if last < d.decided || at < d.decided {
            continue;
        }
        let case = |began, since: NaiveDate| Case {
            decision: *i,
            decided: d.decided,
            basis: legal_basis::basis(c, d),
            began,
            since,
            reportable_from: since
                .checked_add_months(Months::new(REPORT_AFTER_MONTHS))
                .unwrap_or(since),
            granted: d.meetings,
            partly: None,
            ended: None,
        };
        let mut open: Option<Case> = None;
        let mut delivered = false;
        for day in d.decided.iter_days().take_while(|x| *x <= last.min(at)) {
            match (delivery(d, assignments, day), open.take()) {
                (Delivery::Full, None) => delivered = true,
                (Delivery::Full, Some(mut o)) => {
                    o.ended = Some(Ended::InEffect(day));
                    out.push(o);
                    delivered = true;
                }
                (level, o) => {
                    let began = if delivered {
                        Began::Interruption
                    } else {
                        Began::Decision
                    };
                    let mut o = o.unwrap_or_else(|| case(began, day));
                    o.partly = match level {
                        Delivery::Partly(f) => Some(f),
                        _ => None,
                    };
                    open = Some(o);
                }
            }
        }
        if let Some(mut o) = open {
            if last < at {
                o.ended = Some(Ended::Closed {
                    last_day: last,
                    why: why.clone(),
                });
            }
            out.push(o);
        }
    }
    out
}

/// What a quarter's individual report says of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Reportable for the first time this quarter.
    New,
    /// Reported before, still not in effect.
    Continuing,
    /// Put into effect this quarter: reported once more, the last time.
    InEffect,
    /// Closed this quarter without being put into effect: reported once more, the last time.
    Closed,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::New => "new",
            Standing::Continuing => "continuing",
            Standing::InEffect => "in effect",
            Standing::Closed => "closed",
        }
    }
}

/// An offer made to the client while the case ran: a proposal, and its decline if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Offer {
    pub proposed: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declined: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declined_by: Option<Party>,
    /// Accepted: the agreement's start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_from: Option<NaiveDate>,
}

/// One individual report (individrapport) of a quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub standing: Standing,
    pub case: Case,
    pub law: &'static str,
    pub paragraph: &'static str,
    /// The insats as IVO names it (`rules::legal_basis::insats_name`).
    pub insats: &'static str,
    pub sex: Sex,
    /// Days without the insats at the quarter's end (or today, in a quarter not yet over), or
    /// to the day it was put into effect or closed.
    pub days: i64,
    pub offers: Vec<Offer>,
    /// The latest reason for the delay recorded since the case began (by `today`).
    pub delay_reason: Option<String>,
}

/// The day a quarter's report is made as of: its last day, or today while it runs.
pub fn as_of(q: Quarter, today: NaiveDate) -> NaiveDate {
    q.last_day().min(today)
}

/// Is a report of quarter `q` made `today` preliminary: the quarter still runs, so a case may
/// yet become reportable, or be put into effect, before it ends.
pub fn preliminary(q: Quarter, today: NaiveDate) -> bool {
    today < q.last_day()
}

/// The client's individual reports for quarter `q`: every case reportable by the quarter's end
/// (or `today`) that was not over before the quarter began. `assignments` are the client's.
pub fn quarter_rows(
    c: &Client,
    assignments: &[&Assignment],
    q: Quarter,
    today: NaiveDate,
) -> Vec<Row> {
    let at = as_of(q, today);
    cases(c, assignments, at)
        .into_iter()
        .filter(|k| k.reportable() && k.reportable_from <= at)
        .filter_map(|k| {
            let standing = match &k.ended {
                Some(e) if e.over_from() < q.first_day() => return None,
                Some(Ended::InEffect(_)) => Standing::InEffect,
                Some(Ended::Closed { .. }) => Standing::Closed,
                None if k.reportable_from >= q.first_day() => Standing::New,
                None => Standing::Continuing,
            };
            let until = k.ended.as_ref().map_or(at, |e| e.over_from().min(at));
            let offers = assignments
                .iter()
                .filter(|a| {
                    let declined = a.declined.as_ref().map(|d| d.date);
                    (k.since <= a.proposed && a.proposed <= until)
                        || declined.is_some_and(|d| k.since <= d && d <= until)
                })
                .map(|a| Offer {
                    proposed: a.proposed.get(),
                    declined: a.declined.as_ref().map(|d| d.date.get()),
                    declined_by: a.declined.as_ref().map(|d| d.by),
                    agreement_from: a.agreement.as_ref().map(|g| g.start.get()),
                })
                .collect::<Vec<_>>();
            let mut offers = offers;
            offers.sort_by_key(|o| o.proposed);
            let delay_reason = c.decisions[k.decision]
                .delay_reasons
                .iter()
                .filter(|r| k.since <= r.date && r.date <= today)
                .max_by_key(|r| r.date)
                .map(|r| r.reason.clone());
            let insats = c.insats_of(&c.decisions[k.decision]);
            let (law, paragraph) = paragraph(k.basis, insats, k.decided);
            Some(Row {
                standing,
                law,
                paragraph,
                insats: insats_name(k.basis, insats, k.decided),
                sex: c.pnr.sex(),
                days: k.days(at),
                offers,
                delay_reason,
                case: k,
            })
        })
        .collect()
}

/// Waiting time in the bands the council's summary counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Three to six months.
    UpTo6Months,
    /// Six months to a year.
    UpTo12Months,
    /// Over a year.
    Over12Months,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::UpTo6Months, Band::UpTo12Months, Band::Over12Months];

    /// The band of a case without the insats from `since` to `until`.
    pub fn of(since: NaiveDate, until: NaiveDate) -> Band {
        let after = |m| since.checked_add_months(Months::new(m)).unwrap_or(since);
        if until <= after(6) {
            Band::UpTo6Months
        } else if until <= after(12) {
            Band::UpTo12Months
        } else {
            Band::Over12Months
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::UpTo6Months => "3-6 months",
            Band::UpTo12Months => "6-12 months",
            Band::Over12Months => "over 12 months",
        }
    }
}

/// Women and men.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    pub women: u32,
    pub men: u32,
}

impl Count {
    pub fn add(&mut self, sex: Sex) {
        match sex {
            Sex::Female => self.women += 1,
            Sex::Male => self.men += 1,
        }
    }

    pub fn total(self) -> u32 {
        self.women + self.men
    }
}

/// A count under a key (a law, a standing, a band).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally<K> {
    pub key: K,
    #[serde(flatten)]
    pub count: Count,
}

fn tallies<K>(keys: impl IntoIterator<Item = K>) -> Vec<Tally<K>> {
    keys.into_iter()
        .map(|key| Tally {
            key,
            count: Count::default(),
        })
        .collect()
}

fn count_in<K: PartialEq>(t: &mut [Tally<K>], key: &K, sex: Sex) {
    if let Some(t) = t.iter_mut().find(|t| t.key == *key) {
        t.count.add(sex);
    }
}

/// One case in the council's summary: no code, no date, nothing that names the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnonymousCase {
    pub law: &'static str,
    pub paragraph: &'static str,
    pub insats: &'static str,
    pub began: Began,
    pub standing: Standing,
    pub sex: Sex,
    pub days: i64,
    pub band: Band,
}

/// The summary for the municipal council and the auditors (16 kap. 6 h § SoL, 28 h § LSS): the
/// quarter's reports counted, without identities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub quarter: Quarter,
    pub as_of: NaiveDate,
    /// The quarter has not ended: the figures are as of today.
    pub preliminary: bool,
    pub total: Count,
    /// By law: `SoL`, `LSS`.
    pub by_law: Vec<Tally<&'static str>>,
    pub by_standing: Vec<Tally<Standing>>,
    /// Cases that began with the decision, and interruptions.
    pub by_began: Vec<Tally<Began>>,
    pub by_band: Vec<Tally<Band>>,
    pub cases: Vec<AnonymousCase>,
}

/// The council's figures from a quarter's rows.
pub fn summary(q: Quarter, today: NaiveDate, rows: &[Row]) -> Summary {
    let at = as_of(q, today);
    let mut total = Count::default();
    let mut by_law = tallies(["SoL", "LSS"]);
    let mut by_standing = tallies([
        Standing::New,
        Standing::Continuing,
        Standing::InEffect,
        Standing::Closed,
    ]);
    let mut by_began = tallies([Began::Decision, Began::Interruption]);
    let mut by_band = tallies(Band::ALL);
    let mut cases = Vec::new();
    for r in rows {
        let until = r.case.ended.as_ref().map_or(at, |e| e.over_from().min(at));
        let band = Band::of(r.case.since, until);
        total.add(r.sex);
        count_in(&mut by_law, &r.law, r.sex);
        count_in(&mut by_standing, &r.standing, r.sex);
        count_in(&mut by_began, &r.case.began, r.sex);
        count_in(&mut by_band, &band, r.sex);
        cases.push(AnonymousCase {
            law: r.law,
            paragraph: r.paragraph,
            insats: r.insats,
            began: r.case.began,
            standing: r.standing,
            sex: r.sex,
            days: r.days,
            band,
        });
    }
    // Longest wait first; nothing in the order points at a person.
    cases.sort_by(|a, b| {
        b.days
            .cmp(&a.days)
            .then(a.law.cmp(b.law))
            .then(a.standing.cmp(&b.standing))
    });
    Summary {
        quarter: q,
        as_of: at,
        preliminary: preliminary(q, today),
        total,
        by_law,
        by_standing,
        by_began,
        by_band,
        cases,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::Insats;

    fn d(s: &str) -> NaiveDate {
        crate::model::date::parse(s).unwrap()
    }

    /// A client (a Skatteverket test number, a woman) with one grant decided on `decided`.
    fn client(decisions: &str) -> Client {
        toml::from_str(&format!(
            "schema = 1\nid = \"C-7Q2K9M\"\nname = \"X\"\npnr = \"201201022389\"\napplied = \"2026-01-01\"\n{decisions}"
        ))
        .unwrap()
    }

    fn grant(decided: &str, to: &str, meetings: &str) -> String {
        format!(
            "[[decisions]]\ndecided = \"{decided}\"\noutcome = \"granted\"\nfrom = \"{decided}\"\nto = \"{to}\"\nmeetings = \"{meetings}\"\n"
        )
    }

    /// An agreement from `start` (to `end`, when it ended) for `meetings`.
    fn agreement(start: &str, end: Option<&str>, meetings: &str) -> Assignment {
        let ended = end.map_or(String::new(), |e| {
            format!("[ended]\ndate = \"{e}\"\nreason = \"volunteer_request\"\n")
        });
        toml::from_str(&format!(
            "schema = 1\nid = \"A-7Q2K9M\"\nclient = \"C-7Q2K9M\"\nvolunteer = \"V-7Q2K9M\"\nproposed = \"{start}\"\n\
             {ended}[agreement]\nstart = \"{start}\"\nsigned = \"{start}\"\nconfidentiality_signed = \"{start}\"\n[[agreement.terms]]\nfrom = \"{start}\"\nmeetings = \"{meetings}\"\n\
             fee = {{ percent_hundredths = 2000 }}\nexpense = {{ percent_hundredths = 1000 }}\n"
        ))
        .unwrap()
    }

    fn proposal(proposed: &str, declined: Option<&str>) -> Assignment {
        let declined = declined.map_or(String::new(), |x| {
            format!("[declined]\ndate = \"{x}\"\nby = \"client\"\nreason = \"r\"\n")
        });
        toml::from_str(&format!(
            "schema = 1\nid = \"A-8Q2K9M\"\nclient = \"C-7Q2K9M\"\nvolunteer = \"V-7Q2K9M\"\nproposed = \"{proposed}\"\n{declined}"
        ))
        .unwrap()
    }

    fn q(s: &str) -> Quarter {
        s.parse().unwrap()
    }

    /// 16 kap. 6 f § SoL: reported when not put into effect within three months from the day
    /// of the decision; an agreement on the last day of the three months is in time.
    #[test]
    fn the_clock_runs_three_months_from_the_decision_and_stops_when_an_agreement_starts() {
        let c = client(&grant("2026-06-01", "2027-05-31", "1/week"));
        let none = cases(&c, &[], d("2026-11-24"));
        assert_eq!(none.len(), 1);
        let k = &none[0];
        assert_eq!((k.began, k.since), (Began::Decision, d("2026-06-01")));
        assert_eq!(k.reportable_from, d("2026-09-01"));
        assert_eq!(k.warn_from(), d("2026-08-01"));
        assert!(k.reportable() && k.ended.is_none());

        let in_time = agreement("2026-09-01", None, "1/week");
        let k = &cases(&c, &[&in_time], d("2026-11-24"))[0];
        assert_eq!(k.ended, Some(Ended::InEffect(d("2026-09-01"))));
        assert!(!k.reportable(), "in effect on the day three months were up");

        let late = agreement("2026-09-02", None, "1/week");
        let k = &cases(&c, &[&late], d("2026-11-24"))[0];
        assert!(k.reportable(), "one day late");
        assert_eq!(k.days(d("2026-11-24")), 93);
    }

    /// 28 f § LSS: a stödfamilj (the kontaktfamilj of LSS) not put into effect is reported as
    /// korttidsvistelse under 9 § 6; under SoL a kontaktfamilj is bistånd like a kontaktperson.
    #[test]
    fn a_kontaktfamilj_is_reported_under_its_own_insats_and_paragraph() {
        let mut c = client(&grant("2026-06-01", "2027-05-31", "1/month"));
        c.applied_insats = Insats::Kontaktfamilj;
        let sol = quarter_rows(&c, &[], q("2026Q3"), d("2026-11-24"));
        assert_eq!((sol[0].insats, sol[0].law), ("kontaktfamilj", "SoL"));
        c.basis = Basis::Lss;
        let lss = quarter_rows(&c, &[], q("2026Q3"), d("2026-11-24"));
        assert_eq!(
            (lss[0].insats, lss[0].paragraph),
            ("korttidsvistelse i stödfamilj", "9 § 6 LSS (1993:387)")
        );
        // A decision granting a kontaktperson instead names that insats.
        c.decisions[0].insats = Some(Insats::Kontaktperson);
        let other = quarter_rows(&c, &[], q("2026Q3"), d("2026-11-24"));
        assert_eq!(other[0].paragraph, "9 § 4 LSS (1993:387)");
        let s = summary(q("2026Q3"), d("2026-11-24"), &lss);
        assert_eq!(s.cases[0].insats, "korttidsvistelse i stödfamilj");
    }

    /// 16 kap. 6 f § second paragraph SoL: an insats interrupted and not put into effect again
    /// within three months is reported; the clock starts at the interruption.
    #[test]
    fn an_ending_while_the_decision_is_in_force_starts_the_clock_again() {
        let c = client(&grant("2026-02-02", "2027-02-01", "1/week"));
        let a = agreement("2026-03-01", Some("2026-05-31"), "1/week");
        let ks = cases(&c, &[&a], d("2026-11-24"));
        assert_eq!(ks.len(), 2, "{ks:?}");
        assert!(
            !ks[0].reportable(),
            "the decision was put into effect in time"
        );
        let k = &ks[1];
        assert_eq!((k.began, k.since), (Began::Interruption, d("2026-06-01")));
        assert_eq!(k.reportable_from, d("2026-09-01"));
        assert!(k.reportable());

        // Resumed within three months: nothing to report.
        let again = agreement("2026-08-15", None, "1/week");
        let ks = cases(&c, &[&a, &again], d("2026-11-24"));
        assert_eq!(ks[1].ended, Some(Ended::InEffect(d("2026-08-15"))));
        assert!(!ks[1].reportable());
    }

    /// An ending on the decision's last day is no interruption: nothing was granted after it.
    #[test]
    fn an_ending_with_the_decision_is_no_interruption() {
        let c = client(&grant("2025-09-01", "2026-02-28", "1/week"));
        let a = agreement("2025-09-15", Some("2026-02-28"), "1/week");
        assert!(
            cases(&c, &[&a], d("2026-11-24"))
                .iter()
                .all(|k| !k.reportable())
        );
    }

    /// IVO, "Hur ska jag rapportera en insats som är delvis verkställd?": the part not put into
    /// effect is reported as not in effect.
    #[test]
    fn fewer_meetings_than_granted_is_only_partly_in_effect() {
        let c = client(&grant("2026-02-02", "2027-02-01", "2/week"));
        let a = agreement("2026-02-16", None, "1/week");
        let k = &cases(&c, &[&a], d("2026-11-24"))[0];
        assert!(k.reportable() && k.ended.is_none());
        assert_eq!(k.partly, Some("1/week".parse().unwrap()));
        // Four a month is less than one a week (48 against 52 a year).
        let c = client(&grant("2026-02-02", "2027-02-01", "1/week"));
        let a = agreement("2026-02-16", None, "4/month");
        assert!(cases(&c, &[&a], d("2026-11-24"))[0].reportable());
        let a = agreement("2026-02-16", None, "2/week");
        assert!(
            !cases(&c, &[&a], d("2026-11-24"))[0].reportable(),
            "more is in effect"
        );
    }

    /// IVO, "Individen har tackat nej till insatsen": a declined offer does not end the case.
    #[test]
    fn a_declined_offer_does_not_end_the_case_and_is_listed() {
        let c = client(&grant("2026-06-01", "2027-05-31", "1/week"));
        let p = proposal("2026-07-13", Some("2026-07-27"));
        let rows = quarter_rows(&c, &[&p], q("2026Q3"), d("2026-11-24"));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].standing, Standing::New);
        assert_eq!(
            rows[0].offers,
            vec![Offer {
                proposed: d("2026-07-13"),
                declined: Some(d("2026-07-27")),
                declined_by: Some(Party::Client),
                agreement_from: None,
            }]
        );
        assert_eq!(rows[0].days, 121, "to the quarter's end");
        assert_eq!(rows[0].sex, Sex::Female);
        assert_eq!(
            (rows[0].law, rows[0].paragraph),
            ("SoL", "bistånd, SoL (2025:400)")
        );
    }

    /// IVO, "Individrapport": new cases, cases still not in effect a quarter later, until put
    /// into effect; a case put into effect (or closed) is reported once more.
    #[test]
    fn a_case_is_new_then_continuing_then_reported_once_more_when_put_into_effect() {
        let c = client(&grant("2026-06-01", "2027-05-31", "1/week"));
        let a = agreement("2027-01-11", None, "1/week");
        let standing = |quarter: &str| {
            quarter_rows(&c, &[&a], q(quarter), d("2027-11-24"))
                .iter()
                .map(|r| r.standing)
                .collect::<Vec<_>>()
        };
        assert_eq!(standing("2026Q2"), vec![], "not yet three months");
        assert_eq!(standing("2026Q3"), vec![Standing::New]);
        assert_eq!(standing("2026Q4"), vec![Standing::Continuing]);
        assert_eq!(standing("2027Q1"), vec![Standing::InEffect]);
        assert_eq!(standing("2027Q2"), vec![], "reported for the last time");
        // A quarter still running is as of today, and the facts after today are not known.
        let rows = quarter_rows(&c, &[&a], q("2026Q4"), d("2026-11-24"));
        assert_eq!(rows[0].days, 176);
    }

    #[test]
    fn a_case_closes_when_the_decision_ends_or_is_closed_or_replaced() {
        // The period runs out.
        let c = client(&grant("2026-01-15", "2026-07-14", "1/week"));
        let rows = quarter_rows(&c, &[], q("2026Q3"), d("2026-11-24"));
        assert_eq!(rows[0].standing, Standing::Closed);
        assert_eq!(
            rows[0].case.ended,
            Some(Ended::Closed {
                last_day: d("2026-07-14"),
                why: ClosedWhy::PeriodEnded
            })
        );
        assert!(quarter_rows(&c, &[], q("2026Q4"), d("2026-11-24")).is_empty());
        // Closed by staff: the person withdrew.
        let mut c = client(&grant("2026-01-15", "2026-12-31", "1/week"));
        c.decisions[0].closed = Some(crate::model::client::Closure {
            date: (d("2026-05-20")).into(),
            reason: "withdrew".into(),
        });
        let rows = quarter_rows(&c, &[], q("2026Q2"), d("2026-11-24"));
        assert_eq!(rows[0].standing, Standing::Closed);
        assert!(matches!(
            &rows[0].case.ended,
            Some(Ended::Closed { why: ClosedWhy::Closed(r), .. }) if r == "withdrew"
        ));
        // A new decision replaces it: the old case closes, and the new decision's clock runs.
        let c = client(&format!(
            "{}{}",
            grant("2026-01-15", "2026-07-14", "1/week"),
            grant("2026-07-01", "2027-06-30", "1/week")
        ));
        let ks = cases(&c, &[], d("2026-11-24"));
        assert_eq!(ks.len(), 2);
        assert_eq!(
            ks[0].ended,
            Some(Ended::Closed {
                last_day: d("2026-06-30"),
                why: ClosedWhy::NewDecision
            })
        );
        assert_eq!((ks[1].since, ks[1].decision), (d("2026-07-01"), 1));
    }

    #[test]
    fn the_delay_reason_is_the_latest_since_the_case_began() {
        let mut c = client(&grant("2026-06-01", "2027-05-31", "1/week"));
        for (date, reason) in [
            ("2026-05-01", "old"),
            ("2026-09-10", "first"),
            ("2026-10-05", "latest"),
        ] {
            c.decisions[0]
                .delay_reasons
                .push(crate::model::client::DelayReason {
                    date: d(date).into(),
                    reason: reason.into(),
                });
        }
        let rows = quarter_rows(&c, &[], q("2026Q3"), d("2026-10-06"));
        assert_eq!(rows[0].delay_reason.as_deref(), Some("latest"));
        let rows = quarter_rows(&c, &[], q("2026Q3"), d("2026-09-30"));
        assert_eq!(rows[0].delay_reason.as_deref(), Some("first"));
    }

    /// 16 kap. 6 h § SoL, 28 h § LSS: the council and the auditors get the figures without
    /// identities: by law, women and men, and how long.
    #[test]
    fn the_councils_summary_counts_without_identities() {
        let woman = client(&grant("2026-06-01", "2027-05-31", "1/week"));
        let mut man = client(&grant("2025-06-02", "2027-05-31", "1/week"));
        man.pnr = crate::model::Pnr::from_canonical("201201022397").unwrap();
        man.decisions[0].basis = Some(Basis::Lss);
        let mut rows = quarter_rows(&woman, &[], q("2026Q3"), d("2026-11-24"));
        rows.extend(quarter_rows(&man, &[], q("2026Q3"), d("2026-11-24")));
        let s = summary(q("2026Q3"), d("2026-11-24"), &rows);
        assert!(!s.preliminary);
        assert_eq!((s.total.women, s.total.men), (1, 1));
        assert_eq!(
            (s.by_law[0].key, s.by_law[0].count),
            ("SoL", Count { women: 1, men: 0 })
        );
        assert_eq!(
            (s.by_law[1].key, s.by_law[1].count),
            ("LSS", Count { women: 0, men: 1 })
        );
        assert_eq!(s.by_band[0].count.total(), 1);
        assert_eq!(s.by_band[2].count.total(), 1, "over a year");
        assert_eq!(s.cases[0].days, 485, "longest first");
        let json = serde_json::to_string(&s).unwrap();
        assert!(
            !json.contains("C-7Q2K9M") && !json.contains("2012"),
            "{json}"
        );
        assert!(summary(q("2026Q4"), d("2026-11-24"), &[]).preliminary);
    }
}
