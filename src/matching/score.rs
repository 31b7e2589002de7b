//! Whether a volunteer may be matched with a client (hard rules) and how well they fit (a score
//! made of named components, so every suggestion can say why).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::common::{AgeRange, Availability, ChildAges, GenderWish, Insats};
use crate::model::config::{Config, MatchingRules};
use crate::model::pnr::Sex;
use crate::model::{Assignment, Client, Id, Volunteer};
use crate::rules::status::{self, VolunteerStatus};
use crate::rules::{capacity, ending, household, insats_fit, pause, screening};

/// A hard rule that keeps a volunteer from a client, whatever the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    NotApproved,
    PoliceExtractTooOld,
    NoFreeCapacity,
    /// On a break (`rules::pause`).
    Paused,
    /// Has said she is leaving.
    Leaving,
    GenderWish,
    NoSharedLanguage,
    /// The volunteer does not offer the insats the client is granted (a kontaktfamilj, or a
    /// kontaktperson): `rules::insats_fit`.
    InsatsNotOffered,
    /// The family does not take children of the client's age.
    AgeNotTaken,
    /// Another adult of the family's household is not cleared (`rules::household`).
    HouseholdNotCleared,
    DeclinedBefore,
}

impl Exclusion {
    pub fn as_str(self) -> &'static str {
        match self {
            Exclusion::NotApproved => "not_approved",
            Exclusion::PoliceExtractTooOld => "police_extract_too_old",
            Exclusion::NoFreeCapacity => "no_free_capacity",
            Exclusion::Paused => "paused",
            Exclusion::Leaving => "leaving",
            Exclusion::GenderWish => "gender_wish",
            Exclusion::NoSharedLanguage => "no_shared_language",
            Exclusion::InsatsNotOffered => "insats_not_offered",
            Exclusion::AgeNotTaken => "age_not_taken",
            Exclusion::HouseholdNotCleared => "household_not_cleared",
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
            Exclusion::Paused => l.pick(
                "the volunteer is on a break",
                "kontaktpersonen har uppehåll",
            ),
            Exclusion::Leaving => l.pick("the volunteer is leaving", "kontaktpersonen slutar"),
            Exclusion::GenderWish => {
                l.pick("the client's gender wish", "klientens önskemål om kön")
            }
            Exclusion::NoSharedLanguage => l.pick("no shared language", "inget gemensamt språk"),
            Exclusion::InsatsNotOffered => l.pick(
                "the volunteer does not offer the insats granted",
                "kontaktpersonen erbjuder inte den beviljade insatsen",
            ),
            Exclusion::AgeNotTaken => l.pick(
                "the family does not take children of the client's age",
                "familjen tar inte emot barn i klientens ålder",
            ),
            Exclusion::HouseholdNotCleared => l.pick(
                "another adult of the household is not cleared in the registers",
                "en annan vuxen i hushållet är inte kontrollerad i registren",
            ),
            Exclusion::DeclinedBefore => l.pick(
                "this pair was declined, or their assignment broken off, before",
                "paret har avböjts, eller deras uppdrag avbrutits, tidigare",
            ),
        }
    }
}

