//! `cargo xtask cycles`: no import cycle between the modules of a crate.
//!
//! Each `.rs` file of a crate's `src/` is a module (`a/b.rs` is `a::b`, `a/mod.rs` is `a`). A
//! module depends on another when its code (not its comments, not its `#[cfg(test)]` modules)
//! names it: `crate::a::b…`, `super::…`, `self::…`, and the same inside `use crate::{…}`. A
//! module is made of its submodules, so what a `mod.rs` says of its own children (declaring them,
//! re-exporting them) is no dependency. Two graphs must have no cycle: the files', and the
//! top-level modules' (every module counted as the top-level one it belongs to), the rooms a
//! newcomer sees first.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates checked, by their `src/` folder relative to the workspace root.
pub const CRATES: [&str; 7] =
    ["format/src", "authoring/src", "src", "figures/src", "publisher/src", "studio/src", "xtask/src"];

/// Every cycle found in the crate whose sources are in `src`, each as its modules in order.
pub fn cycles_in(src: &Path) -> Vec<Vec<String>> {
    let modules = modules_of(src);
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, file) in &modules {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let code = without_tests(&without_comments(&text));
        for path in referenced_paths(&code, module) {
            if let Some(target) = longest_module(&path, &names) {
                if target != *module && !is_descendant(&target, module) {
                    edges.entry(module.clone()).or_default().insert(target);
                }
            }
        }
    }
    if std::env::var_os("AE_CYCLES_DEBUG").is_some() {
        eprintln!("{edges:#?}");
    }
    let mut found = find_cycles(&edges);
    let top = |m: &str| m.split("::").next().unwrap_or(m).to_owned();
    let mut rooms: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, tos) in &edges {
        for to in tos {
            if top(from) != top(to) && from != "crate" && to != "crate" {
                rooms.entry(top(from)).or_default().insert(top(to));
            }
        }
    }
    for c in find_cycles(&rooms) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// Module path → file, for every `.rs` file under `src`.
fn modules_of(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap();
            let mut parts: Vec<String> =
                rel.components().map(|c| c.as_os_str().to_string_lossy().trim_end_matches(".rs").to_owned()).collect();
            if matches!(parts.last().map(String::as_str), Some("mod")) {
                parts.pop();
            }
            if parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main") {
                parts.clear();
            }
            // A binary's other roots (src/bin) are crates of their own.
            if parts.first().is_some_and(|p| p == "bin") {
                continue;
            }
            let name = if parts.is_empty() { "crate".to_owned() } else { parts.join("::") };
            out.insert(name, path);
        }
    }
    out
}

