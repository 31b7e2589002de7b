//! The records directory as a git repository: committing exactly the files a command wrote, and
//! the pre-commit hook that runs `kontakt check` on what is staged.

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
        .map_err(|e| Error::io(root, "cannot run git", e))
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

/// Installs `.git/hooks/pre-commit`, which runs `kontakt check` on the staged records and refuses
/// the commit if it finds problems. Returns the hook's path.
pub fn install_hook(root: &Path, kontakt: &Path) -> Result<PathBuf> {
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
    std::fs::create_dir_all(&hooks).map_err(|e| Error::io(&hooks, "cannot create", e))?;
    let hooks = hooks.canonicalize().unwrap_or(hooks);
    let hook = hooks.join("pre-commit");
    let script = format!(
        "#!/bin/sh\n# Installed by `kontakt hooks install`: a commit whose staged records fail `kontakt check` is refused.\ntmp=$(mktemp -d) || exit 1\ntrap 'rm -rf \"$tmp\"' EXIT\ngit checkout-index -a --prefix=\"$tmp/\" || exit 1\n'{}' --records \"$tmp/{}\" check || {{\n  echo 'kontakt check found problems in the staged records; fix them or commit with --no-verify' >&2\n  exit 1\n}}\n",
        kontakt.display().to_string().replace('\'', "'\\''"),
        prefix
    );
    std::fs::write(&hook, script).map_err(|e| Error::io(&hook, "cannot write", e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| Error::io(&hook, "cannot make executable", e))?;
    }
    Ok(hook)
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
