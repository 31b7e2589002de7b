//! The written decision to the client (Förvaltningslagen 2017:900 §§ 32-33, municipal guidance
//! from Malmö, Boden and Strängnäs): a decision that does not grant in full what was applied for
//! (a denial, or a partial denial: fewer meetings than applied for, or another insats) must
//! give its reasons (motivering) and say how to appeal (besvärshänvisning). Every grant is time
//! limited, and says until when and why.

use crate::lang::Lang;
use serde::Serialize;

use crate::model::{Client, Decision, Frequency, Outcome, Per};

/// How much of the application a decision grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "scope", content = "less")]
pub enum Scope {
    /// All that was applied for.
    Full,
    /// Less than applied for, or something else: what differs, in English words for the record
    /// (`fewer meetings: 2/month of 1/week`, `another insats: kontaktfamilj`).
    Partial(Vec<String>),
    Denied,
}

impl Scope {
    /// The decision must tell the client how to appeal.
    pub fn needs_appeal_instructions(&self) -> bool {
        *self != Scope::Full
    }
}

/// Meetings a year, to compare two frequencies.
pub fn per_year(f: Frequency) -> u32 {
    f.times
        * match f.per {
            Per::Week => 52,
            Per::Month => 12,
        }
}

/// How much of `c`'s application `d` grants.
pub fn scope(c: &Client, d: &Decision) -> Scope {
    if d.outcome() == Outcome::Denied {
        return Scope::Denied;
    }
    let less = differences(c, d, Lang::En);
    if less.is_empty() {
        Scope::Full
    } else {
        Scope::Partial(less)
    }
}

/// What the decision grants less than, or other than, applied for, in `lang`.
fn differences(c: &Client, d: &Decision, lang: Lang) -> Vec<String> {
    let mut less = Vec::new();
    if let Some(i) = d.insats.filter(|i| *i != c.applied_insats) {
        let (got, asked) = (
            lang.word(&crate::model::common::word(&i)),
            lang.word(&crate::model::common::word(&c.applied_insats)),
        );
        less.push(match lang {
            Lang::En => format!("another insats: {got} (applied for {asked})"),
            Lang::Sv => format!("en annan insats: {got} (sökt {asked})"),
        });
    }
    if let (Some(asked), Some(got)) = (c.applied_meetings, d.meetings)
        && per_year(got) < per_year(asked)
    {
        let (got, asked) = (got.localized(lang), asked.localized(lang));
        less.push(match lang {
            Lang::En => format!("fewer meetings: {got} of {asked} applied for"),
            Lang::Sv => format!("färre träffar: {got} av sökta {asked}"),
        });
    }
    less
}

/// What a decision about to be recorded lacks: a denial or a partial denial needs its reasons.
pub fn missing_reasons(c: &Client, d: &Decision) -> Option<String> {
    let scope = scope(c, d);
    let reasoned = d.reason.as_deref().is_some_and(|r| !r.trim().is_empty());
    match scope {
        Scope::Partial(_) if !reasoned => Some(crate::tr!(
            "the decision grants less than applied for ({}): give the reasons (--reason TEXT)",
            "beslutet beviljar mindre än det som söktes ({}): ange skälen (--reason TEXT)",
            differences(c, d, crate::lang::current()).join("; ")
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(applied: &str) -> Client {
        toml::from_str(&format!(
            "schema = 1\nid = \"C-7Q2K9M\"\nname = \"Test\"\npnr = \"198301012384\"\n\
             applied = \"2026-01-10\"\n{applied}"
        ))
        .unwrap()
    }

    fn grant(extra: &str) -> Decision {
        toml::from_str(&format!(
            "decided = \"2026-01-20\"\noutcome = \"granted\"\nfrom = \"2026-02-01\"\n\
             to = \"2026-12-31\"\n{extra}"
        ))
        .unwrap()
    }

    #[test]
    fn fewer_meetings_than_applied_for_is_a_partial_denial() {
        let c = client("applied_meetings = \"1/week\"\n");
        assert_eq!(scope(&c, &grant("meetings = \"1/week\"\n")), Scope::Full);
        assert_eq!(scope(&c, &grant("meetings = \"5/month\"\n")), Scope::Full);
        let partial = scope(&c, &grant("meetings = \"2/month\"\n"));
        assert!(matches!(&partial, Scope::Partial(l) if l[0].contains("2/month of 1/week")));
        assert!(partial.needs_appeal_instructions());
        assert!(missing_reasons(&c, &grant("meetings = \"2/month\"\n")).is_some());
        assert!(
            missing_reasons(&c, &grant("meetings = \"2/month\"\nreason = \"Behovet\"\n")).is_none()
        );
    }

    #[test]
    fn another_insats_is_a_partial_denial_and_nothing_applied_for_is_granted_in_full() {
        let c = client("applied_insats = \"kontaktfamilj\"\n");
        assert!(matches!(
            scope(&c, &grant("insats = \"kontaktperson\"\n")),
            Scope::Partial(_)
        ));
        assert_eq!(
            scope(&client(""), &grant("meetings = \"1/month\"\n")),
            Scope::Full
        );
    }
}
