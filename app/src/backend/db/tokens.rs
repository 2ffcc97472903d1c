//! SQL for `email_tokens`: single-use links sent by mail.

use crate::domain::ids::UserId;

use crate::domain::account::LinkPurpose;
use sqlx::{Any, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct TokenRow {
    pub user_id: UserId,
    pub purpose: LinkPurpose,
    pub email: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub async fn insert<'e>(
    db: impl Executor<'e, Database = Any>,
    token_hash: &str,
    user_id: UserId,
    purpose: LinkPurpose,
    email: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO email_tokens (token_hash, user_id, purpose, email, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(purpose)
    .bind(email)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Marks a live token of `purpose` used and returns it. Only one caller can win: the
/// conditional update is the claim, so a link used twice at once works once.
pub async fn claim(
    tx: &mut sqlx::AnyConnection,
    token_hash: &str,
    purpose: LinkPurpose,
    now: i64,
) -> Result<Option<TokenRow>, sqlx::Error> {
    let claimed = sqlx::query(
        "UPDATE email_tokens SET used_at = $1
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(token_hash)
    .bind(purpose)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Ok(None);
    }
    sqlx::query_as(
        "SELECT user_id, purpose, email, expires_at, used_at FROM email_tokens WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&mut *tx)
    .await
}

/// A live token of `purpose`, without using it (to show the form behind a link).
pub async fn find_live<'e>(
    db: impl Executor<'e, Database = Any>,
    token_hash: &str,
    purpose: LinkPurpose,
    now: i64,
) -> Result<Option<TokenRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT user_id, purpose, email, expires_at, used_at FROM email_tokens
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash)
    .bind(purpose)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Invalidates every unused token of `purpose` for a user (a newer link replaces older ones).
pub async fn revoke_all<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: UserId,
    purpose: LinkPurpose,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE email_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .bind(purpose)
    .execute(db)
    .await?;
    Ok(())
}

/// Deletes used and expired tokens older than `cutoff`.
pub async fn delete_stale<'e>(
    db: impl Executor<'e, Database = Any>,
    cutoff: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM email_tokens WHERE expires_at < $1")
        .bind(cutoff)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
