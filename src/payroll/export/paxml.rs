//! PAXml 2.0, the Swedish standard for importing pay transactions into a payroll system
//! (`../shared/reference/paxml/`): one `<lonetrans>` per line in `<lonetransaktioner>`.

use chrono::NaiveDateTime;

use super::{Row, decimal};
use crate::error::{Error, Result};
use crate::model::layout::PaxmlLayout;

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => o.push(c),
        }
    }
    o
}

/// The PAXml document for `rows`. `created` goes into the header, so the same run gives the same bytes.
pub fn write(
    rows: &[Row],
    layout: &PaxmlLayout,
    company: &str,
    created: NaiveDateTime,
) -> Result<Vec<u8>> {
    let problems = crate::rules::configuration::paxml_layout(layout);
    if !problems.is_empty() {
        return Err(Error::arg(
            "kontakt.toml [payroll.paxml]",
            problems.join("; "),
        ));
    }
    let mut x = String::new();
    x.push_str(&format!(
        "<?xml version=\"1.0\" encoding=\"{}\"?>\n",
        layout.encoding.to_uppercase()
    ));
    x.push_str("<paxml xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://www.paxml.se/2.0/paxml.xsd\">\n");
    x.push_str("  <header>\n    <format>LÖNIN</format>\n    <version>2.0</version>\n");
    x.push_str(&format!(
        "    <datum>{}</datum>\n",
        created.format("%Y-%m-%dT%H:%M:%S")
    ));
    x.push_str(&format!(
        "    <foretagnamn>{}</foretagnamn>\n  </header>\n",
        esc(company)
    ));
    if !rows.is_empty() {
        x.push_str("  <lonetransaktioner>\n");
    }
    for (n, (line, payee)) in rows.iter().enumerate() {
        let mut attrs = format!(" postid=\"{}\"", n + 1);
        if let Some(anst) = &payee.employee_number {
            attrs.push_str(&format!(" anstid=\"{}\"", esc(anst)));
        }
        if layout.persnr || payee.employee_number.is_none() {
            attrs.push_str(&format!(" persnr=\"{}\"", payee.pnr.canonical()));
        }
        let amount = decimal(line.amount.ore(), '.');
        x.push_str(&format!("    <lonetrans{attrs}>\n"));
        x.push_str(&format!(
            "      <lonart>{}</lonart>\n",
            esc(&line.wage_type)
        ));
        x.push_str(&format!(
            "      <benamning>{}</benamning>\n",
            esc(&line.description())
        ));
        x.push_str(&format!(
            "      <datumfrom>{}T00:00:00</datumfrom>\n",
            line.from
        ));
        x.push_str(&format!(
            "      <datumtom>{}T00:00:00</datumtom>\n",
            line.to
        ));
        x.push_str(&format!("      <antal>1</antal>\n      <apris>{amount}</apris>\n      <belopp>{amount}</belopp>\n"));
        if let Some(cc) = &line.cost_center {
            if cc.chars().count() > 10 {
                return Err(Error::arg(
                    "cost centre",
                    format!(
                        "`{cc}` is longer than PAXml's 10 characters (assignment {})",
                        line.assignment
                    ),
                ));
            }
            x.push_str(&format!(
                "      <resenheter>\n        <resenhet dim=\"{}\" id=\"{}\"/>\n      </resenheter>\n",
                layout.cost_center_dim,
                esc(cc)
            ));
        }
        x.push_str(&format!(
            "      <info>{}</info>\n    </lonetrans>\n",
            line.assignment
        ));
    }
    if !rows.is_empty() {
        x.push_str("  </lonetransaktioner>\n");
    }
    x.push_str("</paxml>\n");
    Ok(match layout.encoding.as_str() {
        "iso-8859-1" => latin1(&x),
        _ => x.into_bytes(),
    })
}

/// ISO-8859-1 bytes; a character outside it becomes a character reference, which XML reads back.
fn latin1(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 256 {
            out.push(c as u32 as u8);
        } else {
            out.extend_from_slice(format!("&#x{:X};", c as u32).as_bytes());
        }
    }
    out
}
