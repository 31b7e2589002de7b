//! `kontakt pay MONTH`: the monthly pay run (dry run, or the payroll file and its ledger entry),
//! and `kontakt pay --verify RUN`.

use kontakt::documents::payrun;
use kontakt::tr;
use std::path::PathBuf;

use kontakt::model::{Id, Money, Month};
use kontakt::ops::pay::{self, Format, Outcome, RunInput};
use kontakt::payroll::compute::Plan;
use kontakt::{Error, Result};
use serde_json::json;

use super::{Ctx, Output};
use crate::render;

/// Pay a month: approved reports become payroll lines (arvode and omkostnadsersättning), never
/// paid twice. Exit status: 0 paid, or nothing new to pay; 1 refused (or --verify found a
/// difference); 2 bad input.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The month to pay, YYYY-MM (earlier approved months within the retroactive limit come too).
    #[arg(required_unless_present_any = ["verify", "copy"])]
    pub month: Option<Month>,
    /// Show exactly what the run would pay, writing nothing.
    #[arg(long, conflicts_with = "verify")]
    pub dry_run: bool,
    /// The payroll file's format (default: `[payroll] format` in kontakt.toml).
    #[arg(long, value_name = "csv|paxml", value_parser = parse_format, conflicts_with = "verify")]
    pub format: Option<Format>,
    /// Also write the payroll file here (it is always kept as payruns/<run>.csv|xml).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["verify", "dry_run"])]
    pub out: Option<PathBuf>,
    /// Copy the payroll file of a run already made to --out FILE, byte for byte (its SHA-256
    /// checked first).
    #[arg(long, value_name = "RUN", requires = "out", conflicts_with_all = ["month", "verify", "dry_run", "format"])]
    pub copy: Option<String>,
    /// Recompute a past run from the records and the ledger, and check the file it paid.
    #[arg(long, value_name = "RUN", conflicts_with = "month")]
    pub verify: Option<String>,
}

/// `--format`, with the refusal in the reader's language (the model's own is English).
fn parse_format(s: &str) -> std::result::Result<Format, String> {
    s.parse().map_err(|_| {
        tr!(
            "expected csv or paxml, found `{s}`",
            "csv eller paxml väntades, `{s}` hittades"
        )
    })
}

