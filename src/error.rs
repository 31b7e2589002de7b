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
    /// A rule of the service refuses the operation; every reason is listed, and what the
    /// person can do next (the CLI words it as a hint).
    Refused {
        reasons: Vec<String>,
        next: Vec<Next>,
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
    /// The system refused a file operation.
    Io {
        path: PathBuf,
        op: IoOp,
        source: std::io::Error,
    },
    /// A path kontakt cannot use as given (a folder where a file is meant, a name that is not
    /// UTF-8); `problem` says why, in the process's language.
    BadPath {
        path: PathBuf,
        problem: String,
    },
    /// Money that would not fit: a sum or difference beyond an i64 of öre.
    Overflow(crate::model::money::Overflow),
    /// Another error (a batch's) with what the person can do next: said as that error is.
    Then {
        error: Box<Error>,
        next: Vec<Next>,
    },
}

impl From<crate::model::money::Overflow> for Error {
    fn from(o: crate::model::money::Overflow) -> Self {
        Error::Overflow(o)
    }
}

/// A next step after a refusal, as data: the library says what went wrong, the CLI how to go
/// on (`cli/hints.rs` words each, in the person's language, with the command to type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// `kontakt check` lists every problem; mend them and run pay for the month again.
    CheckThenPay(crate::model::Month),
    /// `kontakt check` says more about a file.
    Check,
    /// A command was interrupted while it wrote: `kontakt check --repair` finishes or drops it.
    Repair,
    /// Run pay for the month again once what it lacks is there (a year's prisbasbelopp).
    PayAgain(crate::model::Month),
    /// `kontakt pay --verify RUN` shows how a run stands against the records.
    Verify(crate::model::Id),
    /// Decline these (agreements not yet begun) first: `kontakt match decline`.
    Decline(Vec<crate::model::Id>),
    /// These run on: end them (`kontakt end`) or decline those not yet begun.
    EndOrDecline(Vec<crate::model::Id>),
    /// One that has begun ends with `kontakt end`.
    End(crate::model::Id),
    /// An approved volunteer stops serving by leaving: `kontakt end V --date ...`.
    EndVolunteer(crate::model::Id),
    /// Record the agreement first: `kontakt agree A --start ...`.
    Agree(crate::model::Id),
    /// Write the plan first: `kontakt plan A --goal ...`.
    Plan(crate::model::Id),
    /// A month older than the retroactive limit: pay it outside kontakt and record that with
    /// `kontakt report A MONTH --settled-outside REASON`, or raise `retroactive_months`. The
    /// assignment when one was named.
    SettleOutside(Option<crate::model::Id>, crate::model::Month),
    /// A pair declined or broken off before is proposed again only with a reason:
    /// `kontakt match C V --again REASON` (client, volunteer).
    ProposeAgain(crate::model::Id, crate::model::Id),
    /// An ending corrects approved reports, and a correction names who makes it: the same
    /// `kontakt end ID ...` with `--by NAME` (the record that was ended).
    NameWhoEnds(crate::model::Id),
    /// A batch would replace reports on file that say otherwise: `report import FILE --replace`.
    ImportReplace(PathBuf),
}

/// What kontakt was doing with a file when the system refused (`Error::Io`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoOp {
    Read,
    ReadDir,
    List,
    OpenRecords,
    OpenLock,
    Lock,
    Encode,
    Create,
    CreateDir,
    CreateFile,
    Write,
    WriteCsv,
    SyncDir,
    MoveIntoPlace,
    Remove,
    Commit,
    ReadManifest,
    RemoveFinished,
    RunGit,
    MakeExecutable,
    Render,
    FindSelf,
}

impl IoOp {
    pub fn describe(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            IoOp::Read => lang.pick("cannot read", "kan inte läsa"),
            IoOp::ReadDir => lang.pick("cannot read directory", "kan inte läsa katalogen"),
            IoOp::List => lang.pick("cannot list", "kan inte lista"),
            IoOp::OpenRecords => lang.pick(
                "cannot open records directory",
                "kan inte öppna aktkatalogen",
            ),
            IoOp::OpenLock => lang.pick("cannot open lock file", "kan inte öppna låsfilen"),
            IoOp::Lock => lang.pick("cannot lock", "kan inte låsa"),
            IoOp::Encode => lang.pick("cannot encode record", "kan inte skriva akten"),
            IoOp::Create => lang.pick("cannot create", "kan inte skapa"),
            IoOp::CreateDir => lang.pick("cannot create directory", "kan inte skapa katalogen"),
            IoOp::CreateFile => lang.pick("cannot create file", "kan inte skapa filen"),
            IoOp::Write => lang.pick("cannot write", "kan inte skriva"),
            IoOp::WriteCsv => lang.pick("cannot write CSV", "kan inte skriva CSV"),
            IoOp::SyncDir => lang.pick("cannot sync directory", "kan inte synka katalogen"),
            IoOp::MoveIntoPlace => lang.pick("cannot move into place", "kan inte flytta på plats"),
            IoOp::Remove => lang.pick("cannot remove", "kan inte ta bort"),
            IoOp::Commit => lang.pick("cannot commit", "kan inte bekräfta"),
            IoOp::ReadManifest => lang.pick(
                "cannot read transaction manifest",
                "kan inte läsa transaktionens manifest",
            ),
            IoOp::RemoveFinished => lang.pick(
                "cannot remove finished transaction",
                "kan inte ta bort avslutad transaktion",
            ),
            IoOp::RunGit => lang.pick("cannot run git", "kan inte köra git"),
            IoOp::MakeExecutable => lang.pick("cannot make executable", "kan inte göra körbar"),
            IoOp::Render => lang.pick("cannot render", "kan inte rendera"),
            IoOp::FindSelf => {
                lang.pick("cannot find its own path", "kan inte hitta sin egen sökväg")
            }
        }
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
            Error::BadArgument { option, message } => format!(
                "{option}: {}",
                crate::lang::current().model_message(message)
            ),
            Error::BadBatch { path, problems } => tr!(
                "{} has {}; nothing was written:\n{}",
                "{} har {}; inget skrevs:\n{}",
                path.display(),
                crate::lang::count(
                    problems.len() as u64,
                    ["problem", "problems"],
                    ["fel", "fel"]
                ),
                crate::lang::current().parser_message(&problems.join("\n"))
            ),
            // One reason is a sentence on the line; several are a list under it.
            Error::Refused { reasons, .. } if reasons.len() == 1 => {
                format!("{}: {}", tr!("refused", "nekas"), reasons[0])
            }
            Error::Refused { reasons, .. } => format!(
                "{}:{}",
                tr!("refused", "nekas"),
                reasons
                    .iter()
                    .map(|r| format!("\n  - {r}"))
                    .collect::<String>()
            ),
            Error::NotFound { kind, prefix, .. } => match crate::lang::current() {
                crate::lang::Lang::En => format!("no {kind} matches `{prefix}`"),
                crate::lang::Lang::Sv => format!("{} matchar `{prefix}`", no_such_sv(kind)),
            },
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
            Error::Io { path, op, source } => format!(
                "{}: {}: {}",
                path.display(),
                op.describe(crate::lang::current()),
                io_reason(source, crate::lang::current())
            ),
            Error::BadPath { path, problem } => format!("{}: {problem}", path.display()),
            Error::Overflow(o) => o.to_string(),
            Error::Then { error, .. } => error.to_string(),
        };
        f.write_str(&text)
    }
}

