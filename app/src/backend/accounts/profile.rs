//! The shopper's own views: who is signed in, the profile with its addresses, and the
//! signed-in sessions (list, end one, end all others).

use super::{
    AppState, addresses,
    db::{sessions, users::UserRow},
    now,
    session::Session,
};
use crate::{
    error::{ShopError, ShopResult},
    model::account::{AccountView, CurrentUser, SessionView},
};

pub fn current_user(user: UserRow) -> CurrentUser {
    CurrentUser {
        id: user.id,
        role: user.role,
        email_verified: user.email_verified_at.is_some(),
        full_name: user.full_name,
        email: user.email,
    }
}

pub async fn account(state: &AppState, user: UserRow) -> ShopResult<AccountView> {
    let addresses = addresses::list(state, user.id).await?;
    Ok(AccountView {
        email_verified: user.email_verified_at.is_some(),
        marketing: user.marketing_opt_in_at.is_some(),
        member_since: user.created_at,
        full_name: user.full_name,
        email: user.email,
        phone: user.phone,
        language: user.language,
        addresses,
    })
}

/// The live sessions of `user`, marking the one of this request.
pub async fn sessions(
    state: &AppState,
    user: &UserRow,
    current: &Session,
) -> ShopResult<Vec<SessionView>> {
    let current = current.id_hash();
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

/// Ends one of `user`'s sessions (`NotFound` for anyone else's).
pub async fn end_session(state: &AppState, user: &UserRow, id: &str) -> ShopResult<()> {
    match sessions::delete_one_for_user(state.db.pool(), user.id, id).await? {
        0 => Err(ShopError::NotFound),
        _ => Ok(()),
    }
}

/// Ends every session of `user` but `keep`; returns how many ended.
pub async fn end_other_sessions(
    state: &AppState,
    user: &UserRow,
    keep: &Session,
) -> ShopResult<u64> {
    let keep = keep.id_hash();
    Ok(sessions::delete_for_user(state.db.pool(), user.id, keep.as_deref()).await?)
}
