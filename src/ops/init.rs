//! `kontakt init`: a new, empty records directory.

use crate::error::IoOp;
use std::fs;
use std::path::Path;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::model::config;
use crate::store::{Changeset, atomic};

/// Creates the records directory `dir` (which must be missing or empty) for `municipality`,
/// its kontakt.toml commented in `lang`.
pub fn init(dir: &Path, municipality: &str, lang: Lang) -> Result<()> {
    // The name heads every document and page; an empty one would read "Kontaktpersonsverksamheten : statistik".
    if municipality.trim().is_empty() {
        return Err(Error::arg(
            "--municipality",
            crate::tr!("the municipality's name is empty", "kommunens namn är tomt"),
        ));
    }
    match fs::read_dir(dir) {
        Ok(mut rd) => {
            if rd.next().is_some() {
                return Err(Error::refused(vec![crate::tr!(
                    "{} is not empty; kontakt init only creates a new records directory",
                    "{} är inte tom; kontakt init skapar bara en ny aktkatalog",
                    dir.display()
                )]));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => atomic::create_private_dir(dir)?,
        Err(e) => return Err(Error::io(dir, IoOp::ReadDir, e)),
    }
    let mut c = Changeset::new();
    let template = match lang {
        Lang::En => config::template(municipality),
        Lang::Sv => config::template_sv(municipality),
    };
    c.write(crate::store::CONFIG_FILE, template);
    c.write(
        ".gitignore",
        format!(
            "# {}\n{}/\n",
            match lang {
                Lang::En => "kontakt's lock, interrupted transactions and caches",
                Lang::Sv => "kontakts lås, avbrutna transaktioner och cachar",
            },
            atomic::STATE_DIR
        ),
    );
    for sub in ["clients", "volunteers"] {
        atomic::create_private_dir(&dir.join(sub))?;
    }
    atomic::commit(dir, &c)
}