/// The named soft components, in the order they are shown.
pub const COMPONENTS: [&str; 6] = [
    "interests",
    "area",
    "availability",
    "age",
    "waiting",
    "interrupted",
];

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
    /// Clients waiting again after an interruption (avbrott), and since when
    /// (`rules::ending::interrupted_since`).
    pub interrupted: HashMap<Id, NaiveDate>,
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
        let load = capacity::places_taken(assignments, today);
        let placed = capacity::clients_taken(assignments, today);
        let mut declined = HashSet::new();
        let mut ended: HashMap<Id, Vec<&Assignment>> = HashMap::new();
        for a in assignments {
            // A pair declined, or whose assignment was broken off (`rules::ending`), is not
            // matched again without a reason.
            let parted = a
                .ended
                .as_ref()
                .is_some_and(|e| ending::parts_the_pair(e.reason));
            if a.declined.is_some() || parted {
                declined.insert((a.client, a.volunteer));
            }
            if !a.is_open(today) && a.ended.is_some() {
                ended.entry(a.client).or_default().push(a);
            }
        }
        let interrupted = clients
            .iter()
            .filter(|c| !placed.contains(&c.id))
            .filter_map(|c| {
                let hers = ended.get(&c.id)?;
                Some((c.id, ending::interrupted_since(c, hers, today)?))
            })
            .collect();
        Pool {
            config,
            today,
            clients,
            volunteers,
            load,
            placed,
            declined,
            interrupted,
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
        capacity::free_places(v, self.load.get(&v.id).copied().unwrap_or(0))
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
        let mut out = self.volunteer_exclusions(v);
        if forbidden_sex(c.wants_gender) == Some(v.pnr.sex()) {
            out.push(Exclusion::GenderWish);
        }
        if !c.languages.iter().any(|l| v.languages.contains(l)) {
            out.push(Exclusion::NoSharedLanguage);
        }
        let wanted = c.insats_on(self.today);
        if !insats_fit::offers(v, wanted) {
            out.push(Exclusion::InsatsNotOffered);
        }
        if !insats_fit::takes_age(v, wanted, c.pnr.age_on(self.today)) {
            out.push(Exclusion::AgeNotTaken);
        }
        // A family's other adults matter when it takes a child home, not when one of them
        // meets a client as a kontaktperson.
        if wanted == Insats::Kontaktfamilj
            && !household::adults_cleared_on(v, self.today, &self.config.volunteers)
        {
            out.push(Exclusion::HouseholdNotCleared);
        }
        if self.declined.contains(&(c.id, v.id)) {
            out.push(Exclusion::DeclinedBefore);
        }
        out
    }

    /// The hard rules that depend on the volunteer alone (approval, the police extract, a free
    /// place, a break, leaving), in [`Exclusion`]'s order.
    pub fn volunteer_exclusions(&self, v: &Volunteer) -> Vec<Exclusion> {
        let mut out = Vec::new();
        if status::volunteer_status(v) != VolunteerStatus::Approved {
            out.push(Exclusion::NotApproved);
        }
        let extract_ok = v.screening.police_extract.is_some_and(|d| {
            screening::extract_valid_on(d.get(), self.today, &self.config.volunteers)
        });
        if !extract_ok {
            out.push(Exclusion::PoliceExtractTooOld);
        }
        if self.free_places(v) == 0 {
            out.push(Exclusion::NoFreeCapacity);
        }
        if pause::paused_on(v, self.today).is_some() {
            out.push(Exclusion::Paused);
        }
        if pause::leaving(v).is_some() {
            out.push(Exclusion::Leaving);
        }
        out
    }

    pub fn score(&self, c: &Client, v: &Volunteer) -> Score {
        score(
            c,
            v,
            self.interrupted.get(&c.id).copied(),
            &self.config.matching,
            self.today,
        )
    }
}

/// An insats as one bit of [`Prepared`]'s masks.
fn insats_bit(i: Insats) -> u8 {
    1 << (i as u8)
}

/// The volunteer's sex a client's gender wish rules out, if any.
fn forbidden_sex(wish: GenderWish) -> Option<Sex> {
    match wish {
        GenderWish::Female => Some(Sex::Male),
        GenderWish::Male => Some(Sex::Female),
        GenderWish::Any => None,
    }
}

/// The age component: full points within the wished range, one less for each year outside.
fn age_points(wish: Option<AgeRange>, age: u32, w: &MatchingRules) -> i64 {
    match wish {
        Some(range) => {
            let off = if age < range.min {
                range.min - age
            } else {
                age.saturating_sub(range.max)
            };
            (w.age - off as i64).max(0)
        }
        None => 0,
    }
}

/// The waiting components: whole months since the last grant (or the application), or since
/// the interruption when her kontaktperson stopped while the decision runs on, capped; and the
/// interruption's priority.
fn waiting_points(
    c: &Client,
    interrupted: Option<NaiveDate>,
    w: &MatchingRules,
    today: NaiveDate,
) -> (i64, i64) {
    let waited_since = interrupted.unwrap_or_else(|| {
        c.decisions
            .iter()
            .rev()
            .find(|d| d.outcome() == crate::model::Outcome::Granted)
            .map_or(c.applied.get(), |d| d.decided)
    });
    let months = crate::model::month::whole_months_between(waited_since, today);
    (
        months.min(w.max_waiting_months) as i64 * w.waiting_per_month,
        if interrupted.is_some() {
            w.interrupted
        } else {
            0
        },
    )
}

/// An interest as it is compared: trimmed, in lower case.
fn interest_key(i: &str) -> String {
    i.trim().to_lowercase()
}

