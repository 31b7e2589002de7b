//! Matching volunteers to waiting clients: scoring and the assignment solver.
