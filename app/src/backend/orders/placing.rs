//! Placing an order is two transactions around the charge, so that no transaction waits on
//! the payment processor:
//! 1. the order and its lines are written `pending_payment` and the stock is taken with a
//!    conditional update that can never go below zero (a sold-out line rolls it all back,
//!    nothing is charged);
//! 2. the card is charged once per idempotency key (from the checkout form);
//! 3. the order becomes `paid` (the lines it bought leave the cart, the confirmation mail,
//!    the invoice number and the ledger entry are written with it) or `payment_failed`
//!    (the stock goes back).
//!
//! A doubled or retried submit with the same key finds the order of the first and ends in
//! the same state without a second charge. Only the key this checkout issued is accepted.
//!
//! **The charge is pinned to the review.** The review step carries a digest of what it shows
//! (lines, quantities, prices, delivery, tax, total, address, card); placing prices the cart
//! again inside its transaction and refuses, charging nothing, when the order it would make
//! has another digest (a price changed, units were added in another tab).
//!
//! **The fraud check** (`fraud.rs`) comes before the charge: when the card, the account or
//! the client address failed to pay too often today, the order is written `held` with its
//! stock taken and its lines out of the cart, and nothing is charged until staff release it
//! (`holds.rs`). Each failed payment is counted against all three.
//!
//! **Whoever settles an order finishes it**: the request, a retried submit or the recovery
//! job empties the cart lines the order bought (the account's, or the guest cart it was
//! bought from, recorded on the order); the checkout in the session is closed by the first
//! request of that session to see its key used.

use super::{
    checkout::{Buyer, Draft, Priced, close, review_digest, totals},
    fraud::{self, Signals},
    links::{GUEST_ORDERS, mail_to_buyer, order_link, placed},
    settling::settle,
};
use crate::backend::{
    AppState, cart,
    db::{
        cart::{self as cart_db, CartOwner},
        orders::{self, NewOrder, OrderLineRow, OrderRow},
        products, saved_cards,
    },
    mail::Letter,
    now,
    request::session::Session,
    security::keys::is_token,
};
use crate::{
    domain::{
        card::CardRef,
        cart::price_line,
        catalog::ProductStatus,
        fraud::HoldReason,
        ids::OrderId,
        money::Money,
        order::{OrderStatus, order_number},
    },
    error::{Decline, Rule, ShopError, ShopResult},
    model::order::PlacedOrder,
};

