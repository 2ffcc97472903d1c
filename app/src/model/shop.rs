//! Public facts about the shop.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopInfo {
    pub name: String,
    pub contact_email: String,
}
