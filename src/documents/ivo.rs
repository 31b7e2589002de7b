//! The summary of decisions not put into effect for the municipal council and the auditors
//! (`kontakt ivo --quarter Q --council --html FILE`): one self-contained page, A4, without
//! identities (16 kap. 6 h § SoL, 28 h § LSS).

use std::fmt::Write;

use super::html_escape as esc;
use crate::lang::Lang;
use crate::model::common::word;
use crate::rules::ivo_delay::{Band, Began, Count, Standing, Summary, Tally};

const CSS: &str = "@page { size: A4 portrait; margin: 16mm; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #222; margin: 24px; font-size: 13px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 20px 0 6px; }
.sub { color: #555; margin-bottom: 12px; }
.note { color: #555; font-size: 12px; }
.prelim { border: 1px solid #c0392b; color: #c0392b; padding: 4px 8px; display: inline-block; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 12px; min-width: 140px; }
.card b { display: block; font-size: 20px; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 18px; }
table { border-collapse: collapse; margin: 6px 0; break-inside: avoid; width: 100%; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
table.cases th, table.cases td { text-align: left; }
table.cases th:last-child, table.cases td:last-child { text-align: right; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
@media print { body { margin: 0; } }";

fn standing(s: Standing, lang: Lang) -> &'static str {
    match s {
        Standing::New => lang.pick("new this quarter", "nya detta kvartal"),
        Standing::Continuing => lang.pick("still not in effect", "fortfarande inte verkställda"),
        Standing::InEffect => lang.pick("put into effect", "verkställda"),
        Standing::Closed => lang.pick("closed otherwise", "avslutade av annan anledning"),
    }
}

fn began(b: Began, lang: Lang) -> &'static str {
    match b {
        Began::Decision => lang.pick("not put into effect", "ej verkställt beslut"),
        Began::Interruption => lang.pick("interrupted, not resumed", "avbrott, ej återupptaget"),
    }
}

fn band(b: Band, lang: Lang) -> &'static str {
    match b {
        Band::UpTo6Months => lang.pick("3 to 6 months", "3–6 månader"),
        Band::UpTo12Months => lang.pick("6 to 12 months", "6–12 månader"),
        Band::Over12Months => lang.pick("over 12 months", "över 12 månader"),
    }
}

fn row(label: &str, c: Count) -> Vec<String> {
    vec![
        label.to_string(),
        c.women.to_string(),
        c.men.to_string(),
        c.total().to_string(),
    ]
}

fn rows<K: Copy>(t: &[Tally<K>], name: impl Fn(K) -> String) -> Vec<Vec<String>> {
    t.iter().map(|t| row(&name(t.key), t.count)).collect()
}

/// The summary's counts: a heading and rows of `what, women, men, total` for each, the same
/// on the terminal and on the page.
pub fn count_tables(s: &Summary, lang: Lang) -> Vec<(String, Vec<Vec<String>>)> {
    let mut by_law = rows(&s.by_law, |l| l.to_string());
    by_law.push(row(lang.pick("all", "alla"), s.total));
    vec![
        (lang.pick("By law", "Per lag").to_string(), by_law),
        (
            lang.pick("Kind", "Slag").to_string(),
            rows(&s.by_began, |b| began(b, lang).to_string()),
        ),
        (
            lang.pick("This quarter", "Detta kvartal").to_string(),
            rows(&s.by_standing, |x| standing(x, lang).to_string()),
        ),
        (
            lang.pick(
                "Time since the decision or the interruption",
                "Tid sedan beslutet eller avbrottet",
            )
            .to_string(),
            rows(&s.by_band, |b| band(b, lang).to_string()),
        ),
    ]
}

/// Each case, longest wait first: law, paragraph, insats, kind, this quarter, woman or man, days.
pub fn case_table(s: &Summary, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let header = [
        lang.pick("law", "lag"),
        lang.pick("paragraph", "lagrum"),
        "insats",
        lang.pick("kind", "slag"),
        lang.pick("this quarter", "detta kvartal"),
        lang.pick("woman / man", "kvinna / man"),
        lang.pick("days", "dagar"),
    ]
    .map(str::to_string)
    .to_vec();
    let rows = s
        .cases
        .iter()
        .map(|c| {
            vec![
                c.law.to_string(),
                c.paragraph.to_string(),
                c.insats.to_string(),
                began(c.began, lang).to_string(),
                standing(c.standing, lang).to_string(),
                match word(&c.sex).as_str() {
                    "female" => lang.pick("woman", "kvinna"),
                    _ => lang.pick("man", "man"),
                }
                .to_string(),
                c.days.to_string(),
            ]
        })
        .collect();
    (header, rows)
}

fn table(class: &str, header: &[String], rows: &[Vec<String>]) -> String {
    let mut s = format!("<table class=\"{class}\"><thead><tr>");
    for h in header {
        let _ = write!(s, "<th>{}</th>", esc(h));
    }
    s.push_str("</tr></thead><tbody>");
    for r in rows {
        s.push_str("<tr>");
        for c in r {
            let _ = write!(s, "<td>{}</td>", esc(c));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

/// The page for the council of `municipality`.
pub fn html(s: &Summary, municipality: &str, lang: Lang) -> String {
    let l = |en, sv| lang.pick(en, sv);
    let title = format!(
        "{}: {}, {} {}",
        municipality,
        l("decisions not put into effect", "ej verkställda beslut"),
        l("quarter", "kvartal"),
        s.quarter
    );
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"sub\">{} {} {}. {}</p>\n",
        lang.code(),
        esc(&title),
        esc(&title),
        l(
            "Report to the municipal council and the auditors, as of",
            "Rapport till kommunfullmäktige och revisorerna, per"
        ),
        s.as_of,
        l(
            "(16 kap. 6 h § SoL, 28 h § LSS)",
            "(16 kap. 6 h § SoL, 28 h § LSS)"
        ),
        l(
            "Granted decisions not put into effect within three months of the decision, and insatser interrupted and not resumed within three months, as reported to IVO; without identities.",
            "Beviljade beslut som inte verkställts inom tre månader från beslutet, och insatser som avbrutits och inte verkställts på nytt inom tre månader, som de rapporterats till IVO; utan personuppgifter."
        )
    );
    if s.preliminary {
        let _ = writeln!(
            out,
            "<p class=\"prelim\">{}</p>",
            esc(l(
                "Preliminary: the quarter has not ended; the figures are as of today.",
                "Preliminär: kvartalet har inte slutat; siffrorna gäller i dag."
            ))
        );
    }
    out.push_str("<div class=\"cards\">");
    for (k, v) in [
        (l("cases reported", "rapporterade ärenden"), s.total.total()),
        (l("women", "kvinnor"), s.total.women),
        (l("men", "män"), s.total.men),
    ] {
        let _ = write!(out, "<div class=\"card\">{}<b>{v}</b></div>", esc(k));
    }
    out.push_str("</div>\n<div class=\"grid\">\n");
    let header = [
        String::new(),
        l("women", "kvinnor").to_string(),
        l("men", "män").to_string(),
        l("total", "totalt").to_string(),
    ];
    for (heading, rows) in count_tables(s, lang) {
        let _ = writeln!(
            out,
            "<section><h2>{}</h2>{}</section>",
            esc(&heading),
            table("counts", &header, &rows)
        );
    }
    out.push_str("</div>\n");
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        esc(l("Each case, longest first", "Varje ärende, längst först"))
    );
    if s.cases.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            esc(l(
                "No decision to report this quarter.",
                "Inget beslut att rapportera detta kvartal."
            ))
        );
    } else {
        let (header, rows) = case_table(s, lang);
        out.push_str(&table("cases", &header, &rows));
    }
    let _ = writeln!(
        out,
        "\n<p class=\"note\">{}</p>\n</body>\n</html>",
        esc(l(
            "Days are counted from the decision, or from the first day after an interruption, to the quarter's end or the day the case was put into effect or closed.",
            "Dagar räknas från beslutet, eller från första dagen efter ett avbrott, till kvartalets slut eller den dag ärendet verkställdes eller avslutades."
        ))
    );
    out
}
