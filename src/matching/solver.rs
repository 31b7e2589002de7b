//! An exact solver for the linear assignment problem on integer costs.
//!
//! We write our own rather than take a crate: `pathfinding::kuhn_munkres` is O(n^3) on square
//! matrices only and maximises, `lapjv` works on floats (ties and sums drift), and neither is
//! faster than this on our sizes (docs/benchmarks.md has the figures against scipy). The method
//! is Jonker-Volgenant's: a cheap start (column reduction on square matrices, row reduction
//! otherwise) followed by one shortest augmenting path (Dijkstra on reduced costs) per row still
//! free. Costs are i64, so every sum is exact and ties break the same way on every machine.

/// An n x m cost matrix in row-major order.
#[derive(Debug, Clone)]
pub struct Matrix {
    pub rows: usize,
    pub cols: usize,
    pub cost: Vec<i64>,
}

/// For each row its column, or `None` where a row has no column (only when rows > cols).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    pub row_to_col: Vec<Option<usize>>,
    pub total: i64,
}

impl Matrix {
    pub fn new(rows: usize, cols: usize, cost: Vec<i64>) -> Matrix {
        assert_eq!(cost.len(), rows * cols, "cost matrix is not rows x cols");
        Matrix { rows, cols, cost }
    }

    fn transposed(&self) -> Matrix {
        let mut cost = vec![0; self.cost.len()];
        for i in 0..self.rows {
            for j in 0..self.cols {
                cost[j * self.rows + i] = self.cost[i * self.cols + j];
            }
        }
        Matrix::new(self.cols, self.rows, cost)
    }
}

const NONE: usize = usize::MAX;

/// Minimises the total cost: every row gets a distinct column when rows <= cols, every column a
/// distinct row otherwise. Costs must stay within +-2^61 so that sums of paths cannot overflow.
pub fn solve(m: &Matrix) -> Solution {
    if m.rows == 0 || m.cols == 0 {
        return Solution {
            row_to_col: vec![None; m.rows],
            total: 0,
        };
    }
    let (row_to_col, total) = if m.rows <= m.cols {
        let r2c = solve_wide(m);
        let total = r2c
            .iter()
            .enumerate()
            .map(|(i, &j)| m.cost[i * m.cols + j])
            .sum();
        (r2c.into_iter().map(Some).collect(), total)
    } else {
        let t = m.transposed();
        let c2r = solve_wide(&t);
        let mut r2c = vec![None; m.rows];
        let mut total = 0;
        for (j, &i) in c2r.iter().enumerate() {
            r2c[i] = Some(j);
            total += m.cost[i * m.cols + j];
        }
        (r2c, total)
    };
    Solution { row_to_col, total }
}

