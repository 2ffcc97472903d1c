//! Views of checkout and orders.

use super::{account::AddressView, cart::CartView};
use crate::domain::{
    account::PostalAddress,
    card::CardBrand,
    ids::{OrderId, ProductId, SavedCardId},
    money::Money,
    order::{OrderStatus, Totals},
    shipping::{CarrierId, DeliveryQuote},
};
use serde::{Deserialize, Serialize};

/// The step of checkout a shopper is at: the first one not done yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CheckoutStep {
    Address,
    Delivery,
    Payment,
    Review,
}

/// A card as pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardShown {
    pub brand: CardBrand,
    pub last4: String,
    pub exp_month: u32,
    pub exp_year: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutView {
    pub cart: CartView,
    pub step: CheckoutStep,
    pub signed_in: bool,
    /// Where the confirmation goes (a guest types it).
    pub email: String,
    pub address: Option<PostalAddress>,
    /// The address book of a signed-in shopper, to choose from.
    pub saved_addresses: Vec<AddressView>,
    /// Every carrier's offer for this cart to this address, cheapest first.
    pub quotes: Vec<DeliveryQuote>,
    pub carrier: Option<CarrierId>,
    pub card: Option<CardShown>,
    /// A signed-in shopper's saved cards, to pay with one.
    pub saved_cards: Vec<SavedCardView>,
    pub totals: Option<Totals>,
    /// The idempotency key the "Place order" form sends.
    pub key: String,
    /// The digest of the order as the review step shows it, sent back with "Place order"
    /// (empty before the review step).
    pub review: String,
}

/// A saved card as the account and checkout pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCardView {
    pub id: SavedCardId,
    pub card: CardShown,
}

/// What placing an order answers: where its page is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedOrder {
    pub id: OrderId,
    pub number: String,
    /// The order's page (with its signed key for a guest).
    pub path: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineView {
    pub product: ProductId,
    pub name: String,
    pub model: String,
    pub quantity: i64,
    pub unit: Money,
    pub total: Money,
    pub group: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEventView {
    pub status: OrderStatus,
    pub detail: String,
    pub at: i64,
    /// The staff member who made the change (shown to staff only).
    pub by: Option<String>,
}

/// Someone outside the shop who received personal data for this order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedWith {
    /// The order it was for, if any (mail about the account has none).
    pub order_id: Option<crate::domain::ids::OrderId>,
    pub recipient: String,
    pub fields: Vec<String>,
    pub purpose: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: OrderId,
    pub number: String,
    pub status: OrderStatus,
    pub placed_at: i64,
    pub email: String,
    pub address: PostalAddress,
    pub lines: Vec<OrderLineView>,
    pub totals: Totals,
    pub carrier: CarrierId,
    pub delivery_days: (u32, u32),
    pub card: CardShown,
    pub tracking_number: Option<String>,
    /// The invoice's number (`INV-000001`), once the order was paid.
    pub invoice: Option<String>,
    pub timeline: Vec<OrderEventView>,
    pub shared_with: Vec<SharedWith>,
    /// True for a guest's order (the page offers to create an account).
    pub guest: bool,
    /// Built for the back office.
    pub staff: bool,
}

/// A row of the staff's order list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOrderRow {
    pub id: OrderId,
    pub number: String,
    pub status: OrderStatus,
    pub placed_at: i64,
    pub email: String,
    pub recipient: String,
    pub country: String,
    pub total: Money,
}

/// A row of a shopper's order history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: OrderId,
    pub number: String,
    pub status: OrderStatus,
    pub placed_at: i64,
    pub total: Money,
    pub units: i64,
}