/// The text with `//` comments (doc comments included) removed, strings kept.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut prev = ' ';
        let mut cut = line.len();
        for (i, c) in line.char_indices() {
            if c == '"' && prev != '\\' {
                in_string = !in_string;
            }
            if !in_string && c == '/' && prev == '/' {
                cut = i - 1;
                break;
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

/// The text without its `#[cfg(test)]` items (a test module, or a test-only function).
fn without_tests(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        // The item ends at the brace that closes its first opening brace, or at a `;` before any.
        let mut depth = 0usize;
        let mut end = after.len();
        let mut in_string = false;
        let mut prev = ' ';
        for (i, c) in after.char_indices() {
            match c {
                '"' if prev != '\\' && prev != '\'' => in_string = !in_string,
                '{' if !in_string && prev != '\'' => depth += 1,
                '}' if !in_string && prev != '\'' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                ';' if !in_string && depth == 0 => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The module paths the code names, made absolute (`a::b::Item`, as segments).
fn referenced_paths(code: &str, module: &str) -> Vec<Vec<String>> {
    let own: Vec<String> = if module == "crate" { vec![] } else { module.split("::").map(str::to_owned).collect() };
    // `super` of `a::b` is `a` (whether `a::b` is `a/b.rs` or `a/b/mod.rs`); `self` is `a::b`.
    let parent: Vec<String> = own[..own.len().saturating_sub(1)].to_vec();
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let (base, skip) = if rest.starts_with("crate::") && boundary_before(bytes, i) {
            (Vec::new(), "crate::".len())
        } else if rest.starts_with("super::") && boundary_before(bytes, i) {
            (parent.clone(), "super::".len())
        } else if rest.starts_with("self::") && boundary_before(bytes, i) {
            (own.clone(), "self::".len())
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        i += skip;
        for mut tail in path_tails(&code[i..]) {
            let mut p = base.clone();
            while tail.first().is_some_and(|s| s == "super") {
                p.pop();
                tail.remove(0);
            }
            p.extend(tail);
            out.push(p);
        }
    }
    out
}

fn boundary_before(bytes: &[u8], i: usize) -> bool {
    i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b':')
}

/// The paths after `crate::`: `a::b::C` gives `[a, b, C]`; `{a::b, c}` gives `[a, b]` and `[c]`.
fn path_tails(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start();
    if let Some(inner) = text.strip_prefix('{') {
        let mut depth = 1;
        let mut end = inner.len();
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let inner = &inner[..end];
        let mut out = Vec::new();
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices().chain(std::iter::once((inner.len(), ','))) {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    let item = inner[start..i].trim();
                    if !item.is_empty() {
                        out.extend(path_tails(item));
                    }
                    start = i + 1;
                }
                _ => {}
            }
        }
        return out;
    }
    let mut segments = Vec::new();
    let mut rest = text;
    loop {
        let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if len == 0 {
            if let Some(r) = rest.strip_prefix('{') {
                // `a::{b, c}`: each continues the path.
                let r = format!("{{{r}");
                return path_tails(&r)
                    .into_iter()
                    .map(|t| segments.iter().cloned().chain(t).collect())
                    .collect::<Vec<Vec<String>>>();
            }
            break;
        }
        segments.push(rest[..len].to_owned());
        rest = &rest[len..];
        match rest.strip_prefix("::") {
            Some(r) => rest = r,
            None => break,
        }
    }
    vec![segments]
}

/// The longest prefix of `path` that names a module of the crate.
fn longest_module(path: &[String], names: &BTreeSet<String>) -> Option<String> {
    (1..=path.len()).rev().map(|n| path[..n].join("::")).find(|m| names.contains(m))
}

fn is_descendant(target: &str, module: &str) -> bool {
    module == "crate" || target.starts_with(&format!("{module}::"))
}

/// Every elementary cycle's strongly connected component, as its members in order (Tarjan).
fn find_cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        if let Some(tos) = t.edges.get(v) {
            for w in tos {
                let w = w.as_str();
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let l = t.low[w].min(t.low[v]);
                    t.low.insert(v, l);
                } else if t.on.contains(w) {
                    let l = t.index[w].min(t.low[v]);
                    t.low.insert(v, l);
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut component = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                component.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                t.out.push(component);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    let nodes: Vec<&str> = edges.keys().map(String::as_str).collect();
    for v in nodes {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

/// Checks every crate of the workspace; prints each cycle.
pub fn run(root: &Path) -> Result<(), String> {
    let mut bad = Vec::new();
    for krate in CRATES {
        for cycle in cycles_in(&root.join(krate)) {
            bad.push(format!("{krate}: {}", cycle.join(" ↔ ")));
        }
    }
    if bad.is_empty() {
        println!("no import cycle between the modules of {} crates", CRATES.len());
        Ok(())
    } else {
        Err(format!("import cycles between modules:\n  {}", bad.join("\n  ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp_crate(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ae-cycles-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    #[test]
    fn no_crate_of_the_workspace_has_an_import_cycle() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        run(&root).unwrap();
    }

    #[test]
    fn a_cycle_is_found_through_use_lists_super_and_paths_in_code() {
        let dir = tmp_crate(
            "found",
            &[
                ("lib.rs", "pub mod a; pub mod b; pub mod c;"),
                ("a.rs", "use crate::{b::{X, Y}, c::d::Z};\n"),
                ("b.rs", "fn f() { crate::c::go(); }\n"),
                ("c/mod.rs", "pub mod d;\npub use d::Z;\n"),
                ("c/d.rs", "// crate::a is only named in a comment\nfn g() { super::super::a::h(); }\n"),
            ],
        );
        let cycles = cycles_in(&dir);
        assert!(cycles.contains(&vec!["a".to_owned(), "c::d".to_owned()]), "the files' cycle: {cycles:?}");
        assert!(cycles.contains(&vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]), "the rooms': {cycles:?}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn comments_tests_and_a_module_s_own_children_are_no_dependency() {
        let dir = tmp_crate(
            "clean",
            &[
                ("lib.rs", "pub mod a; pub mod b;"),
                ("a/mod.rs", "//! See [`crate::b`].\npub mod x;\npub use x::X;\nfn f() { self::x::go(); }\n"),
                ("a/x.rs", "use super::super::b;\n"),
                ("b.rs", "#[cfg(test)]\nmod tests {\n    use crate::a::X;\n    fn t() { let s = \"}\"; }\n}\n"),
            ],
        );
        assert_eq!(cycles_in(&dir), Vec::<Vec<String>>::new());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
