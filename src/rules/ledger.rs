//! Is the ledger whole? Pay reads every ledger entry under `payruns/<YYYY-MM>/` to know what
//! was paid, so an entry that is gone, elsewhere or unreadable is a month pay would pay again,
//! and two runs that each paid a line without the other (two branches, merged) are a line paid
//! twice. This rule names each from what the store found under `payruns/`: `check` reports them
//! (E012, E015, E016, E017; an unreadable entry by its parse code) and `pay` refuses while any
//! stands (docs/payroll.md). Pure: paths and parsed entries in, problems out.
//!
//! **Paid twice**, exactly. A run pays an (assignment, period) in full only when no earlier run
//! paid anything for it; every later run that pays it pays a correction computed from a later
//! revision of the report than any line before it (`payroll::compute::plan`, which refuses the
//! same revision as "changed after it was paid"). So for each (assignment, period, what is paid:
//! fee or expense allowance) there is one slot for the payment in full and one for each revision
//! of the report; a ledger whose runs saw each other fills each slot at most once. Two lines in
//! one slot are a payment made by a run that did not see the other: that line is paid twice.
//! It stands until the records account for the excess: a correction recorded and not yet paid
//! (the next run's difference takes the excess back), or a correction run after the collision
//! after which the lines sum to what the records give ([`PaidTwice::stands`]).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::model::payline::LineKind;
use crate::model::payrun::Head;
use crate::model::{Id, Kind, Money, Month, PayRun};
use crate::tr;

/// The SHA-256 of a payroll file's bytes, in hex, as its ledger entry records it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Are `bytes` the payroll file `run` paid? Its SHA-256 is the one the entry recorded when
/// the run was made: `pay --verify`, `pay --copy` and `check` (E014) compare by this.
pub fn is_the_paid_file(run: &PayRun, bytes: &[u8]) -> bool {
    sha256_hex(bytes) == run.sha256
}

/// Is a run's total the sum of its lines (checked: a sum beyond range is not the total)?
/// `pay --verify` and `check` (E004) ask this of every entry.
pub fn total_adds_up(run: &PayRun) -> bool {
    Money::sum(run.lines.iter().map(|l| l.amount)) == Ok(run.total_ore)
}

/// What the store found under `payruns/`, at any depth (hidden files left out). Paths are
/// relative to the records directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Survey {
    /// Every `.toml` file that reads as a ledger entry, where it was found.
    pub entries: Vec<(PathBuf, Head)>,
    /// `.toml` files that do not read as a ledger entry, with why.
    pub unreadable: Vec<(PathBuf, String)>,
    /// Every other file: the payroll files beside the entries, and anything else.
    pub others: Vec<PathBuf>,
}

/// A way the ledger is not whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerProblem {
    /// A payroll file that no ledger entry names and that has no entry beside it: the entry was
    /// deleted (a bad revert) or never committed, and pay would pay its lines again.
    Orphan { path: PathBuf, entry: PathBuf },
    /// An entry that is not at `payruns/<its month>/<its id>.toml`, where pay reads it.
    Misplaced {
        path: PathBuf,
        id: Id,
        month: Month,
        home: PathBuf,
    },
    /// A `.toml` file under `payruns/` that does not read as an entry: what it paid is unknown.
    Unreadable { path: PathBuf, message: String },
    /// A file that is neither an entry nor a payroll file.
    Stray { path: PathBuf },
    /// A line paid by two runs that did not see each other.
    PaidTwice(PaidTwice),
}

/// One line of a run that paid a line paid twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payer {
    pub run: Id,
    /// The line's index in the run's `[[lines]]`.
    pub line: usize,
    pub amount: Money,
    /// Paid in full (`fee`, `expense`), else a correction.
    pub in_full: bool,
    /// The report's revision the line was computed from.
    pub revision: u32,
}

/// A line (assignment, period, fee or expense allowance) paid twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaidTwice {
    pub assignment: Id,
    pub period: Month,
    /// What was paid twice: [`LineKind::Fee`] or [`LineKind::Expense`].
    pub kind: LineKind,
    pub wage_type: String,
    /// The lines that fill the same slot, in the order their runs were made (at least two).
    pub payers: Vec<Payer>,
    /// The entry of the last of those runs and its payroll file: the run to remove when its
    /// file never reached payroll.
    pub last_entry: PathBuf,
    pub last_file: String,
    /// Every line paying this, summed (None beyond an i64 of öre).
    pub sum: Option<Money>,
    /// The highest report revision any of those lines was computed from.
    pub revision: u32,
    /// A correction of this was paid by a run made after all of the colliding ones.
    pub corrected_after: bool,
}

