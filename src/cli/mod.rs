//! The command line: each flag defined once (clap derive), one file per subcommand holding its
//! arguments and `run`, which calls the library and renders the result.

pub mod agree;
pub mod apply;
pub mod check;
pub mod clap_sv;
pub mod due;
pub mod end;
pub mod find;
pub mod fmt;
pub mod gallra;
pub mod hints;
pub mod hooks;
pub mod init;
pub mod ivo;
pub mod list;
pub mod listing;
pub mod matching;
pub mod pause;
pub mod pay;
pub mod plan;
pub mod report;
pub mod screen;
pub mod shell;
pub mod show;
pub mod stats;
pub mod support;
pub mod update;

use kontakt::tr;
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
    /// Language of messages, tables and documents: sv or en (default: Swedish when LC_ALL,
    /// LC_MESSAGES or LANG starts with `sv`, else English).
    #[arg(long, global = true, value_name = "sv|en")]
    pub lang: Option<kontakt::lang::Lang>,
    /// Commit the files the command writes to git (also `[git] commit = true` in kontakt.toml).
    #[arg(long, global = true)]
    pub commit: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The lifecycle in five lines: what `kontakt` alone prints, and the end of `--help`.
pub const LIFECYCLE: &str = "\
kontakt: a kontaktperson service from application to pay.
  1. apply    a client applies for a kontaktperson; a volunteer applies to become one
  2. screen   the client's needs decision; the volunteer's interview, references, checks
  3. match    the right volunteer for each waiting client; agree: the assignment's terms
  4. report   monthly attendance, approved by staff; pay: the payroll file, never twice";

/// The five lines in Swedish.
pub const LIFECYCLE_SV: &str = "\
kontakt: kontaktpersonsverksamheten från ansökan till utbetalning.
  1. apply    en klient ansöker om kontaktperson; en volontär ansöker om att bli det
  2. screen   klientens beslut om insats; kontaktpersonens intervju, referenser, utdrag
  3. match    rätt kontaktperson till varje väntande klient; agree: uppdragets villkor
  4. report   månadens närvaro, attesterad av handläggare; pay: lönefilen, aldrig två gånger";

/// The language asked for before clap has parsed anything (`--lang X`, `--lang=X`, the
/// locale), so that help itself can be in Swedish.
pub fn early_lang(args: &[String]) -> kontakt::lang::Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => it.next().cloned(),
            None => None,
        };
        if let Some(l) = value.and_then(|v| v.parse().ok()) {
            return l;
        }
    }
    kontakt::lang::Lang::from_env()
}

/// Does the command line ask for output a script reads (`--json`, `--format json|csv`)?
pub fn for_scripts(args: &[String]) -> bool {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--format=") {
            Some(v) => Some(v),
            None if a == "--format" => it.next().map(String::as_str),
            None => None,
        };
        let value = value.map(str::to_ascii_lowercase);
        if a == "--json" || matches!(value.as_deref(), Some("json" | "csv")) {
            return true;
        }
    }
    false
}

/// The Swedish of every command's summary and every option's help: `English<TAB>Swedish`, one
/// per line. A text without a line here stays English; a test requires one for each.
const HELP_SV: &str = include_str!("help_sv.tsv");

fn help_sv(english: &str) -> Option<&'static str> {
    HELP_SV
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .find(|(en, _)| *en == english)
        .map(|(_, sv)| sv)
}

/// `cmd` and everything below it with their help in Swedish.
/// Values from a list (`--format CSV`, `--by Klient`) are read in any case, as staff type them.
fn any_case(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|a| {
        if a.get_possible_values().is_empty() || !a.get_action().takes_values() {
            a
        } else {
            a.ignore_case(true)
        }
    })
    .mut_subcommands(any_case)
}

/// A subcommand typed in another case (`list KLIENTER`, `Pay`) is the subcommand: each word
/// that names one of the command reached so far, by name or alias in any case, is written as
/// its name before clap parses. Values of options are passed over, so a file named `List`
/// stays a file.
pub fn subcommands_any_case(cmd: &clap::Command, args: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(args.len());
    let mut at = cmd.clone();
    at.build();
    let mut it = args.into_iter();
    if let Some(bin) = it.next() {
        out.push(bin);
    }
    let mut skip_value = false;
    while let Some(a) = it.next() {
        if skip_value {
            skip_value = false;
            out.push(a);
            continue;
        }
        if a == "--" {
            out.push(a);
            out.extend(it.by_ref());
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            skip_value = !long.contains('=')
                && at
                    .get_arguments()
                    .find(|x| x.get_long() == Some(long))
                    .is_some_and(|x| x.get_action().takes_values());
            out.push(a);
            continue;
        }
        if a.starts_with('-') && a.len() == 2 {
            let short = a.chars().nth(1);
            skip_value = at
                .get_arguments()
                .find(|x| x.get_short() == short)
                .is_some_and(|x| x.get_action().takes_values());
            out.push(a);
            continue;
        }
        let lower = a.to_lowercase();
        let found = at.get_subcommands().find(|s| {
            s.get_name().to_lowercase() == lower
                || s.get_all_aliases().any(|x| x.to_lowercase() == lower)
        });
        match found {
            Some(s) => {
                out.push(s.get_name().to_string());
                at = s.clone();
            }
            None => out.push(a),
        }
    }
    out
}

