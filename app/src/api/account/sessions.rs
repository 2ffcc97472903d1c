//! The shopper's signed-in sessions: list them, end one, end all others.

use crate::error::ShopError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::backend::{context, db::sessions, now};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Identifies the session to its owner (a keyed hash, useless as a cookie).
    pub id: String,
    pub browser: String,
    pub signed_in_at: i64,
    pub last_used_at: i64,
    pub current: bool,
}

#[server(endpoint = "account/sessions", input = server_fn::codec::GetUrl)]
pub async fn list_sessions() -> Result<Vec<SessionView>, ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    let current = context::session()?.id_hash();
    Ok(sessions::list_for_user(state.db.pool(), user.id, now())
        .await?
        .into_iter()
        .map(|s| SessionView {
            current: current.as_deref() == Some(s.id_hash.as_str()),
            browser: crate::domain::browser::describe(s.user_agent.as_deref().unwrap_or("")),
            id: s.id_hash,
            signed_in_at: s.created_at,
            last_used_at: s.last_seen_at,
        })
        .collect())
}

#[server(endpoint = "account/end-session")]
pub async fn end_session(id: String) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    match sessions::delete_one_for_user(state.db.pool(), user.id, &id).await? {
        0 => Err(ShopError::NotFound),
        _ => Ok(()),
    }
}

/// Signs out every other browser; returns how many sessions ended.
#[server(endpoint = "account/end-other-sessions")]
pub async fn end_other_sessions() -> Result<u64, ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    let keep = context::session()?.id_hash();
    Ok(sessions::delete_for_user(state.db.pool(), user.id, keep.as_deref()).await?)
}