/// The soft score of a pair (hard rules aside), `interrupted`: since when the client waits
/// again after an interruption, if she does. Every component is at least 0.
pub fn score(
    c: &Client,
    v: &Volunteer,
    interrupted: Option<NaiveDate>,
    w: &MatchingRules,
    today: NaiveDate,
) -> Score {
    // Interests compare without case or surrounding spaces (`Fiske` is `fiske`), as
    // `Prepared` interns them.
    let shared = c
        .interests
        .iter()
        .filter(|i| {
            v.interests
                .iter()
                .any(|x| interest_key(x) == interest_key(i))
        })
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
    let age = age_points(c.wants_age, v.pnr.age_on(today), w);
    let (waiting, priority) = waiting_points(c, interrupted, w, today);
    let components = vec![
        ("interests", interests),
        ("area", area),
        ("availability", availability),
        ("age", age),
        ("waiting", waiting),
        ("interrupted", priority),
    ];
    Score {
        total: components.iter().map(|(_, n)| n).sum(),
        components,
    }
}

/// The highest score any pair can reach with these weights: what `auto` must outweigh so that
/// one more matched client always counts for more than any difference in score. The weights
/// and counts are bounded as the configuration is read (`rules::configuration::MAX_POINTS`,
/// `MAX_COUNTED`), so neither this nor any pair's score can overflow.
pub fn max_score(w: &MatchingRules) -> i64 {
    w.interest.max(0) * w.max_interests as i64
        + w.same_area.max(0)
        + w.availability.max(0) * 3
        + w.age.max(0)
        + w.waiting_per_month.max(0) * w.max_waiting_months as i64
        + w.interrupted.max(0)
}

/// Small sets as rows of bits, `words` u64 a layer: row `i` is `data[start[i]..start[i + 1]]`,
/// one layer or more. A value that a list holds `n` times is in the first `n` layers, so the
/// size of the shared part, counted over all layers, counts a client's repeated value as often
/// as the list-based [`score`] does.
struct Bits {
    words: usize,
    data: Vec<u64>,
    start: Vec<usize>,
}

impl Bits {
    fn new(values: usize) -> Bits {
        Bits {
            words: values.div_ceil(64).max(1),
            data: Vec::new(),
            start: vec![0],
        }
    }

    /// The next row, from value indices (`None`: a value nobody on the other side has). With
    /// `layered`, repeats go to further layers; without, a row is exactly one layer.
    fn push(&mut self, values: impl IntoIterator<Item = Option<usize>>, layered: bool) {
        let at = self.data.len();
        if !layered {
            self.data.resize(at + self.words, 0);
        }
        for i in values.into_iter().flatten() {
            let (w, bit) = (i / 64, 1u64 << (i % 64));
            let mut layer = 0;
            loop {
                let end = at + (layer + 1) * self.words;
                if self.data.len() < end {
                    self.data.resize(end, 0);
                }
                let word = &mut self.data[at + layer * self.words + w];
                if *word & bit == 0 || !layered {
                    *word |= bit;
                    break;
                }
                layer += 1;
            }
        }
        self.start.push(self.data.len());
    }

    fn row(&self, i: usize) -> &[u64] {
        &self.data[self.start[i]..self.start[i + 1]]
    }

    /// Row `i` where every row is one layer (pushed without `layered`).
    #[inline]
    fn one(&self, i: usize) -> &[u64] {
        &self.data[i * self.words..(i + 1) * self.words]
    }
}

/// How many values of the (layered) row `c` are in the one-layer row `v`.
#[inline]
fn shared(c: &[u64], v: &[u64]) -> u32 {
    if let [v] = v {
        return c.iter().map(|c| (c & v).count_ones()).sum();
    }
    c.chunks_exact(v.len())
        .map(|l| {
            l.iter()
                .zip(v)
                .map(|(a, b)| (a & b).count_ones())
                .sum::<u32>()
        })
        .sum()
}

#[inline]
fn meets(c: &[u64], v: &[u64]) -> bool {
    c.iter().zip(v).any(|(a, b)| a & b != 0)
}

/// Value indices for the values one side (the clients) has; the other side's values are looked
/// up, and those nobody on the first side has are left out (they can never be shared).
struct Interner<K>(HashMap<K, usize>);

impl<K: std::hash::Hash + Eq> Interner<K> {
    fn new() -> Self {
        Interner(HashMap::new())
    }
    fn add(&mut self, k: K) -> usize {
        let n = self.0.len();
        *self.0.entry(k).or_insert(n)
    }
    fn get(&self, k: &K) -> Option<usize> {
        self.0.get(k).copied()
    }
}

const NO_CLIENT_AREA: u32 = u32::MAX;
const NO_VOLUNTEER_AREA: u32 = u32::MAX - 1;
/// Bits of [`Prepared`]'s volunteer-only rules, in [`Exclusion`]'s order.
const PERSONAL: [Exclusion; 5] = [
    Exclusion::NotApproved,
    Exclusion::PoliceExtractTooOld,
    Exclusion::NoFreeCapacity,
    Exclusion::Paused,
    Exclusion::Leaving,
];

