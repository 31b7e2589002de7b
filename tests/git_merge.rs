//! Two offices on two branches of one records repository, each adding a hundred cases, their
//! reports and a pay run for a different month: the merge has no conflicts and `check` is clean.
mod common;

use common::{Kit, git};

/// One office's work: 100 clients and 10 volunteers by batch, 10 of the clients granted and
/// matched, agreements, a month's reports approved, and the month's pay run; committed.
fn office(kit: &mut Kit, pnrs: &[String], month: &str, branch: &str) {
    git(&kit.dir, &["checkout", "-q", "-b", branch, "main"]);
    kit.today = format!("{month}-01");
    let tmp = kit.dir.parent().unwrap();
    let mut clients = String::from("name,pnr,area,interests\n");
    for (i, p) in pnrs[..100].iter().enumerate() {
        clients.push_str(&format!("Klient {branch} {i},{p},Norr,fika\n"));
    }
    let mut vols = String::from("name,pnr,area,interests,capacity\n");
    for (i, p) in pnrs[100..110].iter().enumerate() {
        vols.push_str(&format!("Volontär {branch} {i},{p},Norr,fika,1\n"));
    }
    let cf = tmp.join(format!("{branch}-clients.csv"));
    let vf = tmp.join(format!("{branch}-volunteers.csv"));
    std::fs::write(&cf, clients).unwrap();
    std::fs::write(&vf, vols).unwrap();
    let cids: Vec<String> = kit.json(&["apply", "client", "--from", cf.to_str().unwrap()])["ids"]
        .as_array()
        .unwrap_or_else(|| panic!("ids"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let vids: Vec<String> =
        kit.json(&["apply", "volunteer", "--from", vf.to_str().unwrap()])["ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
    assert_eq!((cids.len(), vids.len()), (100, 10));
    let first = format!("{month}-01");
    for (c, v) in cids.iter().zip(&vids) {
        kit.run(&[
            "screen",
            "client",
            c,
            "--grant",
            "--from",
            &first,
            "--to",
            "2027-06-30",
        ])
        .ok();
        kit.run(&[
            "screen",
            "volunteer",
            v,
            "--interview",
            &first,
            "--reference",
            "A:ok",
            "--reference",
            "B:ok",
            "--police-extract",
            &first,
            "--social-register",
            &first,
            "--approve",
        ])
        .ok();
        let a = kit.run(&["match", "propose", c, v]).id();
        kit.agree(&a, &first, true).ok();
        kit.today = format!("{month}-28");
        kit.run(&["report", &a, month, "--meeting", &format!("{month}-15")])
            .ok();
        kit.today = first.clone();
    }
    let next: kontakt::model::Month = month.parse::<kontakt::model::Month>().unwrap().next();
    kit.today = format!("{next}-05");
    kit.run(&["report", "approve", "--month", month, "--all"])
        .ok();
    let paid = kit.json(&["pay", month]);
    assert_eq!(paid["lines"].as_array().unwrap().len(), 20, "{paid}");
    git(&kit.dir, &["add", "-A"]);
    git(&kit.dir, &["commit", "-qm", &format!("office {branch}")]);
}

#[test]
fn two_offices_merge_without_conflicts_and_check_stays_clean() {
    let mut kit = Kit::new();
    git(&kit.dir, &["init", "-q", "-b", "main"]);
    git(&kit.dir, &["add", "-A"]);
    git(&kit.dir, &["commit", "-qm", "records"]);
    let pnrs: Vec<String> = common::test_pnrs()
        .into_iter()
        .filter(|p| {
            p[..4]
                .parse::<i32>()
                .is_ok_and(|y| (1950..2000).contains(&y))
        })
        .collect();
    office(&mut kit, &pnrs[..110], "2026-09", "norr");
    office(&mut kit, &pnrs[110..220], "2026-10", "soder");
    git(&kit.dir, &["checkout", "-q", "main"]);
    git(&kit.dir, &["merge", "-q", "--no-edit", "norr"]);
    git(&kit.dir, &["merge", "-q", "--no-edit", "soder"]);
    assert!(git(&kit.dir, &["status", "--porcelain"]).is_empty());
    kit.today = "2026-11-10".into();
    kit.run(&["check"]).ok();
    let clients = kit.json(&["list", "clients"]);
    assert_eq!(clients.as_array().unwrap().len(), 200);
    let runs = kit.json(&["list", "payruns"]);
    assert_eq!(runs.as_array().unwrap().len(), 2);
    // Nothing either office paid is paid again after the merge.
    let plan = kit.json(&["pay", "2026-10", "--dry-run"]);
    assert!(plan["lines"].as_array().unwrap().is_empty(), "{plan}");
}
