//! Every few seconds: orders whose placing stopped half-way (the process was killed between
//! taking the stock and recording the payment) are settled with the processor's answer.

use crate::backend::{AppState, orders::settling};
use std::time::Duration;

pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        let after = state.settings.gateway.stale_after_secs();
        if let Err(error) = settling::recover_stale(&state, after).await {
            tracing::warn!(%error, "settling unfinished orders failed; will retry");
        }
    }
}
