//! Staff moderation of reviews (promise P7): the queue of reviews held for approval or
//! reported by shoppers, and the decisions on them: approve, hide with a reason (shown to
//! the author on `/account/reviews` and mailed through the outbox), restore. Each decision
//! is recorded with who made it and when (`review_actions`, staff only) and closes the
//! review's open reports. A decision names the review's state and last edit as staff saw
//! them: one taken meanwhile by someone else (a hide, a restore), or an edit by the author,
//! makes it a conflict, so staff never approve text they did not read.

use crate::backend::{
    AppState,
    db::{
        reviews::{self, ReviewRow},
        users::UserRow,
    },
    mail::{Letter, Mail},
    now,
};
use crate::{
    domain::{
        account::AccountStatus,
        review::{Decision, ReportReason},
    },
    error::{ShopError, ShopResult},
    model::review::{QueueView, QueuedReview, ReviewActionView},
};
use std::collections::BTreeMap;

/// The longest queue shown at once (the oldest first: they have waited longest).
const QUEUE_MAX: i64 = 100;

/// The reviews waiting for staff, or the hidden ones, each with its open reports and log.
pub async fn queue(state: &AppState, view: QueueView) -> ShopResult<Vec<QueuedReview>> {
    let rows = reviews::queue(state.db.pool(), view == QueueView::Hidden, QUEUE_MAX).await?;
    with_reports_and_log(state, rows).await
}

/// One review as staff see it, whatever its state.
pub async fn review(state: &AppState, id: i64) -> ShopResult<QueuedReview> {
    let row = reviews::find(state.db.pool(), id)
        .await?
        .ok_or(ShopError::NotFound)?;
    let mut one = with_reports_and_log(state, vec![row]).await?;
    one.pop().ok_or(ShopError::Internal)
}

async fn with_reports_and_log(
    state: &AppState,
    rows: Vec<ReviewRow>,
) -> ShopResult<Vec<QueuedReview>> {
    let db = state.db.pool();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut reports: BTreeMap<i64, Vec<(ReportReason, i64)>> = BTreeMap::new();
    for (review, reason, n) in reviews::open_reports(db, &ids).await? {
        reports.entry(review).or_default().push((reason, n));
    }
    let mut actions: BTreeMap<i64, Vec<ReviewActionView>> = BTreeMap::new();
    for a in reviews::actions(db, &ids).await? {
        actions
            .entry(a.review_id)
            .or_default()
            .push(ReviewActionView {
                decision: a.action,
                reason: a.reason,
                at: a.at,
                staff: a.actor,
            });
    }
    Ok(rows
        .into_iter()
        .map(|r| QueuedReview {
            reports: reports.remove(&r.id).unwrap_or_default(),
            actions: actions.remove(&r.id).unwrap_or_default(),
            id: r.id,
            slug: r.slug,
            product_name: r.product_name,
            author: r.full_name,
            author_active: r.author_status == AccountStatus::Active,
            rating: r.rating,
            title: r.title,
            body: r.body,
            pros: r.pros,
            cons: r.cons,
            status: r.status,
            hidden_reason: r.hidden_reason,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

/// Applies a staff decision to review `id` as last edited at `seen` (the text staff saw).
/// Hiding needs a reason, which the author sees and is mailed. A decision that no longer
/// applies (someone decided first, or the author edited the review since) is a conflict.
pub async fn decide(
    state: &AppState,
    staff: &UserRow,
    id: i64,
    seen: i64,
    decision: Decision,
    reason: &str,
) -> ShopResult<()> {
    let reason = decision.check_reason(reason)?;
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let review = reviews::find(&mut *tx, id)
        .await?
        .ok_or(ShopError::NotFound)?;
    if !decision.applies_to(review.status)
        || !reviews::decide(
            &mut tx,
            id,
            (review.status, seen),
            decision,
            &reason,
            staff.id,
            now,
        )
        .await?
    {
        return Err(ShopError::Conflict);
    }
    if decision == Decision::Hide {
        let link = format!(
            "{}/account/reviews/{}",
            state.settings.public_url, review.slug
        );
        Mail::compose(
            review.language,
            &state.settings.name,
            Some(review.user_id),
            &review.email,
            Letter::ReviewHidden {
                name: &review.full_name,
                product: &review.product_name,
                reason: &reason,
                link: &link,
            },
        )
        .enqueue(&mut tx, now)
        .await?;
    }
    tx.commit().await?;
    if decision == Decision::Hide {
        state.outbox_written();
    }
    tracing::info!(review = id, decision = decision.code(), staff = %staff.id, "review moderated");
    Ok(())
}
