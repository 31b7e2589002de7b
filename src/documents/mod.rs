//! Documents people print and sign, rendered from the records as Markdown or HTML (A4 print CSS).
//! Pure functions from data to text: the CLI decides where the text goes.

pub mod agreement;
pub mod decision;
pub mod ivo;
pub mod page;
pub mod papers;
pub mod payrun;
pub mod plan;
pub mod stats;
pub mod svg;

use std::str::FromStr;

/// The formats a document can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Markdown,
    Html,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            _ => Err(crate::tr!(
                "expected md or html, found `{s}`",
                "väntade md eller html, fann `{s}`"
            )),
        }
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A person's initials (`Anna-Karin Berg` → `A-K B`), the most of a client a volunteer's
/// document may show before the agreement is signed.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|part| part.chars().next())
                .map(|c| c.to_uppercase().collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_keep_double_names_and_drop_the_rest() {
        assert_eq!(initials("Anna-Karin  Berg"), "A-K B");
        assert_eq!(initials("östen åberg"), "Ö Å");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(html_escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }
}
