//! Shell integration, all generated from the one clap definition: completion scripts (which offer
//! record ids where an id is expected) and man pages.

use kontakt::error::IoOp;
use std::ffi::OsStr;
use std::path::PathBuf;

use clap_complete::CompletionCandidate;
use clap_complete::env::Shells;
use kontakt::model::Kind;
use kontakt::store::Store;
use kontakt::{Error, Result};

use super::{Ctx, Output};

/// The environment variable the shell sets to ask kontakt for completions.
pub const COMPLETE_VAR: &str = "KONTAKT_COMPLETE";

/// Print the completion script for a shell.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    pub shell: String,
}

/// Print the man page, or write one per subcommand into a directory.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write kontakt.1 and kontakt-<command>.1 here instead of printing kontakt.1.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn completions(args: CompletionsArgs, _ctx: &Ctx) -> Result<Output> {
    let shells = Shells::builtins();
    let shell = shells.completer(&args.shell).ok_or_else(|| {
        Error::arg(
            "SHELL",
            kontakt::tr!(
                "expected one of {}",
                "väntade ett av {}",
                shells.names().collect::<Vec<_>>().join(", ")
            ),
        )
    })?;
    let mut buf = Vec::new();
    shell
        .write_registration(COMPLETE_VAR, "kontakt", "kontakt", "kontakt", &mut buf)
        .map_err(|e| Error::io("completions", IoOp::Write, e))?;
    Ok(Output::ok(String::from_utf8_lossy(&buf).into_owned()))
}

pub fn man(args: ManArgs, ctx: &Ctx) -> Result<Output> {
    let cmd = super::localized(ctx.lang);
    let render = |c: clap::Command, title: &str| -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        clap_mangen::Man::new(c)
            .title(title.to_string())
            .render(&mut buf)
            .map_err(|e| Error::io("man page", IoOp::Render, e))?;
        Ok(match ctx.lang {
            kontakt::lang::Lang::En => buf,
            kontakt::lang::Lang::Sv => {
                swedish_headings(&String::from_utf8_lossy(&buf)).into_bytes()
            }
        })
    };
    let Some(dir) = args.out else {
        return Ok(Output::ok(
            String::from_utf8_lossy(&render(cmd, "kontakt")?).into_owned(),
        ));
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, IoOp::Create, e))?;
    let mut written = Vec::new();
    let mut cmd = cmd;
    cmd.build();
    let mut pages = vec![("kontakt".to_string(), cmd.clone())];
    for sub in cmd.get_subcommands() {
        let name = format!("kontakt-{}", sub.get_name());
        let full = sub.clone().bin_name(name.replace('-', " "));
        pages.push((name, full));
    }
    for (name, c) in pages {
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, render(c, &name)?).map_err(|e| Error::io(&path, IoOp::Write, e))?;
        written.push(path.display().to_string());
    }
    Ok(Output::ok(
        written.iter().map(|p| format!("{p}\n")).collect(),
    ))
}

/// clap_mangen writes the headings of the sections it makes itself in English; the headings
/// taken from the command (options, arguments) are already Swedish. Swedish man pages name
/// them as below (as in the Swedish translations of the GNU manuals).
const SWEDISH_HEADINGS: [(&str, &str); 7] = [
    ("NAME", "NAMN"),
    ("SYNOPSIS", "SAMMANFATTNING"),
    ("DESCRIPTION", "BESKRIVNING"),
    ("EXTRA", "ÖVRIGT"),
    ("VERSION", "VERSION"),
    ("AUTHORS", "UPPHOVSPERSONER"),
    ("Kommandon", "KOMMANDON"),
];

/// A roff page with its section headings (`.SH` lines) in Swedish; nothing else is touched.
fn swedish_headings(roff: &str) -> String {
    roff.split_inclusive('\n')
        .map(|line| {
            let heading = line.strip_prefix(".SH ").map(str::trim_end);
            match heading.and_then(|h| SWEDISH_HEADINGS.iter().find(|(en, _)| *en == h)) {
                Some((_, sv)) => format!(".SH {sv}\n"),
                None => line.to_string(),
            }
        })
        .collect()
}

/// Ids of the given kinds that start with what has been typed; read from file names only.
fn ids_of(kinds: &[Kind], current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let records = std::env::var_os("KONTAKT_RECORDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| "records".into());
    let Ok(store) = Store::open(&records) else {
        return Vec::new();
    };
    kinds
        .iter()
        .flat_map(|k| store.ids(*k).unwrap_or_default())
        .filter(|id| typed.is_empty() || id.matches_prefix(&typed))
        .map(|id| CompletionCandidate::new(id.to_string()))
        .collect()
}

pub fn any_id(current: &OsStr) -> Vec<CompletionCandidate> {
    ids_of(&Kind::ALL, current)
}

pub fn client_id(current: &OsStr) -> Vec<CompletionCandidate> {
    ids_of(&[Kind::Client], current)
}

pub fn volunteer_id(current: &OsStr) -> Vec<CompletionCandidate> {
    ids_of(&[Kind::Volunteer], current)
}

pub fn assignment_id(current: &OsStr) -> Vec<CompletionCandidate> {
    ids_of(&[Kind::Assignment], current)
}
