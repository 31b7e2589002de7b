//! A printed page: headings, paragraphs, lists, tables and signature lines, as Markdown or as
//! one self-contained HTML page with A4 print CSS. The documents (`agreement`, `decision`,
//! `papers`) say what is on the page; this says how it looks.

use super::html_escape;
use crate::lang::Lang;

/// A paragraph of the document: a heading and its lines, or a table.
pub enum Block {
    Heading(String),
    Para(String),
    Items(Vec<String>),
    Table(Vec<&'static str>, Vec<Vec<String>>),
    Signatures(Vec<(String, String)>),
}

pub fn markdown(title: &str, blocks: &[Block]) -> String {
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
                    .map(|(left, right)| {
                        let w = 31.max(left.chars().count() + 2);
                        format!("{line} {line}\n{left:<w$}{right}\n")
                    })
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

pub fn html(title: &str, blocks: &[Block], lang: Lang) -> String {
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
