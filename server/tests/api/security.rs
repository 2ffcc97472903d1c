//! Security headers and the cross-site request check.

use crate::{db_test, helpers::TestApp};
use reqwest::StatusCode;

/// A rendered page (the test's shop keeps no pages; kept pages use script hashes instead,
/// see `catalog_admin.rs`).
async fn rendered(app: &TestApp, path: &str) -> reqwest::Response {
    app.client.get(app.url(path)).send().await.unwrap()
}

async fn pages_carry_a_csp_with_a_fresh_nonce(app: TestApp) {
    let first = rendered(&app, "/").await;
    let csp = first.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let body = first.text().await.unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the CSP")
        .to_string();
    assert!(nonce.len() >= 16);
    assert!(
        body.contains(&format!(r#"nonce="{nonce}""#)),
        "inline script lacks the nonce"
    );
    assert!(csp.contains("'wasm-unsafe-eval'"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'"));

    let second = rendered(&app, "/").await;
    let csp2 = second.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(!csp2.contains(&nonce), "nonce reused");
}
db_test!(
    pages_carry_a_csp_with_a_fresh_nonce,
    [("SHOP_PAGE_CACHE_SECONDS", "0")]
);

async fn every_response_has_the_baseline_headers(app: TestApp) {
    for path in ["/", "/no-such-page", "/healthz", "/api/shop/info"] {
        let res = app.get(path).await;
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            h["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert!(h.contains_key("content-security-policy"), "{path}");
        // Plain HTTP here: no HSTS.
        assert!(!h.contains_key("strict-transport-security"), "{path}");
    }
    let (status, _) = app.page("/").await;
    assert_eq!(status, StatusCode::OK);
    let res = app.get("/").await;
    assert_eq!(res.headers()["cache-control"], "private, no-cache");
}
db_test!(every_response_has_the_baseline_headers);

async fn cross_site_posts_are_rejected(app: TestApp) {
    let endpoint = app.url("/api/language/set");
    let attempts = [
        vec![("sec-fetch-site", "cross-site".to_string())],
        vec![("sec-fetch-site", "same-site".to_string())],
        vec![("origin", "https://evil.example".to_string())],
        vec![("origin", "null".to_string())],
    ];
    for headers in attempts {
        let mut req = app
            .client
            .post(&endpoint)
            .header("accept", "text/html")
            .form(&[("lang", "zh")]);
        for (k, v) in &headers {
            req = req.header(*k, v);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{headers:?}");
        assert!(
            res.headers().get("set-cookie").is_none(),
            "{headers:?} changed state"
        );
    }
    // The same request from the shop's own page goes through.
    for (k, v) in [
        ("sec-fetch-site", "same-origin".to_string()),
        ("origin", app.base.clone()),
    ] {
        let res = app
            .client
            .post(&endpoint)
            .header(k, v)
            .form(&[("lang", "zh")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{k}");
    }
}
db_test!(cross_site_posts_are_rejected);

async fn unknown_server_functions_are_a_client_error(app: TestApp) {
    let res = app
        .client
        .post(app.url("/api/no/such/function"))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
}
db_test!(unknown_server_functions_are_a_client_error);

/// Token ids (a session to end, an erasure receipt, a card entry) are checked where they
/// arrive: a malformed one is the client's mistake (400), changes nothing, and the erased
/// page for a malformed receipt address says "not found" like an unknown one.
async fn malformed_token_ids_are_refused_and_change_nothing(app: TestApp) {
    crate::accounts::registered_shopper(&app, &app, "mei@example.com").await;
    let long = "ab".repeat(5000);
    for bad in [
        "x",
        "<script>alert(1)</script>",
        &"zz".repeat(32),
        long.as_str(),
    ] {
        let res = app.call("account/end-session", &[("id", bad)]).await;
        assert_eq!(
            res.status(),
            StatusCode::BAD_REQUEST,
            "end-session {bad:.20}"
        );
        let res = app
            .get(&format!(
                "/api/account/erasure-receipt?id={}",
                urlencode(bad)
            ))
            .await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "receipt {bad:.20}");
        let res = app
            .get(&format!("/api/checkout/view?card_entry={}", urlencode(bad)))
            .await;
        assert_eq!(
            res.status(),
            StatusCode::BAD_REQUEST,
            "card entry {bad:.20}"
        );
    }
    // Still signed in: nothing was ended.
    assert!(crate::accounts::me(&app).await["id"].is_i64());
    let (status, page) = app
        .new_browser()
        .page("/account/erased/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("<script>alert(1)"));
}
db_test!(malformed_token_ids_are_refused_and_change_nothing);

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Sends raw bytes over HTTP/1.1 and returns the status line's code.
async fn raw_status(app: &TestApp, request: &[u8]) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = app.base.trim_start_matches("http://");
    let mut socket = tokio::net::TcpStream::connect(addr).await.unwrap();
    socket.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        socket.read_to_end(&mut answer),
    )
    .await;
    let text = String::from_utf8_lossy(&answer);
    text.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"))
}

/// The probe's findings: request bodies the server could not read answered 500.
async fn unreadable_requests_are_the_clients_fault(app: TestApp) {
    let post = |body: Vec<u8>, content_type: &'static str| {
        app.client
            .post(app.url("/api/account/sign-in"))
            .header("sec-fetch-site", "same-origin")
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    // Not UTF-8.
    let res = post(
        b"email=\xff\xfe@example.com&password=x".to_vec(),
        "application/x-www-form-urlencoded",
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");
    // UTF-16 (a charset the shop does not take).
    let utf16: Vec<u8> = "email=a@b.co&password=xxxxxxxxxxxx"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let res = post(utf16, "application/x-www-form-urlencoded; charset=utf-16")
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    // Over the 2 MiB limit without a length announced (chunked).
    let chunks = (0..40).map(|_| Ok::<_, std::io::Error>(vec![b'a'; 64 * 1024]));
    let res = app
        .client
        .post(app.url("/api/account/sign-in"))
        .header("sec-fetch-site", "same-origin")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // Broken chunked encoding.
    let host = app.base.trim_start_matches("http://").to_string();
    let broken = format!(
        "POST /api/account/sign-in HTTP/1.1\r\nHost: {host}\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\
         Connection: close\r\n\r\n5\r\nemail\r\nZZ\r\n=a@b\r\n0\r\n\r\n"
    );
    let status = raw_status(&app, broken.as_bytes()).await;
    assert!(
        (400..500).contains(&status),
        "broken chunks answered {status}"
    );
    // A picture id that is not a number: no parser message, no echo.
    for path in [
        "/media/products/abc",
        "/media/products/%3Cscript%3E",
        "/media/products/-1",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        let text = res.text().await.unwrap();
        assert!(
            !text.contains("abc") && !text.contains("script") && !text.contains("parse"),
            "{text}"
        );
    }
    // The server is still fine.
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}
db_test!(unreadable_requests_are_the_clients_fault);

/// The probe's finding: a client that does not ask for HTML got `200` with a `Location`
/// header and an empty page for a page behind a sign-in.
async fn pages_behind_a_sign_in_redirect_every_client(app: TestApp) {
    for accept in ["*/*", "application/json", "text/html"] {
        let res = app
            .client
            .get(app.url("/account/addresses"))
            .header("accept", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND, "Accept: {accept}");
        let location = res.headers()["location"].to_str().unwrap();
        assert_eq!(location, "/account/sign-in?next=/account/addresses");
    }
}
db_test!(pages_behind_a_sign_in_redirect_every_client);

/// The probe's finding: the form's error box showed any text put into `__err` by a link.
/// Only the error this visitor's own form post produced is shown, and only once.
async fn only_errors_the_shop_produced_for_this_visitor_are_shown(app: TestApp) {
    use base64::Engine;
    let forged = base64::engine::general_purpose::URL_SAFE
        .encode(r#"{"error":"suspended","reason":"Call +1 555 0100 to restore it"}"#);
    let link = format!("/account/sign-in?x=1&__path=%2Fapi%2Faccount%2Fsign-in&__err={forged}");
    let res = app.get(&link).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/account/sign-in?x=1");
    let (_, page) = app.page("/account/sign-in?x=1").await;
    assert!(!page.contains("555 0100"));

    // A real failure without JavaScript: the error comes back with the visitor…
    let res = app
        .post_plain(
            "account/sign-in",
            "/account/sign-in",
            &[
                ("email", "nobody@example.com"),
                ("password", "wrong password"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with("/account/sign-in?__path="),
        "{location}"
    );
    let (status, page) = app.page(&location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("The email address or password is not right."));
    // …once: reloading (or coming back with Back after a later success) drops it.
    let res = app.get(&location).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // And another visitor given the same address sees nothing.
    let res = app.new_browser().get(&location).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}
db_test!(only_errors_the_shop_produced_for_this_visitor_are_shown);

/// Over HTTPS (`SHOP_PUBLIC_URL=https://…`) every answer carries HSTS and the session cookie
/// is `__Host-` and `Secure` (only their absence over plain HTTP was tested).
async fn https_mode_sends_hsts_and_host_only_secure_cookies(app: TestApp) {
    for path in ["/", "/no-such-page", "/api/shop/info"] {
        let res = app.get(path).await;
        let hsts = res.headers()["strict-transport-security"].to_str().unwrap();
        assert!(hsts.contains("max-age="), "{path}: {hsts}");
    }
    // The first thing worth remembering opens the session.
    let product = crate::cart::product_id(&app, "solara-fx-p10").await;
    let res = app
        .call(
            "cart/add",
            &[("product", &product.to_string()), ("quantity", "1")],
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.contains("shop_session="))
        .expect("a session cookie");
    assert!(cookie.starts_with("__Host-shop_session="), "{cookie}");
    for part in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{part} missing: {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
}
db_test!(
    https_mode_sends_hsts_and_host_only_secure_cookies,
    [("SHOP_PUBLIC_URL", "https://shop.example")]
);

/// Where a page may point: its own origins, mail and telephone links, inline data, and
/// relative addresses; anything else (another origin, `javascript:`) is foreign.
fn foreign(url: &str, own: &[String]) -> bool {
    let url = url.trim();
    if url.starts_with("//") {
        return true;
    }
    let scheme = url.split_once(':').map(|(scheme, _)| scheme).filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    match scheme {
        None => false,
        Some("mailto" | "tel" | "data") => false,
        Some("http" | "https") => !own
            .iter()
            .any(|origin| url == origin || url.starts_with(&format!("{origin}/"))),
        Some(_) => true,
    }
}

/// Every address a page's HTML or CSS names: `src`, `href`, `srcset`, `action`, `poster`
/// and CSS `url()`.
fn addresses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["src", "href", "srcset", "action", "poster"] {
        let needle = format!(" {attr}=\"");
        for piece in text.split(&needle).skip(1) {
            let value = piece.split('"').next().unwrap_or("");
            if attr == "srcset" {
                found.extend(
                    value
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(String::from),
                );
            } else {
                found.push(value.to_string());
            }
        }
    }
    for piece in text.split("url(").skip(1) {
        let value = piece.split(')').next().unwrap_or("");
        found.push(value.trim_matches(|c| c == '"' || c == '\'').to_string());
    }
    found
}

/// A CSP source that is someone else's: a host, a scheme-wide source or a wildcard.
fn foreign_source(source: &str) -> bool {
    let keyword = source.starts_with('\'') && source.ends_with('\'');
    !(keyword || source == "data:" || source == "blob:")
}

/// No third-party script, style, picture, font, form target or connection on any page: the
/// shop's own origin only (promise P10: no trackers, no pixels, no CDN).
async fn no_page_names_a_foreign_origin(app: TestApp) {
    use crate::{accounts::registered_shopper, admin::staff};
    use app::domain::account::Role;
    let own = vec![app.base.clone(), app.state.settings.public_url.clone()];
    let visitor = app.new_browser();
    let admin = staff(&app, "boss@lumenwall.example", Role::Admin).await;
    let shopper_id = registered_shopper(&app, &app, "mei@example.com").await;
    let mut pages: Vec<(&crate::helpers::Browser, String)> = [
        "/",
        "/catalog",
        "/catalog/rental",
        "/search?q=led",
        "/products/solara-fx-p10",
        "/compare",
        "/configurator",
        "/cart",
        "/checkout",
        "/privacy",
        "/privacy/versions/1",
        "/privacy/changes?from=1&to=1",
        "/privacy/choices",
        "/terms",
        "/contact",
        "/account/register",
        "/account/check-email",
        "/account/sign-in",
        "/account/forgot",
        "/account/deactivated",
        "/no-such-page",
    ]
    .into_iter()
    .map(|p| (&visitor, p.to_string()))
    .collect();
    for path in [
        "/account",
        "/account/addresses",
        "/account/orders",
        "/account/cards",
        "/account/security",
        "/account/data",
    ] {
        pages.push((&app, path.into()));
    }
    for path in [
        "/admin".to_string(),
        "/admin/customers".into(),
        format!("/admin/customers/{shopper_id}"),
        "/admin/mail".into(),
        "/admin/orders".into(),
        "/admin/products".into(),
        "/admin/products/new".into(),
        "/admin/products/1".into(),
        "/admin/privacy".into(),
        "/admin/privacy/1".into(),
    ] {
        pages.push((&admin, path));
    }
    let mut wrong = Vec::new();
    let mut seen = 0;
    for (browser, path) in &pages {
        let res = browser
            .client
            .get(browser.url(path))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        let csp = res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        for directive in csp.split(';') {
            for source in directive.split_whitespace().skip(1) {
                if foreign_source(source) {
                    wrong.push(format!("{path}: CSP {source}"));
                }
            }
        }
        let expected = match path.as_str() {
            "/no-such-page" => StatusCode::NOT_FOUND,
            _ => StatusCode::OK,
        };
        assert_eq!(res.status(), expected, "{path}");
        let page = res.text().await.unwrap();
        for address in addresses(&page) {
            seen += 1;
            if foreign(&address, &own) {
                wrong.push(format!("{path}: {address}"));
            }
        }
    }
    let stylesheet = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../style/main.css"),
    )
    .unwrap();
    for address in addresses(&stylesheet) {
        if foreign(&address, &own) {
            wrong.push(format!("style/main.css: {address}"));
        }
    }
    assert!(pages.len() > 30, "read every route");
    assert!(seen > 500, "read the pages' addresses ({seen})");
    assert!(wrong.is_empty(), "foreign origins:\n{}", wrong.join("\n"));
}
db_test!(no_page_names_a_foreign_origin);

#[test]
fn the_origin_scan_sees_what_it_must() {
    let own = ["http://127.0.0.1:3000".to_string()];
    assert!(foreign("https://cdn.example/app.js", &own));
    assert!(foreign("//cdn.example/app.js", &own));
    assert!(foreign("javascript:alert(1)", &own));
    assert!(!foreign("/pkg/shop.js", &own));
    assert!(!foreign("http://127.0.0.1:3000/products/x", &own));
    assert!(foreign("http://127.0.0.1:3000.evil.example/x", &own));
    assert!(!foreign("mailto:help@shop.test", &own));
    assert!(!foreign("data:image/svg+xml,%3Csvg%3E", &own));
    let found = addresses(
        r#"<img src="/a.png" srcset="/b.png 1x, https://x.example/c.png 2x"><form action="/api/x"></form><div style="background:url('https://y.example/z.png')"></div>"#,
    );
    assert_eq!(
        found,
        [
            "/a.png",
            "/b.png",
            "https://x.example/c.png",
            "/api/x",
            "https://y.example/z.png"
        ]
    );
    assert!(foreign_source("https://cdn.example"));
    assert!(foreign_source("*"));
    assert!(foreign_source("https:"));
    assert!(!foreign_source("'self'"));
    assert!(!foreign_source("'nonce-abc'"));
}
