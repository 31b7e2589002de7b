//! What the person at the terminal can do next, added to an error at the edge (jj's
//! `command_error.rs`): the library says what went wrong, the CLI how to go on.

use kontakt::error::Next;
use kontakt::tr;
use kontakt::{Error, model::Id};

/// A next step for the person at the terminal, where one is obvious (several, a line each): what the library named
/// (`Error::Refused`'s `next`), or what its kind of error calls for.
pub fn hint(e: &Error) -> Option<String> {
    match e {
        Error::Refused { next, .. } if !next.is_empty() => {
            Some(next.iter().map(step).collect::<Vec<_>>().join("\n"))
        }
        // The steps named for it, then what its own kind of error calls for.
        Error::Then { error, next } => {
            let lines: Vec<String> = next.iter().map(step).chain(hint(error)).collect();
            (!lines.is_empty()).then(|| lines.join("\n"))
        }
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

fn ids(ids: &[Id]) -> String {
    ids.iter().map(Id::to_string).collect::<Vec<_>>().join(" ")
}

/// A next step in words, with the command to type.
fn step(n: &Next) -> String {
    match n {
        Next::CheckThenPay(month) => tr!(
            "`kontakt check` lists every problem; once they are mended, `kontakt pay {}` pays",
            "`kontakt check` listar alla fel; när de är rättade betalar `kontakt pay {}`",
            month
        ),
        Next::Check => tr!("`kontakt check` says more", "`kontakt check` säger mer"),
        Next::Repair => tr!(
            "`kontakt check --repair` finishes or drops the interrupted command (`.kontakt/txn-*`)",
            "`kontakt check --repair` slutför eller tar bort det avbrutna kommandot (`.kontakt/txn-*`)"
        ),
        Next::PayAgain(month) => tr!(
            "`kontakt pay {}` pays once it is there",
            "`kontakt pay {}` betalar när det finns",
            month
        ),
        Next::Verify(run) => tr!(
            "`kontakt pay --verify {}` shows more",
            "`kontakt pay --verify {}` visar mer",
            run
        ),
        // `match decline` takes one assignment: a line (and a command) each.
        Next::Decline(these) => these
            .iter()
            .map(|id| {
                tr!(
                    "decline it first: `kontakt match decline {} --by client|volunteer|staff --reason WHY`",
                    "avböj det först: `kontakt match decline {} --by client|volunteer|staff --reason VARFÖR`",
                    id
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Next::EndOrDecline(these) => tr!(
            "end {} first (`kontakt end`), or decline one not yet begun (`kontakt match decline`)",
            "avsluta {} först (`kontakt end`), eller avböj ett som inte har börjat (`kontakt match decline`)",
            ids(these)
        ),
        Next::End(id) => tr!(
            "one that has begun ends with `kontakt end {} --date DATE --reason REASON`",
            "ett som har börjat avslutas med `kontakt end {} --date DATUM --reason SKÄL`",
            id
        ),
        Next::EndVolunteer(id) => tr!(
            "to stop her serving, end it with `kontakt end {} --date DATE --reason other --note WHY` (her assignments end with it)",
            "för att hon ska sluta, avsluta med `kontakt end {} --date DATUM --reason annat --note VARFÖR` (hennes uppdrag avslutas med det)",
            id
        ),
        Next::Agree(id) => tr!(
            "record its terms with `kontakt agree {} --start DATE ...`",
            "registrera villkoren med `kontakt agree {} --start DATUM ...`",
            id
        ),
        Next::Plan(id) => tr!(
            "write it with `kontakt plan {} --goal TEXT --activity \"WHAT | WHO | WHEN\"`",
            "skriv den med `kontakt plan {} --goal TEXT --activity \"VAD | VEM | NÄR\"`",
            id
        ),
        Next::SettleOutside(id, month) => {
            let id = id.map_or_else(|| tr!("ASSIGNMENT", "UPPDRAG"), |id| id.to_string());
            tr!(
                "pay it outside kontakt and record that with `kontakt report {} {} --settled-outside REASON`, or raise `retroactive_months` in kontakt.toml",
                "betala utanför kontakt och registrera det med `kontakt report {} {} --settled-outside SKÄL`, eller höj `retroactive_months` i kontakt.toml",
                id,
                month
            )
        }
        Next::ProposeAgain(client, volunteer) => tr!(
            "if it may work now, propose them again saying why: `kontakt match propose {} {} --again REASON`",
            "om det kan fungera nu, föreslå dem igen med skälet: `kontakt match propose {} {} --again SKÄL`",
            client,
            volunteer
        ),
        Next::NameWhoEnds(id) => tr!(
            "name who makes the corrections: `kontakt end {} --date DATE --reason REASON --by NAME`, or set KONTAKT_USER or `git config user.name`",
            "ange vem som rättar: `kontakt end {} --date DATUM --reason SKÄL --by NAMN`, eller sätt KONTAKT_USER eller `git config user.name`",
            id
        ),
        Next::ImportReplace(path) => tr!(
            "`kontakt report import {} --replace` replaces them",
            "`kontakt report import {} --replace` ersätter dem",
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every next step names the command to type, with the record it is about (in English:
    /// the process's language is chosen once, and `tests/next_steps.rs` runs the Swedish);
    /// a refusal with two steps gives a line each.
    #[test]
    fn each_next_step_names_its_command_and_record() {
        let id = Id::parse("A-7Q2K9M").unwrap();
        let month: kontakt::model::Month = "2026-03".parse().unwrap();
        let steps = [
            Next::CheckThenPay(month),
            Next::Check,
            Next::Repair,
            Next::PayAgain(month),
            Next::Verify(id),
            Next::Decline(vec![id]),
            Next::EndOrDecline(vec![id]),
            Next::End(id),
            Next::EndVolunteer(id),
            Next::Agree(id),
            Next::Plan(id),
            Next::SettleOutside(Some(id), month),
            Next::ProposeAgain(id, Id::parse("V-7Q2K9M").unwrap()),
            Next::NameWhoEnds(id),
            Next::ImportReplace("e-tjanst.csv".into()),
        ];
        for n in &steps {
            let text = step(n);
            assert!(text.contains("`kontakt "), "{n:?}: {text}");
            let about_id = !matches!(
                n,
                Next::CheckThenPay(_)
                    | Next::Check
                    | Next::Repair
                    | Next::PayAgain(_)
                    | Next::ImportReplace(_)
            );
            assert_eq!(text.contains("A-7Q2K9M"), about_id, "{n:?}: {text}");
        }
        let other = Id::parse("A-8Q2K9M").unwrap();
        let two = step(&Next::Decline(vec![id, other]));
        assert_eq!(two.lines().count(), 2, "one command each: {two}");
        assert!(
            two.lines()
                .nth(1)
                .unwrap()
                .contains("decline A-8Q2K9M --by"),
            "{two}"
        );
        let e = Error::refused(vec!["x".into()])
            .then(Next::Repair)
            .then(Next::Check);
        assert_eq!(hint(&e).unwrap().lines().count(), 2);
        let unnamed = step(&Next::SettleOutside(None, month));
        assert!(
            unnamed.contains("kontakt report ASSIGNMENT 2026-03"),
            "{unnamed}"
        );
    }
}
