//! Whether a volunteer may be matched with a client (hard rules) and how well they fit (a score
//! made of named components, so every suggestion can say why).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::common::GenderWish;
use crate::model::config::{Config, MatchingRules};
use crate::model::pnr::Sex;
use crate::model::{Assignment, Client, Id, Volunteer};
use crate::rules::screening;
use crate::rules::status::{self, VolunteerStatus};

/// A hard rule that keeps a volunteer from a client, whatever the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    NotApproved,
    PoliceExtractTooOld,
    NoFreeCapacity,
    GenderWish,
    NoSharedLanguage,
    DeclinedBefore,
}

impl Exclusion {
    pub fn as_str(self) -> &'static str {
        match self {
            Exclusion::NotApproved => "not_approved",
            Exclusion::PoliceExtractTooOld => "police_extract_too_old",
            Exclusion::NoFreeCapacity => "no_free_capacity",
            Exclusion::GenderWish => "gender_wish",
            Exclusion::NoSharedLanguage => "no_shared_language",
            Exclusion::DeclinedBefore => "declined_before",
        }
    }

    pub fn describe(self) -> &'static str {
        let l = crate::lang::current();
        match self {
            Exclusion::NotApproved => l.pick(
                "the volunteer is not approved",
                "kontaktpersonen är inte godkänd",
            ),
            Exclusion::PoliceExtractTooOld => l.pick(
                "the police-register extract is too old",
                "utdraget ur belastningsregistret är för gammalt",
            ),
            Exclusion::NoFreeCapacity => l.pick(
                "the volunteer has no free place",
                "kontaktpersonen har ingen ledig plats",
            ),
            Exclusion::GenderWish => {
                l.pick("the client's gender wish", "klientens önskemål om kön")
            }
            Exclusion::NoSharedLanguage => l.pick("no shared language", "inget gemensamt språk"),
            Exclusion::DeclinedBefore => l.pick(
                "this pair was declined before",
                "paret har avböjts tidigare",
            ),
        }
    }
}

/// The named soft components, in the order they are shown.
pub const COMPONENTS: [&str; 5] = ["interests", "area", "availability", "age", "waiting"];

/// A score and what it is made of; the components always sum to the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub total: i64,
    pub components: Vec<(&'static str, i64)>,
}

/// Everything matching reads, loaded once: who is waiting, who has room, who was declined.
pub struct Pool<'a> {
    pub config: &'a Config,
    pub today: NaiveDate,
    pub clients: Vec<Client>,
    pub volunteers: Vec<Volunteer>,
    /// Open assignments per volunteer (proposed, agreed or active).
    pub load: HashMap<Id, u32>,
    /// Clients with an open assignment.
    pub placed: HashSet<Id>,
    /// (client, volunteer) pairs declined before.
    pub declined: HashSet<(Id, Id)>,
}

