//! Reviews (promise P7): a signed-in shopper writes one review per product, edits or
//! deletes it at any time, and sees where it stands; a product's page lists the published
//! ones with its rating summary. Under the `hold` moderation setting (`reviews.moderation`)
//! a new or edited review waits for staff; under `publish` it shows at once. The product's
//! kept pages follow through the change log (triggers on `reviews`). Shoppers also vote a
//! review helpful and report one that breaks the rules; staff decide in `moderation.rs`.

pub mod moderation;

use crate::backend::{
    AppState,
    db::{
        products,
        reviews::{self, NewReview},
    },
    now,
};
use crate::{
    domain::{
        account::AccountStatus,
        catalog::ProductStatus,
        ids::{ProductId, UserId},
        review::{
            Moderation, PER_PAGE, ReportReason, ReviewForm, ReviewSort, ReviewStatus, author_name,
            average_tenths,
        },
    },
    error::{ShopError, ShopResult},
    model::review::{MyReview, ProductReviews, RatingSummary, ReviewView},
};

/// The product a review is written about: an active one, by its address.
async fn reviewable(state: &AppState, slug: &str) -> ShopResult<ProductId> {
    let product = products::find_by_slug(state.db.pool(), slug)
        .await?
        .filter(|p| p.status == ProductStatus::Active)
        .ok_or(ShopError::NotFound)?;
    Ok(product.id)
}

/// Writes or replaces the shopper's review of the product at `slug`; its state after.
pub async fn write(
    state: &AppState,
    user: UserId,
    slug: &str,
    form: &ReviewForm,
) -> ShopResult<ReviewStatus> {
    let rating = form.validate()?;
    let product = reviewable(state, slug).await?;
    let status = match state.settings.review_moderation {
        Moderation::Publish => ReviewStatus::Published,
        Moderation::Hold => ReviewStatus::Held,
    };
    let mut tx = state.db.begin_write().await?;
    let status = reviews::upsert(
        &mut tx,
        &NewReview {
            product,
            user,
            rating,
            title: form.title.trim(),
            body: form.body.trim(),
            pros: form.pros.trim(),
            cons: form.cons.trim(),
            status,
        },
        now(),
    )
    .await?;
    tx.commit().await?;
    Ok(status)
}

/// Deletes the shopper's review of the product at `slug`.
pub async fn delete(state: &AppState, user: UserId, slug: &str) -> ShopResult<()> {
    let product = products::find_by_slug(state.db.pool(), slug)
        .await?
        .ok_or(ShopError::NotFound)?;
    let mut tx = state.db.begin_write().await?;
    if !reviews::delete(&mut tx, user, product.id).await? {
        return Err(ShopError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// A review other shoppers see: one that is shown, and not the shopper's own (their vote or
/// report on it would mean nothing).
async fn others_shown_review(state: &AppState, user: UserId, review: i64) -> ShopResult<()> {
    let row = reviews::find(state.db.pool(), review)
        .await?
        .filter(|r| r.status == ReviewStatus::Published && r.author_status == AccountStatus::Active)
        .ok_or(ShopError::NotFound)?;
    if row.user_id == user {
        return Err(ShopError::Forbidden);
    }
    Ok(())
}

/// Counts the shopper's "helpful" vote; false when they had voted already (a second vote
/// changes nothing).
pub async fn vote(state: &AppState, user: UserId, review: i64) -> ShopResult<bool> {
    others_shown_review(state, user, review).await?;
    let mut tx = state.db.begin_write().await?;
    let counted = reviews::vote(&mut tx, review, user, now()).await?;
    tx.commit().await?;
    Ok(counted)
}

/// Records the shopper's report of a review for staff; false when they had reported it
/// already (one report per shopper).
pub async fn report(
    state: &AppState,
    user: UserId,
    review: i64,
    reason: ReportReason,
) -> ShopResult<bool> {
    others_shown_review(state, user, review).await?;
    let mut tx = state.db.begin_write().await?;
    let recorded = reviews::report(&mut tx, review, user, reason, now()).await?;
    tx.commit().await?;
    if recorded {
        tracing::info!(review, reason = reason.code(), "review reported");
    }
    Ok(recorded)
}

/// The shopper's reviews, with their states.
pub async fn mine(state: &AppState, user: UserId) -> ShopResult<Vec<MyReview>> {
    Ok(reviews::of_user(state.db.pool(), user)
        .await?
        .into_iter()
        .map(|r| MyReview {
            product: r.product_id,
            slug: r.slug,
            product_name: r.name,
            rating: r.rating,
            title: r.title,
            body: r.body,
            pros: r.pros,
            cons: r.cons,
            status: r.status,
            hidden_reason: r.hidden_reason,
            updated_at: r.updated_at,
        })
        .collect())
}

/// A product's rating summary, from its published reviews.
pub async fn summary(state: &AppState, product: ProductId) -> ShopResult<RatingSummary> {
    let counts = reviews::rating_counts(state.db.pool(), product).await?;
    Ok(summarise(&counts))
}

fn summarise(counts: &[(i64, i64)]) -> RatingSummary {
    let mut distribution = [0; 5];
    for &(rating, n) in counts {
        if let Some(slot) = usize::try_from(rating - 1)
            .ok()
            .and_then(|i| distribution.get_mut(i))
        {
            *slot += n;
        }
    }
    let count: i64 = distribution.iter().sum();
    let sum: i64 = distribution
        .iter()
        .zip(1..)
        .map(|(n, rating)| n * rating)
        .sum();
    RatingSummary {
        count,
        average_tenths: average_tenths(sum, count),
        distribution,
    }
}

/// One page (from 1) of the published reviews of the product at `slug`, with its summary.
pub async fn for_product(
    state: &AppState,
    slug: &str,
    sort: ReviewSort,
    page: i64,
) -> ShopResult<ProductReviews> {
    let product = reviewable(state, slug).await?;
    let summary = summary(state, product).await?;
    let pages = ((summary.count + PER_PAGE - 1) / PER_PAGE).max(1);
    let page = page.clamp(1, pages);
    let rows = reviews::published(
        state.db.pool(),
        product,
        sort,
        PER_PAGE,
        (page - 1) * PER_PAGE,
    )
    .await?;
    Ok(ProductReviews {
        summary,
        reviews: rows
            .into_iter()
            .map(|r| ReviewView {
                id: r.id,
                author: author_name(&r.full_name),
                rating: r.rating,
                title: r.title,
                body: r.body,
                pros: r.pros,
                cons: r.cons,
                verified: r.verified != 0,
                helpful: r.helpful,
                created_at: r.created_at,
                updated_at: r.updated_at,
            })
            .collect(),
        sort,
        page,
        pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_counts_each_star() {
        let s = summarise(&[(5, 3), (4, 1), (1, 1), (9, 4)]);
        assert_eq!(s.distribution, [1, 0, 0, 1, 3]);
        assert_eq!(s.count, 5);
        assert_eq!(s.average_tenths, 40);
        assert_eq!(summarise(&[]), RatingSummary::default());
    }
}
