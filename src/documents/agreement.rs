//! The assignment agreement (uppdragsavtal) as a document to print and sign, in Swedish (the
//! document staff file) or English (for a volunteer who reads English better): the parties, what
//! the assignment includes, meetings, fee and expense allowance in kronor for the year,
//! insurance, the confidentiality undertaking, notice and signature lines.

use chrono::NaiveDate;
use serde::Serialize;

use super::Format;
use super::page::{Block, html, markdown};
use crate::lang::Lang;
use crate::model::common::{Basis, Per};
use crate::model::{Frequency, Id, Money};

/// What the document says, gathered from the records by `ops::agree::document`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementDoc {
    pub municipality: String,
    pub assignment: Id,
    pub volunteer: String,
    /// The client's initials only: the document is handed around before it is filed.
    pub client_initials: String,
    pub basis: Basis,
    pub official: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub cost_center: Option<String>,
    /// The year whose prisbasbelopp the amounts below use.
    pub year: i32,
    /// The terms in force during `year`, in order.
    pub terms: Vec<TermsLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermsLine {
    pub from: NaiveDate,
    pub meetings: Frequency,
    /// Arvode per month in `year`.
    pub fee: Money,
    /// Omkostnadsersättning per month in `year`.
    pub expense: Money,
}

/// `1 gång per vecka`, `2 times a week`.
fn meetings(f: Frequency, lang: Lang) -> String {
    match lang {
        Lang::Sv => {
            let times = if f.times == 1 { "gång" } else { "gånger" };
            let per = match f.per {
                Per::Week => "vecka",
                Per::Month => "månad",
            };
            format!("{} {times} per {per}", f.times)
        }
        Lang::En => {
            let times = if f.times == 1 { "time" } else { "times" };
            let per = match f.per {
                Per::Week => "week",
                Per::Month => "month",
            };
            format!("{} {times} a {per}", f.times)
        }
    }
}

