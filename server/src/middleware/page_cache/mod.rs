//! Catalog pages served from memory, to every visitor.
//!
//! Most traffic to a shop is browsing the same pages. A catalog page (home, listings,
//! search, product pages) is rendered once per address and language as a template
//! (`app/src/components/personal.rs`): the page a visitor without a session gets, with a
//! slot mark in place of each personal value (the header's account and cart links). Each
//! answer fills the slots: the anonymous values, or a shopper's own name and cart (kept per
//! session in [`personal::PersonalCache`]); a shopper's page is gzipped by splicing their
//! values between pieces compressed once ([`gzip_splice`]). Staff, a shopper whose address
//! is unconfirmed, and a session holding a form's one-time outcome get their pages rendered,
//! as does a request carrying a form error in its address. Cookies the shop did not set (a
//! load balancer's stickiness cookie, a CDN's, another app's on the same domain) change
//! nothing on a page and are ignored. The key is the path with its query and the
//! negotiated language.
//!
//! Kept pages are dropped when the catalog changes, on this server or another (the change
//! log, `app/src/backend/memory/changes.rs`), and after `shop.page_cache_seconds` in any case.
//!
//! A rendered page allows its inline scripts by a per-response CSP nonce. A kept page allows
//! exactly the scripts it holds by their SHA-256 hashes instead and loses the nonce, so its
//! bytes never change: it is compressed once per encoding, carries an ETag, and a browser
//! that has it already gets `304 Not Modified`.

mod gzip_splice;
mod personal;

use super::{
    encoding::{Effort, Encoding},
    security_headers::{HTML_CACHE_CONTROL, HTML_VARY},
};
use app::{
    backend::{AppState, privacy::consent, request::personal::Shown},
    components::personal::{Slot, TemplateMode, slot_values},
    cookies,
    i18n::{Lang, lang_of_request},
    model::policy::ConsentView,
};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::Engine;
pub use personal::PersonalCache;
use sha2::{Digest, Sha256};
use std::{
    collections::HashMap,
    sync::{Arc, OnceLock, RwLock},
    time::{Duration, Instant},
};

/// Tells tests and operators whether a page came from memory (`hit`) or was rendered and
/// kept (`miss`); absent when the page could not be kept.
pub const CACHE_HEADER: HeaderName = HeaderName::from_static("x-page-cache");
/// `shopper` on a kept page that carries a shopper's values (absent for the anonymous ones).
pub const PERSONAL_HEADER: HeaderName = HeaderName::from_static("x-page-personal");

/// Pages larger than this are not kept.
const MAX_PAGE_BYTES: usize = 512 * 1024;
/// A template larger than this cannot have its slots filled (far beyond any catalog page).
const MAX_TEMPLATE_BYTES: usize = 8 * 1024 * 1024;
/// Beyond this many pages (searches are endless), the older half is dropped: about 30 MB at
/// most with their compressed copies.
const MAX_PAGES: usize = 1000;

#[derive(Clone)]
pub struct PageCache {
    state: AppState,
    ttl: Duration,
    pages: Arc<RwLock<HashMap<Key, Arc<Page>>>>,
    personal: PersonalCache,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    lang: Lang,
    /// The visitor's consent as pages show it (the banner, the choices in effect).
    consent: ConsentView,
}

struct Page {
    catalog_version: u64,
    stored: Instant,
    /// The rendered page's headers, with the hash-based policy in place of the nonce one.
    headers: HeaderMap,
    /// The anonymous page's.
    etag: HeaderValue,
    /// The page with the anonymous values.
    body: Bytes,
    gzip: OnceLock<Option<Bytes>>,
    brotli: OnceLock<Option<Bytes>>,
    template: Template,
    /// The template's pieces, deflated (see `gzip_splice.rs`).
    deflated: OnceLock<Option<Vec<Bytes>>>,
}

/// The slots' values for a visitor: a shopper's part, or `None` for the anonymous page.
fn visitor_values(lang: Lang, shown: Option<&Shown>) -> Vec<String> {
    slot_values(lang, shown.map(|s| (s.full_name.as_deref(), &s.cart)))
}

/// A page cut at its slot marks: `pieces[0] slots[0] pieces[1] … pieces[n]`.
struct Template {
    pieces: Vec<Bytes>,
    slots: Vec<Slot>,
}

impl Template {
    fn parse(html: &str) -> Template {
        let mut pieces = Vec::new();
        let mut slots = Vec::new();
        let mut start = 0;
        for (at, c) in html.char_indices() {
            if let Some(slot) = Slot::of_mark(c) {
                pieces.push(Bytes::copy_from_slice(&html.as_bytes()[start..at]));
                slots.push(slot);
                start = at + c.len_utf8();
            }
        }
        pieces.push(Bytes::copy_from_slice(&html.as_bytes()[start..]));
        Template { pieces, slots }
    }