impl<'a> Pool<'a> {
    pub fn new(
        config: &'a Config,
        today: NaiveDate,
        mut clients: Vec<Client>,
        mut volunteers: Vec<Volunteer>,
        assignments: &[Assignment],
    ) -> Pool<'a> {
        clients.sort_by_key(|a| a.id);
        volunteers.sort_by_key(|a| a.id);
        let mut load = HashMap::new();
        let mut placed = HashSet::new();
        let mut declined = HashSet::new();
        for a in assignments {
            if a.declined.is_some() {
                declined.insert((a.client, a.volunteer));
            }
            if a.is_open(today) {
                *load.entry(a.volunteer).or_insert(0) += 1;
                placed.insert(a.client);
            }
        }
        Pool {
            config,
            today,
            clients,
            volunteers,
            load,
            placed,
            declined,
        }
    }

    /// A client is waiting when she needs a volunteer (`rules::waiting::needs_volunteer`).
    pub fn is_waiting(&self, c: &Client) -> bool {
        crate::rules::waiting::needs_volunteer(c, self.placed.contains(&c.id), self.today)
    }

    pub fn waiting(&self) -> impl Iterator<Item = &Client> {
        self.clients.iter().filter(|c| self.is_waiting(c))
    }

    pub fn free_places(&self, v: &Volunteer) -> u32 {
        v.capacity
            .saturating_sub(self.load.get(&v.id).copied().unwrap_or(0))
    }

    pub fn client(&self, id: &Id) -> Option<&Client> {
        self.clients.iter().find(|c| &c.id == id)
    }

    pub fn volunteer(&self, id: &Id) -> Option<&Volunteer> {
        self.volunteers.iter().find(|v| &v.id == id)
    }

    /// Every hard rule that keeps `v` from `c`; empty when they may be matched. The police
    /// extract must be young enough today, the earliest day an agreement could start.
    pub fn exclusions(&self, c: &Client, v: &Volunteer) -> Vec<Exclusion> {
        let mut out = Vec::new();
        if status::volunteer_status(v) != VolunteerStatus::Approved {
            out.push(Exclusion::NotApproved);
        }
        let extract_ok = v
            .screening
            .police_extract
            .is_some_and(|d| screening::extract_valid_on(d, self.today, &self.config.volunteers));
        if !extract_ok {
            out.push(Exclusion::PoliceExtractTooOld);
        }
        if self.free_places(v) == 0 {
            out.push(Exclusion::NoFreeCapacity);
        }
        let sex = v.pnr.sex();
        if matches!(
            (c.wants_gender, sex),
            (GenderWish::Female, Sex::Male) | (GenderWish::Male, Sex::Female)
        ) {
            out.push(Exclusion::GenderWish);
        }
        if !c.languages.iter().any(|l| v.languages.contains(l)) {
            out.push(Exclusion::NoSharedLanguage);
        }
        if self.declined.contains(&(c.id, v.id)) {
            out.push(Exclusion::DeclinedBefore);
        }
        out
    }

    pub fn score(&self, c: &Client, v: &Volunteer) -> Score {
        score(c, v, &self.config.matching, self.today)
    }
}

/// The soft score of a pair (hard rules aside). Every component is at least 0.
pub fn score(c: &Client, v: &Volunteer, w: &MatchingRules, today: NaiveDate) -> Score {
    let shared = c
        .interests
        .iter()
        .filter(|i| v.interests.contains(i))
        .count() as i64;
    let interests = shared.min(w.max_interests as i64) * w.interest;
    let area = match (&c.area, &v.area) {
        (Some(a), Some(b)) if a.trim().eq_ignore_ascii_case(b.trim()) => w.same_area,
        _ => 0,
    };
    let times = c
        .availability
        .iter()
        .filter(|t| v.availability.contains(t))
        .count() as i64;
    let availability = times * w.availability;
    let age = match c.wants_age {
        Some(range) => {
            let a = v.pnr.age_on(today);
            let off = if a < range.min {
                range.min - a
            } else {
                a.saturating_sub(range.max)
            };
            (w.age - off as i64).max(0)
        }
        None => 0,
    };
    let waited_since = c
        .decisions
        .iter()
        .rev()
        .find(|d| d.outcome == crate::model::Outcome::Granted)
        .map_or(c.applied, |d| d.decided);
    let months = crate::model::month::whole_months_between(waited_since, today);
    let waiting = months.min(w.max_waiting_months) as i64 * w.waiting_per_month;
    let components = vec![
        ("interests", interests),
        ("area", area),
        ("availability", availability),
        ("age", age),
        ("waiting", waiting),
    ];
    Score {
        total: components.iter().map(|(_, n)| n).sum(),
        components,
    }
}

/// The highest score any pair can reach with these weights: what `auto` must outweigh so that
/// one more matched client always counts for more than any difference in score.
pub fn max_score(w: &MatchingRules) -> i64 {
    w.interest.max(0) * w.max_interests as i64
        + w.same_area.max(0)
        + w.availability.max(0) * 3
        + w.age.max(0)
        + w.waiting_per_month.max(0) * w.max_waiting_months as i64
}
