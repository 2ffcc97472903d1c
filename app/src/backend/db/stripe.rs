//! SQL for the Stripe gateway's own tables (`stripe_card_entries`, `stripe_events`):
//! which Checkout Session a card entry opened, and which webhook events were applied
//! (`outside/stripe/`).

use sqlx::{Any, Executor};

pub async fn insert_entry<'e>(
    db: impl Executor<'e, Database = Any>,
    entry: &str,
    session_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO stripe_card_entries (entry, session_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(entry)
    .bind(session_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// The Checkout Session of an entry the shop opened since `since`.
pub async fn session_of<'e>(
    db: impl Executor<'e, Database = Any>,
    entry: &str,
    since: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT session_id FROM stripe_card_entries WHERE entry = $1 AND created_at > $2",
    )
    .bind(entry)
    .bind(since)
    .fetch_optional(db)
    .await
}

/// Entries older than `before` go: their sessions have expired at Stripe.
pub async fn delete_entries_before<'e>(
    db: impl Executor<'e, Database = Any>,
    before: i64,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM stripe_card_entries WHERE created_at < $1")
            .bind(before)
            .execute(db)
            .await?
            .rows_affected(),
    )
}

/// True when the event was applied before.
pub async fn event_applied<'e>(
    db: impl Executor<'e, Database = Any>,
    id: &str,
) -> Result<bool, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM stripe_events WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(found.is_some())
}

/// Records an applied event (a second record of one changes nothing).
pub async fn record_event<'e>(
    db: impl Executor<'e, Database = Any>,
    id: &str,
    kind: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO stripe_events (id, kind, received_at) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(kind)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Applied events received before `before` go: Stripe stops delivering an event again after
/// three days.
pub async fn delete_events_before<'e>(
    db: impl Executor<'e, Database = Any>,
    before: i64,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM stripe_events WHERE received_at < $1")
            .bind(before)
            .execute(db)
            .await?
            .rows_affected(),
    )
}
