//! Reviews as pages show them: a product's (published only, its author named by first name
//! and initial) with the rating summary, and a shopper's own with their state.

use crate::domain::{
    ids::ProductId,
    review::{ReviewSort, ReviewStatus},
};
use serde::{Deserialize, Serialize};

/// A product's ratings: how many, the average in tenths, and how many of each star
/// (`distribution[0]` is 1★, `distribution[4]` 5★). Only published reviews count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingSummary {
    pub count: i64,
    pub average_tenths: i64,
    pub distribution: [i64; 5],
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub id: i64,
    pub author: String,
    pub rating: i64,
    pub title: String,
    pub body: String,
    pub pros: String,
    pub cons: String,
    /// The author has a paid order of the product that was not cancelled or refunded.
    pub verified: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

/// One page of a product's reviews.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductReviews {
    pub summary: RatingSummary,
    pub reviews: Vec<ReviewView>,
    pub sort: ReviewSort,
    pub page: i64,
    pub pages: i64,
}

/// A shopper's own review, with where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyReview {
    pub product: ProductId,
    pub slug: String,
    pub product_name: String,
    pub rating: i64,
    pub title: String,
    pub body: String,
    pub pros: String,
    pub cons: String,
    pub status: ReviewStatus,
    /// Why staff hid it (empty unless hidden).
    pub hidden_reason: String,
    pub updated_at: i64,
}
