//! Plain domain types and value types.