fn swedish(mut cmd: clap::Command) -> clap::Command {
    if let Some(sv) = cmd.get_about().and_then(|a| help_sv(&a.to_string())) {
        cmd = cmd.about(sv);
    }
    let ids: Vec<(String, Option<&'static str>)> = cmd
        .get_arguments()
        .map(|a| {
            let sv = a.get_help().and_then(|h| help_sv(&h.to_string()));
            (a.get_id().to_string(), sv)
        })
        .collect();
    for (id, sv) in ids {
        cmd = cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                "Argument"
            } else {
                "Flaggor"
            };
            let a = swedish_value_names(a.help_heading(heading));
            match sv {
                Some(sv) => {
                    // clap writes `[default: …]`, `[possible values: …]` and `[env: …]` itself,
                    // in English; they are written here in Swedish instead.
                    let (a, extra) = swedish_brackets(a);
                    a.help(format!("{sv}{extra}"))
                }
                None => a,
            }
        });
    }
    cmd = cmd
        .subcommand_help_heading("Kommandon")
        .help_template("{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}");
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, swedish);
    }
    cmd
}

/// The placeholders of values and arguments (`<DATE>`, `[MONTH]`) as a Swedish reader reads
/// them, the words a value is typed with in the Swedish the parser takes too
/// (`månad|träffar|timme|dygn`); names the same in both (`TEXT`, `ID`, `PNR`) are left out.
const VALUE_NAMES_SV: &[(&str, &str)] = &[
    ("DATE", "DATUM"),
    ("NAME", "NAMN"),
    ("FILE", "FIL"),
    ("FILE.csv", "FIL.csv"),
    ("REASON", "SKÄL"),
    ("YYYY-MM", "ÅÅÅÅ-MM"),
    ("YYYY-MM-DD", "ÅÅÅÅ-MM-DD"),
    ("YYYY", "ÅÅÅÅ"),
    ("YYYYQN", "ÅÅÅÅKN"),
    ("RUN", "KÖRNING"),
    ("DIR", "KATALOG"),
    ("VOLUNTEER", "KONTAKTPERSON"),
    ("PHONE", "TELEFON"),
    ("EMAIL", "E-POST"),
    ("DAYS", "DAGAR"),
    ("H", "TIMMAR"),
    ("P", "PROCENT"),
    ("CC", "KST"),
    ("WHAT | WHO | WHEN", "VAD | VEM | NÄR"),
    ("NAME:ok|concern", "NAMN:bra|oro"),
    ("month|meetings|hour|dygn", "månad|träffar|timme|dygn"),
    (
        "agreement|amendment|confidentiality|appointment",
        "avtal|tillägg|sekretessförbindelse|förordnande",
    ),
    ("decision", "beslut"),
    ("N/week|N/month", "N/vecka|N/månad"),
    ("KR:REF", "KR:REFERENS"),
    ("FROM..TO", "FRÅN..TILL"),
    ("DATE:KM", "DATUM:KM"),
    // Positional arguments, by their id.
    ("ASSIGNMENT", "UPPDRAG"),
    ("CLIENT", "KLIENT"),
    ("MONTH", "MÅNAD"),
    ("MONTH_ARG", "MÅNAD"),
    ("QUARTER", "KVARTAL"),
    ("TEXT_ARG", "TEXT"),
    ("SHELL", "SKAL"),
    // Options without a value name of their own, by their id.
    ("MEETINGS", "TRÄFFAR"),
    ("FEE_CATEGORY", "KATEGORI"),
    ("EXPENSE_LEVEL", "NIVÅ"),
    ("GOALS", "MÅL"),
    ("NEXT", "SEDAN"),
    ("BASIS", "LAGRUM"),
    ("CAPACITY", "PLATSER"),
    ("WANTS_GENDER", "KÖN"),
    ("KIND", "SLAG"),
    ("AREA", "OMRÅDE"),
    ("NOTE", "ANTECKNING"),
    ("MUNICIPALITY", "KOMMUN"),
    ("BY", "AV"),
    ("OBJECTIVE", "MÅL"),
    ("TOP", "ANTAL"),
    ("LIMIT", "ANTAL"),
    ("WITHIN", "DAGAR"),
];

