//! The written decision to the client (beslut), in Swedish first: the legal basis, the
//! decision, its reasons (motivering), its period, and, when it does not grant in full what was
//! applied for, how to appeal (besvärshänvisning: in writing to the municipality within three
//! weeks of receiving it; Förvaltningslagen 2017:900 §§ 32-33, 44). The rules of what it must
//! say are `rules::written_decision` and `rules::appeal`.

use chrono::NaiveDate;
use serde::Serialize;

use super::Format;
use super::page::{Block, html, markdown};
use crate::lang::Lang;
use crate::model::common::Insats;
use crate::model::{Frequency, Id, Outcome};
use crate::rules::written_decision::Scope;

/// What the document says, gathered by `ops::screen::decision_document`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionDoc {
    pub municipality: String,
    pub client: Id,
    pub name: String,
    /// The personnummer as shown: masked unless asked for.
    pub pnr: String,
    pub applied: NaiveDate,
    pub applied_insats: Insats,
    pub applied_meetings: Option<Frequency>,
    pub decided: NaiveDate,
    pub decided_by: Option<String>,
    pub outcome: Outcome,
    pub scope: Scope,
    pub insats: Insats,
    pub meetings: Option<Frequency>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The law and paragraph (`rules::legal_basis::paragraph`).
    pub paragraph: String,
    pub reason: Option<String>,
    pub follow_up: Option<NaiveDate>,
    /// The last day to appeal, when the day the client received the decision is known.
    pub appeal_by: Option<NaiveDate>,
}

fn insats(i: Insats, lang: Lang) -> &'static str {
    match (i, lang) {
        (Insats::Kontaktperson, _) => "kontaktperson",
        (Insats::Kontaktfamilj, _) => "kontaktfamilj",
    }
}

fn meetings(f: Frequency, lang: Lang) -> String {
    f.localized(lang)
}

