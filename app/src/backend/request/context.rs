//! What a server function needs from its request: the state, the session, the signed-in
//! user (with the role checks), the client address. Every server function that touches a
//! shopper's data starts with `require_user()` or a stronger check.

use crate::backend::{
    AppState, app_state,
    db::users::{self, UserRow},
    request::session::Session,
};
use crate::{
    domain::account::{AccountStatus, Role},
    error::{ShopError, ShopResult},
};
use axum::{
    extract::ConnectInfo,
    http::{Method, request::Parts},
};
use leptos::prelude::*;
use std::net::{IpAddr, SocketAddr};

pub fn state() -> ShopResult<AppState> {
    app_state()
}

/// `read` applied to this request's parts (borrowed from the Leptos context, not copied).
fn with_parts<T>(read: impl FnOnce(&Parts) -> T) -> ShopResult<T> {
    with_context::<Parts, _>(read).ok_or_else(|| {
        tracing::error!("request parts missing from the Leptos context");
        ShopError::Internal
    })
}

/// This request's headers.
pub fn headers() -> ShopResult<axum::http::HeaderMap> {
    with_parts(|parts| parts.headers.clone())
}

/// The session of this request (the session middleware always provides one).
pub fn session() -> ShopResult<Session> {
    with_parts(|parts| parts.extensions.get::<Session>().cloned())?.ok_or_else(|| {
        tracing::error!("session missing from the request");
        ShopError::Internal
    })
}

/// The signed-in user, if the session has one and the account is active. A GET request
/// reads it as kept (`shopper_cache.rs`: without the password hash); any other reads the
/// database.
pub async fn current_user() -> ShopResult<Option<UserRow>> {
    let state = state()?;
    let session = session()?;
    if !with_parts(|parts| parts.method == Method::GET)? {
        return user_of(&state, &session).await;
    }
    let Some(id) = session.user_id() else {
        return Ok(None);
    };
    let user = state.shoppers.user(&state.changes, &state.db, id).await?;
    Ok(user.filter(|u| u.status == AccountStatus::Active))
}

/// The active account signed in to `session`, if any (for handlers outside Leptos).
pub async fn user_of(state: &AppState, session: &Session) -> ShopResult<Option<UserRow>> {
    let Some(id) = session.user_id() else {
        return Ok(None);
    };
    let user = users::find_by_id(state.db.pool(), id).await?;
    Ok(user.filter(|u| u.status == AccountStatus::Active))
}

/// The signed-in user, or `Unauthorized`.
pub async fn require_user() -> ShopResult<UserRow> {
    current_user().await?.ok_or(ShopError::Unauthorized)
}

/// A signed-in staff member or admin, or `Unauthorized` / `Forbidden`.
pub async fn require_staff() -> ShopResult<UserRow> {
    let user = require_user().await?;
    if user.role.is_staff() {
        Ok(user)
    } else {
        Err(ShopError::Forbidden)
    }
}

/// A signed-in admin, or `Unauthorized` / `Forbidden`.
pub async fn require_admin() -> ShopResult<UserRow> {
    let user = require_user().await?;
    if user.role == Role::Admin {
        Ok(user)
    } else {
        Err(ShopError::Forbidden)
    }
}

/// The client's address as worked out by the server (`server/src/middleware/
/// client_address.rs`: the TCP peer, or what a trusted proxy says).
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub IpAddr);

/// The client's address ([`ClientAddr`], else the TCP peer).
pub fn client_ip() -> Option<IpAddr> {
    with_parts(|parts| match parts.extensions.get::<ClientAddr>() {
        Some(ClientAddr(ip)) => Some(*ip),
        None => parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip()),
    })
    .ok()
    .flatten()
}

/// True when the request is a plain HTML form post (JavaScript off): the browser will be
/// redirected back to the form page.
pub fn is_plain_form_post() -> bool {
    with_parts(|p| {
        p.headers
            .get(axum::http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
    .unwrap_or(false)
}
