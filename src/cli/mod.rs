//! The command line: each flag defined once (clap derive), one file per subcommand holding its
//! arguments and `run`, which calls the library and renders the result.

pub mod apply;
pub mod check;
pub mod fmt;
pub mod init;
pub mod list;
pub mod screen;
pub mod show;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use kontakt::Result;
use kontakt::store::Store;

/// kontakt runs a municipality's kontaktperson service: intake, screening, matching, agreements,
/// attendance reports and pay, on TOML records kept in a git repository.
#[derive(Debug, Parser)]
#[command(
    name = "kontakt",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(after_help = LIFECYCLE)]
pub struct Cli {
    /// The records directory.
    #[arg(
        long,
        global = true,
        env = "KONTAKT_RECORDS",
        default_value = "records",
        value_name = "DIR"
    )]
    pub records: PathBuf,
    /// Machine-readable JSON on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// Show personal identity numbers in full (they are masked otherwise).
    #[arg(long, global = true)]
    pub show_pnr: bool,
    /// The date every rule is evaluated at (default: the system date).
    #[arg(long, global = true, env = "KONTAKT_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    #[command(subcommand)]
    pub command: Command,
}

pub const LIFECYCLE: &str = "\
The lifecycle:
  apply    a client applies for a kontaktperson; a volunteer applies to become one
  screen   the client's needs decision; the volunteer's interview, references and checks
  list, show, check   see the records and find problems";

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    Apply(apply::Args),
    Screen(screen::Args),
    List(list::Args),
    Show(show::Args),
    Check(check::Args),
    Fmt(fmt::Args),
}

/// What every command needs besides its own arguments.
pub struct Ctx {
    pub records: PathBuf,
    pub json: bool,
    pub show_pnr: bool,
    pub today: NaiveDate,
}

impl Ctx {
    pub fn store(&self) -> Result<Store> {
        Store::open(&self.records)
    }
}

/// What a command leaves for the terminal: stdout text and the exit status.
pub struct Output {
    pub stdout: String,
    pub code: i32,
}

impl Output {
    pub fn ok(stdout: String) -> Output {
        Output { stdout, code: 0 }
    }
}

pub fn run(cli: Cli) -> Result<Output> {
    let ctx = Ctx {
        records: cli.records,
        json: cli.json,
        show_pnr: cli.show_pnr,
        today: cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    match cli.command {
        Command::Init(a) => init::run(a, &ctx),
        Command::Apply(a) => apply::run(a, &ctx),
        Command::Screen(a) => screen::run(a, &ctx),
        Command::List(a) => list::run(a, &ctx),
        Command::Show(a) => show::run(a, &ctx),
        Command::Check(a) => check::run(a, &ctx),
        Command::Fmt(a) => fmt::run(a, &ctx),
    }
}

pub fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| "expected a date YYYY-MM-DD".to_string())
}
