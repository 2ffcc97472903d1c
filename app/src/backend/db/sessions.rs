//! SQL for the `sessions` table.

use crate::domain::ids::UserId;

use super::sql::Sql;
use super::{Backend, Db};
use serde_json::{Map, Value};
use sqlx::{Any, AnyPool, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct SessionRow {
    pub id_hash: String,
    pub data: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub idle_timeout: i64,
    pub user_id: Option<UserId>,
    pub user_agent: Option<String>,
}

const COLUMNS: &str =
    "id_hash, data, created_at, last_seen_at, expires_at, idle_timeout, user_id, user_agent";

pub async fn insert(pool: &AnyPool, row: &SessionRow) -> Result<(), sqlx::Error> {
    let columns = vec![
        ("id_hash", (&row.id_hash).into()),
        ("data", (&row.data).into()),
        ("created_at", row.created_at.into()),
        ("last_seen_at", row.last_seen_at.into()),
        ("expires_at", row.expires_at.into()),
        ("idle_timeout", row.idle_timeout.into()),
        ("user_id", row.user_id.map(|id| id.0).into()),
        ("user_agent", (&row.user_agent).into()),
    ];
    Sql::insert("sessions", columns)
        .query()
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
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM sessions
         WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at + idle_timeout > $2"
    ))
    .bind(id_hash)
    .bind(now)
    .fetch_optional(pool)
    .await
}

/// The live sessions of a user, most recently used first.
pub async fn list_for_user(
    pool: &AnyPool,
    user_id: UserId,
    now: i64,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM sessions
         WHERE user_id = $1 AND expires_at > $2 AND last_seen_at + idle_timeout > $2
         ORDER BY last_seen_at DESC"
    ))
    .bind(user_id)
    .bind(now)
    .fetch_all(pool)
    .await
}

/// Ends every session of a user except `keep` (if given); returns how many ended.
pub async fn delete_for_user<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: UserId,
    keep: Option<&str>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(user_id)
        .bind(keep.unwrap_or(""))
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// Ends one session of a user; 0 when it is not theirs.
pub async fn delete_one_for_user(
    pool: &AnyPool,
    user_id: UserId,
    id_hash: &str,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash = $2")
        .bind(user_id)
        .bind(id_hash)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub async fn touch(pool: &AnyPool, id_hash: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(now)
        .bind(id_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// Sets (`Some`) or removes (`None`) one key of a session's data and returns the data as it
/// now stands, or `None` when the session is gone. The row is read and written in one write
/// transaction (locked on PostgreSQL, `BEGIN IMMEDIATE` on SQLite), so two requests of one
/// session that change different keys at once both keep their change.
pub async fn set_key(
    db: &Db,
    id_hash: &str,
    key: &str,
    value: Option<&Value>,
) -> Result<Option<Map<String, Value>>, sqlx::Error> {
    let lock = match db.backend() {
        Backend::Postgres => " FOR UPDATE",
        Backend::Sqlite => "",
    };
    let mut tx = db.begin_write().await?;
    let stored: Option<String> = sqlx::query_scalar(&format!(
        "SELECT data FROM sessions WHERE id_hash = $1{lock}"
    ))
    .bind(id_hash)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(stored) = stored else {
        return Ok(None);
    };
    let mut data: Map<String, Value> = serde_json::from_str(&stored).unwrap_or_default();
    let changed = match value {
        Some(value) => data.insert(key.to_string(), value.clone()).as_ref() != Some(value),
        None => data.remove(key).is_some(),
    };
    if changed {
        sqlx::query("UPDATE sessions SET data = $1 WHERE id_hash = $2")
            .bind(Value::Object(data.clone()).to_string())
            .bind(id_hash)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Some(data))
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
