//! Orders as their buyers see them: a shopper's own (by account), a guest's (by the signed
//! link from the confirmation, or the session that placed it). Anyone else's order is
//! `NotFound`, never "forbidden": an order number says nothing about who bought it. Staff
//! see every paid order, with who changed it.

use crate::backend::{
    AppState,
    db::{
        orders::{self, OrderRow},
        users,
    },
    orders::links::{GUEST_ORDERS, guest_key},
    privacy::ledger,
    request::session::Session,
};
use crate::{
    domain::{
        ids::{OrderId, UserId},
        money::Money,
        order::{OrderStatus, Totals, invoice_number, order_number, parse_order_number},
    },
    error::{ShopError, ShopResult},
    model::order::{
        AdminOrderRow, CardShown, OrderEventView, OrderLineView, OrderSummary, OrderView,
    },
};

/// Who asks to see an order.
pub struct Viewer<'a> {
    pub user: Option<UserId>,
    pub session: &'a Session,
    /// The signature from a guest's link.
    pub key: Option<&'a str>,
}

/// The order, if this viewer may see it (paid or later: an attempt that was never paid is
/// not an order).
pub async fn view(state: &AppState, viewer: &Viewer<'_>, id: OrderId) -> ShopResult<OrderView> {
    let order = orders::find(state.db.pool(), id)
        .await?
        .filter(|o| may_see(state, viewer, o))
        .filter(|o| o.status.is_placed())
        .ok_or(ShopError::NotFound)?;
    build_view(state, order, false).await
}

/// An order for staff: any order, also an attempt whose payment failed (a released hold
/// can end so), with every change and who made it.
pub async fn view_for_staff(state: &AppState, id: OrderId) -> ShopResult<OrderView> {
    let order = orders::find(state.db.pool(), id)
        .await?
        .ok_or(ShopError::NotFound)?;
    build_view(state, order, true).await
}

pub(super) async fn build_view(
    state: &AppState,
    order: OrderRow,
    staff: bool,
) -> ShopResult<OrderView> {
    let pool = state.db.pool();
    let id = order.id;
    let lines = orders::lines(pool, id).await?;
    let timeline = orders::events(pool, id).await?;
    let shared = orders::disclosures(pool, id).await?;
    let invoice = orders::invoice_number(pool, id).await?.map(invoice_number);
    let money = |minor| Money::new(minor, order.currency);
    let mut actors = std::collections::BTreeMap::new();
    if staff {
        for actor in timeline.iter().filter_map(|e| e.actor_id) {
            if let Some(user) = users::find_by_id(pool, actor).await? {
                actors.insert(actor, user.full_name);
            }
        }
    }
    Ok(OrderView {
        id,
        number: order_number(id.0),
        status: order.status,
        placed_at: order.created_at,
        email: order.email.clone(),
        address: order.address.clone(),
        lines: lines
            .into_iter()
            .map(|l| OrderLineView {
                product: l.product_id,
                name: l.name,
                model: l.model,
                quantity: l.quantity,
                unit: money(l.unit_minor),
                total: money(l.total_minor),
                group: (!l.group_key.is_empty()).then_some(l.group_key),
            })
            .collect(),
        totals: Totals {
            subtotal: money(order.subtotal_minor),
            shipping: money(order.shipping_minor),
            tax_rate_bp: u32::try_from(order.tax_rate_bp).unwrap_or(0),
            tax: money(order.tax_minor),
            total: money(order.total_minor),
        },
        carrier: order.carrier,
        delivery_days: (
            u32::try_from(order.delivery_days_min).unwrap_or(0),
            u32::try_from(order.delivery_days_max).unwrap_or(0),
        ),
        card: CardShown {
            brand: order.card_brand,
            last4: order.card_last4.clone(),
            exp_month: 0,
            exp_year: 0,
        },
        tracking_number: order.tracking_number.clone(),
        invoice,
        timeline: timeline
            .into_iter()
            .filter(|e| staff || e.status.is_placed())
            .map(|e| OrderEventView {
                status: e.status,
                detail: e.detail,
                at: e.at,
                by: e.actor_id.and_then(|a| actors.get(&a).cloned()),
            })
            .collect(),
        shared_with: shared.into_iter().map(ledger::entry).collect(),
        guest: order.user_id.is_none(),
        staff,
    })
}

/// The buyer's account; or, for an order placed as a guest, the signed key from its link
/// (which keeps working after the guest's address became an account) or the session that
/// placed it.
pub(super) fn may_see(state: &AppState, viewer: &Viewer<'_>, order: &OrderRow) -> bool {
    let signed = viewer.key.is_some_and(|key| {
        let expected = guest_key(state, order.id);
        // Compared in full, whatever the length typed.
        key.len() == expected.len()
            && key
                .bytes()
                .zip(expected.bytes())
                .fold(0, |d, (a, b)| d | (a ^ b))
                == 0
    });
    // The guest session that placed it, also once the order has become an account's.
    let placed_here = || {
        viewer
            .session
            .get::<Vec<OrderId>>(GUEST_ORDERS)
            .is_some_and(|ids| ids.contains(&order.id))
    };
    match order.user_id {
        Some(owner) => viewer.user == Some(owner) || signed || placed_here(),
        None => signed || placed_here(),
    }
}

/// A shopper's order history, newest first.
pub async fn history(state: &AppState, user: UserId) -> ShopResult<Vec<OrderSummary>> {
    let pool = state.db.pool();
    let mut out = Vec::new();
    for o in orders::of_user(pool, user).await? {
        let units = orders::lines(pool, o.id)
            .await?
            .iter()
            .map(|l| l.quantity)
            .sum();
        out.push(OrderSummary {
            id: o.id,
            number: order_number(o.id.0),
            status: o.status,
            placed_at: o.created_at,
            total: Money::new(o.total_minor, o.currency),
            units,
        });
    }
    Ok(out)
}

/// Staff's order list (50 a page).
pub async fn search(
    state: &AppState,
    status: Option<OrderStatus>,
    query: &str,
    page: i64,
) -> ShopResult<Vec<AdminOrderRow>> {
    let page = page.clamp(1, 10_000);
    let number = parse_order_number(query);
    let rows = orders::search(state.db.pool(), status, query, number, 50, (page - 1) * 50).await?;
    Ok(rows
        .into_iter()
        .map(|o| AdminOrderRow {
            id: o.id,
            number: order_number(o.id.0),
            status: o.status,
            placed_at: o.created_at,
            email: o.email,
            recipient: o.address.recipient_name,
            country: o.address.country,
            total: Money::new(o.total_minor, o.currency),
        })
        .collect())
}
