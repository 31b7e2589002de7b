//! A listing defined once: each kind's columns, each with its table header, its JSON key and
//! how to read its value from a row, rendered to a table (for people, in their language), CSV
//! and JSON (for scripts: English words, amounts in öre in JSON and in kronor in CSV).

use chrono::NaiveDate;
use kontakt::model::{Id, Money};
use serde_json::{Value, json};

use super::ListFormat;
use crate::render;

/// A value as the three formats show it.
pub enum Cell {
    Text(String),
    /// A domain word (a status): the person's language in a table, English for scripts.
    Word(String),
    Id(Id),
    /// An id with the person's name beside it in a table; the id alone for scripts.
    Named(Id, Option<String>),
    Date(Option<NaiveDate>),
    Count(usize),
    Number(Option<i64>),
    /// A moment: to the minute in a table, to the second for scripts.
    Time(chrono::NaiveDateTime),
    Money(Money),
    /// An amount that may be missing, in öre for scripts (a key ending in `_ore`).
    Ore(Option<Money>),
    List(Vec<String>),
    /// Dates (a report's meetings): counted in a table and CSV, listed in JSON.
    Dates(Vec<NaiveDate>),
    /// Records of their own (a person's assignments): as `text` in a table and CSV, as the
    /// structure `json` for scripts.
    Nested {
        text: String,
        json: Value,
    },
    /// A value each format shows its own way (a date with "(overdue)" beside it in a table, a
    /// column of its own for scripts).
    PerFormat {
        table: String,
        csv: String,
        json: Value,
    },
}

/// A column: shown in the table (`table`) or only to scripts.
pub struct Column<R> {
    /// The table's header (English; tables translate it) and the CSV header.
    pub header: &'static str,
    /// The JSON key.
    pub key: &'static str,
    pub table: bool,
    pub value: fn(&R) -> Cell,
}

impl<R> Column<R> {
    pub const fn new(header: &'static str, key: &'static str, value: fn(&R) -> Cell) -> Self {
        Column {
            header,
            key,
            table: true,
            value,
        }
    }

    /// A column for scripts only (the table has no room for it).
    pub const fn script(key: &'static str, value: fn(&R) -> Cell) -> Self {
        Column {
            header: key,
            key,
            table: false,
            value,
        }
    }
}

fn table_text(c: Cell) -> String {
    match c {
        Cell::Text(s) => s,
        Cell::Word(w) => render::word(&w),
        Cell::Id(id) => id.to_string(),
        Cell::Named(id, Some(name)) => format!("{id} {name}"),
        Cell::Named(id, None) => id.to_string(),
        Cell::Date(d) => render::opt(&d),
        Cell::Count(n) => n.to_string(),
        Cell::Number(n) => render::opt(&n),
        Cell::Time(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        Cell::Money(m) => render::amount(m),
        Cell::Ore(m) => m.map(render::amount).unwrap_or_default(),
        Cell::List(v) => render::list(&v),
        Cell::Dates(v) => v.len().to_string(),
        Cell::Nested { text, .. } => text,
        Cell::PerFormat { table, .. } => table,
    }
}

fn csv_text(c: Cell) -> String {
    match c {
        Cell::Text(s) | Cell::Word(s) => s,
        Cell::Id(id) | Cell::Named(id, _) => id.to_string(),
        Cell::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        Cell::Count(n) => n.to_string(),
        Cell::Number(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        Cell::Time(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        // Kronor with a decimal point, as the header says ("total kr").
        Cell::Money(m) => m.to_string(),
        Cell::Ore(m) => m.map(|m| m.ore().to_string()).unwrap_or_default(),
        Cell::List(v) => render::list(&v),
        Cell::Dates(v) => v.len().to_string(),
        Cell::Nested { text, .. } => text,
        Cell::PerFormat { csv, .. } => csv,
    }
}

fn json_value(c: Cell) -> Value {
    match c {
        Cell::Text(s) | Cell::Word(s) => json!(s),
        Cell::Id(id) | Cell::Named(id, _) => json!(id),
        Cell::Date(d) => json!(d),
        Cell::Count(n) => json!(n),
        Cell::Number(n) => json!(n),
        Cell::Time(t) => json!(t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        Cell::Money(m) => json!(m.ore()),
        Cell::Ore(m) => json!(m.map(Money::ore)),
        Cell::List(v) => json!(v),
        Cell::Dates(v) => json!(v),
        Cell::Nested { json, .. } | Cell::PerFormat { json, .. } => json,
    }
}

/// `rows` in `format`, by `columns`.
pub fn render<R>(columns: &[Column<R>], rows: &[R], format: ListFormat) -> String {
    match format {
        ListFormat::Json => render::json(
            &rows
                .iter()
                .map(|r| {
                    Value::Object(
                        columns
                            .iter()
                            .map(|c| (c.key.to_string(), json_value((c.value)(r))))
                            .collect(),
                    )
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Csv => render::rows(
            true,
            &columns.iter().map(|c| c.header).collect::<Vec<_>>(),
            rows.iter()
                .map(|r| columns.iter().map(|c| csv_text((c.value)(r))).collect())
                .collect(),
        ),
        ListFormat::Table => {
            let shown: Vec<&Column<R>> = columns.iter().filter(|c| c.table).collect();
            render::table(
                &shown.iter().map(|c| c.header).collect::<Vec<_>>(),
                rows.iter()
                    .map(|r| shown.iter().map(|c| table_text((c.value)(r))).collect())
                    .collect(),
            )
        }
    }
}
