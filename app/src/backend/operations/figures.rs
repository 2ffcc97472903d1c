//! The shop's figures at this moment, for `/metrics` (the server renders them in the
//! Prometheus format beside its request counts): orders by state, the mail waiting in the
//! outbox, the database pool, and the values this server keeps in memory.

use crate::backend::{
    AppState,
    db::{orders, outbox},
    now,
};
use crate::{
    domain::{order::OrderStatus, outbox::MAX_ATTEMPTS},
    error::ShopResult,
};

pub struct Figures {
    /// Orders in the database by state (`paid`, `payment_failed`…, every state, 0 when
    /// none): the whole shop's, not this server's.
    pub orders: Vec<(&'static str, i64)>,
    /// Mails still being tried, the age in seconds of the oldest of them (0 when none), and
    /// mails given up after the last try.
    pub outbox_waiting: i64,
    pub outbox_oldest_secs: i64,
    pub outbox_given_up: i64,
    /// The database pool: connections open, idle among them, and the most it opens.
    pub pool_open: u32,
    pub pool_idle: u32,
    pub pool_max: u32,
    /// Values kept in this server's memory, by kind.
    pub kept: [(&'static str, usize); 4],
}

pub async fn figures(state: &AppState) -> ShopResult<Figures> {
    let pool = state.db.pool();
    let counted = orders::count_by_status(pool).await?;
    let orders = OrderStatus::ALL
        .iter()
        .map(|status| {
            let n = counted
                .iter()
                .find(|(s, _)| s == status.code())
                .map_or(0, |(_, n)| *n);
            (status.code(), n)
        })
        .collect();
    let (outbox_waiting, oldest, outbox_given_up) = outbox::waiting(pool, MAX_ATTEMPTS).await?;
    let (users, carts) = state.shoppers.kept();
    Ok(Figures {
        orders,
        outbox_waiting,
        outbox_oldest_secs: oldest.map_or(0, |at| (now() - at).max(0)),
        outbox_given_up,
        pool_open: pool.size(),
        pool_idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
        pool_max: pool.options().get_max_connections(),
        kept: [
            ("sessions", state.sessions.kept()),
            ("products", state.products.kept()),
            ("accounts", users),
            ("carts", carts),
        ],
    })
}