pub fn run(a: Args, ctx: &Ctx) -> Result<Output> {
    let store = ctx.store()?;
    if let Some(run) = a.verify {
        let v = pay::verify(store, &run)?;
        let mut out = Output::ok(if ctx.json {
            render::json(&json!({ "verification": v, "ok": v.ok() }))
        } else {
            let mut s = String::new();
            s.push_str(&tr!(
                "{}: file {} {}\n",
                "{}: filen {} {}\n",
                v.run,
                v.file,
                if v.file_matches {
                    ctx.lang
                        .pick("matches its SHA-256", "stämmer med sin SHA-256")
                } else {
                    ctx.lang.pick(
                        "is missing or changed since it was written",
                        "saknas eller har ändrats sedan den skrevs",
                    )
                }
            ));
            if !v.total_matches {
                s.push_str(&tr!(
                    "the ledger's total is not the sum of its lines\n",
                    "huvudbokens summa är inte summan av raderna\n"
                ));
            }
            for d in &v.differences {
                s.push_str(&tr!(
                    "difference: {}\n",
                    "skillnad: {}\n",
                    render::lang().phrases(d)
                ));
            }
            if !v.culled.is_empty() {
                let ids: Vec<String> = v.culled.iter().map(|i| i.to_string()).collect();
                s.push_str(&tr!(
                    "the files of {} were culled (gallra) since: the lines cannot be worked out again; the file and the total were verified\n",
                    "akterna för {} har gallrats sedan dess: raderna kan inte räknas fram igen; filen och summan har kontrollerats\n",
                    ids.join(", ")
                ));
            }
            for c in v.corrected_later.iter().chain(&v.corrections_pending) {
                s.push_str(&tr!("note: {}\n", "obs: {}\n", render::lang().phrases(c)));
            }
            if v.ok() && v.culled.is_empty() {
                s.push_str(&tr!(
                    "the run still matches the records\n",
                    "körningen stämmer fortfarande med akterna\n"
                ));
            }
            s
        });
        if !v.ok() {
            out.code = 1;
        }
        return Ok(out);
    }
    if let Some(run) = a.copy {
        let out = a
            .out
            .ok_or_else(|| Error::arg("--copy", tr!("needs --out FILE", "behöver --out FIL")))?;
        kontakt::store::atomic::check_target(&out).map_err(|e| Error::arg("--out", e))?;
        let run = pay::copy(store, &run, &out)?;
        return Ok(Output::ok(if ctx.json {
            render::json(&json!({
                "id": run.id, "file": run.file, "sha256": run.sha256, "out": out,
            }))
        } else {
            tr!(
                "{}: {} copied to {}\n",
                "{}: {} kopierad till {}\n",
                run.id,
                run.file,
                out.display()
            )
        }));
    }
    let month = a
        .month
        .ok_or_else(|| Error::arg("MONTH", tr!("which month?", "vilken månad?")))?;
    if a.dry_run {
        let plan = pay::dry_run(store, month, ctx.today)?;
        return Ok(Output::ok(if ctx.json {
            plan_json(&plan, None)
        } else {
            summary(&plan)?
        }));
    }
    // --out is checked before anything is paid: once the run is committed, a copy that cannot
    // be made would leave the run paid and its copy missing.
    if let Some(out) = &a.out {
        kontakt::store::atomic::check_target(out).map_err(|e| Error::arg("--out", e))?;
    }
    // The run's time to the second: today's date (--today in scripts) at the clock's time.
    let time = chrono::Local::now().time();
    let now = ctx
        .today
        .and_time(chrono::Timelike::with_nanosecond(&time, 0).unwrap_or(time));
    // The ledger names who ran the payout: the named person, else (a scheduled run) the
    // login it ran under; never "unknown".
    let login = ["USER", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()));
    let user = match ctx.who(None, &tr!("A pay run", "En lönekörning")) {
        Ok(name) => name,
        Err(e) => login.ok_or(e)?,
    };
    let input = RunInput {
        month,
        format: a.format,
        user,
        now,
        out: a.out.clone(),
    };
    match pay::run(store, input, ctx.today)? {
        Outcome::NothingNew { plan, runs } => Ok(Output::ok(if ctx.json {
            plan_json(&plan, None)
        } else {
            let mut s = tr!(
                "nothing new to pay for {month}; nothing was written\n",
                "inget nytt att betala för {month}; inget skrevs\n"
            );
            s.push_str(&copy_again(month, &runs, a.out.as_deref()));
            s.push_str(&exclusions(&plan));
            s
        })),
        Outcome::Paid { run, plan, copied } => {
            // The run is committed: from here on nothing may fail the command, or its exit
            // status would say that nothing was paid. A copy that fails is a warning naming the
            // command that makes it again.
            let id = &run.id;
            let mut warnings = String::new();
            let copied = match copied {
                Some(pay::Copied { out, failed: None }) => Some(out),
                Some(pay::Copied {
                    out,
                    failed: Some(e),
                }) => {
                    warnings.push_str(&tr!(
                        "warning: {id} is paid and recorded ({}), but its copy to {} failed: {e}\nwarning: make the copy with `kontakt pay --copy {id} --out {}`\n",
                        "varning: {id} är betald och registrerad ({}), men kopian till {} misslyckades: {e}\nvarning: gör kopian med `kontakt pay --copy {id} --out {}`\n",
                        run.file,
                        out.display(),
                        out.display()
                    ));
                    None
                }
                None => None,
            };
            let done = tr!(
                "{id} is paid and recorded ({}): `kontakt show {id}` shows it, `kontakt pay --copy {id} --out FILE` copies its file",
                "{id} är betald och registrerad ({}): `kontakt show {id}` visar den, `kontakt pay --copy {id} --out FIL` kopierar dess fil",
                run.file
            );
            let mut output = Output::ok(if ctx.json {
                plan_json(
                    &plan,
                    Some(json!({
                        "id": run.id, "file": run.file, "sha256": run.sha256, "out": copied,
                    })),
                )
            } else {
                let mut s = summary(&plan)?;
                s.push_str(&tr!(
                    "{} paid {}, {} kr: {}{}\n",
                    "{} betalade {}, {} kr: {}{}\n",
                    run.id,
                    kontakt::lang::count(
                        run.lines.len() as u64,
                        ["payroll line", "payroll lines"],
                        ["lönerad", "lönerader"]
                    ),
                    render::amount(run.total_ore),
                    run.file,
                    copied
                        .map(|o| tr!(" (copied to {})", " (kopierad till {})", o.display()))
                        .unwrap_or_default()
                ));
                s
            });
            output.stderr = warnings;
            output.done = Some(done);
            Ok(output)
        }
    }
}

/// After "nothing new to pay": the runs already made for the month, and how to copy their
/// files (to `out`, when one was asked for: no copy was written there).
fn copy_again(month: Month, runs: &[Id], out: Option<&std::path::Path>) -> String {
    let file = out.map_or_else(
        || render::lang().pick("FILE", "FIL").to_string(),
        |o| o.display().to_string(),
    );
    let mut s = String::new();
    if let Some(o) = out {
        s.push_str(&tr!(
            "no copy was written to {}\n",
            "ingen kopia skrevs till {}\n",
            o.display()
        ));
    }
    if runs.is_empty() {
        if out.is_some() {
            s.push_str(&tr!(
                "no run has been made for {month}\n",
                "ingen körning har gjorts för {month}\n"
            ));
        }
        return s;
    }
    s.push_str(&tr!(
        "a copy of the file of a run already made for {month}:\n",
        "en kopia av filen från en redan gjord körning för {month}:\n"
    ));
    for r in runs {
        s.push_str(&format!("  kontakt pay --copy {r} --out {file}\n"));
    }
    s
}

