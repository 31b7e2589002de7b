//! Hostile and broken input: a corpus of bad records (tests/corpus/records, each file saying where
//! it goes and which code on which line `check` must report), bad CSV imports and bad options.
//! Every one gives a non-zero exit, a message naming the file and line (or the option), no panic,
//! and a records directory left byte-for-byte as it was.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{copy_dir, kontakt_raw, snapshot, test_pnrs_starting};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A records directory with one client (the second 1975 test number: corpus file
/// `same-person-twice` uses it) and one approved-looking volunteer.
fn base(tmp: &Path) -> PathBuf {
    let dir = tmp.join("records");
    assert!(
        kontakt_raw(tmp, &["init", dir.to_str().unwrap()])
            .status
            .success()
    );
    let p = test_pnrs_starting("1975");
    let out = kontakt_raw(
        &dir,
        &[
            "apply",
            "client",
            "--name",
            "Bas Klient",
            "--pnr",
            &p[1],
            "--applied",
            "2026-01-05",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    dir
}

fn no_panic(out: &Output) {
    let err = text(&out.stderr);
    assert!(
        !err.contains("panicked") && out.status.code().is_some(),
        "{err}"
    );
}

#[test]
fn every_bad_record_in_the_corpus_is_named_by_code_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let clean = base(tmp.path());
    let corpus = common::repo().join("tests/corpus/records");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 60, "the corpus has {} files", files.len());
    for (n, file) in files.iter().enumerate() {
        let body = std::fs::read_to_string(file).unwrap();
        let kind = body
            .lines()
            .next()
            .unwrap()
            .strip_prefix("# kind: ")
            .unwrap();
        let mut expect = body
            .lines()
            .nth(1)
            .unwrap()
            .strip_prefix("# expect: ")
            .unwrap()
            .split(' ');
        let (code, line) = (expect.next().unwrap(), expect.next().unwrap());
        let case = format!("{}", file.file_name().unwrap().to_string_lossy());

        let dir = tmp.path().join(format!("case-{n}"));
        copy_dir(&clean, &dir);
        let rel = match kind {
            "clients" => "clients/C-AAAAAA.toml",
            "volunteers" => "volunteers/V-AAAAAA.toml",
            "config" => "kontakt.toml",
            other => panic!("{case}: unknown kind {other}"),
        };
        std::fs::write(dir.join(rel), &body).unwrap();
        let before = snapshot(&dir);

        let check = kontakt_raw(&dir, &["check"]);
        no_panic(&check);
        assert_eq!(
            check.status.code(),
            Some(1),
            "{case}: {}",
            text(&check.stdout)
        );
        let want = format!("{}:{line}: {code} ", dir.join(rel).display());
        assert!(
            text(&check.stdout).lines().any(|l| l.starts_with(&want)),
            "{case}: expected `{want}…` in\n{}",
            text(&check.stdout)
        );

        // A file that does not parse stops any command that reads it, naming file and line.
        let unreadable = ["E001", "E002", "E003", "E004", "E005", "E007"].contains(&code);
        if unreadable {
            let show = if kind == "config" {
                kontakt_raw(&dir, &["list", "clients"])
            } else {
                kontakt_raw(&dir, &["show", "AAAAAA"])
            };
            no_panic(&show);
            assert_eq!(
                show.status.code(),
                Some(2),
                "{case}: {}",
                text(&show.stdout)
            );
            let err = text(&show.stderr);
            assert!(err.contains(&format!("{rel}:")), "{case}: {err}");
            // ... and a command that would write is refused without writing anything.
            let write = match kind {
                "volunteers" => kontakt_raw(
                    &dir,
                    &["screen", "volunteer", "AAAAAA", "--interview", "2026-03-03"],
                ),
                _ => kontakt_raw(&dir, &["screen", "client", "AAAAAA", "--deny", "prövning"]),
            };
            no_panic(&write);
            assert_ne!(write.status.code(), Some(0), "{case}");
        }
        let who = if kind == "volunteers" {
            "volunteer"
        } else {
            "client"
        };
        let apply = kontakt_raw(
            &dir,
            &[
                "apply",
                who,
                "--name",
                "Ny Person",
                "--pnr",
                &test_pnrs_starting("1976")[n],
            ],
        );
        no_panic(&apply);
        if unreadable {
            assert_eq!(
                apply.status.code(),
                Some(2),
                "{case}: apply must not read past a broken record"
            );
            assert_eq!(snapshot(&dir), before, "{case}: the records changed");
        }
    }
}

