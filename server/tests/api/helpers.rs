//! The test harness: a fresh database per test, the real server on port 0, and a
//! cookie-keeping HTTP client.
//!
//! PostgreSQL tests need `SHOP_TEST_POSTGRES_URL` (a role allowed to create databases, e.g.
//! `postgres://shop:shop@127.0.0.1:5432/postgres`); `./shop test` sets it up. Without it the
//! PostgreSQL variants fail, unless `SHOP_TEST_SKIP_POSTGRES=1` says to skip them.

use app::backend::{
    AppState,
    db::{
        Db, DbOptions,
        outbox::{self, OutboxRow},
    },
};
use axum::Router;
use server::{
    config::{Config, env_from},
    startup::Application,
};
use sqlx::Connection;
use std::path::Path;

pub const TEST_KEY: &str = "8f2c1e0d9b7a6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    /// The first browser; `new_browser()` makes more.
    pub browser: Browser,
    pub state: AppState,
    pub site_root: tempfile::TempDir,
    /// The folder of the SQLite database file (`shop.db`), `None` on PostgreSQL.
    pub db_dir: Option<tempfile::TempDir>,
    /// The environment the shop was configured with (to start another on the same data).
    pub env: Vec<(String, String)>,
}

impl std::ops::Deref for TestApp {
    type Target = Browser;

    fn deref(&self) -> &Browser {
        &self.browser
    }
}

impl TestApp {
    /// Another app server on the same database (as behind a load balancer): its address and
    /// state. It runs until the test ends.
    pub async fn another_server(&self) -> (String, AppState) {
        let pairs: Vec<(&str, &str)> = self
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let config = Config::from_parts(None, Path::new("test"), &env_from(&pairs))
            .expect("test configuration");
        let app = Application::build(config)
            .await
            .expect("the second server starts");
        let addr = app.addr();
        let state = app.state().clone();
        tokio::spawn(app.run_until(std::future::pending()));
        (format!("http://{addr}"), state)
    }

    /// Another browser, with its own cookies.
    pub fn new_browser(&self) -> Browser {
        Browser::new(&self.browser.base)
    }

    /// The newest mail to an address, from the outbox.
    pub async fn last_mail_to(&self, to: &str) -> Option<OutboxRow> {
        outbox::mailbox(self.state.db.pool(), Some(to), 1)
            .await
            .unwrap()
            .into_iter()
            .next()
    }

    pub async fn mails_to(&self, to: &str) -> Vec<OutboxRow> {
        outbox::mailbox(self.state.db.pool(), Some(to), 100)
            .await
            .unwrap()
    }
}

/// The token of the first link to `path` (e.g. `/account/verify/`) in a mail.
pub fn token_in(mail: &OutboxRow, path: &str) -> String {
    let start = mail
        .body
        .find(path)
        .unwrap_or_else(|| panic!("no {path} link in: {}", mail.body))
        + path.len();
    mail.body[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

/// One browser: a cookie jar, no redirects followed. A clone is the same browser (it shares
/// the cookies).
#[derive(Clone)]
pub struct Browser {
    pub base: String,
    pub client: reqwest::Client,
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        Browser::from_address(base, None)
    }

    /// A browser whose connections come from `source` (any 127.x.y.z address reaches the
    /// shop on loopback), to tell clients apart by address.
    pub fn from_address(base: &str, source: Option<std::net::IpAddr>) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .local_address(source)
            .build()
            .expect("client");
        Browser {
            base: base.to_string(),
            client,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET failed")
    }

    /// A plain page fetch as a browser makes it.
    pub async fn page(&self, path: &str) -> (reqwest::StatusCode, String) {
        let res = self
            .client
            .get(self.url(path))
            .header("accept", "text/html")
            .send()
            .await
            .expect("GET failed");
        let status = res.status();
        (status, res.text().await.expect("body"))
    }

    /// Calls a server function the way the hydrated app does (`fetch` from the same origin).
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("sec-fetch-site", "same-origin")
            .header("accept", "application/json")
            .form(form)
            .send()
            .await
            .expect("POST failed")
    }

    /// Calls a server function that takes JSON, as the hydrated app does.
    pub async fn call_json(&self, endpoint: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("sec-fetch-site", "same-origin")
            .json(body)
            .send()
            .await
            .expect("POST failed")
    }

    /// Posts a form the way a browser without JavaScript does (from `page` of this site).
    pub async fn post_plain(
        &self,
        endpoint: &str,
        page: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        self.client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("accept", "text/html")
            .header("origin", self.base.clone())
            .header("referer", self.url(page))
            .form(form)
            .send()
            .await
            .expect("POST failed")
    }
}