/// A [`Pool`] turned into numbers once, so that the hard rules and the score of a pair
/// (`pool.clients[ci]`, `pool.volunteers[vi]`) are a few loads and bit operations with nothing
/// allocated: what `match auto` asks for every one of some 10^8 pairs. [`Pool::exclusions`] and
/// [`Pool::score`] stay the reference (and what explains a suggestion); `pair_total` gives
/// exactly their answer, which the tests check on random pools.
pub struct Prepared<'p> {
    pool: &'p Pool<'p>,
    /// Per volunteer: bit `b` set when `PERSONAL[b]` keeps them from every client.
    personal: Vec<u8>,
    sex: Vec<Sex>,
    age: Vec<u32>,
    v_area: Vec<u32>,
    v_interests: Bits,
    v_languages: Bits,
    v_times: Bits,
    /// Per volunteer: bit `Insats as u8` set for each insats she offers.
    v_offers: Vec<u8>,
    v_takes: Vec<Option<ChildAges>>,
    /// Per volunteer: `rules::household::adults_cleared_on` today.
    v_household_ok: Vec<bool>,
    forbid: Vec<Option<Sex>>,
    /// Per client: the bit of the insats she is granted, and her age (a family's age band).
    c_insats: Vec<u8>,
    c_age: Vec<u32>,
    c_area: Vec<u32>,
    wants_age: Vec<Option<AgeRange>>,
    waiting: Vec<i64>,
    c_interests: Bits,
    c_languages: Bits,
    c_times: Bits,
    /// Per client, the volunteers (indices, ascending) declined with them before.
    declined: Vec<Vec<u32>>,
}

