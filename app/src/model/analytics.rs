//! The staff analytics dashboard (`/admin/analytics`): every figure computed on the server
//! for a range of whole days (UTC), from the analytics records of visitors who allowed them
//! (raw rows and the daily totals they become), orders and accounts' consent choices.

use crate::domain::money::Currency;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The first second of the first and of the last day shown.
    pub from: i64,
    pub to: i64,
    /// One per day, from `from` to `to`.
    pub days: Vec<DayFigures>,
    /// The most viewed pages, most first (at most [`TOP_PAGES`]).
    pub top_pages: Vec<Counted>,
    /// Page views by the language they were shown in, most first.
    pub languages: Vec<Counted>,
    /// Consent choices recorded by accounts in the range, by purpose.
    pub consent: Vec<ConsentFigures>,
    pub funnel: Funnel,
    /// The currency of the revenue.
    pub currency: Currency,
}

/// How many pages the dashboard ranks.
pub const TOP_PAGES: usize = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayFigures {
    /// The day's first second.
    pub day: i64,
    pub views: i64,
    /// Distinct visitors that day.
    pub visitors: i64,
    pub paid_orders: i64,
    /// What the day's paid orders (not cancelled since) came to, in minor units.
    pub revenue_minor: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counted {
    pub name: String,
    pub count: i64,
}

/// Choices about one purpose (`analytics`, `marketing`, `marketing_offers`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentFigures {
    pub purpose: String,
    pub granted: i64,
    pub refused: i64,
}

/// From a product to a payment: page views of products, the cart and the checkout, then
/// the orders paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    pub product_views: i64,
    pub cart_views: i64,
    pub checkout_views: i64,
    pub paid_orders: i64,
}
