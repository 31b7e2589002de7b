//! The payroll file: CSV in the layout the configuration gives, or PAXml 2.0.

pub mod csv;
pub mod paxml;

use super::{PayLine, Payee};

/// A line with its payee, as the exporters take them.
pub type Row<'a> = (&'a PayLine, &'a Payee);

/// `1233.50` or `1233,50`: kronor with two decimals and the given separator.
pub fn decimal(ore: i64, separator: char) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let abs = ore.unsigned_abs();
    format!("{sign}{}{separator}{:02}", abs / 100, abs % 100)
}
