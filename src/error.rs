//! The one error type of the library, and the exit status each kind maps to.

use std::path::PathBuf;

use crate::tr;

/// Everything that can stop an operation. The CLI prints the message (and hint) and exits with
/// [`Error::exit_code`]; nothing personal (names, personnummer) goes into these messages.
#[derive(Debug)]
pub enum Error {
    /// A record or configuration file that cannot be read as what it should be.
    Record {
        path: PathBuf,
        line: usize,
        field: Option<String>,
        message: String,
    },
    /// A command-line value that is not what the option expects.
    BadArgument {
        option: String,
        message: String,
    },
    /// A batch file (CSV) with one or more bad rows; nothing was written.
    BadBatch {
        path: PathBuf,
        problems: Vec<String>,
    },
    /// A rule of the service refuses the operation; every reason is listed.
    Refused {
        reasons: Vec<String>,
    },
    NotFound {
        kind: &'static str,
        prefix: String,
        /// Ids close to what was typed, for a hint.
        similar: Vec<String>,
    },
    Ambiguous {
        prefix: String,
        matches: Vec<String>,
    },
    NotRecords {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        message: String,
        source: std::io::Error,
    },
    /// Money that would not fit: a sum or difference beyond an i64 of öre.
    Overflow(crate::model::money::Overflow),
}

impl From<crate::model::money::Overflow> for Error {
    fn from(o: crate::model::money::Overflow) -> Self {
        Error::Overflow(o)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// In the process's language (`lang::current`); the parts that come from elsewhere (a parser's
/// message, an option's) as they came.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Error::Record {
                path,
                line,
                field,
                message,
            } => {
                let field = field
                    .as_deref()
                    .map(|x| tr!("field `{}`: ", "fältet `{}`: ", x))
                    .unwrap_or_default();
                format!(
                    "{}:{line}: {field}{}",
                    path.display(),
                    crate::lang::current().parser_message(message)
                )
            }
            Error::BadArgument { option, message } => format!("{option}: {message}"),
            Error::BadBatch { path, problems } => tr!(
                "{} has {} bad row(s); nothing was written:\n{}",
                "{} har {} felaktiga rader; inget skrevs:\n{}",
                path.display(),
                problems.len(),
                problems.join("\n")
            ),
            Error::Refused { reasons } => format!(
                "{}:{}",
                tr!("refused", "nekas"),
                reasons
                    .iter()
                    .map(|r| format!("\n  - {r}"))
                    .collect::<String>()
            ),
            Error::NotFound { kind, prefix, .. } => {
                let kind = crate::lang::current().word(kind);
                tr!("no {} matches `{}`", "ingen {} matchar `{}`", kind, prefix)
            }
            Error::Ambiguous { prefix, matches } => tr!(
                "`{}` is ambiguous: it matches {}",
                "`{}` är tvetydigt: det matchar {}",
                prefix,
                matches.join(", ")
            ),
            Error::NotRecords { path } => tr!(
                "{}: not a kontakt records directory (no kontakt.toml)",
                "{}: ingen kontakt-katalog (kontakt.toml saknas)",
                path.display()
            ),
            Error::Io { path, message, .. } => format!(
                "{}: {}",
                path.display(),
                crate::lang::current().label(message)
            ),
            Error::Overflow(o) => o.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    /// 1 when a rule refused, 2 for bad usage or bad input (the ripgrep/grep convention).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Refused { .. } => 1,
            _ => 2,
        }
    }

    /// A next step for the person at the terminal, where one is obvious.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::NotRecords { .. } => Some(tr!(
                "create one with `kontakt init DIR`, or point --records (or KONTAKT_RECORDS) at one",
                "skapa en med `kontakt init KATALOG`, eller ange en med --records (eller KONTAKT_RECORDS)"
            )),
            Error::Ambiguous { .. } => Some(tr!(
                "type more characters of the id",
                "skriv fler tecken av id:t"
            )),
            Error::NotFound { similar, .. } if !similar.is_empty() => Some(tr!(
                "did you mean {}?",
                "menade du {}?",
                similar.join(crate::lang::current().pick(" or ", " eller "))
            )),
            Error::NotFound { .. } => Some(tr!(
                "`kontakt list` shows the ids",
                "`kontakt list` visar id:na"
            )),
            Error::Record { .. } | Error::Overflow(_) => Some(tr!(
                "`kontakt check` lists every problem in the records",
                "`kontakt check` listar alla fel i akterna"
            )),
            _ => None,
        }
    }

    pub fn io(
        path: impl Into<PathBuf>,
        message: impl Into<String>,
        source: std::io::Error,
    ) -> Self {
        Error::Io {
            path: path.into(),
            message: message.into(),
            source,
        }
    }

    pub fn arg(option: impl Into<String>, message: impl Into<String>) -> Self {
        Error::BadArgument {
            option: option.into(),
            message: message.into(),
        }
    }

    pub fn refused(reasons: Vec<String>) -> Self {
        Error::Refused { reasons }
    }
}
