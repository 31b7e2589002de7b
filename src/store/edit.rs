//! Writing a record back into a file a person may have edited by hand: the new content is merged
//! into the existing document with toml_edit, so comments, key order and layout survive, as cargo
//! does for manifests (`cargo add`). Values that did not change keep their exact text.

use toml_edit::{DocumentMut, Item, Table};

/// `new_canonical` is the record as the serializer writes it; `existing` is the file on disk.
/// Returns the text to write: `existing` with every changed value updated, new keys appended and
/// removed keys dropped. Falls back to the canonical text when the file does not parse.
pub fn merge(existing: &str, new_canonical: &str) -> String {
    let (Ok(mut old), Ok(new)) = (
        existing.parse::<DocumentMut>(),
        new_canonical.parse::<DocumentMut>(),
    ) else {
        return new_canonical.to_string();
    };
    merge_table(old.as_table_mut(), new.as_table());
    let mut next = 0;
    order_tables(old.as_table_mut(), new.as_table(), &mut next);
    old.to_string()
}

/// Puts the `[tables]` and `[[arrays of tables]]` in the order the record's type gives, so a new
/// section (a first decision, say) lands where the canonical layout has it, not at the end.
fn order_tables(old: &mut Table, new: &Table, next: &mut isize) {
    for (k, new_item) in new.iter() {
        match (old.get_mut(k), new_item) {
            (Some(Item::Table(o)), Item::Table(n)) => {
                o.set_position(Some(*next));
                *next += 1;
                order_tables(o, n, next);
            }
            (Some(Item::ArrayOfTables(o)), Item::ArrayOfTables(n)) => {
                for (ot, nt) in o.iter_mut().zip(n.iter()) {
                    ot.set_position(Some(*next));
                    *next += 1;
                    order_tables(ot, nt, next);
                }
            }
            _ => {}
        }
    }
}

fn merge_table(old: &mut Table, new: &Table) {
    let stale: Vec<String> = old
        .iter()
        .filter(|(k, _)| !new.contains_key(k))
        .map(|(k, _)| k.to_string())
        .collect();
    for k in stale {
        old.remove(&k);
    }
    // Where each key stands in the record's own layout. A table still in that order (kontakt
    // wrote it, or a person kept it) takes a new key where the layout has it, so that the file
    // stays what `kontakt fmt` writes; a table a person reordered keeps her order, the new key
    // last.
    let place: std::collections::HashMap<String, usize> = new
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.to_string(), i))
        .collect();
    let at = |k: &str| place.get(k).copied().unwrap_or(usize::MAX);
    let kept: Vec<usize> = old.iter().map(|(k, _)| at(k)).collect();
    let in_order = kept.windows(2).all(|w| w[0] < w[1]);
    let mut added = false;
    for (k, new_item) in new.iter() {
        match old.get_mut(k) {
            Some(old_item) => merge_item(old_item, new_item),
            None => {
                old.insert(k, new_item.clone());
                added = true;
            }
        }
    }
    if added && in_order {
        old.sort_values_by(|a, _, b, _| at(a.get()).cmp(&at(b.get())));
    }
}

fn merge_item(old: &mut Item, new: &Item) {
    match (old, new) {
        (Item::Table(o), Item::Table(n)) => merge_table(o, n),
        (Item::ArrayOfTables(o), Item::ArrayOfTables(n)) => {
            // Entries are matched by position: records only ever append to or edit their lists.
            while o.len() > n.len() {
                o.remove(o.len() - 1);
            }
            for (i, nt) in n.iter().enumerate() {
                match o.get_mut(i) {
                    Some(ot) => merge_table(ot, nt),
                    None => o.push(nt.clone()),
                }
            }
        }
        (Item::Value(o), Item::Value(n)) => {
            if let (Some(ot), Some(nt)) = (o.as_inline_table_mut(), n.as_inline_table()) {
                // Keep an inline table a person wrote inline.
                let mut t = ot.clone().into_table();
                merge_table(&mut t, &nt.clone().into_table());
                let mut inline = t.into_inline_table();
                *inline.decor_mut() = ot.decor().clone();
                *ot = inline;
            } else if !same_value(o, n) {
                let decor = o.decor().clone();
                *o = n.clone();
                *o.decor_mut() = decor;
            }
        }
        (o, n) => *o = n.clone(),
    }
}

