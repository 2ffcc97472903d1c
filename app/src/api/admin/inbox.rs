//! Staff: the inbox of questions sent through the contact form, and the answers.

use crate::{
    domain::{contact::ThreadStatus, ids::ThreadId, stored::Choice},
    error::ShopError,
    model::contact::{InboxView, ThreadView},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{contact, now, request::context, request::flash},
    error::Problem,
};

/// The newest conversations; of one status when `status` names one.
#[server(endpoint = "admin/inbox", input = server_fn::codec::GetUrl)]
pub async fn get_inbox(status: Option<Choice<ThreadStatus>>) -> Result<InboxView, ShopError> {
    context::require_staff().await?;
    let status = status
        .map(|s| s.or_invalid("status", Problem::Invalid))
        .transpose()?;
    contact::inbox(&context::state()?, status).await
}

#[server(endpoint = "admin/thread", input = server_fn::codec::GetUrl)]
pub async fn get_thread(id: ThreadId) -> Result<ThreadView, ShopError> {
    context::require_staff().await?;
    contact::thread(&context::state()?, id).await
}

/// Answers a conversation by mail.
#[server(endpoint = "admin/thread-reply")]
pub async fn reply_thread(id: ThreadId, text: String) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    let replied = contact::reply(&context::state()?, &staff, id, &text, now()).await;
    if replied.is_err() {
        flash::keep(&format!("reply-{id}"), &serde_json::json!({ "text": text })).await?;
    }
    replied
}

#[server(endpoint = "admin/thread-status")]
pub async fn set_thread_status(
    id: ThreadId,
    status: Choice<ThreadStatus>,
) -> Result<(), ShopError> {
    context::require_staff().await?;
    let status = status.or_invalid("status", Problem::Invalid)?;
    contact::set_status(&context::state()?, id, status, now()).await
}
