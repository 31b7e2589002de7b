//! Retention that keeps what must be kept (socialtjänstförordningen 7 kap. 2 §, LSS, volunteers'
//! files, a municipality that keeps everything), says why for every file, and leaves no culled
//! person in derived data however the process ends.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::{Kit, copy_dir, kontakt_raw, test_pnrs};
use rand::{RngExt, SeedableRng};

/// Test numbers (YYYYMMDD-NNNN) born in `year` on a day of the month `day_ok` accepts.
fn born(year: &str, day_ok: impl Fn(u32) -> bool) -> Vec<String> {
    test_pnrs()
        .into_iter()
        .filter(|p| p.starts_with(year) && day_ok(p[6..8].parse().unwrap()))
        .map(|p| format!("{}-{}", &p[..8], &p[8..]))
        .collect()
}

/// A client who applied and was denied in January 2020, with `basis`.
fn denied_client(kit: &mut Kit, pnr: &str, basis: &str) -> String {
    kit.today = "2020-01-20".into();
    let c = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Gammal Akt",
            "--pnr",
            pnr,
            "--basis",
            basis,
            "--applied",
            "2020-01-10",
        ])
        .id();
    kit.run(&[
        "screen",
        "client",
        &c,
        "--deny",
        "Behovet tillgodoses annars",
    ])
    .ok();
    c
}

fn plan(kit: &Kit) -> serde_json::Value {
    kit.json(&["gallra", "--dry-run"])
}

fn culled(plan: &serde_json::Value, list: &str) -> Vec<String> {
    plan[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

fn kept<'p>(plan: &'p serde_json::Value, id: &str) -> &'p serde_json::Value {
    plan["kept"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == id)
        .unwrap_or_else(|| panic!("{id} not kept: {plan}"))
}

