//! What the person at the terminal can do next, added to an error at the edge (jj's
//! `command_error.rs`): the library says what went wrong, the CLI how to go on.

use kontakt::Error;
use kontakt::tr;

/// A next step for the person at the terminal, where one is obvious.
pub fn hint(e: &Error) -> Option<String> {
    match e {
        Error::NotRecords { .. } => Some(tr!(
            "create one with `kontakt init DIR`, or point --records (or KONTAKT_RECORDS) at one",
            "skapa en med `kontakt init KATALOG`, eller ange en med --records (eller KONTAKT_RECORDS)"
        )),
        Error::Ambiguous { .. } => Some(tr!(
            "type more characters of the id",
            "skriv fler tecken av id:t"
        )),
        Error::NotFound { similar, .. } if !similar.is_empty() => Some(tr!(
            "did you mean {}?",
            "menade du {}?",
            similar.join(kontakt::lang::current().pick(" or ", " eller "))
        )),
        Error::NotFound { .. } => Some(tr!(
            "`kontakt list` shows the ids",
            "`kontakt list` visar id:na"
        )),
        Error::Record { .. } | Error::Overflow(_) => Some(tr!(
            "`kontakt check` lists every problem in the records",
            "`kontakt check` listar alla fel i akterna"
        )),
        _ => None,
    }
}
