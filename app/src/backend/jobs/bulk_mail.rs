//! Every few seconds: mail that goes to many accounts is queued in batches, one batch per
//! transaction, until every recipient has theirs: the notice of a newly published privacy
//! policy version (`privacy/policy.rs::queue_notices`) and newsletters to accounts that
//! opted in to marketing mail (`marketing/newsletters.rs::queue_batch`).

use crate::backend::{AppState, marketing::newsletters, now, privacy::policy};
use crate::error::ShopResult;
use std::time::Duration;

pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        drain("privacy policy notices", || {
            policy::queue_notices(&state, policy::NOTICE_BATCH, now())
        })
        .await;
        drain("newsletter mail", || {
            newsletters::queue_batch(&state, newsletters::BATCH, now())
        })
        .await;
    }
}

/// Batch after batch while there are recipients left.
async fn drain<F, Fut>(what: &str, mut round: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ShopResult<usize>>,
{
    loop {
        match round().await {
            Ok(0) => break,
            Ok(n) => tracing::info!(mails = n, "{what} queued"),
            Err(error) => {
                tracing::warn!(%error, "queueing {what} failed; will retry");
                break;
            }
        }
    }
}
