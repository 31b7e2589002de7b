//! An exact solver for the linear assignment problem on integer costs.
//!
//! We write our own rather than take a crate: `pathfinding::kuhn_munkres` is O(n^3) on square
//! matrices only and maximises, `lapjv` works on floats (ties and sums drift), and neither is
//! faster than this on our sizes (docs/benchmarks.md has the figures against scipy and lapjv).
//! The method is Jonker-Volgenant's: a cheap start (column reduction on square matrices, row
//! reduction otherwise) followed by one shortest augmenting path (Dijkstra on reduced costs) per
//! row still free. Costs are i64; a square problem whose costs are small enough is solved on an
//! i16 or i32 copy, in i32 only where a bound (`narrow_limit`) shows no value can overflow, so
//! every sum is exact either way and ties break the same way on every machine.

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
/// distinct row otherwise. On a square matrix the potentials and distances stay within
/// (72n + 134) times the largest cost (`narrow_limit`'s argument), so costs must stay within
/// i64::MAX / (72n + 134) (about 2^45 at n = 4000; kontakt's scores are far below it).
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
    if m.rows == m.cols {
        solve_square(m)
    } else {
        rectangular(m)
    }
}

/// rows <= cols, by row reduction and one shortest path per free row (each scan a column at a
/// time); valid on square problems too, where the tests compare it with `solve_square`.
fn rectangular(m: &Matrix) -> Vec<usize> {
    let (n, w) = (m.rows, m.cols);
    // Dual potentials: c(i,j) - u[i] - v[j] >= 0 everywhere, = 0 on assigned pairs.
    let mut u = vec![0i64; n];
    let mut v = vec![0i64; w];
    let mut col4row = vec![NONE; n];
    let mut row4col = vec![NONE; w];

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
        flip_path(|j| path[j], sink, start, &mut col4row, &mut row4col);
    }
    col4row
}

/// The square case, Jonker and Volgenant's LAPJV as the `lapjv` crate has it: column reduction,
/// two passes of augmenting row reduction, then a shortest augmenting path for each row still
/// free. Compiled for AVX2 where the processor has it (the scans then take 8 columns at once, with
/// masked stores), for baseline x86-64 otherwise.
fn solve_square(m: &Matrix) -> Vec<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: `solve_square_avx2` needs only that the processor has AVX2, checked above.
        return unsafe { solve_square_avx2(m) };
    }
    square(m)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn solve_square_avx2(m: &Matrix) -> Vec<usize> {
    square(m)
}

/// A copy of the costs in fewer bytes, where they fit (see `narrow_limit`): the scans read one
/// row of the matrix each, from memory once the matrix is larger than the cache, so the width
/// of a cost is most of their time.
enum Narrow {
    I16(Vec<i16>),
    I32(Vec<i32>),
    Wide,
}

/// Costs with |c| <= L keep every potential, distance and intermediate in i32 when
/// L * (72n + 134) <= i32::MAX. Why: the potentials v only fall, from column minima in [-L, L],
/// and a free column's v never moves. Each step of the row reduction sets some
/// v[j1] = c[i][j1] - u2 >= c[i][j1] - (c[i][j2] - v[j2]), so it lowers the least v by at most
/// 2L, in at most 2 * (8n + 16) steps (its budget). Each shortest path lowers a v by at most
/// least - d0 <= (c - v_free) - (c - L) <= 4L. So |v| <= V = L(36n + 65), and every reduced
/// cost, distance and intermediate the loops form is at most 4L + 2V = L(72n + 134).
fn narrow_limit(n: usize) -> i64 {
    i64::from(i32::MAX) / (72 * n as i64 + 134)
}

