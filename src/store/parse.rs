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

/// Every problem the parser finds in `text`, not only the first, so that one `check` names all
/// of a file's mistakes. After each problem at a field, that field is set aside in a copy of the
/// document (removed, or, when the record cannot do without it, given a placeholder that parses)
/// and the copy is parsed again. A syntax error, or a field no placeholder satisfies, ends the
/// search. Lines are those of `text` itself. Empty when the text parses.
pub fn all_failures<T: DeserializeOwned>(text: &str) -> Vec<Failure> {
    let mut out: Vec<Failure> = Vec::new();
    // Syntax first: each line that is not TOML is commented out in a copy (the lines stay
    // where they are), and what its key held is not reported missing afterwards.
    let mut work = text.to_string();
    let mut removed: Vec<String> = Vec::new();
    let mut first = None;
    for _ in 0..64 {
        match parse_detailed::<T>(&work) {
            Ok(_) => return out,
            Err(f) if f.syntax => {
                let line = f.line;
                let before = work.clone();
                work = comment_out(&work, line);
                out.push(f);
                if work == before {
                    return out;
                }
                if let Some(key) = before.lines().nth(line - 1).and_then(|l| l.split_once('=')) {
                    removed.push(key.0.trim().trim_matches('"').to_string());
                }
            }
            Err(f) => {
                first = Some(f);
                break;
            }
        }
    }
    let Some(first) = first else {
        return out;
    };
    let Ok(mut doc) = work.parse::<toml_edit::DocumentMut>() else {
        return out;
    };
    let mut field = first.field.clone();
    if !missing_one_of(&first, &removed) {
        out.push(first);
    }
    // Then fields, each set aside in turn; a record has a few dozen.
    for _ in 0..64 {
        let Some(path) = field.take() else {
            break;
        };
        // A field nothing satisfies takes its table with it (a decision without its outcome).
        let mut segments = path_segments(&path);
        let (next, was_removed) = loop {
            match set_aside::<T>(&mut doc, &segments) {
                Some(done) => break done,
                None if segments.len() > 1 => {
                    segments.pop();
                }
                None => return out,
            }
        };
        if was_removed {
            removed.push(path_string(&segments));
        }
        match next {
            Ok(()) => break,
            // A required field we removed: set its table aside instead, and say nothing.
            Err(f) if missing_one_of(&f, &removed) => {
                if f.field.is_none() {
                    break;
                }
                field = f.field.clone();
            }
            Err(f) if f.syntax || out.iter().any(|o| o.field == f.field) => break,
            Err(f) => {
                let segments = path_segments(f.field.as_deref().unwrap_or(""));
                let parts: Vec<KeyPart> = segments.iter().map(Segment::part).collect();
                field = f.field.clone();
                out.push(Failure {
                    line: line_of_key(&work, &parts),
                    ..f
                });
            }
        }
    }
    out
}

/// `text` with its 1-based line `line` commented out.
fn comment_out(text: &str, line: usize) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line && !l.trim_start().starts_with('#') {
            out.push_str("# ");
        }
        out.push_str(l);
    }
    out
}

/// One step of serde's path (`decisions[0].from`).
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Key(String),
    Index(usize),
}

impl Segment {
    fn part(&self) -> KeyPart<'_> {
        match self {
            Segment::Key(k) => KeyPart::Key(k),
            Segment::Index(i) => KeyPart::Index(*i),
        }
    }
}

/// Segments as serde writes a path: `decisions[0].from`.
fn path_string(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| match s {
            Segment::Key(k) => k.clone(),
            Segment::Index(i) => format!("[{i}]"),
        })
        .collect::<Vec<_>>()
        .join(".")
        .replace(".[", "[")
}

fn path_segments(path: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            if i > 0 {
                out.push(Segment::Key(rest[..i].to_string()));
            }
            rest = &rest[i..];
            while let Some(end) = rest.find(']') {
                if let Ok(n) = rest[1..end].parse() {
                    out.push(Segment::Index(n));
                }
                rest = &rest[end + 1..];
            }
        } else {
            out.push(Segment::Key(rest.to_string()));
        }
    }
    out
}

