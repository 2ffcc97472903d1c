//! Catalog pages for visitors without cookies, served from memory.
//!
//! Most traffic to a shop is anonymous browsing of the same pages. A page is kept when the
//! request carries no cookie but the language choice (so no session, no comparison list, no
//! cart), it is one of the catalog pages, and the answer is a plain 200 that sets no cookie.
//! The key is the path with its query and the negotiated language.
//!
//! Kept pages are dropped when the catalog changes (`AppState::catalog_changed`, called by
//! every catalog write) and after `shop.page_cache_seconds` in any case.
//!
//! Each page carries a Content-Security-Policy nonce that must be fresh on every response:
//! a kept page is stored cut at its nonce and served with a new one, in the body and in the
//! header alike.

use app::{
    i18n::{LANG_COOKIE, Lang, lang_of_request},
    server::AppState,
};
use axum::{
    body::{Body, Bytes, to_bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use rand::RngCore;
use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

/// Tells tests and operators whether a page came from memory (`hit`) or was rendered and
/// kept (`miss`); absent when the page could not be kept.
pub const CACHE_HEADER: HeaderName = HeaderName::from_static("x-page-cache");

/// Pages larger than this are not kept.
const MAX_PAGE_BYTES: usize = 512 * 1024;
/// Beyond this many pages (searches are endless), the oldest half is dropped.
const MAX_PAGES: usize = 2000;

#[derive(Clone)]
pub struct PageCache {
    state: AppState,
    ttl: Duration,
    pages: Arc<RwLock<HashMap<Key, Arc<Page>>>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    lang: Lang,
}

struct Page {
    catalog_version: u64,
    stored: Instant,
    headers: HeaderMap,
    /// The body cut at each occurrence of the nonce.
    body: Vec<Bytes>,
    /// The Content-Security-Policy cut at its nonce.
    csp: Option<(String, String)>,
}

impl PageCache {
    /// `ttl` zero turns the cache off.
    pub fn new(state: AppState, ttl: Duration) -> PageCache {
        PageCache {
            state,
            ttl,
            pages: Arc::default(),
        }
    }

    fn key(&self, request: &Request) -> Option<Key> {
        if self.ttl.is_zero() || request.method() != Method::GET {
            return None;
        }
        let uri = request.uri();
        if !is_catalog_page(uri.path()) || !only_language_cookie(request.headers()) {
            return None;
        }
        Some(Key {
            path_and_query: uri.path_and_query()?.as_str().to_string(),
            lang: lang_of_request(request.headers()),
        })
    }

    fn get(&self, key: &Key) -> Option<Arc<Page>> {
        let page = self.pages.read().ok()?.get(key).cloned()?;
        let fresh = page.catalog_version == self.state.catalog_version()
            && page.stored.elapsed() < self.ttl;
        fresh.then_some(page)
    }

    fn put(&self, key: Key, page: Page) {
        let Ok(mut pages) = self.pages.write() else {
            return;
        };
        if pages.len() >= MAX_PAGES {
            let version = self.state.catalog_version();
            pages.retain(|_, p| p.catalog_version == version && p.stored.elapsed() < self.ttl);
            if pages.len() >= MAX_PAGES {
                let mut ages: Vec<Instant> = pages.values().map(|p| p.stored).collect();
                ages.sort();
                let cut = ages[ages.len() / 2];
                pages.retain(|_, p| p.stored > cut);
            }
        }
        pages.insert(key, Arc::new(page));
    }
}

/// The anonymous shop-window pages: home, listings, search, product pages.
fn is_catalog_page(path: &str) -> bool {
    matches!(path, "/" | "/catalog" | "/search")
        || ["/catalog/", "/products/"].iter().any(|prefix| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| !rest.is_empty())
        })
}

/// True when the request has no cookie at all, or only the language choice.
fn only_language_cookie(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .flat_map(|v| v.to_str().unwrap_or("?=").split(';'))
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
        .all(|pair| {
            pair.split_once('=')
                .is_some_and(|(name, _)| name == LANG_COOKIE)
        })
}

/// The nonce in a policy such as `script-src 'self' 'nonce-abc'`.
fn nonce_of(csp: &str) -> Option<&str> {
    let start = csp.find("'nonce-")? + "'nonce-".len();
    let len = csp[start..].find('\'')?;
    Some(&csp[start..start + len]).filter(|n| !n.is_empty())
}