/// (file name, content, expected substring of the error)
fn bad_csvs(pnrs: &[String]) -> Vec<(&'static str, Vec<u8>, String)> {
    let (a, b, c) = (&pnrs[0], &pnrs[1], &pnrs[2]);
    let bad_check = format!("{}{}", &a[..11], (a.as_bytes()[11] - b'0' + 1) % 10);
    let long_name = "x".repeat(1_000_000);
    vec![
        (
            "missing-pnr-column.csv",
            b"name,area\nA,Norr\n".to_vec(),
            "line 1: missing column `pnr`".into(),
        ),
        (
            "unknown-column.csv",
            format!("name,pnr,shoe_size\nA,{a},42\n").into_bytes(),
            "line 1: unknown column `shoe-size`".into(),
        ),
        ("empty.csv", Vec::new(), "missing column `name`".into()),
        (
            "header-only.csv",
            b"name,pnr\n".to_vec(),
            "no rows below the header".into(),
        ),
        (
            "latin1.csv",
            [
                b"name,pnr\nJ".as_slice(),
                &[0xF6],
                format!("rgen,{a}\n").as_bytes(),
            ]
            .concat(),
            "line 2: not UTF-8".into(),
        ),
        (
            "bom-and-bad-row.csv",
            format!("\u{feff}name;pnr\nA;{a}\nB;{bad_check}\n").into_bytes(),
            "line 3: --pnr: the check digit is wrong".into(),
        ),
        (
            "extra-field.csv",
            format!("name,pnr\nA,{a},extra\n").into_bytes(),
            "line 2: 3 fields, the header has 2".into(),
        ),
        (
            "bad-date.csv",
            format!("name,pnr,applied\nA,{a},2026-02-30\n").into_bytes(),
            "line 2: column `applied`".into(),
        ),
        (
            "future-date.csv",
            format!("name,pnr,applied\nA,{a},2030-01-01\n").into_bytes(),
            "line 2: --applied".into(),
        ),
        (
            "same-person-twice.csv",
            format!("name,pnr\nA,{a}\nB,{b}\nA again,{a}\n").into_bytes(),
            "line 4: refused".into(),
        ),
        (
            "bad-gender.csv",
            format!("name,pnr,wants_gender\nA,{a},sometimes\n").into_bytes(),
            "line 2: column `wants-gender`".into(),
        ),
        (
            "empty-name.csv",
            format!("name,pnr\n,{a}\nB,{c}\n").into_bytes(),
            "line 2: --name".into(),
        ),
        (
            "very-long-line.csv",
            format!("name,pnr\n{long_name},{a}\n").into_bytes(),
            "line 2: --name".into(),
        ),
        (
            "unclosed-quote.csv",
            format!("name,pnr\n\"A,{a}\nB,{b}\n").into_bytes(),
            "line 2".into(),
        ),
    ]
}

#[test]
fn bad_csv_imports_write_nothing_and_name_every_bad_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = base(tmp.path());
    let pnrs = test_pnrs_starting("1980");
    for (name, content, expected) in bad_csvs(&pnrs) {
        let file = tmp.path().join(name);
        std::fs::write(&file, &content).unwrap();
        let before = snapshot(&dir);
        let out = kontakt_raw(&dir, &["apply", "client", "--from", file.to_str().unwrap()]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            err.contains(name),
            "{name}: the message must name the file: {err}"
        );
        assert!(
            err.contains(&expected),
            "{name}: expected `{expected}` in {}",
            &err[..err.len().min(2000)]
        );
        assert_eq!(snapshot(&dir), before, "{name}: the records changed");
    }
}

