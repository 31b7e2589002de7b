//! The assignment agreement (uppdragsavtal) as a document to print and sign, in Swedish (the
//! document staff file) or English (for a volunteer who reads English better): the parties, what
//! the assignment includes, meetings, fee and expense allowance in kronor for the year,
//! insurance, the confidentiality undertaking, notice and signature lines.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Format, html_escape};
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

/// A paragraph of the document: a heading and its lines, or a table.
enum Block {
    Heading(String),
    Para(String),
    Items(Vec<String>),
    Table(Vec<&'static str>, Vec<Vec<String>>),
    Signatures(Vec<(String, String)>),
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

fn markdown(title: &str, blocks: &[Block]) -> String {
    let mut s = format!("# {title}\n");
    for b in blocks {
        s.push('\n');
        match b {
            Block::Heading(h) => s.push_str(&format!("## {h}\n")),
            Block::Para(p) => s.push_str(&format!("{p}\n")),
            Block::Items(items) => {
                for i in items {
                    s.push_str(&format!("- {i}\n"));
                }
            }
            Block::Table(head, rows) => {
                s.push_str(&format!("| {} |\n", head.join(" | ")));
                s.push_str(&format!("|{}\n", " --- |".repeat(head.len())));
                for r in rows {
                    s.push_str(&format!("| {} |\n", r.join(" | ")));
                }
            }
            Block::Signatures(rows) => {
                let line = "_".repeat(30);
                let pairs: Vec<String> = rows
                    .iter()
                    .map(|(left, right)| format!("{line} {line}\n{left:<31}{right}\n"))
                    .collect();
                s.push_str(&pairs.join("\n"));
            }
        }
    }
    s
}

const PRINT_CSS: &str = "@page { size: A4; margin: 20mm 18mm; }
body { font-family: 'DejaVu Serif', Georgia, serif; font-size: 11pt; line-height: 1.4; max-width: 170mm; margin: 0 auto; color: #000; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; break-after: avoid; }
p.meta { color: #444; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 10pt; }
th, td { border: 0.5pt solid #666; padding: 3pt 6pt; text-align: left; }
td.amount, th.amount { text-align: right; white-space: nowrap; }
td:first-child, td:nth-child(2) { white-space: nowrap; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 26pt 24pt; margin-top: 20pt; break-inside: avoid; }
.signatures div { border-top: 0.75pt solid #000; padding-top: 3pt; font-size: 10pt; }
@media screen { body { margin: 2em auto; padding: 0 1em; } }";

fn html(title: &str, blocks: &[Block], lang: Lang) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<style>\n{PRINT_CSS}\n</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        lang.code()
    );
    let mut first = true;
    for b in blocks {
        match b {
            Block::Heading(h) => s.push_str(&format!("<h2>{}</h2>\n", html_escape(h))),
            Block::Para(p) if first => {
                s.push_str(&format!("<p class=\"meta\">{}</p>\n", html_escape(p)))
            }
            Block::Para(p) => s.push_str(&format!("<p>{}</p>\n", html_escape(p))),
            Block::Items(items) => {
                s.push_str("<ul>\n");
                for i in items {
                    s.push_str(&format!("<li>{}</li>\n", html_escape(i)));
                }
                s.push_str("</ul>\n");
            }
            Block::Table(head, rows) => {
                s.push_str("<table>\n<thead><tr>");
                for (i, h) in head.iter().enumerate() {
                    let class = if i >= 2 { " class=\"amount\"" } else { "" };
                    s.push_str(&format!("<th{class}>{}</th>", html_escape(h)));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    s.push_str("<tr>");
                    for (i, c) in r.iter().enumerate() {
                        let class = if i >= 2 { " class=\"amount\"" } else { "" };
                        s.push_str(&format!("<td{class}>{}</td>", html_escape(c)));
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
            }
            Block::Signatures(rows) => {
                s.push_str("<div class=\"signatures\">\n");
                for (left, right) in rows {
                    s.push_str(&format!(
                        "<div>{}</div><div>{}</div>\n",
                        html_escape(left),
                        html_escape(right)
                    ));
                }
                s.push_str("</div>\n");
            }
        }
        first = false;
    }
    s.push_str("</body>\n</html>\n");
    s
}