/// rows <= cols: returns each row's column.
fn solve_wide(m: &Matrix) -> Vec<usize> {
    let (n, w) = (m.rows, m.cols);
    // Dual potentials: c(i,j) - u[i] - v[j] >= 0 everywhere, = 0 on assigned pairs.
    let mut u = vec![0i64; n];
    let mut v = vec![0i64; w];
    let mut col4row = vec![NONE; n];
    let mut row4col = vec![NONE; w];

    if n == w {
        // Column reduction (JV): each column's minimum becomes its potential; a column takes its
        // cheapest row if that row is still free. Scanning columns from the last keeps JV's order.
        // Row-major scan (a column-wise one misses the cache on every element); ties go to the
        // first row, as in the column-wise scan.
        let mut arg = vec![0usize; w];
        v.fill(i64::MAX);
        for i in 0..n {
            let row = &m.cost[i * w..(i + 1) * w];
            for (j, &x) in row.iter().enumerate() {
                if x < v[j] {
                    v[j] = x;
                    arg[j] = i;
                }
            }
        }
        for j in (0..w).rev() {
            if col4row[arg[j]] == NONE {
                col4row[arg[j]] = j;
                row4col[j] = arg[j];
            }
        }
        augmenting_row_reduction(m, &mut v, &mut col4row, &mut row4col);
        augment_square(m, &mut v, &mut col4row, &mut row4col);
        return col4row;
    } else {
        // Row reduction: valid for rectangular problems, where unassigned columns must keep v = 0.
        for i in 0..n {
            let row = &m.cost[i * w..(i + 1) * w];
            let (mut best, mut arg) = (i64::MAX, 0);
            for (j, &x) in row.iter().enumerate() {
                if x < best {
                    best = x;
                    arg = j;
                }
            }
            u[i] = best;
            if row4col[arg] == NONE {
                row4col[arg] = i;
                col4row[i] = arg;
            }
        }
    }

    // Shortest augmenting paths for the rows still free. The columns not yet scanned live in
    // `todo` with their distance and potential side by side, so the hot loop reads memory in
    // order (measured: twice as fast as indexing separate arrays through a list of columns).
    #[derive(Clone, Copy)]
    struct Todo {
        j: usize,
        dist: i64,
        v: i64,
        free: bool,
    }
    let mut shortest = vec![0i64; w];
    let mut path = vec![NONE; w];
    let mut todo: Vec<Todo> = Vec::with_capacity(w);
    let mut scanned_rows: Vec<usize> = Vec::new();
    let mut scanned_cols: Vec<usize> = Vec::new();
    for start in 0..n {
        if col4row[start] != NONE {
            continue;
        }
        todo.clear();
        todo.extend((0..w).map(|j| Todo {
            j,
            dist: i64::MAX,
            v: v[j],
            free: row4col[j] == NONE,
        }));
        scanned_rows.clear();
        scanned_cols.clear();
        let mut min_val = 0i64;
        let mut i = start;
        let sink = loop {
            scanned_rows.push(i);
            let row = &m.cost[i * w..(i + 1) * w];
            let base = min_val - u[i];
            let (mut lowest, mut index, mut lowest_free) = (i64::MAX, 0, false);
            for (k, t) in todo.iter_mut().enumerate() {
                let r = base + row[t.j] - t.v;
                if r < t.dist {
                    path[t.j] = i;
                    t.dist = r;
                }
                // Among equal distances prefer a free column: the path ends sooner.
                if t.dist < lowest || (t.dist == lowest && t.free && !lowest_free) {
                    lowest = t.dist;
                    index = k;
                    lowest_free = t.free;
                }
            }
            min_val = lowest;
            let t = todo.swap_remove(index);
            shortest[t.j] = t.dist;
            scanned_cols.push(t.j);
            if t.free {
                break t.j;
            }
            i = row4col[t.j];
        };
        // Keep the potentials feasible and the new path tight.
        u[start] += min_val;
        for &r in &scanned_rows[1..] {
            u[r] += min_val - shortest[col4row[r]];
        }
        for &j in &scanned_cols {
            v[j] -= min_val - shortest[j];
        }
        flip_path(path.as_slice(), sink, start, &mut col4row, &mut row4col);
    }
    col4row
}