#[test]
fn bad_options_are_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = base(tmp.path());
    let p = test_pnrs_starting("1981");
    let bad_check = format!("{}{}", &p[0][..11], (p[0].as_bytes()[11] - b'0' + 1) % 10);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["apply", "client", "--name", "A", "--pnr", &bad_check],
            "--pnr: the check digit is wrong",
        ),
        (
            vec!["apply", "client", "--name", "A", "--pnr", "12345"],
            "--pnr",
        ),
        (
            vec![
                "apply",
                "client",
                "--name",
                "A",
                "--pnr",
                &p[1],
                "--applied",
                "2026-02-30",
            ],
            "--applied",
        ),
        (
            vec![
                "apply",
                "client",
                "--name",
                "A",
                "--pnr",
                &p[1],
                "--applied",
                "2027-01-01",
            ],
            "--applied",
        ),
        (
            vec![
                "apply",
                "client",
                "--name",
                "A",
                "--pnr",
                &p[1],
                "--wants-gender",
                "x",
            ],
            "--wants-gender",
        ),
        (
            vec!["apply", "client", "--name", "", "--pnr", &p[1]],
            "--name",
        ),
        (
            vec![
                "apply",
                "volunteer",
                "--name",
                "A",
                "--pnr",
                &p[2],
                "--capacity",
                "-1",
            ],
            "--capacity",
        ),
        (
            vec![
                "apply",
                "volunteer",
                "--name",
                "A",
                "--pnr",
                &p[2],
                "--capacity",
                "99999999999",
            ],
            "--capacity",
        ),
        (
            vec![
                "apply",
                "volunteer",
                "--name",
                "A",
                "--pnr",
                &p[2],
                "--capacity",
                "0",
            ],
            "--capacity",
        ),
        (
            vec![
                "apply",
                "volunteer",
                "--name",
                "A",
                "--pnr",
                &p[2],
                "--availability",
                "night",
            ],
            "--availability",
        ),
        (
            vec![
                "screen",
                "client",
                "C-",
                "--grant",
                "--from",
                "2026-01-01",
                "--to",
                "2026-13-01",
            ],
            "--to",
        ),
        (
            vec![
                "screen",
                "client",
                "C-",
                "--grant",
                "--from",
                "2026-01-01",
                "--to",
                "2026-06-01",
                "--meetings",
                "0/week",
            ],
            "--meetings",
        ),
        (
            vec!["screen", "volunteer", "V-ZZZZ", "--interview", "2026-01-01"],
            "no volunteer matches `V-ZZZZ`",
        ),
        (
            vec!["screen", "volunteer", "V-", "--reference", "no-verdict"],
            "--reference",
        ),
        (vec!["--today", "2026-13-01", "list", "clients"], "--today"),
        (
            vec!["list", "clients", "--status", "waiting-forever"],
            "--status",
        ),
        (vec!["show", ""], "no record matches"),
    ];
    for (args, expected) in cases {
        let before = snapshot(&dir);
        let out = kontakt_raw(&dir, &args);
        no_panic(&out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(expected),
            "{args:?}: expected `{expected}` in {}",
            text(&out.stderr)
        );
        assert_eq!(snapshot(&dir), before, "{args:?}: the records changed");
    }
}

/// An id that matches nothing is named with its kind, in Swedish with the noun's article
/// ("inget uppdrag", "ingen akt"), never the English word for the kind.
#[test]
fn an_id_that_matches_nothing_is_named_with_its_kind_in_swedish() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = base(tmp.path());
    let cases: [(&[&str], &str); 6] = [
        // Where any kind would do, the id's letter names the kind; a bare code names none.
        (&["show", "A-ZZZZZZ"], "inget uppdrag matchar `A-ZZZZZZ`"),
        (&["show", "ZZZZZZ"], "ingen akt matchar `ZZZZZZ`"),
        (
            &["report", "A-ZZZZZZ", "2026-10", "--meeting", "2026-10-05"],
            "inget uppdrag matchar `A-ZZZZZZ`",
        ),
        (
            &["screen", "volunteer", "V-ZZZZ", "--interview", "2026-01-01"],
            "ingen kontaktperson matchar `V-ZZZZ`",
        ),
        (
            &["update", "C-ZZZZ", "--phone", "070-1"],
            "ingen klient matchar `C-ZZZZ`",
        ),
        (
            &["update", "V-ZZZZ", "--phone", "070-1"],
            "ingen kontaktperson matchar `V-ZZZZ`",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["--lang", "sv"];
        all.extend_from_slice(args);
        let out = kontakt_raw(&dir, &all);
        no_panic(&out);
        let err = text(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            err.contains(expected),
            "{args:?}: expected `{expected}` in {err}"
        );
        for english in ["record", "assignment", "volunteer", "client"] {
            assert!(!err.contains(english), "{args:?}: {err}");
        }
    }
}