impl PaidTwice {
    /// Does the double payment still stand, given the records now: the report's revision and
    /// what the records give for this line? Not while a correction is recorded and unpaid (the
    /// next run pays the difference, which takes the excess back), nor once a correction run
    /// after the collision left the lines summing to what the records give.
    pub fn stands(&self, report_revision: Option<u32>, earned_now: Option<Money>) -> bool {
        if report_revision.is_some_and(|r| r > self.revision) {
            return false;
        }
        !(self.corrected_after && earned_now.is_some() && self.sum == earned_now)
    }
}

/// What the ledger's layout lacks: entries not where pay reads them, unreadable ones, payroll
/// files without their entry, and files that are neither. Sorted by path.
pub fn layout(survey: &Survey) -> Vec<LedgerProblem> {
    let mut out = Vec::new();
    let mut misplaced: HashSet<&Path> = HashSet::new();
    for (path, head) in &survey.entries {
        let home = PayRun::rel_path_of(head.month, &head.id);
        if *path != home {
            misplaced.insert(path);
            out.push(LedgerProblem::Misplaced {
                path: path.clone(),
                id: head.id,
                month: head.month,
                home,
            });
        }
    }
    for (path, message) in &survey.unreadable {
        out.push(LedgerProblem::Unreadable {
            path: path.clone(),
            message: message.clone(),
        });
    }
    let named: HashSet<&Path> = survey
        .entries
        .iter()
        .map(|(_, h)| Path::new(h.file.as_str()))
        .collect();
    // A file beside an entry that cannot be read, or that is not in its place, belongs to
    // that entry's problem: what it names is unknown or stale.
    let beside_troubled: HashSet<PathBuf> = survey
        .unreadable
        .iter()
        .map(|(p, _)| p.as_path())
        .chain(misplaced.iter().copied())
        .map(|p| p.with_extension(""))
        .collect();
    for path in &survey.others {
        if named.contains(path.as_path()) || beside_troubled.contains(&path.with_extension("")) {
            continue;
        }
        let is_export = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e == "csv" || e == "xml");
        let run_id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| Id::parse(s).ok())
            .filter(|id| id.kind() == Kind::PayRun);
        out.push(match run_id {
            Some(_) if is_export => LedgerProblem::Orphan {
                path: path.clone(),
                entry: path.with_extension("toml"),
            },
            _ => LedgerProblem::Stray { path: path.clone() },
        });
    }
    out.sort_by(|a, b| a.path().cmp(b.path()));
    out
}

/// Every line paid twice among `runs` (see the module's comment), by assignment, period and
/// kind. Entries with the same id are one run (a copy is [`layout`]'s problem).
pub fn paid_twice(runs: &[&PayRun]) -> Vec<PaidTwice> {
    let mut seen = HashSet::new();
    let mut ordered: Vec<&PayRun> = runs
        .iter()
        .copied()
        .filter(|r| seen.insert(&r.id))
        .collect();
    ordered.sort_by(|x, y| x.order().cmp(&y.order()));
    // Every line as (assignment, period, kind, run's place, line's index), sorted: a country's
    // ledger is a million lines, nearly all alone in their group, so a sorted list rather than
    // a map of lists.
    let mut all: Vec<(&Id, Month, LineKind, u32, u32)> = Vec::new();
    for (pos, run) in ordered.iter().enumerate() {
        for (i, l) in run.lines.iter().enumerate() {
            let kind = l.corrects.unwrap_or(l.kind);
            all.push((&l.assignment, l.period, kind, pos as u32, i as u32));
        }
    }
    all.sort_unstable();
    let mut out = Vec::new();
    for group in all.chunk_by(|x, y| (x.0, x.1, x.2) == (y.0, y.1, y.2)) {
        if group.len() < 2 {
            continue;
        }
        let (assignment, period, kind) = (group[0].0, group[0].1, group[0].2);
        let lines: Vec<(usize, usize)> =
            group.iter().map(|g| (g.3 as usize, g.4 as usize)).collect();
        let line = |&(pos, i): &(usize, usize)| &ordered[pos].lines[i];
        let mut slots: BTreeMap<Option<u32>, Vec<(usize, usize)>> = BTreeMap::new();
        for at in &lines {
            let l = line(at);
            if l.kind != LineKind::Correction {
                slots.entry(None).or_default().push(*at);
            }
            slots.entry(Some(l.revision)).or_default().push(*at);
        }
        let mut colliding: Vec<(usize, usize)> = slots
            .into_values()
            .filter(|s| s.len() > 1)
            .flatten()
            .collect();
        if colliding.is_empty() {
            continue;
        }
        colliding.sort();
        colliding.dedup();
        let last = colliding.iter().map(|(pos, _)| *pos).max().unwrap_or(0);
        let corrected_after = lines
            .iter()
            .any(|at| at.0 > last && line(at).kind == LineKind::Correction);
        let last_run = ordered[last];
        out.push(PaidTwice {
            assignment: *assignment,
            period,
            kind,
            wage_type: line(&colliding[0]).wage_type.clone(),
            payers: colliding
                .iter()
                .map(|at| {
                    let l = line(at);
                    Payer {
                        run: ordered[at.0].id,
                        line: at.1,
                        amount: l.amount,
                        in_full: l.kind != LineKind::Correction,
                        revision: l.revision,
                    }
                })
                .collect(),
            last_entry: PayRun::rel_path_of(last_run.month, &last_run.id),
            last_file: last_run.file.clone(),
            sum: Money::sum(lines.iter().map(|at| line(at).amount)).ok(),
            revision: lines.iter().map(|at| line(at).revision).max().unwrap_or(0),
            corrected_after,
        });
    }
    out
}

