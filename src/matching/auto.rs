//! Suggestions for one client, and the best assignment for the whole waiting list at once.

use std::collections::BTreeMap;

use serde::Serialize;

use super::score::{Exclusion, Pool, Prepared, Score, max_score};
use super::solver::{Matrix, solve};
use super::sparse::Sparse;
use crate::model::{Client, Id};
use crate::{Error, Result};

/// A volunteer who may be matched with the client, with the score that explains the rank.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub volunteer: Id,
    pub score: Score,
    pub free_places: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Suggestions {
    pub candidates: Vec<Candidate>,
    /// How many volunteers each hard rule left out (a volunteer counts under every rule it fails).
    pub excluded: BTreeMap<Exclusion, usize>,
}

/// Every volunteer the hard rules allow for `c`, best first (ties by id, so the order is stable).
pub fn suggest(pool: &Pool, c: &Client, top: usize) -> Suggestions {
    let mut candidates = Vec::new();
    let mut excluded = BTreeMap::new();
    for v in &pool.volunteers {
        let ex = pool.exclusions(c, v);
        if ex.is_empty() {
            candidates.push(Candidate {
                volunteer: v.id,
                score: pool.score(c, v),
                free_places: pool.free_places(v),
            });
        }
        for e in ex {
            *excluded.entry(e).or_insert(0) += 1;
        }
    }
    candidates.sort_by(|a, b| {
        b.score
            .total
            .cmp(&a.score.total)
            .then(a.volunteer.cmp(&b.volunteer))
    });
    candidates.truncate(top);
    Suggestions {
        candidates,
        excluded,
    }
}

/// What `match auto` optimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Objective {
    /// As many clients matched as possible, then the highest total score.
    #[default]
    Participation,
    /// The highest total score alone (a matched client with a poor fit counts for little).
    Score,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub client: Id,
    pub volunteer: Id,
    pub score: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    pub client: Id,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub pairs: Vec<Pair>,
    pub unmatched: Vec<Unmatched>,
    pub total_score: i64,
}

/// The optimal plan for every waiting client.
pub fn auto(pool: &Pool, objective: Objective) -> Result<Plan> {
    plan(pool, objective, true)
}

/// The plan, from every allowed pair (`prune` false) or only from each client's best ones
/// ([`prune`]): the same optimum either way.
fn plan(pool: &Pool, objective: Objective, pruned: bool) -> Result<Plan> {
    use rayon::prelude::*;
    let prepared = Prepared::new(pool);
    let clients: Vec<usize> = (0..pool.clients.len())
        .filter(|&i| pool.is_waiting(&pool.clients[i]))
        .collect();
    // Only volunteers the volunteer-only rules (approval, the police extract, a free place)
    // leave free can take anyone: the others are no columns at all (a country has 60 000
    // volunteers, most of them busy).
    let vols: Vec<usize> = (0..pool.volunteers.len())
        .filter(|&v| prepared.available(v))
        .collect();
    let capacity: Vec<u32> = vols
        .iter()
        .map(|&v| pool.free_places(&pool.volunteers[v]))
        .collect();
    if u32::try_from(vols.len()).is_err() {
        return Err(Error::arg("match auto", "too many volunteers at once"));
    }
    // Only the pairs the hard rules allow, each client's in volunteer (id) order: memory grows
    // with the allowed pairs, not with clients times volunteers. Scored on every core a chunk
    // of clients at a time, so only one chunk's rows exist beside the compressed ones.
    let need = clients.len() as u64;
    let mut problem = Sparse::new(capacity, max_score(&pool.config.matching));
    for chunk in clients.chunks(256) {
        // Each thread fills one buffer again and again; a row keeps only what it needs.
        let rows: Vec<Vec<(u32, i64)>> = chunk
            .par_iter()
            .map_init(Vec::new, |row: &mut Vec<(u32, i64)>, &ci| {
                let c = prepared.client(ci);
                row.clear();
                row.extend(
                    vols.iter()
                        .enumerate()
                        .filter_map(|(k, &vi)| c.total(vi).map(|s| (k as u32, s))),
                );
                if pruned {
                    prune(row, &problem.capacity, need);
                }
                row.to_vec()
            })
            .collect();
        for row in rows {
            problem.push_row(row)?;
        }
    }
    let chosen = problem.solve(objective)?;
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for (i, k) in chosen.iter().enumerate() {
        let c = &pool.clients[clients[i]];
        match k {
            Some(k) => pairs.push(Pair {
                client: c.id,
                volunteer: pool.volunteers[vols[*k]].id,
                score: problem.score(i, *k).unwrap_or(0),
            }),
            None => unmatched.push(Unmatched {
                client: c.id,
                reason: why_unmatched(&prepared, clients[i], problem.has_candidate(i)),
            }),
        }
    }
    let total_score = pairs.iter().map(|p| p.score).sum();
    Ok(Plan {
        pairs,
        unmatched,
        total_score,
    })
}

