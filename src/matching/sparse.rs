//! The exact assignment of clients to volunteers with capacities, on the allowed pairs alone.
//!
//! A country's waiting list is 10 000 clients against 60 000 volunteers, but each client may be
//! matched with few of them: a dense cost matrix of clients against places (the
//! [`super::solver`] route) spends minutes and gigabytes on pairs the hard rules forbid. Here
//! memory is linear in the allowed pairs.
//!
//! The method is the one of [`super::solver`], on a sparse graph: a min-cost flow built by
//! successive shortest augmenting paths (Dijkstra on reduced costs, with Johnson's potentials),
//! one client at a time. Each volunteer is one column with a capacity (not one column per
//! place), and each client has a private "stays waiting" column of cost 0, so every client is
//! always placed somewhere and a path may end by sending a client back to waiting. The
//! potentials are the dual of the linear programme: `u[i] + v[k] <= cost(i, k)` on every allowed
//! pair, equality on the chosen ones, `v[k] <= 0`, and `v[k] = 0` while a column has room; so the
//! search for a client stops at the first column with room it reaches, and only the rows and
//! columns it scanned change potential. Adding the clients one by one, each plan is optimal for
//! the clients added so far (no negative cycle can pass through the new client, who has no
//! chosen pair yet), hence the last one for all.
//!
//! Ties: among plans of equal value the one found is fixed by the order of the clients and of
//! each client's pairs (both in id order as [`super::auto::auto`] builds them) and by the heap's
//! order (distance, then a column with room first, then the lower column index), never by
//! hashing or threads: the same records give the same plan on every machine.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::auto::Objective;
use crate::{Error, Result};

/// The allowed pairs in compressed rows: client `i`'s volunteers are
/// `volunteer[start[i]..start[i + 1]]`, each with its score at the same index. Eight bytes a
/// pair (a country's waiting list has some 10^8 allowed pairs when areas do not restrict).
#[derive(Debug, Clone)]
pub struct Sparse {
    pub capacity: Vec<u32>,
    start: Vec<usize>,
    volunteer: Vec<u32>,
    score: Vec<i32>,
    /// An upper bound of any one score (the weights'); the scores themselves may go beyond it
    /// only in tests, and the solver then takes the largest one instead.
    pub max_score: i64,
}

impl Sparse {
    /// No clients yet; rows are added with [`Sparse::push_row`].
    pub fn new(capacity: Vec<u32>, max_score: i64) -> Sparse {
        Sparse {
            capacity,
            start: vec![0],
            volunteer: Vec::new(),
            score: Vec::new(),
            max_score,
        }
    }

    /// The next client's allowed pairs `(volunteer, score)`, volunteers below `capacity.len()`
    /// and each at most once. Refused when a score does not fit in an i32.
    pub fn push_row(&mut self, row: impl IntoIterator<Item = (u32, i64)>) -> Result<()> {
        for (k, score) in row {
            debug_assert!((k as usize) < self.capacity.len(), "volunteer out of range");
            let score = i32::try_from(score).map_err(|_| {
                Error::arg(
                    "kontakt.toml [matching]",
                    "the weights are too large to add up safely",
                )
            })?;
            self.volunteer.push(k);
            self.score.push(score);
        }
        self.start.push(self.volunteer.len());
        Ok(())
    }

    /// From each client's allowed pairs, as [`Sparse::push_row`] takes them.
    pub fn from_rows(
        capacity: Vec<u32>,
        rows: Vec<Vec<(u32, i64)>>,
        max_score: i64,
    ) -> Result<Sparse> {
        let mut s = Sparse::new(capacity, max_score);
        for row in rows {
            s.push_row(row)?;
        }
        Ok(s)
    }

    pub fn clients(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// How many allowed pairs there are.
    pub fn pairs(&self) -> usize {
        self.volunteer.len()
    }

    /// Client `i`'s allowed pairs.
    pub fn row(&self, i: usize) -> impl Iterator<Item = (usize, i64)> + '_ {
        let r = self.start[i]..self.start[i + 1];
        self.volunteer[r.clone()]
            .iter()
            .zip(&self.score[r])
            .map(|(&k, &s)| (k as usize, i64::from(s)))
    }

