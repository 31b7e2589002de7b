//! Several kontakt processes changing one records directory at once: each operation is applied or
//! refused with a message, none is lost, and `check` is clean afterwards.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_kontakt");

fn test_numbers() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/reference/personnummer/skatteverket-testpersonnummer.txt"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("197"))
        .map(str::to_string)
        .collect()
}

fn kontakt(dir: &Path, args: &[String]) -> std::process::Output {
    Command::new(BIN)
        .arg("--records")
        .arg(dir)
        .args(["--today", "2026-11-24"])
        .args(args)
        .output()
        .unwrap()
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn four_writers_at_once_lose_nothing_and_never_register_a_person_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let dir: PathBuf = tmp.path().join("records");
    assert!(
        kontakt(tmp.path(), &s(&["init", dir.to_str().unwrap()]))
            .status
            .success()
    );
    let numbers = test_numbers();
    const WRITERS: usize = 4;
    const EACH: usize = 40;
    // Every writer registers its own 30 people, and 10 that every other writer also tries.
    let shared: Vec<String> = numbers[..10].to_vec();
    let results: Vec<Vec<(String, bool, String)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|w| {
                let dir = dir.clone();
                let own = numbers[10 + w * 30..10 + (w + 1) * 30].to_vec();
                let shared = shared.clone();
                scope.spawn(move || {
                    let mut done = Vec::new();
                    for (i, pnr) in own.iter().chain(shared.iter()).enumerate().take(EACH) {
                        let kind = if i % 2 == 0 { "client" } else { "volunteer" };
                        let out = kontakt(
                            &dir,
                            &s(&["apply", kind, "--name", "Samtidig Person", "--pnr", pnr]),
                        );
                        let msg = String::from_utf8_lossy(&out.stderr).into_owned();
                        assert!(
                            out.status.code() == Some(0) || out.status.code() == Some(1),
                            "{msg}"
                        );
                        done.push((format!("{kind}:{pnr}"), out.status.success(), msg));
                    }
                    done
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let all: Vec<&(String, bool, String)> = results.iter().flatten().collect();
    assert_eq!(all.len(), WRITERS * EACH);
    // Each person/kind applied for successfully exactly once; every refusal names the reason.
    let mut keys: Vec<&String> = all.iter().map(|(k, _, _)| k).collect();
    keys.sort();
    keys.dedup();
    for key in &keys {
        let ok = all.iter().filter(|(k, ok, _)| k == *key && *ok).count();
        assert_eq!(ok, 1, "{key} registered {ok} times");
    }
    for (_, ok, msg) in &all {
        if !ok {
            assert!(msg.contains("already has an open"), "{msg}");
        }
    }
    let files = std::fs::read_dir(dir.join("clients")).unwrap().count()
        + std::fs::read_dir(dir.join("volunteers")).unwrap().count();
    assert_eq!(files, keys.len(), "no operation lost");
    let check = kontakt(&dir, &s(&["check"]));
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn four_pay_runs_at_once_pay_the_month_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("records");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("records"), &dir);
    assert!(
        kontakt(
            &dir,
            &s(&["report", "approve", "--month", "2026-10", "--all"])
        )
        .status
        .success()
    );
    let before = std::fs::read_dir(dir.join("payruns")).unwrap().count();
    let outs: Vec<std::process::Output> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| kontakt(&dir, &s(&["pay", "2026-10"]))))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(outs.iter().all(|o| o.status.success()));
    let paid = outs
        .iter()
        .filter(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.starts_with("P-") && l.contains(" paid "))
        })
        .count();
    assert_eq!(paid, 1, "exactly one of the four runs pays");
    // One ledger entry and one payroll file more.
    assert_eq!(
        std::fs::read_dir(dir.join("payruns")).unwrap().count(),
        before + 2
    );
    assert!(kontakt(&dir, &s(&["check"])).status.success());
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}
