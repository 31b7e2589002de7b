//! The library's layers import downwards only (docs/architecture.md): no cycle between the
//! top-level modules of `src/`, and the lower layers never reach up into `ops`, `documents` or
//! the CLI. Read from the sources, outside `#[cfg(test)]` code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module -> the modules it names as `crate::x`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let rel = p.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
            if rel == "lib.rs" || rel == "main.rs" {
                continue;
            }
            let module = rel
                .split('/')
                .next()
                .unwrap()
                .trim_end_matches(".rs")
                .to_string();
            let text = std::fs::read_to_string(&p).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap();
            let mut names = BTreeSet::new();
            for (i, _) in code.match_indices("crate::") {
                let after = &code[i + "crate::".len()..];
                if after.starts_with('{') {
                    let group = &after[1..after.find('}').unwrap_or(after.len())];
                    for part in group.split(',') {
                        names.insert(ident(part.trim()));
                    }
                } else {
                    names.insert(ident(after));
                }
            }
            let entry = out.entry(module.clone()).or_default();
            for n in names {
                let n = match n.as_str() {
                    "Error" | "Result" => "error".to_string(),
                    "tr" => "lang".to_string(),
                    _ => n,
                };
                if !n.is_empty() && n != module {
                    entry.insert(n);
                }
            }
        }
    }
    out
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn the_modules_import_without_a_cycle() {
    let graph = imports();
    assert!(
        graph.contains_key("ops") && graph.contains_key("model"),
        "{graph:?}"
    );
    // Depth-first search for a back edge; the path names the cycle.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if let Some(at) = path.iter().position(|p| p == m) {
            panic!("import cycle: {} -> {m}", path[at..].join(" -> "));
        }
        if done.contains(m) {
            return;
        }
        path.push(m.to_string());
        for n in graph.get(m).into_iter().flatten() {
            visit(n, graph, path, done);
        }
        path.pop();
        done.insert(m.to_string());
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_domain_layers_never_reach_up() {
    let graph = imports();
    for low in [
        "model", "lang", "error", "rules", "payroll", "matching", "stats",
    ] {
        let up: Vec<&String> = graph
            .get(low)
            .into_iter()
            .flatten()
            .filter(|n| matches!(n.as_str(), "ops" | "documents" | "cli" | "render"))
            .collect();
        assert!(up.is_empty(), "{low} imports {up:?}");
    }
    for pure in ["model", "rules", "payroll", "matching", "stats"] {
        assert!(
            !graph.get(pure).is_some_and(|s| s.contains("store")),
            "{pure} imports store: only ops loads records"
        );
    }
}

/// The model keeps no language: its messages are English where they are made, and put in the
/// reader's language at the edge (`lang::Lang::model_message`).
#[test]
fn the_model_reads_no_process_language() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        for needle in ["lang::current", "tr!(", "lang::set"] {
            // `tr!(` as the macro, not the end of `include_str!(`.
            let used = code.match_indices(needle).any(|(at, _)| {
                !code[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            assert!(!used, "{} uses {needle}", p.display());
        }
    }
}