/// Keeps only a client's best pairs: the highest-scoring ones (ties in volunteer order) until
/// their places add up to `need`, the number of clients. This keeps the optimum, for either
/// objective: in an optimal plan the other clients hold at most `need - 1` of those places, so
/// one is always free, and a client matched outside them can move there, scoring no less,
/// with the same number matched; each such move leaves the other clients where they are.
/// `row` stays in volunteer order.
pub fn prune(row: &mut Vec<(u32, i64)>, capacity: &[u32], need: u64) {
    let places = |k: u32| u64::from(capacity[k as usize]);
    if row.iter().map(|&(k, _)| places(k)).sum::<u64>() <= need {
        return;
    }
    // The least score `t` whose pairs scoring at least `t` hold `need` places: by a count per
    // score where the scores span little (the weights' few hundred points), else by sorting.
    let (lo, hi) = row.iter().fold((i64::MAX, i64::MIN), |(lo, hi), &(_, s)| {
        (lo.min(s), hi.max(s))
    });
    let t = match usize::try_from(hi.abs_diff(lo)) {
        Ok(span) if span < 1 << 16 => {
            let mut at = vec![0u64; span + 1];
            for &(k, s) in row.iter() {
                at[(hi - s) as usize] += places(k);
            }
            let mut sum = 0;
            let below = at
                .iter()
                .position(|&p| {
                    sum += p;
                    sum >= need
                })
                .unwrap_or(span);
            hi - below as i64
        }
        _ => {
            let mut by_score: Vec<(i64, u32)> = row.iter().map(|&(k, s)| (s, k)).collect();
            by_score.sort_unstable_by_key(|&(s, _)| std::cmp::Reverse(s));
            let mut sum = 0;
            by_score
                .iter()
                .find(|&&(_, k)| {
                    sum += places(k);
                    sum >= need
                })
                .map_or(lo, |&(s, _)| s)
        }
    };
    let mut budget = need.saturating_sub(
        row.iter()
            .filter(|&&(_, s)| s > t)
            .map(|&(k, _)| places(k))
            .sum(),
    );
    row.retain(|&(k, s)| {
        if s > t {
            true
        } else if s == t && budget > 0 {
            budget = budget.saturating_sub(places(k));
            true
        } else {
            false
        }
    });
}

/// The matching problem in numbers: clients (rows), volunteers with a capacity, and the score of
/// each allowed pair (`None`: a hard rule forbids it). Dense, clients x volunteers: `auto` uses
/// the sparse form ([`Sparse`]); this one and its solver on the expanded places stay as the
/// reference the sparse solver is tested against.
#[derive(Debug, Clone)]
pub struct Capacitated {
    pub clients: usize,
    pub capacity: Vec<u32>,
    /// clients x volunteers, row-major.
    pub scores: Vec<Option<i64>>,
    /// An upper bound of any one score.
    pub max_score: i64,
}

impl Capacitated {
    pub fn score(&self, client: usize, volunteer: usize) -> Option<i64> {
        self.scores[client * self.capacity.len() + volunteer]
    }

    /// The same problem with only the allowed pairs, for [`Sparse::solve`].
    pub fn to_sparse(&self) -> Result<Sparse> {
        let m = self.capacity.len();
        let rows = (0..self.clients)
            .map(|i| {
                (0..m)
                    .filter_map(|k| self.score(i, k).map(|s| (k as u32, s)))
                    .collect()
            })
            .collect();
        Sparse::from_rows(self.capacity.clone(), rows, self.max_score)
    }

