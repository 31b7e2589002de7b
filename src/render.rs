//! Output for people (tables) and for scripts (JSON). Personnummer are masked unless asked.

use comfy_table::{ContentArrangement, Table, presets};
use kontakt::lang::Lang;
use kontakt::model::Pnr;
use serde::Serialize;

/// The language of what people read, chosen once per run (`--lang`, the locale).
pub fn set_lang(lang: Lang) {
    kontakt::lang::set(lang);
}

pub fn lang() -> Lang {
    kontakt::lang::current()
}

/// An amount without its unit, as the reader writes numbers: `1 233,00` or `1,233.00`.
pub fn amount(m: kontakt::model::Money) -> String {
    m.localized(lang()).trim_end_matches(" kr").to_string()
}

/// A domain word (a status) for a person; scripts get the English word.
pub fn word(w: &str) -> String {
    lang().word(w)
}

/// A record's value (an enum such as a verdict, a reason or a time of the week) in the
/// reader's words: the word the file holds, translated like `word`.
pub fn value<T: Serialize>(v: &T) -> String {
    word(&kontakt::model::common::word(v))
}

/// Several values, comma separated.
pub fn values<'a, T: Serialize + 'a>(v: impl IntoIterator<Item = &'a T>) -> String {
    v.into_iter().map(value).collect::<Vec<_>>().join(", ")
}

/// A tidy table; plain characters (no colour), so NO_COLOR and pipes need nothing special.
pub fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .apply_modifier(comfy_table::modifiers::UTF8_ROUND_CORNERS)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(|h| lang().label(h)).collect::<Vec<_>>());
    // Off a terminal (a pipe, a file, `less`) the table has no width to fit: long reasons
    // wrap at `COLUMNS`, else at 120 characters, rather than running off the page.
    if t.width().is_none() {
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<u16>().ok())
            .filter(|c| *c >= 40)
            .unwrap_or(120);
        t.set_width(columns);
    }
    for r in rows {
        t.add_row(r);
    }
    let mut s = t.to_string();
    s.push('\n');
    s
}

/// Rows for a person (a table) or for a script (`csv`: RFC 4180 with a header row).
pub fn rows(csv: bool, header: &[&str], rows: Vec<Vec<String>>) -> String {
    if !csv {
        return table(header, rows);
    }
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header);
    for r in &rows {
        let _ = w.write_record(
            r.iter()
                .map(|c| kontakt::spreadsheet::neutralise(c).into_owned()),
        );
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `key: value` lines, aligned, for one record.
pub fn fields(pairs: &[(&str, String)]) -> String {
    let pairs: Vec<(String, &String)> = pairs.iter().map(|(k, v)| (lang().label(k), v)).collect();
    let width = pairs
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let mut s = String::new();
    for (k, v) in pairs {
        if !v.is_empty() {
            s.push_str(&format!("{k:width$}  {v}\n"));
        }
    }
    s
}

pub fn json<T: Serialize>(value: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// The personnummer as a person reading this may see it.
pub fn pnr(p: &Pnr, show: bool) -> String {
    if show { p.full() } else { p.masked() }
}

/// A record as JSON with its personnummer masked unless `show`.
pub fn record_json<T: Serialize>(rec: &T, show: bool, pnr_value: &Pnr) -> serde_json::Value {
    let mut v = serde_json::to_value(rec).unwrap_or(serde_json::Value::Null);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("pnr".into(), pnr(pnr_value, show).into());
    }
    v
}

pub fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

pub fn list(v: &[String]) -> String {
    v.join(", ")
}
