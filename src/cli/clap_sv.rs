//! clap's parse errors in Swedish: a refused flag, a missing argument, a mistyped subcommand,
//! told to a coordinator who works under `--lang sv` or a Swedish locale in her own language.
//!
//! clap has no localization of its own; its `ErrorFormatter` trait is the seam it offers for
//! rendering an error differently. This formatter writes the same parts clap's `RichFormatter`
//! does (the message from the error's kind and context, the tips, the usage, where to get help),
//! in Swedish; the flags, values and names it quotes stay as typed. An error clap formatted
//! itself (a raw message) keeps its English words.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};

/// Renders a clap error in Swedish (`error.apply::<Swedish>().render()`).
pub struct Swedish;

impl ErrorFormatter for Swedish {
    fn format_error(error: &Error<Self>) -> StyledStr {
        StyledStr::from(render(error))
    }
}

const TAB: &str = "  ";

fn string(error: &Error<Swedish>, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn strings(error: &Error<Swedish>, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn number(error: &Error<Swedish>, kind: ContextKind) -> Option<isize> {
    match error.get(kind)? {
        ContextValue::Number(n) => Some(*n),
        _ => None,
    }
}

fn quoted(v: &[String]) -> String {
    v.iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn values_list(out: &mut String, name: &str, values: &[String]) {
    if !values.is_empty() {
        out.push_str(&format!("\n{TAB}[{name}: {}]", values.join(", ")));
    }
}

/// The message for the error's kind, from its context; `None` when the context lacks what the
/// sentence needs (clap's own kind text is then used, put in Swedish).
fn message(error: &Error<Swedish>) -> Option<String> {
    use ContextKind as K;
    let arg = || string(error, K::InvalidArg);
    let value = || string(error, K::InvalidValue);
    Some(match error.kind() {
        ErrorKind::ArgumentConflict => {
            let mut prior = error.get(K::PriorArg).cloned();
            let mut out = match (arg(), string(error, K::InvalidSubcommand)) {
                (Some(a), _) if prior == Some(ContextValue::String(a.clone())) => {
                    prior = None;
                    format!("argumentet '{a}' kan bara ges en gång")
                }
                (Some(a), _) => format!("argumentet '{a}' kan inte användas med"),
                (None, Some(s)) => format!("underkommandot '{s}' kan inte användas med"),
                (None, None) => return None,
            };
            match prior {
                Some(ContextValue::Strings(v)) => {
                    out.push(':');
                    for s in v {
                        out.push_str(&format!("\n{TAB}{s}"));
                    }
                }
                Some(ContextValue::String(s)) => out.push_str(&format!(" '{s}'")),
                Some(_) => out.push_str(" ett eller flera av de andra argumenten"),
                None => {}
            }
            out
        }
        ErrorKind::NoEquals => format!("'{}' behöver ett likhetstecken före värdet", arg()?),
        ErrorKind::InvalidValue => {
            let (a, v) = (arg()?, value()?);
            let mut out = if v.is_empty() {
                format!("'{a}' behöver ett värde, men inget gavs")
            } else {
                format!("ogiltigt värde '{v}' för '{a}'")
            };
            values_list(&mut out, "möjliga värden", &strings(error, K::ValidValue));
            out
        }
        ErrorKind::InvalidSubcommand => {
            format!(
                "okänt underkommando '{}'",
                string(error, K::InvalidSubcommand)?
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error, K::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            let mut out = String::from("de här argumenten krävs men saknas:");
            for m in missing {
                out.push_str(&format!("\n{TAB}{m}"));
            }
            out
        }
        ErrorKind::MissingSubcommand => {
            let mut out = format!(
                "'{}' behöver ett underkommando",
                string(error, K::InvalidSubcommand)?
            );
            values_list(
                &mut out,
                "underkommandon",
                &strings(error, K::ValidSubcommand),
            );
            out
        }
        ErrorKind::TooManyValues => format!(
            "oväntat värde '{}' för '{}'; inga fler väntades",
            value()?,
            arg()?
        ),
        ErrorKind::TooFewValues => {
            let (a, n, min) = (
                arg()?,
                number(error, K::ActualNumValues)?,
                number(error, K::MinValues)?,
            );
            format!("'{a}' behöver minst {min} värden; bara {n} gavs")
        }
        ErrorKind::WrongNumberOfValues => {
            let (a, n, want) = (
                arg()?,
                number(error, K::ActualNumValues)?,
                number(error, K::ExpectedNumValues)?,
            );
            format!("'{a}' behöver {want} värden, men {n} gavs")
        }
        ErrorKind::ValueValidation => {
            let mut out = format!("ogiltigt värde '{}' för '{}'", value()?, arg()?);
            if let Some(why) = std::error::Error::source(error) {
                out.push_str(": ");
                out.push_str(&why_in_swedish(&why.to_string()));
            }
            out
        }
        ErrorKind::UnknownArgument => format!("oväntat argument '{}'", arg()?),
        ErrorKind::InvalidUtf8 => "ogiltig UTF-8 i ett eller flera argument".to_string(),
        _ => return None,
    })
}

/// A value parser's reason, in Swedish, so `--reason foo` lists `goal_reached` (målet uppnått)
/// and the rest.
fn why_in_swedish(why: &str) -> String {
    let lang = kontakt::lang::Lang::Sv;
    // The standard library's and clap's number parsers.
    for (en, sv) in [
        ("invalid digit found in string", "ogiltig siffra i talet"),
        (
            "number too large to fit in target type",
            "talet är för stort",
        ),
        (
            "number too small to fit in target type",
            "talet är för litet",
        ),
        ("cannot parse integer from empty string", "inget tal"),
        ("invalid float literal", "inget tal"),
    ] {
        if why == en {
            return sv.to_string();
        }
    }
    if let Some((value, range)) = why.split_once(" is not in ")
        && let Some((lo, hi)) = range.split_once("..=")
    {
        return format!("{value} ligger utanför {lo}–{hi}");
    }
    // Our parsers' messages through the model's table, serde's "unknown variant" with each
    // expected word's Swedish beside it (`Lang::parser_message`).
    lang.parser_message(why)
}

/// clap's tips: "a similar argument exists", "to pass '-x' as a value, use '-- -x'".
fn tips(error: &Error<Swedish>) -> Vec<String> {
    let mut out = Vec::new();
    for (kind, one, many) in [
        (
            ContextKind::SuggestedSubcommand,
            "ett liknande underkommando finns",
            "några liknande underkommandon finns",
        ),
        (
            ContextKind::SuggestedArg,
            "ett liknande argument finns",
            "några liknande argument finns",
        ),
        (
            ContextKind::SuggestedValue,
            "ett liknande värde finns",
            "några liknande värden finns",
        ),
    ] {
        let v = strings(error, kind);
        match v.len() {
            0 => {}
            1 => out.push(format!("{one}: {}", quoted(&v))),
            _ => out.push(format!("{many}: {}", quoted(&v))),
        }
    }
    if let Some(ContextValue::StyledStrs(s)) = error.get(ContextKind::Suggested) {
        for tip in s {
            out.push(tip_in_swedish(&tip.to_string()));
        }
    }
    out
}

/// clap's free-form tips, the ones it makes: passing a flag-like word as a value, and the
/// subcommand that takes an argument.
fn tip_in_swedish(tip: &str) -> String {
    tip.replace("to pass ", "för att ge ")
        .replace(" as a value, use ", " som ett värde, skriv ")
}

/// The words clap writes into a usage line itself (`[OPTIONS]`, `<COMMAND>`), in Swedish.
pub fn usage_words(text: &str) -> String {
    text.replace("[OPTIONS]", "[FLAGGOR]")
        .replace("<COMMAND>", "<KOMMANDO>")
        .replace("[COMMAND]", "[KOMMANDO]")
}

fn render(error: &Error<Swedish>) -> String {
    let mut out = String::from("fel: ");
    match message(error) {
        Some(m) => out.push_str(&m),
        None => {
            // A kind whose context clap did not fill: the kind's own sentence, as clap says it.
            let text = error.kind().as_str().unwrap_or("okänt fel");
            out.push_str(&kontakt::lang::Lang::Sv.parser_message(text));
        }
    }
    let tips = tips(error);
    if !tips.is_empty() {
        out.push('\n');
        for t in tips {
            out.push_str(&format!("\n{TAB}tips: {t}"));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = match usage.strip_prefix("Usage:") {
            Some(rest) => format!("Användning:{}", usage_words(rest)),
            None => usage_words(&usage),
        };
        out.push_str("\n\n");
        out.push_str(&usage);
    }
    out.push_str("\n\nMer hjälp med '--help'.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    fn cmd() -> Command {
        Command::new("kontakt")
            .arg(Arg::new("date").long("date").required(true))
            .arg(Arg::new("percent").long("percent").value_parser(|s: &str| {
                s.parse::<u8>()
                    .map_err(|_| "expected hours like 2 or 2.5, found x")
            }))
            .subcommand(Command::new("pay").arg(Arg::new("month")))
    }

    fn swedish(args: &[&str]) -> String {
        let e = cmd().try_get_matches_from(args).expect_err("refused");
        e.apply::<Swedish>().render().to_string()
    }

    #[test]
    fn a_missing_argument_is_told_in_swedish() {
        let text = swedish(&["kontakt"]);
        assert!(
            text.starts_with("fel: de här argumenten krävs men saknas:\n  --date <date>"),
            "{text}"
        );
        assert!(text.contains("Användning: kontakt"), "{text}");
        assert!(text.ends_with("Mer hjälp med '--help'.\n"), "{text}");
    }

    #[test]
    fn an_unknown_flag_gets_a_swedish_tip() {
        let text = swedish(&["kontakt", "--date", "x", "--dat"]);
        assert!(text.starts_with("fel: oväntat argument '--dat'"), "{text}");
        assert!(
            text.contains("tips: ett liknande argument finns: '--date'"),
            "{text}"
        );
        let text = swedish(&["kontakt", "--date", "x", "pay", "--bogus"]);
        assert!(
            text.contains("tips: för att ge '--bogus' som ett värde, skriv '-- --bogus'"),
            "{text}"
        );
    }

    #[test]
    fn a_refused_value_names_the_flag_and_the_reason() {
        let text = swedish(&["kontakt", "--date", "x", "--percent", "400"]);
        assert!(
            text.starts_with("fel: ogiltigt värde '400' för '--percent <percent>': timmar som 2 eller 2,5 väntades, fann x"),
            "{text}"
        );
    }

    #[test]
    fn numbers_refused_are_told_in_swedish() {
        assert_eq!(why_in_swedish("7 is not in 1..=3"), "7 ligger utanför 1–3");
        assert_eq!(
            why_in_swedish("invalid digit found in string"),
            "ogiltig siffra i talet"
        );
        let e = Command::new("kontakt")
            .arg(
                Arg::new("n")
                    .long("n")
                    .value_parser(clap::value_parser!(u8).range(1..=3)),
            )
            .try_get_matches_from(["kontakt", "--n", "7"])
            .expect_err("refused");
        let text = e.apply::<Swedish>().render().to_string();
        assert!(
            text.starts_with("fel: ogiltigt värde '7' för '--n <n>': 7 ligger utanför 1–3"),
            "{text}"
        );
    }

    #[test]
    fn serdes_expected_words_get_their_swedish_beside_them() {
        let why =
            "unknown variant `foo`, expected one of `client_request`, `goal_reached`, `moved`";
        assert_eq!(
            why_in_swedish(why),
            "okänt värde `foo`, väntade ett av `client_request` (klientens begäran), `goal_reached` (målet uppnått), `moved` (flyttat)"
        );
    }

    /// No English word of clap's framing is left in the common errors.
    #[test]
    fn no_english_frame_is_left() {
        for args in [
            &["kontakt"][..],
            &["kontakt", "--date", "x", "pay", "--bogus"],
            &["kontakt", "--date", "x", "--date", "y"],
            &["kontakt", "--date", "x", "paj"],
            &["kontakt", "--date"],
        ] {
            let text = swedish(args);
            for english in [
                "error:",
                "tip:",
                "Usage:",
                "For more information",
                "provided",
                "found",
            ] {
                assert!(!text.contains(english), "{args:?}: {text}");
            }
        }
    }
}
