//! Staff: the reviews waiting for a decision (held or reported) or hidden, and the decisions.

use crate::{
    domain::{review::Decision, stored::Choice},
    error::ShopError,
    model::review::{QueueView, QueuedReview},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{request::context, request::flash, reviews::moderation},
    error::Problem,
};

#[server(endpoint = "admin/reviews", input = server_fn::codec::GetUrl)]
pub async fn get_review_queue(
    #[server(default)] view: QueueView,
) -> Result<Vec<QueuedReview>, ShopError> {
    context::require_staff().await?;
    moderation::queue(&context::state()?, view).await
}

#[server(endpoint = "admin/review", input = server_fn::codec::GetUrl)]
pub async fn get_review(id: i64) -> Result<QueuedReview, ShopError> {
    context::require_staff().await?;
    moderation::review(&context::state()?, id).await
}

/// Approves, hides (with a reason for the author) or restores review `id`, as last edited at
/// `seen` (the text the staff member read).
#[server(endpoint = "admin/review-decide")]
pub async fn decide_review(
    id: i64,
    seen: i64,
    decision: Choice<Decision>,
    #[server(default)] reason: String,
) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    let decision = decision.or_invalid("decision", Problem::Invalid)?;
    let decided = moderation::decide(&context::state()?, &staff, id, seen, decision, &reason).await;
    if decided.is_err() {
        flash::keep("decision", &serde_json::json!({ "reason": reason })).await?;
    }
    decided
}
