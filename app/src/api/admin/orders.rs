//! Staff: the order list, an order, fulfilment (ship, delivered, cancel and refund), and
//! orders held by the fraud check (release and charge, or cancel).
//! Every change is recorded with who made it (`order_events.actor_id`).

use crate::{
    domain::ids::OrderId,
    error::ShopError,
    model::order::{AdminOrderRow, OrderView},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{orders, request::context},
    domain::{limits, order::OrderStatus, stored::Stored},
};

/// Orders, newest first: `status` one state's code or empty for all; `query` an order
/// number, an email address or a name, in part.
#[server(endpoint = "admin/orders", input = server_fn::codec::GetUrl)]
pub async fn search_orders(
    status: String,
    query: String,
    page: i64,
) -> Result<Vec<AdminOrderRow>, ShopError> {
    context::require_staff().await?;
    let status = match status.as_str() {
        "" => None,
        code => Some(OrderStatus::from_stored(code).ok_or(ShopError::BadRequest)?),
    };
    let query = limits::cut(query.trim(), limits::CUSTOMER_SEARCH);
    orders::views::search(&context::state()?, status, query, page).await
}

#[server(endpoint = "admin/order", input = server_fn::codec::GetUrl)]
pub async fn get_admin_order(id: OrderId) -> Result<OrderView, ShopError> {
    context::require_staff().await?;
    orders::views::view_for_staff(&context::state()?, id).await
}

#[server(endpoint = "admin/order-ship")]
pub async fn ship_order(id: OrderId) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    orders::fulfilment::mark_shipped(&context::state()?, staff.id, id).await
}

#[server(endpoint = "admin/order-delivered")]
pub async fn deliver_order(id: OrderId) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    orders::fulfilment::mark_delivered(&context::state()?, staff.id, id).await
}

#[server(endpoint = "admin/order-cancel")]
pub async fn cancel_order_for_customer(id: OrderId) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    orders::fulfilment::staff_cancel(&context::state()?, staff.id, id).await
}

/// Releases an order held by the fraud check: its card is charged now. A declined card
/// leaves the order "payment failed" (its page says so), which is an answer, not an error.
#[server(endpoint = "admin/order-release")]
pub async fn release_held_order(id: OrderId) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    orders::holds::release(&context::state()?, staff.id, id)
        .await
        .map(|_| ())
}

/// Cancels an order held by the fraud check: nothing is charged, the stock goes back.
#[server(endpoint = "admin/order-cancel-held")]
pub async fn cancel_held_order(id: OrderId) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    orders::holds::cancel(&context::state()?, staff.id, id).await
}
