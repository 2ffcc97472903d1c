//! Handing a parcel to the express company (promise P3): the carrier receives exactly the
//! recipient's name, telephone and address and the parcel's data ([`Handoff`], whose fields
//! are `domain/shipping.rs::HANDOFF_FIELDS`, the names the disclosure ledger records), and
//! answers with a tracking number.
//!
//! The carrier hears of an order only when staff release it for shipping: marking the order
//! shipped queues its parcel in `carrier_handoffs` and books it at once ([`book_now`]), so
//! an order cancelled before that shares nothing with any carrier. A booking that fails is
//! retried by [`deliver_due`] (the outbox worker) with growing delays, and staff's next try
//! takes its tracking number. Each attempt is claimed by one caller, and a carrier books a
//! booking reference (the order number) once however often it is sent, so a parcel is
//! booked, and written in the ledger, exactly once.
//!
//! The built-in carriers are invented ones (`outside/carriers.rs`).

use crate::backend::{
    AppState,
    db::{
        handoffs::{self, HandoffRow},
        orders::{self, OrderRow},
    },
    now,
    outside::carriers,
};
use crate::{
    domain::{
        order::{OrderStatus, order_number},
        outbox::{MAX_ATTEMPTS, retry_delay},
        shipping::{HANDOFF_FIELDS, Handoff},
    },
    error::{Rule, ShopError, ShopResult},
};

/// How long the worker leaves a parcel queued by staff shipping it to that request.
const BOOKING_GRACE_SECS: i64 = 60;

/// The purpose the ledger gives a handoff.
pub const DELIVERY: &str = "delivery";

/// What the carrier receives of an order of `units` units.
fn handoff_of(order: &OrderRow, units: i64) -> Handoff {
    Handoff {
        recipient_name: order.address.recipient_name.clone(),
        recipient_phone: order.address.recipient_phone.clone(),
        address: order.address.one_line(),
        parcel_weight: order.parcel_weight_g,
        parcel_count: units,
    }
}

/// One pass over the parcels due for booking; returns how many were booked.
pub async fn deliver_due(state: &AppState) -> ShopResult<usize> {
    let now = now();
    let mut booked = 0;
    for row in handoffs::due(state.db.pool(), now, MAX_ATTEMPTS, 50).await? {
        if !handoffs::claim(state.db.pool(), &row, now + retry_delay(row.attempts)).await? {
            continue;
        }
        match book_claimed(state, &row).await {
            Ok(Some(_)) => booked += 1,
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(order = %row.order_id, attempts = row.attempts + 1, %error, "carrier booking failed");
                handoffs::mark_failed(state.db.pool(), row.order_id, &error.to_string()).await?;
            }
        }
    }
    Ok(booked)
}

/// The parcel's tracking number, handing it to the carrier now (staff are shipping it).
pub async fn book_now(state: &AppState, order: &OrderRow) -> ShopResult<String> {
    if let Some(tracking) = &order.tracking_number {
        return Ok(tracking.clone());
    }
    // Released for shipping now: queued (once, whoever asks first) and booked by the caller
    // whose claim takes the first attempt. The worker leaves a new parcel alone for a while
    // (it books those whose booking failed or whose server stopped).
    let pool = state.db.pool();
    let now = now();
    handoffs::queue(pool, order.id, order.carrier, now, now + BOOKING_GRACE_SECS).await?;
    let row = handoffs::find(pool, order.id)
        .await?
        .ok_or(ShopError::Internal)?;
    // Another caller holds the current attempt (booking now, or waiting for its retry).
    let attempt_taken = row.attempts > 0 && row.next_attempt_at > now;
    let being_booked = ShopError::Refused {
        rule: Rule::ParcelBeingBooked,
    };
    if row.booked_at.is_some()
        || attempt_taken
        || !handoffs::claim(pool, &row, now + retry_delay(row.attempts)).await?
    {
        return Err(being_booked);
    }
    book_claimed(state, &row).await?.ok_or(being_booked)
}

/// Books a parcel whose attempt this caller claimed: the tracking number, or `None` when
/// its order no longer ships (cancelled meanwhile: the parcel is withdrawn).
async fn book_claimed(state: &AppState, row: &HandoffRow) -> ShopResult<Option<String>> {
    let pool = state.db.pool();
    let id = row.order_id;
    let order = orders::find(pool, id).await?;
    let Some(order) = order.filter(|o| o.status == OrderStatus::Paid) else {
        handoffs::withdraw(pool, id).await?;
        return Ok(None);
    };
    let units: i64 = orders::lines(pool, id)
        .await?
        .iter()
        .map(|l| l.quantity)
        .sum();
    let handoff = handoff_of(&order, units);
    let tracking = carriers::book(state, order.carrier, &order_number(id.0), &handoff).await?;
    let now = now();
    let mut tx = state.db.begin_write().await?;
    // Whoever records the booking first writes the tracking number and the ledger entry
    // (the carrier gave every caller the same booking).
    if handoffs::mark_booked(&mut tx, id, now).await? {
        orders::set_tracking(&mut tx, id, &tracking).await?;
        orders::disclose(
            &mut tx,
            order.user_id,
            id,
            order.carrier.name(),
            HANDOFF_FIELDS,
            DELIVERY,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Some(tracking))
}
