//! Is a month's report far short of the meetings agreed? `check` and `report approve` warn
//! when the meetings held are fewer than half of what the terms in force agree to over the days
//! the agreement was in force (issue 18: "check warns when a report shows far fewer meetings
//! than agreed"), so that staff ask why before the month is paid: by the month the fee is paid
//! whatever was held, and by a meeting tariff the level falls. Stays and hours are not counted
//! in meetings, so terms paid per dygn or by the hour are not judged.

use crate::model::assignment::PaidPer;
use crate::model::{Assignment, Report};

/// Meetings held against meetings agreed (in tenths: `43` is 4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    pub held: u32,
    pub agreed_tenths: u32,
}

/// Fewer than this many agreed meetings in a month are not judged (a single monthly meeting
/// moved to the next month is no pattern).
const LEAST_AGREED_TENTHS: u32 = 20;

/// `Some` when `r` holds fewer than half the meetings `a`'s terms agree to in its month.
pub fn shortfall(a: &Assignment, r: &Report) -> Option<Shortfall> {
    let exact = super::agreed_meetings::exact(a, r.month, |t| {
        matches!(t.paid_per, PaidPer::Month | PaidPer::Meetings)
    });
    let agreed_tenths = u32::try_from(super::agreed_meetings::tenths(exact, r.month)).ok()?;
    let held = u32::try_from(r.meetings.len()).unwrap_or(u32::MAX);
    (agreed_tenths >= LEAST_AGREED_TENTHS && u64::from(held) * 20 < u64::from(agreed_tenths))
        .then_some(Shortfall {
            held,
            agreed_tenths,
        })
}

/// What staff are told of `r`'s shortfall, if any: "1 meeting held of 4.3 agreed in 2026-10: ask
/// why before it is paid" (the number of meetings with the reader's decimal sign).
pub fn warning(a: &Assignment, r: &Report) -> Option<String> {
    let s = shortfall(a, r)?;
    let agreed = match s.agreed_tenths % 10 {
        0 => (s.agreed_tenths / 10).to_string(),
        _ => crate::lang::current().tenths(s.agreed_tenths),
    };
    Some(crate::tr!(
        "{} held of {} agreed in {}: ask why before it is paid",
        "{} av {} avtalade under {}: fråga varför innan den betalas",
        crate::lang::count(
            u64::from(s.held),
            ["meeting", "meetings"],
            ["träff", "träffar"]
        ),
        agreed,
        r.month
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assignment::{Agreement, Compensation, Terms};
    use crate::model::{Id, Month};
    use proptest::prelude::*;

    fn assignment(meetings: &str, paid_per: PaidPer) -> Assignment {
        let mut t = Terms::monthly(
            "2026-01-01".parse().unwrap(),
            meetings.parse().unwrap(),
            Compensation::default(),
            Compensation::default(),
        );
        t.paid_per = paid_per;
        let mut a: Assignment = toml::from_str(
            r#"schema = 1
id = "A-AAAAAA"
client = "C-AAAAAA"
volunteer = "V-AAAAAA"
proposed = "2025-12-01"
"#,
        )
        .unwrap();
        a.agreement = Some(Agreement {
            start: "2026-01-01".parse().unwrap(),
            end: None,
            signed: Some("2025-12-20".parse().unwrap()),
            confidentiality_signed: Some("2025-12-20".parse().unwrap()),
            cost_center: None,
            terms: vec![t],
        });
        a
    }

    fn report(month: &str, held: usize) -> Report {
        let m: Month = month.parse().unwrap();
        let mut r = Report::empty(Id::parse("A-AAAAAA").unwrap(), m, m.last_day());
        r.meetings = (0..held)
            .map(|i| (m.first_day() + chrono::Days::new(i as u64)).into())
            .collect();
        r
    }

    /// Weekly in October (31 days): 4.4 agreed; 2 held is fewer than half, 3 is not.
    #[test]
    fn fewer_than_half_of_the_agreed_meetings_is_a_shortfall() {
        let a = assignment("1/week", PaidPer::Month);
        assert_eq!(
            shortfall(&a, &report("2026-10", 2)),
            Some(Shortfall {
                held: 2,
                agreed_tenths: 44
            })
        );
        assert_eq!(shortfall(&a, &report("2026-10", 3)), None);
        // Once a month is too few to judge; of two, one held is half; stays and hours are
        // not meetings.
        assert_eq!(
            shortfall(
                &assignment("1/month", PaidPer::Month),
                &report("2026-10", 0)
            ),
            None
        );
        assert_eq!(
            shortfall(
                &assignment("2/month", PaidPer::Month),
                &report("2026-10", 1)
            ),
            None
        );
        assert_eq!(
            shortfall(&assignment("1/week", PaidPer::Dygn), &report("2026-10", 0)),
            None
        );
    }

    proptest! {
        /// A plain restatement: agreed = the month's rate (weekly: days / 7 weeks), judged only
        /// from 2; a shortfall is held < agreed / 2.
        #[test]
        fn as_the_rule_says(times in 1u32..5, weekly: bool, held in 0usize..20, m in 1u32..=12) {
            let freq = format!("{times}/{}", if weekly { "week" } else { "month" });
            let month = format!("2026-{m:02}");
            let days = month.parse::<Month>().unwrap().days();
            // Rounded to the nearest tenth (`rules::agreed_meetings`): 1/week in March is 4.4.
            let agreed = if weekly { (times * days * 10 + 3) / 7 } else { times * 10 };
            let expected = (agreed >= 20 && (held as u32) * 20 < agreed).then_some(Shortfall {
                held: held as u32,
                agreed_tenths: agreed,
            });
            prop_assert_eq!(shortfall(&assignment(&freq, PaidPer::Month), &report(&month, held)), expected);
        }
    }
}