fn swedish_value_names(a: clap::Arg) -> clap::Arg {
    let sv = |n: &str| {
        VALUE_NAMES_SV
            .iter()
            .find(|(en, _)| *en == n)
            .map(|(_, sv)| *sv)
    };
    let names: Vec<clap::builder::Str> = a
        .get_value_names()
        .map(|v| {
            v.iter()
                .map(|n| sv(n.as_str()).map_or_else(|| n.clone(), clap::builder::Str::from))
                .collect()
        })
        .unwrap_or_default();
    if !names.is_empty() {
        return a.value_names(names);
    }
    // No value name of its own: clap shows the id in capitals (`<MEETINGS>`).
    if a.is_positional() || a.get_action().takes_values() {
        let id = a.get_id().to_string().to_uppercase();
        if let Some(name) = sv(&id) {
            return a.value_name(name);
        }
    }
    a
}

/// `[standard: …]`, `[möjliga värden: …]`, `[miljövariabel: …]` for an argument that takes a
/// value, and the argument with clap's English brackets hidden.
fn swedish_brackets(a: clap::Arg) -> (clap::Arg, String) {
    if !a.get_action().takes_values() {
        return (a, String::new());
    }
    let mut extra = String::new();
    let mut a = a;
    if let Some(env) = a.get_env().map(|e| e.to_string_lossy().into_owned())
        && !a.is_hide_env_set()
    {
        extra.push_str(&format!(" [miljövariabel: {env}]"));
        a = a.hide_env(true);
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        // The default as a Swedish reader types it (`alla`, not `any`), where it has a word.
        let defaults: Vec<String> = defaults
            .iter()
            .map(|d| kontakt::lang::Lang::Sv.word(d))
            .collect();
        extra.push_str(&format!(" [standard: {}]", defaults.join(", ")));
        a = a.hide_default_value(true);
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|p| !p.is_hide_set())
        .map(|p| p.get_name().to_string())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        extra.push_str(&format!(" [möjliga värden: {}]", values.join(", ")));
        a = a.hide_possible_values(true);
    }
    (a, extra)
}

/// The command line with its help in `lang`.
pub fn localized(lang: kontakt::lang::Lang) -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = any_case(Cli::command());
    if lang == kontakt::lang::Lang::En {
        return cmd;
    }
    // Built first, so that clap's own --help, --version and `help` are there to translate.
    cmd.build();
    swedish(cmd)
        .about("kontakt sköter en kommuns kontaktpersonsverksamhet: ansökan, utredning, matchning, avtal, närvarorapporter och utbetalning, i TOML-akter i ett git-arkiv")
        .after_help(LIFECYCLE_SV)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    Apply(apply::Args),
    Update(update::Args),
    Screen(screen::Args),
    #[command(name = "match")]
    Match(matching::Args),
    Agree(agree::Args),
    Report(report::Args),
    End(end::Args),
    Pause(pause::Args),
    Resume(pause::ResumeArgs),
    Support(support::Args),
    Plan(plan::Args),
    Pay(pay::Args),
    Due(due::Args),
    Find(find::Args),
    List(list::Args),
    Show(show::Args),
    Stats(stats::Args),
    Ivo(ivo::Args),
    Check(check::Args),
    Fmt(fmt::Args),
    Hooks(hooks::Args),
    Gallra(gallra::Args),
    /// Print the shell completion script (completes commands, options and record ids).
    Completions(shell::CompletionsArgs),
    /// Print the man page (or write one per command with --out DIR).
    Man(shell::ManArgs),
}

/// The output format of listings (`list ... --format`, `due --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    #[value(alias = "tabell")]
    Table,
    Csv,
    Json,
}

/// The listing's format: `--format`, else JSON with the global `--json`, else a table.
pub fn list_format(format: Option<ListFormat>, ctx: &Ctx) -> ListFormat {
    format.unwrap_or(if ctx.json {
        ListFormat::Json
    } else {
        ListFormat::Table
    })
}

/// What every command needs besides its own arguments.
pub struct Ctx {
    pub records: PathBuf,
    pub json: bool,
    pub show_pnr: bool,
    pub today: NaiveDate,
    pub lang: kontakt::lang::Lang,
    /// The language `--lang` asked for, if it did (not the locale's).
    pub asked_lang: Option<kontakt::lang::Lang>,
    store: std::cell::OnceCell<Store>,
}

