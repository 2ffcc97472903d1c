//! Baseline security headers on every response. Pages rendered by Leptos already carry a
//! Content-Security-Policy with a per-response nonce (see `app::shell`); everything else gets
//! the same policy without a nonce.

use axum::{
    extract::{Request, State},
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};

/// Pages depend on the visitor's language and session: never stored in a shared cache, and
/// revalidated by the browser. Every page may come compressed.
pub const HTML_CACHE_CONTROL: &str = "private, no-cache";
pub const HTML_VARY: &str = "Cookie, Accept-Language, Accept-Encoding, Sec-GPC, DNT";

#[derive(Clone, Copy, Debug)]
pub struct HeaderPolicy {
    /// Send HSTS: only when the shop is served over HTTPS.
    pub https: bool,
    /// The payment processor's card page origin, when not this site (`Gateway::card_page_origin`).
    pub card_pages: &'static str,
}

pub async fn add_security_headers(
    State(policy): State<HeaderPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(csp) = HeaderValue::from_str(&app::csp::policy(None, policy.card_pages))
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    let fixed: [(HeaderName, &str); 4] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if policy.https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    if super::is_html(headers) && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(HTML_CACHE_CONTROL),
        );
        headers.insert(header::VARY, HeaderValue::from_static(HTML_VARY));
    }
    response
}
