//! What the commands print, as a person reads it (issue 15 §8): inline snapshots of the demo's
//! `pay --dry-run`, `due`, `check`, `show` (a client, an assignment, a volunteer) and `stats`, in
//! English and in Swedish, on a fixed day. Generated ids, hashes and temporary paths are redacted
//! (`common::redact`), so a snapshot changes when the output does, not when an id does.
//!
//! After an intended change of output: `INSTA_UPDATE=always cargo nextest run -E
//! 'binary(snapshots_output)'` and `cargo insta accept` (or `python3 scripts/accept-inline-snapshots.py`
//! where cargo-insta is not installed).
mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::Kit;

/// The demo's day, as in the README: `kontakt --records records --today 2026-11-05 pay 2026-10
/// --dry-run`.
const TODAY: &str = "2026-11-05";

fn owner_only(dir: &Path) {
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            owner_only(&p);
        } else {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }
}

/// `kontakt --lang LANG ARGS` on a copy of the demo records, on [`TODAY`], redacted. The copy
/// is its owner's only, as `kontakt init` makes it, so that `check` does not warn of the umask.
fn seen(lang: &str, args: &[&str]) -> String {
    let mut kit = Kit::demo();
    kit.today = TODAY.into();
    owner_only(&kit.dir);
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    kit.seen(&all)
}

