//! SQL for `outbox`: mail waiting to leave, and mail kept in the local mailbox.

use crate::domain::ids::{MailId, UserId};

use sqlx::{Any, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct OutboxRow {
    pub id: MailId,
    pub user_id: Option<UserId>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub delivered_at: Option<i64>,
    pub transport: Option<String>,
    pub last_error: Option<String>,
    /// Which mail it is (`order_shipped`…; empty for mail written before kinds were kept).
    pub kind: String,
    /// Extra header lines (`Name: value`, one per line; the unsubscribe pair of marketing
    /// mail), empty for most mail.
    pub headers: String,
}

const COLUMNS: &str = "id, user_id, recipient, subject, body, created_at, attempts, next_attempt_at, \
                       delivered_at, transport, last_error, kind, headers";

/// A message to write to the outbox.
#[derive(Clone, Copy, Debug)]
pub struct NewMail<'a> {
    pub user_id: Option<UserId>,
    pub recipient: &'a str,
    pub kind: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// Extra header lines, `Name: value` each (usually none).
    pub headers: &'a str,
}

pub async fn insert<'e>(
    db: impl Executor<'e, Database = Any>,
    mail: NewMail<'_>,
    now: i64,
) -> Result<MailId, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO outbox (user_id, recipient, kind, subject, body, headers, created_at,
                             next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         RETURNING id",
    )
    .bind(mail.user_id)
    .bind(mail.recipient)
    .bind(mail.kind)
    .bind(mail.subject)
    .bind(mail.body)
    .bind(mail.headers)
    .bind(now)
    .fetch_one(db)
    .await
}

/// Mail due for a delivery attempt.
pub async fn due<'e>(
    db: impl Executor<'e, Database = Any>,
    now: i64,
    limit: i64,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM outbox
         WHERE delivered_at IS NULL AND next_attempt_at <= $1
         ORDER BY id LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Claims one delivery attempt: succeeds for exactly one worker even when several app
/// servers share the database.
pub async fn claim<'e>(
    db: impl Executor<'e, Database = Any>,
    row: &OutboxRow,
    retry_at: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1
         WHERE id = $2 AND delivered_at IS NULL AND attempts = $3",
    )
    .bind(retry_at)
    .bind(row.id)
    .bind(row.attempts)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a message delivered. `keep_body` false deletes its text and extra headers (mail
/// that has left the shop: the copy here would only keep personal data and live links
/// around).
pub async fn mark_delivered<'e>(
    db: impl Executor<'e, Database = Any>,
    id: MailId,
    transport: &str,
    now: i64,
    keep_body: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET delivered_at = $1, transport = $2, last_error = NULL,
                body = CASE WHEN $4 = 1 THEN body ELSE '' END,
                headers = CASE WHEN $4 = 1 THEN headers ELSE '' END
         WHERE id = $3",
    )
    .bind(now)
    .bind(transport)
    .bind(id)
    .bind(i64::from(keep_body))
    .execute(db)
    .await?;
    Ok(())
}

pub async fn mark_failed<'e>(
    db: impl Executor<'e, Database = Any>,
    id: MailId,
    error: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE outbox SET last_error = $1 WHERE id = $2")
        .bind(error)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// The local mailbox, newest first (for staff at /admin/mail and for tests).
pub async fn mailbox<'e>(
    db: impl Executor<'e, Database = Any>,
    recipient: Option<&str>,
    limit: i64,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM outbox
         WHERE ($1 = '' OR recipient = $1)
         ORDER BY id DESC LIMIT $2"
    ))
    .bind(recipient.unwrap_or(""))
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Deletes delivered mail older than `cutoff` (the mailbox keeps personal data only briefly).
pub async fn delete_delivered_before<'e>(
    db: impl Executor<'e, Database = Any>,
    cutoff: i64,
) -> Result<u64, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < $1")
            .bind(cutoff)
            .execute(db)
            .await?;
    Ok(done.rows_affected())
}

/// Mails not delivered: how many are still being tried (fewer than `max_attempts` tries),
/// when the oldest of those was written, and how many were given up.
pub async fn waiting<'e>(
    db: impl Executor<'e, Database = Any>,
    max_attempts: i64,
) -> Result<(i64, Option<i64>, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(CASE WHEN attempts < $1 THEN 1 END),
                MIN(CASE WHEN attempts < $1 THEN created_at END),
                COUNT(CASE WHEN attempts >= $1 THEN 1 END)
         FROM outbox WHERE delivered_at IS NULL",
    )
    .bind(max_attempts)
    .fetch_one(db)
    .await
}
