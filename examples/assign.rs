//! Solves one assignment problem from a file and reports the cost and the solve time.
//!
//! `cargo run --release --example assign -- FILE`: one row per line, integers separated by
//! spaces (rows = clients, columns = volunteers, either may be larger). Prints
//! `cost=<total> seconds=<solve time, parsing excluded>`.
use std::time::Instant;

use kontakt::matching::solver::{Matrix, solve};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: assign FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("error: {path}: {e}");
        std::process::exit(2)
    });
    let mut cost = Vec::new();
    let (mut rows, mut cols) = (0, 0);
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let before = cost.len();
        for word in line.split_whitespace() {
            match word.parse::<i64>() {
                Ok(x) if x.abs() < 1 << 40 => cost.push(x),
                _ => {
                    eprintln!(
                        "error: {path}:{}: `{word}` is not an integer (|x| < 2^40)",
                        n + 1
                    );
                    std::process::exit(2);
                }
            }
        }
        let width = cost.len() - before;
        if rows > 0 && width != cols {
            eprintln!(
                "error: {path}:{}: {width} columns, the first row has {cols}",
                n + 1
            );
            std::process::exit(2);
        }
        cols = width;
        rows += 1;
    }
    let m = Matrix::new(rows, cols, cost);
    let t = Instant::now();
    let s = solve(&m);
    let secs = t.elapsed().as_secs_f64();
    println!("cost={} seconds={secs:.4}", s.total);
}