/// Starts the shop on a fresh database of the given kind; `None` when PostgreSQL tests are
/// explicitly skipped.
pub async fn spawn(backend: Backend) -> Option<TestApp> {
    spawn_with_routes(backend, Router::new()).await
}

pub async fn spawn_with_routes(backend: Backend, extra: Router<AppState>) -> Option<TestApp> {
    spawn_configured(backend, extra, &[]).await
}

/// Starts the shop with some settings of its own (`("SHOP_CURRENCY", "EUR")`…).
pub async fn spawn_with_env(backend: Backend, settings: &[(&str, &str)]) -> Option<TestApp> {
    spawn_configured(backend, Router::new(), settings).await
}

async fn spawn_configured(
    backend: Backend,
    extra: Router<AppState>,
    settings: &[(&str, &str)],
) -> Option<TestApp> {
    let (database_url, db_dir) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("shop.db").display());
            (url, Some(dir))
        }
        Backend::Postgres => (fresh_postgres_database().await?, None),
    };
    let site_root = tempfile::tempdir().expect("temp dir");
    let root = site_root.path().display().to_string();
    let mut pairs = vec![
        ("DATABASE_URL", database_url.as_str()),
        ("LEPTOS_SITE_ADDR", "127.0.0.1:0"),
        ("LEPTOS_SITE_ROOT", &root),
        ("LEPTOS_HASH_FILES", "false"),
        ("SHOP_SESSION_SECRET", TEST_KEY),
        ("SHOP_CONTACT_EMAIL", "help@shop.test"),
    ];
    pairs.extend_from_slice(settings);
    let kept: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let env = env_from(&pairs);
    let config = Config::from_parts(None, Path::new("test"), &env).expect("test configuration");
    let app = Application::build_with_routes(config, extra)
        .await
        .expect("the application starts");
    let addr = app.addr();
    let state = app.state().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    Some(TestApp {
        browser: Browser::new(&format!("http://{addr}")),
        state,
        site_root,
        db_dir,
        env: kept,
    })
}

/// A fresh, migrated database with no server around it (nothing runs in the background), and
/// the folder holding it on SQLite.
pub async fn fresh_db(backend: Backend) -> Option<(Db, Option<tempfile::TempDir>)> {
    let (url, dir) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("shop.db").display());
            (url, Some(dir))
        }
        Backend::Postgres => (fresh_postgres_database().await?, None),
    };
    let db = Db::connect(&DbOptions {
        url,
        max_connections: 2,
        acquire_timeout: std::time::Duration::from_secs(5),
    })
    .await
    .expect("connect");
    db.migrate().await.expect("migrate");
    Some((db, dir))
}

/// Creates an empty database named `shop_test_<random>` and returns its URL.
pub async fn fresh_postgres_database() -> Option<String> {
    let admin_url = match std::env::var("SHOP_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => url,
        _ if std::env::var("SHOP_TEST_SKIP_POSTGRES").as_deref() == Ok("1") => {
            eprintln!("PostgreSQL test skipped (SHOP_TEST_SKIP_POSTGRES=1)");
            return None;
        }
        _ => panic!(
            "SHOP_TEST_POSTGRES_URL is not set: run the tests with ./shop test, or set \
             SHOP_TEST_SKIP_POSTGRES=1 to skip the PostgreSQL variants"
        ),
    };
    sqlx::any::install_default_drivers();
    let name = format!("shop_test_{:016x}", rand::random::<u64>());
    let mut conn = sqlx::AnyConnection::connect(&admin_url)
        .await
        .expect("connect to the PostgreSQL test server");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .expect("create a test database");
    conn.close().await.ok();
    let (base, _) = admin_url
        .rsplit_once('/')
        .expect("URL with a database name");
    Some(format!("{base}/{name}"))
}

