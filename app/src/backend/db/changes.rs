//! SQL for `changes`, the log that triggers append to (see the migration `changes.sql`).

use sqlx::{Any, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct ChangeRow {
    pub seq: i64,
    pub scope: String,
    pub key: String,
}

/// Rows after `after`, and the rows `watched` (numbers seen missing earlier), oldest first.
pub async fn since<'e>(
    db: impl Executor<'e, Database = Any>,
    after: i64,
    watched: &[i64],
    limit: i64,
) -> Result<Vec<ChangeRow>, sqlx::Error> {
    // The watched numbers are few and integers: written into the statement.
    let watched: Vec<String> = watched.iter().map(i64::to_string).collect();
    let also = if watched.is_empty() {
        String::new()
    } else {
        format!(" OR seq IN ({})", watched.join(","))
    };
    sqlx::query_as(&format!(
        "SELECT seq, scope, key FROM changes WHERE seq > $1{also} ORDER BY seq LIMIT $2"
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// The newest row's number (0 when the log is empty).
pub async fn last<'e>(db: impl Executor<'e, Database = Any>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT CAST(COALESCE(MAX(seq), 0) AS BIGINT) FROM changes")
        .fetch_one(db)
        .await
}

pub async fn delete_before<'e>(
    db: impl Executor<'e, Database = Any>,
    cutoff: i64,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM changes WHERE at < $1")
        .bind(cutoff)
        .execute(db)
        .await?
        .rows_affected())
}