    /// True when every slot is there exactly once, or none is (a page without the header):
    /// otherwise some text in the page used a mark, and the page is not kept.
    fn is_whole(&self) -> bool {
        self.slots.is_empty()
            || (self.slots.len() == Slot::ALL.len()
                && Slot::ALL
                    .iter()
                    .all(|s| self.slots.iter().filter(|t| *t == s).count() == 1))
    }

    /// The value at each slot, from `values` in `Slot::ALL`'s order.
    fn gaps<'v>(&self, values: &'v [String]) -> Vec<&'v str> {
        self.slots
            .iter()
            .map(|slot| values[*slot as usize].as_str())
            .collect()
    }

    fn fill(&self, values: &[String]) -> Bytes {
        let gaps = self.gaps(values);
        let len = self.pieces.iter().map(Bytes::len).sum::<usize>()
            + gaps.iter().map(|g| g.len()).sum::<usize>();
        let mut out = Vec::with_capacity(len);
        for (i, piece) in self.pieces.iter().enumerate() {
            out.extend_from_slice(piece);
            if let Some(gap) = gaps.get(i) {
                out.extend_from_slice(gap.as_bytes());
            }
        }
        Bytes::from(out)
    }
}

impl PageCache {
    /// `ttl` zero turns the cache off.
    pub fn new(state: AppState, ttl: Duration) -> PageCache {
        PageCache {
            state,
            ttl,
            pages: Arc::default(),
            personal: PersonalCache::default(),
        }
    }

