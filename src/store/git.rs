//! The records directory as a git repository: committing exactly the files a command wrote, and
//! the hooks that run `kontakt check` on what is committed and merged.

use crate::error::IoOp;
use crate::tr;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};

fn git(root: &Path, args: &[&str]) -> Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| Error::io(root, IoOp::RunGit, e))
}

/// `git config user.name` as seen from `root` (the repository's, else the user's global one).
pub fn user_name(root: &Path) -> Option<String> {
    let out = git(root, &["config", "user.name"]).ok()?;
    let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !name.is_empty()).then_some(name)
}

/// The repository's top directory, if `root` is inside one.
pub fn toplevel(root: &Path) -> Option<PathBuf> {
    let out = git(root, &["rev-parse", "--show-toplevel"]).ok()?;
    out.status
        .success()
        .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// The commit message for a command's writes: the command and the records, nothing personal
/// (ids and months only), e.g. `kontakt report: A-7Q2K9M 2026-10`.
pub fn message(command: &str, paths: &[PathBuf]) -> String {
    let mut names: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            let stem = p.file_stem()?.to_str()?;
            let parent = p
                .parent()
                .and_then(|d| d.file_name())
                .and_then(|d| d.to_str());
            let id_like = crate::model::Id::parse(stem).is_ok();
            Some(match parent {
                Some(month) if id_like && month.parse::<crate::model::Month>().is_ok() => {
                    format!("{stem} {month}")
                }
                _ if id_like => stem.to_string(),
                _ => p.file_name()?.to_str()?.to_string(),
            })
        })
        .collect();
    names.sort();
    names.dedup();
    let shown = names.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > 5 {
        format!("kontakt {command}: {shown} and {} more", names.len() - 5)
    } else {
        format!("kontakt {command}: {shown}")
    }
}

/// Commits exactly `paths` (relative to `root`), leaving anything else staged as it was.
pub fn commit(root: &Path, paths: &[PathBuf], message: &str) -> Result<()> {
    if toplevel(root).is_none() {
        return Err(Error::refused(vec![tr!(
            "{} is not in a git repository, so nothing was committed (the records were written); run `git init` there, or drop --commit",
            "{} ligger inte i ett git-arkiv, så inget checkades in (akterna skrevs); kör `git init` där, eller utelämna --commit",
            root.display()
        )]));
    }
    let mut add: Vec<&str> = vec!["add", "--"];
    let strs: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    add.extend(strs.iter().map(String::as_str));
    let out = git(root, &add)?;
    if !out.status.success() {
        return Err(git_failed("git add", &out));
    }
    let mut ci: Vec<&str> = vec!["commit", "--quiet", "-m", message, "--"];
    ci.extend(strs.iter().map(String::as_str));
    let out = git(root, &ci)?;
    if !out.status.success() {
        return Err(git_failed("git commit", &out));
    }
    Ok(())
}

fn git_failed(what: &str, out: &std::process::Output) -> Error {
    Error::refused(vec![tr!(
        "{what} failed (the records were written): {}",
        "{what} misslyckades (akterna skrevs): {}",
        String::from_utf8_lossy(&out.stderr).trim()
    )])
}

/// The hooks `kontakt hooks install` writes, each a shell script running `kontakt check`:
/// - `pre-commit`: on the staged records; a commit they fail is refused;
/// - `pre-merge-commit`: on the merged records before git commits a merge; a merge whose result
///   fails (two branches that paid the same month: E017, a line paid twice) is not committed;
/// - `post-merge`: on the records after any merge, a pull or a fast-forward included (and one
///   made with `--no-verify`): what it finds is reported, as git cannot undo a merge made.
///
/// A merge with conflicts is committed by `git commit`, which runs `pre-commit`.
pub const HOOKS: [&str; 3] = ["pre-commit", "pre-merge-commit", "post-merge"];