/// Step 4: places the order and charges the card, if `reviewed` is the digest of the order
/// placing it would make. See the module's documentation.
pub async fn place_order(
    state: &AppState,
    session: &Session,
    buyer: &Buyer,
    key: &str,
    reviewed: &str,
) -> ShopResult<PlacedOrder> {
    if !is_token(key) {
        return Err(ShopError::BadRequest);
    }
    if let Some(order) = orders::find_by_key(state.db.pool(), key).await? {
        return finish_existing(state, session, buyer, order).await;
    }
    let draft = Draft::of(session);
    // Only the key this checkout issued, as issued: a made-up one, or one from a page the
    // checkout has moved on from, would be a second order.
    if draft.key != key {
        return Err(review_again());
    }
    let incomplete = ShopError::Refused {
        rule: Rule::CheckoutIncomplete,
    };
    let (Some(address), Some(carrier), Some(card)) = (&draft.address, draft.carrier, &draft.card)
    else {
        return Err(incomplete);
    };
    let email = match &buyer.user {
        Some((_, email)) => email.clone(),
        None if !draft.email.is_empty() => draft.email.clone(),
        None => return Err(incomplete),
    };
    let owner = cart::owner(session).ok_or(ShopError::Refused {
        rule: Rule::CartNotReady,
    })?;
    let user = buyer.user.as_ref().map(|(id, _)| *id);
    let signals = Signals::of(state, card, user, buyer.client).await?;
    let hold = fraud::reasons_to_hold(state, &signals).await?;
    // 1. The order and its stock, or nothing: priced from what the transaction reads.
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if let Some(order) = orders::find_by_key(&mut *tx, key).await? {
        drop(tx);
        return finish_existing(state, session, buyer, order).await;
    }
    let mut lines = Vec::new();
    let mut bought = Vec::new();
    let mut weight: i64 = 0;
    for row in cart_db::lines(&mut *tx, &owner).await? {
        let Some(product) = products::find_by_id(&mut *tx, row.product_id).await? else {
            continue;
        };
        if product.status != ProductStatus::Active || product.stock < row.quantity {
            // Someone else bought it since it was added, or it was taken off sale.
            return Err(ShopError::Refused {
                rule: Rule::SoldOut,
            });
        }
        let tiers = products::tiers(&mut *tx, product.id).await?;
        let price = price_line(&tiers, row.quantity).ok_or(ShopError::Internal)?;
        weight = weight.saturating_add(product.ship_weight_g.saturating_mul(row.quantity));
        lines.push(Priced {
            product: product.id,
            quantity: row.quantity,
            unit: price.unit,
            total: price.total,
            group: row.group_key,
        });
        bought.push(product);
    }
    if lines.is_empty() {
        return Err(ShopError::Refused {
            rule: Rule::CartNotReady,
        });
    }
    let quote = carrier
        .quote(weight, &address.country, state.settings.currency)
        .ok_or(incomplete)?;
    let subtotal = Money::sum(lines.iter().map(|l| l.total)).ok_or(ShopError::Internal)?;
    let totals = totals(state, subtotal, &quote, &address.country).ok_or(ShopError::Internal)?;
    if review_digest(state, &lines, &totals, carrier, address, card) != reviewed {
        // The cart, a price, the delivery or the tax is not what the shopper confirmed.
        return Err(review_again());
    }
    let guest_cart = match &owner {
        CartOwner::Guest(key) => Some(key.as_str()),
        CartOwner::User(_) => None,
    };
    let new = NewOrder {
        idempotency_key: key,
        user_id: buyer.user.as_ref().map(|(id, _)| *id),
        guest_cart,
        email: &email,
        language: buyer.lang,
        currency: state.settings.currency,
        subtotal_minor: totals.subtotal.minor,
        shipping_minor: totals.shipping.minor,
        tax_rate_bp: i64::from(totals.tax_rate_bp),
        tax_minor: totals.tax.minor,
        total_minor: totals.total.minor,
        carrier,
        delivery_days: (i64::from(quote.days_min), i64::from(quote.days_max)),
        parcel_weight_g: weight,
        address,
        card_brand: card.brand,
        card_last4: &card.last4,
        held_card_token: (!hold.is_empty()).then_some(card.token.as_str()),
    };
    let Some(id) = orders::insert(&mut tx, &new, now).await? else {
        // The same key won a race with this request.
        drop(tx);
        let order = orders::find_by_key(state.db.pool(), key)
            .await?
            .ok_or(ShopError::Conflict)?;
        return finish_existing(state, session, buyer, order).await;
    };
    let number = order_number(id.0);
    for (i, (line, product)) in lines.iter().zip(&bought).enumerate() {
        let reason = format!("order {number}");
        let taken =
            products::adjust_stock(&mut tx, product.id, -line.quantity, &reason, None, now).await?;
        if taken.is_none() {
            return Err(ShopError::Refused {
                rule: Rule::SoldOut,
            });
        }
        let row = OrderLineRow {
            line_no: i as i64 + 1,
            product_id: product.id,
            name: product.name.clone(),
            model: product.model.clone(),
            quantity: line.quantity,
            unit_minor: line.unit.minor,
            total_minor: line.total.minor,
            group_key: line.group.clone(),
        };
        orders::insert_line(&mut tx, id, &row).await?;
    }
    if !hold.is_empty() {
        return hold_order(state, session, buyer, tx, id, &owner, &hold).await;
    }
    orders::add_event(&mut tx, id, OrderStatus::PendingPayment, "", None, now).await?;
    tx.commit().await?;
    remember_guest_order(session, buyer, id).await?;
    let order = orders::find(state.db.pool(), id)
        .await?
        .ok_or(ShopError::Internal)?;
    charge_and_settle(state, session, order, card, &signals).await
}

/// Finishes writing an order the fraud check holds (in the transaction that wrote it): the
/// reasons in its first event, its lines out of the cart (it is placed, only not charged),
/// the buyer told, the checkout closed.
async fn hold_order(
    state: &AppState,
    session: &Session,
    buyer: &Buyer,
    mut tx: sqlx::Transaction<'static, sqlx::Any>,
    id: OrderId,
    cart: &CartOwner,
    reasons: &[HoldReason],
) -> ShopResult<PlacedOrder> {
    let now = now();
    let detail = HoldReason::join(reasons);
    orders::add_event(&mut tx, id, OrderStatus::Held, &detail, None, now).await?;
    for line in orders::lines(&mut *tx, id).await? {
        cart_db::take_bought(
            &mut tx,
            cart,
            line.product_id,
            &line.group_key,
            line.quantity,
        )
        .await?;
    }
    let order = orders::find(&mut *tx, id)
        .await?
        .ok_or(ShopError::Internal)?;
    let number = order_number(id.0);
    let link = order_link(state, &order);
    let letter = Letter::OrderHeld {
        name: &order.address.recipient_name,
        number: &number,
        link: &link,
    };
    mail_to_buyer(state, &order, letter)
        .enqueue(&mut tx, now)
        .await?;
    tx.commit().await?;
    state.outbox_written();
    tracing::info!(order = %id, reasons = %detail, "order held for review");
    remember_guest_order(session, buyer, id).await?;
    close(session, &order.idempotency_key, OrderStatus::Held).await?;
    Ok(placed(state, &order))
}