/// Sets the value at `segments` aside in `doc` (or, when the document ends above it, the
/// deepest value on the way): puts a placeholder that parses there, or removes it. The next
/// parse's outcome, and whether the value was removed; `None` when nothing lets the parser
/// past this field.
fn set_aside<T: DeserializeOwned>(
    doc: &mut toml_edit::DocumentMut,
    segments: &[Segment],
) -> Option<(Result<(), Failure>, bool)> {
    let segments = &segments[..reachable(doc, segments)];
    let original = item_at(doc, segments)?.clone();
    // A placeholder first, so that a field the record needs is not reported missing later;
    // removal last, for a value no placeholder fits (a word outside its list).
    let candidates = [
        toml_edit::value(""),
        toml_edit::value("2000-01-01"),
        toml_edit::value(1),
        toml_edit::value(false),
        toml_edit::value(toml_edit::Array::new()),
    ];
    let path = path_string(segments);
    let blocked = |r: &Result<(), Failure>| match r {
        Ok(()) => false,
        Err(f) => {
            f.field.as_deref() == Some(path.as_str())
                || f.field.as_deref().is_some_and(|g| {
                    g.starts_with(&format!("{path}.")) || g.starts_with(&format!("{path}["))
                })
                || f.message.starts_with("missing field")
                    && f.field.as_deref().unwrap_or("") == parent_path(&path)
        }
    };
    // A table in a list of tables ([[decisions]]) takes no placeholder: it is removed.
    let in_list = matches!(segments.last(), Some(Segment::Index(_)));
    if !in_list {
        for candidate in candidates {
            *item_at(doc, segments)? = candidate;
            let r = parse_detailed::<T>(&doc.to_string()).map(|_: T| ());
            if !blocked(&r) {
                return Some((r, false));
            }
        }
    }
    remove_at(doc, segments)?;
    let r = parse_detailed::<T>(&doc.to_string()).map(|_: T| ());
    if !blocked(&r) {
        return Some((r, true));
    }
    // Nothing helps: the document as it was (the key back in its place).
    insert_at(doc, segments, original)?;
    None
}

/// Is `f` the record missing a field that was removed?
fn missing_one_of(f: &Failure, removed: &[String]) -> bool {
    let Some(name) = f
        .message
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    else {
        return false;
    };
    let full = match f.field.as_deref() {
        Some(p) => format!("{p}.{name}"),
        None => name.to_string(),
    };
    // A line that was not TOML is set aside by its key alone, wherever its table.
    removed.contains(&full) || removed.iter().any(|r| r == name)
}

fn parent_path(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(i) => &path[..i],
        None => "",
    }
}

/// How many of `segments` the document holds as its own items (a value inside an array of
/// values is not one: the array is set aside whole).
fn reachable(doc: &toml_edit::DocumentMut, segments: &[Segment]) -> usize {
    let mut item = doc.as_item();
    for (n, s) in segments.iter().enumerate() {
        let next = match s {
            Segment::Key(k) => item.get(k.as_str()),
            Segment::Index(i) => item
                .as_array_of_tables()
                .and_then(|a| a.get(*i))
                .and(item.get(*i)),
        };
        match next {
            Some(i) => item = i,
            None => return n,
        }
    }
    segments.len()
}

/// The item at `segments`, all of which the document holds.
fn item_at<'d>(
    doc: &'d mut toml_edit::DocumentMut,
    segments: &[Segment],
) -> Option<&'d mut toml_edit::Item> {
    if segments.is_empty() {
        // The whole document is never set aside.
        return None;
    }
    let mut item = doc.as_item_mut();
    for s in segments {
        item = match s {
            Segment::Key(k) => item.get_mut(k.as_str())?,
            Segment::Index(i) => item.get_mut(*i)?,
        };
    }
    Some(item)
}