#[test]
fn a_records_directory_that_is_missing_or_not_a_directory_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for (dir, expected) in [
        (tmp.path().join("missing"), "cannot open records directory"),
        (file, "is not a directory"),
        (empty, "not a kontakt records directory"),
    ] {
        for args in [
            vec!["list", "clients"],
            vec!["check"],
            vec!["apply", "client", "--name", "A", "--pnr", "x"],
        ] {
            let out = kontakt_raw(&dir, &args);
            no_panic(&out);
            assert_eq!(out.status.code(), Some(2), "{dir:?} {args:?}");
            let err = text(&out.stderr);
            assert!(
                err.contains(expected) && err.contains(&dir.display().to_string()),
                "{err}"
            );
        }
    }
}

#[test]
fn a_records_directory_that_cannot_be_written_is_named_and_left_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = base(tmp.path());
    let p = test_pnrs_starting("1976");
    let apply = [
        "apply",
        "client",
        "--name",
        "Ny Klient",
        "--pnr",
        p[0].as_str(),
    ];
    // kontakt's state directory taken by a file: the lock cannot be made.
    let _ = std::fs::remove_dir_all(dir.join(".kontakt"));
    std::fs::write(dir.join(".kontakt"), "not a directory").unwrap();
    let before = snapshot(&dir);
    let out = kontakt_raw(&dir, &apply);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains(".kontakt") && err.contains("cannot"), "{err}");
    assert_eq!(snapshot(&dir), before);
    std::fs::remove_file(dir.join(".kontakt")).unwrap();
    // A read-only directory (root may write anyway, so only checked for other users).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let clients = dir.join("clients");
        std::fs::set_permissions(&clients, std::fs::Permissions::from_mode(0o500)).unwrap();
        let writable = std::fs::write(clients.join(".probe"), "x").is_ok();
        let _ = std::fs::remove_file(clients.join(".probe"));
        if !writable {
            let before = snapshot(&dir);
            let out = kontakt_raw(&dir, &apply);
            no_panic(&out);
            assert_eq!(out.status.code(), Some(2));
            assert!(
                text(&out.stderr).contains("clients"),
                "{}",
                text(&out.stderr)
            );
            assert_eq!(snapshot(&dir), before);
        }
        std::fs::set_permissions(&clients, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    assert!(
        kontakt_raw(&dir, &apply).status.success(),
        "writable again, it works"
    );
}

/// A personnummer never appears whole in what `check` or a listing says about a broken file,
/// whichever field a person typed it into; one written without quotes where it belongs reads.
#[test]
fn a_personnummer_typed_into_a_file_is_never_quoted_back_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = base(tmp.path());
    let number = test_pnrs_starting("19").remove(0).replace('-', "");
    let file = std::fs::read_dir(dir.join("clients"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("the base records' client");
    let original = std::fs::read_to_string(&file).unwrap();
    // In the wrong field (the name) and without quotes: the parser quotes the value back.
    let broken = original.replace("name = \"Bas Klient\"", &format!("name = {number}"));
    assert_ne!(broken, original);
    std::fs::write(&file, &broken).unwrap();
    for args in [&["check"][..], &["list", "clients"], &["--json", "check"]] {
        for lang in ["en", "sv"] {
            let out = kontakt_raw(&dir, &[&["--lang", lang][..], args].concat());
            no_panic(&out);
            let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
            assert_ne!(out.status.code(), Some(0), "{args:?}: {said}");
            assert!(!said.contains(&number[2..]), "{args:?} {lang}: {said}");
            assert!(
                said.contains(&format!("{}-****", &number[..8])),
                "{args:?} {lang}: {said}"
            );
        }
    }
    // The personnummer itself without quotes, as a person may write it: read as the number.
    let pnr_line = original.lines().find(|l| l.starts_with("pnr = ")).unwrap();
    let unquoted = pnr_line.replace('"', "");
    std::fs::write(&file, original.replace(pnr_line, &unquoted)).unwrap();
    let out = kontakt_raw(&dir, &["check"]);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(!said.contains("`pnr`"), "{said}");
}
