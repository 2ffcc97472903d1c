//! Reviews as pages show them: a product's (published only, its author named by first name
//! and initial) with the rating summary, and a shopper's own with their state.

use crate::domain::{
    ids::ProductId,
    review::{Decision, ReportReason, ReviewSort, ReviewStatus},
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
    /// How many shoppers found it helpful.
    pub helpful: i64,
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

/// What a "helpful" vote did: `counted` is false when the shopper had voted already.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteOutcome {
    pub review: i64,
    pub counted: bool,
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

/// A review as staff moderate it, with its open reports and what staff decided before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedReview {
    pub id: i64,
    pub slug: String,
    pub product_name: String,
    /// The author's full name (staff only; shoppers see first name and initial).
    pub author: String,
    /// Whether the author's account is active (otherwise the review is not shown).
    pub author_active: bool,
    pub rating: i64,
    pub title: String,
    pub body: String,
    pub pros: String,
    pub cons: String,
    pub status: ReviewStatus,
    pub hidden_reason: String,
    pub created_at: i64,
    /// The author's last edit: a decision names it, so staff decide on the text they saw.
    pub updated_at: i64,
    /// Open reports by reason.
    pub reports: Vec<(ReportReason, i64)>,
    pub actions: Vec<ReviewActionView>,
}

/// One decision in a review's log (staff only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewActionView {
    pub decision: Decision,
    pub reason: String,
    pub at: i64,
    /// Who decided; `None` once that staff account is erased.
    pub staff: Option<String>,
}

/// Which reviews the staff queue lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueueView {
    /// Held for approval, or reported and not hidden.
    #[default]
    Waiting,
    Hidden,
}