fn remove_at(doc: &mut toml_edit::DocumentMut, segments: &[Segment]) -> Option<()> {
    let (last, parent) = segments.split_last()?;
    let parent = match parent {
        [] => doc.as_item_mut(),
        p => item_at(doc, p)?,
    };
    match last {
        Segment::Key(k) => parent.as_table_like_mut()?.remove(k).map(|_| ()),
        Segment::Index(i) => {
            let list = parent.as_array_of_tables_mut()?;
            (*i < list.len()).then(|| {
                list.remove(*i);
            })
        }
    }
}

fn insert_at(
    doc: &mut toml_edit::DocumentMut,
    segments: &[Segment],
    item: toml_edit::Item,
) -> Option<()> {
    let (last, parent) = segments.split_last()?;
    let parent = match parent {
        [] => doc.as_item_mut(),
        p => item_at(doc, p)?,
    };
    match (last, item) {
        (Segment::Key(k), item) => {
            parent.as_table_like_mut()?.insert(k, item);
        }
        (Segment::Index(_), toml_edit::Item::Table(t)) => parent.as_array_of_tables_mut()?.push(t),
        _ => return None,
    }
    Some(())
}

fn failure(text: &str, e: &toml::de::Error, field: Option<String>, syntax: bool) -> Failure {
    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
    // What a file held may be quoted back (`invalid type: integer …`): never a whole
    // personnummer.
    let mut message = crate::model::pnr::mask_in(&e.message().trim().replace('\n', "; "));
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

    /// A client file, and mistakes to put into it: (line, the line's new text). Each is
    /// independent of the others, so any set of them is reported, each at its line.
    const CLIENT: &str = "schema = 1\nid = \"C-7Q2K9M\"\nname = \"Test\"\npnr = \"198301012384\"\n\
        applied = \"2026-01-10\"\nbasis = \"sol\"\narea = \"Norr\"\nwants_gender = \"any\"\n\
        note = \"ok\"\n\n[[decisions]]\ndecided = \"2026-01-20\"\noutcome = \"granted\"\n\
        from = \"2026-02-01\"\nto = \"2026-12-31\"\n";
    const MISTAKES: [(usize, &str); 9] = [
        (5, "applied = \"2026-8-03\""),
        (6, "basis = \"xyz\""),
        (7, "area = 5"),
        (8, "wants_gender = \"alien\""),
        (9, "note = \"unclosed"),
        (3, "nmae = \"Test\""),
        (13, "outcome = \"maybe\""),
        (14, "from = \"2026-02-30\""),
        (15, "to = 2026-13-01"),
    ];

    fn with(mistakes: &[(usize, &str)]) -> String {
        CLIENT
            .lines()
            .enumerate()
            .map(|(i, l)| {
                mistakes
                    .iter()
                    .find(|(n, _)| *n == i + 1)
                    .map_or(l, |(_, m)| m)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_sound_file_has_no_failures() {
        assert!(all_failures::<crate::model::Client>(CLIENT).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn every_mistake_of_a_file_is_found_at_its_line(pick in proptest::collection::vec(proptest::bool::ANY, 9)) {
            let mistakes: Vec<(usize, &str)> = MISTAKES
                .iter()
                .zip(&pick)
                .filter(|(_, p)| **p)
                .map(|(m, _)| *m)
                .collect();
            let text = with(&mistakes);
            let found = all_failures::<crate::model::Client>(&text);
            let mut lines: Vec<usize> = found.iter().map(|f| f.line).collect();
            lines.sort_unstable();
            let mut expected: Vec<usize> = mistakes.iter().map(|(l, _)| *l).collect();
            expected.sort_unstable();
            proptest::prop_assert_eq!(&lines, &expected, "{:?}\n{}", found, text);
            // The first is what the strict parse says.
            if let Err(f) = parse_detailed::<crate::model::Client>(&text) {
                proptest::prop_assert!(found.iter().any(|g| g.line == f.line && g.message == f.message));
            }
        }
    }
}
