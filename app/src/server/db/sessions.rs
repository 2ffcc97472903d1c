//! SQL for the `sessions` table.

use sqlx::{AnyPool, Row};

#[derive(Clone, Debug)]
pub struct SessionRow {
    pub id_hash: String,
    pub data: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub idle_timeout: i64,
}

pub async fn insert(pool: &AnyPool, row: &SessionRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, data, created_at, last_seen_at, expires_at, idle_timeout)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&row.id_hash)
    .bind(&row.data)
    .bind(row.created_at)
    .bind(row.last_seen_at)
    .bind(row.expires_at)
    .bind(row.idle_timeout)
    .execute(pool)
    .await?;
    Ok(())
}

/// The session with this hash if it has not expired at `now` (absolute or idle).
pub async fn find_live(
    pool: &AnyPool,
    id_hash: &str,
    now: i64,
) -> Result<Option<SessionRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id_hash, data, created_at, last_seen_at, expires_at, idle_timeout
         FROM sessions
         WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at + idle_timeout > $2",
    )
    .bind(id_hash)
    .bind(now)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(SessionRow {
            id_hash: r.try_get("id_hash")?,
            data: r.try_get("data")?,
            created_at: r.try_get("created_at")?,
            last_seen_at: r.try_get("last_seen_at")?,
            expires_at: r.try_get("expires_at")?,
            idle_timeout: r.try_get("idle_timeout")?,
        })
    })
    .transpose()
}

pub async fn touch(pool: &AnyPool, id_hash: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(now)
        .bind(id_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn update_data(pool: &AnyPool, id_hash: &str, data: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET data = $1 WHERE id_hash = $2")
        .bind(data)
        .bind(id_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn delete(pool: &AnyPool, id_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// Deletes every session that has expired at `now`; returns how many.
pub async fn delete_expired(pool: &AnyPool, now: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at + idle_timeout <= $1",
    )
    .bind(now)
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
