//! Public facts about the shop.

use crate::domain::money::Currency;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopInfo {
    pub name: String,
    pub contact_email: String,
    /// Every price is in this currency (`shop.currency`).
    pub currency: Currency,
    pub seller: Seller,
}

/// Who sells, as every invoice names them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seller {
    pub legal_name: String,
    /// The postal address on one line.
    pub address: String,
    /// The VAT or tax number.
    pub tax_number: String,
}
