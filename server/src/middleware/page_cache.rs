//! Catalog pages for visitors without cookies, served from memory.
//!
//! Most traffic to a shop is anonymous browsing of the same pages. A page is kept when the
//! request carries no cookie but the language choice (so no session, no comparison list, no
//! cart), it is one of the catalog pages, and the answer is a plain 200 that sets no cookie.
//! The key is the path with its query and the negotiated language.
//!
//! Kept pages are dropped when the catalog changes, on this server or another (the change
//! log, `app/src/backend/changes.rs`), and after `shop.page_cache_seconds` in any case.
//!
//! A rendered page allows its inline scripts by a per-response CSP nonce. A kept page allows
//! exactly the scripts it holds by their SHA-256 hashes instead and loses the nonce, so its
//! bytes never change: it is compressed once per encoding, carries an ETag, and a browser
//! that has it already gets `304 Not Modified`.

use super::security_headers::{HTML_CACHE_CONTROL, HTML_VARY};
use app::{
    backend::AppState,
    cookies,
    i18n::{Lang, lang_of_request},
};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::{
    collections::HashMap,
    io::Write,
    sync::{Arc, OnceLock, RwLock},
    time::{Duration, Instant},
};

/// Tells tests and operators whether a page came from memory (`hit`) or was rendered and
/// kept (`miss`); absent when the page could not be kept.
pub const CACHE_HEADER: HeaderName = HeaderName::from_static("x-page-cache");

/// Pages larger than this are not kept.
const MAX_PAGE_BYTES: usize = 512 * 1024;
/// Beyond this many pages (searches are endless), the older half is dropped: about 30 MB at
/// most with their compressed copies.
const MAX_PAGES: usize = 1000;

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

struct Page {
    catalog_version: u64,
    stored: Instant,
    /// The rendered page's headers, with the hash-based policy in place of the nonce one.
    headers: HeaderMap,
    etag: HeaderValue,
    body: Bytes,
    gzip: OnceLock<Option<Bytes>>,
    brotli: OnceLock<Option<Bytes>>,
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

    fn put(&self, key: Key, page: Arc<Page>) {
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
        pages.insert(key, page);
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
    // A header that is not even text counts as a personal cookie: never kept.
    let readable = headers
        .get_all(header::COOKIE)
        .iter()
        .all(|v| v.to_str().is_ok());
    readable && cookies::all(headers).all(|(name, _)| name == cookies::LANG)
}

/// The best encoding the browser accepts of those kept (brotli, then gzip).
fn preferred_encoding(headers: &HeaderMap) -> Encoding {
    let accepts = |name: &str| {
        headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|item| {
                let mut parts = item.split(';').map(str::trim);
                parts.next() == Some(name) && !parts.any(|p| p.replace(' ', "") == "q=0")
            })
    };
    if accepts("br") {
        Encoding::Brotli
    } else if accepts("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// The nonce in a policy such as `script-src 'self' 'nonce-abc'`.
fn nonce_of(csp: &str) -> Option<&str> {
    let start = csp.find("'nonce-")? + "'nonce-".len();
    let len = csp[start..].find('\'')?;
    Some(&csp[start..start + len]).filter(|n| !n.is_empty())
}

/// Takes the nonce off every `<script>` that carries it and returns the page with the CSP
/// hash source of each such script, or `None` when the page cannot be read that way.
fn pin_scripts(html: &str, nonce: &str) -> Option<(String, Vec<String>)> {
    let attribute = format!(" nonce=\"{nonce}\"");
    let mut out = String::with_capacity(html.len());
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&attribute) {
        let tag_start = rest[..at].rfind('<')?;
        if !rest[tag_start..].starts_with("<script") {
            return None;
        }
        let after = &rest[at + attribute.len()..];
        let content_start = after.find('>')? + 1;
        let content_len = after[content_start..].find("</script>")?;
        let content = &after[content_start..content_start + content_len];
        let digest = Sha256::digest(content.as_bytes());
        hashes.push(format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        ));
        out.push_str(&rest[..at]);
        rest = after;
    }
    out.push_str(rest);
    hashes.dedup();
    Some((out, hashes))
}

fn gzip(body: &[u8]) -> Option<Bytes> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(body).ok()?;
    encoder.finish().ok().map(Bytes::from)
}

fn brotli(body: &[u8]) -> Option<Bytes> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 9,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &body[..], &mut out, &params).ok()?;
    Some(Bytes::from(out))
}

