//! Opens the request's session (see `app::backend::request::session`) and writes the cookie change
//! that handlers made back onto the response.

use app::backend::request::session::SessionStore;
use axum::{
    extract::{Request, State},
    http::{StatusCode, header::SET_COOKIE},
    middleware::Next,
    response::{IntoResponse, Response},
};

pub async fn with_session(
    State(store): State<SessionStore>,
    mut request: Request,
    next: Next,
) -> Response {
    let session = match store.open(request.headers()).await {
        Ok(session) => session,
        Err(error) => {
            tracing::error!(%error, "cannot load the session");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "The shop is briefly unavailable. Please try again in a moment.",
            )
                .into_response();
        }
    };
    request.extensions_mut().insert(session.clone());
    let mut response = next.run(request).await;
    if let Some(cookie) = store.set_cookie_value(&session.take_cookie_change()) {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    response
}
