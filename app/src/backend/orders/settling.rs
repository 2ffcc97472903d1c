//! Settling an order with the processor's outcome, by the request that charged, a retried
//! submit or the recovery job.

use super::links::{mail_to_buyer, order_link};
use crate::backend::{
    AppState,
    db::{
        cart::{self as cart_db, CartOwner},
        orders::{self, OrderRow},
        products, users,
    },
    mail::Letter,
    now,
    payments::ChargeOutcome,
};
use crate::{
    domain::{
        money::Money,
        order::{OrderStatus, order_number},
    },
    error::ShopResult,
};

/// Settles an order awaiting payment with the processor's outcome: paid (the lines it bought
/// taken out of the cart it was bought from, the confirmation mail queued) or payment
/// failed (the stock given back); either way the ledger records what the processor
/// received. An order released from a fraud hold left the cart when it was held, and its
/// buyer, told it was being checked, is told when its payment fails. Only the first caller
/// moves the order; returns whether this one did.
pub(super) async fn settle(
    state: &AppState,
    order: &OrderRow,
    outcome: &ChargeOutcome,
) -> ShopResult<bool> {
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let to = match outcome {
        Ok(_) => OrderStatus::Paid,
        Err(_) => OrderStatus::PaymentFailed,
    };
    let charge_ref = outcome.as_ref().ok().map(String::as_str);
    let moved = orders::change_status(
        &mut tx,
        order.id,
        OrderStatus::PendingPayment,
        to,
        charge_ref,
        now,
    )
    .await?;
    if !moved {
        return Ok(false);
    }
    let detail = match outcome {
        Ok(_) => "",
        Err(decline) => decline.code(),
    };
    orders::add_event(&mut tx, order.id, to, detail, None, now).await?;
    orders::disclose(
        &mut tx,
        order.user_id,
        order.id,
        state.settings.gateway.name(),
        state.settings.gateway.fields_sent(),
        "payment",
        now,
    )
    .await?;
    let number = order_number(order.id.0);
    let was_held = orders::was_held(&mut tx, order.id).await?;
    match outcome {
        Ok(_) => {
            orders::issue_invoice(&mut tx, order.id, now).await?;
            // The cart it was bought from: the guest cart when a guest bought it, else the
            // account's; and the account's when a guest order has become an account's and
            // its lines moved there at sign-in.
            let carts: Vec<CartOwner> = order
                .guest_cart
                .clone()
                .map(CartOwner::Guest)
                .into_iter()
                .chain(order.user_id.map(CartOwner::User))
                .collect();
            let bought = match was_held {
                true => Vec::new(),
                false => orders::lines(&mut *tx, order.id).await?,
            };
            for line in bought {
                for cart in &carts {
                    let (product, group) = (line.product_id, &line.group_key);
                    if cart_db::take_bought(&mut tx, cart, product, group, line.quantity).await? {
                        break;
                    }
                }
            }
            let link = order_link(state, order);
            let total = Money::new(order.total_minor, order.currency).format(order.language);
            let letter = Letter::OrderPlaced {
                name: &order.address.recipient_name,
                number: &number,
                total: &total,
                link: &link,
            };
            mail_to_buyer(state, order, letter)
                .enqueue(&mut tx, now)
                .await?;
            // A guest order placed with an address an account has confirmed is that
            // account's at once (its history, export and erasure include it), as earlier
            // guest orders became at the confirmation. The links sent stay signed, and the
            // session that placed it still opens it.
            if order.user_id.is_none()
                && let Some(owner) = users::find_by_email(&mut *tx, &order.email).await?
                && owner.email_verified_at.is_some()
            {
                orders::claim_guest_orders(&mut tx, owner.id, &order.email).await?;
            }
        }
        Err(_) => {
            // The stock goes back.
            for line in orders::lines(&mut *tx, order.id).await? {
                let reason = format!("order {number}: payment failed");
                products::adjust_stock(&mut tx, line.product_id, line.quantity, &reason, None, now)
                    .await?;
            }
            if was_held {
                // Its buyer cannot open a failed attempt: the mail says it could not be
                // accepted, with the way to ask why.
                let contact = format!("{}/contact", state.settings.public_url);
                let letter = Letter::HeldOrderCancelled {
                    name: &order.address.recipient_name,
                    number: &number,
                    link: &contact,
                };
                mail_to_buyer(state, order, letter)
                    .enqueue(&mut tx, now)
                    .await?;
            }
        }
    }
    tx.commit().await?;
    if outcome.is_ok() || was_held {
        state.outbox_written();
    }
    Ok(true)
}

/// Orders left awaiting payment for more than `after_secs` (the server stopped between
/// taking the stock and recording the payment): each is settled with what the processor
/// knows of its key. The sandbox voids a key it never saw, so a charge still on its way is
/// refused rather than lost; Stripe cannot, and a charge that arrives after all is
/// refunded (`placing.rs`, `processor_events.rs`). An order the processor cannot answer
/// for now is tried again next time. Returns how many were settled.
pub async fn recover_stale(state: &AppState, after_secs: i64) -> ShopResult<usize> {
    let mut settled = 0;
    for order in orders::pending_before(state.db.pool(), now() - after_secs).await? {
        let outcome = match state
            .settings
            .gateway
            .settle_key(state, &order.idempotency_key)
            .await
        {
            Ok(outcome) => outcome,
            Err(error) => {
                tracing::warn!(order = %order.id, ?error, "the processor could not answer for an unfinished order; will retry");
                continue;
            }
        };
        if settle(state, &order, &outcome).await? {
            tracing::info!(order = %order.id, paid = outcome.is_ok(), "unfinished order settled");
            settled += 1;
        }
    }
    Ok(settled)
}
