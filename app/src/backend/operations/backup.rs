//! Backups of an SQLite shop (`server backup --to FILE`, `server restore --from FILE`). A
//! backup is a consistent copy taken while the shop serves. A restore, with the shop
//! stopped, puts a copy back: it refuses a copy from a newer schema than this build's,
//! migrates an older one, and erases again every account erased since the copy was taken
//! (the list is `erased_accounts`, read from the database being replaced). PostgreSQL is
//! backed up with its own tools (`pg_dump`, `pg_restore`: docs/OPERATIONS.md), and
//! `server erase-again --from FILE` replays the list kept before restoring
//! ([`erase_again`]).

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
    #[error("{0} is not a backup of this shop (it has no migration table)")]
    NotABackup(PathBuf),
    #[error("no database at {0}: check DATABASE_URL")]
    Missing(PathBuf),
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

/// `server backup --to FILE`: opens the shop's existing SQLite database at `database_url`
/// as it is (never creating or migrating one) and writes the copy.
pub async fn backup_database(database_url: &str, to: &Path) -> Result<(), BackupError> {
    let path = Db::sqlite_path(database_url).ok_or(BackupError::NotSqlite)?;
    if !path.exists() {
        return Err(BackupError::Missing(path.to_path_buf()));
    }
    let db = Db::connect(&options(database_url)).await?;
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
    // The erasures the database being replaced knows of (none when it has no list yet).
    let erased: Vec<UserId> = if target.exists() {
        let current = Db::connect(&options(database_url)).await?;
        let ids = personal::erased_ids(current.pool()).await;
        current.close().await;
        match ids {
            Ok(ids) => ids,
            Err(error) if error.to_string().contains("no such table") => Vec::new(),
            Err(error) => return Err(error.into()),
        }
    } else {
        Vec::new()
    };
    // The copy is made ready beside the database (migrated, the erasures since replayed and
    // listed in it) and only then renamed over it: a failure leaves the database as it was.
    let staging = target.with_extension("restoring");
    remove_with_sides(&staging)?;
    std::fs::copy(from, &staging)?;
    let staging_url = format!("sqlite://{}", staging.display());
    let prepared = async {
        let db = start::open_database(&options(&staging_url)).await?;
        let erased_again = replay(&db, &erased).await?;
        db.close().await;
        Ok::<usize, BackupError>(erased_again)
    }
    .await;
    let erased_again = match prepared {
        Ok(n) => n,
        Err(error) => {
            let _ = remove_with_sides(&staging);
            return Err(error);
        }
    };
    // The old write-ahead log belongs to the old file (the copy's was checkpointed into it
    // and removed when it closed).
    remove_sides(target)?;
    std::fs::rename(&staging, target)?;
    Ok(Restored {
        backup_version,
        erased_again,
    })
}

/// Erases again the accounts in `ids` that the database still holds, and lists them all as
/// erased; returns how many were erased.
async fn replay(db: &Db, ids: &[UserId]) -> Result<usize, BackupError> {
    let mut erased_again = 0;
    for &id in ids {
        if erasure::erase_user(db, id).await?.is_some() {
            erased_again += 1;
        }
    }
    personal::record_all_erased(db, ids).await?;
    db.flush_erased().await?;
    Ok(erased_again)
}

/// The ids in a list of erased accounts, one per line (blank lines skipped), as
/// `SELECT user_id FROM erased_accounts` prints them; the first line that is not an id is
/// named and nothing is read.
pub fn read_erased_list(text: &str) -> Result<Vec<UserId>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            line.trim()
                .parse::<i64>()
                .ok()
                .filter(|id| *id > 0)
                .map(UserId)
                .ok_or_else(|| format!("line {}: {:?} is not an account id", n + 1, line.trim()))
        })
        .collect()
}

/// After restoring a PostgreSQL dump (or any database from before some erasures): erases
/// again the accounts in `ids`, the list of `erased_accounts` kept before restoring.
pub async fn erase_again(database_url: &str, ids: &[UserId]) -> Result<usize, BackupError> {
    let db = start::open_database(&options(database_url)).await?;
    let erased_again = replay(&db, ids).await;
    db.close().await;
    erased_again
}

/// `path`'s `-wal` and `-shm` files, when there are any.
fn remove_sides(path: &Path) -> std::io::Result<()> {
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        match std::fs::remove_file(PathBuf::from(side)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// `path` and its sides, when there are any.
fn remove_with_sides(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    remove_sides(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_erased_list_is_ids_one_per_line() {
        assert_eq!(
            read_erased_list("3\n\n 17 \n"),
            Ok(vec![UserId(3), UserId(17)])
        );
        assert_eq!(read_erased_list(""), Ok(vec![]));
        let err = read_erased_list("3\nuser_id\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert!(read_erased_list("-4").is_err());
    }
}
