//! What the payment processor reports on its own, through its webhooks: a payment it
//! settled after the shop's request ended, and a refund. Each is the same change the shop
//! makes itself (`settling.rs`, `fulfilment.rs`), which happens once whoever comes first.

use super::{
    fulfilment::{self, Actor},
    settling::settle,
};
use crate::backend::{AppState, db::orders, payments::ChargeOutcome};
use crate::{domain::order::OrderStatus, error::ShopResult};

/// The processor settled the charge made with `key`: its order, if still awaiting payment,
/// is settled with that outcome (paid: the cart emptied, the confirmation mailed; failed:
/// the stock back). A payment that succeeded for an order the shop had already given up on
/// (payment failed) is refunded: nobody pays for an order they do not get. An order that
/// is not this shop's, or was settled the same way already, is left.
pub async fn settled_at_processor(
    state: &AppState,
    key: &str,
    outcome: &ChargeOutcome,
) -> ShopResult<()> {
    let Some(order) = orders::find_by_key(state.db.pool(), key).await? else {
        return Ok(());
    };
    match (order.status, outcome) {
        (OrderStatus::PendingPayment, _) if settle(state, &order, outcome).await? => {
            tracing::info!(order = %order.id, paid = outcome.is_ok(), "order settled by the processor's event");
        }
        (OrderStatus::PaymentFailed, Ok(charge)) => {
            tracing::warn!(order = %order.id, "a payment arrived for an order that had failed; refunding it");
            state.settings.gateway.refund(state, charge).await?;
        }
        _ => {}
    }
    Ok(())
}

/// The processor refunded the charge `charge` in full. A paid order is cancelled (its stock
/// back, its buyer told); a cancelled one whose refund was not recorded yet is finished.
/// Returns false when no order holds the charge yet (its payment is still to be recorded).
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
