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

/// Starts the app at the browser's first idle moment (at the latest 2 s after load).
const START: &str = r#"(function (js, wasm) {
	const start = () => {
		const module = fetch(wasm);
		import(js).then((app) => app.default({ module_or_path: module }).then(() => app.hydrate()));
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
    /// binary when file names are hashed (release builds).
    fn hashes(options: &LeptosOptions) -> HashMap<String, String> {
        if !options.hash_files {
            return HashMap::new();
        }
        let path = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
            .unwrap_or_else(|| PathBuf::from(options.hash_file.as_ref()));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            tracing::error!(
                "file names are hashed but {} cannot be read: {e}",
                path.display()
            );
            String::new()
        });
        text.lines()
            .filter_map(|line| line.split_once(':'))
            .map(|(file, hash)| (file.trim().to_string(), hash.trim().to_string()))
            .collect()
    }

    fn read(options: &LeptosOptions) -> Files {
        let hashes = hashes(options);
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
