//! Cache lifetimes for static files: hashed bundle files never change (a new build gets new
//! names), so browsers may keep them for a year; other public files are revalidated hourly.

use axum::{
    extract::{Request, State},
    http::{HeaderValue, header},
    middleware::Next,
    response::Response,
};

#[derive(Clone, Debug)]
pub struct CachePolicy {
    /// The URL prefix of the wasm/js/css bundle, e.g. `/pkg/`.
    pub pkg_prefix: String,
    /// Whether bundle file names carry a content hash.
    pub hashed: bool,
}

pub async fn set_cache_control(
    State(policy): State<CachePolicy>,
    request: Request,
    next: Next,
) -> Response {
    let immutable = policy.hashed && request.uri().path().starts_with(&policy.pkg_prefix);
    let mut response = next.run(request).await;
    let ok = response.status().is_success() || response.status().as_u16() == 304;
    if ok && !response.headers().contains_key(header::CACHE_CONTROL) {
        let value = if immutable {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=3600"
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}