/// The JSON scripts read: `{month, lines, total_ore, excluded}` and, after a run, `run`.
/// Serialised straight from the plan (a national run has a hundred thousand lines).
fn plan_json(plan: &Plan, run: Option<serde_json::Value>) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        month: Month,
        lines: &'a [kontakt::payroll::PayLine],
        total_ore: Money,
        excluded: &'a [kontakt::model::payrun::Excluded],
        #[serde(skip_serializing_if = "Option::is_none")]
        run: Option<serde_json::Value>,
    }
    render::json(&Out {
        month: plan.month,
        lines: &plan.lines,
        total_ore: plan.total(),
        excluded: &plan.excluded,
        run,
    })
}

/// Per volunteer: fee, expenses, corrections, total; then the total and the exclusions.
fn summary(plan: &Plan) -> Result<String> {
    let kr = render::amount;
    let rows = kontakt::payroll::totals::by_volunteer(&plan.lines)?
        .iter()
        .map(|t| {
            Ok(vec![
                match plan.names.get(&t.volunteer) {
                    Some(name) => format!("{} {name}", t.volunteer),
                    None => t.volunteer.to_string(),
                },
                t.assignments
                    .iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                kr(t.fee),
                kr(t.expense),
                kr(t.correction),
                kr(t.travel),
                kr(t.total()?),
            ])
        })
        .collect::<Result<Vec<Vec<String>>>>()?;
    // The travel column only where something of the kind is paid: most runs have none.
    let travel = plan.lines.iter().any(|l| l.kind.is_travel());
    let rows = rows
        .into_iter()
        .map(|mut r| {
            if !travel {
                r.remove(5);
            }
            r
        })
        .collect();
    let mut s = tr!("Pay run for {}\n", "Utbetalning för {}\n", plan.month);
    if plan.lines.is_empty() {
        s.push_str(&tr!("nothing to pay\n", "inget att betala\n"));
    } else {
        let mut head = vec![
            "volunteer",
            "assignments",
            "fee (arvode)",
            "expenses",
            "corrections",
            "travel and outlays",
            "total kr",
        ];
        if !travel {
            head.remove(5);
        }
        s.push_str(&render::table(&head, rows));
        s.push_str(&tr!(
            "{}, total {} kr\n",
            "{}, summa {} kr\n",
            kontakt::lang::count(
                plan.lines.len() as u64,
                ["payroll line", "payroll lines"],
                ["lönerad", "lönerader"]
            ),
            render::amount(plan.total())
        ));
    }
    s.push_str(&delivered(plan));
    s.push_str(&exclusions(plan));
    Ok(s)
}

/// The lines paid by what was delivered, with what they count: the dygn of a stay, the
/// meetings and the level they chose, hours, km. A month's fee by the month needs no line here.
fn delivered(plan: &Plan) -> String {
    let lang = render::lang();
    let rows: Vec<Vec<String>> = plan
        .lines
        .iter()
        .filter_map(|l| {
            let q = l.quantity?;
            Some(vec![
                l.assignment.to_string(),
                name(plan, l.volunteer),
                l.period.to_string(),
                payrun::kind_word(l.kind, l.corrects, lang),
                payrun::quantity_text(q, lang),
                render::amount(l.amount),
            ])
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let mut s = tr!("\nBy what was delivered:\n", "\nEfter vad som utförts:\n");
    s.push_str(&render::table(
        &[
            "assignment",
            "volunteer",
            "period",
            "kind",
            "counted",
            "amount kr",
        ],
        rows,
    ));
    s
}

/// The volunteer's name beside an assignment's id (staff know the people, not the ids); her
/// id where the plan has no name for her.
fn name(plan: &Plan, volunteer: Id) -> String {
    plan.names
        .get(&volunteer)
        .cloned()
        .unwrap_or_else(|| volunteer.to_string())
}

/// Why a period is not paid, in the reader's language (the plan keeps English: its JSON is for
/// scripts).
fn reason(r: &str) -> String {
    render::lang().phrases(r)
}

fn exclusions(plan: &Plan) -> String {
    if plan.excluded.is_empty() {
        return String::new();
    }
    let rows = plan
        .excluded
        .iter()
        .map(|e| {
            vec![
                e.assignment.to_string(),
                name(plan, e.volunteer),
                e.period.to_string(),
                reason(&e.reason),
            ]
        })
        .collect();
    let mut s = tr!(
        "\nNot paid ({}):\n",
        "\nBetalas inte ({}):\n",
        plan.excluded.len()
    );
    s.push_str(&render::table(
        &["assignment", "volunteer", "period", "reason"],
        rows,
    ));
    s
}
