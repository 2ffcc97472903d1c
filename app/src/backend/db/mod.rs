//! Database access: one code path for SQLite (the embedded default) and PostgreSQL, through
//! sqlx's `Any` driver. Queries use `$1`-style placeholders, which both databases accept,
//! integer timestamps (Unix seconds) and integer money. Every SQL statement of the shop lives
//! in this folder, one file per area.

pub mod addresses;
pub mod analytics;
pub mod analytics_report;
pub mod audience;
pub mod authorities;
pub mod backup;
pub mod cart;
pub mod catalog_search;
pub mod changes;
pub mod consents;
pub mod contact;
pub mod handoffs;
pub mod newsletters;
pub mod orders;
pub mod outbox;
pub mod personal;
pub mod policy;
pub mod products;
pub mod receipts;
pub mod recommendations;
pub mod reviews;
pub mod sandbox_parcels;
pub mod sandbox_processor;
pub mod saved_cards;
pub mod sessions;
pub mod sql;
pub mod stripe;
pub mod throttle;
pub mod tokens;
pub mod users;

use sqlx::{
    Any, AnyPool, Transaction,
    any::{AnyConnectOptions, AnyPoolOptions},
    migrate::Migrator,
};
use std::{path::Path, str::FromStr, sync::Once, time::Duration};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// The migrations this build has for `backend`.
fn migrations(backend: Backend) -> &'static Migrator {
    match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend a database URL names, or `None` for an unsupported scheme.
    pub fn of_url(url: &str) -> Option<Backend> {
        let scheme = url.split(':').next()?;
        match scheme {
            "sqlite" => Some(Backend::Sqlite),
            "postgres" | "postgresql" => Some(Backend::Postgres),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct DbOptions {
    pub url: String,
    pub max_connections: u32,
    pub acquire_timeout: Duration,
}

/// A pool of connections to the shop's database.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("unsupported database URL scheme (expected sqlite: or postgres:)")]
    UnsupportedScheme,
    #[error("cannot create the directory for the SQLite file {path}: {source}")]
    Directory {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot connect to the database: {0}")]
    Connect(sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Db {
    /// Connects to the database at `options.url`. For SQLite the file and its directory are
    /// created when missing, and every connection runs with WAL, `synchronous=FULL`, foreign
    /// keys on, a 5 s busy timeout and `secure_delete` (deleted rows are overwritten with
    /// zeros, so erased personal data does not linger in free pages).
    pub async fn connect(options: &DbOptions) -> Result<Db, DbSetupError> {
        static DRIVERS: Once = Once::new();
        DRIVERS.call_once(sqlx::any::install_default_drivers);

        let backend = Backend::of_url(&options.url).ok_or(DbSetupError::UnsupportedScheme)?;
        let mut url = options.url.clone();
        if backend == Backend::Sqlite {
            url = prepare_sqlite_url(&url)?;
        }
        let connect_options = AnyConnectOptions::from_str(&url).map_err(DbSetupError::Connect)?;
        let pool = AnyPoolOptions::new()
            .max_connections(options.max_connections)
            .acquire_timeout(options.acquire_timeout)
            // A PostgreSQL connection is checked before each use (a restart or a proxy may
            // have dropped it); a SQLite connection, a file opened by this process, cannot be
            // dropped from outside, and checking it cost a round trip to its thread per query.
            .test_before_acquire(backend == Backend::Postgres)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        for pragma in [
                            "PRAGMA journal_mode = WAL",
                            "PRAGMA synchronous = FULL",
                            "PRAGMA foreign_keys = ON",
                            "PRAGMA busy_timeout = 5000",
                            "PRAGMA secure_delete = ON",
                        ] {
                            sqlx::query(pragma).execute(&mut *conn).await?;
                        }
                    }
                    Ok(())
                })
            })
            .connect_with(connect_options)
            .await
            .map_err(DbSetupError::Connect)?;
        Ok(Db { pool, backend })
    }

    /// Brings the schema up to date.
    pub async fn migrate(&self) -> Result<(), DbSetupError> {
        migrations(self.backend).run(&self.pool).await?;
        Ok(())
    }

    /// The newest schema version this build knows.
    pub fn latest_migration(backend: Backend) -> i64 {
        migrations(backend)
            .iter()
            .map(|m| m.version)
            .max()
            .unwrap_or(0)
    }

    /// The file of an SQLite database URL (`sqlite://shop.db?mode=rwc` → `shop.db`).
    pub fn sqlite_path(url: &str) -> Option<&Path> {
        let rest = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))?;
        let path = rest.split_once('?').map_or(rest, |(path, _)| path);
        (!path.is_empty() && path != ":memory:").then(|| Path::new(path))
    }

    /// Whether the database holds every migration this build has, each applied successfully.
    pub async fn migrations_current(&self) -> Result<bool, sqlx::Error> {
        let expected: Vec<i64> = migrations(self.backend).iter().map(|m| m.version).collect();
        let applied: Vec<i64> = sqlx::query_scalar(
            "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(expected.iter().all(|v| applied.contains(v)))
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock up front
    /// (`BEGIN IMMEDIATE`): a deferred transaction that later upgrades from read to write can
    /// fail with "database is locked" regardless of the busy timeout.
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// After an erasure: on SQLite, copies the write-ahead log into the database file and
    /// truncates it to nothing, so the old versions of the erased rows it still held are
    /// gone from the disk files too. Waits for readers (busy timeout) and tries a few times.
    /// Nothing to do on PostgreSQL (see docs/ARCHITECTURE.md, "Erasure on disk").
    pub async fn flush_erased(&self) -> Result<(), sqlx::Error> {
        if self.backend != Backend::Sqlite {
            return Ok(());
        }
        for _ in 0..5 {
            let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&self.pool)
                .await?;
            if busy == 0 {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tracing::warn!("the write-ahead log could not be truncated after an erasure");
        Ok(())
    }

    /// True when the database answers a trivial query.
    pub async fn is_healthy(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Adds `mode=rwc` (create when missing) and creates the file's directory.
fn prepare_sqlite_url(url: &str) -> Result<String, DbSetupError> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or_default();
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path == ":memory:" {
        return Ok(url.to_string());
    }
    if let Some(dir) = Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|source| DbSetupError::Directory {
            path: path.to_string(),
            source,
        })?;
    }
    if query.split('&').any(|kv| kv.starts_with("mode=")) {
        Ok(url.to_string())
    } else if query.is_empty() {
        Ok(format!("{url}?mode=rwc"))
    } else {
        Ok(format!("{url}&mode=rwc"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_backends() {
        assert_eq!(
            Backend::of_url("sqlite://data/shop.db"),
            Some(Backend::Sqlite)
        );
        assert_eq!(Backend::of_url("sqlite::memory:"), Some(Backend::Sqlite));
        assert_eq!(
            Backend::of_url("postgres://u@h/db"),
            Some(Backend::Postgres)
        );
        assert_eq!(
            Backend::of_url("postgresql://u@h/db"),
            Some(Backend::Postgres)
        );
        assert_eq!(Backend::of_url("mysql://u@h/db"), None);
        assert_eq!(Backend::of_url("data/shop.db"), None);
    }

    #[test]
    fn sqlite_urls_create_missing_files() {
        let dir = std::env::temp_dir().join(format!("shop-url-test-{}", std::process::id()));
        let file = dir.join("sub/shop.db");
        let url = format!("sqlite://{}", file.display());
        assert_eq!(prepare_sqlite_url(&url).unwrap(), format!("{url}?mode=rwc"));
        assert!(dir.join("sub").is_dir());
        let with_query = format!("{url}?cache=shared");
        assert_eq!(
            prepare_sqlite_url(&with_query).unwrap(),
            format!("{with_query}&mode=rwc")
        );
        let explicit = format!("{url}?mode=ro");
        assert_eq!(prepare_sqlite_url(&explicit).unwrap(), explicit);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn both_backends_have_the_same_migrations() {
        let names = |m: &Migrator| {
            m.iter()
                .map(|m| (m.version, m.description.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&SQLITE_MIGRATIONS), names(&POSTGRES_MIGRATIONS));
    }
}