/// The rows still free after the reductions of a square problem, each given a shortest
/// augmenting path as JV do it (Jonker and Volgenant 1987, the `lapjv` crate's `ca_dense`): only
/// the column potentials `v` are kept (c - v is the reduced cost), and Dijkstra moves a whole
/// level at a time: every column at the current least distance is found in one pass (`find`),
/// then each is scanned in turn, and a column its scan brings down to that same distance joins
/// the level at once, without another pass over all columns. On random 4000x4000 matrices this
/// is 2.5 to 4 times faster than a scan per column (the rectangular case below).
// The scan's range is fixed when it starts, on purpose: a column that joins the level is swapped
// with the one at `hi`, which (hi <= k) this scan has already passed.
#[allow(clippy::mut_range_bound)]
fn augment_square(m: &Matrix, v: &mut [i64], col4row: &mut [usize], row4col: &mut [usize]) {
    let n = m.cols;
    let free: Vec<usize> = (0..m.rows).filter(|&i| col4row[i] == NONE).collect();
    let mut pred = vec![0usize; n];
    let mut cols: Vec<usize> = Vec::with_capacity(n);
    let mut d: Vec<i64> = Vec::with_capacity(n);
    for start in free {
        let row = &m.cost[start * n..(start + 1) * n];
        cols.clear();
        cols.extend(0..n);
        d.clear();
        d.extend(row.iter().zip(v.iter()).map(|(&x, &vj)| x - vj));
        pred.fill(start);
        // cols[..lo]: scanned (ready); cols[lo..hi]: at the least distance, to scan;
        // cols[hi..]: not yet reached at that distance.
        let (mut lo, mut hi, mut ready) = (0usize, 0usize, 0usize);
        let sink = 'path: loop {
            if lo == hi {
                ready = lo;
                hi = lo + 1;
                let mut least = d[cols[lo]];
                for k in hi..n {
                    let j = cols[k];
                    let h = d[j];
                    if h <= least {
                        if h < least {
                            hi = lo;
                            least = h;
                        }
                        cols.swap(k, hi);
                        hi += 1;
                    }
                }
                if let Some(&j) = cols[lo..hi].iter().find(|&&j| row4col[j] == NONE) {
                    break 'path j;
                }
            }
            while lo != hi {
                let j = cols[lo];
                lo += 1;
                let i = row4col[j];
                let least = d[j];
                let ri = &m.cost[i * n..(i + 1) * n];
                let h = ri[j] - v[j] - least;
                for k in hi..n {
                    let j = cols[k];
                    let r = ri[j] - v[j] - h;
                    if r < d[j] {
                        d[j] = r;
                        pred[j] = i;
                        if r == least {
                            if row4col[j] == NONE {
                                break 'path j;
                            }
                            cols.swap(k, hi);
                            hi += 1;
                        }
                    }
                }
            }
        };
        // The scanned columns' potentials keep every reduced cost >= 0 and the path tight.
        let least = d[cols[lo]];
        for &j in &cols[..ready] {
            v[j] += d[j] - least;
        }
        flip_path(&pred, sink, start, col4row, row4col);
    }
}

/// Assigns along the augmenting path that ends at free column `sink`: each column on it takes
/// the row `pred` names, each row its next column, back to the free row `start`.
fn flip_path(
    pred: &[usize],
    sink: usize,
    start: usize,
    col4row: &mut [usize],
    row4col: &mut [usize],
) {
    let mut j = sink;
    loop {
        let i = pred[j];
        row4col[j] = i;
        std::mem::swap(&mut col4row[i], &mut j);
        if i == start {
            break;
        }
    }
}