impl LedgerProblem {
    /// The file the problem is in (for a line paid twice, the entry of the run that paid last).
    pub fn path(&self) -> &Path {
        match self {
            LedgerProblem::Orphan { path, .. }
            | LedgerProblem::Misplaced { path, .. }
            | LedgerProblem::Unreadable { path, .. }
            | LedgerProblem::Stray { path } => path,
            LedgerProblem::PaidTwice(t) => &t.last_entry,
        }
    }

    /// What is wrong and what to do, in the process's language; the file is named by the caller
    /// (`check`'s `PATH:LINE:`, pay's `PATH:`), except in an unreadable entry's parse message.
    pub fn message(&self) -> String {
        match self {
            LedgerProblem::Orphan { entry, .. } => tr!(
                "a payroll file without its ledger entry ({} is missing), so pay would pay its lines again; restore the entry from git (`git log --diff-filter=D -- {}` finds the commit that removed it), or remove the file if it never reached payroll",
                "en lönefil utan sin post i huvudboken ({} saknas), så pay skulle betala dess rader igen; återställ posten från git (`git log --diff-filter=D -- {}` hittar incheckningen som tog bort den), eller ta bort filen om den aldrig nådde lönesystemet",
                entry.display(),
                entry.display()
            ),
            LedgerProblem::Misplaced {
                path,
                id,
                month,
                home,
            } => tr!(
                "the ledger entry of {id} for {month} is not where pay reads it, so pay would pay its lines again; it belongs in {} (`git mv {} {}`, with its payroll file)",
                "huvudbokens post för {id} för {month} ligger inte där pay läser den, så pay skulle betala dess rader igen; den hör hemma i {} (`git mv {} {}`, med sin lönefil)",
                home.display(),
                path.display(),
                home.display()
            ),
            LedgerProblem::Unreadable { path, message } => tr!(
                "{message}: a ledger entry that cannot be read, so what it paid is unknown; restore it from git (`git checkout -- {}`) or correct it",
                "{message}: en post i huvudboken som inte kan läsas, så vad den betalade är okänt; återställ den från git (`git checkout -- {}`) eller rätta den",
                path.display()
            ),
            LedgerProblem::Stray { .. } => tr!(
                "not a record (records end in .toml); move it elsewhere",
                "ingen akt (akter slutar på .toml); flytta den någon annanstans"
            ),
            LedgerProblem::PaidTwice(t) => t.message(),
        }
    }
}