pub(super) fn review_again() -> ShopError {
    ShopError::Refused {
        rule: Rule::ReviewChanged,
    }
}

/// The order of an earlier submit with the same key: only its own buyer may see it; it is
/// settled (if the first request stopped before) and answered like the first time.
pub(super) async fn finish_existing(
    state: &AppState,
    session: &Session,
    buyer: &Buyer,
    order: OrderRow,
) -> ShopResult<PlacedOrder> {
    let own = match (&buyer.user, order.user_id) {
        (Some((user, _)), Some(owner)) => *user == owner,
        // A guest's own, also when it has become the account's of its confirmed address.
        (None, _) => {
            Draft::of(session).key == order.idempotency_key
                || session
                    .get::<Vec<OrderId>>(GUEST_ORDERS)
                    .is_some_and(|ids| ids.contains(&order.id))
        }
        _ => false,
    };
    if !own {
        return Err(ShopError::Conflict);
    }
    match order.status {
        OrderStatus::PendingPayment => {
            let card = Draft::of(session).card.ok_or(ShopError::Conflict)?;
            let user = buyer.user.as_ref().map(|(id, _)| *id);
            let signals = Signals::of(state, &card, user, buyer.client).await?;
            charge_and_settle(state, session, order, &card, &signals).await
        }
        OrderStatus::PaymentFailed => {
            close(session, &order.idempotency_key, order.status).await?;
            // The first attempt's answer, as the processor gave it.
            let decline = orders::events(state.db.pool(), order.id)
                .await?
                .into_iter()
                .rev()
                .find(|e| e.status == OrderStatus::PaymentFailed)
                .and_then(|e| Decline::from_code(&e.detail))
                .unwrap_or(Decline::Declined);
            Err(ShopError::PaymentDeclined { decline })
        }
        _ => {
            close(session, &order.idempotency_key, order.status).await?;
            Ok(placed(state, &order))
        }
    }
}

/// Charges the card for an order awaiting payment and settles the order either way; a
/// failure is counted against the attempt's `signals` by whoever settled it.
pub(super) async fn charge_and_settle(
    state: &AppState,
    session: &Session,
    order: OrderRow,
    card: &CardRef,
    signals: &Signals,
) -> ShopResult<PlacedOrder> {
    let total = Money::new(order.total_minor, order.currency);
    let outcome = state
        .settings
        .gateway
        .charge(state, card, total, &order.idempotency_key)
        .await?;
    let settled = settle(state, &order, &outcome).await?;
    if settled && outcome.is_err() {
        fraud::record_failure(state, signals).await?;
    }
    // Someone else settled it first: a retried submit, the processor's report or the
    // recovery job. Usually with this same outcome, but a processor that cannot void a key
    // (Stripe) may have charged after the recovery job gave the order up: then the charge
    // goes back and the order stays failed.
    let status = match (settled, &outcome) {
        (true, Ok(_)) => OrderStatus::Paid,
        (true, Err(_)) => OrderStatus::PaymentFailed,
        (false, _) => orders::find(state.db.pool(), order.id)
            .await?
            .map_or(OrderStatus::PaymentFailed, |o| o.status),
    };
    if status == OrderStatus::PaymentFailed
        && let Ok(charge) = &outcome
    {
        tracing::warn!(order = %order.id, "charged for an order already given up on; refunding");
        state.settings.gateway.refund(state, charge).await?;
    }
    // A card entered for this checkout only is forgotten at the processor once its order is
    // settled (the checkout drops it either way); a saved card stays until its owner
    // removes it.
    if matches!(status, OrderStatus::Paid | OrderStatus::PaymentFailed)
        && !saved_cards::is_saved(state.db.pool(), &card.token).await?
        && let Err(error) = state.settings.gateway.forget_card(state, &card.token).await
    {
        tracing::warn!(%error, "the processor did not forget a one-off card");
    }
    close(session, &order.idempotency_key, status).await?;
    match (status, outcome) {
        (OrderStatus::PaymentFailed, Err(decline)) => Err(ShopError::PaymentDeclined { decline }),
        (OrderStatus::PaymentFailed, Ok(_)) => Err(ShopError::PaymentDeclined {
            decline: Decline::NotCompleted,
        }),
        _ => Ok(placed(state, &order)),
    }
}

/// A guest's session remembers the orders it placed (besides the signed link in the mail),
/// so that a retried submit of one is recognised as theirs.
pub(super) async fn remember_guest_order(
    session: &Session,
    buyer: &Buyer,
    id: OrderId,
) -> ShopResult<()> {
    if buyer.user.is_some() {
        return Ok(());
    }
    let mut ids: Vec<OrderId> = session.get(GUEST_ORDERS).unwrap_or_default();
    if ids.contains(&id) {
        return Ok(());
    }
    ids.push(id);
    let keep = ids.len().saturating_sub(20);
    session.insert(GUEST_ORDERS, &ids[keep..].to_vec()).await?;
    Ok(())
}
