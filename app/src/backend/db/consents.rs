//! SQL for consent events: every choice a shopper made for a purpose such as marketing.

use crate::domain::ids::UserId;

use sqlx::{Any, Executor};

/// Records a consent choice (`granted` true or false) for a purpose such as "marketing",
/// with the privacy policy version in effect at `now`.
pub async fn record<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: UserId,
    purpose: &str,
    granted: bool,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO consent_events (user_id, purpose, granted, at, policy_version)
         VALUES ($1, $2, $3, $4, (SELECT MAX(version) FROM policy_versions
                                  WHERE effective_at IS NOT NULL AND effective_at <= $4))",
    )
    .bind(user_id)
    .bind(purpose)
    .bind(i64::from(granted))
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
