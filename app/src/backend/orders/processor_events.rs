//! What the payment processor reports on its own, through its webhooks: a payment it
//! settled after the shop's request ended, and a refund. Each is the same change the shop
//! makes itself (`settling.rs`, `fulfilment.rs`), which happens once whoever comes first.

use super::{
    fulfilment::{self, Actor},
    settling::settle,
};
use crate::backend::{AppState, db::orders, now, payments::ChargeOutcome};
use crate::{domain::order::OrderStatus, error::ShopResult};

/// How long after its last change a failure report waits for the order's own request,
/// which also counts the failure against the card, account and address (`fraud.rs`):
/// longer than the processor's longest answer.
pub const FAILURE_WAIT_SECS: i64 = 60;

/// What a report did.
#[derive(Debug, PartialEq, Eq)]
pub enum Report {
    /// Applied, or nothing to do (not this shop's order, settled already).
    Done,
    /// Not yet: the processor should report it again later.
    NotYet,
}

/// The processor settled the charge made with `key`, for `charged` (amount in minor units
/// and lower-case currency) when it succeeded. Its order, if still awaiting payment, is
/// settled with that outcome (paid: the cart emptied, the confirmation mailed; failed: the
/// stock back). A success for another amount than the order's changes nothing. A
/// failure for an order changed less than [`FAILURE_WAIT_SECS`] ago waits for the shop's
/// own request. A payment that succeeded for an order the shop had already given up on
/// (payment failed) is refunded: nobody pays for an order they do not get.
pub async fn settled_at_processor(
    state: &AppState,
    key: &str,
    outcome: &ChargeOutcome,
    charged: Option<(i64, &str)>,
) -> ShopResult<Report> {
    let Some(order) = orders::find_by_key(state.db.pool(), key).await? else {
        return Ok(Report::Done);
    };
    match (order.status, outcome) {
        (OrderStatus::PendingPayment, Ok(_)) => {
            let total = order.total_minor;
            let currency = order.currency.code().to_ascii_lowercase();
            if charged != Some((total, currency.as_str())) {
                tracing::warn!(order = %order.id, ?charged, total, "a payment for another amount than the order's was reported; left alone");
                return Ok(Report::Done);
            }
        }
        (OrderStatus::PendingPayment, Err(_)) if now() - order.updated_at < FAILURE_WAIT_SECS => {
            return Ok(Report::NotYet);
        }
        (OrderStatus::PaymentFailed, Ok(charge)) => {
            tracing::warn!(order = %order.id, "a payment arrived for an order that had failed; refunding it");
            state.settings.gateway.refund(state, charge).await?;
            return Ok(Report::Done);
        }
        (OrderStatus::PendingPayment, Err(_)) => {}
        _ => return Ok(Report::Done),
    }
    if settle(state, &order, outcome).await? {
        tracing::info!(order = %order.id, paid = outcome.is_ok(), "order settled by the processor's report");
    }
    Ok(Report::Done)
}

/// True when the order of `key` still awaits its payment.
pub async fn awaits_payment(state: &AppState, key: &str) -> ShopResult<bool> {
    Ok(orders::find_by_key(state.db.pool(), key)
        .await?
        .is_some_and(|o| o.status == OrderStatus::PendingPayment))
}

/// The processor refunded the charge `charge` in full. A paid order is cancelled (its stock
/// back, its buyer told); a cancelled one whose refund was not recorded yet is finished.
/// Returns false when no order holds the charge.
pub async fn refunded_at_processor(state: &AppState, charge: &str) -> ShopResult<bool> {
    let Some(order) = orders::find_by_payment_ref(state.db.pool(), charge).await? else {
        return Ok(false);
    };
    match order.status {
        OrderStatus::Paid => fulfilment::cancel(state, &order, Actor::Processor).await?,
        OrderStatus::Cancelled => fulfilment::refund(state, &order, Actor::Processor).await?,
        // Shipped goods refunded at the processor are staff's to follow up; refunded is done.
        _ => {}
    }
    Ok(true)
}