    /// Each client's volunteer (or none), optimal for `objective`. Columns are the volunteers'
    /// places (a volunteer with capacity k is k columns) plus one "stays waiting" column per
    /// client, so the problem is always feasible and no capacity is ever exceeded.
    pub fn solve(&self, objective: Objective) -> Result<Vec<Option<usize>>> {
        let n = self.clients;
        let slots: Vec<usize> = (0..self.capacity.len())
            .flat_map(|k| std::iter::repeat_n(k, self.capacity[k] as usize))
            .collect();
        let width = slots.len() + n;
        // One more matched client must outweigh any difference in total score.
        let big = self
            .max_score
            .max(0)
            .checked_add(1)
            .and_then(|m| m.checked_mul(n as i64 + 1))
            .filter(|b| *b < 1 << 50)
            .ok_or_else(|| {
                Error::arg(
                    "kontakt.toml [matching]",
                    "the weights are too large to add up safely",
                )
            })?;
        const FORBIDDEN: i64 = 1 << 55;
        let mut cost = vec![0i64; n * width];
        for i in 0..n {
            let row = &mut cost[i * width..(i + 1) * width];
            for (col, &k) in slots.iter().enumerate() {
                row[col] = match self.score(i, k) {
                    None => FORBIDDEN,
                    Some(s) => match objective {
                        Objective::Participation => -(big + s),
                        // Ties in score go to the plan that matches more clients.
                        Objective::Score => -(s * (n as i64 + 1)) - 1,
                    },
                };
            }
        }
        let solution = solve(&Matrix::new(n, width, cost));
        Ok(solution
            .row_to_col
            .iter()
            .map(|col| col.filter(|&j| j < slots.len()).map(|j| slots[j]))
            .collect())
    }
}