impl Page {
    /// Builds the kept form of a rendered page; `None` when its scripts cannot be pinned.
    fn from_rendered(catalog_version: u64, mut headers: HeaderMap, html: &[u8]) -> Option<Page> {
        let html = std::str::from_utf8(html).ok()?;
        let csp = headers
            .get(header::CONTENT_SECURITY_POLICY)?
            .to_str()
            .ok()?
            .to_string();
        let (body, csp) = match nonce_of(&csp) {
            Some(nonce) => {
                let (body, hashes) = pin_scripts(html, nonce)?;
                let csp = csp.replace(&format!("'nonce-{nonce}'"), &hashes.join(" "));
                (body, csp)
            }
            None => (html.to_string(), csp),
        };
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&csp).ok()?,
        );
        headers.remove(header::CONTENT_LENGTH);
        headers.remove(header::CONTENT_ENCODING);
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(HTML_CACHE_CONTROL),
        );
        headers.insert(
            header::VARY,
            HeaderValue::from_str(&format!("{HTML_VARY}, Accept-Encoding")).ok()?,
        );
        let digest = Sha256::digest(body.as_bytes());
        let etag = HeaderValue::from_str(&format!("\"{}\"", hex::encode(&digest[..12]))).ok()?;
        Some(Page {
            catalog_version,
            stored: Instant::now(),
            headers,
            etag,
            body: Bytes::from(body),
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
        })
    }

    /// The body in `encoding` (compressed once, on first use), or the plain body.
    fn body_in(&self, encoding: Encoding) -> (Bytes, Option<&'static str>) {
        let compressed = match encoding {
            Encoding::Identity => None,
            Encoding::Gzip => self
                .gzip
                .get_or_init(|| gzip(&self.body))
                .clone()
                .map(|b| (b, "gzip")),
            Encoding::Brotli => self
                .brotli
                .get_or_init(|| brotli(&self.body))
                .clone()
                .map(|b| (b, "br")),
        };
        match compressed {
            Some((bytes, name)) => (bytes, Some(name)),
            None => (self.body.clone(), None),
        }
    }

    fn respond(&self, request_headers: &HeaderMap, outcome: &'static str) -> Response {
        let not_modified = request_headers
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|tag| tag.trim().trim_start_matches("W/") == self.etag.to_str().unwrap_or(""));
        let mut response = if not_modified {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            for name in [
                header::CACHE_CONTROL,
                header::VARY,
                header::CONTENT_SECURITY_POLICY,
            ] {
                if let Some(value) = self.headers.get(&name) {
                    response.headers_mut().insert(name, value.clone());
                }
            }
            response
        } else {
            let (body, encoding) = self.body_in(preferred_encoding(request_headers));
            let mut response = Response::new(Body::from(body));
            *response.headers_mut() = self.headers.clone();
            if let Some(encoding) = encoding {
                response
                    .headers_mut()
                    .insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
            }
            response
        };
        response
            .headers_mut()
            .insert(header::ETAG, self.etag.clone());
        response
            .headers_mut()
            .insert(CACHE_HEADER, HeaderValue::from_static(outcome));
        response
    }
}

pub async fn page_cache(
    State(cache): State<PageCache>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(key) = cache.key(&request) else {
        return next.run(request).await;
    };
    if let Some(page) = cache.get(&key) {
        return page.respond(request.headers(), "hit");
    }
    // The version before rendering: a change made meanwhile makes this page stale at once.
    let catalog_version = cache.state.catalog_version();
    let request_headers = request.headers().clone();
    // The page is kept uncompressed; each encoding is made once from it.
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    let response = next.run(request).await;
    let keepable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response.headers().contains_key(header::CONTENT_ENCODING)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !keepable {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match buffer_up_to(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        // Too large to keep: the visitor still gets the whole page, just not from memory.
        Err(Unbuffered::TooLarge(body)) => return Response::from_parts(parts, body),
        Err(Unbuffered::Failed(error)) => {
            // The render failed half-way: the visitor cannot get the rest of this body.
            tracing::warn!(%error, "a catalog page could not be rendered");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.",
            )
                .into_response();
        }
    };
    match Page::from_rendered(catalog_version, parts.headers.clone(), &bytes) {
        Some(page) => {
            let page = Arc::new(page);
            cache.put(key, page.clone());
            page.respond(&request_headers, "miss")
        }
        None => {
            tracing::warn!("a catalog page's scripts could not be pinned; not kept");
            Response::from_parts(parts, Body::from(bytes))
        }
    }
}