#[inline(always)]
fn square(m: &Matrix) -> Vec<usize> {
    let n = m.rows;
    let limit = narrow_limit(n);
    // Column reduction (JV): each column's minimum becomes its potential; a column takes its
    // cheapest row if that row is still free. Row-major (a column-wise scan misses the cache on
    // every element); ties go to the first row, as in the column-wise scan. The same pass makes
    // the narrow copy while the costs fit.
    let mut v = vec![i64::MAX; n];
    let mut arg = vec![0usize; n];
    let mut narrow = Narrow::I16(Vec::with_capacity(n * n));
    for (i, row) in m.cost.chunks_exact(n).enumerate() {
        for ((&x, vj), aj) in row.iter().zip(v.iter_mut()).zip(arg.iter_mut()) {
            if x < *vj {
                *vj = x;
                *aj = i;
            }
        }
        let (lo, hi) = row
            .iter()
            .fold((i64::MAX, i64::MIN), |(lo, hi), &c| (lo.min(c), hi.max(c)));
        let fits = -limit <= lo && hi <= limit;
        narrow = match narrow {
            Narrow::I16(mut c)
                if fits && i64::from(i16::MIN) <= lo && hi <= i64::from(i16::MAX) =>
            {
                c.extend(row.iter().map(|&x| x as i16));
                Narrow::I16(c)
            }
            Narrow::I16(c) if fits => {
                let mut wider = Vec::with_capacity(n * n);
                wider.extend(c.iter().map(|&x| i32::from(x)));
                wider.extend(row.iter().map(|&x| x as i32));
                Narrow::I32(wider)
            }
            Narrow::I32(mut c) if fits => {
                c.extend(row.iter().map(|&x| x as i32));
                Narrow::I32(c)
            }
            _ => Narrow::Wide,
        };
    }
    let mut col4row = vec![NONE; n];
    let mut row4col = vec![NONE; n];
    // Scanning columns from the last keeps JV's order.
    for j in (0..n).rev() {
        if col4row[arg[j]] == NONE {
            col4row[arg[j]] = j;
            row4col[j] = arg[j];
        }
    }
    let mut s = Square {
        n,
        col4row,
        row4col,
    };
    match narrow {
        Narrow::I16(cost) => s.finish(&cost, v.iter().map(|&x| x as i32).collect()),
        Narrow::I32(cost) => s.finish(&cost, v.iter().map(|&x| x as i32).collect()),
        Narrow::Wide => s.finish(&m.cost, v),
    }
    s.col4row
}

/// i32 or i64: the integers the square solver computes in.
trait Cost:
    Copy
    + Ord
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::AddAssign
    + std::ops::SubAssign
{
    const MAX: Self;
    const MIN: Self;
    const ZERO: Self;
    /// A row index (below n, which fits: see `narrow_limit`).
    fn from_index(i: usize) -> Self;
    fn index(self) -> usize;
    fn wrapping_dec(self) -> Self;
    fn wrapping_inc(self) -> Self;
}

macro_rules! cost {
    ($t:ty) => {
        impl Cost for $t {
            const MAX: Self = <$t>::MAX;
            const MIN: Self = <$t>::MIN;
            const ZERO: Self = 0;
            fn from_index(i: usize) -> Self {
                i as $t
            }
            fn index(self) -> usize {
                self as usize
            }
            fn wrapping_dec(self) -> Self {
                self.wrapping_sub(1)
            }
            fn wrapping_inc(self) -> Self {
                self.wrapping_add(1)
            }
        }
    };
}
cost!(i32);
cost!(i64);

/// A square problem's assignment so far.
struct Square {
    n: usize,
    col4row: Vec<usize>,
    row4col: Vec<usize>,
}

impl Square {
    /// Row reduction and shortest paths on costs stored as `E`, computed in `T`, from the
    /// column reduction's potentials `v`.
    #[inline(always)]
    fn finish<E: Copy + Into<T>, T: Cost>(&mut self, cost: &[E], mut v: Vec<T>) {
        self.augmenting_row_reduction(cost, &mut v);
        self.augment(cost, &mut v);
    }

