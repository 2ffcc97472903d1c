//! SQL for the privacy policy versions, their acknowledgements, and consent events.

use crate::domain::ids::UserId;

use sqlx::{Any, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct PolicyVersion {
    pub version: i64,
    pub published_at: i64,
    pub summary_en: String,
    pub summary_zh: String,
}

pub async fn current_policy<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<PolicyVersion, sqlx::Error> {
    sqlx::query_as(
        "SELECT version, published_at, summary_en, summary_zh FROM policy_versions
         ORDER BY version DESC LIMIT 1",
    )
    .fetch_one(db)
    .await
}

pub async fn acknowledge<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: UserId,
    version: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO policy_acknowledgements (user_id, version, acknowledged_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, version) DO NOTHING",
    )
    .bind(user_id)
    .bind(version)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

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