impl Ctx {
    /// Who is acting, for an attestation, a correction or a pay run's ledger entry: `--by`,
    /// else `KONTAKT_USER`, else git's author (`GIT_AUTHOR_NAME`, `git config user.name`).
    /// Never "unknown": without a name the command is refused, so every approval and every run
    /// names a person.
    /// The language of a document filed with the client (a decision, the papers, a plan):
    /// Swedish, unless English was asked for with `--lang en`.
    pub fn document_lang(&self) -> kontakt::lang::Lang {
        if self.asked_lang == Some(kontakt::lang::Lang::En) {
            kontakt::lang::Lang::En
        } else {
            kontakt::lang::Lang::Sv
        }
    }

    pub fn who(&self, by: Option<String>, what: &str) -> Result<String> {
        let named = |s: String| {
            let t = s.trim().to_string();
            (!t.is_empty()).then_some(t)
        };
        by.and_then(named)
            .or_else(|| std::env::var("KONTAKT_USER").ok().and_then(named))
            .or_else(|| std::env::var("GIT_AUTHOR_NAME").ok().and_then(named))
            .or_else(|| kontakt::store::git::user_name(&self.records))
            .ok_or_else(|| {
                kontakt::Error::refused(vec![kontakt::tr!(
                    "{what} needs a named person: give --by NAME, or set KONTAKT_USER or `git config user.name`",
                    "{what} behöver en namngiven person: ange --by NAMN, eller sätt KONTAKT_USER eller `git config user.name`"
                )])
            })
    }

    /// The records directory, opened once per command.
    pub fn store(&self) -> Result<&Store> {
        if let Some(s) = self.store.get() {
            return Ok(s);
        }
        let mut s = Store::open(&self.records)?;
        s.on_lock_wait = Some(|| {
            eprintln!(
                "{}",
                kontakt::tr!(
                    "waiting for another kontakt command to finish (the records directory is locked)…",
                    "väntar på att ett annat kontakt-kommando ska bli klart (aktkatalogen är låst)…"
                )
            )
        });
        Ok(self.store.get_or_init(|| s))
    }
}

/// What a command leaves for the terminal: stdout text, warnings for stderr, the exit status.
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
    /// Set by a command that has changed the records before its output is printed (a pay run
    /// committed): what was done, said if the output cannot be printed. That failure is then a
    /// warning and the exit status stays `code`, since a failure exit would say nothing was done.
    pub done: Option<String>,
}

impl Output {
    pub fn ok(stdout: String) -> Output {
        Output {
            stdout,
            stderr: String::new(),
            code: 0,
            done: None,
        }
    }
}

/// Runs the command (`name` is for commit messages) and, where asked, commits what it wrote.
pub fn run(cli: Cli, name: &str) -> Result<Output> {
    let ctx = Ctx {
        records: cli.records,
        json: cli.json,
        show_pnr: cli.show_pnr,
        today: cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        // What a script reads (JSON, CSV) is English whatever the language asked for, and so
        // is every value in it: the library is asked in English.
        // (`pay --format csv` names the payroll file's format, not what is printed.)
        lang: if cli.json
            || !matches!(cli.command, Some(Command::Pay(_) | Command::Agree(_)))
                && for_scripts(&std::env::args().collect::<Vec<_>>())
        {
            kontakt::lang::Lang::En
        } else {
            cli.lang.unwrap_or_else(kontakt::lang::Lang::from_env)
        },
        asked_lang: cli.lang,
        store: Default::default(),
    };
    crate::render::set_lang(ctx.lang);
    let Some(command) = cli.command else {
        return Ok(Output::ok(match ctx.lang {
            kontakt::lang::Lang::Sv => format!(
                "{LIFECYCLE_SV}\n\n`kontakt --help` listar alla kommandon; `kontakt help KOMMANDO` förklarar ett.\n"
            ),
            kontakt::lang::Lang::En => format!(
                "{LIFECYCLE}\n\n`kontakt --help` lists every command; `kontakt help COMMAND` explains one.\n"
            ),
        }));
    };
    let spinner = crate::progress::start(name);
    let result = dispatch(command, &ctx);
    drop(spinner);
    let mut out = result?;
    if let Some(store) = ctx.store.get() {
        let written = store.written();
        if (cli.commit || store.config.git.commit) && !written.is_empty() {
            let msg = kontakt::store::git::message(name, &written);
            if let Err(e) = kontakt::store::git::commit(store.root(), &written, &msg) {
                out.stderr
                    .push_str(&tr!("warning: {e}\n", "varning: {e}\n"));
            }
        }
    }
    Ok(out)
}

