//! Every few seconds: the notice mail of a newly published privacy policy version is queued
//! for the next batch of accounts (see `privacy/policy.rs::queue_notices`), until every
//! account has one; then the job waits for the next version.

use crate::backend::{AppState, now, privacy::policy};
use std::time::Duration;

pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        // Batch after batch while there are accounts left, then wait for the next tick.
        loop {
            match policy::queue_notices(&state, policy::NOTICE_BATCH, now()).await {
                Ok(0) => break,
                Ok(n) => tracing::info!(mails = n, "privacy policy notices queued"),
                Err(error) => {
                    tracing::warn!(%error, "queueing privacy policy notices failed; will retry");
                    break;
                }
            }
        }
    }
}
