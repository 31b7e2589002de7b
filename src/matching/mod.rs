//! Matching volunteers to waiting clients: hard rules, scores that explain themselves, and an
//! exact assignment solver for the whole waiting list.

pub mod auto;
pub mod score;
pub mod solver;
pub mod sparse;

pub use score::{Exclusion, Pool, Score};
