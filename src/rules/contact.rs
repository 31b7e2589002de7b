//! Is a person's contact detail one staff can use: an e-mail address that can be written to,
//! and languages as the codes matching compares (ISO 639: `sv`, `ar`, `prs`), so that a client
//! who speaks `sv` and a volunteer entered as "svenska" are not kept apart. `apply` and
//! `update` refuse what these find as it is typed; `check` names it in a file (E004).

use crate::tr;

use super::{Flaw, Key, Problem};

/// Why `email` is no e-mail address, if it is not: one `@`, something before it, a domain
/// with a dot after it, and no spaces.
pub fn email_problem(email: &str) -> Option<String> {
    let ok = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(char::is_whitespace)
                && email.len() <= 254
        }
        None => false,
    };
    (!ok).then(|| {
        tr!(
            "`{email}` is not an e-mail address (expected NAME@DOMAIN)",
            "`{email}` är ingen e-postadress (NAMN@DOMÄN väntades)"
        )
    })
}

/// The languages staff name most often in a Swedish municipality, by their Swedish and
/// English names, with the code stored. A name not here is typed as its code.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("svenska", "sv"),
    ("swedish", "sv"),
    ("engelska", "en"),
    ("english", "en"),
    ("arabiska", "ar"),
    ("arabic", "ar"),
    ("somaliska", "so"),
    ("somali", "so"),
    ("persiska", "fa"),
    ("farsi", "fa"),
    ("persian", "fa"),
    ("dari", "prs"),
    ("tigrinja", "ti"),
    ("tigrinya", "ti"),
    ("kurdiska", "ku"),
    ("kurdish", "ku"),
    ("turkiska", "tr"),
    ("turkish", "tr"),
    ("finska", "fi"),
    ("finnish", "fi"),
    ("spanska", "es"),
    ("spanish", "es"),
    ("ryska", "ru"),
    ("russian", "ru"),
    ("ukrainska", "uk"),
    ("ukrainian", "uk"),
    ("polska", "pl"),
    ("polish", "pl"),
    ("bosniska", "bs"),
    ("bosnian", "bs"),
    ("tyska", "de"),
    ("german", "de"),
    ("franska", "fr"),
    ("french", "fr"),
    ("thailändska", "th"),
    ("thai", "th"),
    ("teckenspråk", "swl"),
    ("sign language", "swl"),
];

/// A language as typed (`Svenska`, `arabic`, `SV`) as the code stored, or why it is none.
pub fn language_code(typed: &str) -> Result<String, String> {
    let t = typed.trim().to_lowercase();
    if let Some((_, code)) = LANGUAGE_NAMES.iter().find(|(name, _)| *name == t) {
        return Ok((*code).to_string());
    }
    if language_problem(&t).is_none() {
        return Ok(t);
    }
    Err(tr!(
        "`{typed}` is not a language code (two or three letters, such as sv, en, ar, prs)",
        "`{typed}` är ingen språkkod (två eller tre bokstäver, som sv, en, ar, prs)"
    ))
}

/// Why a stored language is not a code, if it is not: two or three lower-case letters.
pub fn language_problem(code: &str) -> Option<String> {
    let ok = (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
    (!ok).then(|| {
        tr!(
            "`{code}` is not a language code (two or three lower-case letters, such as sv, en, ar)",
            "`{code}` är ingen språkkod (två eller tre små bokstäver, som sv, en, ar)"
        )
    })
}

/// What is wrong with a person's e-mail address and languages as stored.
pub fn problems(email: Option<&str>, languages: &[String]) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Some(p) = email.and_then(email_problem) {
        out.push(Problem::new(Flaw::BadValue, &[Key::name("email")], p));
    }
    for (i, l) in languages.iter().enumerate() {
        if let Some(p) = language_problem(l) {
            out.push(Problem::new(
                Flaw::BadValue,
                &[Key::name("languages"), Key::Index(i)],
                p,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_address_has_its_at_and_domain() {
        for ok in ["anna@example.se", "a.b+c@kommun.example.org"] {
            assert_eq!(email_problem(ok), None, "{ok}");
        }
        for bad in [
            "anna.aberg.exempel.se",
            "@example.se",
            "anna@",
            "anna@example",
            "anna@@example.se",
            "anna @example.se",
            "anna@example.se.",
        ] {
            assert!(email_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn languages_are_read_by_name_or_code_and_stored_as_codes() {
        assert_eq!(language_code("Svenska").unwrap(), "sv");
        assert_eq!(language_code("ENGLISH").unwrap(), "en");
        assert_eq!(language_code(" ar ").unwrap(), "ar");
        assert_eq!(language_code("prs").unwrap(), "prs");
        assert!(language_code("klingonska").is_err());
        assert!(language_code("s").is_err());
        assert!(language_problem("svenska").is_some());
        assert!(language_problem("sv").is_none());
    }
}
