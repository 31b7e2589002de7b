//! The pay run summary (`kontakt show RUN --format html`): what a run paid, in totals by kind,
//! month and cost centre and line by line, with lines for the attest (the manager's approval of
//! the payment) to print on A4. Ids only: the names are in the payroll file, not on paper that
//! travels between desks.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::html_escape as esc;
use crate::lang::Lang;
use crate::model::payline::Quantity;
use crate::model::{Money, PayRun};
use crate::payroll::LineKind;

const CSS: &str = "@page { size: A4; margin: 16mm 14mm; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9.5pt; color: #000; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 12pt; margin: 0; }
dt { color: #444; } dd { margin: 0; font-family: 'DejaVu Sans Mono', monospace; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
thead { display: table-header-group; } tr { break-inside: avoid; }
th, td { border: 0.5pt solid #777; padding: 2pt 5pt; text-align: left; white-space: nowrap; }
td.n, th.n { text-align: right; white-space: nowrap; }
.attest { display: grid; grid-template-columns: 1fr 1fr; gap: 24pt; margin-top: 22pt; break-inside: avoid; }
.attest div { border-top: 0.75pt solid #000; padding-top: 3pt; }
@media screen { body { max-width: 190mm; margin: 2em auto; } }";

fn table(head: &[(&str, bool)], rows: &[Vec<String>]) -> String {
    let mut s = String::from("<table><thead><tr>");
    for (h, num) in head {
        let class = if *num { " class=\"n\"" } else { "" };
        let _ = write!(s, "<th{class}>{}</th>", esc(h));
    }
    s.push_str("</tr></thead><tbody>\n");
    for r in rows {
        s.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            let class = if head.get(i).is_some_and(|h| h.1) {
                " class=\"n\""
            } else {
                ""
            };
            let _ = write!(s, "<td{class}>{}</td>", esc(c));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table>\n");
    s
}

/// What a line counts, as people read it: `2½ dygn`, `3 träffar → nivå 1`, `4,5 tim`, `86 km`.
pub fn quantity_text(q: Quantity, lang: Lang) -> String {
    let l = |en, sv| lang.pick(en, sv);
    let n = |n: u32, en: [&str; 2], sv: [&str; 2]| {
        let w = if lang == Lang::Sv { sv } else { en };
        format!("{n} {}", if n == 1 { w[0] } else { w[1] })
    };
    let tenths = |t: u32| match t % 10 {
        0 => (t / 10).to_string(),
        f => format!("{}{}{f}", t / 10, l(".", ",")),
    };
    match q {
        Quantity::Dygn { halves } => {
            let whole = match (halves / 2, halves % 2) {
                (0, 1) => "½".to_string(),
                (w, 1) => format!("{w}½"),
                (w, _) => w.to_string(),
            };
            format!("{whole} dygn")
        }
        Quantity::Meetings { count, level } => format!(
            "{} → {} {level}",
            n(count, ["meeting", "meetings"], ["träff", "träffar"]),
            l("level", "nivå")
        ),
        Quantity::Hours { tenths: t } => format!("{} {}", tenths(t), l("h", "tim")),
        Quantity::Km { km } => format!("{km} km"),
        Quantity::Receipts { count } => n(count, ["receipt", "receipts"], ["kvitto", "kvitton"]),
    }
}

/// The kind of a line, as people read it (`arvode`, `milersättning, skattefri`, `rättelse av …`).
pub fn kind_word(kind: LineKind, corrects: Option<LineKind>, lang: Lang) -> String {
    let base = |k: LineKind| match k {
        LineKind::Fee => lang.pick("fee", "arvode"),
        LineKind::Expense => lang.pick("expense allowance", "omkostnadsersättning"),
        LineKind::Correction => lang.pick("correction", "rättelse"),
        LineKind::Mileage => lang.pick("mileage, tax-free", "milersättning, skattefri"),
        LineKind::MileageTaxable => lang.pick("mileage, taxable", "milersättning, skattepliktig"),
        LineKind::Travel => lang.pick("travel allowance", "reseersättning"),
        LineKind::Receipt => lang.pick("outlays", "utlägg"),
    };
    match corrects {
        Some(k) => format!("{} {}", lang.pick("correction of", "rättelse av"), base(k)),
        None => base(kind).to_string(),
    }
}

/// The summary of `run` for the service in `municipality`, each payee named (`names`, by id:
/// the official who attests it checks people, not ids).
pub fn html(
    run: &PayRun,
    names: &std::collections::HashMap<crate::model::Id, String>,
    municipality: &str,
    lang: Lang,
) -> Result<String, crate::model::money::Overflow> {
    let l = |en, sv| lang.pick(en, sv);
    let title = format!(
        "{} {} – {}",
        l("Pay run", "Utbetalningsunderlag"),
        run.month,
        municipality
    );
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n<h1>{t}</h1>\n<dl>",
        lang.code(),
        t = esc(&title)
    );
    let volunteers: std::collections::BTreeSet<_> =
        run.lines.iter().map(|x| &x.volunteer).collect();
    for (k, v) in [
        (l("Pay run", "Körning"), run.id.to_string()),
        (
            l("Made", "Skapad"),
            run.created.format("%Y-%m-%d %H:%M").to_string(),
        ),
        (l("By", "Av"), run.user.clone()),
        (
            l("Payroll file", "Lönefil"),
            format!("{} ({})", run.file, run.format),
        ),
        ("SHA-256", run.sha256.clone()),
        (
            l("Volunteers paid", "Kontaktpersoner"),
            volunteers.len().to_string(),
        ),
        (l("Lines", "Rader"), run.lines.len().to_string()),
        (l("Total", "Summa"), run.total_ore.localized(lang)),
    ] {
        let _ = write!(s, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(&v));
    }
    s.push_str("</dl>\n");

    // Totals by kind, by month paid for, and by cost centre.
    let mut by_kind: BTreeMap<String, (usize, Money)> = BTreeMap::new();
    let mut by_period: BTreeMap<String, (usize, Money)> = BTreeMap::new();
    let mut by_centre: BTreeMap<String, (usize, Money)> = BTreeMap::new();
    for x in &run.lines {
        for (map, key) in [
            (&mut by_kind, kind_word(x.kind, x.corrects, lang)),
            (&mut by_period, x.period.to_string()),
            (
                &mut by_centre,
                x.cost_center.clone().unwrap_or_else(|| "–".into()),
            ),
        ] {
            let e = map.entry(key).or_default();
            e.0 += 1;
            e.1.add_to(x.amount)?;
        }
    }
    for (heading, first, map) in [
        (l("By kind", "Per slag"), l("Kind", "Slag"), &by_kind),
        (
            l("By month paid for", "Per period"),
            l("Month", "Period"),
            &by_period,
        ),
        (
            l("By cost centre", "Per kostnadsställe"),
            l("Cost centre", "Kostnadsställe"),
            &by_centre,
        ),
    ] {
        let _ = writeln!(s, "<h2>{}</h2>", esc(heading));
        let rows: Vec<Vec<String>> = map
            .iter()
            .map(|(k, (n, m))| vec![k.clone(), n.to_string(), m.localized(lang)])
            .collect();
        s.push_str(&table(
            &[
                (first, false),
                (l("Lines", "Rader"), true),
                (l("Amount", "Belopp"), true),
            ],
            &rows,
        ));
    }

    let _ = writeln!(s, "<h2>{}</h2>", l("Lines", "Rader"));
    let rows: Vec<Vec<String>> = run
        .lines
        .iter()
        .map(|x| {
            vec![
                x.assignment.to_string(),
                match names.get(&x.volunteer) {
                    Some(n) => format!("{} {n}", x.volunteer),
                    None => x.volunteer.to_string(),
                },
                x.period.to_string(),
                match x.quantity {
                    Some(q) => quantity_text(q, lang),
                    None => format!("{}/{}", x.days, x.period.days()),
                },
                kind_word(x.kind, x.corrects, lang),
                x.wage_type.clone(),
                x.cost_center.clone().unwrap_or_default(),
                x.amount.localized(lang),
            ]
        })
        .collect();
    s.push_str(&table(
        &[
            (l("Assignment", "Uppdrag"), false),
            (l("Volunteer", "Kontaktperson"), false),
            (l("Period", "Period"), false),
            (l("Days or count", "Dagar eller antal"), true),
            (l("Kind", "Slag"), false),
            (l("Wage type", "Löneart"), false),
            (l("Cost centre", "Kostnadsställe"), false),
            (l("Amount", "Belopp"), true),
        ],
        &rows,
    ));
    let _ = write!(
        s,
        "<div class=\"attest\"><div>{}</div><div>{}</div><div>{}</div><div>{}</div></div>\n</body>\n</html>\n",
        l("Checked by (name, date)", "Granskad av (namn, datum)"),
        l("Signature", "Underskrift"),
        l("Attested by (name, date)", "Attesterad av (namn, datum)"),
        l("Signature", "Underskrift"),
    );
    Ok(s)
}
