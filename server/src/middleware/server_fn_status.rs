//! Gives server-function errors their proper HTTP status. Leptos answers every server-function
//! error with 500; our error type knows better (404, 422, 429…), so this reads the JSON error
//! body and sets the status (and `Retry-After` for rate limits). Form posts without JavaScript
//! are redirects: their status is left alone (see `redirects.rs`).

use app::error::ShopError;
use axum::{
    body::{Body, to_bytes},
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::Response,
};

/// Server-function error bodies are small; anything bigger is not ours to rewrite.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn map_error_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response
            .headers()
            .contains_key(server_fn::error::SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<ShopError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(parts.status);
        if let ShopError::RateLimited { retry_after_secs } = error
            && let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string())
        {
            parts.headers.insert(header::RETRY_AFTER, v);
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