    /// The score of the pair, `None` where it is not allowed.
    pub fn score(&self, client: usize, volunteer: usize) -> Option<i64> {
        self.row(client)
            .find(|&(k, _)| k == volunteer)
            .map(|(_, s)| s)
    }

    /// Whether any volunteer with a place may take the client.
    pub fn has_candidate(&self, client: usize) -> bool {
        self.row(client).any(|(k, _)| self.capacity[k] > 0)
    }

    /// Each client's volunteer (or none), optimal for `objective`: the same optimum as
    /// [`super::auto::Capacitated::solve`] on the dense form of the same problem.
    pub fn solve(&self, objective: Objective) -> Result<Vec<Option<usize>>> {
        let n = self.clients();
        let m = self.capacity.len();
        let too_large = || {
            Error::arg(
                "kontakt.toml [matching]",
                "the weights are too large to add up safely",
            )
        };
        // Columns are u32 indices: the volunteers, then one "stays waiting" column per client.
        let width = m
            .checked_add(n)
            .filter(|w| *w < u32::MAX as usize)
            .ok_or_else(|| Error::arg("match auto", "too many clients and volunteers at once"))?;
        // One more matched client must outweigh any difference in total score; the largest
        // score present counts too, so a score beyond the weights' bound cannot break that.
        let top = self
            .score
            .iter()
            .fold(self.max_score.max(0), |acc, &s| acc.max(i64::from(s).abs()));
        let n1 = i64::try_from(n)
            .ok()
            .and_then(|n| n.checked_add(1))
            .ok_or_else(too_large)?;
        let big = top
            .checked_add(1)
            .and_then(|t| t.checked_mul(n1))
            .filter(|b| *b < 1 << 50)
            .ok_or_else(too_large)?;
        // Within +-2^51 by `big`: no product or sum below overflows.
        let cost = |s: i64| -> i64 {
            match objective {
                Objective::Participation => -(big + s),
                // Ties in score go to the plan that matches more clients.
                Objective::Score => -(s * n1) - 1,
            }
        };

        let mut st = State {
            m,
            u: vec![0; n],
            v: vec![0; width],
            col4row: vec![NONE; n],
            held: vec![Vec::new(); m],
            dist: vec![INF; width],
            done: vec![false; width],
            pred: vec![NONE; width],
            touched: Vec::new(),
            heap: BinaryHeap::new(),
        };
        let mut scanned_rows: Vec<u32> = Vec::new();
        let mut scanned_cols: Vec<u32> = Vec::new();
        for start in 0..n {
            scanned_rows.clear();
            scanned_cols.clear();
            st.heap.clear();
            // Dijkstra from `start` until a column with room is taken from the heap.
            st.scan(self, start, 0, &cost).ok_or_else(too_large)?;
            let sink = loop {
                let Some(Reverse((d, _, j))) = st.heap.pop() else {
                    // Unreachable: the client's own waiting column is always in the heap.
                    return Err(Error::arg("match auto", "no augmenting path (a bug)"));
                };
                let j = j as usize;
                if st.done[j] || d != st.dist[j] {
                    continue;
                }
                st.done[j] = true;
                scanned_cols.push(j as u32);
                if st.has_room(self, j) {
                    break j;
                }
                // A full column is a volunteer (a waiting column is full only for its own
                // client, who is never reached through it): go on from every client it holds,
                // at the same distance, since chosen pairs have reduced cost 0.
                for t in 0..st.held[j].len() {
                    let r = st.held[j][t];
                    scanned_rows.push(r);
                    st.scan(self, r as usize, d, &cost).ok_or_else(too_large)?;
                }
            };
            let min_val = st.dist[sink];
            // Keep the potentials feasible and the new path tight (only what was scanned moves).
            st.u[start] = st.u[start].checked_add(min_val).ok_or_else(too_large)?;
            for &r in &scanned_rows {
                let r = r as usize;
                let j = st.col4row[r] as usize;
                st.u[r] = st.u[r]
                    .checked_add(min_val - st.dist[j])
                    .ok_or_else(too_large)?;
            }
            for &j in &scanned_cols {
                let j = j as usize;
                st.v[j] = st.v[j]
                    .checked_sub(min_val - st.dist[j])
                    .ok_or_else(too_large)?;
            }
            // Augment: each client on the path moves to the column it was reached from.
            let mut j = sink;
            loop {
                let r = st.pred[j] as usize;
                let old = st.col4row[r] as usize;
                st.col4row[r] = j as u32;
                if j < m {
                    st.held[j].push(r as u32);
                }
                if r == start {
                    break;
                }
                // `old` is a full volunteer: a client is only reached through its column.
                let h = &mut st.held[old];
                if let Some(p) = h.iter().position(|&x| x as usize == r) {
                    h.swap_remove(p);
                }
                j = old;
            }
            for &k in &st.touched {
                st.dist[k as usize] = INF;
                st.done[k as usize] = false;
            }
            st.touched.clear();
        }
        Ok(st
            .col4row
            .iter()
            .map(|&j| Some(j as usize).filter(|&j| j < m))
            .collect())
    }
}