impl<'p> Prepared<'p> {
    pub fn new(pool: &'p Pool<'p>) -> Prepared<'p> {
        let w = &pool.config.matching;
        let mut interests = Interner::new();
        let mut languages = Interner::new();
        let mut times: Interner<Availability> = Interner::new();
        // An area is compared trimmed and ASCII-case-insensitively, as `score` does.
        let area_key = |a: &str| a.trim().to_ascii_lowercase();
        let mut areas = Interner::new();
        for c in &pool.clients {
            for i in &c.interests {
                interests.add(interest_key(i));
            }
            for l in &c.languages {
                languages.add(l.as_str());
            }
            for t in &c.availability {
                times.add(*t);
            }
            if let Some(a) = &c.area {
                areas.add(area_key(a));
            }
        }
        let mut c_interests = Bits::new(interests.0.len());
        let mut c_languages = Bits::new(languages.0.len());
        let mut c_times = Bits::new(times.0.len());
        for c in &pool.clients {
            c_interests.push(
                c.interests.iter().map(|i| interests.get(&interest_key(i))),
                true,
            );
            c_languages.push(
                c.languages.iter().map(|l| languages.get(&l.as_str())),
                false,
            );
            c_times.push(c.availability.iter().map(|t| times.get(t)), true);
        }
        let mut v_interests = Bits::new(interests.0.len());
        let mut v_languages = Bits::new(languages.0.len());
        let mut v_times = Bits::new(times.0.len());
        for v in &pool.volunteers {
            v_interests.push(
                v.interests.iter().map(|i| interests.get(&interest_key(i))),
                false,
            );
            v_languages.push(
                v.languages.iter().map(|l| languages.get(&l.as_str())),
                false,
            );
            v_times.push(v.availability.iter().map(|t| times.get(t)), false);
        }
        let personal = pool
            .volunteers
            .iter()
            .map(|v| {
                let ex = pool.volunteer_exclusions(v);
                PERSONAL
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| ex.contains(e))
                    .fold(0u8, |m, (b, _)| m | 1 << b)
            })
            .collect();
        let v_index: HashMap<&Id, u32> = pool
            .volunteers
            .iter()
            .enumerate()
            .map(|(i, v)| (&v.id, i as u32))
            .collect();
        let c_index: HashMap<&Id, usize> = pool
            .clients
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.id, i))
            .collect();
        let mut declined = vec![Vec::new(); pool.clients.len()];
        for (c, v) in &pool.declined {
            if let (Some(&ci), Some(&vi)) = (c_index.get(c), v_index.get(v)) {
                declined[ci].push(vi);
            }
        }
        for d in &mut declined {
            d.sort_unstable();
            d.dedup();
        }
        Prepared {
            pool,
            personal,
            sex: pool.volunteers.iter().map(|v| v.pnr.sex()).collect(),
            age: pool
                .volunteers
                .iter()
                .map(|v| v.pnr.age_on(pool.today))
                .collect(),
            v_area: pool
                .volunteers
                .iter()
                .map(|v| {
                    v.area
                        .as_deref()
                        .and_then(|a| areas.get(&area_key(a)))
                        .map_or(NO_VOLUNTEER_AREA, |i| i as u32)
                })
                .collect(),
            v_interests,
            v_languages,
            v_times,
            v_offers: pool
                .volunteers
                .iter()
                .map(|v| v.offers.iter().fold(0u8, |m, i| m | insats_bit(*i)))
                .collect(),
            v_takes: pool
                .volunteers
                .iter()
                .map(|v| v.household.as_ref().and_then(|h| h.takes_ages))
                .collect(),
            v_household_ok: pool
                .volunteers
                .iter()
                .map(|v| household::adults_cleared_on(v, pool.today, &pool.config.volunteers))
                .collect(),
            c_insats: pool
                .clients
                .iter()
                .map(|c| insats_bit(c.insats_on(pool.today)))
                .collect(),
            c_age: pool
                .clients
                .iter()
                .map(|c| c.pnr.age_on(pool.today))
                .collect(),
            forbid: pool
                .clients
                .iter()
                .map(|c| forbidden_sex(c.wants_gender))
                .collect(),
            c_area: pool
                .clients
                .iter()
                .map(|c| {
                    c.area
                        .as_deref()
                        .and_then(|a| areas.get(&area_key(a)))
                        .map_or(NO_CLIENT_AREA, |i| i as u32)
                })
                .collect(),
            wants_age: pool.clients.iter().map(|c| c.wants_age).collect(),
            waiting: pool
                .clients
                .iter()
                .map(|c| {
                    let (months, priority) =
                        waiting_points(c, pool.interrupted.get(&c.id).copied(), w, pool.today);
                    months + priority
                })
                .collect(),
            c_interests,
            c_languages,
            c_times,
            declined,
        }
    }

    pub fn pool(&self) -> &'p Pool<'p> {
        self.pool
    }

    /// Whether the volunteer-only rules (approval, police extract, a free place) let `vi` take
    /// anyone at all.
    pub fn available(&self, vi: usize) -> bool {
        self.personal[vi] == 0
    }

    /// `Pool::score(c, v).total` where `Pool::exclusions(c, v)` is empty, else `None`; for
    /// `pool.clients[ci]` and `pool.volunteers[vi]`. Allocates nothing.
    #[inline]
    pub fn pair_total(&self, ci: usize, vi: usize) -> Option<i64> {
        self.client(ci).total(vi)
    }

    /// What [`Prepared::pair_total`] reads of client `ci`, looked up once for all volunteers.
    pub fn client(&self, ci: usize) -> PreparedClient<'_> {
        PreparedClient {
            p: self,
            forbid: self.forbid[ci],
            insats: self.c_insats[ci],
            age: self.c_age[ci],
            languages: self.c_languages.one(ci),
            interests: self.c_interests.row(ci),
            times: self.c_times.row(ci),
            area: self.c_area[ci],
            wants_age: self.wants_age[ci],
            waiting: self.waiting[ci],
            declined: &self.declined[ci],
        }
    }
    /// How many volunteers each hard rule keeps from client `ci` (a volunteer counts under every
    /// rule it fails): `auto::suggest`'s `excluded`, without scoring anyone.
    pub fn exclusion_counts(&self, ci: usize) -> std::collections::BTreeMap<Exclusion, usize> {
        const P: usize = PERSONAL.len();
        let mut n = [0usize; P + 6];
        let declined = &self.declined[ci];
        let client = self.client(ci);
        for vi in 0..self.personal.len() {
            for (b, count) in n.iter_mut().take(P).enumerate() {
                *count += usize::from(self.personal[vi] & 1 << b != 0);
            }
            n[P] += usize::from(self.forbid[ci] == Some(self.sex[vi]));
            n[P + 1] += usize::from(!meets(self.c_languages.row(ci), self.v_languages.row(vi)));
            n[P + 2] += usize::from(!client.offered(vi));
            n[P + 3] += usize::from(!client.age_taken(vi));
            n[P + 4] += usize::from(!client.household_cleared(vi));
            n[P + 5] += usize::from(declined.binary_search(&(vi as u32)).is_ok());
        }
        let mut rules = PERSONAL.to_vec();
        rules.extend([
            Exclusion::GenderWish,
            Exclusion::NoSharedLanguage,
            Exclusion::InsatsNotOffered,
            Exclusion::AgeNotTaken,
            Exclusion::HouseholdNotCleared,
            Exclusion::DeclinedBefore,
        ]);
        rules.into_iter().zip(n).filter(|(_, n)| *n > 0).collect()
    }
}

