//! What the document's `<head>` loads (used by `shell`, server only): the stylesheet, and the
//! script that starts the wasm app. They take the place of Leptos's `HashedStylesheet` and
//! `HydrationScripts` for two reasons:
//!
//! - **No preload of the app**: Leptos announces the main wasm and JS with `<link rel=preload>`
//!   at the top of the page, so a phone on a slow network downloads a megabyte of wasm
//!   alongside the pictures the visitor is waiting for (Lighthouse's mobile run put the largest
//!   paint at 3.0–3.2 s; without the preloads 0.9–1.1 s). Here the app is fetched when the
//!   browser is first idle after the page has loaded, the JS and the wasm at once. The page
//!   works before that: its links and forms are plain HTML, and the page a form post comes
//!   back to shows its outcome on both sides (`components/form.rs`).
//! - **File names worked out once**: Leptos's components read the build's hash file from
//!   disk on every render (twice per page); here it is read at the first render.

use leptos::prelude::*;

/// Starts the app at the browser's first idle moment (at the latest 2 s after load). What
/// the visitor typed, ticked or chose before the app took over is put back afterwards, with
/// the events the app listens for: hydrating sets every field to the value the page was
/// rendered with, and on a slow phone people use a page for seconds before that. Some
/// fields are set again by the app a moment after it is live (a value read from the
/// address), so the visitor's values are put back again at 250 ms and 1 s, the latest
/// value the visitor gave each field winning.
const START: &str = r#"(function (js, wasm) {
	const typed = new Map();
	const note = (e) => {
		const el = e.target;
		if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) return;
		if (el.type === "radio") for (const other of typed.keys()) if (other.type === "radio" && other.name === el.name && other.form === el.form) typed.delete(other);
		typed.delete(el);
		typed.set(el, { id: el.id, value: el.value, checked: el.checked });
	};
	document.addEventListener("input", note, true);
	document.addEventListener("change", note, true);
	const apply = () => {
		for (const [el, was] of typed) {
			const field = el.isConnected ? el : was.id && document.getElementById(was.id);
			if (!field) continue;
			const tick = field.type === "checkbox" || field.type === "radio";
			if (tick ? field.checked === was.checked : field.value === was.value) continue;
			if (tick) field.checked = was.checked; else field.value = was.value;
			if (!tick) field.dispatchEvent(new Event("input", { bubbles: true }));
			field.dispatchEvent(new Event("change", { bubbles: true }));
		}
	};
	const restore = () => {
		apply();
		setTimeout(apply, 250);
		setTimeout(() => {
			apply();
			document.removeEventListener("input", note, true);
			document.removeEventListener("change", note, true);
		}, 1000);
	};
	const whenLive = () => {
		if (document.body.hasAttribute("data-hydrated")) return restore();
		new MutationObserver((_, watch) => {
			if (document.body.hasAttribute("data-hydrated")) { watch.disconnect(); restore(); }
		}).observe(document.body, { attributes: true, attributeFilter: ["data-hydrated"] });
	};
	const start = () => {
		const module = fetch(wasm);
		import(js).then((app) => app.default({ module_or_path: module }).then(() => { app.hydrate(); whenLive(); }));
	};
	if ("requestIdleCallback" in window) {
		window.requestIdleCallback(start, { timeout: 2000 });
	} else {
		setTimeout(start, 0);
	}
})"#;

/// The site's stylesheet.
#[component]
pub fn Stylesheet(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let href = files::of(&options).css.clone();
    #[cfg(not(feature = "ssr"))]
    let href = {
        let _ = options;
        String::new()
    };
    view! { <link id="leptos" rel="stylesheet" href=href /> }
}

#[component]
pub fn StartApp(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let script = {
        let files = files::of(&options);
        let nonce = leptos::nonce::use_nonce();
        let script = format!("{START}({:?}, {:?});", files.js, files.wasm);
        view! { <script type="module" nonce=nonce>{script}</script> }
    };
    // The document is only ever rendered on the server.
    #[cfg(not(feature = "ssr"))]
    let script = {
        let _ = (options, START);
        None::<()>
    };
    script
}

/// Checked at start-up: with hashed file names the build's hash file must name the
/// stylesheet, the JS and the wasm (see `files::check`).
#[cfg(feature = "ssr")]
pub fn check_hash_file(options: &LeptosOptions) -> Result<(), String> {
    files::check(options)
}

#[cfg(feature = "ssr")]
mod files {
    use leptos::prelude::LeptosOptions;
    use std::{collections::HashMap, path::PathBuf, sync::OnceLock};

    pub struct Files {
        pub css: String,
        pub js: String,
        pub wasm: String,
    }

    /// The app's file names under the package directory, worked out at the first call.
    pub fn of(options: &LeptosOptions) -> &'static Files {
        static FILES: OnceLock<Files> = OnceLock::new();
        FILES.get_or_init(|| read(options))
    }

    /// The build's hash file (`css: …`, `js: …`, `wasm: …` lines) sits next to the server
    /// binary when file names are hashed (release builds). An error says what is wrong with
    /// it: pages without their stylesheet and app must not be served, so the server refuses
    /// to start ([`check`]).
    fn hashes(options: &LeptosOptions) -> Result<HashMap<String, String>, String> {
        if !options.hash_files {
            return Ok(HashMap::new());
        }
        let path = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
            .unwrap_or_else(|| PathBuf::from(options.hash_file.as_ref()));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{} cannot be read ({e})", path.display()))?;
        let hashes: HashMap<String, String> = text
            .lines()
            .filter_map(|line| line.split_once(':'))
            .map(|(file, hash)| (file.trim().to_string(), hash.trim().to_string()))
            .collect();
        match ["css", "js", "wasm"]
            .iter()
            .find(|k| !hashes.contains_key(**k))
        {
            Some(missing) => Err(format!("{} names no {missing} file", path.display())),
            None => Ok(hashes),
        }
    }

    /// Whether the page's files can be named: an error when file names are hashed and the
    /// build's hash file is missing or incomplete.
    pub fn check(options: &LeptosOptions) -> Result<(), String> {
        hashes(options).map(|_| ())
    }

    fn read(options: &LeptosOptions) -> Files {
        let hashes = hashes(options).unwrap_or_else(|problem| {
            tracing::error!("file names are hashed but {problem}");
            HashMap::new()
        });
        let pkg = format!("/{}", options.site_pkg_dir);
        let named = |kind: &str, plain: String, ext: &str| match hashes.get(kind) {
            Some(hash) => format!("{pkg}/{}.{hash}.{ext}", options.output_name),
            None => format!("{pkg}/{plain}.{ext}"),
        };
        // Without hashing, cargo-leptos names the wasm `<name>_bg.wasm` unless it set the
        // output name at compile time.
        let plain_wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
            options.output_name.to_string()
        } else {
            format!("{}_bg", options.output_name)
        };
        Files {
            css: named("css", options.output_name.to_string(), "css"),
            js: named("js", options.output_name.to_string(), "js"),
            wasm: named("wasm", plain_wasm, "wasm"),
        }
    }
}
