//! The staff analytics dashboard on both databases: its figures against a seeded set of
//! page views (raw rows and daily totals), orders and consent choices; only staff read it;
//! the page draws its charts on the server with a table of the same figures.

use crate::{
    accounts::registered_shopper,
    admin::staff,
    cart::{product_id, set_stock},
    checkout::{PANEL, buy_cart},
    db_test,
    helpers::{Browser, TestApp},
};
use app::domain::{account::Role, time::date};
use reqwest::StatusCode;
use serde_json::Value;

const DAY: i64 = 86_400;

async fn exec(app: &TestApp, sql: &str) {
    sqlx::query(sql)
        .execute(app.state.db.pool())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn dashboard(b: &Browser, from: i64, to: i64) -> Value {
    let res = b
        .get(&format!(
            "/api/admin/analytics?from={}&to={}",
            date(from),
            date(to)
        ))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn pairs(list: &Value) -> Vec<(String, i64)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["count"].as_i64().unwrap(),
            )
        })
        .collect()
}

async fn the_dashboard_adds_up_a_seeded_set_of_events(app: TestApp) {
    let now = app::backend::now();
    let today = now - now % DAY;
    let (d2, d1) = (today - 2 * DAY, today - DAY);
    // Raw page views: two visitors yesterday, one today; one long before the range.
    for (at, path, lang, visitor) in [
        (d1 + 10, "/products/solara", "en", "a"),
        (d1 + 20, "/cart", "en", "a"),
        (d1 + 30, "/products/tourline", "zh", "b"),
        (today + 1, "/checkout", "en", "a"),
        (today - 9 * DAY, "/", "en", "c"),
    ] {
        exec(
            &app,
            &format!(
                "INSERT INTO page_views (at, path, ip_network, language, visitor_id, user_id)
                 VALUES ({at}, '{path}', '203.0.113.0/24', '{lang}', '{}', NULL)",
                visitor.repeat(32)
            ),
        )
        .await;
    }
    // Daily totals of a day whose raw rows have expired, and of one outside the range.
    for (day, kind, name, n) in [
        (d2, "views", "/products/solara", 4),
        (d2, "views", "/", 2),
        (d2, "visitors", "", 3),
        (d2, "languages", "en", 5),
        (d2, "languages", "zh", 1),
        (today - 10 * DAY, "views", "/", 100),
    ] {
        exec(
            &app,
            &format!(
                "INSERT INTO analytics_daily (day, kind, name, count) VALUES ({day}, '{kind}', '{name}', {n})"
            ),
        )
        .await;
    }
    // Two paid orders today; one of them is refunded afterwards and no longer counts.
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    let shopper = app.new_browser();
    let user = registered_shopper(&app, &shopper, "mei@example.com").await;
    let mut totals = Vec::new();
    for _ in 0..2 {
        shopper
            .call(
                "cart/add",
                &[("product", &panel.to_string()), ("quantity", "1")],
            )
            .await;
        let placed = buy_cart(&shopper).await;
        totals.push(placed["id"].as_i64().unwrap());
    }
    exec(
        &app,
        &format!(
            "UPDATE orders SET status = 'refunded' WHERE id = {}",
            totals[1]
        ),
    )
    .await;
    let kept_total: i64 = sqlx::query_scalar("SELECT total_minor FROM orders WHERE id = $1")
        .bind(totals[0])
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    // Consent choices two days ago (registration's own choices are today's).
    for (purpose, granted) in [
        ("analytics", 1),
        ("analytics", 1),
        ("analytics", 0),
        ("marketing", 0),
    ] {
        exec(
            &app,
            &format!(
                "INSERT INTO consent_events (user_id, purpose, granted, at, policy_version)
                 VALUES ({user}, '{purpose}', {granted}, {}, 1)",
                d2 + 100
            ),
        )
        .await;
    }

    // Shoppers cannot read it.
    let res = shopper.get("/api/admin/analytics?from=&to=").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let staff = staff(&app, "kai@lumenwall.example", Role::Staff).await;
    let d = dashboard(&staff, d2, today).await;
    let days: Vec<(i64, i64, i64, i64)> = d["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["views"].as_i64().unwrap(),
                f["visitors"].as_i64().unwrap(),
                f["paid_orders"].as_i64().unwrap(),
                f["revenue_minor"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(days, [(6, 3, 0, 0), (3, 2, 0, 0), (1, 1, 1, kept_total)]);
    assert_eq!(
        pairs(&d["top_pages"]),
        [
            ("/products/solara".to_string(), 5),
            ("/".to_string(), 2),
            ("/cart".to_string(), 1),
            ("/checkout".to_string(), 1),
            ("/products/tourline".to_string(), 1),
        ]
    );
    assert_eq!(
        pairs(&d["languages"]),
        [("en".to_string(), 8), ("zh".to_string(), 2)]
    );
    assert_eq!(d["funnel"]["product_views"], 6);
    assert_eq!(d["funnel"]["cart_views"], 1);
    assert_eq!(d["funnel"]["checkout_views"], 1);
    assert_eq!(d["funnel"]["paid_orders"], 1);

    // Only the seeded choices two days ago.
    let d = dashboard(&staff, d2, d2).await;
    let consent: Vec<(String, i64, i64)> = d["consent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["purpose"].as_str().unwrap().to_string(),
                c["granted"].as_i64().unwrap(),
                c["refused"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        consent,
        [
            ("analytics".to_string(), 2, 1),
            ("marketing".to_string(), 0, 1)
        ]
    );
    assert_eq!(d["days"].as_array().unwrap().len(), 1);

    // Ends the wrong way round are swapped; a range is at most a year; the default is the
    // last 30 days; a date that is not one is refused.
    let d = dashboard(&staff, today, d2).await;
    assert_eq!(d["days"].as_array().unwrap().len(), 3);
    let d = dashboard(&staff, today - 1000 * DAY, today).await;
    assert_eq!(d["days"].as_array().unwrap().len(), 366);
    let d: Value = staff
        .get("/api/admin/analytics?from=&to=")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(d["days"].as_array().unwrap().len(), 30);
    assert_eq!(d["to"], today);
    let res = staff.get("/api/admin/analytics?from=2026-02-30&to=").await;
    assert!(res.status().is_client_error(), "{}", res.status());
    let res = staff
        .get(&format!("/api/admin/analytics?from={}&to=", "9".repeat(40)))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // The page draws the charts on the server, each with its table, in both languages.
    let (status, html) = staff
        .page(&format!(
            "/admin/analytics?from={}&to={}",
            date(d2),
            date(today)
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        html.matches(r#"class="chart-drawing""#).count(),
        7,
        "{html}"
    );
    assert!(html.contains("Most viewed pages"));
    let text = html.replace("<!>", "");
    assert!(text.contains(r#"<td dir="auto">/products/solara</td><td class="num">5</td>"#));
    assert!(html.contains(&format!(r#"value="{}""#, date(d2))));
    let res = staff.call("language/set", &[("lang", "zh")]).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let (_, html) = staff
        .page(&format!(
            "/admin/analytics?from={}&to={}",
            date(d2),
            date(today)
        ))
        .await;
    assert!(html.contains("浏览最多的页面"), "the Chinese page");
}
db_test!(the_dashboard_adds_up_a_seeded_set_of_events);
