//! The operations behind each command: load what is needed, apply the rules, stage the writes,
//! commit. Each returns data for the CLI to render; none prints.

pub mod agree;
pub mod apply;
pub mod check;
pub mod csv_rows;
pub mod due;
pub mod end;
pub mod find;
pub mod fmt;
pub mod gallra;
pub mod init;
pub mod ivo;
pub mod matching;
pub mod pause;
pub mod pay;
pub mod plan;
pub mod report;
pub mod screen;
pub mod stats;
pub mod support;
pub mod update;

use std::collections::HashSet;

/// Splits a list option (`fika,hockey`), trimming, dropping empties and repeats, keeping order.
pub fn split_list(s: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    s.split(',')
        .map(|x| x.trim().to_lowercase())
        .filter(|x| !x.is_empty() && seen.insert(x.clone()))
        .collect()
}
