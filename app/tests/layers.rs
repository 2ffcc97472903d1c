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