/// The script of one of [`HOOKS`], calling `kontakt` on the records at `prefix` (their folder
/// within the repository, empty at its top).
fn hook_script(hook: &str, kontakt: &Path, prefix: &str) -> String {
    let kontakt = kontakt.display().to_string().replace('\'', "'\\''");
    // What the hook says after `kontakt check` (which speaks the locale's language itself), in
    // the same language: Swedish when the locale kontakt reads (`LC_ALL`, `LC_MESSAGES`,
    // `LANG`) starts with `sv`.
    let say = |en: &str, sv: &str| {
        format!(
            "case \"${{LC_ALL:-${{LC_MESSAGES:-$LANG}}}}\" in\n    sv*) echo '{sv}' >&2 ;;\n    *) echo '{en}' >&2 ;;\n  esac"
        )
    };
    let staged = |what: &str, en: &str, sv: &str| {
        format!(
            "#!/bin/sh\n# Installed by `kontakt hooks install`: {what}\ntmp=$(mktemp -d) || exit 1\ntrap 'rm -rf \"$tmp\"' EXIT\ngit checkout-index -a --prefix=\"$tmp/\" || exit 1\n'{kontakt}' --records \"$tmp/{prefix}\" check || {{\n  {}\n  exit 1\n}}\n",
            say(en, sv)
        )
    };
    match hook {
        "pre-merge-commit" => staged(
            "a merge whose records fail `kontakt check` (a line paid twice by runs on both branches, E017) is not committed.",
            "kontakt check found problems in the merged records (E017 is a line paid twice by runs made on both branches); the merge was not committed: `git merge --abort` undoes it",
            "kontakt check fann fel i de sammanslagna akterna (E017 är en rad betald två gånger av körningar på båda grenarna); sammanslagningen gjordes inte: `git merge --abort` ångrar den",
        ),
        "post-merge" => format!(
            "#!/bin/sh\n# Installed by `kontakt hooks install`: after a merge (a pull, a fast-forward, one made with --no-verify), `kontakt check` on the records, so that a line paid twice (E017) or a ledger that is not whole is seen before the next pay run.\n'{kontakt}' --records './{prefix}' check || {{\n  {}\n}}\nexit 0\n",
            say(
                "kontakt check found problems in the records after this merge (E017 is a line paid twice by runs made on both branches); pay refuses until the ledger is whole",
                "kontakt check fann fel i akterna efter sammanslagningen (E017 är en rad betald två gånger av körningar på båda grenarna); pay nekar tills huvudboken är hel"
            )
        ),
        _ => staged(
            "a commit whose staged records fail `kontakt check` is refused.",
            "kontakt check found problems in the staged records; fix them or commit with --no-verify",
            "kontakt check fann fel i de köade akterna; rätta dem eller gör commit med --no-verify",
        ),
    }
}

/// Installs [`HOOKS`] in the repository's hooks folder (replacing hooks of those names).
/// Returns their paths.
pub fn install_hooks(root: &Path, kontakt: &Path) -> Result<Vec<PathBuf>> {
    let Some(top) = toplevel(root) else {
        return Err(Error::refused(vec![tr!(
            "{} is not in a git repository",
            "{} ligger inte i ett git-arkiv",
            root.display()
        )]));
    };
    let out = git(root, &["rev-parse", "--git-path", "hooks", "--show-prefix"])?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = text.lines();
    let hooks = lines
        .next()
        .map(|h| root.join(h))
        .unwrap_or_else(|| top.join(".git/hooks"));
    let prefix = lines.next().unwrap_or("").trim_end_matches('/').to_string();
    std::fs::create_dir_all(&hooks).map_err(|e| Error::io(&hooks, IoOp::Create, e))?;
    let hooks = hooks.canonicalize().unwrap_or(hooks);
    let mut written = Vec::new();
    for name in HOOKS {
        let hook = hooks.join(name);
        std::fs::write(&hook, hook_script(name, kontakt, &prefix))
            .map_err(|e| Error::io(&hook, IoOp::Write, e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))
                .map_err(|e| Error::io(&hook, IoOp::MakeExecutable, e))?;
        }
        written.push(hook);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_records_and_months_only() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            message("report", &[p("reports/2026-10/A-7Q2K9M.toml")]),
            "kontakt report: A-7Q2K9M 2026-10"
        );
        let many: Vec<PathBuf> = (0..7)
            .map(|i| p(&format!("clients/C-00000{i}.toml")))
            .collect();
        assert_eq!(
            message("apply", &many),
            "kontakt apply: C-000000, C-000001, C-000002, C-000003, C-000004 and 2 more"
        );
    }
}
