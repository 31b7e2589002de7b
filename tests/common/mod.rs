//! What the end-to-end tests share: a scratch records directory and the binary run as a user would.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const TODAY: &str = "2026-11-24";

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Skatteverket's test personnummer, read from `../shared` (never copied into the repository).
pub fn test_pnrs() -> Vec<String> {
    let path = repo().join("../shared/reference/personnummer/skatteverket-testpersonnummer.txt");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The test numbers (12 digits, no separator) that start with `prefix`: a century (`"19"`), a
/// decade (`"197"`) or a year (`"1975"`), in the file's order.
pub fn test_pnrs_starting(prefix: &str) -> Vec<String> {
    test_pnrs()
        .into_iter()
        .filter(|p| p.starts_with(prefix))
        .collect()
}

/// The first test number born in `year` (as `YYYYMMDD-NNNN`), and then the next ones.
pub fn pnr_born(year: i32, nth: usize) -> String {
    let n = test_pnrs()
        .into_iter()
        .filter(|p| p.starts_with(&year.to_string()))
        .nth(nth)
        .unwrap_or_else(|| panic!("no test number {nth} for {year}"));
    format!("{}-{}", &n[..8], &n[8..])
}

/// A git identity for commits made in tests (by git here, or by kontakt's `--commit`).
pub const GIT_IDENTITY: [(&str, &str); 4] = [
    ("GIT_AUTHOR_NAME", "Handläggare"),
    ("GIT_AUTHOR_EMAIL", "h@example.org"),
    ("GIT_COMMITTER_NAME", "Handläggare"),
    ("GIT_COMMITTER_EMAIL", "h@example.org"),
];

/// `git -C dir ARGS` with the test identity, whatever its outcome.
pub fn git_output(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .envs(GIT_IDENTITY)
        .output()
        .unwrap()
}

/// `git -C dir ARGS`, which must succeed; its stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_output(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap();
        if name == ".kontakt" || name == ".git" {
            continue;
        }
        if p.is_dir() {
            copy_dir(&p, &to.join(name));
        } else {
            std::fs::copy(&p, to.join(name)).unwrap();
        }
    }
}

/// The binary run raw on `dir` on [`TODAY`] with the test git identity, as the tests that run
/// processes side by side or kill them do: no locale or colour settings, its whole output.
pub fn kontakt_raw<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S]) -> std::process::Output {
    kontakt_raw_command(dir).args(args).output().unwrap()
}

/// [`kontakt_raw`] before its command's arguments are given and it is run, for a test that
/// spawns the process itself (to kill it, or to wire its pipes).
pub fn kontakt_raw_command(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kontakt"));
    cmd.envs(GIT_IDENTITY)
        .arg("--records")
        .arg(dir)
        .args(["--today", TODAY]);
    cmd
}

/// Every file under `dir` with its bytes, except kontakt's local state (`.kontakt/`: the lock,
/// caches), sorted: to prove a refusal wrote nothing.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(p: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for e in std::fs::read_dir(p).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().is_some_and(|n| n == ".kontakt") {
                continue;
            }
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, &mut v);
    v.sort();
    v
}

/// A records directory in a temporary place, fresh from `init` or copied from the demo.
pub struct Kit {
    _tmp: tempfile::TempDir,
    pub dir: PathBuf,
    pub today: String,
}

pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    /// The first whitespace-separated word of stdout: the id a creating command prints.
    pub fn id(&self) -> String {
        assert_eq!(self.code, 0, "{}", self.stderr);
        self.stdout.split_whitespace().next().unwrap().to_string()
    }
    pub fn ok(self) -> Ran {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }
    pub fn refused(self, code: i32, needle: &str) -> Ran {
        assert_eq!(
            self.code, code,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.contains(needle),
            "{needle:?} not in stderr: {}",
            self.stderr
        );
        self
    }
}

/// The terms most tests agree on: 1/week, fee category 1 at 20 %, expense level 1.
pub const USUAL_TERMS: &[&str] = &[
    "--meetings",
    "1/week",
    "--fee-category",
    "1",
    "--fee-percent",
    "20",
    "--expense-level",
    "1",
];

impl Kit {
    pub fn new() -> Kit {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("records");
        let kit = Kit {
            _tmp: tmp,
            dir,
            today: TODAY.into(),
        };
        kit.run(&["init", kit.dir.to_str().unwrap()]).ok();
        kit
    }

    pub fn demo() -> Kit {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("records");
        copy_dir(&repo().join("records"), &dir);
        Kit {
            _tmp: tmp,
            dir,
            today: TODAY.into(),
        }
    }