/// One client of a [`Prepared`] pool, for scoring against every volunteer.
pub struct PreparedClient<'a> {
    p: &'a Prepared<'a>,
    forbid: Option<Sex>,
    insats: u8,
    age: u32,
    languages: &'a [u64],
    interests: &'a [u64],
    times: &'a [u64],
    area: u32,
    wants_age: Option<AgeRange>,
    waiting: i64,
    declined: &'a [u32],
}

impl PreparedClient<'_> {
    /// `rules::insats_fit::offers`, on the prepared bits.
    #[inline]
    fn offered(&self, vi: usize) -> bool {
        self.p.v_offers[vi] & self.insats != 0
    }

    /// `rules::household::adults_cleared_on`, where the client is to go to a family.
    #[inline]
    fn household_cleared(&self, vi: usize) -> bool {
        self.insats != insats_bit(Insats::Kontaktfamilj) || self.p.v_household_ok[vi]
    }

    /// `rules::insats_fit::takes_age`, on the prepared numbers.
    #[inline]
    fn age_taken(&self, vi: usize) -> bool {
        self.insats != insats_bit(Insats::Kontaktfamilj)
            || self.p.v_takes[vi].is_none_or(|a| a.contains(self.age))
    }

    /// [`Prepared::pair_total`] of this client and `pool.volunteers[vi]`.
    #[inline]
    pub fn total(&self, vi: usize) -> Option<i64> {
        let p = self.p;
        if p.personal[vi] != 0
            || self.forbid == Some(p.sex[vi])
            || !meets(self.languages, p.v_languages.one(vi))
            || !self.offered(vi)
            || !self.age_taken(vi)
            || !self.household_cleared(vi)
            || (!self.declined.is_empty() && self.declined.binary_search(&(vi as u32)).is_ok())
        {
            return None;
        }
        let w = &p.pool.config.matching;
        let common = shared(self.interests, p.v_interests.one(vi)) as i64;
        let interests = common.min(w.max_interests as i64) * w.interest;
        let area = if self.area == p.v_area[vi] {
            w.same_area
        } else {
            0
        };
        let times = shared(self.times, p.v_times.one(vi)) as i64;
        let availability = times * w.availability;
        let age = age_points(self.wants_age, p.age[vi], w);
        Some(interests + area + availability + age + self.waiting)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::client::Decision;
    use crate::model::common::Basis;
    use crate::model::{Kind, Pnr, SCHEMA, Screening};
    use proptest::prelude::*;
    use rand::rngs::StdRng;
    use rand::{RngExt, SeedableRng};

    /// Skatteverket's test personnummer (../shared/reference/personnummer): both sexes, born
    /// 1940 to 2006.
    const PNRS: [&str; 18] = [
        "194001042383",
        "194001279050",
        "195501142284",
        "195501212137",
        "196201122808",
        "196201082697",
        "197501149285",
        "197501079292",
        "198301012384",
        "198301012392",
        "199001012385",
        "199001032391",
        "199801016685",
        "199801018731",
        "200301012381",
        "200301012399",
        "200601012388",
        "200601012396",
    ];

    pub(crate) fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    /// Random weights (sometimes the defaults), small enough to add up safely.
    pub(crate) fn config(seed: u64) -> Config {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut config = Config::new("Provstad");
        if rng.random_bool(0.5) {
            config.matching = MatchingRules {
                interest: rng.random_range(0..=12),
                max_interests: rng.random_range(0..=4),
                same_area: rng.random_range(0..=25),
                availability: rng.random_range(0..=6),
                age: rng.random_range(0..=20),
                waiting_per_month: rng.random_range(0..=3),
                max_waiting_months: rng.random_range(0..=30),
                interrupted: rng.random_range(0..=40),
            };
        }
        config
    }

    /// A pool of up to `clients` clients and `volunteers` volunteers with everything the rules
    /// read drawn at random: repeated and differently cased interests, languages and areas
    /// (sometimes over 64 distinct interests, so the bit rows take several words), gender and
    /// age wishes, approval, police extracts old and new, places taken, declined pairs.
    pub(crate) fn pool(config: &Config, seed: u64, clients: usize, volunteers: usize) -> Pool<'_> {
        let mut rng = StdRng::seed_from_u64(seed);
        let today = today();
        let many = rng.random_bool(0.2);
        let interest = |rng: &mut StdRng| -> String {
            const SOME: [&str; 6] = ["fotboll", "Fotboll", "schack", "musik", " musik", "läsa"];
            if many && rng.random_bool(0.6) {
                format!("i{}", rng.random_range(0..150))
            } else {
                SOME[rng.random_range(0..SOME.len())].to_string()
            }
        };
        let pick = |rng: &mut StdRng, from: &[&str], most: usize| -> Vec<String> {
            (0..rng.random_range(0..=most))
                .map(|_| from[rng.random_range(0..from.len())].to_string())
                .collect()
        };
        const LANGS: [&str; 4] = ["sv", "ar", "en", "SV"];
        const AREAS: [&str; 7] = ["Norr", "norr ", " NORR", "Söder", "söder", "SÖDER", "Öster"];
        const TIMES: [Availability; 3] = [
            Availability::WeekdayDay,
            Availability::WeekdayEvening,
            Availability::Weekend,
        ];
        let area = |rng: &mut StdRng| {
            rng.random_bool(0.8)
                .then(|| AREAS[rng.random_range(0..AREAS.len())].to_string())
        };
        let times = |rng: &mut StdRng| {
            (0..rng.random_range(0..=4))
                .map(|_| TIMES[rng.random_range(0..3)])
                .collect()
        };
        let pnr = |rng: &mut StdRng| Pnr::from_canonical(PNRS[rng.random_range(0..PNRS.len())]);
        let day =
            |rng: &mut StdRng, back: i64| today - chrono::Duration::days(rng.random_range(0..back));
        let mut ids = HashSet::new();
        let mut id = |rng: &mut StdRng, kind| loop {
            let id = Id::from_rng(kind, rng);
            if ids.insert(id) {
                break id;
            }
        };
        let cs: Vec<Client> = (0..rng.random_range(0..=clients))
            .map(|i| {
                let applied = day(&mut rng, 900);
                let granted = rng.random_bool(0.8);
                Client {
                    schema: SCHEMA,
                    id: id(&mut rng, Kind::Client),
                    name: format!("Klient {i}"),
                    pnr: pnr(&mut rng).unwrap(),
                    applied: applied.into(),
                    basis: Basis::Sol,
                    area: area(&mut rng),
                    interests: (0..rng.random_range(0..=5))
                        .map(|_| interest(&mut rng))
                        .collect(),
                    languages: pick(&mut rng, &LANGS, 2),
                    wants_gender: [GenderWish::Any, GenderWish::Female, GenderWish::Male]
                        [rng.random_range(0..3)],
                    wants_age: rng.random_bool(0.5).then(|| {
                        let min = rng.random_range(18..=99);
                        AgeRange {
                            min,
                            max: rng.random_range(min..=99),
                        }
                    }),
                    availability: times(&mut rng),
                    note: None,
                    applied_insats: if rng.random_bool(0.25) {
                        Insats::Kontaktfamilj
                    } else {
                        Insats::Kontaktperson
                    },
                    applied_meetings: None,
                    handler: None,
                    guardians: Vec::new(),
                    ivo_code: None,
                    decisions: vec![Decision {
                        decided_by: None,
                        // Sometimes a decision grants another insats than applied for.
                        insats: rng.random_bool(0.1).then(|| {
                            [Insats::Kontaktperson, Insats::Kontaktfamilj][rng.random_range(0..2)]
                        }),
                        notified: None,
                        appeal: None,
                        decided: applied,
                        ruling: if granted {
                            crate::model::client::Ruling::Granted {
                                from: applied,
                                to: today + chrono::Duration::days(200),
                            }
                        } else {
                            crate::model::client::Ruling::Denied
                        },
                        basis: None,
                        meetings: None,
                        guardian_consent: None,
                        reason: (!granted).then(|| "nej".to_string()),
                        followed_up: vec![],
                        follow_ups: Vec::new(),
                        delay_reasons: vec![],
                        closed: None,
                    }],
                    history: vec![],
                }
            })
            .collect();
        let vs: Vec<Volunteer> = (0..rng.random_range(0..=volunteers))
            .map(|i| Volunteer {
                schema: SCHEMA,
                id: id(&mut rng, Kind::Volunteer),
                name: format!("Volontär {i}"),
                pnr: pnr(&mut rng).unwrap(),
                applied: (today - chrono::Duration::days(1000)).into(),
                email: None,
                phone: None,
                area: area(&mut rng),
                interests: (0..rng.random_range(0..=5))
                    .map(|_| interest(&mut rng))
                    .collect(),
                languages: pick(&mut rng, &LANGS, 3),
                availability: times(&mut rng),
                capacity: rng.random_range(1..=3),
                employee_number: None,
                screening: Screening {
                    interview: Some((today - chrono::Duration::days(900)).into()),
                    police_extract: (rng.random_bool(0.9).then(|| day(&mut rng, 700)))
                        .map(Into::into),
                    approved: (rng
                        .random_bool(0.85)
                        .then(|| today - chrono::Duration::days(800)))
                    .map(Into::into),
                    ..Default::default()
                },
                // Breaks before, around and after today, and some leaving.
                pauses: (0..rng.random_range(0..=1))
                    .map(|_| crate::model::volunteer::Pause {
                        from: (today + chrono::Duration::days(rng.random_range(-40..5))).into(),
                        until: (rng
                            .random_bool(0.7)
                            .then(|| today + chrono::Duration::days(rng.random_range(-4..40))))
                        .map(Into::into),
                        reason: "leave".into(),
                    })
                    .collect(),
                leaving: rng
                    .random_bool(0.05)
                    .then(|| crate::model::volunteer::Leaving {
                        date: today.into(),
                        reason: "moves".into(),
                    }),
                support: vec![],
                history: vec![],
                // Mostly kontaktpersoner; some families, with age bands and other adults
                // whose police extracts are old or new.
                offers: match rng.random_range(0..10) {
                    0..7 => vec![Insats::Kontaktperson],
                    7..9 => vec![Insats::Kontaktfamilj],
                    _ => vec![Insats::Kontaktperson, Insats::Kontaktfamilj],
                },
                household: rng
                    .random_bool(0.4)
                    .then(|| crate::model::volunteer::Household {
                        home_visit: None,
                        takes_ages: rng.random_bool(0.6).then(|| {
                            let min = rng.random_range(0..=20);
                            ChildAges {
                                min,
                                max: rng.random_range(min..=25),
                            }
                        }),
                        adults: (0..rng.random_range(0..=2))
                            .map(|k| crate::model::volunteer::Adult {
                                name: format!("Vuxen {k}"),
                                police_extract: (rng.random_bool(0.9).then(|| day(&mut rng, 500)))
                                    .map(Into::into),
                                ..Default::default()
                            })
                            .collect(),
                    }),
            })
            .collect();
        let mut pool = Pool::new(config, today, cs, vs, &[]);
        for v in &pool.volunteers {
            if rng.random_bool(0.3) {
                pool.load.insert(v.id, rng.random_range(0..=3));
            }
        }
        for c in &pool.clients {
            for v in &pool.volunteers {
                if rng.random_bool(0.05) {
                    pool.declined.insert((c.id, v.id));
                }
            }
            if rng.random_bool(0.2) {
                let since = today - chrono::Duration::days(rng.random_range(1..400));
                pool.interrupted.insert(c.id, since);
            }
        }
        // A declined pair of someone no longer on file changes nothing.
        pool.declined.insert((
            Id::from_rng(Kind::Client, &mut rng),
            Id::from_rng(Kind::Volunteer, &mut rng),
        ));
        pool
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn pair_total_is_the_rules_and_the_score(seed in any::<u64>(), weights in any::<u64>()) {
            let config = config(weights);
            let pool = pool(&config, seed, 12, 16);
            let prepared = Prepared::new(&pool);
            for (ci, c) in pool.clients.iter().enumerate() {
                for (vi, v) in pool.volunteers.iter().enumerate() {
                    let want = pool.exclusions(c, v).is_empty().then(|| pool.score(c, v).total);
                    prop_assert_eq!(prepared.pair_total(ci, vi), want, "{:?} {:?}", c, v);
                    prop_assert_eq!(
                        prepared.available(vi),
                        pool.volunteer_exclusions(v).is_empty()
                    );
                }
                let excluded = crate::matching::auto::suggest(&pool, c, 0).excluded;
                prop_assert_eq!(prepared.exclusion_counts(ci), excluded);
            }
        }
    }

    #[test]
    fn repeated_values_count_as_the_lists_do() {
        let mut b = Bits::new(70);
        b.push([Some(3), Some(3), Some(69), None, Some(3)], true);
        b.push([Some(3), Some(69), Some(3)], false);
        assert_eq!(b.row(0).len(), 6, "three layers of two words");
        assert_eq!(shared(b.row(0), b.row(1)), 4);
        assert!(meets(b.row(0), b.row(1)));
        let mut one = Bits::new(3);
        one.push([], true);
        one.push([Some(1)], false);
        assert_eq!(shared(one.row(0), one.row(1)), 0);
    }
}
