//! Views of a cart: its lines with their prices at their quantities, and the summary the
//! header shows on every page.

use crate::domain::{
    cart::LinePrice,
    ids::{CartLineId, ProductId},
    money::Money,
};
use serde::{Deserialize, Serialize};

use super::catalog::ProductCard;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLineView {
    pub id: CartLineId,
    pub product: ProductCard,
    pub quantity: i64,
    /// The tier price at this quantity and what it saves (`None` for a product without a
    /// price for one unit, which cannot be bought).
    pub price: Option<LinePrice>,
    /// The stock now; a line asking for more cannot be checked out until it is lowered.
    pub in_stock: i64,
    /// Lines added together from the configurator share a group, removed as one.
    pub group: Option<String>,
}

impl CartLineView {
    pub fn short_of_stock(&self) -> bool {
        self.quantity > self.in_stock
    }
}

/// A group of lines added together: a wall from the configurator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartGroup {
    pub key: String,
    /// Cabinets across and down, when the group is a wall.
    pub cols: i64,
    pub rows: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartView {
    pub lines: Vec<CartLineView>,
    pub groups: Vec<CartGroup>,
    pub summary: CartSummary,
}

impl CartView {
    /// True when every line can be bought as it stands.
    pub fn ready(&self) -> bool {
        !self.lines.is_empty()
            && self
                .lines
                .iter()
                .all(|l| l.price.is_some() && !l.short_of_stock())
    }

    pub fn line_of(&self, product: ProductId) -> Option<&CartLineView> {
        self.lines.iter().find(|l| l.product.id == product)
    }
}

/// What the header shows: how many items and what they cost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartSummary {
    /// Units in the cart.
    pub units: i64,
    pub subtotal: Option<Money>,
}
