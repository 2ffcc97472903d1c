//! Delivers the outboxes (mail, and parcels to book with carriers): on every wake-up
//! (`AppState::outbox_written`) and at least every five seconds. Both follow the one retry
//! policy of `domain/outbox.rs`.

use crate::backend::{
    AppState,
    mail::worker::{self, Transport},
    orders::handoff,
};
use std::time::Duration;

pub async fn run(state: AppState, transport: Transport) {
    let _running = state.health.outbox_started();
    loop {
        if let Err(error) = worker::deliver_due(&state.db, &transport).await {
            tracing::warn!(%error, "mail outbox pass failed");
        }
        if let Err(error) = handoff::deliver_due(&state).await {
            tracing::warn!(%error, "carrier outbox pass failed");
        }
        tokio::select! {
            _ = state.outbox_nudge.notified() => {}
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}
