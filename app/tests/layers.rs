//! The folders of `app/src` depend one way. Each module may use only modules of a lower
//! layer (or itself); this test reads every source file and fails on an import that points
//! up, naming the file. Test modules (`#[cfg(test)] mod tests`) are not counted.
//!
//! To see the dependencies yourself: `cargo test -p app --features ssr --test layers -- --nocapture`
//! prints the table of which folder uses which.

use std::{collections::BTreeMap, fs, path::Path};

/// Bottom to top. Modules on one line share a layer and may not use each other.
const LAYERS: &[&[&str]] = &[
    &["cookies", "escape", "csp"],
    &["i18n"],
    &["error"],
    &["domain"],
    &["model"],
    &["backend"],
    &["api"],
    &["components"],
    &["pages"],
    &["shell", "lib"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The crate-level modules a source file imports (`crate::x`, `use crate::{x, y::…}`).
fn imports(source: &str) -> Vec<String> {
    let source = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of a `crate::{…}` group.
            let mut depth = 0;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push(std::mem::take(&mut name));
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && c != '{' {
                    name.push(c);
                }
            }
            found.push(name);
        } else {
            found.push(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    found
        .into_iter()
        .map(|n| n.trim().split("::").next().unwrap_or("").trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn folders_depend_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut table: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let module = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        let own = layer_of(&module).unwrap_or_else(|| {
            panic!(
                "{module} (in {}) has no layer in LAYERS",
                relative.display()
            )
        });
        for used in imports(&fs::read_to_string(file).unwrap()) {
            if used == module {
                continue;
            }
            *table
                .entry(module.clone())
                .or_default()
                .entry(used.clone())
                .or_default() += 1;
            match layer_of(&used) {
                Some(layer) if layer < own => {}
                _ => wrong.push(format!("{} uses {used}", relative.display())),
            }
        }
    }
    for (module, uses) in &table {
        println!("{module:>10} uses {uses:?}");
    }
    assert!(files.len() > 50, "read the sources ({} files)", files.len());
    assert!(
        wrong.is_empty(),
        "imports pointing up or sideways:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_import_reader_reads_groups() {
    let source = "use crate::{\n    domain::{a, b::{c}},\n    error::ShopError,\n};\nfn f() { crate::model::x(); }\n#[cfg(test)]\nmod tests { use crate::pages; }";
    assert_eq!(imports(source), ["domain", "error", "model"]);
}

/// Every `use` of a source (before its test module), each expanded into its full path:
/// `use a::{b, c::{d as e}};` gives `a::b` and `a::c::d`.
fn use_paths(source: &str) -> Vec<Vec<String>> {
    let source = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut paths = Vec::new();
    let lines: Vec<&str> = source.lines().collect();
    for (n, line) in lines.iter().enumerate() {
        let line = line.trim_start();
        let line = match line.strip_prefix("pub") {
            Some(rest) if rest.starts_with(' ') || rest.starts_with('(') => {
                rest.split_once(' ').map_or("", |(_, r)| r)
            }
            _ => line,
        };
        let Some(tree) = line.strip_prefix("use ") else {
            continue;
        };
        let mut statement = tree.to_string();
        let mut next = n + 1;
        while !statement.contains(';') && next < lines.len() {
            statement.push(' ');
            statement.push_str(lines[next].trim());
            next += 1;
        }
        let tree = statement.split(';').next().unwrap_or("");
        let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
        expand(&tree, &[], &mut paths);
    }
    paths
}

fn expand(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let mut base = prefix.to_vec();
        base.extend(segments(tree[..open].trim_end_matches("::")));
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut depth = 0;
        let mut item = String::new();
        for c in inner.chars().chain([',']) {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    if !item.trim().is_empty() {
                        expand(&item, &base, out);
                    }
                    item.clear();
                    continue;
                }
                _ => {}
            }
            item.push(c);
        }
    } else {
        let name = tree.split(" as ").next().unwrap_or(tree);
        let mut path = prefix.to_vec();
        path.extend(segments(name).into_iter().filter(|s| s != "self"));
        out.push(path);
    }
}

fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Paths written in code rather than imported: `crate::backend::x::y(…)`.
fn inline_backend_paths(source: &str, root: &str) -> Vec<Vec<String>> {
    let needle = format!("{root}::backend::");
    source
        .match_indices(&needle)
        .map(|(at, _)| {
            let path: String = source[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            segments(&path)
        })
        .filter(|path| path.len() > 2)
        .collect()
}

/// Every source file of the app and the server crate: (path from the workspace, the name the
/// file's crate calls the app by, its text).
fn workspace_sources() -> Vec<(String, &'static str, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut sources = Vec::new();
    for (dir, krate) in [("app/src", "crate"), ("server/src", "app")] {
        let mut files = Vec::new();
        rust_files(&root.join(dir), &mut files);
        for file in files {
            let relative = file.strip_prefix(root).unwrap().display().to_string();
            sources.push((relative, krate, fs::read_to_string(&file).unwrap()));
        }
    }
    sources
}

/// The server crate sits above the whole app: it may call any backend operation, but the
/// database layer is the backend's own (as is every other folder's but the backend's).
#[test]
fn only_the_backend_reaches_the_database_layer() {
    let mut wrong = Vec::new();
    let mut table: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (relative, krate, source) in workspace_sources() {
        if relative.starts_with("app/src/backend/") {
            continue;
        }
        let mut paths = use_paths(&source);
        paths.extend(inline_backend_paths(&source, krate));
        for path in paths {
            if path.first().map(String::as_str) != Some(krate) {
                continue;
            }
            if krate == "app" {
                let used = path.get(1).cloned().unwrap_or_default();
                let used = match used.as_str() {
                    "backend" => {
                        format!("backend::{}", path.get(2).cloned().unwrap_or_default())
                    }
                    _ => used,
                };
                *table
                    .entry("server".into())
                    .or_default()
                    .entry(used)
                    .or_default() += 1;
            }
            if path.get(1).map(String::as_str) == Some("backend")
                && path.get(2).map(String::as_str) == Some("db")
            {
                wrong.push(format!("{relative} uses {}", path.join("::")));
            }
        }
    }
    for (module, uses) in &table {
        println!("{module:>10} uses {uses:?}");
    }
    assert!(table.contains_key("server"), "read the server crate");
    assert!(
        wrong.is_empty(),
        "the database layer used outside the backend:\n{}",
        wrong.join("\n")
    );
}

/// SQL is written in `app/src/backend/db/` and nowhere else.
#[test]
fn every_statement_lives_in_the_database_layer() {
    let mut wrong = Vec::new();
    let mut read = 0;
    for (relative, _, source) in workspace_sources() {
        if relative.starts_with("app/src/backend/db/") {
            continue;
        }
        read += 1;
        for (n, line) in source.lines().enumerate() {
            let statement = ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "WITH "]
                .iter()
                .any(|word| line.contains(&format!("\"{word}")));
            if line.contains("sqlx::query") || statement {
                wrong.push(format!("{relative}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(read > 100, "read the sources ({read} files)");
    assert!(
        wrong.is_empty(),
        "SQL outside backend/db:\n{}",
        wrong.join("\n")
    );
}

/// The backend's files, each by the module path it is: `orders/placing.rs` is
/// `orders::placing`, `orders/mod.rs` is `orders`.
fn backend_modules() -> BTreeMap<Vec<String>, std::path::PathBuf> {
    let backend = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/backend");
    let mut files = Vec::new();
    rust_files(&backend, &mut files);
    files
        .into_iter()
        .map(|file| {
            let relative = file.strip_prefix(&backend).unwrap().with_extension("");
            let mut module: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.last().map(String::as_str) == Some("mod") {
                module.pop();
            }
            (module, file)
        })
        .collect()
}

#[test]
fn backend_files_stay_small() {
    let modules = backend_modules();
    let long: Vec<String> = modules
        .values()
        .filter_map(|file| {
            let lines = fs::read_to_string(file).unwrap().lines().count();
            (lines > 600).then(|| format!("{} has {lines} lines", file.display()))
        })
        .collect();
    assert!(
        modules.len() > 50,
        "read the backend ({} files)",
        modules.len()
    );
    assert!(
        long.is_empty(),
        "split these by what they do:\n{}",
        long.join("\n")
    );
}

/// No two backend files import each other: what both need gets a home of its own.
#[test]
fn no_two_backend_files_import_each_other() {
    let modules = backend_modules();
    // What `backend/mod.rs` re-exports, by the file that declares it.
    let reexported = |name: &str| match name {
        "AppState" | "Shared" | "app_state" => Some("state"),
        "ShopSettings" => Some("settings"),
        _ => None,
    };
    let file_of = |path: &[String]| -> Vec<String> {
        if let Some(file) = path.first().and_then(|p| reexported(p)) {
            return vec![file.into()];
        }
        (0..=path.len())
            .rev()
            .map(|k| path[..k].to_vec())
            .find(|m| modules.contains_key(m))
            .unwrap_or_default()
    };
    let mut edges: BTreeMap<Vec<String>, std::collections::BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, file) in &modules {
        let source = fs::read_to_string(file).unwrap();
        let mut paths = use_paths(&source);
        paths.extend(inline_backend_paths(&source, "crate"));
        for path in paths {
            let absolute: Vec<String> = match path.first().map(String::as_str) {
                Some("crate") if path.get(1).map(String::as_str) == Some("backend") => {
                    path[2..].to_vec()
                }
                Some("super") => {
                    let mut base = module.clone();
                    let mut rest = &path[..];
                    // `super` of `a/b.rs` (module `a::b`) and of `a/mod.rs` (module `a`)
                    // is one step up the module path.
                    while rest.first().map(String::as_str) == Some("super") {
                        base.pop();
                        rest = &rest[1..];
                    }
                    base.extend(rest.iter().cloned());
                    base
                }
                _ => continue,
            };
            let target = file_of(&absolute);
            if &target != module {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    let mut both_ways = Vec::new();
    for (a, targets) in &edges {
        for b in targets {
            if a < b && edges.get(b).is_some_and(|back| back.contains(a)) {
                both_ways.push(format!("{} <-> {}", a.join("::"), b.join("::")));
            }
        }
    }
    assert!(
        edges.len() > 40,
        "read the backend's imports ({})",
        edges.len()
    );
    assert!(
        both_ways.is_empty(),
        "backend files importing each other:\n{}",
        both_ways.join("\n")
    );
}

#[test]
fn the_use_reader_expands_trees() {
    let source =
        "use crate::backend::{AppState, db::{self, users::UserRow}, x as y};\nuse super::a::b;\n";
    let paths: Vec<String> = use_paths(source).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        paths,
        [
            "crate::backend::AppState",
            "crate::backend::db",
            "crate::backend::db::users::UserRow",
            "crate::backend::x",
            "super::a::b"
        ]
    );
}
