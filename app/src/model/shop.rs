//! Public facts about the shop.

use crate::domain::money::Currency;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopInfo {
    pub name: String,
    pub contact_email: String,
    /// Every price is in this currency (`shop.currency`).
    pub currency: Currency,
}
