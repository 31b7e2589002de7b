//! `kontakt fmt`: every record in the canonical layout (kontakt's key order and spacing), each
//! person's comments kept with the key they were written above or beside.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::model::{Assignment, Client, Volunteer};
use crate::store::{Changeset, Record, Store, edit, parse, to_toml};

/// The files not in canonical layout, and (unless `check_only`) rewritten.
pub fn fmt(store: &Store, check_only: bool) -> Result<Vec<PathBuf>> {
    let lock = store.lock()?;
    let mut changes = Changeset::new();
    collect::<Client>(store, &mut changes)?;
    collect::<Volunteer>(store, &mut changes)?;
    collect::<Assignment>(store, &mut changes)?;
    let paths: Vec<PathBuf> = changes.paths().map(PathBuf::from).collect();
    if !check_only {
        store.commit(&lock, &changes)?;
    }
    Ok(paths)
}

fn collect<T: Record>(store: &Store, changes: &mut Changeset) -> Result<()> {
    for id in store.ids(T::KIND)? {
        let rel = Store::rel_path(T::KIND, &id);
        let text = store.read_text(&rel)?;
        let rec: T = parse::parse(&rel, &text)?;
        if rec.id() != &id {
            return Err(Error::refused_then(
                vec![crate::tr!(
                    "{}: the id does not match the file name",
                    "{}: id:t stämmer inte med filnamnet",
                    rel.display()
                )],
                crate::error::Next::Check,
            ));
        }
        let formatted = edit::canonical_with_comments(&text, &to_toml(&rec, &rel)?);
        if formatted != text {
            changes.write(rel, formatted);
        }
    }
    Ok(())
}
