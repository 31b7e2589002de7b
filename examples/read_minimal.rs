//! The yardstick for `pay MONTH --dry-run` (docs/benchmarks.md, target 2): a minimal program that
//! reads and parses, with toml + serde on one thread, exactly the files the run needs, and does
//! nothing else. `cargo run --release --example read_minimal -- DIR MONTH [RETRO]`
//!
//! The files: every assignment (any may be in force), the clients and volunteers of those whose
//! agreement touches the months paid, their reports of the retroactive window and the month
//! before it (named if never paid), and the pay runs of those months on (what was paid).

use std::path::Path;
use std::time::Instant;

use kontakt::model::{Assignment, Client, Month, PayRun, Report, Volunteer};

fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> Option<T> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("DIR"));
    let month: Month = args.next().expect("MONTH").parse().expect("YYYY-MM");
    let retro: u32 = args.next().map_or(3, |r| r.parse().expect("RETRO"));
    let t = Instant::now();
    let mut from = month;
    for _ in 0..=retro {
        from = from.prev();
    }
    let mut files = 0usize;
    let mut assignments: Vec<Assignment> = Vec::new();
    for e in std::fs::read_dir(dir.join("assignments")).unwrap() {
        assignments.push(parse(&e.unwrap().path()).unwrap());
        files += 1;
    }
    assignments.retain(|a| {
        a.agreement.as_ref().is_some_and(|ag| {
            ag.start <= month.last_day() && a.last_day().is_none_or(|l| l >= from.first_day())
        })
    });
    let mut clients = std::collections::HashSet::new();
    let mut volunteers = std::collections::HashSet::new();
    let mut reports = 0;
    for a in &assignments {
        if clients.insert(a.client) {
            let _: Client = parse(&dir.join(format!("clients/{}.toml", a.client))).unwrap();
            files += 1;
        }
        if volunteers.insert(a.volunteer) {
            let _: Volunteer =
                parse(&dir.join(format!("volunteers/{}.toml", a.volunteer))).unwrap();
            files += 1;
        }
        let ag = a.agreement.as_ref().unwrap();
        let mut m = from.max(Month::of(ag.start.get()));
        let last = a.last_day().map_or(month, |l| month.min(Month::of(l)));
        while m <= last {
            if let Some(_r) = parse::<Report>(&dir.join(Report::rel_path(m, &a.id))) {
                reports += 1;
                files += 1;
            }
            m = m.next();
        }
    }
    let mut lines = 0;
    for e in std::fs::read_dir(dir.join("payruns")).unwrap() {
        let e = e.unwrap();
        let Ok(m) = e.file_name().to_string_lossy().parse::<Month>() else {
            continue;
        };
        if m < from {
            continue;
        }
        for f in std::fs::read_dir(e.path()).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|x| x == "toml") {
                let run: PayRun = parse(&f).unwrap();
                lines += run.lines.len();
                files += 1;
            }
        }
    }
    println!(
        "read {files} files ({} assignments in force, {} clients, {} volunteers, {reports} reports, {lines} ledger lines) in {:.3} s",
        assignments.len(),
        clients.len(),
        volunteers.len(),
        t.elapsed().as_secs_f64()
    );
}