/// Equal as data, whatever the spelling (`"a"` and `'a'`, `1_000` and `1000`).
fn same_value(a: &toml_edit::Value, b: &toml_edit::Value) -> bool {
    let norm = |v: &toml_edit::Value| {
        let mut v = v.clone();
        v.decor_mut().clear();
        toml::from_str::<toml::Value>(&format!("x = {v}")).ok()
    };
    match (norm(a), norm(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// The canonical layout of a record (`canonical`: key order and spacing as kontakt writes them),
/// with every comment of `existing` carried over to the key it was attached to. What `kontakt fmt`
/// writes.
pub fn canonical_with_comments(existing: &str, canonical: &str) -> String {
    let (Ok(old), Ok(mut new)) = (
        existing.parse::<DocumentMut>(),
        canonical.parse::<DocumentMut>(),
    ) else {
        return canonical.to_string();
    };
    carry_table(old.as_table(), new.as_table_mut());
    if has_comment(Some(old.trailing())) {
        new.set_trailing(old.trailing().clone());
    }
    new.to_string()
}

fn has_comment(raw: Option<&toml_edit::RawString>) -> bool {
    raw.and_then(|r| r.as_str())
        .is_some_and(|s| s.contains('#'))
}

fn carry_decor(from: &toml_edit::Decor, to: &mut toml_edit::Decor) {
    if has_comment(from.prefix()) {
        to.set_prefix(from.prefix().cloned().unwrap_or_default());
    }
    if has_comment(from.suffix()) {
        to.set_suffix(from.suffix().cloned().unwrap_or_default());
    }
}

fn carry_table(old: &Table, new: &mut Table) {
    carry_decor(old.decor(), new.decor_mut());
    for (mut key, new_item) in new.iter_mut() {
        let Some((old_key, old_item)) = old.get_key_value(key.get()) else {
            continue;
        };
        carry_decor(old_key.leaf_decor(), key.leaf_decor_mut());
        match (old_item, new_item) {
            (Item::Value(o), Item::Value(n)) => carry_decor(o.decor(), n.decor_mut()),
            (Item::Table(o), Item::Table(n)) => carry_table(o, n),
            (Item::ArrayOfTables(o), Item::ArrayOfTables(n)) => {
                for (ot, nt) in o.iter().zip(n.iter_mut()) {
                    carry_table(ot, nt);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_layout_and_unchanged_spelling_survive_a_change() {
        let existing = "# Anna's file, see the binder\nschema = 1\nname = 'Anna'   # as she writes it\n\n# areas: north side\narea = \"Norr\"\n\n[screening]\ninterview = \"2026-01-10\" # by phone\n";
        let new = "schema = 1\nname = \"Anna\"\narea = \"Söder\"\n\n[screening]\ninterview = \"2026-01-10\"\napproved = \"2026-02-01\"\n";
        let merged = merge(existing, new);
        assert_eq!(
            merged,
            "# Anna's file, see the binder\nschema = 1\nname = 'Anna'   # as she writes it\n\n# areas: north side\narea = \"Söder\"\n\n[screening]\ninterview = \"2026-01-10\" # by phone\napproved = \"2026-02-01\"\n"
        );
    }

    #[test]
    fn a_new_section_lands_where_the_canonical_layout_has_it() {
        let existing = "a = 1\n\n[[history]]\nx = 1 # kept\n";
        let new = "a = 1\n\n[[decisions]]\nd = 2\n\n[[history]]\nx = 1\n";
        assert_eq!(
            merge(existing, new),
            "a = 1\n\n[[decisions]]\nd = 2\n\n[[history]]\nx = 1 # kept\n"
        );
    }

    /// A key the record gains lands where kontakt's layout has it, so that a file kontakt
    /// wrote stays in the form `kontakt fmt` gives; one a person reordered keeps her order.
    #[test]
    fn a_new_key_lands_in_its_place_unless_a_person_reordered_the_table() {
        let existing = "a = 1\nc = 3\n";
        let canonical = "a = 1\nb = 2\nc = 3\n";
        assert_eq!(merge(existing, canonical), canonical);
        let reordered = "c = 3\na = 1\n";
        assert_eq!(merge(reordered, canonical), "c = 3\na = 1\nb = 2\n");
        let nested = "x = 1\n\n[t]\nfrom = 1\nto = 3\n";
        let nested_new = "x = 1\n\n[t]\nfrom = 1\nmid = 2\nto = 3\n";
        assert_eq!(merge(nested, nested_new), nested_new);
    }

    #[test]
    fn removed_keys_go_and_lists_follow_the_new_record() {
        let existing = "a = 1\nb = 2\n[[h]]\nx = 1\n[[h]]\nx = 2\n";
        let new = "a = 1\n[[h]]\nx = 1\n";
        assert_eq!(merge(existing, new), "a = 1\n[[h]]\nx = 1\n");
        let grown = merge(
            "a = 1\n[[h]]\nx = 1 # first\n",
            "a = 1\n[[h]]\nx = 1\n[[h]]\nx = 2\n",
        );
        assert_eq!(grown, "a = 1\n[[h]]\nx = 1 # first\n[[h]]\nx = 2\n");
    }

    #[test]
    fn canonical_layout_keeps_comments_with_their_keys() {
        let existing = "# file comment\nname = \"A\"   # as written\nschema = 1\n\n\n[screening] # the checks\n# by phone\ninterview = \"2026-01-10\"\n";
        let canonical = "schema = 1\nname = \"A\"\n\n[screening]\ninterview = \"2026-01-10\"\n";
        assert_eq!(
            canonical_with_comments(existing, canonical),
            "schema = 1\n# file comment\nname = \"A\"   # as written\n\n[screening] # the checks\n# by phone\ninterview = \"2026-01-10\"\n"
        );
        // Already canonical and without comments: unchanged.
        assert_eq!(canonical_with_comments(canonical, canonical), canonical);
    }
}