fn dispatch(command: Command, ctx: &Ctx) -> Result<Output> {
    match command {
        Command::Init(a) => init::run(a, ctx),
        Command::Apply(a) => apply::run(a, ctx),
        Command::Update(a) => update::run(a, ctx),
        Command::Screen(a) => screen::run(a, ctx),
        Command::Match(a) => matching::run(a, ctx),
        Command::Agree(a) => agree::run(a, ctx),
        Command::Report(a) => report::run(a, ctx),
        Command::End(a) => end::run(a, ctx),
        Command::Pause(a) => pause::run(a, ctx),
        Command::Resume(a) => pause::resume(a, ctx),
        Command::Support(a) => support::run(a, ctx),
        Command::Plan(a) => plan::run(a, ctx),
        Command::Pay(a) => pay::run(a, ctx),
        Command::Due(a) => due::run(a, ctx),
        Command::Find(a) => find::run(a, ctx),
        Command::List(a) => list::run(a, ctx),
        Command::Show(a) => show::run(a, ctx),
        Command::Stats(a) => stats::run(a, ctx),
        Command::Ivo(a) => ivo::run(a, ctx),
        Command::Check(a) => check::run(a, ctx),
        Command::Fmt(a) => fmt::run(a, ctx),
        Command::Hooks(a) => hooks::run(a, ctx),
        Command::Gallra(a) => gallra::run(a, ctx),
        Command::Completions(a) => shell::completions(a, ctx),
        Command::Man(a) => shell::man(a, ctx),
    }
}

/// A count of at least 1 (`--top 0` would show nothing and say nobody qualifies).
pub fn parse_positive(s: &str) -> std::result::Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(kontakt::tr!(
            "expected a whole number from 1, found `{s}`",
            "väntade ett heltal från 1, fann `{s}`"
        )),
    }
}

pub fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    kontakt::model::date::parse(s.trim())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap's own consistency checks over every command and flag (a flag defined twice, or a
    /// conflict with a flag that does not exist, panics here rather than in a user's hands).
    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
        super::localized(kontakt::lang::Lang::Sv).debug_assert();
    }

    /// Every command's summary and option's help has its Swedish in help_sv.tsv.
    #[test]
    fn every_help_text_has_its_swedish() {
        fn walk(c: &clap::Command, missing: &mut Vec<String>) {
            let texts = c
                .get_about()
                .into_iter()
                .chain(c.get_arguments().filter_map(|a| a.get_help()));
            for t in texts {
                let t = t.to_string();
                if super::help_sv(&t).is_none() {
                    missing.push(t);
                }
            }
            for s in c.get_subcommands() {
                walk(s, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&super::Cli::command(), &mut missing);
        missing.retain(|t| !t.starts_with("kontakt runs a municipality"));
        assert!(
            missing.is_empty(),
            "add to src/cli/help_sv.tsv:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn subcommands_are_read_in_any_case_and_values_are_left_alone() {
        use clap::CommandFactory;
        let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        for (typed, read) in [
            ("kontakt LIST Klienter", "kontakt list clients"),
            (
                "kontakt --records List list KLIENT",
                "kontakt --records List list clients",
            ),
            (
                "kontakt --records=Pay Pay 2026-10",
                "kontakt --records=Pay pay 2026-10",
            ),
            ("kontakt find List", "kontakt find List"),
            (
                "kontakt Match Propose C-1 V-1 --note Report",
                "kontakt match propose C-1 V-1 --note Report",
            ),
            ("kontakt report -- Pay", "kontakt report -- Pay"),
        ] {
            assert_eq!(
                crate::cli::subcommands_any_case(&crate::cli::Cli::command(), words(typed)),
                words(read),
                "{typed}"
            );
        }
    }

    /// Every option and argument says what it is for (`--help` lists none with a blank).
    #[test]
    fn every_argument_has_its_help() {
        fn walk(c: &clap::Command, path: &str, bare: &mut Vec<String>) {
            let path = format!("{path} {}", c.get_name());
            for a in c.get_arguments() {
                if a.get_help().is_none() && !a.is_hide_set() && !a.is_global_set() {
                    bare.push(format!("{path} {}", a.get_id()));
                }
            }
            for s in c.get_subcommands() {
                walk(s, &path, bare);
            }
        }
        let mut bare = Vec::new();
        walk(&super::Cli::command(), "", &mut bare);
        bare.retain(|a| !a.ends_with(" help") && !a.ends_with(" version"));
        assert!(
            bare.is_empty(),
            "give these a doc comment:\n{}",
            bare.join("\n")
        );
    }
}