/// JV's augmenting row reduction, twice: each free row takes the column where c - v is least,
/// lowering that column's v to the second least so the row it displaces may move on. Cheap, and
/// on random matrices it leaves few rows for the expensive shortest paths. Every assigned row
/// stays at its minimum of c - v, so the potentials remain feasible.
fn augmenting_row_reduction(
    m: &Matrix,
    v: &mut [i64],
    col4row: &mut [usize],
    row4col: &mut [usize],
) {
    let w = m.cols;
    let mut free: Vec<usize> = (0..m.rows).filter(|&i| col4row[i] == NONE).collect();
    for _ in 0..2 {
        let mut next = Vec::new();
        let mut k = 0;
        // Bounded: a row may be pushed back at most a few times per pass (as in LAPJV).
        let mut budget = free.len() * 8 + 16;
        while k < free.len() && budget > 0 {
            budget -= 1;
            let i = free[k];
            k += 1;
            let row = &m.cost[i * w..(i + 1) * w];
            let (mut u1, mut u2, mut j1, mut j2) = (i64::MAX, i64::MAX, 0, NONE);
            for (j, &x) in row.iter().enumerate() {
                let h = x - v[j];
                if h < u2 {
                    if h >= u1 {
                        u2 = h;
                        j2 = j;
                    } else {
                        u2 = u1;
                        j2 = j1;
                        u1 = h;
                        j1 = j;
                    }
                }
            }
            let mut i0 = row4col[j1];
            if u1 < u2 {
                v[j1] -= u2 - u1;
            } else if i0 != NONE && j2 != NONE {
                j1 = j2;
                i0 = row4col[j1];
            }
            if i0 != NONE {
                col4row[i0] = NONE;
                if u1 < u2 && k > 0 {
                    k -= 1;
                    free[k] = i0;
                } else {
                    next.push(i0);
                }
            }
            row4col[j1] = i;
            col4row[i] = j1;
        }
        next.extend_from_slice(&free[k..]);
        free = next;
        if free.is_empty() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The cheapest assignment by trying every one (rows <= cols or the transpose).
    fn brute(m: &Matrix) -> i64 {
        fn go(m: &Matrix, i: usize, used: &mut Vec<bool>) -> i64 {
            if i == m.rows {
                return 0;
            }
            let mut best = i64::MAX;
            for j in 0..m.cols {
                if !used[j] {
                    used[j] = true;
                    best = best.min(m.cost[i * m.cols + j] + go(m, i + 1, used));
                    used[j] = false;
                }
            }
            best
        }
        let m = if m.rows <= m.cols {
            m.clone()
        } else {
            m.transposed()
        };
        go(&m, 0, &mut vec![false; m.cols])
    }

    fn matrix() -> impl Strategy<Value = Matrix> {
        (
            1usize..=7,
            1usize..=7,
            prop_oneof![Just(3i64), Just(100), Just(1_000_000)],
        )
            .prop_flat_map(|(r, c, hi)| {
                proptest::collection::vec(-hi..=hi, r * c).prop_map(move |v| Matrix::new(r, c, v))
            })
    }

    /// Square matrices take JV's level-at-a-time augmentation (`augment_square`); many ties
    /// (costs in 0..=3) exercise the level's growth within a scan.
    fn square() -> impl Strategy<Value = Matrix> {
        (
            1usize..=7,
            prop_oneof![Just(3i64), Just(20), Just(1_000_000)],
        )
            .prop_flat_map(|(n, hi)| {
                proptest::collection::vec(0..=hi, n * n).prop_map(move |v| Matrix::new(n, n, v))
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn square_problems_agree_with_brute_force(m in square()) {
            let s = solve(&m);
            prop_assert_eq!(s.total, brute(&m));
            let mut cols: Vec<usize> = s.row_to_col.iter().flatten().copied().collect();
            prop_assert_eq!(cols.len(), m.rows);
            cols.sort();
            cols.dedup();
            prop_assert_eq!(cols.len(), m.rows);
        }

        #[test]
        fn agrees_with_brute_force(m in matrix()) {
            let s = solve(&m);
            prop_assert_eq!(s.total, brute(&m));
            // A valid assignment: as many pairs as the smaller side, no column twice.
            let cols: Vec<usize> = s.row_to_col.iter().flatten().copied().collect();
            prop_assert_eq!(cols.len(), m.rows.min(m.cols));
            let mut sorted = cols.clone();
            sorted.sort();
            sorted.dedup();
            prop_assert_eq!(sorted.len(), cols.len());
            let sum: i64 = s.row_to_col.iter().enumerate()
                .filter_map(|(i, j)| j.map(|j| m.cost[i * m.cols + j])).sum();
            prop_assert_eq!(sum, s.total);
        }
    }

    #[test]
    fn empty_and_single() {
        assert_eq!(solve(&Matrix::new(0, 3, vec![])).total, 0);
        let s = solve(&Matrix::new(1, 1, vec![7]));
        assert_eq!((s.total, s.row_to_col), (7, vec![Some(0)]));
    }

    #[test]
    fn known_three_by_three() {
        let m = Matrix::new(3, 3, vec![4, 1, 3, 2, 0, 5, 3, 2, 2]);
        assert_eq!(solve(&m).total, 5);
    }
}