    /// JV's augmenting row reduction, twice: each free row takes the column where c - v is
    /// least, lowering that column's v to the second least so the row it displaces may move on.
    /// Cheap, and on random matrices it leaves few rows for the expensive shortest paths. Every
    /// assigned row stays at its minimum of c - v, so the potentials remain feasible.
    #[inline(always)]
    fn augmenting_row_reduction<E: Copy + Into<T>, T: Cost>(&mut self, cost: &[E], v: &mut [T]) {
        let n = self.n;
        let (col4row, row4col) = (&mut self.col4row, &mut self.row4col);
        let mut free: Vec<usize> = (0..n).filter(|&i| col4row[i] == NONE).collect();
        for _ in 0..2 {
            let mut next = Vec::new();
            let mut k = 0;
            // Bounded: a row may be pushed back at most a few times per pass (as in LAPJV).
            // `narrow_limit` counts on this bound.
            let mut budget = free.len() * 8 + 16;
            while k < free.len() && budget > 0 {
                budget -= 1;
                let i = free[k];
                k += 1;
                let row = &cost[i * n..(i + 1) * n];
                let (mut u1, mut u2, mut j1, mut j2) = (T::MAX, T::MAX, 0, NONE);
                for (j, (&x, &vj)) in row.iter().zip(v.iter()).enumerate() {
                    let h = x.into() - vj;
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
                    if u1 < u2 {
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

    /// The rows still free after the reductions, each given a shortest augmenting path as JV do
    /// it (the `lapjv` crate's `ca_dense`): only the column potentials `v` are kept (c - v is
    /// the reduced cost), and Dijkstra moves a whole level at a time: every column at the
    /// current least distance is found in one pass, then each is scanned in turn, and a column
    /// its scan brings down to that same distance joins the level.
    ///
    /// Unlike JV, the columns are never permuted into a to-do list: each scan runs over the
    /// whole row in column order, so the row, `v`, `d` and `pred` are all read in order and the
    /// loop vectorises. A column leaves the to-do set by getting `d = T::MIN` (its distance kept
    /// in `dist`): no `r < T::MIN`, so a scan never changes it again, and the search for the
    /// least distance skips it by reading `T::MIN` as the largest value.
    #[inline(always)]
    fn augment<E: Copy + Into<T>, T: Cost>(&mut self, cost: &[E], v: &mut [T]) {
        let n = self.n;
        let (col4row, row4col) = (&mut self.col4row, &mut self.row4col);
        let free: Vec<usize> = (0..n).filter(|&i| col4row[i] == NONE).collect();
        let mut pred = vec![T::ZERO; n];
        let mut d = vec![T::ZERO; n];
        let mut dist = vec![T::ZERO; n];
        // Columns out of the to-do set, in the order they left it: done[..lo] scanned,
        // done[lo..] at the current least distance, to scan.
        let mut done: Vec<usize> = Vec::with_capacity(n);
        for start in free {
            let row = &cost[start * n..(start + 1) * n];
            for ((dk, &c), &vk) in d.iter_mut().zip(row).zip(v.iter()) {
                *dk = c.into() - vk;
            }
            pred.fill(T::from_index(start));
            done.clear();
            let mut lo = 0usize;
            let mut least = T::ZERO;
            let sink = 'path: loop {
                if lo == done.len() {
                    // T::MIN - 1 wraps to the largest value.
                    least = d
                        .iter()
                        .map(|&x| x.wrapping_dec())
                        .min()
                        .unwrap_or(T::MAX)
                        .wrapping_inc();
                    let mut sink = NONE;
                    for (k, dk) in d.iter_mut().enumerate() {
                        if *dk == least {
                            *dk = T::MIN;
                            dist[k] = least;
                            done.push(k);
                            if row4col[k] == NONE {
                                sink = k;
                            }
                        }
                    }
                    if sink != NONE {
                        break 'path sink;
                    }
                }
                while lo < done.len() {
                    let j = done[lo];
                    lo += 1;
                    let i = row4col[j];
                    let ri = &cost[i * n..(i + 1) * n];
                    let h = ri[j].into() - v[j] - least;
                    let reached = scan(ri, v, &mut d, &mut pred, T::from_index(i), h, least, |k| {
                        if row4col[k] == NONE {
                            return true;
                        }
                        dist[k] = least;
                        done.push(k);
                        false
                    });
                    if let Some(k) = reached {
                        break 'path k;
                    }
                }
            };
            // The columns out of the to-do set keep every reduced cost >= 0 and the path tight
            // (those at the last level move by 0).
            for &j in &done {
                v[j] += dist[j] - least;
            }
            flip_path(|j| pred[j].index(), sink, start, col4row, row4col);
        }
    }
}

/// One scan of row `i`: every column's distance falls to `r = c[i][k] - v[k] - h` where that is
/// less, with `pred` = i. A column brought down to `least` is marked done and handed to `reach`,
/// which says whether it ends the path (then its index is returned). Blocks of 64 keep the loop
/// branch-free so that it vectorises; only a block where some column reached `least` is looked
/// at one by one.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn scan<E: Copy + Into<T>, T: Cost>(
    ri: &[E],
    v: &[T],
    d: &mut [T],
    pred: &mut [T],
    i: T,
    h: T,
    least: T,
    mut reach: impl FnMut(usize) -> bool,
) -> Option<usize> {
    const W: usize = 64;
    let blocks = ri
        .chunks(W)
        .zip(v.chunks(W))
        .zip(d.chunks_mut(W))
        .zip(pred.chunks_mut(W));
    for (b, (((rb, vb), db), pb)) in blocks.enumerate() {
        let mut hit = false;
        for (((&c, &vk), dk), pk) in rb.iter().zip(vb).zip(db.iter_mut()).zip(pb.iter_mut()) {
            let r = c.into() - vk - h;
            let old = *dk;
            let lt = r < old;
            *dk = if lt { r } else { old };
            *pk = if lt { i } else { *pk };
            hit |= lt & (r == least);
        }
        if hit {
            for (t, x) in db.iter_mut().enumerate() {
                if *x == least {
                    *x = T::MIN;
                    if reach(b * W + t) {
                        return Some(b * W + t);
                    }
                }
            }
        }
    }
    None
}

/// Assigns along the augmenting path that ends at free column `sink`: each column on it takes
/// the row `pred` names, each row its next column, back to the free row `start`.
fn flip_path(
    pred: impl Fn(usize) -> usize,
    sink: usize,
    start: usize,
    col4row: &mut [usize],
    row4col: &mut [usize],
) {
    let mut j = sink;
    loop {
        let i = pred(j);
        row4col[j] = i;
        std::mem::swap(&mut col4row[i], &mut j);
        if i == start {
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

    /// Square matrices take JV's level-at-a-time augmentation (`Square::augment`); many ties
    /// (costs in 0..=3) exercise the level's growth within a scan. The costs are stored in i16,
    /// i32 or i64 by their size (`Narrow`), so some matrices mix rows of every size, with the
    /// widest row coming anywhere.
    fn square_of(sizes: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Matrix> {
        let high = || prop_oneof![Just(3i64), Just(20), Just(1_000_000), Just(1 << 40)];
        let uniform = (sizes.clone(), high()).prop_flat_map(|(n, hi)| {
            proptest::collection::vec(0..=hi, n * n).prop_map(move |v| Matrix::new(n, n, v))
        });
        let mixed = sizes
            .prop_flat_map(move |n| proptest::collection::vec(high(), n))
            .prop_flat_map(|highs| {
                let n = highs.len();
                highs
                    .into_iter()
                    .map(|hi| proptest::collection::vec(-hi..=hi, n))
                    .collect::<Vec<_>>()
                    .prop_map(move |rows| Matrix::new(n, n, rows.concat()))
            });
        prop_oneof![uniform, mixed]
    }

    fn small_square() -> impl Strategy<Value = Matrix> {
        square_of(1..=7)
    }

    fn cost_of(m: &Matrix, col4row: &[usize]) -> i64 {
        col4row
            .iter()
            .enumerate()
            .map(|(i, &j)| m.cost[i * m.cols + j])
            .sum()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn square_problems_agree_with_brute_force(m in small_square()) {
            let s = solve(&m);
            prop_assert_eq!(s.total, brute(&m));
            let mut cols: Vec<usize> = s.row_to_col.iter().flatten().copied().collect();
            prop_assert_eq!(cols.len(), m.rows);
            cols.sort();
            cols.dedup();
            prop_assert_eq!(cols.len(), m.rows);
        }

        /// `square` as compiled without AVX2 (the dispatch takes AVX2 where it can).
        #[test]
        fn portable_square_agrees_with_brute_force(m in small_square()) {
            let col4row = square(&m);
            prop_assert_eq!(cost_of(&m, &col4row), brute(&m));
            let mut cols = col4row.clone();
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Larger square problems, too large for brute force: JV's solver (dispatched and
        /// portable) and the plain one-column-at-a-time shortest paths find the same optimum.
        #[test]
        fn square_agrees_with_rectangular_on_larger_problems(m in square_of(8..=90)) {
            let expected = cost_of(&m, &rectangular(&m));
            prop_assert_eq!(cost_of(&m, &solve_square(&m)), expected);
            prop_assert_eq!(cost_of(&m, &square(&m)), expected);
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
