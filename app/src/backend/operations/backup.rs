//! Backups of an SQLite shop (`server backup --to FILE`, `server restore --from FILE`). A
//! backup is a consistent copy taken while the shop serves. A restore, with the shop
//! stopped, puts a copy back: it refuses a copy from a newer schema than this build's,
//! migrates an older one, and erases again every account erased since the copy was taken
//! (the list is `erased_accounts`, read from the database being replaced). PostgreSQL is
//! backed up with its own tools (`pg_dump`, `pg_restore`: docs/OPERATIONS.md).

use crate::backend::{
    db::{Backend, Db, DbOptions, DbSetupError, backup, personal},
    privacy::erasure,
    start,
};
use crate::domain::ids::UserId;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "this command copies SQLite databases; for PostgreSQL use pg_dump and pg_restore (see docs/OPERATIONS.md)"
    )]
    NotSqlite,
    #[error("{0} already exists: choose a new file for the backup")]
    Exists(PathBuf),
    #[error("{0} is not a backup of this shop")]
    NotABackup(PathBuf),
    #[error(
        "the backup holds schema version {backup}, newer than this build's {build}: restore it with the newer build"
    )]
    Newer { backup: i64, build: i64 },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database: {0}")]
    Setup(#[from] DbSetupError),
}

fn options(url: &str) -> DbOptions {
    DbOptions {
        url: url.to_string(),
        max_connections: 1,
        acquire_timeout: Duration::from_secs(5),
    }
}

/// Writes a consistent copy of the running shop's database to `to` (which must not exist).
pub async fn backup(db: &Db, to: &Path) -> Result<(), BackupError> {
    if db.backend() != Backend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    if to.exists() {
        return Err(BackupError::Exists(to.to_path_buf()));
    }
    backup::vacuum_into(db, to).await?;
    Ok(())
}

/// `server backup --to FILE`: opens the shop's database at `database_url` (SQLite only)
/// and writes the copy.
pub async fn backup_database(database_url: &str, to: &Path) -> Result<(), BackupError> {
    if Db::sqlite_path(database_url).is_none() {
        return Err(BackupError::NotSqlite);
    }
    let db = start::open_database(&options(database_url)).await?;
    let done = backup(&db, to).await;
    db.close().await;
    done
}

/// What a restore did.
#[derive(Debug, PartialEq, Eq)]
pub struct Restored {
    /// The schema version of the copy (migrated to this build's after).
    pub backup_version: i64,
    /// Accounts erased after the copy was taken, erased again.
    pub erased_again: usize,
}

/// Puts the copy at `from` in place of the database at `database_url` (the shop must be
/// stopped), then erases again the accounts erased since.
pub async fn restore(database_url: &str, from: &Path) -> Result<Restored, BackupError> {
    let target = Db::sqlite_path(database_url).ok_or(BackupError::NotSqlite)?;
    let backup_version = backup::schema_version_of(from)
        .await
        .map_err(|_| BackupError::NotABackup(from.to_path_buf()))?;
    let build = Db::latest_migration(Backend::Sqlite);
    if backup_version > build {
        return Err(BackupError::Newer {
            backup: backup_version,
            build,
        });
    }
    // The erasures the database being replaced knows of.
    let erased: Vec<UserId> = if target.exists() {
        let current = Db::connect(&options(database_url)).await?;
        let ids = personal::erased_ids(current.pool())
            .await
            .unwrap_or_default();
        current.close().await;
        ids
    } else {
        Vec::new()
    };
    // The copy goes in whole or not at all: written beside the database, then renamed over
    // it, with the old write-ahead log removed (it belongs to the old file).
    let staging = target.with_extension("restoring");
    std::fs::copy(from, &staging)?;
    for suffix in ["-wal", "-shm"] {
        let mut side = target.as_os_str().to_owned();
        side.push(suffix);
        match std::fs::remove_file(PathBuf::from(side)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    std::fs::rename(&staging, target)?;
    let db = start::open_database(&options(database_url)).await?;
    let mut erased_again = 0;
    for id in erased {
        if erasure::erase_user(&db, id).await?.is_some() {
            erased_again += 1;
        }
    }
    db.close().await;
    Ok(Restored {
        backup_version,
        erased_again,
    })
}