fn set_retention(kit: &Kit, lines: &str) {
    let path = kit.dir.join("kontakt.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("[retention]").unwrap();
    let end = start + text[start..].find("\n[git]").unwrap();
    let text = format!("{}[retention]\n{lines}\n{}", &text[..start], &text[end..]);
    std::fs::write(&path, text).unwrap();
}

#[test]
fn research_days_and_lss_files_are_kept_for_the_archive_and_the_rest_culled() {
    let mut kit = Kit::new();
    let research = &born("1990", |d| [5, 15, 25].contains(&d))[0];
    let ordinary = born("1990", |d| ![5, 15, 25].contains(&d));
    let kept_c = denied_client(&mut kit, research, "sol");
    let culled_c = denied_client(&mut kit, &ordinary[0], "sol");
    let lss_c = denied_client(&mut kit, &ordinary[1], "lss");
    kit.today = "2026-11-24".into();
    let p = plan(&kit);
    assert_eq!(culled(&p, "clients"), vec![culled_c.clone()], "{p}");
    let k = kept(&p, &kept_c);
    assert_eq!(k["why"], "research", "{k}");
    assert_eq!(k["archive"], true);
    let day: u32 = research[6..8].parse().unwrap();
    assert_eq!(k["day"], day);
    assert_eq!(kept(&p, &lss_c)["why"], "lss");
    // Said per file, with the reason, in Swedish too.
    let sv = kit
        .run(&["--lang", "sv", "gallra", "--dry-run"])
        .ok()
        .stdout;
    assert!(
        sv.contains("bevaras för forskning (SoF 7 kap. 2 §)"),
        "{sv}"
    );
    assert!(sv.contains("en LSS-akt: arkiveras"), "{sv}");
    // LSS files culled like SoL files where the municipality says so.
    set_retention(&kit, "lss = \"cull\"");
    let p = plan(&kit);
    let mut got = culled(&p, "clients");
    got.sort();
    let mut want = vec![culled_c.clone(), lss_c.clone()];
    want.sort();
    assert_eq!(got, want);
    // A municipality that keeps every file culls nothing.
    set_retention(&kit, "keep_all = true");
    let p = plan(&kit);
    assert!(culled(&p, "clients").is_empty(), "{p}");
    assert_eq!(kept(&p, &culled_c)["why"], "keep_all");
    // Out of bounds is refused with the line.
    set_retention(&kit, "research_days = [5, 15, 32]");
    kit.run(&["gallra"]).refused(2, "research_days");
}

#[test]
fn a_childs_file_may_be_kept_until_an_age() {
    let mut kit = Kit::new();
    let child = &born("2012", |d| ![5, 15, 25].contains(&d))[0];
    let c = denied_client(&mut kit, child, "sol");
    kit.today = "2026-11-24".into();
    assert_eq!(culled(&plan(&kit), "clients"), vec![c.clone()]);
    set_retention(&kit, "child_until_age = 30");
    let p = plan(&kit);
    let k = kept(&p, &c);
    assert_eq!(k["why"], "child");
    assert_eq!(
        k["until"].as_str().unwrap(),
        format!("2042-{}-{}", &child[4..6], &child[6..8])
    );
    kit.today = "2042-12-31".into();
    assert_eq!(culled(&plan(&kit), "clients"), vec![c]);
}

#[test]
fn volunteers_files_are_culled_only_when_configured_and_never_while_they_serve() {
    let mut kit = Kit::new();
    kit.today = "2020-03-01".into();
    let ordinary = born("1980", |d| ![5, 15, 25].contains(&d));
    let rejected = kit
        .run(&[
            "apply",
            "volunteer",
            "--name",
            "Avslagen",
            "--pnr",
            &ordinary[0],
            "--applied",
            "2020-02-01",
        ])
        .id();
    kit.run(&["screen", "volunteer", &rejected, "--reject", "Olämplig"])
        .ok();
    kit.today = "2026-03-01".into();
    let (_, serving) = kit.ready_pair(3);
    kit.today = "2026-11-24".into();
    let p = plan(&kit);
    assert!(culled(&p, "volunteers").is_empty());
    assert_eq!(kept(&p, &rejected)["why"], "no_volunteer_rule");
    set_retention(&kit, "volunteer_years = 5");
    let p = plan(&kit);
    assert_eq!(culled(&p, "volunteers"), vec![rejected.clone()], "{p}");
    assert_eq!(kept(&p, &serving)["why"], "in_use");
    kit.run(&["gallra", "--confirm"]).ok();
    assert!(!kit.dir.join(format!("volunteers/{rejected}.toml")).exists());
    assert!(kit.read("culled.toml").contains(&rejected));
    kit.run(&["check"]).ok();
}

/// Every byte under `.kontakt`, as text.
fn derived(dir: &std::path::Path) -> String {
    let mut all = String::new();
    let mut stack = vec![dir.join(".kontakt")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                all.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
    }
    all
}

#[test]
fn a_killed_cull_leaves_no_culled_person_in_derived_data() {
    let mut kit = Kit::new();
    let pnrs: Vec<String> = born("1990", |d| ![5, 15, 25].contains(&d))
        .into_iter()
        .take(12)
        .collect();
    let clients: Vec<(String, String)> = pnrs
        .iter()
        .map(|p| (denied_client(&mut kit, p, "sol"), p.replace('-', "")))
        .collect();
    kit.today = "2026-11-24".into();
    // Files old enough to be cached, and the index built.
    std::thread::sleep(Duration::from_millis(2100));
    kit.run(&["check"]).ok();
    kit.run(&["find", "Gammal"]).ok();
    assert!(
        derived(&kit.dir).contains(&clients[0].1),
        "derived data holds them before"
    );
    let tmp = tempfile::tempdir().unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(17);
    let bin = env!("CARGO_BIN_EXE_kontakt");
    let (mut gone, mut rounds) = (0, 0);
    for round in 0..40 {
        let dir = tmp.path().join(format!("r{round}"));
        copy_dir(&kit.dir, &dir);
        let mut child = Command::new(bin)
            .envs(common::GIT_IDENTITY)
            .arg("--records")
            .arg(&dir)
            .args(["--today", "2026-11-24", "gallra", "--confirm"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.random_range(0..40_000)));
        let _ = child.kill();
        let _ = child.wait();
        // As the kill left it, and after the next command finished or dropped an interrupted
        // transaction: a file gone has taken its person with it.
        for when in ["killed", "repaired"] {
            if when == "repaired" {
                kontakt_raw(&dir, &["check", "--repair"]);
            }
            let text = derived(&dir);
            for (id, pnr) in &clients {
                if !dir.join(format!("clients/{id}.toml")).exists() {
                    gone += 1;
                    assert!(
                        !text.contains(pnr.as_str()),
                        "round {round}, {when}: {id} culled, its number stays"
                    );
                }
            }
        }
        rounds += 1;
    }
    eprintln!("{rounds} kills of gallra --confirm: {gone} culled files checked");
}
