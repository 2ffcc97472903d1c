//! `POST /unsubscribe/{key}`: the one-click unsubscribe of RFC 8058. A mail client that
//! read a marketing mail's `List-Unsubscribe-Post: List-Unsubscribe=One-Click` header posts
//! here, to the address of the link, from its own servers or from a web-mail page (the
//! origin check lets this address through: the key in it is the authority, not a cookie).
//! A browser opening the same address gets the confirm page, which changes nothing until
//! its button is pressed.

use app::{
    backend::{AppState, marketing::unsubscribe},
    domain::marketing::UnsubscribeKey,
    error::ShopError,
};
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::post,
};

/// The path whose POST needs no same-site origin.
pub const PATH_PREFIX: &str = "/unsubscribe/";

pub fn routes() -> Router<AppState> {
    Router::new().route("/unsubscribe/{key}", post(one_click))
}

async fn one_click(State(state): State<AppState>, Path(key): Path<String>) -> Response {
    let Some(key) = UnsubscribeKey::parse(&key) else {
        return (StatusCode::NOT_FOUND, "This unsubscribe link is not valid.").into_response();
    };
    match unsubscribe::unsubscribe(&state, &key).await {
        Ok(()) => (StatusCode::OK, "Unsubscribed: no more marketing mail.").into_response(),
        Err(ShopError::LinkInvalid) => {
            (StatusCode::NOT_FOUND, "This unsubscribe link is not valid.").into_response()
        }
        Err(error) => {
            tracing::error!(%error, "one-click unsubscribe failed");
            (StatusCode::SERVICE_UNAVAILABLE, "Please try again later.").into_response()
        }
    }
}
