//! The shopper's signed-in sessions: list them, end one, end all others.

use crate::{domain::ids::SessionRef, error::ShopError, model::account::SessionView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{accounts::profile, request::context};

#[server(endpoint = "account/sessions", input = server_fn::codec::GetUrl)]
pub async fn list_sessions() -> Result<Vec<SessionView>, ShopError> {
    let user = context::require_user().await?;
    profile::sessions(&context::state()?, &user, &context::session()?).await
}

#[server(endpoint = "account/end-session")]
pub async fn end_session(id: SessionRef) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    profile::end_session(&context::state()?, &user, &id).await
}

/// Signs out every other browser; returns how many sessions ended.
#[server(endpoint = "account/end-other-sessions")]
pub async fn end_other_sessions() -> Result<u64, ShopError> {
    let user = context::require_user().await?;
    profile::end_other_sessions(&context::state()?, &user, &context::session()?).await
}
