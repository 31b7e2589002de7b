//! The papers a volunteer signs besides the agreement: the confidentiality undertaking
//! (sekretessförbindelse) and, where the municipality uses it, the appointment (förordnande).
//! Swedish first. The duty of confidentiality: offentlighets- och sekretesslagen (2009:400)
//! 26 kap. 1 §, which binds those who take part in the board's work by an assignment (2 kap.
//! 1 §); breaking it is a crime (brottsbalken 20 kap. 3 §). It lasts after the assignment ends.

use chrono::NaiveDate;
use serde::Serialize;

use super::Format;
use super::page::{Block, html, markdown};
use crate::lang::Lang;
use crate::model::Id;
use crate::model::common::{Basis, Insats};

/// What the papers say, gathered by `ops::agree::papers`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Papers {
    pub municipality: String,
    pub assignment: Id,
    pub volunteer: String,
    /// The volunteer's personnummer as shown: masked unless asked for.
    pub volunteer_pnr: String,
    pub client_initials: String,
    pub basis: Basis,
    /// The law and paragraph the insats was granted under.
    pub paragraph: String,
    pub insats: Insats,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub official: Option<String>,
}

/// Which paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    Confidentiality,
    Appointment,
}

const BLANK: &str = "______________________________";

fn role(p: &Papers, lang: Lang) -> &'static str {
    match (p.insats, lang) {
        (Insats::Kontaktfamilj, Lang::Sv) => "kontaktfamilj",
        (Insats::Kontaktfamilj, Lang::En) => "contact family",
        (_, Lang::Sv) => "kontaktperson",
        (_, Lang::En) => "contact person",
    }
}

fn confidentiality(p: &Papers, lang: Lang) -> Vec<Block> {
    use Block::*;
    let role = role(p, lang);
    if lang == Lang::Sv {
        vec![
            Para(format!("{} · uppdrag {}", p.municipality, p.assignment)),
            Para(format!(
                "Jag, {} ({}), har åtagit mig uppdraget som {role} för {} hos socialnämnden i {} och har informerats om den tystnadsplikt som gäller för uppdraget.",
                p.volunteer, p.volunteer_pnr, p.client_initials, p.municipality
            )),
            Heading("Förbindelse".into()),
            Items(vec![
                "Jag förbinder mig att inte obehörigen röja eller utnyttja vad jag i uppdraget får veta om den enskildes eller andras personliga förhållanden (offentlighets- och sekretesslagen 2009:400, 26 kap. 1 §, jämför 2 kap. 1 §).".into(),
                "Tystnadsplikten gäller även sedan uppdraget har upphört.".into(),
                "Jag vet att brott mot tystnadsplikten kan medföra straff (brottsbalken 20 kap. 3 §).".into(),
                "Handlingar och anteckningar om den enskilde förvarar jag så att ingen obehörig kan ta del av dem, och jag lämnar dem till socialnämnden när uppdraget upphör.".into(),
            ]),
            Signatures(vec![(
                "Ort och datum".into(),
                format!("Namnteckning ({})", p.volunteer),
            )]),
        ]
    } else {
        vec![
            Para(format!("{} · assignment {}", p.municipality, p.assignment)),
            Para(format!(
                "I, {} ({}), have taken on the assignment as {role} for {} with the social welfare board of {} and have been informed of the duty of confidentiality that comes with it.",
                p.volunteer, p.volunteer_pnr, p.client_initials, p.municipality
            )),
            Heading("Undertaking".into()),
            Items(vec![
                "I undertake not to disclose or use without authority what I learn in the assignment about the personal circumstances of the person or of others (Public Access to Information and Secrecy Act 2009:400, chapter 26 section 1, compare chapter 2 section 1).".into(),
                "The duty of confidentiality lasts after the assignment has ended.".into(),
                "I know that breaking it may be punished (Penal Code chapter 20 section 3).".into(),
                "I keep papers and notes about the person where no one else can read them, and hand them to the board when the assignment ends.".into(),
            ]),
            Signatures(vec![(
                "Place and date".into(),
                format!("Signature ({})", p.volunteer),
            )]),
        ]
    }
}

fn appointment(p: &Papers, lang: Lang) -> Vec<Block> {
    use Block::*;
    let role = role(p, lang);
    let official = p.official.clone().unwrap_or_else(|| BLANK.into());
    let period = match (p.end, lang) {
        (Some(e), Lang::Sv) => format!("från {} till {e}", p.start),
        (None, Lang::Sv) => format!("från {} så länge beslutet om insatsen gäller", p.start),
        (Some(e), Lang::En) => format!("from {} to {e}", p.start),
        (None, Lang::En) => format!(
            "from {} for as long as the decision on the insats runs",
            p.start
        ),
    };
    if lang == Lang::Sv {
        vec![
            Para(format!("{} · uppdrag {}", p.municipality, p.assignment)),
            Para(format!(
                "Socialnämnden i {} förordnar {} ({}) som {role} för {}, insats beviljad enligt {}, {period}.",
                p.municipality, p.volunteer, p.volunteer_pnr, p.client_initials, p.paragraph
            )),
            Para("Uppdraget är ett förtroendeuppdrag och ingen anställning. Villkoren står i uppdragsavtalet; tystnadsplikten i sekretessförbindelsen.".into()),
            Signatures(vec![(
                format!("För socialnämnden: {official}"),
                "Ort och datum".into(),
            )]),
        ]
    } else {
        vec![
            Para(format!("{} · assignment {}", p.municipality, p.assignment)),
            Para(format!(
                "The social welfare board of {} appoints {} ({}) as {role} for {}, an insats granted under {}, {period}.",
                p.municipality, p.volunteer, p.volunteer_pnr, p.client_initials, p.paragraph
            )),
            Para("The assignment is one of trust, not employment. Its terms are in the assignment agreement; the duty of confidentiality in the undertaking.".into()),
            Signatures(vec![(
                format!("For the board: {official}"),
                "Place and date".into(),
            )]),
        ]
    }
}

/// A paper as Markdown or as one self-contained HTML page with A4 print CSS.
pub fn render(p: &Papers, paper: Paper, format: Format, lang: Lang) -> String {
    let (title, blocks) = match (paper, lang) {
        (Paper::Confidentiality, Lang::Sv) => ("Sekretessförbindelse", confidentiality(p, lang)),
        (Paper::Confidentiality, Lang::En) => {
            ("Confidentiality undertaking", confidentiality(p, lang))
        }
        (Paper::Appointment, Lang::Sv) => ("Förordnande", appointment(p, lang)),
        (Paper::Appointment, Lang::En) => ("Appointment", appointment(p, lang)),
    };
    match format {
        Format::Markdown => markdown(title, &blocks),
        Format::Html => html(title, &blocks, lang),
    }
}