/// `1 gång per vecka, från 2026-07-01 2 gånger per vecka`.
fn meetings_over_time(terms: &[TermsLine], lang: Lang) -> String {
    terms
        .iter()
        .enumerate()
        .map(|(i, t)| match i {
            0 => meetings(t.meetings, lang),
            _ => format!(
                "{} {} {}",
                lang.pick("from", "från"),
                t.from,
                meetings(t.meetings, lang)
            ),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn law(b: Basis, lang: Lang) -> &'static str {
    match b {
        Basis::Sol => lang.pick(
            "the Social Services Act (socialtjänstlagen, SoL)",
            "socialtjänstlagen (SoL)",
        ),
        Basis::Lss => lang.pick(
            "the Act concerning Support and Service for Persons with Certain Functional Impairments (LSS), section 9.4",
            "lagen om stöd och service till vissa funktionshindrade (LSS), 9 § 4",
        ),
    }
}

fn blocks(d: &AgreementDoc, lang: Lang) -> Vec<Block> {
    use Block::*;
    let sv = lang == Lang::Sv;
    let blank = "______________________________";
    let official = d.official.clone().unwrap_or_else(|| blank.to_string());
    let period = match (d.end, sv) {
        (Some(e), true) => format!("från och med {} till och med {e}", d.start),
        (Some(e), false) => format!("from {} to {e} inclusive", d.start),
        (None, true) => format!(
            "från och med {}, tills vidare så länge beslutet om insatsen gäller",
            d.start
        ),
        (None, false) => format!(
            "from {}, until further notice, as long as the decision on the service is in force",
            d.start
        ),
    };
    let mut terms_rows = Vec::new();
    for x in &d.terms {
        terms_rows.push(vec![
            x.from.to_string(),
            meetings(x.meetings, lang),
            x.fee.localized(lang),
            x.expense.localized(lang),
        ]);
    }
    if sv {
        return blocks_sv(d, &official, &period, terms_rows);
    }
    let mut out = vec![
        Para(format!("{} · assignment {}", d.municipality, d.assignment)),
        Heading("Parties".into()),
        Items(vec![
            format!(
                "Principal: {}, the social welfare committee, through the responsible officer {official}",
                d.municipality
            ),
            format!("Contact person (kontaktperson): {}", d.volunteer),
            format!(
                "The individual: {} (service granted under {})",
                d.client_initials,
                law(d.basis, lang)
            ),
        ]),
        Heading("The assignment".into()),
        Para(
            "The contact person is a personal support and a fellow human being for the individual: \
             to break isolation, give advice in everyday life and join leisure activities as the \
             individual wishes and as the decision sets out. The assignment is a position of \
             trust, not employment. The contact person gets support and guidance from the \
             responsible officer."
                .into(),
        ),
        Items(vec![
            format!("The assignment runs {period}."),
            format!("Meetings: {}.", meetings_over_time(&d.terms, lang)),
            "The contact person hands in an attendance report for every month, with the days \
             they met; pay follows when the report is approved."
                .into(),
        ]),
        Heading(format!("Compensation {}", d.year)),
        Para(format!(
            "Compensation is paid monthly as SKR recommends, as a share of the price base amount \
             (prisbasbelopp) for {}. The fee (arvode) is taxable income paid through the \
             municipality's payroll. The expense allowance (omkostnadsersättning) covers the \
             costs of meeting, such as coffee, tickets and travel. An assignment that starts or \
             ends during a month is paid for the days it runs. The amounts are recalculated when \
             the price base amount changes at the turn of the year.",
            d.year
        )),
        Table(
            vec!["From", "Meetings", "Fee per month", "Expense allowance per month"],
            terms_rows,
        ),
    ];
    if let Some(cc) = &d.cost_center {
        out.push(Para(format!("Cost centre: {cc}.")));
    }
    out.extend([
        Heading("Insurance".into()),
        Para(
            "The contact person is covered by the municipality's accident and liability \
             insurance during the assignment."
                .into(),
        ),
        Heading("Confidentiality".into()),
        Para(
            "The contact person is bound by confidentiality under the Public Access to \
             Information and Secrecy Act about everything concerning the individual's personal \
             circumstances, also after the assignment has ended. The contact person signs a \
             separate confidentiality undertaking (sekretessförbindelse) together with this \
             agreement."
                .into(),
        ),
        Heading("Notice".into()),
        Para(
            "Either party may end the agreement with one month's notice. The assignment ends \
             without notice when the decision on the service ends."
                .into(),
        ),
        Heading("Signatures".into()),
        Para("This agreement is drawn up in two copies, one for each party.".into()),
        Signatures(vec![
            ("Place and date".into(), "Place and date".into()),
            (
                format!("Contact person: {}", d.volunteer),
                format!("Responsible officer: {official}"),
            ),
        ]),
    ]);
    out
}

/// The Swedish document, as staff file it.
fn blocks_sv(
    d: &AgreementDoc,
    official: &str,
    period: &str,
    terms_rows: Vec<Vec<String>>,
) -> Vec<Block> {
    use Block::*;
    let lang = Lang::Sv;
    let mut out = vec![
        Para(format!("{} · uppdrag {}", d.municipality, d.assignment)),
        Heading("Parter".into()),
        Items(vec![
            format!(
                "Uppdragsgivare: {}, socialnämnden, genom ansvarig handläggare {official}",
                d.municipality
            ),
            format!("Kontaktperson (uppdragstagare): {}", d.volunteer),
            format!(
                "Den enskilde: {} (insats beviljad enligt {})",
                d.client_initials,
                law(d.basis, lang)
            ),
        ]),
        Heading("Uppdraget".into()),
        Para(
            "Kontaktpersonen är ett personligt stöd och en medmänniska för den enskilde: att bryta \
             isolering, ge råd i vardagen och vara med på fritidsaktiviteter efter den enskildes \
             önskemål och de mål som står i beslutet. Uppdraget är ett förtroendeuppdrag, inte en \
             anställning. Kontaktpersonen får stöd och handledning av ansvarig handläggare."
                .into(),
        ),
        Items(vec![
            format!("Uppdraget gäller {period}."),
            format!("Träffar: {}.", meetings_over_time(&d.terms, lang)),
            "Kontaktpersonen lämnar en närvarorapport för varje månad, med de dagar de träffats; \
             ersättning betalas när rapporten är attesterad."
                .into(),
        ]),
        Heading(format!("Ersättning {}", d.year)),
        Para(format!(
            "Ersättningen betalas per månad enligt SKR:s rekommendation, som del av \
             prisbasbeloppet för {}. Arvodet är skattepliktig inkomst och betalas via kommunens lönesystem. \
             Omkostnadsersättningen täcker kostnader för träffarna, som fika, biljetter och resor. \
             Påbörjas eller slutar uppdraget under en månad betalas de dagar uppdraget gäller. \
             Beloppen räknas om när prisbasbeloppet ändras vid årsskiftet.",
            d.year
        )),
        Table(
            vec!["Från", "Träffar", "Arvode per månad", "Omkostnadsersättning per månad"],
            terms_rows,
        ),
    ];
    if let Some(cc) = &d.cost_center {
        out.push(Para(format!("Kostnadsställe: {cc}.")));
    }
    out.extend([
        Heading("Försäkring".into()),
        Para(
            "Kontaktpersonen omfattas av kommunens olycksfalls- och ansvarsförsäkring under \
             uppdraget."
                .into(),
        ),
        Heading("Tystnadsplikt".into()),
        Para(
            "Kontaktpersonen har tystnadsplikt enligt offentlighets- och sekretesslagen om allt \
             som rör den enskildes personliga förhållanden. Tystnadsplikten gäller även sedan \
             uppdraget upphört. Kontaktpersonen skriver under en särskild sekretessförbindelse \
             samtidigt med detta avtal."
                .into(),
        ),
        Heading("Uppsägning".into()),
        Para(
            "Avtalet kan sägas upp av båda parter med en månads uppsägningstid. Uppdraget upphör \
             utan uppsägning när beslutet om insatsen upphör."
                .into(),
        ),
        Heading("Underskrifter".into()),
        Para("Detta avtal är upprättat i två exemplar, ett till vardera parten.".into()),
        Signatures(vec![
            ("Ort och datum".into(), "Ort och datum".into()),
            (
                format!("Kontaktperson: {}", d.volunteer),
                format!("Ansvarig handläggare: {official}"),
            ),
        ]),
    ]);
    out
}

/// The document as Markdown or as one self-contained HTML page with A4 print CSS.
pub fn render(d: &AgreementDoc, format: Format, lang: Lang) -> String {
    let title = lang.pick(
        "Assignment agreement for a contact person",
        "Uppdragsavtal för kontaktperson",
    );
    match format {
        Format::Markdown => markdown(title, &blocks(d, lang)),
        Format::Html => html(title, &blocks(d, lang), lang),
    }
}
