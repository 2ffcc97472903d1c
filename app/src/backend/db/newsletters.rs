//! SQL for `newsletters`: what staff wrote to shoppers who opted in, and how far sending is.

use crate::domain::{ids::UserId, marketing::NewsletterForm};
use sqlx::{Any, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct NewsletterRow {
    pub id: i64,
    pub subject_en: String,
    pub body_en: String,
    pub subject_zh: String,
    pub body_zh: String,
    pub author_id: Option<UserId>,
    pub created_at: i64,
    /// The last account id queued; `None` once every recipient has one.
    pub send_after: Option<i64>,
    pub recipients: i64,
}

impl NewsletterRow {
    pub fn form(&self) -> NewsletterForm {
        NewsletterForm {
            subject_en: self.subject_en.clone(),
            body_en: self.body_en.clone(),
            subject_zh: self.subject_zh.clone(),
            body_zh: self.body_zh.clone(),
        }
    }
}

const COLUMNS: &str =
    "id, subject_en, body_en, subject_zh, body_zh, author_id, created_at, send_after, recipients";

/// Stores a newsletter, to be sent from the first account on.
pub async fn insert<'e>(
    db: impl Executor<'e, Database = Any>,
    form: &NewsletterForm,
    author: UserId,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO newsletters (subject_en, body_en, subject_zh, body_zh, author_id, created_at,
                                  send_after)
         VALUES ($1, $2, $3, $4, $5, $6, 0)
         RETURNING id",
    )
    .bind(form.subject_en.trim())
    .bind(&form.body_en)
    .bind(form.subject_zh.trim())
    .bind(&form.body_zh)
    .bind(author)
    .bind(now)
    .fetch_one(db)
    .await
}

/// The oldest newsletter still sending.
pub async fn sending<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Option<NewsletterRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM newsletters WHERE send_after IS NOT NULL ORDER BY id LIMIT 1"
    ))
    .fetch_optional(db)
    .await
}

/// Moves a newsletter's cursor from `from` to `to` (`None`: done) and counts `queued` more
/// recipients; 0 rows when another server moved it first.
pub async fn advance<'e>(
    db: impl Executor<'e, Database = Any>,
    id: i64,
    from: i64,
    to: Option<i64>,
    queued: i64,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE newsletters SET send_after = $3, recipients = recipients + $4
         WHERE id = $1 AND send_after = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(queued)
    .execute(db)
    .await?
    .rows_affected())
}

/// The newest newsletters first.
pub async fn recent<'e>(
    db: impl Executor<'e, Database = Any>,
    limit: i64,
) -> Result<Vec<NewsletterRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM newsletters ORDER BY id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(db)
    .await
}
