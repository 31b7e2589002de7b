//! A volunteer's **places** (capacity): how many assignments she takes at once, one or several
//! (DOMAIN: "a volunteer may have one or several assignments"). An assignment that is open
//! (`Assignment::is_open`: proposed, unsigned, agreed or active) takes one of her places and
//! means someone is on its client, so the client is not waiting. `match` offers a volunteer
//! only while she has a free place; `update --capacity` warns when fewer places are given than
//! she has assignments running (none is ended: she is matched with no one new until fewer run).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{Assignment, Id, Volunteer};

/// The places taken on `today`, per volunteer, over `assignments`.
pub fn places_taken<'a>(
    assignments: impl IntoIterator<Item = &'a Assignment>,
    today: NaiveDate,
) -> HashMap<Id, u32> {
    let mut load = HashMap::new();
    for a in assignments.into_iter().filter(|a| a.is_open(today)) {
        let n: &mut u32 = load.entry(a.volunteer).or_insert(0);
        *n = n.saturating_add(1);
    }
    load
}

/// The clients someone is on, on `today`: each has an open assignment.
pub fn clients_taken<'a>(
    assignments: impl IntoIterator<Item = &'a Assignment>,
    today: NaiveDate,
) -> HashSet<Id> {
    assignments
        .into_iter()
        .filter(|a| a.is_open(today))
        .map(|a| a.client)
        .collect()
}

/// The places `v` has free when `taken` are taken.
pub fn free_places(v: &Volunteer, taken: u32) -> u32 {
    v.capacity.saturating_sub(taken)
}

/// Does `v` run more assignments than she has places (her capacity was lowered)?
pub fn over_capacity(v: &Volunteer, taken: u32) -> bool {
    taken > v.capacity
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Assignment `n` (7, 8 or 9) of volunteer V-7Q2K9M, proposed in January; declined when
    /// `declined`.
    fn asg(n: u32, declined: bool) -> Assignment {
        let declined = if declined {
            "[declined]\ndate = \"2026-01-12\"\nby = \"client\"\nreason = \"r\"\n"
        } else {
            ""
        };
        toml::from_str(&format!(
            "schema = 1\nid = \"A-{n}Q2K9M\"\nclient = \"C-{n}Q2K9M\"\nvolunteer = \"V-7Q2K9M\"\nproposed = \"2026-01-10\"\n{declined}"
        ))
        .unwrap()
    }

    fn id(s: &str) -> Id {
        Id::parse(s).unwrap()
    }

    #[test]
    fn an_open_assignment_takes_a_place_and_a_declined_one_does_not() {
        let today = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let all = [asg(7, false), asg(8, false), asg(9, true)];
        assert_eq!(places_taken(&all, today).get(&id("V-7Q2K9M")), Some(&2));
        let taken = clients_taken(&all, today);
        assert!(taken.contains(&id("C-7Q2K9M")) && taken.contains(&id("C-8Q2K9M")));
        assert!(!taken.contains(&id("C-9Q2K9M")));
    }

    #[test]
    fn fewer_places_than_assignments_is_over_capacity_with_none_free() {
        let mut v: Volunteer = toml::from_str(
            "schema = 1\nid = \"V-7Q2K9M\"\nname = \"Helena Lund\"\npnr = \"198001022386\"\napplied = 2026-01-10\n",
        )
        .unwrap();
        v.capacity = 1;
        assert!(over_capacity(&v, 2));
        assert_eq!(free_places(&v, 2), 0);
        v.capacity = 3;
        assert!(!over_capacity(&v, 2));
        assert_eq!(free_places(&v, 2), 1);
    }
}