impl PaidTwice {
    fn message(&self) -> String {
        let lang = crate::lang::current();
        let payers: Vec<String> = self
            .payers
            .iter()
            .map(|p| {
                let amount = p.amount.localized(lang);
                if p.in_full {
                    tr!(
                        "in full by {} ({amount})",
                        "i sin helhet av {} ({amount})",
                        p.run
                    )
                } else {
                    tr!(
                        "as the correction of revision {} by {} ({amount})",
                        "som rättelsen av version {} av {} ({amount})",
                        p.revision,
                        p.run
                    )
                }
            })
            .collect();
        let last = self.payers.last().map(|p| p.run.to_string());
        tr!(
            "{} {} {} (löneart {}) was paid twice: {}; if {}'s payroll file never reached payroll, remove that run (`git rm {} {}`); if both were paid out, record a correction (`kontakt report {} {} --correct REASON`) and the next run pays back the excess",
            "{} {} {} (löneart {}) betalades två gånger: {}; om lönefilen från {} aldrig nådde lönesystemet, ta bort den körningen (`git rm {} {}`); om båda betalades ut, registrera en rättelse (`kontakt report {} {} --correct SKÄL`) så betalar nästa körning tillbaka det som betalades för mycket",
            self.assignment,
            self.period,
            lang.word(&crate::model::common::word(&self.kind)),
            self.wage_type,
            payers.join(lang.pick(" and ", " och ")),
            last.unwrap_or_default(),
            self.last_entry.display(),
            self.last_file,
            self.assignment,
            self.period
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::payline::PayLine;

    fn id(s: &str) -> Id {
        Id::parse(s).unwrap()
    }

    fn month(s: &str) -> Month {
        s.parse().unwrap()
    }

    fn line(kind: LineKind, corrects: Option<LineKind>, amount: i64, revision: u32) -> PayLine {
        PayLine {
            assignment: id("A-AAAAAA"),
            volunteer: id("V-AAAAAA"),
            period: month("2026-09"),
            from: month("2026-09").first_day(),
            to: month("2026-09").last_day(),
            days: 30,
            kind,
            corrects,
            wage_type: "7310".into(),
            amount: Money(amount),
            cost_center: None,
            revision,
            quantity: None,
        }
    }

    fn run(rid: &str, m: &str, at: &str, seq: u32, lines: Vec<PayLine>) -> PayRun {
        PayRun {
            schema: 1,
            id: id(rid),
            month: month(m),
            created: chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S").unwrap(),
            seq,
            user: "u".into(),
            format: "csv".into(),
            file: format!("payruns/{m}/{rid}.csv"),
            sha256: String::new(),
            total_ore: Money::ZERO,
            lines,
            window_from: None,
            owed: Vec::new(),
        }
    }

    use LineKind::{Correction, Expense, Fee};

    #[test]
    fn a_run_then_its_corrections_is_no_double_payment() {
        let first = run(
            "P-111111",
            "2026-09",
            "2026-10-05T09:00:00",
            1,
            vec![line(Fee, None, 98_700, 0), line(Expense, None, 49_300, 0)],
        );
        let second = run(
            "P-222222",
            "2026-10",
            "2026-11-05T09:00:00",
            2,
            vec![line(Correction, Some(Fee), -50_900, 1)],
        );
        let third = run(
            "P-333333",
            "2026-11",
            "2026-12-05T09:00:00",
            3,
            vec![
                line(Correction, Some(Fee), 10_000, 3),
                line(Correction, Some(Expense), 100, 3),
            ],
        );
        assert_eq!(paid_twice(&[&third, &first, &second]), vec![]);
        // The same entry twice (a copy) is one run.
        assert_eq!(paid_twice(&[&first, &first]), vec![]);
    }

    #[test]
    fn two_runs_paying_in_full_or_the_same_correction_pay_twice() {
        let a = run(
            "P-111111",
            "2026-09",
            "2026-10-05T09:00:00",
            1,
            vec![line(Fee, None, 98_700, 0), line(Expense, None, 49_300, 0)],
        );
        let b = run(
            "P-222222",
            "2026-09",
            "2026-10-06T09:00:00",
            1,
            vec![line(Fee, None, 98_700, 0), line(Expense, None, 49_300, 0)],
        );
        let twice = paid_twice(&[&b, &a]);
        assert_eq!(twice.len(), 2);
        let fee = &twice[0];
        assert_eq!((fee.kind, fee.sum), (Fee, Some(Money(197_400))));
        let runs: Vec<String> = fee.payers.iter().map(|p| p.run.to_string()).collect();
        assert_eq!(runs, ["P-111111", "P-222222"]);
        assert_eq!(fee.last_entry, Path::new("payruns/2026-09/P-222222.toml"));
        assert!(fee.stands(Some(0), Some(Money(98_700))));
        // A correction recorded and not yet paid takes the excess back in the next run.
        assert!(!fee.stands(Some(1), Some(Money(98_700))));
        let msg = LedgerProblem::PaidTwice(fee.clone()).message();
        assert!(
            msg.contains("was paid twice") && msg.contains("P-111111") && msg.contains("P-222222"),
            "{msg}"
        );

        // Full payments computed from different revisions (the report corrected on one branch
        // before its run) still fill the one slot for the payment in full.
        let c = run(
            "P-333333",
            "2026-09",
            "2026-10-07T09:00:00",
            1,
            vec![line(Fee, None, 50_000, 1)],
        );
        assert_eq!(paid_twice(&[&a, &c]).len(), 1);

        // The same correction paid on two branches.
        let x = run(
            "P-444444",
            "2026-10",
            "2026-11-05T09:00:00",
            2,
            vec![line(Correction, Some(Fee), -50_900, 1)],
        );
        let y = run(
            "P-555555",
            "2026-10",
            "2026-11-05T10:00:00",
            2,
            vec![line(Correction, Some(Fee), -50_900, 1)],
        );
        let twice = paid_twice(&[&a, &x, &y]);
        assert_eq!(twice.len(), 1);
        assert_eq!(twice[0].payers.len(), 2);
        assert!(!twice[0].payers[0].in_full);

        // Paid back by a later correction run: settled once the lines sum to what is earned.
        let back = run(
            "P-666666",
            "2026-10",
            "2026-11-20T10:00:00",
            3,
            vec![line(Correction, Some(Fee), -98_700, 1)],
        );
        let fee = paid_twice(&[&a, &b, &back]).remove(0);
        assert!(fee.corrected_after);
        assert!(!fee.stands(Some(1), Some(Money(98_700))));
        assert!(fee.stands(Some(1), Some(Money(50_000))));
    }

    #[test]
    fn the_layout_names_orphans_misplaced_unreadable_and_stray_files() {
        let p = PathBuf::from;
        let head = |rid: &str, m: &str| Head {
            id: id(rid),
            month: month(m),
            file: format!("payruns/{m}/{rid}.csv"),
        };
        let survey = Survey {
            entries: vec![
                (
                    p("payruns/2026-08/P-111111.toml"),
                    head("P-111111", "2026-08"),
                ),
                (p("payruns/P-222222.toml"), head("P-222222", "2026-09")),
                (
                    p("payruns/2026-9/P-333333.toml"),
                    head("P-333333", "2026-09"),
                ),
                (
                    p("payruns/2026-09/P-444444.toml"),
                    head("P-555555", "2026-09"),
                ),
            ],
            unreadable: vec![(p("payruns/2026-10/P-666666.toml"), "bad".into())],
            others: vec![
                p("payruns/2026-08/P-111111.csv"),
                p("payruns/P-222222.csv"),
                p("payruns/2026-9/P-333333.csv"),
                p("payruns/2026-10/P-666666.xml"),
                p("payruns/2026-09/P-777777.csv"),
                p("payruns/2026-09/notes.txt"),
            ],
        };
        let found: Vec<(String, &str)> = layout(&survey)
            .iter()
            .map(|f| {
                let what = match f {
                    LedgerProblem::Orphan { .. } => "orphan",
                    LedgerProblem::Misplaced { .. } => "misplaced",
                    LedgerProblem::Unreadable { .. } => "unreadable",
                    LedgerProblem::Stray { .. } => "stray",
                    LedgerProblem::PaidTwice(_) => "twice",
                };
                (f.path().display().to_string(), what)
            })
            .collect();
        assert_eq!(
            found,
            [
                ("payruns/2026-09/P-444444.toml".into(), "misplaced"),
                ("payruns/2026-09/P-777777.csv".into(), "orphan"),
                ("payruns/2026-09/notes.txt".into(), "stray"),
                ("payruns/2026-10/P-666666.toml".into(), "unreadable"),
                ("payruns/2026-9/P-333333.toml".into(), "misplaced"),
                ("payruns/P-222222.toml".into(), "misplaced"),
            ]
        );
        assert_eq!(
            layout(&Survey {
                entries: vec![(
                    p("payruns/2026-08/P-111111.toml"),
                    head("P-111111", "2026-08")
                )],
                unreadable: vec![],
                others: vec![p("payruns/2026-08/P-111111.csv")],
            }),
            vec![]
        );
    }
}
