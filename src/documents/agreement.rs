//! The assignment agreement (uppdragsavtal) as a document to print and sign, in Swedish: the
//! parties, what the assignment includes, meetings, fee and expense allowance in kronor for the
//! year, insurance, the confidentiality undertaking, notice and signature lines.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Format, html_escape};
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

fn meetings_sv(f: Frequency) -> String {
    let times = if f.times == 1 { "gång" } else { "gånger" };
    let per = match f.per {
        Per::Week => "vecka",
        Per::Month => "månad",
    };
    format!("{} {times} per {per}", f.times)
}

/// `1 gång per vecka, från 2026-07-01 2 gånger per vecka`.
fn meetings_over_time(terms: &[TermsLine]) -> String {
    terms
        .iter()
        .enumerate()
        .map(|(i, t)| match i {
            0 => meetings_sv(t.meetings),
            _ => format!("från {} {}", t.from, meetings_sv(t.meetings)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn law(b: Basis) -> &'static str {
    match b {
        Basis::Sol => "socialtjänstlagen (SoL)",
        Basis::Lss => "lagen om stöd och service till vissa funktionshindrade (LSS), 9 § 4",
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

fn blocks(d: &AgreementDoc) -> Vec<Block> {
    use Block::*;
    let blank = "______________________________";
    let official = d.official.clone().unwrap_or_else(|| blank.to_string());
    let period = match d.end {
        Some(e) => format!("från och med {} till och med {e}", d.start),
        None => format!(
            "från och med {}, tills vidare så länge beslutet om insatsen gäller",
            d.start
        ),
    };
    let mut terms_rows = Vec::new();
    for t in &d.terms {
        terms_rows.push(vec![
            t.from.to_string(),
            meetings_sv(t.meetings),
            format!("{} kr", t.fee.swedish()),
            format!("{} kr", t.expense.swedish()),
        ]);
    }
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
                law(d.basis)
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
            format!("Träffar: {}.", meetings_over_time(&d.terms)),
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
pub fn render(d: &AgreementDoc, format: Format) -> String {
    let title = "Uppdragsavtal för kontaktperson";
    match format {
        Format::Markdown => markdown(title, &blocks(d)),
        Format::Html => html(title, &blocks(d)),
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

fn html(title: &str, blocks: &[Block]) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<style>\n{PRINT_CSS}\n</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
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