fn why_unmatched(prepared: &Prepared, ci: usize, had_a_candidate: bool) -> String {
    if had_a_candidate {
        return crate::tr!(
            "every volunteer who fits was needed for another client",
            "varje kontaktperson som passar behövdes för en annan klient"
        );
    }
    match prepared
        .exclusion_counts(ci)
        .iter()
        .max_by_key(|(e, n)| (**n, std::cmp::Reverse(**e)))
    {
        Some((e, _)) => crate::tr!(
            "no volunteer passes the hard rules (most often: {})",
            "ingen kontaktperson klarar de absoluta kraven (oftast: {})",
            e.describe()
        ),
        None => crate::tr!("there are no volunteers", "det finns inga kontaktpersoner"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// (matched, total score) of a choice.
    fn value(p: &Capacitated, chosen: &[Option<usize>]) -> (usize, i64) {
        let matched = chosen.iter().flatten().count();
        let total = chosen
            .iter()
            .enumerate()
            .filter_map(|(i, k)| k.and_then(|k| p.score(i, k)))
            .sum();
        (matched, total)
    }

    /// The best value by trying every choice that keeps the rules and capacities.
    fn brute(p: &Capacitated, objective: Objective) -> (usize, i64) {
        fn go(
            p: &Capacitated,
            i: usize,
            left: &mut Vec<u32>,
            acc: (usize, i64),
            o: Objective,
        ) -> (usize, i64) {
            if i == p.clients {
                return acc;
            }
            let key = |v: (usize, i64)| match o {
                Objective::Participation => (v.0 as i64, v.1),
                Objective::Score => (v.1, v.0 as i64),
            };
            let mut best = go(p, i + 1, left, acc, o);
            for k in 0..left.len() {
                if let (true, Some(s)) = (left[k] > 0, p.score(i, k)) {
                    left[k] -= 1;
                    let v = go(p, i + 1, left, (acc.0 + 1, acc.1 + s), o);
                    left[k] += 1;
                    if key(v) > key(best) {
                        best = v;
                    }
                }
            }
            best
        }
        go(p, 0, &mut p.capacity.clone(), (0, 0), objective)
    }

    fn problem() -> impl Strategy<Value = Capacitated> {
        (1usize..=6, 1usize..=4).prop_flat_map(|(n, m)| {
            (
                proptest::collection::vec(0u32..=3, m),
                proptest::collection::vec(proptest::option::weighted(0.7, 0i64..=40), n * m),
            )
                .prop_map(move |(capacity, scores)| Capacitated {
                    clients: n,
                    capacity,
                    scores,
                    max_score: 40,
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]
        #[test]
        fn optimal_against_brute_force_with_capacities(p in problem()) {
            for objective in [Objective::Participation, Objective::Score] {
                let chosen = p.solve(objective).unwrap();
                // Rules and capacities hold.
                let mut used = vec![0u32; p.capacity.len()];
                for (i, k) in chosen.iter().enumerate() {
                    if let Some(k) = *k {
                        prop_assert!(p.score(i, k).is_some(), "a forbidden pair was chosen");
                        used[k] += 1;
                    }
                }
                for (u, cap) in used.iter().zip(&p.capacity) {
                    prop_assert!(u <= cap);
                }
                let best = brute(&p, objective);
                let got = value(&p, &chosen);
                match objective {
                    Objective::Participation => prop_assert_eq!(got, best),
                    Objective::Score => prop_assert_eq!(got.1, best.1),
                }
                // The sparse solver: a valid plan, and the brute force's (matched, total) in full
                // (for the score objective too: more matched clients break ties in score).
                let sparse = p.to_sparse().unwrap().solve(objective).unwrap();
                check_valid(&p, &sparse)?;
                prop_assert_eq!(value(&p, &sparse), best, "{:?}", objective);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]
        /// Larger and sparse: each client has a few allowed volunteers, places 0 to 3.
        #[test]
        fn sparse_as_dense_on_larger_problems(p in large(200, 300, 6, 3)) {
            same_as_dense(&p)?;
        }

        /// Fewer places than clients, so many clients wait and paths are long.
        #[test]
        fn sparse_as_dense_when_places_are_scarce(p in large(200, 60, 8, 2)) {
            same_as_dense(&p)?;
        }
    }

    fn check_valid(p: &Capacitated, chosen: &[Option<usize>]) -> Result<(), TestCaseError> {
        prop_assert_eq!(chosen.len(), p.clients);
        let mut used = vec![0u32; p.capacity.len()];
        for (i, k) in chosen.iter().enumerate() {
            if let Some(k) = *k {
                prop_assert!(p.score(i, k).is_some(), "a forbidden pair was chosen");
                used[k] += 1;
            }
        }
        for (u, cap) in used.iter().zip(&p.capacity) {
            prop_assert!(u <= cap, "a volunteer over capacity");
        }
        Ok(())
    }

    fn same_as_dense(p: &Capacitated) -> Result<(), TestCaseError> {
        let sparse = p.to_sparse().unwrap();
        for objective in [Objective::Participation, Objective::Score] {
            let dense = p.solve(objective).unwrap();
            let got = sparse.solve(objective).unwrap();
            check_valid(p, &got)?;
            prop_assert_eq!(value(p, &got), value(p, &dense), "{:?}", objective);
        }
        Ok(())
    }

    /// `n` clients, `m` volunteers with 0 to `cap` places, each client allowed up to `deg`
    /// volunteers (scores 0 to 100, so ties are common).
    fn large(n: usize, m: usize, deg: usize, cap: u32) -> impl Strategy<Value = Capacitated> {
        (
            proptest::collection::vec(0u32..=cap, m),
            proptest::collection::vec(proptest::collection::vec((0..m, 0i64..=100), 0..=deg), n),
        )
            .prop_map(move |(capacity, rows)| {
                let mut scores = vec![None; n * m];
                for (i, row) in rows.into_iter().enumerate() {
                    for (k, s) in row {
                        scores[i * m + k] = Some(s);
                    }
                }
                Capacitated {
                    clients: n,
                    capacity,
                    scores,
                    max_score: 100,
                }
            })
    }

    /// Up to `n` clients and `m` volunteers with 0 to `cap` places each, every pair allowed
    /// with probability `p`, scores 0 to `top` (few values, so ties at the cut are common).
    fn plenty(n: usize, m: usize, cap: u32, top: i64) -> impl Strategy<Value = Capacitated> {
        (1..=n, 1..=m).prop_flat_map(move |(n, m)| {
            (
                proptest::collection::vec(0u32..=cap, m),
                proptest::collection::vec(proptest::option::weighted(0.6, 0i64..=top), n * m),
            )
                .prop_map(move |(capacity, scores)| Capacitated {
                    clients: n,
                    capacity,
                    scores,
                    max_score: top,
                })
        })
    }

    fn pruned(p: &Capacitated) -> Sparse {
        let m = p.capacity.len();
        let rows = (0..p.clients)
            .map(|i| {
                let mut row: Vec<(u32, i64)> = (0..m)
                    .filter_map(|k| p.score(i, k).map(|s| (k as u32, s)))
                    .collect();
                prune(&mut row, &p.capacity, p.clients as u64);
                row
            })
            .collect();
        Sparse::from_rows(p.capacity.clone(), rows, p.max_score).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// Each client's best pairs alone give the same optimum (matched and total) as all of
        /// them, for both objectives, and a plan valid in the full problem.
        #[test]
        fn pruning_keeps_the_optimum(p in plenty(12, 30, 4, 6)) {
            let cut = pruned(&p);
            for objective in [Objective::Participation, Objective::Score] {
                let all = p.to_sparse().unwrap().solve(objective).unwrap();
                let got = cut.solve(objective).unwrap();
                check_valid(&p, &got)?;
                prop_assert_eq!(value(&p, &got), value(&p, &all), "{:?}", objective);
            }
        }

        #[test]
        fn pruning_keeps_the_optimum_against_brute_force(p in problem()) {
            let cut = pruned(&p);
            for objective in [Objective::Participation, Objective::Score] {
                let got = cut.solve(objective).unwrap();
                check_valid(&p, &got)?;
                prop_assert_eq!(value(&p, &got), brute(&p, objective), "{:?}", objective);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// On random pools, the plan from the pruned pairs matches as many and scores as much as
        /// the plan from every allowed pair, and explains the unmatched the same way.
        #[test]
        fn auto_pruned_as_unpruned(seed in any::<u64>(), weights in any::<u64>()) {
            let config = crate::matching::score::tests::config(weights);
            let pool = crate::matching::score::tests::pool(&config, seed, 14, 20);
            for objective in [Objective::Participation, Objective::Score] {
                let cut = plan(&pool, objective, true).unwrap();
                let all = plan(&pool, objective, false).unwrap();
                prop_assert_eq!(cut.pairs.len(), all.pairs.len());
                prop_assert_eq!(cut.total_score, all.total_score);
                for p in &cut.pairs {
                    let c = pool.client(&p.client).unwrap();
                    let v = pool.volunteer(&p.volunteer).unwrap();
                    prop_assert!(pool.exclusions(c, v).is_empty());
                    prop_assert_eq!(pool.score(c, v).total, p.score);
                }
                let reasons = |p: &Plan| {
                    let mut r: Vec<_> = p.unmatched.iter().map(|u| u.reason.clone()).collect();
                    r.sort();
                    r
                };
                if cut.pairs == all.pairs {
                    prop_assert_eq!(reasons(&cut), reasons(&all));
                }
            }
        }
    }

    proptest! {
        /// Scores spread wide (the sorting route) keep the same pairs as the same order of
        /// scores close together (the counting route).
        #[test]
        fn pruning_by_sorting_as_by_counting(
            row in proptest::collection::vec(0i64..=8, 0..40),
            capacity in proptest::collection::vec(1u32..=3, 40),
            need in 0u64..30,
        ) {
            let mut near: Vec<(u32, i64)> = row.iter().enumerate().map(|(k, &s)| (k as u32, s)).collect();
            let mut far: Vec<(u32, i64)> = near.iter().map(|&(k, s)| (k, s * 100_000 - 7)).collect();
            prune(&mut near, &capacity, need);
            prune(&mut far, &capacity, need);
            let keys = |r: &[(u32, i64)]| r.iter().map(|p| p.0).collect::<Vec<_>>();
            prop_assert_eq!(keys(&near), keys(&far));
            let kept: u64 = near.iter().map(|&(k, _)| u64::from(capacity[k as usize])).sum();
            let all: u64 = row.iter().enumerate().map(|(k, _)| u64::from(capacity[k])).sum();
            prop_assert!(kept >= need.min(all));
        }
    }
}
