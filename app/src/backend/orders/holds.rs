//! Staff decide on an order the fraud check held (`fraud.rs`): release it (the card is
//! charged now, once, with the order's own idempotency key, and the order settles as any
//! other) or cancel it (the stock goes back, nothing was charged). Each decision first
//! moves the order out of `held` in a transaction of its own, so that two decisions at
//! once make one; the card's token is forgotten with it. A released order that the server
//! stops charging half-way is awaiting payment again, which the recovery job settles.

use super::{
    fulfilment::wrong_state,
    links::{mail_to_buyer, order_link},
    settling::settle,
};
use crate::backend::{
    AppState,
    db::orders::{self, OrderRow},
    db::products,
    mail::Letter,
    now,
};
use crate::{
    domain::{
        card::CardRef,
        fraud::RELEASED,
        ids::{OrderId, UserId},
        money::Money,
        order::{OrderStatus, order_number},
    },
    error::{Decline, ShopError, ShopResult},
};

async fn held(state: &AppState, id: OrderId) -> ShopResult<OrderRow> {
    let order = orders::find(state.db.pool(), id)
        .await?
        .ok_or(ShopError::NotFound)?;
    if order.status != OrderStatus::Held {
        return Err(wrong_state());
    }
    Ok(order)
}

/// Staff release a held order: it is charged and settles paid (mail, invoice, ledger) or
/// payment failed (stock back, the buyer told it could not be accepted). Returns the
/// processor's refusal when there was one.
pub async fn release(state: &AppState, staff: UserId, id: OrderId) -> ShopResult<Option<Decline>> {
    let order = held(state, id).await?;
    // An erased buyer's order keeps no token: it can only be cancelled.
    let token = order
        .held_card_token
        .clone()
        .filter(|t| !t.is_empty())
        .ok_or_else(wrong_state)?;
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if !orders::change_status(
        &mut tx,
        id,
        OrderStatus::Held,
        OrderStatus::PendingPayment,
        None,
        now,
    )
    .await?
    {
        return Err(wrong_state());
    }
    orders::clear_held_card(&mut tx, id).await?;
    orders::add_event(&mut tx, id, OrderStatus::Held, RELEASED, Some(staff), now).await?;
    tx.commit().await?;
    let card = CardRef {
        token,
        brand: order.card_brand,
        last4: order.card_last4.clone(),
        exp_month: 0,
        exp_year: 0,
    };
    let total = Money::new(order.total_minor, order.currency);
    let outcome = state
        .settings
        .gateway
        .charge(state, &card, total, &order.idempotency_key)
        .await?;
    settle(state, &order, &outcome).await?;
    Ok(outcome.err())
}

/// Staff cancel a held order: the stock goes back and the buyer is told that nothing was
/// charged.
pub async fn cancel(state: &AppState, staff: UserId, id: OrderId) -> ShopResult<()> {
    let order = held(state, id).await?;
    let now = now();
    let number = order_number(id.0);
    let mut tx = state.db.begin_write().await?;
    if !orders::change_status(
        &mut tx,
        id,
        OrderStatus::Held,
        OrderStatus::Cancelled,
        None,
        now,
    )
    .await?
    {
        return Err(wrong_state());
    }
    orders::clear_held_card(&mut tx, id).await?;
    orders::add_event(&mut tx, id, OrderStatus::Cancelled, "", Some(staff), now).await?;
    for line in orders::lines(&mut *tx, id).await? {
        let reason = format!("order {number} cancelled after review");
        products::adjust_stock(&mut tx, line.product_id, line.quantity, &reason, None, now).await?;
    }
    let link = order_link(state, &order);
    let letter = Letter::HeldOrderCancelled {
        name: &order.address.recipient_name,
        number: &number,
        link: &link,
    };
    mail_to_buyer(state, &order, letter)
        .enqueue(&mut tx, now)
        .await?;
    tx.commit().await?;
    state.outbox_written();
    Ok(())
}