fn blocks(d: &DecisionDoc, lang: Lang) -> Vec<Block> {
    use Block::*;
    let sv = lang == Lang::Sv;
    let kind = insats(d.applied_insats, lang);
    let mut out = vec![Para(format!(
        "{} · {} · {}",
        d.municipality,
        lang.pick("Social welfare board", "Socialnämnden"),
        d.decided
    ))];
    out.push(Items(vec![
        format!(
            "{}: {}, {}",
            lang.pick("Applicant", "Sökande"),
            d.name,
            d.pnr
        ),
        format!("{}: {}", lang.pick("Case", "Ärende"), d.client),
        format!(
            "{}: {}",
            lang.pick("Application received", "Ansökan inkom"),
            d.applied
        ),
    ]));
    out.push(Heading(lang.pick("Decision", "Beslut").into()));
    let verdict = match (&d.scope, sv) {
        (Scope::Full, true) => "beviljas",
        (Scope::Partial(_), true) => "beviljas delvis",
        (Scope::Denied, true) => "avslås",
        (Scope::Full, false) => "is granted",
        (Scope::Partial(_), false) => "is granted in part",
        (Scope::Denied, false) => "is denied",
    };
    out.push(Para(if sv {
        format!("Ansökan om {kind} {verdict}.")
    } else {
        format!("The application for a {kind} {verdict}.")
    }));
    if d.outcome == Outcome::Granted {
        let mut lines = vec![format!(
            "{}: {}",
            lang.pick("Granted", "Beviljat"),
            insats(d.insats, lang)
        )];
        if let Some(m) = d.meetings {
            lines.push(format!(
                "{}: {}",
                lang.pick("Meetings", "Träffar"),
                meetings(m, lang)
            ));
        }
        if let (Some(f), Some(t)) = (d.from, d.to) {
            lines.push(format!("{}: {f} – {t}", lang.pick("Period", "Period")));
        }
        if let (Scope::Partial(_), Some(m)) = (&d.scope, d.applied_meetings) {
            lines.push(format!(
                "{}: {} {}",
                lang.pick("Applied for", "Sökt"),
                insats(d.applied_insats, lang),
                meetings(m, lang)
            ));
        }
        out.push(Items(lines));
    }
    out.push(Heading(lang.pick("Legal basis", "Lagrum").into()));
    out.push(Para(d.paragraph.clone()));
    out.push(Heading(
        lang.pick("Reasons for the decision", "Skäl för beslutet")
            .into(),
    ));
    let mut reasons = Vec::new();
    match (&d.reason, &d.scope) {
        (Some(r), _) => reasons.push(r.clone()),
        (None, Scope::Full) => reasons.push(
            lang.pick(
                "The application is granted in full.",
                "Ansökan bifalls i sin helhet.",
            )
            .into(),
        ),
        (None, _) => {}
    }
    if let (Some(t), Some(f)) = (d.to, d.follow_up) {
        reasons.push(if sv {
            format!(
                "Beslutet är tidsbegränsat till {t}: behovet prövas på nytt före dess, och insatsen följs upp senast {f}."
            )
        } else {
            format!(
                "The decision is limited to {t}: the need is assessed again before then, and the insats is followed up by {f}."
            )
        });
    }
    // Each reason a sentence of its own: one typed without its full stop gets one.
    let sentences: Vec<String> = reasons
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .map(|r| {
            if r.ends_with(['.', '!', '?']) {
                r.to_string()
            } else {
                format!("{r}.")
            }
        })
        .collect();
    out.push(Para(sentences.join(" ")));
    if d.scope.needs_appeal_instructions() {
        out.push(Heading(
            lang.pick("How to appeal", "Hur man överklagar").into(),
        ));
        let by = match d.appeal_by {
            Some(date) if sv => format!(", det vill säga senast {date}"),
            Some(date) => format!(", that is by {date}"),
            None => String::new(),
        };
        out.push(Para(if sv {
            format!(
                "Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten. Skriv till socialnämnden i {} och tala om vilket beslut du överklagar och hur du vill att det ska ändras. Skrivelsen ska ha kommit in inom tre veckor från den dag du fick del av beslutet{by}. Nämnden prövar först om beslutet ska ändras (omprövning) och lämnar sedan över överklagandet till förvaltningsrätten. Skriv under skrivelsen och uppge namn, personnummer, adress och telefonnummer. Handläggaren hjälper dig gärna.",
                d.municipality
            )
        } else {
            format!(
                "If you are not satisfied with the decision, you may appeal to the administrative court (förvaltningsrätten). Write to the social welfare board of {} saying which decision you appeal and how you want it changed. The letter must reach the board within three weeks of the day you received the decision{by}. The board first considers whether to change the decision itself and then forwards the appeal to the court. Sign the letter and give your name, personal identity number, address and telephone number. Your case officer will gladly help.",
                d.municipality
            )
        }));
    }
    let signer = d
        .decided_by
        .clone()
        .unwrap_or_else(|| "______________________________".into());
    out.push(Signatures(vec![(
        format!("{}: {signer}", lang.pick("Decided by", "Beslutsfattare")),
        format!("{}: {}", lang.pick("Date", "Datum"), d.decided),
    )]));
    out
}

/// The document as Markdown or as one self-contained HTML page with A4 print CSS.
pub fn render(d: &DecisionDoc, format: Format, lang: Lang) -> String {
    let title = match (d.applied_insats, lang) {
        (Insats::Kontaktfamilj, Lang::Sv) => "Beslut om kontaktfamilj",
        (Insats::Kontaktfamilj, Lang::En) => "Decision on a contact family",
        (_, Lang::Sv) => "Beslut om kontaktperson",
        (_, Lang::En) => "Decision on a contact person",
    };
    match format {
        Format::Markdown => markdown(title, &blocks(d, lang)),
        Format::Html => html(title, &blocks(d, lang), lang),
    }
}