    pub fn run(&self, args: &[&str]) -> Ran {
        self.run_with(&[], args)
    }

    /// [`Kit::run`] with more environment, e.g. `("COLUMNS", "120")`.
    pub fn run_with(&self, envs: &[(&str, &str)], args: &[&str]) -> Ran {
        let out = Command::cargo_bin("kontakt")
            .unwrap()
            .env_remove("KONTAKT_RECORDS")
            .env_remove("KONTAKT_TODAY")
            .env("NO_COLOR", "1")
            // English unless a test asks (`--lang`), whatever the machine's locale.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .envs(GIT_IDENTITY)
            .envs(envs.iter().copied())
            .arg("--records")
            .arg(&self.dir)
            .args(["--today", &self.today])
            .args(args)
            .output()
            .unwrap();
        Ran {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs a command line written as one string (arguments without spaces), so that long
    /// invocations read as a person types them.
    pub fn cmd(&self, line: &str) -> Ran {
        let args: Vec<&str> = line.split_whitespace().collect();
        self.run(&args)
    }

    /// The client of assignment `a`, by `show`.
    pub fn client_of(&self, a: &str) -> String {
        self.json(&["show", a])["client"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The volunteer of assignment `a`, by `show`.
    pub fn volunteer_of(&self, a: &str) -> String {
        self.json(&["show", a])["volunteer"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let r = self.run(&all).ok();
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.join(rel)).unwrap()
    }

    /// Every file under the records directory with its bytes, to prove a refusal wrote nothing
    /// (see [`snapshot`]).
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        snapshot(&self.dir)
    }

    /// Records the usual terms (1/week, fee category 1 at 20 %, expense level 1) from `start`,
    /// signed that day when `signed`.
    pub fn agree(&self, assignment: &str, start: &str, signed: bool) -> Ran {
        let mut args = vec!["agree", assignment, "--start", start];
        args.extend_from_slice(USUAL_TERMS);
        if signed {
            args.extend_from_slice(&["--signed", start, "--confidentiality-signed", start]);
        }
        self.run(&args)
    }

    /// A client with a granted decision and a volunteer approved, both ready to be matched.
    pub fn ready_pair(&self, nth: usize) -> (String, String) {
        let c = self
            .run(&[
                "apply",
                "client",
                "--name",
                "Klient Test",
                "--pnr",
                &pnr_born(1990, nth),
                "--area",
                "Centrum",
                "--interests",
                "fotboll,musik",
                "--languages",
                "sv",
                "--applied",
                "2026-01-10",
            ])
            .id();
        self.run(&[
            "screen",
            "client",
            &c,
            "--grant",
            "--from",
            "2026-02-01",
            "--to",
            "2027-01-31",
        ])
        .ok();
        let v = self
            .run(&[
                "apply",
                "volunteer",
                "--name",
                "Volontär Test",
                "--pnr",
                &pnr_born(1980, nth),
                "--area",
                "Centrum",
                "--interests",
                "fotboll",
                "--languages",
                "sv,en",
                "--availability",
                "weekend",
                "--capacity",
                "2",
                "--applied",
                "2026-01-05",
            ])
            .id();
        self.run(&[
            "screen",
            "volunteer",
            &v,
            "--interview",
            "2026-01-20",
            "--reference",
            "Ref Ett:ok",
            "--reference",
            "Ref Två:ok",
            "--police-extract",
            "2026-01-15",
            "--social-register",
            "2026-01-16",
            "--approve",
        ])
        .ok();
        (c, v)
    }
}

/// The lines of a pay plan (`pay --json`): (period, kind, amount in öre).
pub fn plan_lines(plan: &serde_json::Value) -> Vec<(String, String, i64)> {
    plan["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["period"].as_str().unwrap().to_string(),
                l["kind"].as_str().unwrap().to_string(),
                l["amount_ore"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// Why a pay plan (`pay --json`) left periods out, each as `"PERIOD REASON"`.
pub fn plan_reasons(plan: &serde_json::Value) -> Vec<String> {
    plan["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["period"].as_str().unwrap(),
                e["reason"].as_str().unwrap()
            )
        })
        .collect()
}

/// `file` checked against the PAXml schema in `../shared/reference`: Some((valid, what xmllint
/// said)). xmllint is installed by .ci/run; outside CI a missing xmllint skips the check loudly
/// (None).
pub fn xmllint_paxml(file: &Path) -> Option<(bool, String)> {
    if std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have xmllint (.ci/run installs libxml2-utils)"
        );
        eprintln!("xmllint not installed: schema validation skipped");
        return None;
    }
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(repo().join("../shared/reference/paxml/paxml.xsd"))
        .arg(file)
        .output()
        .unwrap();
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// Crockford's base-32 alphabet, as `src/model/id.rs` draws ids from it.
const ID_ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Output with what is generated made stable, for snapshots: record ids (`C-7Q2K9M`, `V-…`,
/// `A-…`, pay runs `P-…`) become `[C-0001]`, `[V-0001]`, … numbered by first appearance per
/// kind, as wide as an id so that tables stay aligned; hex strings of seven characters or more
/// holding a digit and a letter (hashes, commits) become `[HASH1]`, …; the temporary directory,
/// and tempfile's directories in it, become `[TMP]`. The same id gets the same placeholder
/// throughout one text.
pub fn redact(text: &str) -> String {
    let tmp = std::env::temp_dir();
    let tmp = tmp.to_string_lossy();
    let tmp = tmp.trim_end_matches('/');
    let mut text = if tmp.is_empty() {
        text.to_string()
    } else {
        text.replace(tmp, "[TMP]")
    };
    // tempfile's directories, `[TMP]/.tmpAb12Cd`, read `[TMP]`.
    let mut from = 0;
    while let Some(at) = text[from..].find("[TMP]/.tmp") {
        let start = from + at + "[TMP]".len();
        let name = start + "/.tmp".len();
        let end = text[name..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(text.len(), |n| name + n);
        text.replace_range(start..end, "");
        from = start;
    }
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut counts: std::collections::HashMap<char, usize> = std::collections::HashMap::new();
    let mut placeholder = |kind: char, word: &str| -> String {
        seen.entry(word.to_string())
            .or_insert_with(|| {
                let n = counts.entry(kind).or_insert(0);
                *n += 1;
                if kind == '#' {
                    format!("[HASH{n}]")
                } else {
                    // As wide as the id, so that tables stay aligned.
                    format!("[{kind}-{n:04}]")
                }
            })
            .clone()
    };
    let chars: Vec<char> = text.chars().collect();
    let word_char = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if i > 0 && word_char(chars[i - 1]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A record id: kind letter, dash, six characters, and no word character after.
        let is_id = i + 8 <= chars.len()
            && "CVAP".contains(chars[i])
            && chars[i + 1] == '-'
            && chars[i + 2..i + 8].iter().all(|c| ID_ALPHABET.contains(*c))
            && chars.get(i + 8).is_none_or(|c| !word_char(*c));
        if is_id {
            let word: String = chars[i..i + 8].iter().collect();
            out.push_str(&placeholder(chars[i], &word));
            i += 8;
            continue;
        }
        // A hex string: a whole word of hex digits, seven or more, with a digit and a letter.
        let end = (i..chars.len())
            .find(|&j| !word_char(chars[j]))
            .unwrap_or(chars.len());
        let word: String = chars[i..end].iter().collect();
        let is_hex = word.len() >= 7
            && word.chars().all(|c| c.is_ascii_hexdigit())
            && word.chars().any(|c| c.is_ascii_digit())
            && word.chars().any(|c| c.is_ascii_alphabetic());
        if is_hex {
            out.push_str(&placeholder('#', &word));
            i = end;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

impl Kit {
    /// What a person sees of `kontakt ARGS` in a terminal 120 columns wide, redacted for a
    /// snapshot (see [`redact`]): stdout, then stderr and the exit status when there are any;
    /// the records directory reads `[RECORDS]`.
    pub fn seen(&self, args: &[&str]) -> String {
        let r = self.run_with(&[("COLUMNS", "120")], args);
        let mut s = r.stdout.clone();
        if !r.stderr.is_empty() {
            s.push_str("--- stderr ---\n");
            s.push_str(&r.stderr);
        }
        if r.code != 0 {
            s.push_str(&format!("--- exit {} ---\n", r.code));
        }
        redact(&s.replace(self.dir.to_str().unwrap(), "[RECORDS]"))
    }

    /// A signed agreement from `start` on the usual terms (987 kr fee, 493 kr expenses a month
    /// in 2026) for the `nth` ready pair, made on 2026-03-01; its assignment id.
    pub fn agreed(&mut self, nth: usize, start: &str) -> String {
        self.today = "2026-03-01".into();
        let (c, v) = self.ready_pair(nth);
        let a = self.run(&["match", "propose", &c, &v]).id();
        self.agree(&a, start, true).ok();
        a
    }
}