/// Why a body was not buffered.
enum Unbuffered {
    /// Longer than the limit: the same body, whole, for the visitor.
    TooLarge(Body),
    Failed(axum::Error),
}

/// Reads `body` into memory if it is at most `max` bytes long; a longer one comes back whole
/// (what was read, then the rest) to be sent on as a stream.
async fn buffer_up_to(body: Body, max: usize) -> Result<Bytes, Unbuffered> {
    use futures_util::StreamExt;
    let mut stream = body.into_data_stream();
    let mut read: Vec<Bytes> = Vec::new();
    let mut len = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(Unbuffered::Failed)?;
        len += chunk.len();
        read.push(chunk);
        if len > max {
            let head = futures_util::stream::iter(read.into_iter().map(Ok::<_, axum::Error>));
            return Err(Unbuffered::TooLarge(Body::from_stream(head.chain(stream))));
        }
    }
    Ok(match read.len() {
        1 => read.remove(0),
        _ => Bytes::from(read.concat()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;

    #[tokio::test]
    async fn pages_too_large_to_keep_are_still_served_whole() {
        let chunks = || {
            futures_util::stream::iter(
                (0..10u8).map(|i| Ok::<_, std::io::Error>(Bytes::from(vec![b'a' + i; 1000]))),
            )
        };
        let whole: Vec<u8> = (0..10u8).flat_map(|i| vec![b'a' + i; 1000]).collect();

        let small = Body::from_stream(chunks());
        let kept = buffer_up_to(small, 10_000).await.ok().expect("fits");
        assert_eq!(kept.as_ref(), whole.as_slice());

        let large = Body::from_stream(chunks());
        let Err(Unbuffered::TooLarge(body)) = buffer_up_to(large, 2_500).await else {
            panic!("a body over the limit must come back unbuffered");
        };
        let sent = to_bytes(body, usize::MAX).await.unwrap();
        assert_eq!(
            sent.as_ref(),
            whole.as_slice(),
            "nothing lost, nothing repeated"
        );
    }

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
    fn encodings_follow_the_browser() {
        let with = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            preferred_encoding(&h)
        };
        assert_eq!(preferred_encoding(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(with("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(with("gzip"), Encoding::Gzip);
        assert_eq!(with("br;q=0, gzip"), Encoding::Gzip);
        assert_eq!(with("identity"), Encoding::Identity);
    }

    #[test]
    fn kept_pages_allow_their_scripts_by_hash_not_by_nonce() {
        let html = r#"<head><link rel="modulepreload" href="/pkg/shop.js"><script type="module" nonce="N1">init()</script></head><body><script nonce="N1">window.x=1</script></body>"#;
        let (pinned, hashes) = pin_scripts(html, "N1").unwrap();
        assert!(!pinned.contains("N1"));
        assert!(pinned.contains(r#"<script type="module">init()</script>"#));
        assert_eq!(hashes.len(), 2);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"init()"));
        assert_eq!(hashes[0], format!("'sha256-{expected}'"));
        // A nonce anywhere but on a script: not something this cache understands.
        assert!(pin_scripts(r#"<style nonce="N1">p{}</style>"#, "N1").is_none());

        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'self' 'nonce-N1' 'wasm-unsafe-eval'"),
        );
        let page = Page::from_rendered(0, headers, html.as_bytes()).unwrap();
        let csp = page.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(!csp.contains("nonce"), "{csp}");
        assert!(csp.contains(&hashes[1]));
        assert!(csp.ends_with("'wasm-unsafe-eval'"));
    }

    #[test]
    fn kept_pages_answer_in_the_browsers_encoding_and_304_when_unchanged() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'"),
        );
        let html = "<p>Solara FX P10</p>".repeat(50);
        let page = Page::from_rendered(0, headers, html.as_bytes()).unwrap();

        let mut request = HeaderMap::new();
        request.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip"));
        let response = page.respond(&request, "hit");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
        let (bytes, _) = page.body_in(Encoding::Gzip);
        let mut plain = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut plain)
            .unwrap();
        assert_eq!(plain, html);

        let mut again = HeaderMap::new();
        again.insert(header::IF_NONE_MATCH, page.etag.clone());
        let response = page.respond(&again, "hit");
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(response.headers()[header::ETAG], page.etag);
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            HTML_CACHE_CONTROL
        );
    }
}
