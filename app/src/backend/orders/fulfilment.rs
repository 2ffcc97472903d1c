//! After an order is paid: cancelled (by its buyer or staff, with the refund), shipped
//! (the carrier handoff) and delivered.

use super::views::{Viewer, may_see};
use crate::backend::{
    AppState,
    db::{
        handoffs,
        orders::{self, OrderRow},
        products,
    },
    mail::Letter,
    now,
    orders::handoff,
    orders::links::{mail_to_buyer, order_link},
};
use crate::{
    domain::{
        ids::{OrderId, UserId},
        money::Money,
        order::{OrderStatus, order_number},
    },
    error::{Rule, ShopError, ShopResult},
};

/// Who changes an order: its shopper (or guest) cancelling, staff, or the payment
/// processor reporting a refund made there.
#[derive(Clone, Copy, Debug)]
pub enum Actor {
    Buyer,
    Staff(UserId),
    Processor,
}

impl Actor {
    fn staff_id(self) -> Option<UserId> {
        match self {
            Actor::Buyer | Actor::Processor => None,
            Actor::Staff(id) => Some(id),
        }
    }
}

pub(super) fn wrong_state() -> ShopError {
    ShopError::Refused {
        rule: Rule::OrderStateChanged,
    }
}

/// Cancels a paid order that has not shipped: the stock goes back, the payment is refunded
/// in full, the buyer is told. (The order is first marked cancelled, so that two cancels
/// at once refund once.)
pub async fn cancel(state: &AppState, order: &OrderRow, actor: Actor) -> ShopResult<()> {
    if order.status != OrderStatus::Paid {
        return Err(ShopError::Refused {
            rule: Rule::TooLateToCancel,
        });
    }
    let now = now();
    let number = order_number(order.id.0);
    let mut tx = state.db.begin_write().await?;
    if !orders::change_status(
        &mut tx,
        order.id,
        OrderStatus::Paid,
        OrderStatus::Cancelled,
        None,
        now,
    )
    .await?
    {
        return Err(wrong_state());
    }
    orders::add_event(
        &mut tx,
        order.id,
        OrderStatus::Cancelled,
        "",
        actor.staff_id(),
        now,
    )
    .await?;
    handoffs::withdraw(&mut *tx, order.id).await?;
    for line in orders::lines(&mut *tx, order.id).await? {
        let reason = format!("order {number} cancelled");
        products::adjust_stock(&mut tx, line.product_id, line.quantity, &reason, None, now).await?;
    }
    tx.commit().await?;
    refund(state, order, actor).await
}

/// Refunds a cancelled order through the processor and records it.
pub(super) async fn refund(state: &AppState, order: &OrderRow, actor: Actor) -> ShopResult<()> {
    if let Some(charge) = &order.payment_ref {
        state.settings.gateway.refund(state, charge).await?;
    }
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if orders::change_status(
        &mut tx,
        order.id,
        OrderStatus::Cancelled,
        OrderStatus::Refunded,
        None,
        now,
    )
    .await?
    {
        orders::add_event(
            &mut tx,
            order.id,
            OrderStatus::Refunded,
            "",
            actor.staff_id(),
            now,
        )
        .await?;
        let number = order_number(order.id.0);
        let total = Money::new(order.total_minor, order.currency).format(order.language);
        let link = order_link(state, order);
        let letter = Letter::OrderCancelled {
            name: &order.address.recipient_name,
            number: &number,
            total: &total,
            link: &link,
        };
        mail_to_buyer(state, order, letter)
            .enqueue(&mut tx, now)
            .await?;
    }
    tx.commit().await?;
    state.outbox_written();
    Ok(())
}

/// Staff: the parcel has left. It is handed to the carrier now (booked at once, see
/// `handoff.rs`: before this no carrier has any of the order's data); the tracking number
/// goes to the buyer.
pub async fn mark_shipped(state: &AppState, staff: UserId, id: OrderId) -> ShopResult<()> {
    let order = orders::find(state.db.pool(), id)
        .await?
        .filter(|o| o.status.is_placed())
        .ok_or(ShopError::NotFound)?;
    if order.status != OrderStatus::Paid {
        return Err(wrong_state());
    }
    let tracking = handoff::book_now(state, &order).await?;
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if !orders::change_status(
        &mut tx,
        id,
        OrderStatus::Paid,
        OrderStatus::Shipped,
        None,
        now,
    )
    .await?
    {
        return Err(wrong_state());
    }
    let detail = format!("{} · {tracking}", order.carrier.name());
    orders::add_event(&mut tx, id, OrderStatus::Shipped, &detail, Some(staff), now).await?;
    let number = order_number(id.0);
    let link = order_link(state, &order);
    let letter = Letter::OrderShipped {
        name: &order.address.recipient_name,
        number: &number,
        carrier: order.carrier.name(),
        tracking: &tracking,
        link: &link,
    };
    mail_to_buyer(state, &order, letter)
        .enqueue(&mut tx, now)
        .await?;
    tx.commit().await?;
    state.outbox_written();
    Ok(())
}

/// Staff: the carrier delivered the parcel.
pub async fn mark_delivered(state: &AppState, staff: UserId, id: OrderId) -> ShopResult<()> {
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if orders::find(&mut *tx, id)
        .await?
        .filter(|o| o.status.is_placed())
        .is_none()
    {
        return Err(ShopError::NotFound);
    }
    if !orders::change_status(
        &mut tx,
        id,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        None,
        now,
    )
    .await?
    {
        return Err(wrong_state());
    }
    orders::add_event(&mut tx, id, OrderStatus::Delivered, "", Some(staff), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Staff: cancels and refunds an order that has not shipped.
pub async fn staff_cancel(state: &AppState, staff: UserId, id: OrderId) -> ShopResult<()> {
    let order = orders::find(state.db.pool(), id)
        .await?
        .filter(|o| o.status.is_placed())
        .ok_or(ShopError::NotFound)?;
    cancel(state, &order, Actor::Staff(staff)).await
}

/// The buyer cancels their own order (the same rule as for seeing it).
pub async fn buyer_cancel(state: &AppState, viewer: &Viewer<'_>, id: OrderId) -> ShopResult<()> {
    let order = orders::find(state.db.pool(), id)
        .await?
        .filter(|o| may_see(state, viewer, o))
        .filter(|o| o.status.is_placed())
        .ok_or(ShopError::NotFound)?;
    cancel(state, &order, Actor::Buyer).await
}
