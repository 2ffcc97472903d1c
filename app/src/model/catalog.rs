//! Catalog views: a product card, a product page, a page of a listing with its facets, a
//! priced wall from the configurator.

use crate::domain::ids::ProductId;

use crate::domain::{
    catalog::Specs,
    category::Category,
    configurator::{CabinetSpec, WallPlan},
    money::Money,
    pricing::Tier,
};
use serde::{Deserialize, Serialize};

/// A product as a card in a listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    pub id: ProductId,
    pub slug: String,
    pub name: String,
    pub brand: String,
    pub category: Category,
    pub summary: String,
    pub pitch_um: Option<u32>,
    pub brightness_nits: Option<u32>,
    pub ip_front: Option<String>,
    /// The single-unit price.
    pub price: Money,
    pub stock: i64,
    pub image: String,
    /// How many reviews are shown, and their average rating in tenths (0 without reviews).
    #[serde(default)]
    pub review_count: i64,
    #[serde(default)]
    pub rating_tenths: i64,
}

/// A product page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub card: ProductCard,
    pub model: String,
    pub description: String,
    pub specs: Specs,
    pub tiers: Vec<Tier>,
    pub related: Vec<ProductCard>,
}

/// Counts shown beside each filter choice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub categories: Vec<(Category, i64)>,
    pub ip_ratings: Vec<(String, i64)>,
    pub in_stock: i64,
    /// Products whose reviews average 4★ or more.
    #[serde(default)]
    pub rating_4_up: i64,
}

/// One page of a listing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogPage {
    /// The search these results are for when the typed one found nothing and a spelling
    /// the catalog knows did (`contoller` → `controller`).
    pub corrected: Option<String>,
    pub products: Vec<ProductCard>,
    pub total: i64,
    pub page: u32,
    pub pages: u32,
    pub facets: Facets,
}

/// A priced wall: the plan, the cabinets at their tier price and the controller it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WallQuote {
    pub cabinet: ProductCard,
    pub plan: WallPlan,
    pub tier: Tier,
    pub cabinets_total: Money,
    /// The recommended controller and how many of it.
    pub controller: Option<(ProductCard, u64)>,
    pub controller_total: Money,
    pub total: Money,
}

/// A cabinet the configurator offers: its card, the figures the maths needs, its tiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CabinetOption {
    pub card: ProductCard,
    /// Days to ship when the stock does not cover an order.
    pub lead_time_days: u32,
    pub cabinet: CabinetSpec,
    pub tiers: Vec<Tier>,
}
