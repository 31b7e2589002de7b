//! The `kontakt` binary: parse, run, print, map errors to exit codes. Nothing else.

mod cli;
mod progress;
mod render;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    // Answers the shell's completion requests (`KONTAKT_COMPLETE=bash kontakt ...`) and exits.
    clap_complete::CompleteEnv::with_factory(cli::Cli::command)
        .var(cli::shell::COMPLETE_VAR)
        .complete();
    let args: Vec<String> =
        cli::subcommands_any_case(&cli::Cli::command(), std::env::args().collect());
    let lang = cli::early_lang(&args);
    // A person's run: the value parsers' messages (`--fee-percent 400`) are made while clap
    // parses, so the language is set first. A script's run (`--json`, CSV) is English, which
    // `cli::run` chooses once the command is known.
    if !cli::for_scripts(&args) {
        kontakt::lang::set(lang);
    }
    let matches = match cli::localized(lang).try_get_matches_from(&args) {
        Ok(m) => m,
        // Help and version go to stdout as clap prints them; a refused argument is told in the
        // reader's language (`cli::clap_sv`).
        Err(e) if e.use_stderr() => {
            let code = e.exit_code() as u8;
            let text = match lang {
                kontakt::lang::Lang::Sv => cli::clap_sv::usage_words(
                    &e.apply::<cli::clap_sv::Swedish>().render().to_string(),
                ),
                kontakt::lang::Lang::En => e.render().to_string(),
            };
            eprint!("{text}");
            return ExitCode::from(code);
        }
        // Help in Swedish: clap's own words in its usage lines, too.
        Err(e) if lang == kontakt::lang::Lang::Sv => {
            let text = cli::clap_sv::usage_words(&e.render().to_string());
            print!("{text}");
            return ExitCode::from(e.exit_code() as u8);
        }
        Err(e) => e.exit(),
    };
    let name = matches.subcommand_name().unwrap_or("kontakt").to_string();
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    match cli::run(cli, &name) {
        Ok(out) => {
            // Warnings name files and values, never a whole personnummer.
            eprint!("{}", kontakt::model::pnr::mask_in(&out.stderr));
            // A closed pipe (`kontakt list clients | head`) is the reader's choice, not an error.
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(out.stdout.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Ok(()) => ExitCode::from(out.code as u8),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) if out.done.is_some() => {
                    let warning = render::lang().pick("warning", "varning");
                    eprintln!("{warning}: cannot write output: {e}");
                    eprintln!("{warning}: {}", out.done.unwrap_or_default());
                    ExitCode::from(out.code as u8)
                }
                Err(e) => {
                    eprintln!("error: cannot write output: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(e) => {
            let lang = render::lang();
            let e_text = kontakt::model::pnr::mask_in(&e.to_string());
            eprintln!("{}: {e_text}", lang.pick("error", "fel"));
            if let Some(hint) = cli::hints::hint(&e) {
                for line in hint.lines() {
                    eprintln!("{}: {line}", lang.pick("hint", "tips"));
                }
            }
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
