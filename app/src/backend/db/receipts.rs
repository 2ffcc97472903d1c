//! SQL for `erasure_receipts`.

use sqlx::{Any, Executor};

pub async fn insert<'e>(
    db: impl Executor<'e, Database = Any>,
    id: &str,
    summary: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO erasure_receipts (id, created_at, summary) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(now)
        .bind(summary)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn find<'e>(
    db: impl Executor<'e, Database = Any>,
    id: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT created_at, summary FROM erasure_receipts WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await
}
