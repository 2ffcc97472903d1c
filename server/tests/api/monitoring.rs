//! `/metrics` on both databases: only with the bearer token (absent without the setting),
//! in the Prometheus text format, and its figures move with a checkout: the request counts
//! and latencies by route, the page cache, the orders by state, the outbox, the pool and
//! the kept values.

use crate::{
    cart::{product_id, set_stock},
    checkout::{GOOD_CARD, PANEL, address_and_delivery, enter_card, place},
    db_test,
    helpers::TestApp,
};
use reqwest::StatusCode;

const TOKEN: &str = "metrics-token-for-tests";

/// `/metrics` asked for with `token`.
async fn metrics_with(app: &TestApp, token: &str) -> reqwest::Response {
    app.client
        .get(app.url("/metrics"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn scrape(app: &TestApp) -> String {
    let res = metrics_with(app, TOKEN).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    res.text().await.unwrap()
}

/// The value of the series named `name` carrying every label of `labels`.
fn value(text: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| l.starts_with(&format!("{name}{{")) || l.starts_with(&format!("{name} ")))
        .find(|l| {
            labels
                .iter()
                .all(|(k, v)| l.contains(&format!("{k}=\"{v}\"")))
        })
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

async fn metrics_need_the_token_and_move_with_a_checkout(app: TestApp) {
    let anonymous = app.get("/metrics").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let wrong = metrics_with(&app, "metrics-token-for-testz").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);

    let before = scrape(&app).await;
    assert_eq!(
        value(&before, "shop_orders", &[("status", "paid")]),
        Some(0.0)
    );
    assert!(before.contains("# TYPE shop_orders gauge"), "{before}");

    // A catalog page twice: made and kept, then served from memory.
    for _ in 0..2 {
        let res = app
            .client
            .get(app.url("/"))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 5).await;
    app.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    address_and_delivery(&app, Some("metrics@example.com"), "DE").await;
    let view = enter_card(&app, GOOD_CARD).await;
    assert_eq!(
        place(&app, view["key"].as_str().unwrap()).await.status(),
        StatusCode::OK
    );

    let after = scrape(&app).await;
    assert_eq!(
        value(&after, "shop_orders", &[("status", "paid")]),
        Some(1.0),
        "{after}"
    );
    let placed = [
        ("route", "/api/checkout/place"),
        ("method", "POST"),
        ("status", "200"),
    ];
    assert_eq!(
        value(&after, "shop_http_requests_total", &placed),
        Some(1.0),
        "{after}"
    );
    assert_eq!(
        value(
            &after,
            "shop_http_request_duration_seconds_count",
            &[("route", "/api/checkout/place")]
        ),
        Some(1.0)
    );
    assert!(
        after.contains(
            "shop_http_request_duration_seconds_bucket{route=\"/api/checkout/place\",le=\"0.5\"}"
        ),
        "{after}"
    );
    assert!(
        value(&after, "shop_page_cache_total", &[("result", "hit")]).unwrap_or(0.0) >= 1.0,
        "{after}"
    );
    assert!(value(&after, "shop_page_cache_total", &[("result", "miss")]).unwrap_or(0.0) >= 1.0);
    assert_eq!(value(&after, "shop_outbox_given_up", &[]), Some(0.0));
    // A mail waiting ten minutes for its next try, and one given up.
    let now = app::backend::now();
    for (attempts, age) in [(3, 600), (10, 90_000)] {
        sqlx::query(
            "INSERT INTO outbox (recipient, subject, body, created_at, attempts, next_attempt_at)
             VALUES ('late@example.com', 'Late', 'Late', $1, $2, $3)",
        )
        .bind(now - age)
        .bind(attempts)
        .bind(now + 3600)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    }
    let outbox = scrape(&app).await;
    assert!(value(&outbox, "shop_outbox_waiting", &[]).unwrap() >= 1.0);
    let oldest = value(&outbox, "shop_outbox_oldest_age_seconds", &[]).unwrap();
    assert!(
        (600.0..90_000.0).contains(&oldest),
        "the given-up mail does not count: {oldest}"
    );
    assert_eq!(value(&outbox, "shop_outbox_given_up", &[]), Some(1.0));
    assert!(value(&after, "shop_db_pool_connections", &[("state", "max")]).unwrap() >= 1.0);
    assert!(value(&after, "shop_kept_values", &[("kind", "sessions")]).unwrap() >= 1.0);
    assert!(value(&after, "shop_kept_values", &[("kind", "products")]).unwrap() >= 1.0);
    // An unknown path is one series, not one per path.
    app.get("/api/made-up-function").await;
    app.get("/no/such/page/at/all").await;
    let last = scrape(&app).await;
    assert!(
        !last.contains("made-up-function") && !last.contains("/no/such"),
        "{last}"
    );
}
db_test!(
    metrics_need_the_token_and_move_with_a_checkout,
    [("SHOP_METRICS_TOKEN", "metrics-token-for-tests")]
);

async fn no_metrics_without_the_setting(app: TestApp) {
    let res = metrics_with(&app, TOKEN).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
db_test!(no_metrics_without_the_setting);
