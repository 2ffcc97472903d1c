//! Housekeeping, hourly: expired sessions, used and expired links, old throttling rows,
//! guest carts whose session has ended, expired Stripe card entries, Stripe webhook events
//! older than 30 days and delivered mail past its retention are deleted; raw analytics records past theirs become daily totals;
//! conversations closed longer than a year ago are deleted; accounts cancelled longer than
//! their grace period ago are erased.

use super::Retention;
use crate::backend::{
    AppState,
    accounts::lifecycle,
    analytics, contact,
    db::{cart, outbox, stripe, throttle, tokens},
    now,
};
use std::time::Duration;

const DAY: i64 = 86_400;

pub async fn run(state: AppState, retention: Retention) {
    let period = Duration::from_secs(3600);
    // The first round runs an hour after start, not during start-up.
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    loop {
        tick.tick().await;
        round(&state, retention).await;
    }
}

/// One round of housekeeping.
async fn round(state: &AppState, retention: Retention) {
    let now = now();
    let pool = state.db.pool();
    let results = [
        ("sessions", state.sessions.purge_expired().await),
        ("email links", tokens::delete_stale(pool, now - DAY).await),
        (
            "throttling rows",
            throttle::delete_older_than(pool, now - DAY).await,
        ),
        (
            "abandoned guest cart lines",
            // A guest cart lives in a guest session, which lives at most this long.
            cart::delete_guest_lines_before(
                pool,
                now - state.sessions.standard_lifetime().absolute - DAY,
            )
            .await,
        ),
        (
            // Stripe's Checkout Sessions expire after a day.
            "Stripe card entries",
            stripe::delete_entries_before(pool, now - DAY).await,
        ),
        (
            "Stripe webhook events",
            stripe::delete_events_before(pool, now - 30 * DAY).await,
        ),
        (
            "delivered mail",
            outbox::delete_delivered_before(pool, now - i64::from(retention.mail_days) * DAY).await,
        ),
        (
            "analytics records",
            analytics::expire(state, now, retention.analytics_days).await,
        ),
        (
            "closed conversations",
            contact::expire_closed(state, now).await,
        ),
    ];
    for (what, result) in results {
        match result {
            Ok(n) if n > 0 => tracing::info!(rows = n, "expired {what} deleted"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "clean-up of {what} failed"),
        }
    }
    match lifecycle::erase_expired_deactivations(state).await {
        Ok(n) if n > 0 => tracing::info!(
            accounts = n,
            "cancelled accounts erased after their grace period"
        ),
        Ok(_) => {}
        Err(error) => tracing::warn!(?error, "erasing cancelled accounts failed"),
    }
}