const NONE: u32 = u32::MAX;
const INF: i64 = i64::MAX;

/// The solver's working state; `dist`, `done` and `pred` are valid for the columns in `touched`
/// (the current search) and reset after it.
struct State {
    /// Volunteers; columns `m..` are the clients' waiting columns.
    m: usize,
    u: Vec<i64>,
    v: Vec<i64>,
    col4row: Vec<u32>,
    /// The clients each volunteer holds; a waiting column holds its client iff `col4row` says so.
    held: Vec<Vec<u32>>,
    dist: Vec<i64>,
    done: Vec<bool>,
    pred: Vec<u32>,
    touched: Vec<u32>,
    /// (distance, full, column): the least distance first, a column with room among equals (the
    /// path ends sooner), then the lower column.
    heap: BinaryHeap<Reverse<(i64, bool, u32)>>,
}

impl State {
    fn has_room(&self, p: &Sparse, j: usize) -> bool {
        if j < self.m {
            (self.held[j].len() as u64) < u64::from(p.capacity[j])
        } else {
            self.col4row[j - self.m] as usize != j
        }
    }

    /// Relaxes every pair of client `row` (and its waiting column), reached at distance `at`.
    /// `None` on overflow.
    fn scan(&mut self, p: &Sparse, row: usize, at: i64, cost: &dyn Fn(i64) -> i64) -> Option<()> {
        let base = at.checked_sub(self.u[row])?;
        let waiting = self.m + row;
        let edges = p
            .row(row)
            .map(|(k, s)| (k, cost(s)))
            .chain(std::iter::once((waiting, 0)));
        for (k, c) in edges {
            if self.done[k] {
                continue;
            }
            let r = base.checked_add(c)?.checked_sub(self.v[k])?;
            if r < self.dist[k] {
                if self.dist[k] == INF {
                    self.touched.push(k as u32);
                }
                self.dist[k] = r;
                self.pred[k] = row as u32;
                let full = !self.has_room(p, k);
                self.heap.push(Reverse((r, full, k as u32)));
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_beyond_i32_is_refused_not_wrapped() {
        let mut s = Sparse::new(vec![1], 10);
        assert!(s.push_row([(0, i64::from(i32::MAX) + 1)]).is_err());
    }

    #[test]
    fn weights_too_large_are_an_error() {
        let s = Sparse::from_rows(vec![1], vec![vec![(0, 5)]], 1 << 49).unwrap();
        assert!(s.solve(Objective::Participation).is_err());
    }

    #[test]
    fn no_clients_no_volunteers_and_no_pairs() {
        let none = Sparse::new(vec![], 10);
        assert_eq!(none.solve(Objective::Participation).unwrap(), vec![]);
        let s = Sparse::from_rows(vec![], vec![vec![], vec![]], 10).unwrap();
        assert_eq!(s.solve(Objective::Score).unwrap(), vec![None, None]);
        assert!(!s.has_candidate(0));
    }

    #[test]
    fn a_full_volunteer_passes_its_client_on() {
        // Client 0 may take only volunteer 0; client 1 prefers 0 but may take 1: the plan must
        // move client 1 on when client 0 comes (one place each).
        let s =
            Sparse::from_rows(vec![1, 1], vec![vec![(0, 1)], vec![(0, 9), (1, 8)]], 10).unwrap();
        assert_eq!(
            s.solve(Objective::Participation).unwrap(),
            vec![Some(0), Some(1)]
        );
    }
}
