//! Reviews: a product's published reviews (anyone), and a signed-in shopper's own (write,
//! edit, delete, see where each stands).

use crate::{
    domain::{
        review::{ReportReason, ReviewForm, ReviewStatus},
        stored::Choice,
    },
    error::ShopError,
    model::review::{MyReview, ProductReviews, VoteOutcome},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{
        request::{context, flash},
        reviews,
    },
    domain::review::ReviewSort,
    error::Problem,
};

/// The longest product address taken (longer is no product).
#[cfg(feature = "ssr")]
fn checked_slug(slug: &str) -> Result<&str, ShopError> {
    if slug.is_empty() || slug.len() > crate::domain::limits::SLUG {
        return Err(ShopError::NotFound);
    }
    Ok(slug)
}

/// One page (from 1) of a product's published reviews with its rating summary.
#[server(endpoint = "reviews/product", input = server_fn::codec::GetUrl)]
pub async fn get_product_reviews(
    slug: String,
    #[server(default)] sort: String,
    #[server(default)] page: i64,
) -> Result<ProductReviews, ShopError> {
    let sort = match sort.as_str() {
        "" => ReviewSort::default(),
        code => ReviewSort::parse(code).ok_or(ShopError::BadRequest)?,
    };
    reviews::for_product(&context::state()?, checked_slug(&slug)?, sort, page).await
}

/// The signed-in shopper's reviews, with their states.
#[server(endpoint = "reviews/mine", input = server_fn::codec::GetUrl)]
pub async fn get_my_reviews() -> Result<Vec<MyReview>, ShopError> {
    let user = context::require_user().await?;
    reviews::mine(&context::state()?, user.id).await
}

/// Writes or edits the shopper's review of the product at `slug`; its state after
/// (published, or held for approval).
#[server(endpoint = "reviews/write")]
pub async fn write_review(slug: String, form: ReviewForm) -> Result<ReviewStatus, ShopError> {
    let user = context::require_user().await?;
    let written = reviews::write(&context::state()?, user.id, checked_slug(&slug)?, &form).await;
    if written.is_err() {
        flash::keep("review", &form).await?;
    }
    written
}

/// Deletes the shopper's review of the product at `slug`.
#[server(endpoint = "reviews/delete")]
pub async fn delete_review(slug: String) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    reviews::delete(&context::state()?, user.id, checked_slug(&slug)?).await
}

/// Counts the shopper's "helpful" vote on another shopper's review (a second vote changes
/// nothing).
#[server(endpoint = "reviews/vote")]
pub async fn vote_review(id: i64) -> Result<VoteOutcome, ShopError> {
    let user = context::require_user().await?;
    let counted = reviews::vote(&context::state()?, user.id, id).await?;
    Ok(VoteOutcome {
        review: id,
        counted,
    })
}

/// Reports another shopper's review to staff with a reason; false when the shopper had
/// reported it already (one report each).
#[server(endpoint = "reviews/report")]
pub async fn report_review(id: i64, reason: Choice<ReportReason>) -> Result<bool, ShopError> {
    let user = context::require_user().await?;
    let reason = reason.or_invalid("reason", Problem::Required)?;
    reviews::report(&context::state()?, user.id, id, reason).await
}
