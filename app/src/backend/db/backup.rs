//! SQL for backups of an SQLite shop: a consistent copy made while it serves (`VACUUM
//! INTO`), and the schema version a copy holds.

use super::{Backend, Db};
use sqlx::any::AnyPoolOptions;
use std::path::Path;

/// Writes a consistent copy of the database to `to` (a new file), while the shop serves:
/// `VACUUM INTO` reads one snapshot, and the copy is compact (free pages, and so erased
/// data, are not carried over).
pub async fn vacuum_into(db: &Db, to: &Path) -> Result<(), sqlx::Error> {
    debug_assert_eq!(db.backend(), Backend::Sqlite);
    sqlx::query("VACUUM INTO $1")
        .bind(to.display().to_string())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The newest migration applied in the SQLite database at `path`, opened read-only.
pub async fn schema_version_of(path: &Path) -> Result<i64, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(&format!("sqlite://{}?mode=ro", path.display()))
        .await?;
    let version =
        sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
            .fetch_one(&pool)
            .await;
    pool.close().await;
    version
}
