//! Reads the database's change log every [`POLL`](crate::backend::memory::changes::POLL),
//! so that kept values and pages drop what another server changed.

use crate::backend::{AppState, memory::changes::POLL};

pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(error) = state.changes.catch_up(&state.db).await {
            tracing::warn!(%error, "reading the change log failed; will retry");
        }
    }
}