/// Why the system refused, in the reader's language: the common kinds in Swedish ("finns
/// inte", "åtkomst nekad") with the system's error number for whoever looks it up; others as
/// the system says them.
pub fn io_reason(e: &std::io::Error, lang: crate::lang::Lang) -> String {
    use std::io::ErrorKind as K;
    if lang == crate::lang::Lang::En || e.get_ref().is_some() {
        // A message kontakt or a library wrote itself is shown as it is.
        return e.to_string();
    }
    let sv = match e.kind() {
        K::NotFound => "finns inte",
        K::PermissionDenied => "åtkomst nekad",
        K::AlreadyExists => "finns redan",
        K::IsADirectory => "är en katalog, inte en fil",
        K::NotADirectory => "är ingen katalog",
        K::DirectoryNotEmpty => "katalogen är inte tom",
        K::StorageFull => "disken är full",
        K::ReadOnlyFilesystem => "filsystemet är skrivskyddat",
        K::QuotaExceeded => "diskkvoten är slut",
        K::FileTooLarge => "filen är för stor",
        K::ResourceBusy => "resursen är upptagen",
        K::CrossesDevices => "kan inte flyttas mellan filsystem",
        K::TimedOut => "tidsgränsen gick ut",
        K::InvalidFilename => "ogiltigt filnamn",
        K::InvalidData if e.to_string().contains("valid UTF-8") => {
            "filen är inte giltig UTF-8-text"
        }
        _ => return e.to_string(),
    };
    match e.raw_os_error() {
        Some(n) => format!("{sv} (systemfel {n})"),
        None => sv.to_string(),
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            // As the error it wraps, in every way.
            Error::Then { error, .. } => error.source(),
            _ => None,
        }
    }
}

impl Error {
    /// 1 when a rule refused, 2 for bad usage or bad input (the ripgrep/grep convention).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Refused { .. } => 1,
            Error::Then { error, .. } => error.exit_code(),
            _ => 2,
        }
    }

    pub fn io(path: impl Into<PathBuf>, op: IoOp, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            op,
            source,
        }
    }

    pub fn bad_path(path: impl Into<PathBuf>, problem: impl Into<String>) -> Self {
        Error::BadPath {
            path: path.into(),
            problem: problem.into(),
        }
    }

    pub fn arg(option: impl Into<String>, message: impl Into<String>) -> Self {
        Error::BadArgument {
            option: option.into(),
            message: message.into(),
        }
    }

    pub fn refused(reasons: Vec<String>) -> Self {
        Error::Refused {
            reasons,
            next: Vec::new(),
        }
    }

    /// A refusal with what the person can do next.
    pub fn refused_then(reasons: Vec<String>, next: Next) -> Self {
        Error::Refused {
            reasons,
            next: vec![next],
        }
    }

    /// Adds a next step to a refusal or a bad batch (other errors are left as they are).
    pub fn then(mut self, step: Next) -> Self {
        match &mut self {
            Error::Refused { next, .. } | Error::Then { next, .. } => next.push(step),
            Error::BadBatch { .. } => {
                return Error::Then {
                    error: Box::new(self),
                    next: vec![step],
                };
            }
            _ => {}
        }
        self
    }
}

/// "No record of this kind" in Swedish, with the article the noun takes ("inget uppdrag",
/// "ingen klient"): the kinds are `Kind::noun`'s and "record" (any kind).
fn no_such_sv(kind: &str) -> &'static str {
    match kind {
        "client" => "ingen klient",
        "volunteer" => "ingen kontaktperson",
        "assignment" => "inget uppdrag",
        "pay run" => "ingen lönekörning",
        _ => "ingen akt",
    }
}