    async fn key(&self, method: &Method, uri: &Uri, headers: &HeaderMap) -> Option<Key> {
        if self.ttl.is_zero() || method != Method::GET {
            return None;
        }
        if !is_catalog_page(uri.path())
            || !cookies_readable(headers)
            || carries_form_error(uri.query())
        {
            return None;
        }
        let path_and_query = uri.path_and_query()?.as_str().to_string();
        let consent = consent::view(&self.state, consent::of_headers(headers))
            .await
            .ok()?;
        Some(Key {
            path_and_query,
            lang: lang_of_request(headers),
            consent,
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

/// True when the request's cookies can be read. Pages depend only on the shop's own cookies
/// (the language and the consent choice, read into the key; the session, whose part is
/// filled in; the comparison list, which catalog pages do not show), so any other cookie is
/// ignored; a header that is not even text gets a rendered page.
fn cookies_readable(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .all(|v| v.to_str().is_ok())
}

/// True when the address carries a form's error (see `redirects.rs`): that page is the
/// visitor's own.
fn carries_form_error(query: Option<&str>) -> bool {
    query.is_some_and(|q| {
        form_urlencoded::parse(q.as_bytes()).any(|(k, _)| k == "__err" || k == "__path")
    })
}

/// The request as a visitor without a session sends it: no cookie but the language and the
/// consent choice, no compression (each encoding is made once from the kept page), and
/// template mode.
fn as_template_request(request: &mut Request) {
    let kept: Vec<String> = [cookies::LANG, cookies::CONSENT]
        .into_iter()
        .filter_map(|name| cookies::get(request.headers(), name).map(|v| format!("{name}={v}")))
        .collect();
    let headers = request.headers_mut();
    headers.remove(header::COOKIE);
    headers.remove(header::ACCEPT_ENCODING);
    if let Ok(value) = HeaderValue::from_str(&kept.join("; "))
        && !kept.is_empty()
    {
        headers.insert(header::COOKIE, value);
    }
    request.extensions_mut().insert(TemplateMode);
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

impl Page {
    /// Builds the kept form of a rendered page; `None` when its scripts cannot be pinned.
    /// Builds the kept form of a page rendered as a template; `None` when its scripts
    /// cannot be pinned or its slots are not whole.
    fn from_rendered(
        catalog_version: u64,
        mut headers: HeaderMap,
        html: &[u8],
        lang: Lang,
    ) -> Option<Page> {
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
        headers.insert(header::VARY, HeaderValue::from_static(HTML_VARY));
        let template = Template::parse(&body);
        if !template.is_whole() {
            return None;
        }
        let body = template.fill(&visitor_values(lang, None));
        let digest = Sha256::digest(&body);
        let etag = HeaderValue::from_str(&format!("\"{}\"", hex::encode(&digest[..12]))).ok()?;
        Some(Page {
            catalog_version,
            stored: Instant::now(),
            headers,
            etag,
            body,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            template,
            deflated: OnceLock::new(),
        })
    }

    /// The page with a shopper's values, gzipped when the browser takes gzip (brotli cannot
    /// be spliced; gzip costs a few percent more bytes and no compression per request).
    fn personal_body(
        &self,
        request_headers: &HeaderMap,
        shown: &Shown,
        lang: Lang,
    ) -> (Bytes, Option<&'static str>) {
        let values = visitor_values(lang, Some(shown));
        if Encoding::Gzip.is_accepted(request_headers)
            && let Some(deflated) = self
                .deflated
                .get_or_init(|| {
                    self.template
                        .pieces
                        .iter()
                        .map(|p| gzip_splice::deflate_piece(p))
                        .collect()
                })
                .as_ref()
        {
            let gaps = self.template.gaps(&values);
            let body = gzip_splice::gzip(&self.template.pieces, deflated, &gaps);
            return (Bytes::from(body), Some("gzip"));
        }
        (self.template.fill(&values), None)
    }

    /// The body in `encoding` (compressed once, on first use), or the plain body.
    fn body_in(&self, encoding: Encoding) -> (Bytes, Option<&'static str>) {
        let compressed = match encoding {
            Encoding::Identity => None,
            Encoding::Gzip => self
                .gzip
                .get_or_init(|| Encoding::Gzip.compress(&self.body, Effort::Once))
                .clone()
                .map(|b| (b, "gzip")),
            Encoding::Brotli => self
                .brotli
                .get_or_init(|| Encoding::Brotli.compress(&self.body, Effort::Once))
                .clone()
                .map(|b| (b, "br")),
        };
        match compressed {
            Some((bytes, name)) => (bytes, Some(name)),
            None => (self.body.clone(), None),
        }
    }

    /// The answer for a visitor: `shown` is a shopper's part (`None`: the anonymous page).
    fn respond(
        &self,
        request_headers: &HeaderMap,
        outcome: &'static str,
        shown: Option<&Shown>,
        lang: Lang,
    ) -> Response {
        if let Some(shown) = shown {
            let (body, encoding) = self.personal_body(request_headers, shown, lang);
            let mut response = Response::new(Body::from(body));
            *response.headers_mut() = self.headers.clone();
            let headers = response.headers_mut();
            if let Some(encoding) = encoding {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
            }
            headers.insert(CACHE_HEADER, HeaderValue::from_static(outcome));
            headers.insert(PERSONAL_HEADER, HeaderValue::from_static("shopper"));
            return response;
        }
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
            let (body, encoding) = self.body_in(Encoding::preferred(request_headers, Effort::Once));
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
    let key = cache
        .key(request.method(), request.uri(), request.headers())
        .await;
    let Some(key) = key else {
        return next.run(request).await;
    };
    // A session's visitor gets the kept page with their part put in, when it will do.
    let personal = match cache.state.sessions.token_in(request.headers()) {
        None => None,
        Some(token) => match cache
            .personal
            .get(&cache.state, request.headers(), &token)
            .await
        {
            Some(personal) if personal.shown.is_some() => Some(personal),
            _ => return next.run(request).await,
        },
    };
    let shown = personal.as_ref().and_then(|p| p.shown.as_ref());
    if let Some(page) = cache.get(&key) {
        return page.respond(request.headers(), "hit", shown, key.lang);
    }
    // The version before rendering: a change made meanwhile makes this page stale at once.
    let catalog_version = cache.state.catalog_version();
    let request_headers = request.headers().clone();
    as_template_request(&mut request);
    let response = next.run(request).await;
    if !super::is_html(response.headers()) {
        return response;
    }
    let keepable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response.headers().contains_key(header::CONTENT_ENCODING);
    let (parts, body) = response.into_parts();
    let bytes = match buffer_up_to(body, MAX_TEMPLATE_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            match error {
                Unbuffered::TooLarge => tracing::error!("a catalog page is too large to fill"),
                // The render failed half-way: the visitor cannot get the rest of this body.
                Unbuffered::Failed(error) => {
                    tracing::warn!(%error, "a catalog page could not be rendered")
                }
            }
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.",
            )
                .into_response();
        }
    };
    if keepable && bytes.len() <= MAX_PAGE_BYTES {
        match Page::from_rendered(catalog_version, parts.headers.clone(), &bytes, key.lang) {
            Some(page) => {
                let page = Arc::new(page);
                cache.put(key.clone(), page.clone());
                return page.respond(&request_headers, "miss", shown, key.lang);
            }
            None => tracing::warn!("a catalog page's scripts or slots could not be read; not kept"),
        }
    }
    // Not kept (too large, an error page…): this visitor's values, the page as rendered.
    let values = visitor_values(key.lang, shown);
    let mut parts = parts;
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = Template::parse(&String::from_utf8_lossy(&bytes)).fill(&values);
    Response::from_parts(parts, Body::from(body))
}

/// Why a body was not buffered.
enum Unbuffered {
    /// Longer than the limit.
    TooLarge,
    Failed(axum::Error),
}

/// Reads `body` into memory if it is at most `max` bytes long.
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
            return Err(Unbuffered::TooLarge);
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

    #[tokio::test]
    async fn bodies_are_buffered_up_to_a_limit() {
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
        assert!(matches!(
            buffer_up_to(large, 2_500).await,
            Err(Unbuffered::TooLarge)
        ));
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
    fn foreign_cookies_are_ignored_but_a_form_error_means_a_rendered_page() {
        let mut headers = HeaderMap::new();
        assert!(cookies_readable(&headers));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("lang=zh; AWSALB=abc; _ga=1; shop_session=abc"),
        );
        assert!(cookies_readable(&headers));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_bytes(b"sid=\xff").unwrap(),
        );
        assert!(!cookies_readable(&headers));
        assert!(!carries_form_error(None));
        assert!(!carries_form_error(Some("q=led")));
        assert!(carries_form_error(Some("q=led&__err=x&__path=y")));
    }

    /// Every slot's mark, each in its own `<i>` (a header's worth of personal values).
    fn every_slot_in_a_tag() -> String {
        Slot::ALL
            .iter()
            .map(|s| format!("<i>{}</i>", s.mark()))
            .collect()
    }

    #[test]
    fn templates_are_cut_at_their_slots_and_filled_per_visitor() {
        let marks = every_slot_in_a_tag();
        let template = Template::parse(&format!("<head></head>{marks}<p>rest</p>"));
        assert!(template.is_whole());
        assert_eq!(template.pieces.len(), Slot::ALL.len() + 1);
        let values: Vec<String> = (0..Slot::ALL.len()).map(|i| format!("v{i}")).collect();
        let filled = template.fill(&values);
        assert_eq!(
            std::str::from_utf8(&filled).unwrap(),
            "<head></head><i>v0</i><i>v1</i><i>v2</i><i>v3</i><i>v4</i><i>v5</i><i>v6</i><i>v7</i><p>rest</p>"
        );
        // A mark used twice (a product named with one): not kept.
        let twice = Template::parse(&format!("{marks}{}", Slot::CartCount.mark()));
        assert!(!twice.is_whole());
        assert!(Template::parse("<p>no header</p>").is_whole());
    }

    #[test]
    fn a_shoppers_page_is_gzipped_only_for_a_browser_that_takes_gzip() {
        let marks = every_slot_in_a_tag();
        let html = format!("<head></head>{marks}{}", "<p>Solara FX P10</p>".repeat(50));
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'"),
        );
        let page = Page::from_rendered(0, headers, html.as_bytes(), Lang::En).unwrap();
        let shown = Shown {
            full_name: Some("Mei Lin".into()),
            cart: Default::default(),
        };
        let with = |accepted: &'static str| {
            let mut request = HeaderMap::new();
            request.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(accepted));
            page.personal_body(&request, &shown, Lang::En)
        };
        let (plain, encoding) = with("br");
        assert_eq!(encoding, None, "brotli only: sent plain, never gzip");
        let plain = String::from_utf8(plain.to_vec()).unwrap();
        assert!(plain.contains("<i>Mei</i>"), "{plain}");
        for accepted in ["gzip", "br, gzip"] {
            let (bytes, encoding) = with(accepted);
            assert_eq!(encoding, Some("gzip"), "{accepted}");
            let mut unzipped = String::new();
            std::io::Read::read_to_string(
                &mut flate2::read::GzDecoder::new(&bytes[..]),
                &mut unzipped,
            )
            .unwrap();
            assert_eq!(unzipped, plain);
        }
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
        let page = Page::from_rendered(0, headers, html.as_bytes(), Lang::En).unwrap();
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
        let page = Page::from_rendered(0, headers, html.as_bytes(), Lang::En).unwrap();

        let mut request = HeaderMap::new();
        request.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip"));
        let response = page.respond(&request, "hit", None, Lang::En);
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
        let (bytes, _) = page.body_in(Encoding::Gzip);
        let mut plain = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut plain)
            .unwrap();
        assert_eq!(plain, html);

        let mut again = HeaderMap::new();
        again.insert(header::IF_NONE_MATCH, page.etag.clone());
        let response = page.respond(&again, "hit", None, Lang::En);
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(response.headers()[header::ETAG], page.etag);
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            HTML_CACHE_CONTROL
        );
    }
}
