//! The container files (`Dockerfile`, `deploy/`), checked without a container engine (CI has
//! none): the image's build stage uses the tools, versions and build command `./shop`
//! uses; the runtime stage runs as a non-root user with a health check and the binary's
//! `hash.txt` beside it; and every setting the compose file gives the shop is one the shop
//! knows, so that a typo there cannot go unnoticed until a deploy.

use server::config::ENV;
use std::path::Path;

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The value `./shop` gives a shell variable (`NAME="value"` or `NAME=(…)`).
fn shop_variable(shop: &str, name: &str) -> String {
    let line = shop
        .lines()
        .find(|l| l.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("{name} is not set in ./shop"));
    line[name.len() + 1..]
        .trim_matches(|c| c == '"' || c == '(' || c == ')')
        .to_string()
}

#[test]
fn the_image_builds_as_the_shop_script_does() {
    let shop = read("shop");
    let dockerfile = read("Dockerfile");
    let leptos = shop_variable(&shop, "CARGO_LEPTOS_VERSION");
    assert!(
        dockerfile.contains(&format!("ARG CARGO_LEPTOS_VERSION={leptos}\n")),
        "cargo-leptos {leptos}, as ./shop installs it"
    );
    let install = "cargo install cargo-leptos --version \"${CARGO_LEPTOS_VERSION}\" --locked --features no_downloads";
    assert!(dockerfile.contains(install));
    assert!(shop.contains("cargo install cargo-leptos --version \"$CARGO_LEPTOS_VERSION\" --locked --features no_downloads"));
    // The wasm-bindgen CLI: the version in Cargo.lock, found the same way.
    let lookup = r#"awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock"#;
    assert!(shop.contains(lookup) && dockerfile.contains(lookup));
    assert!(dockerfile.contains("cargo install wasm-bindgen-cli --version"));
    // wasm-opt from the pinned npm package, on PATH.
    assert!(dockerfile.contains("npm ci"));
    assert!(dockerfile.contains("end2end/package-lock.json"));
    assert!(dockerfile.contains("/src/end2end/node_modules/.bin"));
    // The release build with the same flags.
    let flags = shop_variable(&shop, "RELEASE");
    assert!(
        dockerfile.contains(&format!("RUN cargo leptos build {flags}\n")),
        "cargo leptos build {flags}"
    );
    // The toolchain the workspace asks for.
    let cargo = read("Cargo.toml");
    let rust = cargo
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .unwrap()
        .trim_matches('"');
    assert!(dockerfile.contains(&format!("ARG RUST_VERSION={rust}\n")));
}

#[test]
fn the_image_runs_as_a_user_with_a_health_check() {
    let dockerfile = read("Dockerfile");
    let runtime = dockerfile
        .split("AS runtime")
        .nth(1)
        .expect("a runtime stage");
    let user = runtime
        .lines()
        .find_map(|l| l.strip_prefix("USER "))
        .expect("a USER");
    assert_ne!(user.trim(), "root");
    assert_ne!(user.trim(), "0");
    assert!(runtime.contains("HEALTHCHECK"));
    assert!(runtime.contains("/healthz"));
    // The binary and its hash.txt side by side, the site where LEPTOS_SITE_ROOT says.
    assert!(runtime.contains("target/release/server /app/server"));
    assert!(runtime.contains("target/release/hash.txt /app/hash.txt"));
    assert!(runtime.contains("target/site /app/site"));
    assert!(runtime.contains("LEPTOS_SITE_ROOT=/app/site"));
    assert!(runtime.contains("LEPTOS_HASH_FILES=true"));
    assert!(runtime.contains("SHOP_ENV=production"));
    // The secrets never enter the image.
    let ignored = read(".dockerignore");
    assert!(ignored.lines().any(|l| l == "deploy/secrets"));
}

#[test]
fn compose_runs_two_servers_behind_a_proxy_with_settings_the_shop_knows() {
    let compose = read("deploy/compose.yaml");
    for service in ["  db:", "  app1: *app", "  app2: *app", "  proxy:"] {
        assert!(compose.contains(service), "{service}");
    }
    assert!(compose.contains("image: postgres:"));
    assert!(compose.contains("DATABASE_URL: postgres://"));
    let known: Vec<&str> = ENV.iter().map(|(_, var)| *var).collect();
    let given: Vec<&str> = compose
        .lines()
        .filter_map(|l| l.trim().split_once(':').map(|(k, _)| k))
        .filter(|k| k.starts_with("SHOP_") || k.starts_with("LEPTOS_") || *k == "DATABASE_URL")
        .filter(|k| *k != "SHOP_DOMAIN")
        .collect();
    assert!(given.len() > 10, "{given:?}");
    for var in given {
        assert!(
            known.contains(&var),
            "compose.yaml sets {var}, which the shop does not know"
        );
    }
    // The proxy is the one trusted for X-Forwarded-For, and it checks readiness.
    let proxy_ip = compose
        .lines()
        .find_map(|l| l.trim().strip_prefix("ipv4_address: "))
        .expect("the proxy's address");
    assert!(compose.contains(&format!("SHOP_TRUSTED_PROXIES: {proxy_ip}")));
    let caddy = read("deploy/Caddyfile");
    assert!(caddy.contains("reverse_proxy app1:3000 app2:3000"));
    assert!(caddy.contains("health_uri /readyz"));
    assert!(caddy.contains("respond @metrics 404"));
}
