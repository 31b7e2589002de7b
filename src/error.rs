//! The one error type of the library, and the exit status each kind maps to.

use std::path::PathBuf;

/// Everything that can stop an operation. The CLI prints the message (and hint) and exits with
/// [`Error::exit_code`]; nothing personal (names, personnummer) goes into these messages.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A record or configuration file that cannot be read as what it should be.
    #[error("{}:{line}: {}{message}", path.display(), field.as_deref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
    Record {
        path: PathBuf,
        line: usize,
        field: Option<String>,
        message: String,
    },
    /// A command-line value that is not what the option expects.
    #[error("{option}: {message}")]
    BadArgument { option: String, message: String },
    /// A batch file (CSV) with one or more bad rows; nothing was written.
    #[error("{} has {} bad row(s); nothing was written:\n{}", path.display(), problems.len(), problems.join("\n"))]
    BadBatch {
        path: PathBuf,
        problems: Vec<String>,
    },
    /// A rule of the service refuses the operation; every reason is listed.
    #[error("refused:{}", reasons.iter().map(|r| format!("\n  - {r}")).collect::<String>())]
    Refused { reasons: Vec<String> },
    #[error("no {kind} matches `{prefix}`")]
    NotFound {
        kind: &'static str,
        prefix: String,
        /// Ids close to what was typed, for a hint.
        similar: Vec<String>,
    },
    #[error("`{prefix}` is ambiguous: it matches {}", matches.join(", "))]
    Ambiguous {
        prefix: String,
        matches: Vec<String>,
    },
    #[error("{}: not a kontakt records directory (no kontakt.toml)", path.display())]
    NotRecords { path: PathBuf },
    #[error("{}: {message}", path.display())]
    Io {
        path: PathBuf,
        message: String,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

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
            Error::NotRecords { .. } => Some(
                "create one with `kontakt init DIR`, or point --records (or KONTAKT_RECORDS) at one"
                    .into(),
            ),
            Error::Ambiguous { .. } => Some("type more characters of the id".into()),
            Error::NotFound { similar, .. } if !similar.is_empty() => {
                Some(format!("did you mean {}?", similar.join(" or ")))
            }
            Error::NotFound { .. } => Some("`kontakt list` shows the ids".into()),
            Error::Record { .. } => Some("`kontakt check` lists every problem in the records".into()),
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
