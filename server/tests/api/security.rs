//! Security headers and the cross-site request check.

use crate::{db_test, helpers::TestApp};
use reqwest::StatusCode;

/// A rendered page (here: a visitor with a cookie, so the page cache stays out of it; kept
/// pages use script hashes instead, see `catalog_admin.rs`).
async fn rendered(app: &TestApp, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("cookie", "visit=1")
        .send()
        .await
        .unwrap()
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
db_test!(pages_carry_a_csp_with_a_fresh_nonce);

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
