//! The legal basis of a decision and the paragraph it is made under: socialtjänstlagen
//! (SoL 2001:453, and the new SoL 2025:400 for decisions from 2025-07-01) or LSS (a
//! kontaktperson is 9 § 4 LSS, a kontaktfamilj a stödfamilj, korttidsvistelse, 9 § 6). A
//! decision states its own basis; one that does not is made on the client's
//! (docs/legal.md). The written decision, the förordnande and the report to IVO name the
//! paragraph by this.

use chrono::NaiveDate;

use crate::model::common::Insats;
use crate::model::{Basis, Client, Decision};

/// The basis decision `d` of client `c` is made on: its own, or else the client's.
pub fn basis(c: &Client, d: &Decision) -> Basis {
    d.basis.unwrap_or(c.basis)
}

/// The law and paragraph decisions on one basis, made in a span of dates, are reported under.
#[derive(Debug, Clone, Copy)]
pub struct Paragraph {
    pub basis: Basis,
    /// The insats the paragraph grants, when it is one only.
    pub insats: Option<Insats>,
    /// The insats as IVO's report names it.
    pub insats_name: &'static str,
    /// Decisions made on or after this day (`YYYY-MM-DD`), if bounded.
    pub decided_from: Option<&'static str>,
    /// Decisions made before this day, if bounded.
    pub decided_before: Option<&'static str>,
    pub law: &'static str,
    pub paragraph: &'static str,
}

/// The paragraphs, as data. The new Social Services Act (SFS 2025:400) applies to decisions
/// from 2025-07-01; its paragraph on bistånd is not given here, since it was not verified
/// (docs/legal.md). Under SoL a kontaktperson and a kontaktfamilj are both bistånd under the
/// same paragraph; under LSS a kontaktperson is 9 § 4, and a kontaktfamilj (stödfamilj) is
/// korttidsvistelse utanför det egna hemmet, 9 § 6.
pub const PARAGRAPHS: &[Paragraph] = &[
    Paragraph {
        basis: Basis::Sol,
        insats: None,
        insats_name: "",
        decided_from: None,
        decided_before: Some("2025-07-01"),
        law: "SoL",
        paragraph: "4 kap. 1 § SoL (2001:453)",
    },
    Paragraph {
        basis: Basis::Sol,
        insats: None,
        insats_name: "",
        decided_from: Some("2025-07-01"),
        decided_before: None,
        law: "SoL",
        paragraph: "bistånd, SoL (2025:400)",
    },
    Paragraph {
        basis: Basis::Lss,
        insats: Some(Insats::Kontaktperson),
        insats_name: "kontaktperson",
        decided_from: None,
        decided_before: None,
        law: "LSS",
        paragraph: "9 § 4 LSS (1993:387)",
    },
    Paragraph {
        basis: Basis::Lss,
        insats: Some(Insats::Kontaktfamilj),
        insats_name: "korttidsvistelse i stödfamilj",
        decided_from: None,
        decided_before: None,
        law: "LSS",
        paragraph: "9 § 6 LSS (1993:387)",
    },
];

/// The law (`SoL`, `LSS`) and the paragraph of a decision granting `insats` with `basis`, made
/// on `decided`.
pub fn paragraph(basis: Basis, insats: Insats, decided: NaiveDate) -> (&'static str, &'static str) {
    found(basis, insats, decided).map_or(("SoL", "SoL"), |p| (p.law, p.paragraph))
}

/// The insats as the report to IVO names it: `kontaktperson`, `kontaktfamilj`, or under LSS
/// `korttidsvistelse i stödfamilj`.
pub fn insats_name(basis: Basis, insats: Insats, decided: NaiveDate) -> &'static str {
    found(basis, insats, decided)
        .map(|p| p.insats_name)
        .filter(|n| !n.is_empty())
        .unwrap_or(match insats {
            Insats::Kontaktperson => "kontaktperson",
            Insats::Kontaktfamilj => "kontaktfamilj",
        })
}

fn found(basis: Basis, insats: Insats, decided: NaiveDate) -> Option<&'static Paragraph> {
    let on = |d: Option<&str>| d.and_then(|d| crate::model::date::parse(d).ok());
    PARAGRAPHS.iter().find(|p| {
        p.basis == basis
            && p.insats.is_none_or(|i| i == insats)
            && on(p.decided_from).is_none_or(|f| f <= decided)
            && on(p.decided_before).is_none_or(|b| decided < b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::date::parse(s).unwrap()
    }

    #[test]
    fn the_paragraph_follows_the_law_and_the_act_in_force_on_the_decision_day() {
        use Insats::*;
        for insats in [Kontaktperson, Kontaktfamilj] {
            assert_eq!(
                paragraph(Basis::Sol, insats, d("2025-06-30")),
                ("SoL", "4 kap. 1 § SoL (2001:453)")
            );
            assert_eq!(
                paragraph(Basis::Sol, insats, d("2025-07-01")).1,
                "bistånd, SoL (2025:400)"
            );
        }
        assert_eq!(
            paragraph(Basis::Lss, Kontaktperson, d("2020-01-01")),
            ("LSS", "9 § 4 LSS (1993:387)")
        );
        // LSS has no kontaktfamilj by that name: a stödfamilj is korttidsvistelse, 9 § 6.
        assert_eq!(
            paragraph(Basis::Lss, Kontaktfamilj, d("2020-01-01")),
            ("LSS", "9 § 6 LSS (1993:387)")
        );
        assert_eq!(
            insats_name(Basis::Lss, Kontaktfamilj, d("2020-01-01")),
            "korttidsvistelse i stödfamilj"
        );
        assert_eq!(
            insats_name(Basis::Sol, Kontaktfamilj, d("2026-01-01")),
            "kontaktfamilj"
        );
        assert_eq!(
            insats_name(Basis::Lss, Kontaktperson, d("2026-01-01")),
            "kontaktperson"
        );
    }
}
