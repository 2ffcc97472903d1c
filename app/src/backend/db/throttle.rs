//! SQL for `sign_in_throttle`.

use sqlx::{Any, Executor, FromRow};

#[derive(Clone, Copy, Debug, FromRow)]
pub struct ThrottleRow {
    pub hits: i64,
    pub window_start: i64,
    pub last_hit_at: i64,
}

pub async fn get<'e>(
    db: impl Executor<'e, Database = Any>,
    scope: &str,
    key_hash: &str,
) -> Result<Option<ThrottleRow>, sqlx::Error> {
    sqlx::query_as("SELECT hits, window_start, last_hit_at FROM sign_in_throttle WHERE scope = $1 AND key_hash = $2")
        .bind(scope)
        .bind(key_hash)
        .fetch_optional(db)
        .await
}

pub async fn put<'e>(
    db: impl Executor<'e, Database = Any>,
    scope: &str,
    key_hash: &str,
    row: ThrottleRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sign_in_throttle (scope, key_hash, hits, window_start, last_hit_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (scope, key_hash)
         DO UPDATE SET hits = $3, window_start = $4, last_hit_at = $5",
    )
    .bind(scope)
    .bind(key_hash)
    .bind(row.hits)
    .bind(row.window_start)
    .bind(row.last_hit_at)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn clear<'e>(
    db: impl Executor<'e, Database = Any>,
    scope: &str,
    key_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE scope = $1 AND key_hash = $2")
        .bind(scope)
        .bind(key_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Counts one hit in a fixed window: the window restarts at `now` when it began at or before
/// `window_cutoff`. Returns the hits in the current window, this one included.
pub async fn hit<'e>(
    db: impl Executor<'e, Database = Any>,
    scope: &str,
    key_hash: &str,
    window_cutoff: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO sign_in_throttle (scope, key_hash, hits, window_start, last_hit_at)
         VALUES ($1, $2, 1, $3, $3)
         ON CONFLICT (scope, key_hash) DO UPDATE SET
             hits = CASE WHEN sign_in_throttle.window_start > $4
                         THEN sign_in_throttle.hits + 1 ELSE 1 END,
             window_start = CASE WHEN sign_in_throttle.window_start > $4
                                 THEN sign_in_throttle.window_start ELSE $3 END,
             last_hit_at = $3
         RETURNING hits",
    )
    .bind(scope)
    .bind(key_hash)
    .bind(now)
    .bind(window_cutoff)
    .fetch_one(db)
    .await
}

pub async fn delete_older_than<'e>(
    db: impl Executor<'e, Database = Any>,
    cutoff: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sign_in_throttle WHERE last_hit_at < $1")
        .bind(cutoff)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
