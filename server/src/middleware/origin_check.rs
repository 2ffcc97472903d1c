//! Cross-site request forgery defence. Leptos server functions do no CSRF check of their own,
//! so every request that can change state (anything but GET, HEAD and OPTIONS) must come from
//! the shop's own pages: browsers say so in `Sec-Fetch-Site`; older ones send `Origin`, which
//! must then name this host. Requests with neither header (curl, server-to-server) cannot
//! carry a victim's cookies from another site and pass. One address is exempt: the
//! one-click unsubscribe of marketing mail, which mail clients post from elsewhere and whose
//! authority is the key in its address, never a cookie (`crate::unsubscribe`).

use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::sync::Arc;

/// The origins that count as "this site" besides the request's own `Host`.
#[derive(Clone, Debug)]
pub struct AllowedOrigins(pub Arc<Vec<String>>);

pub async fn reject_cross_site(
    State(allowed): State<AllowedOrigins>,
    request: Request,
    next: Next,
) -> Response {
    let exempt = request
        .uri()
        .path()
        .starts_with(crate::unsubscribe::PATH_PREFIX);
    if !exempt && is_cross_site(request.method(), request.headers(), &allowed.0) {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-site request rejected");
        return (StatusCode::FORBIDDEN, "Cross-site request rejected.").into_response();
    }
    next.run(request).await
}

pub fn is_cross_site(method: &Method, headers: &HeaderMap, allowed: &[String]) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.to_str(), Ok("same-origin") | Ok("none"));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    if allowed.iter().any(|a| a.eq_ignore_ascii_case(origin)) {
        return false;
    }
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    match (origin_host, host) {
        (Some(o), Some(h)) => !o.eq_ignore_ascii_case(h),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn safe_methods_always_pass() {
        let h = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(!is_cross_site(&Method::GET, &h, &[]));
        assert!(!is_cross_site(&Method::HEAD, &h, &[]));
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        let post = Method::POST;
        assert!(!is_cross_site(
            &post,
            &headers(&[("sec-fetch-site", "same-origin")]),
            &[]
        ));
        assert!(!is_cross_site(
            &post,
            &headers(&[("sec-fetch-site", "none")]),
            &[]
        ));
        assert!(is_cross_site(
            &post,
            &headers(&[("sec-fetch-site", "cross-site")]),
            &[]
        ));
        assert!(is_cross_site(
            &post,
            &headers(&[("sec-fetch-site", "same-site")]),
            &[]
        ));
        // Fetch metadata wins even when Origin would match.
        let h = headers(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://shop.test"),
            ("host", "shop.test"),
        ]);
        assert!(is_cross_site(&post, &h, &[]));
    }

    #[test]
    fn origin_must_match_host_without_fetch_metadata() {
        let post = Method::POST;
        let same = headers(&[
            ("origin", "http://shop.test:3000"),
            ("host", "shop.test:3000"),
        ]);
        assert!(!is_cross_site(&post, &same, &[]));
        let other = headers(&[("origin", "https://evil.test"), ("host", "shop.test")]);
        assert!(is_cross_site(&post, &other, &[]));
        let null = headers(&[("origin", "null"), ("host", "shop.test")]);
        assert!(is_cross_site(&post, &null, &[]));
        let proxied = headers(&[
            ("origin", "https://shop.example"),
            ("host", "10.0.0.5:3000"),
        ]);
        assert!(!is_cross_site(
            &post,
            &proxied,
            &["https://shop.example".into()]
        ));
    }

    #[test]
    fn requests_without_browser_headers_pass() {
        assert!(!is_cross_site(&Method::POST, &HeaderMap::new(), &[]));
    }
}
