//! The dense assignment solver against the `lapjv` crate (Jonker-Volgenant in Rust), on the
//! same random square matrices, in one process: each solve timed alone, the optimal costs
//! compared (the run stops if they ever differ).
//!
//! `cargo run --release --example assign_vs_lapjv -- [SIZE ...] [--seeds N] [--reps R]` (default
//! sizes 1000 2000 4000, five seeds, three repetitions). On a shared machine one timing says
//! little: each seed is solved R times by both, alternating which goes first, and the medians are
//! compared. Costs are uniform integers in [0, 1000) from SplitMix64 seeded
//! with the seed, as in `benches/assign_vs_scipy.py`'s kind of instance; lapjv gets them as f64.
//! Prints one row per size and seed: median seconds for each and lapjv's median over ours.
use std::time::Instant;

use kontakt::matching::solver::{Matrix, solve};

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let k = xs.len() / 2;
    if xs.len() % 2 == 1 {
        xs[k]
    } else {
        (xs[k - 1] + xs[k]) / 2.0
    }
}

/// SplitMix64: a tiny, well-known generator, enough for reproducible benchmark matrices.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn main() {
    let mut sizes = Vec::new();
    let mut seeds = 5u64;
    let mut reps = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--seeds" {
            seeds = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
        } else if a == "--reps" {
            reps = args.next().and_then(|s| s.parse().ok()).unwrap_or(3).max(1);
        } else if let Ok(n) = a.parse::<usize>() {
            sizes.push(n);
        }
    }
    if sizes.is_empty() {
        sizes = vec![1000, 2000, 4000];
    }
    println!("| size | seed | lapjv s | kontakt s | lapjv / kontakt | cost equal |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for &n in &sizes {
        for seed in 0..seeds {
            let mut state = seed;
            let costs: Vec<i64> = (0..n * n)
                .map(|_| (splitmix(&mut state) % 1000) as i64)
                .collect();
            let floats = ndarray::Array2::from_shape_fn((n, n), |(r, c)| costs[r * n + c] as f64);
            let m = Matrix::new(n, n, costs.clone());

            let (mut ours_t, mut theirs_t) = (Vec::new(), Vec::new());
            let (mut ours_cost, mut theirs) = (0, 0);
            for rep in 0..reps {
                for turn in 0..2 {
                    if (rep + turn) % 2 == 0 {
                        let t = Instant::now();
                        ours_cost = solve(&m).total;
                        ours_t.push(t.elapsed().as_secs_f64());
                    } else {
                        let t = Instant::now();
                        let (row, _) = lapjv::lapjv(&floats).expect("lapjv solves a square matrix");
                        theirs_t.push(t.elapsed().as_secs_f64());
                        theirs = row.iter().enumerate().map(|(r, &c)| costs[r * n + c]).sum();
                    }
                }
            }
            let (ours_s, theirs_s) = (median(&mut ours_t), median(&mut theirs_t));
            let equal = theirs == ours_cost;
            println!(
                "| {n}x{n} | {seed} | {theirs_s:.3} | {ours_s:.3} | {:.2}x | {} |",
                theirs_s / ours_s,
                if equal { "yes" } else { "NO" }
            );
            if !equal {
                eprintln!(
                    "optimal costs differ: lapjv {theirs}, kontakt {}",
                    ours_cost
                );
                std::process::exit(1);
            }
        }
    }
}
