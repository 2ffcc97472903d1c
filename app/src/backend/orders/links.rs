//! How an order is reached and mailed: its page (a guest's signed), the guest's session
//! list, the buyer's mail.

use crate::backend::{
    AppState,
    db::orders::OrderRow,
    mail::{Letter, Mail},
};
use crate::{
    domain::{ids::OrderId, order::order_number},
    model::order::PlacedOrder,
};

/// The session key of the orders a guest placed in this session.
pub const GUEST_ORDERS: &str = "guest_orders";

pub(super) fn placed(state: &AppState, order: &OrderRow) -> PlacedOrder {
    PlacedOrder {
        id: order.id,
        number: order_number(order.id.0),
        path: order_path(state, order),
    }
}

/// The order's page: a guest's carries a key signed by the shop.
pub fn order_path(state: &AppState, order: &OrderRow) -> String {
    match order.user_id {
        Some(_) => format!("/orders/{}", order.id),
        None => format!("/orders/{}?key={}", order.id, guest_key(state, order.id)),
    }
}

/// The full address of the order's page, for mail.
pub fn order_link(state: &AppState, order: &OrderRow) -> String {
    format!("{}{}", state.settings.public_url, order_path(state, order))
}

/// A letter about an order to its buyer, in the language they ordered in.
pub fn mail_to_buyer(state: &AppState, order: &OrderRow, letter: Letter<'_>) -> Mail {
    Mail::compose(
        order.language,
        &state.settings.name,
        order.user_id,
        &order.email,
        letter,
    )
}

/// The signature that lets a guest open their order's page.
pub fn guest_key(state: &AppState, id: OrderId) -> String {
    state.keys.hash("guest-order", &id.to_string())[..32].to_string()
}