/// `pay 2026-10 --dry-run`: what October's run would pay, the README's demo command.
#[test]
fn pay_dry_run_en() {
    insta::assert_snapshot!(seen("en", &["pay", "2026-10", "--dry-run"]), @r"
    Pay run for 2026-10
    ╭──────────────────────┬────────────────────┬──────────────┬──────────┬─────────────┬────────────────────┬──────────╮
    │ volunteer            ┆ assignments        ┆ fee (arvode) ┆ expenses ┆ corrections ┆ travel and outlays ┆ total kr │
    ╞══════════════════════╪════════════════════╪══════════════╪══════════╪═════════════╪════════════════════╪══════════╡
    │ [V-0001] Ivan Petrov ┆ [A-0001]           ┆ 987.00       ┆ 493.00   ┆ 0.00        ┆ 0.00               ┆ 1,480.00 │
    │ [V-0002] Fatima Ali  ┆ [A-0002]           ┆ 1,974.00     ┆ 986.00   ┆ 0.00        ┆ 0.00               ┆ 2,960.00 │
    │ [V-0003] Helena Lööf ┆ [A-0003]           ┆ 2,025.00     ┆ 850.00   ┆ 0.00        ┆ 100.00             ┆ 2,975.00 │
    │ [V-0004] Anna Åberg  ┆ [A-0004], [A-0005] ┆ 2,858.00     ┆ 1,726.00 ┆ 738.00      ┆ 0.00               ┆ 5,322.00 │
    │ [V-0005] Cecilia Wik ┆ [A-0006], [A-0007] ┆ 370.00       ┆ 740.00   ┆ -1,849.00   ┆ 397.00             ┆ -342.00  │
    ╰──────────────────────┴────────────────────┴──────────────┴──────────┴─────────────┴────────────────────┴──────────╯
    25 payroll lines, total 12,395.00 kr

    By what was delivered:
    ╭────────────┬─────────────┬─────────┬───────────────────┬──────────────────────┬───────────╮
    │ assignment ┆ volunteer   ┆ period  ┆ kind              ┆ counted              ┆ amount kr │
    ╞════════════╪═════════════╪═════════╪═══════════════════╪══════════════════════╪═══════════╡
    │ [A-0003]   ┆ Helena Lööf ┆ 2026-10 ┆ fee               ┆ 5 dygn               ┆ 2,025.00  │
    │ [A-0003]   ┆ Helena Lööf ┆ 2026-10 ┆ expense allowance ┆ 5 dygn               ┆ 850.00    │
    │ [A-0004]   ┆ Anna Åberg  ┆ 2026-10 ┆ fee               ┆ 6.5 h                ┆ 1,625.00  │
    │ [A-0006]   ┆ Cecilia Wik ┆ 2026-10 ┆ fee               ┆ 3 meetings → level 1 ┆ 370.00    │
    │ [A-0006]   ┆ Cecilia Wik ┆ 2026-10 ┆ expense allowance ┆ 3 meetings → level 1 ┆ 740.00    │
    │ [A-0006]   ┆ Cecilia Wik ┆ 2026-10 ┆ mileage, tax-free ┆ 84 km                ┆ 210.00    │
    │ [A-0006]   ┆ Cecilia Wik ┆ 2026-10 ┆ mileage, taxable  ┆ 84 km                ┆ 42.00     │
    │ [A-0006]   ┆ Cecilia Wik ┆ 2026-10 ┆ outlays           ┆ 1 receipt            ┆ 145.00    │
    ╰────────────┴─────────────┴─────────┴───────────────────┴──────────────────────┴───────────╯

    Not paid (3):
    ╭────────────┬──────────────┬─────────┬─────────────────────────────────────────────────────────────────────────────╮
    │ assignment ┆ volunteer    ┆ period  ┆ reason                                                                      │
    ╞════════════╪══════════════╪═════════╪═════════════════════════════════════════════════════════════════════════════╡
    │ [A-0008]   ┆ Bertil Öst   ┆ 2026-10 ┆ report missing                                                              │
    │ [A-0009]   ┆ David Rahimi ┆ 2026-10 ┆ report not approved                                                         │
    │ [A-0005]   ┆ Anna Åberg   ┆ 2026-06 ┆ 131.00 kr owed, older than the retroactive limit (3 months): pay it outside │
    │            ┆              ┆         ┆ kontakt and record that with `kontakt report [A-0005] 2026-06               │
    │            ┆              ┆         ┆ --settled-outside REASON`, or raise `retroactive_months` in kontakt.toml    │
    ╰────────────┴──────────────┴─────────┴─────────────────────────────────────────────────────────────────────────────╯
    ");
}

/// `pay 2026-10 --dry-run`: what October's run would pay, the README's demo command.
#[test]
fn pay_dry_run_sv() {
    insta::assert_snapshot!(seen("sv", &["pay", "2026-10", "--dry-run"]), @r"
    Utbetalning för 2026-10
    ╭──────────────────────┬────────────────────┬──────────┬─────────────┬───────────┬──────────────────┬──────────╮
    │ kontaktperson        ┆ uppdrag            ┆ arvode   ┆ omkostnader ┆ rättelser ┆ resor och utlägg ┆ summa kr │
    ╞══════════════════════╪════════════════════╪══════════╪═════════════╪═══════════╪══════════════════╪══════════╡
    │ [V-0001] Ivan Petrov ┆ [A-0001]           ┆ 987,00   ┆ 493,00      ┆ 0,00      ┆ 0,00             ┆ 1 480,00 │
    │ [V-0002] Fatima Ali  ┆ [A-0002]           ┆ 1 974,00 ┆ 986,00      ┆ 0,00      ┆ 0,00             ┆ 2 960,00 │
    │ [V-0003] Helena Lööf ┆ [A-0003]           ┆ 2 025,00 ┆ 850,00      ┆ 0,00      ┆ 100,00           ┆ 2 975,00 │
    │ [V-0004] Anna Åberg  ┆ [A-0004], [A-0005] ┆ 2 858,00 ┆ 1 726,00    ┆ 738,00    ┆ 0,00             ┆ 5 322,00 │
    │ [V-0005] Cecilia Wik ┆ [A-0006], [A-0007] ┆ 370,00   ┆ 740,00      ┆ -1 849,00 ┆ 397,00           ┆ -342,00  │
    ╰──────────────────────┴────────────────────┴──────────┴─────────────┴───────────┴──────────────────┴──────────╯
    25 lönerader, summa 12 395,00 kr

    Efter vad som utförts:
    ╭──────────┬───────────────┬─────────┬──────────────────────────────┬────────────────────┬───────────╮
    │ uppdrag  ┆ kontaktperson ┆ period  ┆ slag                         ┆ antal              ┆ belopp kr │
    ╞══════════╪═══════════════╪═════════╪══════════════════════════════╪════════════════════╪═══════════╡
    │ [A-0003] ┆ Helena Lööf   ┆ 2026-10 ┆ arvode                       ┆ 5 dygn             ┆ 2 025,00  │
    │ [A-0003] ┆ Helena Lööf   ┆ 2026-10 ┆ omkostnadsersättning         ┆ 5 dygn             ┆ 850,00    │
    │ [A-0004] ┆ Anna Åberg    ┆ 2026-10 ┆ arvode                       ┆ 6,5 tim            ┆ 1 625,00  │
    │ [A-0006] ┆ Cecilia Wik   ┆ 2026-10 ┆ arvode                       ┆ 3 träffar → nivå 1 ┆ 370,00    │
    │ [A-0006] ┆ Cecilia Wik   ┆ 2026-10 ┆ omkostnadsersättning         ┆ 3 träffar → nivå 1 ┆ 740,00    │
    │ [A-0006] ┆ Cecilia Wik   ┆ 2026-10 ┆ milersättning, skattefri     ┆ 84 km              ┆ 210,00    │
    │ [A-0006] ┆ Cecilia Wik   ┆ 2026-10 ┆ milersättning, skattepliktig ┆ 84 km              ┆ 42,00     │
    │ [A-0006] ┆ Cecilia Wik   ┆ 2026-10 ┆ utlägg                       ┆ 1 kvitto           ┆ 145,00    │
    ╰──────────┴───────────────┴─────────┴──────────────────────────────┴────────────────────┴───────────╯

    Betalas inte (3):
    ╭──────────┬───────────────┬─────────┬─────────────────────────────────────────────────────────────────────────────────╮
    │ uppdrag  ┆ kontaktperson ┆ period  ┆ skäl                                                                            │
    ╞══════════╪═══════════════╪═════════╪═════════════════════════════════════════════════════════════════════════════════╡
    │ [A-0008] ┆ Bertil Öst    ┆ 2026-10 ┆ rapport saknas                                                                  │
    │ [A-0009] ┆ David Rahimi  ┆ 2026-10 ┆ rapporten är inte attesterad                                                    │
    │ [A-0005] ┆ Anna Åberg    ┆ 2026-06 ┆ 131,00 kr att betala, äldre än gränsen för retroaktiv betalning (3 månader):    │
    │          ┆               ┆         ┆ betala utanför kontakt och registrera det med `kontakt report [A-0005] 2026-06  │
    │          ┆               ┆         ┆ --settled-outside SKÄL`, eller höj `retroactive_months` i kontakt.toml          │
    ╰──────────┴───────────────┴─────────┴─────────────────────────────────────────────────────────────────────────────────╯
    ");
}

/// `due`: what is waiting, and for whom.
#[test]
fn due_en() {
    insta::assert_snapshot!(seen("en", &["due"]), @r#"
    ╭──────────────────────┬───────────────────┬──────────┬───────────────┬────────────────────────────────────────────────╮
    │ due                  ┆ what              ┆ id       ┆ name          ┆ detail                                         │
    ╞══════════════════════╪═══════════════════╪══════════╪═══════════════╪════════════════════════════════════════════════╡
    │ 2026-02-18 (overdue) ┆ support contact   ┆ [V-0001] ┆ Bertil Öst    ┆ no support contact recorded since the          │
    │                      ┆                   ┆          ┆               ┆ assignment began (kontakt support [V-0001])    │
    │ 2026-05-01 (overdue) ┆ support contact   ┆ [V-0002] ┆ Cecilia Wik   ┆ no support contact recorded since the          │
    │                      ┆                   ┆          ┆               ┆ assignment began (kontakt support [V-0002])    │
    │ 2026-06-30 (overdue) ┆ pay owed          ┆ [A-0001] ┆ Elsa Lind /   ┆ 2026-06: 131.00 kr owed, older than the        │
    │                      ┆                   ┆          ┆ Anna Åberg    ┆ retroactive limit (3 months): pay it outside   │
    │                      ┆                   ┆          ┆               ┆ kontakt and record that with `kontakt report   │
    │                      ┆                   ┆          ┆               ┆ [A-0001] 2026-06 --settled-outside REASON`, or │
    │                      ┆                   ┆          ┆               ┆ raise `retroactive_months` in kontakt.toml     │
    │ 2026-09-01 (overdue) ┆ report to IVO     ┆ [C-0001] ┆ Karin Dahl    ┆ not put into effect, decided 2026-06-01:       │
    │                      ┆                   ┆          ┆               ┆ reported to IVO each quarter until it is       │
    │                      ┆                   ┆          ┆               ┆ (kontakt ivo --quarter 2026Q4)                 │
    │ 2026-10-01 (overdue) ┆ support contact   ┆ [V-0003] ┆ Helena Lööf   ┆ no support contact recorded since the          │
    │                      ┆                   ┆          ┆               ┆ assignment began (kontakt support [V-0003])    │
    │ 2026-10-06 (overdue) ┆ report to IVO     ┆ [C-0002] ┆ Hanna Ström   ┆ not put into effect, decided 2026-07-06:       │
    │                      ┆                   ┆          ┆               ┆ reported to IVO each quarter until it is       │
    │                      ┆                   ┆          ┆               ┆ (kontakt ivo --quarter 2026Q4)                 │
    │ 2026-10-27 (overdue) ┆ appeal to forward ┆ [C-0003] ┆ Moa Berg      ┆ the appeal came in 2026-10-20, reconsidered    │
    │                      ┆                   ┆          ┆               ┆ 2026-10-27 and left unchanged: forward it to   │
    │                      ┆                   ┆          ┆               ┆ the administrative court without delay         │
    │                      ┆                   ┆          ┆               ┆ (--appeal-forwarded DATE)                      │
    │ 2026-11-01 (overdue) ┆ report missing    ┆ [A-0002] ┆ Johan Ek /    ┆ no attendance report for 2026-10               │
    │                      ┆                   ┆          ┆ Bertil Öst    ┆                                                │
    │ 2026-11-01 (overdue) ┆ report to IVO     ┆ [C-0004] ┆ Lea Falk      ┆ not put into effect, interrupted from          │
    │                      ┆                   ┆          ┆               ┆ 2026-08-01 (decided 2026-06-01): reported to   │
    │                      ┆                   ┆          ┆               ┆ IVO each quarter until it is (kontakt ivo      │
    │                      ┆                   ┆          ┆               ┆ --quarter 2026Q4)                              │
    │ 2026-11-03 (overdue) ┆ report to approve ┆ [A-0003] ┆ Omar Haddad / ┆ the report for 2026-10 waits for approval      │
    │                      ┆                   ┆          ┆ David Rahimi  ┆                                                │
    │ 2026-11-04 (overdue) ┆ follow-up         ┆ [C-0005] ┆ Emma Sjö      ┆ 6-month follow-up of the decision from         │
    │                      ┆                   ┆          ┆               ┆ 2026-05-04                                     │
    │ 2026-11-14           ┆ support contact   ┆ [V-0004] ┆ Anna Åberg    ┆ last support contact 2026-10-15: handledning,  │
    │                      ┆                   ┆          ┆               ┆ a group meeting or a call (kontakt support     │
    │                      ┆                   ┆          ┆               ┆ [V-0004])                                      │
    │ 2026-11-27           ┆ support contact   ┆ [V-0005] ┆ David Rahimi  ┆ last support contact 2026-10-28: handledning,  │
    │                      ┆                   ┆          ┆               ┆ a group meeting or a call (kontakt support     │
    │                      ┆                   ┆          ┆               ┆ [V-0005])                                      │
    │ 2026-11-29           ┆ support contact   ┆ [V-0006] ┆ Fatima Ali    ┆ last support contact 2026-10-30: handledning,  │
    │                      ┆                   ┆          ┆               ┆ a group meeting or a call (kontakt support     │
    │                      ┆                   ┆          ┆               ┆ [V-0006])                                      │
    │ 2026-12-01           ┆ follow-up         ┆ [C-0004] ┆ Lea Falk      ┆ 6-month follow-up of the decision from         │
    │                      ┆                   ┆          ┆               ┆ 2026-06-01                                     │
    │ 2026-12-01           ┆ follow-up         ┆ [C-0001] ┆ Karin Dahl    ┆ 6-month follow-up of the decision from         │
    │                      ┆                   ┆          ┆               ┆ 2026-06-01                                     │
    │ 2026-12-01           ┆ pause ends        ┆ [V-0007] ┆ Gustav Berg   ┆ back from a break (Föräldraledig)              │
    │ 2026-12-01           ┆ unsigned          ┆ [A-0004] ┆ Karin Dahl /  ┆ not signed: confidentiality undertaking        │
    │                      ┆                   ┆          ┆ Eva Holmberg  ┆                                                │
    ╰──────────────────────┴───────────────────┴──────────┴───────────────┴────────────────────────────────────────────────╯
    --- stderr ---
    warning: kontakt.toml has no prisbasbelopp for 2027: add it under [compensation], as in `prisbasbelopp = { …, "2027" = KRONOR }`; the pay run for January 2027 needs it
    "#);
}

/// `due`: what is waiting, and for whom.
#[test]
fn due_sv() {
    insta::assert_snapshot!(seen("sv", &["due"]), @r#"
    ╭───────────────────────┬─────────────────────────────┬──────────┬───────────────┬─────────────────────────────────────╮
    │ datum                 ┆ vad                         ┆ id       ┆ namn          ┆ detalj                              │
    ╞═══════════════════════╪═════════════════════════════╪══════════╪═══════════════╪═════════════════════════════════════╡
    │ 2026-02-18 (försenad) ┆ stödkontakt                 ┆ [V-0001] ┆ Bertil Öst    ┆ ingen stödkontakt registrerad sedan │
    │                       ┆                             ┆          ┆               ┆ uppdraget började (kontakt support  │
    │                       ┆                             ┆          ┆               ┆ [V-0001])                           │
    │ 2026-05-01 (försenad) ┆ stödkontakt                 ┆ [V-0002] ┆ Cecilia Wik   ┆ ingen stödkontakt registrerad sedan │
    │                       ┆                             ┆          ┆               ┆ uppdraget började (kontakt support  │
    │                       ┆                             ┆          ┆               ┆ [V-0002])                           │
    │ 2026-06-30 (försenad) ┆ skuld att reglera           ┆ [A-0001] ┆ Elsa Lind /   ┆ 2026-06: 131,00 kr att betala,      │
    │                       ┆                             ┆          ┆ Anna Åberg    ┆ äldre än gränsen för retroaktiv     │
    │                       ┆                             ┆          ┆               ┆ betalning (3 månader): betala       │
    │                       ┆                             ┆          ┆               ┆ utanför kontakt och registrera det  │
    │                       ┆                             ┆          ┆               ┆ med `kontakt report [A-0001]        │
    │                       ┆                             ┆          ┆               ┆ 2026-06 --settled-outside SKÄL`,    │
    │                       ┆                             ┆          ┆               ┆ eller höj `retroactive_months` i    │
    │                       ┆                             ┆          ┆               ┆ kontakt.toml                        │
    │ 2026-09-01 (försenad) ┆ rapportera till IVO         ┆ [C-0001] ┆ Karin Dahl    ┆ inte verkställt, beslutat           │
    │                       ┆                             ┆          ┆               ┆ 2026-06-01: rapporteras till IVO    │
    │                       ┆                             ┆          ┆               ┆ varje kvartal tills det verkställs  │
    │                       ┆                             ┆          ┆               ┆ (kontakt ivo --quarter 2026Q4)      │
    │ 2026-10-01 (försenad) ┆ stödkontakt                 ┆ [V-0003] ┆ Helena Lööf   ┆ ingen stödkontakt registrerad sedan │
    │                       ┆                             ┆          ┆               ┆ uppdraget började (kontakt support  │
    │                       ┆                             ┆          ┆               ┆ [V-0003])                           │
    │ 2026-10-06 (försenad) ┆ rapportera till IVO         ┆ [C-0002] ┆ Hanna Ström   ┆ inte verkställt, beslutat           │
    │                       ┆                             ┆          ┆               ┆ 2026-07-06: rapporteras till IVO    │
    │                       ┆                             ┆          ┆               ┆ varje kvartal tills det verkställs  │
    │                       ┆                             ┆          ┆               ┆ (kontakt ivo --quarter 2026Q4)      │
    │ 2026-10-27 (försenad) ┆ överklagande att lämna över ┆ [C-0003] ┆ Moa Berg      ┆ överklagandet inkom 2026-10-20,     │
    │                       ┆                             ┆          ┆               ┆ omprövat 2026-10-27 utan ändring:   │
    │                       ┆                             ┆          ┆               ┆ lämnas utan dröjsmål till           │
    │                       ┆                             ┆          ┆               ┆ förvaltningsrätten                  │
    │                       ┆                             ┆          ┆               ┆ (--appeal-forwarded DATUM)          │
    │ 2026-11-01 (försenad) ┆ rapport saknas              ┆ [A-0002] ┆ Johan Ek /    ┆ ingen närvarorapport för 2026-10    │
    │                       ┆                             ┆          ┆ Bertil Öst    ┆                                     │
    │ 2026-11-01 (försenad) ┆ rapportera till IVO         ┆ [C-0004] ┆ Lea Falk      ┆ inte verkställt, avbrott från       │
    │                       ┆                             ┆          ┆               ┆ 2026-08-01 (beslutat 2026-06-01):   │
    │                       ┆                             ┆          ┆               ┆ rapporteras till IVO varje kvartal  │
    │                       ┆                             ┆          ┆               ┆ tills det verkställs (kontakt ivo   │
    │                       ┆                             ┆          ┆               ┆ --quarter 2026Q4)                   │
    │ 2026-11-03 (försenad) ┆ rapport att attestera       ┆ [A-0003] ┆ Omar Haddad / ┆ rapporten för 2026-10 väntar på     │
    │                       ┆                             ┆          ┆ David Rahimi  ┆ attest                              │
    │ 2026-11-04 (försenad) ┆ uppföljning                 ┆ [C-0005] ┆ Emma Sjö      ┆ uppföljning efter 6 månader av      │
    │                       ┆                             ┆          ┆               ┆ beslutet från 2026-05-04            │
    │ 2026-11-14            ┆ stödkontakt                 ┆ [V-0004] ┆ Anna Åberg    ┆ senaste stödkontakt 2026-10-15:     │
    │                       ┆                             ┆          ┆               ┆ handledning, gruppträff eller ett   │
    │                       ┆                             ┆          ┆               ┆ samtal (kontakt support [V-0004])   │
    │ 2026-11-27            ┆ stödkontakt                 ┆ [V-0005] ┆ David Rahimi  ┆ senaste stödkontakt 2026-10-28:     │
    │                       ┆                             ┆          ┆               ┆ handledning, gruppträff eller ett   │
    │                       ┆                             ┆          ┆               ┆ samtal (kontakt support [V-0005])   │
    │ 2026-11-29            ┆ stödkontakt                 ┆ [V-0006] ┆ Fatima Ali    ┆ senaste stödkontakt 2026-10-30:     │
    │                       ┆                             ┆          ┆               ┆ handledning, gruppträff eller ett   │
    │                       ┆                             ┆          ┆               ┆ samtal (kontakt support [V-0006])   │
    │ 2026-12-01            ┆ uppföljning                 ┆ [C-0004] ┆ Lea Falk      ┆ uppföljning efter 6 månader av      │
    │                       ┆                             ┆          ┆               ┆ beslutet från 2026-06-01            │
    │ 2026-12-01            ┆ uppföljning                 ┆ [C-0001] ┆ Karin Dahl    ┆ uppföljning efter 6 månader av      │
    │                       ┆                             ┆          ┆               ┆ beslutet från 2026-06-01            │
    │ 2026-12-01            ┆ uppehåll slutar             ┆ [V-0007] ┆ Gustav Berg   ┆ åter från uppehåll (Föräldraledig)  │
    │ 2026-12-01            ┆ ej undertecknat             ┆ [A-0004] ┆ Karin Dahl /  ┆ ej undertecknat:                    │
    │                       ┆                             ┆          ┆ Eva Holmberg  ┆ sekretessförbindelse                │
    ╰───────────────────────┴─────────────────────────────┴──────────┴───────────────┴─────────────────────────────────────╯
    --- stderr ---
    varning: kontakt.toml har inget prisbasbelopp för 2027: lägg till det under [compensation], som i `prisbasbelopp = { …, "2027" = KRONOR }`; lönekörningen för januari 2027 behöver det
    "#);
}

/// `check`: the demo's findings.
#[test]
fn check_en() {
    insta::assert_snapshot!(seen("en", &["check"]), @r#"
    [RECORDS]/clients/[C-0001].toml:5: E006 the application is dated in the future
    [RECORDS]/clients/[C-0001].toml:13: E006 decision 1: the decision of 2026-11-12 is dated after today
    [RECORDS]/clients/[C-0002].toml:13: E006 decision 1: the decision of 2026-11-16 is dated after today
    [RECORDS]/volunteers/[V-0001].toml:5: E006 the application is dated in the future
    --- stderr ---
    warning: kontakt.toml has no prisbasbelopp for 2027: add it under [compensation], as in `prisbasbelopp = { …, "2027" = KRONOR }`; the pay run for January 2027 needs it
    --- exit 1 ---
    "#);
}

/// `check`: the demo's findings.
#[test]
fn check_sv() {
    insta::assert_snapshot!(seen("sv", &["check"]), @r#"
    [RECORDS]/clients/[C-0001].toml:5: E006 ansökan är daterad i framtiden
    [RECORDS]/clients/[C-0001].toml:13: E006 beslut 1: beslutet den 2026-11-12 är daterat efter i dag
    [RECORDS]/clients/[C-0002].toml:13: E006 beslut 1: beslutet den 2026-11-16 är daterat efter i dag
    [RECORDS]/volunteers/[V-0001].toml:5: E006 ansökan är daterad i framtiden
    --- stderr ---
    varning: kontakt.toml har inget prisbasbelopp för 2027: lägg till det under [compensation], som i `prisbasbelopp = { …, "2027" = KRONOR }`; lönekörningen för januari 2027 behöver det
    --- exit 1 ---
    "#);
}

/// `show` of a client: Lea Falk, an agreement ended while her decision runs on and an offer declined since.
#[test]
fn show_client_en() {
    insta::assert_snapshot!(seen("en", &["show", "C-9NC5XQ"]), @r"
    client        [C-0001]
    name          Lea Falk
    personnummer  19990101-****
    status        granted
    applied       2026-05-18
    basis         SoL
    area          Söder
    interests     football, gym
    languages     sv
    wants gender  any
    applied for   kontaktperson

    Decisions
    ╭────────────┬────┬─────────┬────────────┬────────────┬────────┬───────┬──────────┬─────────┬────────╮
    │ decided    ┆ by ┆ outcome ┆ from       ┆ to         ┆ closed ┆ basis ┆ meetings ┆ consent ┆ reason │
    ╞════════════╪════╪═════════╪════════════╪════════════╪════════╪═══════╪══════════╪═════════╪════════╡
    │ 2026-06-01 ┆    ┆ granted ┆ 2026-06-01 ┆ 2027-05-31 ┆        ┆ SoL   ┆ 1/week   ┆         ┆        │
    ╰────────────┴────┴─────────┴────────────┴────────────┴────────┴───────┴──────────┴─────────┴────────╯

    Assignments
    ╭────────────┬──────────────────────┬──────────┬────────────┬────────────╮
    │ assignment ┆ volunteer            ┆ status   ┆ start      ┆ last day   │
    ╞════════════╪══════════════════════╪══════════╪════════════╪════════════╡
    │ [A-0001]   ┆ [V-0001] Gustav Berg ┆ declined ┆            ┆            │
    │ [A-0002]   ┆ [V-0002] Ivan Petrov ┆ ended    ┆ 2026-07-01 ┆ 2026-07-31 │
    ╰────────────┴──────────────────────┴──────────┴────────────┴────────────╯

    History
    ╭────────────┬──────────────────────────────────┬────┬──────╮
    │ date       ┆ event                            ┆ by ┆ note │
    ╞════════════╪══════════════════════════════════╪════╪══════╡
    │ 2026-05-18 ┆ applied                          ┆    ┆      │
    │ 2026-06-01 ┆ granted 2026-06-01 to 2027-05-31 ┆    ┆      │
    │ 2026-11-02 ┆ delay reason recorded            ┆    ┆      │
    ╰────────────┴──────────────────────────────────┴────┴──────╯
    ");
}

/// `show` of a client: Lea Falk, an agreement ended while her decision runs on and an offer declined since.
#[test]
fn show_client_sv() {
    insta::assert_snapshot!(seen("sv", &["show", "C-9NC5XQ"]), @r"
    klient          [C-0001]
    namn            Lea Falk
    personnummer    19990101-****
    status          beviljad
    ansökt          2026-05-18
    lagrum          SoL
    område          Söder
    intressen       football, gym
    språk           sv
    önskat kön      alla
    sökt            kontaktperson

    Beslut
    ╭────────────┬────┬──────────┬────────────┬────────────┬──────────┬────────┬─────────┬──────────┬──────╮
    │ beslutat   ┆ av ┆ utfall   ┆ från       ┆ till       ┆ avslutat ┆ lagrum ┆ träffar ┆ samtycke ┆ skäl │
    ╞════════════╪════╪══════════╪════════════╪════════════╪══════════╪════════╪═════════╪══════════╪══════╡
    │ 2026-06-01 ┆    ┆ beviljad ┆ 2026-06-01 ┆ 2027-05-31 ┆          ┆ SoL    ┆ 1/vecka ┆          ┆      │
    ╰────────────┴────┴──────────┴────────────┴────────────┴──────────┴────────┴─────────┴──────────┴──────╯

    Uppdrag
    ╭──────────┬──────────────────────┬──────────┬────────────┬────────────╮
    │ uppdrag  ┆ kontaktperson        ┆ status   ┆ start      ┆ sista dag  │
    ╞══════════╪══════════════════════╪══════════╪════════════╪════════════╡
    │ [A-0001] ┆ [V-0001] Gustav Berg ┆ avböjt   ┆            ┆            │
    │ [A-0002] ┆ [V-0002] Ivan Petrov ┆ avslutat ┆ 2026-07-01 ┆ 2026-07-31 │
    ╰──────────┴──────────────────────┴──────────┴────────────┴────────────╯

    Historik
    ╭────────────┬─────────────────────────────────────┬────┬────────────╮
    │ datum      ┆ händelse                            ┆ av ┆ anteckning │
    ╞════════════╪═════════════════════════════════════╪════╪════════════╡
    │ 2026-05-18 ┆ ansökt                              ┆    ┆            │
    │ 2026-06-01 ┆ beviljad 2026-06-01 till 2027-05-31 ┆    ┆            │
    │ 2026-11-02 ┆ skäl till dröjsmål registrerat      ┆    ┆            │
    ╰────────────┴─────────────────────────────────────┴────┴────────────╯
    ");
}

/// `show` of an assignment whose terms changed.
#[test]
fn show_assignment_en() {
    insta::assert_snapshot!(seen("en", &["show", "A-MS75WB"]), @r"
    assignment       [A-0001]
    client           [C-0001] Omar Haddad
    volunteer        [V-0001] David Rahimi
    status           active
    proposed         2026-03-05
    score            50
    start            2026-03-16
    signed           2026-03-12
    confidentiality  2026-03-12
    cost centre      4520

    Terms
    ╭────────────┬──────────┬──────────────┬─────────────┬──────────────────┬───────────────────────────────────────╮
    │ from       ┆ meetings ┆ paid         ┆ fee / month ┆ expenses / month ┆ reason                                │
    ╞════════════╪══════════╪══════════════╪═════════════╪══════════════════╪═══════════════════════════════════════╡
    │ 2026-03-16 ┆ 1/week   ┆ by the month ┆ 1,233.00    ┆ 493.00           ┆                                       │
    │ 2026-08-01 ┆ 2/week   ┆ by the month ┆ 1,480.00    ┆ 493.00           ┆ Omar behöver tätare stöd under hösten │
    ╰────────────┴──────────┴──────────────┴─────────────┴──────────────────┴───────────────────────────────────────╯

    Reports
    ╭─────────┬──────────┬────────────╮
    │ month   ┆ meetings ┆ attested   │
    ╞═════════╪══════════╪════════════╡
    │ 2026-03 ┆ 2        ┆ 2026-04-05 │
    │ 2026-04 ┆ 5        ┆ 2026-05-05 │
    │ 2026-05 ┆ 4        ┆ 2026-06-05 │
    │ 2026-06 ┆ 4        ┆ 2026-07-05 │
    │ 2026-07 ┆ 3        ┆ 2026-08-05 │
    │ 2026-08 ┆ 8        ┆ 2026-09-05 │
    │ 2026-09 ┆ 9        ┆ 2026-10-05 │
    │ 2026-10 ┆ 9        ┆ no         │
    ╰─────────┴──────────┴────────────╯

    History
    ╭────────────┬────────────────────────────────────┬────┬──────╮
    │ date       ┆ event                              ┆ by ┆ note │
    ╞════════════╪════════════════════════════════════╪════╪══════╡
    │ 2026-03-05 ┆ proposed                           ┆    ┆      │
    │ 2026-03-12 ┆ agreement from 2026-03-16          ┆    ┆      │
    │ 2026-03-12 ┆ agreement signed                   ┆    ┆      │
    │ 2026-03-12 ┆ confidentiality undertaking signed ┆    ┆      │
    │ 2026-07-20 ┆ terms changed from 2026-08-01      ┆    ┆      │
    ╰────────────┴────────────────────────────────────┴────┴──────╯
    ");
}

/// `show` of an assignment whose terms changed.
#[test]
fn show_assignment_sv() {
    insta::assert_snapshot!(seen("sv", &["show", "A-MS75WB"]), @r"
    uppdrag               [A-0001]
    klient                [C-0001] Omar Haddad
    kontaktperson         [V-0001] David Rahimi
    status                pågår
    föreslaget            2026-03-05
    poäng                 50
    start                 2026-03-16
    undertecknat          2026-03-12
    sekretessförbindelse  2026-03-12
    kostnadsställe        4520

    Villkor
    ╭────────────┬─────────┬───────────┬────────────────┬─────────────────────┬───────────────────────────────────────╮
    │ från       ┆ träffar ┆ betalas   ┆ arvode / månad ┆ omkostnader / månad ┆ skäl                                  │
    ╞════════════╪═════════╪═══════════╪════════════════╪═════════════════════╪═══════════════════════════════════════╡
    │ 2026-03-16 ┆ 1/vecka ┆ per månad ┆ 1 233,00       ┆ 493,00              ┆                                       │
    │ 2026-08-01 ┆ 2/vecka ┆ per månad ┆ 1 480,00       ┆ 493,00              ┆ Omar behöver tätare stöd under hösten │
    ╰────────────┴─────────┴───────────┴────────────────┴─────────────────────┴───────────────────────────────────────╯

    Rapporter
    ╭─────────┬─────────┬────────────╮
    │ månad   ┆ träffar ┆ attesterad │
    ╞═════════╪═════════╪════════════╡
    │ 2026-03 ┆ 2       ┆ 2026-04-05 │
    │ 2026-04 ┆ 5       ┆ 2026-05-05 │
    │ 2026-05 ┆ 4       ┆ 2026-06-05 │
    │ 2026-06 ┆ 4       ┆ 2026-07-05 │
    │ 2026-07 ┆ 3       ┆ 2026-08-05 │
    │ 2026-08 ┆ 8       ┆ 2026-09-05 │
    │ 2026-09 ┆ 9       ┆ 2026-10-05 │
    │ 2026-10 ┆ 9       ┆ nej        │
    ╰─────────┴─────────┴────────────╯

    Historik
    ╭────────────┬───────────────────────────────────┬────┬────────────╮
    │ datum      ┆ händelse                          ┆ av ┆ anteckning │
    ╞════════════╪═══════════════════════════════════╪════╪════════════╡
    │ 2026-03-05 ┆ föreslaget                        ┆    ┆            │
    │ 2026-03-12 ┆ avtal från 2026-03-16             ┆    ┆            │
    │ 2026-03-12 ┆ avtal undertecknat                ┆    ┆            │
    │ 2026-03-12 ┆ sekretessförbindelse undertecknad ┆    ┆            │
    │ 2026-07-20 ┆ villkor ändrade från 2026-08-01   ┆    ┆            │
    ╰────────────┴───────────────────────────────────┴────┴────────────╯
    ");
}

/// `show` of a volunteer with two assignments.
#[test]
fn show_volunteer_en() {
    insta::assert_snapshot!(seen("en", &["show", "V-DM0S1Y"]), @r"
    volunteer         [V-0001]
    name              Bertil Öst
    personnummer      19620526-****
    status            approved
    applied           2025-12-01
    area              Väster
    interests         fishing, hockey, chess
    languages         sv
    availability      weekday-day, weekend
    capacity          1
    interview         2026-01-12
    references        Referens A (ok, 2026-01-12); Referens B (ok, 2026-01-12)
    police extract    2026-01-12
    extract valid to  2027-01-12
    social register   2026-01-12
    approved          2026-01-12

    Assignments
    ╭────────────┬──────────────────────┬────────┬────────────┬────────────╮
    │ assignment ┆ client               ┆ status ┆ start      ┆ last day   │
    ╞════════════╪══════════════════════╪════════╪════════════╪════════════╡
    │ [A-0001]   ┆ [C-0001] Johan Ek    ┆ active ┆ 2026-04-15 ┆            │
    │ [A-0002]   ┆ [C-0002] Nils Strand ┆ ended  ┆ 2026-01-19 ┆ 2026-02-28 │
    ╰────────────┴──────────────────────┴────────┴────────────┴────────────╯

    History
    ╭────────────┬──────────────────────────────────┬────┬──────╮
    │ date       ┆ event                            ┆ by ┆ note │
    ╞════════════╪══════════════════════════════════╪════╪══════╡
    │ 2025-12-01 ┆ applied                          ┆    ┆      │
    │ 2026-01-12 ┆ interview recorded               ┆    ┆      │
    │ 2026-01-12 ┆ reference recorded               ┆    ┆      │
    │ 2026-01-12 ┆ reference recorded               ┆    ┆      │
    │ 2026-01-12 ┆ police-register extract recorded ┆    ┆      │
    │ 2026-01-12 ┆ social register checked          ┆    ┆      │
    │ 2026-01-12 ┆ approved                         ┆    ┆      │
    ╰────────────┴──────────────────────────────────┴────┴──────╯
    ");
}

/// `show` of a volunteer with two assignments.
#[test]
fn show_volunteer_sv() {
    insta::assert_snapshot!(seen("sv", &["show", "V-DM0S1Y"]), @r"
    kontaktperson              [V-0001]
    namn                       Bertil Öst
    personnummer               19620526-****
    status                     godkänd
    ansökt                     2025-12-01
    område                     Väster
    intressen                  fishing, hockey, chess
    språk                      sv
    tillgänglighet             vardag-dag, helg
    platser                    1
    intervju                   2026-01-12
    referenser                 Referens A (bra, 2026-01-12); Referens B (bra, 2026-01-12)
    belastningsregisterutdrag  2026-01-12
    utdrag giltigt till        2027-01-12
    socialregistret            2026-01-12
    godkänd                    2026-01-12

    Uppdrag
    ╭──────────┬──────────────────────┬──────────┬────────────┬────────────╮
    │ uppdrag  ┆ klient               ┆ status   ┆ start      ┆ sista dag  │
    ╞══════════╪══════════════════════╪══════════╪════════════╪════════════╡
    │ [A-0001] ┆ [C-0001] Johan Ek    ┆ pågår    ┆ 2026-04-15 ┆            │
    │ [A-0002] ┆ [C-0002] Nils Strand ┆ avslutat ┆ 2026-01-19 ┆ 2026-02-28 │
    ╰──────────┴──────────────────────┴──────────┴────────────┴────────────╯

    Historik
    ╭────────────┬──────────────────────────────┬────┬────────────╮
    │ datum      ┆ händelse                     ┆ av ┆ anteckning │
    ╞════════════╪══════════════════════════════╪════╪════════════╡
    │ 2025-12-01 ┆ ansökt                       ┆    ┆            │
    │ 2026-01-12 ┆ intervju registrerad         ┆    ┆            │
    │ 2026-01-12 ┆ referens registrerad         ┆    ┆            │
    │ 2026-01-12 ┆ referens registrerad         ┆    ┆            │
    │ 2026-01-12 ┆ registerutdrag registrerat   ┆    ┆            │
    │ 2026-01-12 ┆ socialregistret kontrollerat ┆    ┆            │
    │ 2026-01-12 ┆ godkänd                      ┆    ┆            │
    ╰────────────┴──────────────────────────────┴────┴────────────╯
    ");
}

/// `stats` as a terminal table.
#[test]
fn stats_en() {
    insta::assert_snapshot!(seen("en", &["stats"]), @r"
    period                                          2025-12 – 2026-12
    waiting now                                     4
    wait to agreement, median / 90 %, days          42 / 55 (10 cases)
    matches proposed / declined / agreed            13 / 2 / 10
    volunteers in assignments                       6
    volunteers on a break                           1
    referees' concerns open / approved despite one  1 / 0
    cost 2026                                       102,527.21 kr (66,610.97 kr paid, 35,916.24 kr forecast)

    ╭───────────┬─────────┬─────────────┬──────────┬──────────┬────────────┬─────────────┬─────────────┬───────────────╮
    │ month     ┆ waiting ┆ assignments ┆ meetings ┆ meetings ┆ fulfilment ┆ fee         ┆ expenses    ┆ employer's    │
    │           ┆         ┆             ┆ reported ┆ agreed   ┆            ┆             ┆             ┆ contributions │
    ╞═══════════╪═════════╪═════════════╪══════════╪══════════╪════════════╪═════════════╪═════════════╪═══════════════╡
    │ 2025-12   ┆ 1       ┆ 0           ┆ 0        ┆ 0.0      ┆            ┆ 0.00 kr     ┆ 0.00 kr     ┆ 0.00 kr       │
    │ 2026-01   ┆ 0       ┆ 1           ┆ 2        ┆ 1.9      ┆ 105.3 %    ┆ 414.00 kr   ┆ 207.00 kr   ┆ 130.08 kr     │
    │ 2026-02   ┆ 1       ┆ 1           ┆ 4        ┆ 4.0      ┆ 100.0 %    ┆ 987.00 kr   ┆ 493.00 kr   ┆ 310.12 kr     │
    │ 2026-03   ┆ 1       ┆ 2           ┆ 6        ┆ 6.7      ┆ 89.6 %     ┆ 1,623.00 kr ┆ 1,487.00 kr ┆ 509.95 kr     │
    │ 2026-04   ┆ 0       ┆ 4           ┆ 14       ┆ 12.9     ┆ 108.5 %    ┆ 3,749.00 kr ┆ 2,482.00 kr ┆ 1,177.94 kr   │
    │ 2026-05   ┆ 1       ┆ 4           ┆ 15       ┆ 15.3     ┆ 98.0 %     ┆ 4,440.00 kr ┆ 2,712.00 kr ┆ 1,395.06 kr   │
    │ 2026-06   ┆ 2       ┆ 5           ┆ 18       ┆ 19.1     ┆ 94.2 %     ┆ 5,427.00 kr ┆ 3,205.00 kr ┆ 1,705.18 kr   │
    │ 2026-07   ┆ 2       ┆ 6           ┆ 20       ┆ 24.1     ┆ 83.0 %     ┆ 5,427.00 kr ┆ 3,205.00 kr ┆ 1,705.18 kr   │
    │ 2026-08   ┆ 3       ┆ 5           ┆ 21       ┆ 24.1     ┆ 87.1 %     ┆ 5,674.00 kr ┆ 3,205.00 kr ┆ 1,782.79 kr   │
    │ 2026-09   ┆ 4       ┆ 7           ┆ 24       ┆ 25.2     ┆ 95.2 %     ┆ 7,300.00 kr ┆ 3,564.00 kr ┆ 2,293.67 kr   │
    │ 2026-10 * ┆ 4       ┆ 7           ┆ 23       ┆ 29.6     ┆ 77.7 %     ┆ 5,920.00 kr ┆ 4,192.00 kr ┆ 1,860.08 kr   │
    │ 2026-11 * ┆ 4       ┆ 7           ┆ 0        ┆ 28.7     ┆            ┆ 5,920.00 kr ┆ 4,192.00 kr ┆ 1,860.08 kr   │
    │ 2026-12 * ┆         ┆ 7           ┆ 0        ┆ 29.6     ┆            ┆ 5,920.00 kr ┆ 4,192.00 kr ┆ 1,860.08 kr   │
    ╰───────────┴─────────┴─────────────┴──────────┴──────────┴────────────┴─────────────┴─────────────┴───────────────╯
    * forecast from the agreements in force

    ╭─────────────┬──────────────┬──────────────┬──────────────────────────┬──────────────╮
    │ cost centre ┆ fee          ┆ expenses     ┆ employer's contributions ┆ total        │
    ╞═════════════╪══════════════╪══════════════╪══════════════════════════╪══════════════╡
    │ 4510        ┆ 22,371.00 kr ┆ 18,946.00 kr ┆ 7,029.05 kr              ┆ 48,346.05 kr │
    │ 4520        ┆ 12,968.00 kr ┆ 4,691.00 kr  ┆ 4,074.57 kr              ┆ 21,733.57 kr │
    │ 4530        ┆ 14,849.00 kr ┆ 7,168.00 kr  ┆ 4,665.59 kr              ┆ 26,682.59 kr │
    │ 4540        ┆ 2,613.00 kr  ┆ 2,331.00 kr  ┆ 821.00 kr                ┆ 5,765.00 kr  │
    ╰─────────────┴──────────────┴──────────────┴──────────────────────────┴──────────────╯

    ╭──────────────────────┬─────────────┬──────────┬───────┬──────┬──────────────┬───────────────┬────────────────────╮
    │ paid per             ┆ assignments ┆ meetings ┆ hours ┆ dygn ┆ fee paid     ┆ expenses paid ┆ travel and outlays │
    │                      ┆             ┆          ┆       ┆      ┆              ┆               ┆ paid               │
    ╞══════════════════════╪═════════════╪══════════╪═══════╪══════╪══════════════╪═══════════════╪════════════════════╡
    │ month                ┆ 7           ┆ 140      ┆ 0     ┆ 0    ┆ 32,428.00 kr ┆ 19,708.00 kr  ┆ 0.00 kr            │
    │ meeting level        ┆ 1           ┆ 3        ┆ 0     ┆ 0    ┆ 0.00 kr      ┆ 0.00 kr       ┆ 0.00 kr            │
    │ hour                 ┆ 1           ┆ 4        ┆ 12.5  ┆ 0    ┆ 1,500.00 kr  ┆ 427.00 kr     ┆ 0.00 kr            │
    │ dygn (kontaktfamilj) ┆ 1           ┆ 0        ┆ 0     ┆ 7.5  ┆ 1,013.00 kr  ┆ 425.00 kr     ┆ 100.00 kr          │
    ╰──────────────────────┴─────────────┴──────────┴───────┴──────┴──────────────┴───────────────┴────────────────────╯

    ╭──────────────────────────┬─────┬─────────────────────╮
    │ volunteers and screening ┆ now ┆ days, median / 90 % │
    ╞══════════════════════════╪═════╪═════════════════════╡
    │ applied                  ┆ 1   ┆                     │
    │ screening                ┆ 3   ┆                     │
    │ approved                 ┆ 8   ┆                     │
    │ on a break               ┆ 1   ┆                     │
    │ left                     ┆ 0   ┆                     │
    │ rejected                 ┆ 2   ┆                     │
    │ application to interview ┆     ┆ 32 / 42 (14 cases)  │
    │ interview to approval    ┆     ┆ 0 / 0 (9 cases)     │
    │ application to approval  ┆     ┆ 34 / 42 (9 cases)   │
    │ application to rejection ┆     ┆ 14 / 18 (2 cases)   │
    ╰──────────────────────────┴─────┴─────────────────────╯
    ");
}

/// `stats` as a terminal table.
#[test]
fn stats_sv() {
    insta::assert_snapshot!(seen("sv", &["stats"]), @r"
    period                                         2025-12 – 2026-12
    väntar nu                                      4
    väntetid till avtal, median / 90 %, dagar      42 / 55 (10 fall)
    matchningar föreslagna / avböjda / avtalade    13 / 2 / 10
    kontaktpersoner i uppdrag                      6
    kontaktpersoner med uppehåll                   1
    referensers oro obesvarad / godkänd trots oro  1 / 0
    kostnad 2026                                   102 527,21 kr (66 610,97 kr utbetalt, 35 916,24 kr prognos)

    ╭───────────┬────────┬─────────┬─────────────────┬──────────┬─────────────┬─────────────┬─────────────┬────────────────╮
    │ månad     ┆ väntar ┆ uppdrag ┆ rapporterade    ┆ avtalade ┆ uppfyllelse ┆ arvode      ┆ omkostnader ┆ arbetsgivaravg │
    │           ┆        ┆         ┆ träffar         ┆ träffar  ┆             ┆             ┆             ┆ ifter          │
    ╞═══════════╪════════╪═════════╪═════════════════╪══════════╪═════════════╪═════════════╪═════════════╪════════════════╡
    │ 2025-12   ┆ 1      ┆ 0       ┆ 0               ┆ 0,0      ┆             ┆ 0,00 kr     ┆ 0,00 kr     ┆ 0,00 kr        │
    │ 2026-01   ┆ 0      ┆ 1       ┆ 2               ┆ 1,9      ┆ 105,3 %     ┆ 414,00 kr   ┆ 207,00 kr   ┆ 130,08 kr      │
    │ 2026-02   ┆ 1      ┆ 1       ┆ 4               ┆ 4,0      ┆ 100,0 %     ┆ 987,00 kr   ┆ 493,00 kr   ┆ 310,12 kr      │
    │ 2026-03   ┆ 1      ┆ 2       ┆ 6               ┆ 6,7      ┆ 89,6 %      ┆ 1 623,00 kr ┆ 1 487,00 kr ┆ 509,95 kr      │
    │ 2026-04   ┆ 0      ┆ 4       ┆ 14              ┆ 12,9     ┆ 108,5 %     ┆ 3 749,00 kr ┆ 2 482,00 kr ┆ 1 177,94 kr    │
    │ 2026-05   ┆ 1      ┆ 4       ┆ 15              ┆ 15,3     ┆ 98,0 %      ┆ 4 440,00 kr ┆ 2 712,00 kr ┆ 1 395,06 kr    │
    │ 2026-06   ┆ 2      ┆ 5       ┆ 18              ┆ 19,1     ┆ 94,2 %      ┆ 5 427,00 kr ┆ 3 205,00 kr ┆ 1 705,18 kr    │
    │ 2026-07   ┆ 2      ┆ 6       ┆ 20              ┆ 24,1     ┆ 83,0 %      ┆ 5 427,00 kr ┆ 3 205,00 kr ┆ 1 705,18 kr    │
    │ 2026-08   ┆ 3      ┆ 5       ┆ 21              ┆ 24,1     ┆ 87,1 %      ┆ 5 674,00 kr ┆ 3 205,00 kr ┆ 1 782,79 kr    │
    │ 2026-09   ┆ 4      ┆ 7       ┆ 24              ┆ 25,2     ┆ 95,2 %      ┆ 7 300,00 kr ┆ 3 564,00 kr ┆ 2 293,67 kr    │
    │ 2026-10 * ┆ 4      ┆ 7       ┆ 23              ┆ 29,6     ┆ 77,7 %      ┆ 5 920,00 kr ┆ 4 192,00 kr ┆ 1 860,08 kr    │
    │ 2026-11 * ┆ 4      ┆ 7       ┆ 0               ┆ 28,7     ┆             ┆ 5 920,00 kr ┆ 4 192,00 kr ┆ 1 860,08 kr    │
    │ 2026-12 * ┆        ┆ 7       ┆ 0               ┆ 29,6     ┆             ┆ 5 920,00 kr ┆ 4 192,00 kr ┆ 1 860,08 kr    │
    ╰───────────┴────────┴─────────┴─────────────────┴──────────┴─────────────┴─────────────┴─────────────┴────────────────╯
    * prognos utifrån gällande avtal

    ╭────────────────┬──────────────┬──────────────┬─────────────────────┬──────────────╮
    │ kostnadsställe ┆ arvode       ┆ omkostnader  ┆ arbetsgivaravgifter ┆ summa        │
    ╞════════════════╪══════════════╪══════════════╪═════════════════════╪══════════════╡
    │ 4510           ┆ 22 371,00 kr ┆ 18 946,00 kr ┆ 7 029,05 kr         ┆ 48 346,05 kr │
    │ 4520           ┆ 12 968,00 kr ┆ 4 691,00 kr  ┆ 4 074,57 kr         ┆ 21 733,57 kr │
    │ 4530           ┆ 14 849,00 kr ┆ 7 168,00 kr  ┆ 4 665,59 kr         ┆ 26 682,59 kr │
    │ 4540           ┆ 2 613,00 kr  ┆ 2 331,00 kr  ┆ 821,00 kr           ┆ 5 765,00 kr  │
    ╰────────────────┴──────────────┴──────────────┴─────────────────────┴──────────────╯

    ╭─────────────────┬─────────┬─────────┬────────┬──────┬─────────────────┬───────────────┬──────────────────────────────╮
    │ betalas per     ┆ uppdrag ┆ träffar ┆ timmar ┆ dygn ┆ utbetalt arvode ┆ utbetalda     ┆ utbetalda resor och utlägg   │
    │                 ┆         ┆         ┆        ┆      ┆                 ┆ omkostnader   ┆                              │
    ╞═════════════════╪═════════╪═════════╪════════╪══════╪═════════════════╪═══════════════╪══════════════════════════════╡
    │ månad           ┆ 7       ┆ 140     ┆ 0      ┆ 0    ┆ 32 428,00 kr    ┆ 19 708,00 kr  ┆ 0,00 kr                      │
    │ träffnivå       ┆ 1       ┆ 3       ┆ 0      ┆ 0    ┆ 0,00 kr         ┆ 0,00 kr       ┆ 0,00 kr                      │
    │ timme           ┆ 1       ┆ 4       ┆ 12,5   ┆ 0    ┆ 1 500,00 kr     ┆ 427,00 kr     ┆ 0,00 kr                      │
    │ dygn            ┆ 1       ┆ 0       ┆ 0      ┆ 7,5  ┆ 1 013,00 kr     ┆ 425,00 kr     ┆ 100,00 kr                    │
    │ (kontaktfamilj) ┆         ┆         ┆        ┆      ┆                 ┆               ┆                              │
    ╰─────────────────┴─────────┴─────────┴────────┴──────┴─────────────────┴───────────────┴──────────────────────────────╯

    ╭───────────────────────────────┬────┬──────────────────────╮
    │ kontaktpersoner och utredning ┆ nu ┆ dagar, median / 90 % │
    ╞═══════════════════════════════╪════╪══════════════════════╡
    │ ansökt                        ┆ 1  ┆                      │
    │ under utredning               ┆ 3  ┆                      │
    │ godkänd                       ┆ 8  ┆                      │
    │ uppehåll                      ┆ 1  ┆                      │
    │ slutat                        ┆ 0  ┆                      │
    │ avslagen                      ┆ 2  ┆                      │
    │ ansökan till intervju         ┆    ┆ 32 / 42 (14 fall)    │
    │ intervju till godkännande     ┆    ┆ 0 / 0 (9 fall)       │
    │ ansökan till godkännande      ┆    ┆ 34 / 42 (9 fall)     │
    │ ansökan till avslag           ┆    ┆ 14 / 18 (2 fall)     │
    ╰───────────────────────────────┴────┴──────────────────────╯
    ");
}

/// The redaction itself: ids numbered by kind and first appearance, the same id the same
/// placeholder, hashes and the temporary directory hidden, dates, amounts and words kept.
#[test]
fn redact_keeps_the_text_and_numbers_ids_by_first_appearance() {
    let tmp = std::env::temp_dir().join(".tmpAb12Cd/records");
    let text = format!(
        "A-7Q2K9M V-YEYTP8 A-E4SMF6 A-7Q2K9M P-0A1B2C C-7Q2K9M\n\
         commit 3f9a1c2 sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n\
         2026-10 1 233,00 kr CAFE-FACE decade X-123456 A-1234567 {}\n",
        tmp.display()
    );
    insta::assert_snapshot!(common::redact(&text), @r"
    [A-0001] [V-0001] [A-0002] [A-0001] [P-0001] [C-0001]
    commit [HASH1] sha256 [HASH2]
    2026-10 1 233,00 kr CAFE-FACE decade X-123456 A-1234567 [TMP]/records
    ");
}

/// `list assignments`: each assignment with the client's and the volunteer's name beside the id.
#[test]
fn list_assignments_en() {
    insta::assert_snapshot!(seen("en", &["list", "assignments", "--status", "active"]), @r"
    ╭──────────┬──────────────────────┬───────────────────────┬────────┬────────────┬────────────┬──────────╮
    │ id       ┆ client               ┆ volunteer             ┆ status ┆ proposed   ┆ start      ┆ last day │
    ╞══════════╪══════════════════════╪═══════════════════════╪════════╪════════════╪════════════╪══════════╡
    │ [A-0001] ┆ [C-0001] Liam Öberg  ┆ [V-0001] Helena Lööf  ┆ active ┆ 2026-08-25 ┆ 2026-09-01 ┆          │
    │ [A-0002] ┆ [C-0002] Tove Alm    ┆ [V-0002] Cecilia Wik  ┆ active ┆ 2026-09-21 ┆ 2026-10-01 ┆          │
    │ [A-0003] ┆ [C-0003] Noah Wik    ┆ [V-0003] Anna Åberg   ┆ active ┆ 2026-09-02 ┆ 2026-09-05 ┆          │
    │ [A-0004] ┆ [C-0004] Emma Sjö    ┆ [V-0004] Fatima Ali   ┆ active ┆ 2026-05-11 ┆ 2026-06-01 ┆          │
    │ [A-0005] ┆ [C-0005] Elsa Lind   ┆ [V-0003] Anna Åberg   ┆ active ┆ 2026-02-16 ┆ 2026-03-01 ┆          │
    │ [A-0006] ┆ [C-0006] Johan Ek    ┆ [V-0005] Bertil Öst   ┆ active ┆ 2026-04-08 ┆ 2026-04-15 ┆          │
    │ [A-0007] ┆ [C-0007] Omar Haddad ┆ [V-0006] David Rahimi ┆ active ┆ 2026-03-05 ┆ 2026-03-16 ┆          │
    ╰──────────┴──────────────────────┴───────────────────────┴────────┴────────────┴────────────┴──────────╯
    ");
}

#[test]
fn list_assignments_sv() {
    insta::assert_snapshot!(seen("sv", &["list", "assignments", "--status", "active"]), @r"
    ╭──────────┬──────────────────────┬───────────────────────┬────────┬────────────┬────────────┬───────────╮
    │ id       ┆ klient               ┆ kontaktperson         ┆ status ┆ föreslaget ┆ start      ┆ sista dag │
    ╞══════════╪══════════════════════╪═══════════════════════╪════════╪════════════╪════════════╪═══════════╡
    │ [A-0001] ┆ [C-0001] Liam Öberg  ┆ [V-0001] Helena Lööf  ┆ pågår  ┆ 2026-08-25 ┆ 2026-09-01 ┆           │
    │ [A-0002] ┆ [C-0002] Tove Alm    ┆ [V-0002] Cecilia Wik  ┆ pågår  ┆ 2026-09-21 ┆ 2026-10-01 ┆           │
    │ [A-0003] ┆ [C-0003] Noah Wik    ┆ [V-0003] Anna Åberg   ┆ pågår  ┆ 2026-09-02 ┆ 2026-09-05 ┆           │
    │ [A-0004] ┆ [C-0004] Emma Sjö    ┆ [V-0004] Fatima Ali   ┆ pågår  ┆ 2026-05-11 ┆ 2026-06-01 ┆           │
    │ [A-0005] ┆ [C-0005] Elsa Lind   ┆ [V-0003] Anna Åberg   ┆ pågår  ┆ 2026-02-16 ┆ 2026-03-01 ┆           │
    │ [A-0006] ┆ [C-0006] Johan Ek    ┆ [V-0005] Bertil Öst   ┆ pågår  ┆ 2026-04-08 ┆ 2026-04-15 ┆           │
    │ [A-0007] ┆ [C-0007] Omar Haddad ┆ [V-0006] David Rahimi ┆ pågår  ┆ 2026-03-05 ┆ 2026-03-16 ┆           │
    ╰──────────┴──────────────────────┴───────────────────────┴────────┴────────────┴────────────┴───────────╯
    ");
}
