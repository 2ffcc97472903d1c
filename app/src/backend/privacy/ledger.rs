//! The ledger as the shopper reads it (promise P10): every time their personal data left
//! the shop (the card processor, the carrier, the mail relay; authorities unless telling is
//! prohibited), newest first. Rows are written where the data leaves
//! (`orders/settling.rs`, `orders/handoff.rs`, `mail/worker.rs`) and never changed: the
//! database refuses an update (a correction is a new row).

use crate::backend::{
    AppState,
    db::orders::{self, DisclosureRow},
};
use crate::{domain::ids::UserId, error::ShopResult, model::order::SharedWith};

/// Every entry of the account, newest first.
pub async fn of_user(state: &AppState, user: UserId) -> ShopResult<Vec<SharedWith>> {
    Ok(orders::disclosures_of_user(state.db.pool(), user)
        .await?
        .into_iter()
        .map(entry)
        .collect())
}

/// A ledger row as shoppers read it (its fields listed one by one).
pub fn entry(d: DisclosureRow) -> SharedWith {
    SharedWith {
        order_id: d.order_id,
        recipient: d.recipient,
        fields: d.fields.split(", ").map(str::to_string).collect(),
        purpose: d.purpose,
        at: d.at,
    }
}
