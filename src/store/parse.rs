//! Reading a record's text into its type, with errors that name the line and the field.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::Error;

/// Parses `text` (the file at `path`) as a `T`, or says where and what is wrong.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Error> {
    parse_detailed(text).map_err(|f| f.into_error(path))
}

/// Why a text did not parse, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub line: usize,
    /// The dotted path of the field (`screening.interview`), when the problem is in one.
    pub field: Option<String>,
    pub message: String,
    /// Not TOML at all, as opposed to TOML that does not fit the record.
    pub syntax: bool,
}

impl Failure {
    pub fn into_error(self, path: &Path) -> Error {
        Error::Record {
            path: path.to_path_buf(),
            line: self.line,
            field: self.field,
            message: self.message,
        }
    }
}

pub fn parse_detailed<T: DeserializeOwned>(text: &str) -> Result<T, Failure> {
    let de = toml::Deserializer::parse(text).map_err(|e| failure(text, &e, None, true))?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let field = (field != ".").then_some(field);
        failure(text, e.inner(), field, false)
    })
}

fn failure(text: &str, e: &toml::de::Error, field: Option<String>, syntax: bool) -> Failure {
    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
    let mut message = e.message().trim().replace('\n', "; ");
    if let Some(hint) = did_you_mean(&message) {
        message.push_str(&format!(" (did you mean `{hint}`?)"));
    }
    Failure {
        line,
        field,
        message,
        syntax,
    }
}

/// The 1-based line of byte offset `at`.
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// For serde's "unknown field `x`, expected one of `a`, `b`": the expected name closest to `x`.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, rest) = rest.split_once('`')?;
    rest.split('`')
        .skip(1)
        .step_by(2)
        .map(|cand| (strsim::jaro_winkler(unknown, cand), cand))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

/// The line on which the value of `keys` (a path of table keys and array indexes) starts in a
/// TOML text, for problems found after parsing (an end date before a start date, say).
pub fn line_of_key(text: &str, keys: &[KeyPart]) -> usize {
    let Ok(doc) = toml_edit::Document::parse(text) else {
        return 1;
    };
    let mut item: &toml_edit::Item = doc.as_item();
    let mut best = 1;
    for k in keys {
        let next = match k {
            KeyPart::Key(k) => item.get(*k),
            KeyPart::Index(i) => item.get(*i),
        };
        match next {
            Some(n) => {
                item = n;
                if let Some(span) = n.span() {
                    best = line_of(text, span.start);
                }
            }
            None => break,
        }
    }
    best
}

#[derive(Debug, Clone, Copy)]
pub enum KeyPart<'a> {
    Key(&'a str),
    Index(usize),
}

/// A rule's key path (`rules::Key`) as a path into the file's text.
pub fn key_parts(keys: &[crate::rules::Key]) -> Vec<KeyPart<'_>> {
    keys.iter()
        .map(|k| match k {
            crate::rules::Key::Name(n) => KeyPart::Key(n),
            crate::rules::Key::Index(i) => KeyPart::Index(*i),
        })
        .collect()
}

/// A rule's problem in the file at `path` (whose text is `text`) as an error naming its line.
pub fn problem_error(path: &Path, text: &str, p: &crate::rules::Problem) -> Error {
    Error::Record {
        path: path.to_path_buf(),
        line: line_of_key(text, &key_parts(&p.at)),
        field: Some(p.field()),
        message: p.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        name: String,
        inner: Inner,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        capacity: u32,
    }

    fn err(text: &str) -> String {
        parse::<Rec>(Path::new("x.toml"), text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn errors_name_file_line_and_field() {
        assert_eq!(
            err("name = \"a\"\n[inner]\ncapacity = -3\n"),
            "x.toml:3: field `inner.capacity`: invalid value: integer `-3`, expected u32"
        );
        assert_eq!(
            err("name = \"a\"\nnmae = 1\n[inner]\ncapacity = 1\n"),
            "x.toml:2: field `nmae`: unknown field `nmae`, expected `name` or `inner` (did you mean `name`?)"
        );
        assert!(err("name = \"a\n").starts_with("x.toml:1: "));
    }

    #[test]
    fn line_of_key_finds_nested_values() {
        let text = "a = 1\n[[d]]\nx = 1\n[[d]]\nx = 2\ny = 3\n";
        assert_eq!(
            line_of_key(
                text,
                &[KeyPart::Key("d"), KeyPart::Index(1), KeyPart::Key("y")]
            ),
            6
        );
        assert_eq!(line_of_key(text, &[KeyPart::Key("a")]), 1);
    }
}
