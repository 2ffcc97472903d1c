//! SQL for consent events: every choice a shopper made for a purpose such as marketing.

use crate::domain::ids::UserId;

use sqlx::{Any, Executor};

/// Records a consent choice (`granted` true or false) for a purpose such as "marketing".
pub async fn record<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: UserId,
    purpose: &str,
    granted: bool,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO consent_events (user_id, purpose, granted, at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(purpose)
    .bind(i64::from(granted))
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
