//! The records directory under git, and kept private: `--commit` commits exactly what a command
//! wrote with a message naming ids only, the pre-commit hook refuses broken records, `fmt`
//! keeps the layout canonical, and what kontakt creates is its owner's only.
mod common;

use std::path::Path;

use common::{Kit, git, git_output};

#[test]
fn commit_takes_exactly_the_files_written_with_ids_only_in_the_message() {
    let kit = Kit::new();
    let r = kit.run(&[
        "--commit",
        "apply",
        "client",
        "--name",
        "Elsa Lind",
        "--pnr",
        &common::pnr_born(2012, 0),
    ]);
    assert!(r.stderr.contains("not in a git repository"), "{}", r.stderr);
    assert_eq!(r.code, 0, "the record is written even so");
    git(&kit.dir, &["init", "-q"]);
    git(&kit.dir, &["add", "-A"]);
    git(&kit.dir, &["commit", "-qm", "start"]);
    // Someone's unrelated work in progress stays staged and out of kontakt's commit.
    std::fs::write(kit.dir.join("NOTES.md"), "utkast").unwrap();
    git(&kit.dir, &["add", "NOTES.md"]);
    let r = kit.run(&[
        "--commit",
        "apply",
        "client",
        "--name",
        "Omar Haddad",
        "--pnr",
        &common::pnr_born(2008, 0),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let id = r.stdout.split_whitespace().next().unwrap().to_string();
    let subject = git(&kit.dir, &["log", "-1", "--format=%s"]);
    assert_eq!(subject.trim(), format!("kontakt apply: {id}"));
    let files = git(&kit.dir, &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), format!("clients/{id}.toml"));
    let staged = git(&kit.dir, &["diff", "--cached", "--name-only"]);
    assert_eq!(staged.trim(), "NOTES.md");
    let log = git(&kit.dir, &["log", "--format=%B"]);
    assert!(!log.contains("Omar") && !log.contains("Haddad"), "{log}");
}

#[test]
fn the_pre_commit_hook_refuses_staged_records_that_fail_check() {
    let kit = Kit::new();
    git(&kit.dir, &["init", "-q"]);
    let r = kit.run(&["hooks", "install"]).ok();
    assert!(r.stdout.contains("pre-commit"), "{}", r.stdout);
    let id = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Maja Nilsson",
            "--pnr",
            &common::pnr_born(1996, 0),
        ])
        .id();
    git(&kit.dir, &["add", "-A"]);
    git(&kit.dir, &["commit", "-qm", "a good record"]);
    let rel = format!("clients/{id}.toml");
    let text = kit.read(&rel);
    std::fs::write(kit.dir.join(&rel), text.replace("name = ", "nam = ")).unwrap();
    git(&kit.dir, &["add", "-A"]);
    let out = git_output(&kit.dir, &["commit", "-qm", "a broken record"]);
    assert!(!out.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("E002") && said.contains("kontakt check found problems"),
        "{said}"
    );
}

#[test]
fn fmt_check_names_files_out_of_layout_and_fmt_fixes_them_keeping_comments() {
    let kit = Kit::new();
    let id = kit
        .run(&[
            "apply",
            "client",
            "--name",
            "Nils Strand",
            "--pnr",
            &common::pnr_born(1950, 0),
        ])
        .id();
    kit.run(&["fmt", "--check"]).ok();
    let rel = format!("clients/{id}.toml");
    let text = kit.read(&rel);
    // Fields out of order, odd spacing, and a person's comment.
    let mut lines: Vec<&str> = text.lines().collect();
    lines.swap(2, 3);
    let messy = format!(
        "# Ring före besök\n{}\n",
        lines.join("\n").replace(" = ", "   =   ")
    );
    std::fs::write(kit.dir.join(&rel), &messy).unwrap();
    let r = kit.run(&["fmt", "--check"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains(&id), "{}", r.stdout);
    assert_eq!(kit.read(&rel), messy, "--check changes nothing");
    kit.run(&["fmt"]).ok();
    kit.run(&["fmt", "--check"]).ok();
    let formatted = kit.read(&rel);
    assert!(formatted.contains("# Ring före besök"), "{formatted}");
    kit.run(&["check"]).ok();
}

#[cfg(unix)]
#[test]
fn what_kontakt_creates_is_its_owners_only_and_check_warns_about_open_directories() {
    use std::os::unix::fs::PermissionsExt;
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(0);
    let a = kit.run(&["match", "propose", &c, &v]).id();
    kit.agree(&a, "2026-03-01", true).ok();
    kit.today = "2026-04-02".into();
    // Three of the 4.4 weekly meetings: not far short, so `check` has nothing to warn of.
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--meeting",
        "2026-03-05",
        "--meeting",
        "2026-03-12",
        "--meeting",
        "2026-03-19",
    ])
    .ok();
    kit.run(&["report", "approve", &a, "2026-03"]).ok();
    kit.run(&["pay", "2026-03"]).ok();
    fn walk(p: &Path, out: &mut Vec<(std::path::PathBuf, u32)>) {
        for e in std::fs::read_dir(p).unwrap() {
            let p = e.unwrap().path();
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            out.push((p.clone(), mode));
            if p.is_dir() {
                walk(&p, out);
            }
        }
    }
    let mut all = Vec::new();
    walk(&kit.dir, &mut all);
    assert!(all.len() > 8, "{all:?}");
    for (p, mode) in &all {
        let want = if p.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(*mode, want, "{}", p.display());
    }
    assert!(kit.run(&["check"]).ok().stderr.is_empty());
    std::fs::set_permissions(&kit.dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let r = kit.run(&["check"]).ok();
    assert!(
        r.stderr.contains("warning") && r.stderr.contains("read by others"),
        "{}",
        r.stderr
    );
}

/// Every file of the demo, written by kontakt's own commands over a year (new keys added to
/// files already there: a decision's notice, an appeal's steps, a family's home visit), is in
/// the layout `kontakt fmt` gives: an edit puts a new key where the layout has it.
#[test]
fn what_kontakt_writes_is_what_fmt_writes() {
    let kit = Kit::demo();
    let r = kit.run(&["fmt", "--check"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
}
