//! The genomförandeplan (SOSFS 2014:5 as amended by HSLF-FS 2016:89) as a document to go
//! through with the client and sign: the goals from the decision, the activities (what, who,
//! when), when it is followed up. Swedish first.

use chrono::NaiveDate;
use serde::Serialize;

use super::Format;
use super::page::{Block, html, markdown};
use crate::lang::Lang;
use crate::model::Id;
use crate::model::assignment::Plan;

/// What the plan says, gathered by `ops::plan::document`. The client is named in full: the plan
/// is made with her and kept in her file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDoc {
    pub municipality: String,
    pub assignment: Id,
    pub client: String,
    pub volunteer: String,
    pub guardians: Vec<String>,
    /// The insats is a kontaktfamilj (the plan names the family, not a kontaktperson).
    pub family: bool,
    pub decided: Option<NaiveDate>,
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub follow_up: Option<NaiveDate>,
    /// The handläggare who signs: the client's responsible one, else who recorded the plan.
    pub handler: Option<String>,
    pub plan: Plan,
}

/// Who carries the plan out: the kontaktperson or the kontaktfamilj.
fn who(d: &PlanDoc, lang: Lang) -> &'static str {
    match (d.family, lang) {
        (true, Lang::Sv) => "Kontaktfamilj",
        (true, Lang::En) => "Contact family",
        (false, Lang::Sv) => "Kontaktperson",
        (false, Lang::En) => "Contact person",
    }
}

fn blocks(d: &PlanDoc, lang: Lang) -> Vec<Block> {
    use Block::*;
    let sv = lang == Lang::Sv;
    let mut parties = vec![
        format!(
            "{}: {}",
            lang.pick("The individual", "Den enskilde"),
            d.client
        ),
        format!("{}: {}", who(d, lang), d.volunteer),
    ];
    if !d.guardians.is_empty() {
        parties.push(format!(
            "{}: {}",
            lang.pick("Guardians", "Vårdnadshavare"),
            d.guardians.join(", ")
        ));
    }
    if let Some(by) = &d.handler {
        parties.push(format!(
            "{}: {by}",
            lang.pick("Case officer", "Handläggare")
        ));
    }
    let mut out = vec![
        Para(format!(
            "{} · {} {} · {}",
            d.municipality,
            lang.pick("assignment", "uppdrag"),
            d.assignment,
            d.plan.made
        )),
        Items(parties),
    ];
    if let (Some(dec), Some((f, t))) = (d.decided, d.period) {
        out.push(Para(if sv {
            format!(
                "Planen gäller insatsen {} enligt beslut {dec}, för tiden {f} – {t}.",
                if d.family {
                    "kontaktfamilj"
                } else {
                    "kontaktperson"
                }
            )
        } else {
            format!(
                "The plan carries out the decision of {dec} on a {}, {f} – {t}.",
                if d.family {
                    "contact family"
                } else {
                    "contact person"
                }
            )
        }));
    }
    out.push(Heading(
        lang.pick("Goals (from the decision)", "Mål (från beslutet)")
            .into(),
    ));
    out.push(Items(d.plan.goals.clone()));
    out.push(Heading(lang.pick("How", "Så genomförs insatsen").into()));
    if d.plan.activities.is_empty() {
        out.push(Para(
            lang.pick(
                "No activities recorded yet.",
                "Inga aktiviteter registrerade än.",
            )
            .into(),
        ));
    } else {
        out.push(Table(
            if sv {
                vec!["Vad", "Vem", "När"]
            } else {
                vec!["What", "Who", "When"]
            },
            d.plan
                .activities
                .iter()
                .map(|a| vec![a.what.clone(), a.who.clone(), a.when.clone()])
                .collect(),
        ));
    }
    out.push(Heading(lang.pick("Follow-up", "Uppföljning").into()));
    out.push(Para(match (d.follow_up, sv) {
        (Some(f), true) => format!(
            "Planen följs upp tillsammans med beslutet, senast {f}: hur långt målen nåtts, vad den enskilde och kontaktpersonen säger, och om insatsen fortsätter, ändras eller avslutas."
        ),
        (Some(f), false) => format!(
            "The plan is followed up with the decision, by {f}: how far the goals were met, what the individual and the contact person say, and whether the insats continues, changes or ends."
        ),
        (None, true) => "Planen följs upp tillsammans med beslutet.".into(),
        (None, false) => "The plan is followed up with the decision.".into(),
    }));
    let mut signs = vec![(
        lang.pick("The individual", "Den enskilde").to_string(),
        who(d, lang).to_string(),
    )];
    if !d.guardians.is_empty() {
        signs.push((
            lang.pick("Guardian", "Vårdnadshavare").into(),
            lang.pick("Case officer", "Handläggare").into(),
        ));
    } else {
        signs.push((
            lang.pick("Case officer", "Handläggare").into(),
            lang.pick("Place and date", "Ort och datum").into(),
        ));
    }
    out.push(Signatures(signs));
    out
}

/// The plan as Markdown or as one self-contained HTML page with A4 print CSS.
pub fn render(d: &PlanDoc, format: Format, lang: Lang) -> String {
    let title = lang.pick("Implementation plan", "Genomförandeplan");
    match format {
        Format::Markdown => markdown(title, &blocks(d, lang)),
        Format::Html => html(title, &blocks(d, lang), lang),
    }
}