fn split_on(body: &[u8], needle: &[u8]) -> Vec<Bytes> {
    let mut parts = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.windows(needle.len()).position(|w| w == needle) {
        parts.push(Bytes::copy_from_slice(&rest[..at]));
        rest = &rest[at + needle.len()..];
    }
    parts.push(Bytes::copy_from_slice(rest));
    parts
}

fn fresh_nonce() -> String {
    let mut bytes = [0u8; 16];
    // The thread's CSPRNG (seeded from the OS): unpredictable, without a system call.
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

impl Page {
    fn respond(&self) -> Response {
        let nonce = fresh_nonce();
        let mut body = Vec::with_capacity(self.body.iter().map(Bytes::len).sum::<usize>() + 64);
        for (i, part) in self.body.iter().enumerate() {
            if i > 0 {
                body.extend_from_slice(nonce.as_bytes());
            }
            body.extend_from_slice(part);
        }
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = self.headers.clone();
        if let Some((before, after)) = &self.csp
            && let Ok(value) = HeaderValue::from_str(&format!("{before}{nonce}{after}"))
        {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
        response
            .headers_mut()
            .insert(CACHE_HEADER, HeaderValue::from_static("hit"));
        response
    }
}

pub async fn page_cache(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let Some(key) = cache.key(&request) else {
        return next.run(request).await;
    };
    if let Some(page) = cache.get(&key) {
        return page.respond();
    }
    // The version before rendering: a change made meanwhile makes this page stale at once.
    let catalog_version = cache.state.catalog_version();
    let response = next.run(request).await;
    let keepable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !keepable {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            // Too large to keep, or the render failed half-way: the visitor cannot get
            // the rest of this body any more.
            tracing::warn!(%error, "a catalog page could not be buffered");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.",
            )
                .into_response();
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    let csp = parts
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let nonce = csp.as_deref().and_then(nonce_of).map(str::to_string);
    let (body, csp) = match (&nonce, &csp) {
        (Some(nonce), Some(csp)) => {
            let (before, after) = csp.split_once(nonce.as_str()).unwrap_or((csp, ""));
            (
                split_on(&bytes, nonce.as_bytes()),
                Some((before.to_string(), after.to_string())),
            )
        }
        _ => (vec![bytes.clone()], None),
    };
    let mut headers = parts.headers.clone();
    headers.remove(header::CONTENT_SECURITY_POLICY);
    cache.put(
        key,
        Page {
            catalog_version,
            stored: Instant::now(),
            headers,
            body,
            csp,
        },
    );
    parts
        .headers
        .insert(CACHE_HEADER, HeaderValue::from_static("miss"));
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_shop_window_pages_are_kept() {
        for path in [
            "/",
            "/catalog",
            "/catalog/rental",
            "/search",
            "/products/solara-fx-p10",
        ] {
            assert!(is_catalog_page(path), "{path}");
        }
        for path in [
            "/account",
            "/admin/products",
            "/cart",
            "/compare",
            "/products/",
            "/api/catalog/list",
        ] {
            assert!(!is_catalog_page(path), "{path}");
        }
    }

    #[test]
    fn any_cookie_but_the_language_means_a_personal_page() {
        let mut headers = HeaderMap::new();
        assert!(only_language_cookie(&headers));
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=zh"));
        assert!(only_language_cookie(&headers));
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=zh; sid=abc"));
        assert!(!only_language_cookie(&headers));
        headers.insert(header::COOKIE, HeaderValue::from_static("compare=1,2"));
        assert!(!only_language_cookie(&headers));
    }

    #[test]
    fn a_kept_page_gets_a_new_nonce_everywhere() {
        assert_eq!(
            nonce_of("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"),
            Some("abc123")
        );
        assert_eq!(nonce_of("script-src 'self'"), None);
        let parts = split_on(b"<script nonce=\"N1\">a</script><link nonce=\"N1\">", b"N1");
        assert_eq!(parts.len(), 3);
        let page = Page {
            catalog_version: 0,
            stored: Instant::now(),
            headers: HeaderMap::new(),
            body: parts,
            csp: Some(("script-src 'nonce-".into(), "'".into())),
        };
        let first = page.respond();
        let second = page.respond();
        let csp = |r: &Response| {
            r.headers()[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .to_string()
        };
        assert_ne!(csp(&first), csp(&second));
        let nonce = nonce_of(&csp(&first)).unwrap().to_string();
        assert_eq!(nonce.len(), 32);
        assert_eq!(first.headers()[CACHE_HEADER], "hit");
    }
}