/// Like [`db_test!`], for a test that takes a bare database ([`fresh_db`]) instead of a
/// running shop.
#[macro_export]
macro_rules! bare_db_test {
    ($name:ident) => {
        mod $name {
            use $crate::helpers::{Backend, fresh_db};

            #[tokio::test]
            async fn sqlite() {
                if let Some((db, _dir)) = fresh_db(Backend::Sqlite).await {
                    super::$name(db).await;
                }
            }

            #[tokio::test]
            async fn postgres() {
                if let Some((db, _dir)) = fresh_db(Backend::Postgres).await {
                    super::$name(db).await;
                }
            }
        }
    };
}

/// Declares one async test body that runs against both databases:
/// `db_test!(name)` turns `async fn name(app: TestApp)` into `name::sqlite` and
/// `name::postgres`; `db_test!(name, [("VAR", "value")])` starts the shop with those
/// settings.
#[macro_export]
macro_rules! db_test {
    ($name:ident) => {
        $crate::db_test!($name, []);
    };
    ($name:ident, [$(($var:expr, $value:expr)),* $(,)?]) => {
        mod $name {
            use $crate::helpers::{Backend, spawn_with_env};

            #[tokio::test]
            async fn sqlite() {
                if let Some(app) = spawn_with_env(Backend::Sqlite, &[$(($var, $value)),*]).await {
                    super::$name(app).await;
                }
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(app) = spawn_with_env(Backend::Postgres, &[$(($var, $value)),*]).await {
                    super::$name(app).await;
                }
            }
        }
    };
}

/// A fresh database for a server process: a SQLite file in `dir`, or a new PostgreSQL
/// database; `None` when PostgreSQL tests are explicitly skipped.
pub async fn process_database(backend: Backend, dir: &Path) -> Option<String> {
    match backend {
        Backend::Sqlite => Some(format!("sqlite://{}", dir.join("shop.db").display())),
        Backend::Postgres => fresh_postgres_database().await,
    }
}

/// The shop's own binary run as a process on a free port with a seeded catalog, its output
/// appended to `log`; killed (SIGKILL) when dropped, so a failing test leaves none behind.
pub struct ServerProcess {
    child: std::process::Child,
    pub base: String,
}

impl ServerProcess {
    pub fn start(database_url: &str, site_root: &Path, log: &Path, rust_log: &str) -> Self {
        Self::start_with(database_url, site_root, log, rust_log, &[])
    }

    /// [`ServerProcess::start`] with settings of its own (`("SHOP_DRAIN_SECONDS", "3")`…).
    pub fn start_with(
        database_url: &str,
        site_root: &Path,
        log: &Path,
        rust_log: &str,
        settings: &[(&str, &str)],
    ) -> Self {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("log file");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("SHOP_CONFIG", "")
            .env("DATABASE_URL", database_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", site_root.display().to_string())
            .env("LEPTOS_HASH_FILES", "false")
            .env("SHOP_SESSION_SECRET", TEST_KEY)
            .env("SHOP_SEED_CATALOG", "true")
            .env("RUST_LOG", rust_log)
            .envs(settings.iter().copied())
            .stdout(log.try_clone().expect("log file"))
            .stderr(log)
            .spawn()
            .expect("the server starts");
        ServerProcess {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Waits (up to 10 s) until `/healthz` answers.
    pub async fn wait_until_up(&self) {
        for _ in 0..200 {
            if let Ok(r) = reqwest::get(format!("{}/healthz", self.base)).await
                && r.status().is_success()
            {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the shop did not start");
    }

    /// Sends SIGTERM (the shutdown a service manager asks for).
    #[cfg(unix)]
    pub fn terminate(&self) {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
    }

    /// Whether the process exited within `limit`.
    pub fn exits_within(&mut self, limit: std::time::Duration) -> bool {
        let start = std::time::Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        false
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill(); // SIGKILL
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
