//! The statistics page (`kontakt stats --html FILE`): one self-contained HTML file with SVG
//! charts and the tables behind them, for a manager to open or print (A4, landscape).

use std::fmt::Write;

use super::html_escape as esc;
use super::svg::{self, Series};
use crate::lang::Lang;
use crate::stats::Stats;

const CSS: &str = "@page { size: A4 landscape; margin: 14mm; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #222; margin: 24px; font-size: 13px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 22px 0 6px; }
.sub { color: #555; margin-bottom: 14px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 12px; min-width: 150px; }
.card b { display: block; font-size: 20px; }
.card::first-letter { text-transform: uppercase; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 12px; }
figure { margin: 0; border: 1px solid #eee; padding: 6px; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 4px; }
svg.chart { width: 100%; height: auto; font-family: inherit; }
table { border-collapse: collapse; margin: 6px 0; break-inside: avoid; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th::first-letter { text-transform: uppercase; }
tr.forecast td { color: #666; font-style: italic; }
@media print { body { margin: 0; } .charts { grid-template-columns: 1fr 1fr; } }";

fn table(header: &[&str], rows: &[Vec<String>], classes: &[&str]) -> String {
    let mut s = String::from("<table><thead><tr>");
    for h in header {
        let _ = write!(s, "<th>{}</th>", esc(h));
    }
    s.push_str("</tr></thead><tbody>");
    for (i, r) in rows.iter().enumerate() {
        let class = classes.get(i).copied().unwrap_or("");
        if class.is_empty() {
            s.push_str("<tr>");
        } else {
            let _ = write!(s, r#"<tr class="{class}">"#);
        }
        for c in r {
            let _ = write!(s, "<td>{}</td>", esc(c));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

/// The page for `stats` of the service in `municipality`.
pub fn html(st: &Stats, municipality: &str, lang: Lang) -> String {
    let l = |en, sv| lang.pick(en, sv);
    let title = format!(
        "{} {}: {} {} – {}",
        l("Kontaktperson service", "Kontaktpersonsverksamheten"),
        municipality,
        l("statistics", "statistik"),
        st.from,
        st.to
    );
    let labels: Vec<String> = st.months.iter().map(|m| m.month.to_string()).collect();
    let forecast_from = st.months.iter().position(|m| m.forecast);
    let kr = |m: crate::model::Money| Some(m.ore() as f64 / 100.0);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"sub\">{} {}</p>\n",
        lang.code(),
        esc(&title),
        esc(&title),
        l("Worked out on", "Framtagen"),
        st.today
    );
    // The period is in the title.
    let cards: Vec<(String, String)> = st.key_figures(lang).into_iter().skip(1).collect();
    s.push_str("<div class=\"cards\">");
    for (k, v) in cards {
        let _ = write!(s, "<div class=\"card\">{}<b>{}</b></div>", esc(&k), esc(&v));
    }
    s.push_str("</div>\n");

    let t_waiting = l(
        "Waiting list at the end of each month",
        "Väntelistan vid varje månads slut",
    );
    let waiting = svg::line(
        t_waiting,
        &labels,
        &Series {
            name: l("waiting", "väntar"),
            colour: "#c0392b",
            values: st
                .months
                .iter()
                .map(|m| m.waiting.map(|w| w as f64))
                .collect(),
        },
    );
    let t_active = l("Assignments in force", "Uppdrag som pågår");
    let active = svg::bars(
        t_active,
        &labels,
        &[Series {
            name: l("assignments", "uppdrag"),
            colour: "#2c7fb8",
            values: st.months.iter().map(|m| Some(m.active as f64)).collect(),
        }],
        None,
    );
    let t_fulfilment = l(
        "Meetings reported of agreed (%)",
        "Rapporterade träffar av avtalade (%)",
    );
    let fulfilment = svg::line(
        t_fulfilment,
        &labels,
        &Series {
            name: l("fulfilment %", "uppfyllelse %"),
            colour: "#27ae60",
            values: st
                .months
                .iter()
                .map(|m| m.fulfilment_permille.map(|p| f64::from(p) / 10.0))
                .collect(),
        },
    );
    let t_cost = l(
        "Cost per month (kr), forecast lighter",
        "Kostnad per månad (kr), prognos ljusare",
    );
    let cost = svg::bars(
        t_cost,
        &labels,
        &[
            Series {
                name: l("fee", "arvode"),
                colour: "#8e44ad",
                values: st.months.iter().map(|m| kr(m.fee_ore)).collect(),
            },
            Series {
                name: l("expenses", "omkostnader"),
                colour: "#f39c12",
                values: st.months.iter().map(|m| kr(m.expense_ore)).collect(),
            },
            Series {
                name: l("employer's contributions", "arbetsgivaravgifter"),
                colour: "#7f8c8d",
                values: st.months.iter().map(|m| kr(m.contributions_ore)).collect(),
            },
        ],
        forecast_from,
    );
    let _ = write!(
        s,
        "<h2>{}</h2>\n<div class=\"charts\">\n",
        l("Over time", "Över tid")
    );
    for (title, chart) in [
        (t_waiting, waiting),
        (t_active, active),
        (t_fulfilment, fulfilment),
        (t_cost, cost),
    ] {
        let _ = writeln!(
            s,
            "<figure><figcaption>{}</figcaption>{chart}</figure>",
            esc(title)
        );
    }
    s.push_str("</div>\n");

    let classes: Vec<&str> = st
        .months
        .iter()
        .map(|m| if m.forecast { "forecast" } else { "" })
        .collect();
    let note = l(
        "Months after the last one paid (in italics) are a forecast from the agreements in force.",
        "Månader efter den senast utbetalda (kursivt) är en prognos utifrån gällande avtal.",
    );
    for (heading, t, classes, after) in [
        (
            l("Per month", "Per månad"),
            st.month_table(lang),
            &classes[..],
            Some(note),
        ),
        (
            l("Per cost centre", "Per kostnadsställe"),
            st.cost_centre_table(lang),
            &[][..],
            None,
        ),
        (
            l("By way of paying", "Per ersättningsform"),
            st.kind_table(lang),
            &[][..],
            None,
        ),
        (
            l("Volunteers and screening", "Kontaktpersoner och utredning"),
            st.volunteer_table(lang),
            &[][..],
            None,
        ),
    ] {
        // A table without rows (every assignment paid by the month) is left out.
        if t.rows.is_empty() && heading == l("By way of paying", "Per ersättningsform") {
            continue;
        }
        let _ = writeln!(s, "<h2>{}</h2>", esc(heading));
        let header: Vec<&str> = t.header.iter().map(String::as_str).collect();
        s.push_str(&table(&header, &t.rows, classes));
        if let Some(p) = after {
            let _ = writeln!(s, "<p>{}</p>", esc(p));
        }
    }
    s.push_str("\n</body>\n</html>\n");
    s
}
