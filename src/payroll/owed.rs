//! What is owed but may no longer be paid by kontakt: a period older than the retroactive
//! limit (`payroll/retroactive.rs`) whose records give more than was paid. It is never
//! forgotten: every run lists it (and keeps it in its ledger entry), and `due` lists it, until
//! it is paid outside kontakt and recorded so (`--settled-outside`) or the limit is raised.

use std::collections::{BTreeMap, HashSet};

use crate::model::money::Overflow;
use crate::model::payrun::Excluded;
use crate::model::{Id, Money, Month};

use super::PayLine;
use super::retroactive;

/// The months read before the window (from `read_from` up to, not including, `oldest`, and
/// not past `month`): planned as if payable, to see what they would still pay.
pub fn months_before(read_from: Month, oldest: Month, month: Month) -> Vec<Month> {
    let mut before = Vec::new();
    let mut m = read_from;
    while m < oldest && m <= month {
        before.push(m);
        m = m.next();
    }
    before
}

/// What is owed: `unpaid` (the lines a plan of [`months_before`] would pay), summed per
/// assignment and period, and what the last run found owed (`carried`) before the months read
/// (`read_from`), unless settled outside kontakt since (`settled`). `n` is the limit in months,
/// for the reason given. Sorted by volunteer, assignment and period.
pub fn owed(
    unpaid: &[PayLine],
    carried: &[Excluded],
    read_from: Month,
    oldest: Month,
    settled: &HashSet<(Id, Month)>,
    n: u32,
) -> Result<Vec<Excluded>, Overflow> {
    let mut sums: BTreeMap<(Id, Month), (Id, Money)> = BTreeMap::new();
    for l in unpaid {
        let e = sums
            .entry((l.assignment, l.period))
            .or_insert((l.volunteer, Money::ZERO));
        e.1.add_to(l.amount)?;
    }
    let mut items: Vec<Excluded> = sums
        .into_iter()
        .map(|((assignment, period), (volunteer, amount))| Excluded {
            reason: format!(
                "{} kr owed, {}",
                amount,
                retroactive::too_old(n, &assignment, period)
            ),
            assignment,
            volunteer,
            period,
        })
        .collect();
    // Back in the months read, the plan above decides; before them, the last run's word holds.
    items.extend(
        carried
            .iter()
            .filter(|o| o.period < read_from && o.period < oldest)
            .filter(|o| !settled.contains(&(o.assignment, o.period)))
            .cloned(),
    );
    items.sort_by(|x, y| {
        (&x.volunteer, &x.assignment, x.period).cmp(&(&y.volunteer, &y.assignment, y.period))
    });
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    fn id(s: &str) -> Id {
        Id::parse(s).unwrap()
    }

    fn excluded(a: &str, period: &str) -> Excluded {
        Excluded {
            assignment: id(a),
            volunteer: id("V-AAAAAA"),
            period: m(period),
            reason: "owed".into(),
        }
    }

    #[test]
    fn the_months_before_the_window_are_those_read_and_older_than_it() {
        assert_eq!(
            months_before(m("2026-03"), m("2026-06"), m("2026-09")),
            vec![m("2026-03"), m("2026-04"), m("2026-05")]
        );
        // A run for an old month reads nothing past it.
        assert_eq!(
            months_before(m("2026-03"), m("2026-06"), m("2026-04")),
            vec![m("2026-03"), m("2026-04")]
        );
        assert!(months_before(m("2026-06"), m("2026-06"), m("2026-09")).is_empty());
    }

    #[test]
    fn what_was_owed_before_stays_owed_until_settled() {
        let carried = vec![
            excluded("A-AAAAAA", "2026-01"),
            excluded("A-BBBBBB", "2026-02"),
            // Read again this time: the plan decides, not the last run.
            excluded("A-CCCCCC", "2026-04"),
        ];
        let settled: HashSet<(Id, Month)> = [(id("A-BBBBBB"), m("2026-02"))].into();
        let got = owed(&[], &carried, m("2026-03"), m("2026-06"), &settled, 3).unwrap();
        assert_eq!(got, vec![excluded("A-AAAAAA", "2026-01")]);
    }
}
