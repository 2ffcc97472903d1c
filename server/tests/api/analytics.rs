//! First-party analytics (P2): only with consent, the address cut as it arrives, visits,
//! clicks, kept pages counted, retention into daily totals, erasure by account and visitor.

use crate::{
    accounts::{PASSWORD, registered_shopper},
    catalog_admin::kept_page,
    checkout::count,
    db_test,
    helpers::{Browser, TestApp},
};
use app::backend::analytics;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

/// Waits until `sql` counts `n` (page views are recorded after the answer has gone).
pub async fn wait_for(app: &TestApp, sql: &str, n: i64) {
    for _ in 0..100 {
        if count(app, sql).await == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(count(app, sql).await, n, "{sql}");
}

/// Gives time for views that should not be recorded to show up if they were.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(300)).await;
}

pub async fn allow(b: &Browser, answer: &str) {
    let res = b.call("privacy/consent", &[("answer", answer)]).await;
    assert_eq!(res.status(), StatusCode::OK);
}

async fn clicks(b: &Browser, clicks: Value) -> reqwest::Response {
    b.call_json("analytics/clicks", &json!({ "clicks": clicks }))
        .await
}

pub const VIEWS: &str = "SELECT COUNT(*) FROM page_views";

async fn page_views_are_counted_only_with_consent(app: TestApp) {
    let visitor = app.new_browser();
    visitor.page("/catalog").await;
    visitor.page("/privacy").await;
    allow(&visitor, "reject").await;
    visitor.page("/catalog").await;
    settle().await;
    assert_eq!(count(&app, VIEWS).await, 0, "no consent, no record");

    allow(&visitor, "accept").await;
    // A kept page (the second is served from memory) counts like a rendered one.
    kept_page(&visitor, "/catalog").await;
    let (cache, _, _) = kept_page(&visitor, "/catalog").await;
    assert_eq!(cache, "hit");
    visitor.page("/search?q=my+secret+words").await;
    wait_for(&app, VIEWS, 3).await;
    let rows: Vec<(String, String, String, Option<i64>)> =
        sqlx::query_as("SELECT path, ip_network, language, user_id FROM page_views ORDER BY id")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    // (Recorded after each answer, so not necessarily in the order the pages were asked.)
    assert!(rows.contains(&("/catalog".into(), "127.0.0.0/24".into(), "en".into(), None)));
    assert!(
        rows.iter().any(|r| r.0 == "/search"),
        "the query is not kept: {rows:?}"
    );
    // Not a page: server functions, the API, files.
    visitor.get("/api/privacy/consent-state").await;
    visitor.get("/favicon.svg").await;
    settle().await;
    assert_eq!(count(&app, VIEWS).await, 3);

    // Global Privacy Control and Do Not Track: not counted, whatever the cookie says.
    for header in [("sec-gpc", "1"), ("dnt", "1")] {
        visitor
            .client
            .get(visitor.url("/catalog"))
            .header("accept", "text/html")
            .header(header.0, header.1)
            .send()
            .await
            .unwrap();
    }
    settle().await;
    assert_eq!(count(&app, VIEWS).await, 3);

    // One visit until half an hour passes without a page.
    let visits = "SELECT visits FROM analytics_visitors";
    assert_eq!(count(&app, visits).await, 1);
    sqlx::query("UPDATE analytics_visitors SET last_seen_at = last_seen_at - 1800")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    visitor.page("/").await;
    wait_for(&app, VIEWS, 4).await;
    wait_for(&app, visits, 2).await;

    // Withdrawing stops the counting and removes the visitor cookie.
    let res = visitor
        .call("privacy/consent", &[("answer", "reject")])
        .await;
    let cookies: Vec<&str> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("visitor=;")),
        "{cookies:?}"
    );
    visitor.page("/catalog").await;
    settle().await;
    assert_eq!(count(&app, VIEWS).await, 4);
}
db_test!(page_views_are_counted_only_with_consent);

async fn an_ipv6_address_keeps_its_48_bits(app: TestApp) {
    let visitor = app.new_browser();
    allow(&visitor, "accept").await;
    visitor
        .client
        .get(visitor.url("/catalog"))
        .header("accept", "text/html")
        .header("x-forwarded-for", "2001:db8:85a3:8d3:1319:8a2e:370:7348")
        .send()
        .await
        .unwrap();
    wait_for(&app, VIEWS, 1).await;
    let network: String = sqlx::query_scalar("SELECT ip_network FROM page_views")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(network, "2001:db8:85a3::/48");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM page_views WHERE ip_network LIKE '%8d3%'"
        )
        .await,
        0
    );
}
db_test!(
    an_ipv6_address_keeps_its_48_bits,
    [("SHOP_TRUSTED_PROXIES", "127.0.0.1")]
);

async fn clicks_need_consent_and_are_bounded(app: TestApp) {
    let visitor = app.new_browser();
    let one = json!([{ "path": "/catalog?page=2", "label": "/products/solara-fx-p4?x=1" }]);
    let res = clicks(&visitor, one.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.json::<i64>().await.unwrap(),
        0,
        "no consent: nothing kept"
    );
    allow(&visitor, "accept").await;
    assert_eq!(clicks(&visitor, one).await.json::<i64>().await.unwrap(), 1);
    let (path, label): (String, String) = sqlx::query_as("SELECT path, label FROM clicks")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        (path.as_str(), label.as_str()),
        ("/catalog", "/products/solara-fx-p4")
    );
    let many: Vec<Value> = (0..51)
        .map(|_| json!({ "path": "/", "label": "/cart" }))
        .collect();
    assert_eq!(
        clicks(&visitor, Value::Array(many)).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let res = clicks(&visitor, json!("not a list")).await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM clicks").await, 1);
}
db_test!(clicks_need_consent_and_are_bounded);

async fn old_records_become_daily_totals(app: TestApp) {
    let visitor = app.new_browser();
    allow(&visitor, "accept").await;
    for path in ["/", "/catalog", "/catalog"] {
        visitor.page(path).await;
    }
    wait_for(&app, VIEWS, 3).await;
    clicks(&visitor, json!([{ "path": "/", "label": "/catalog" }])).await;
    // Two of the views and the click happened on 2026-01-10, the third stays recent.
    let day = 1_768_003_200; // 2026-01-10T00:00:00Z
    let pool = app.state.db.pool();
    sqlx::query("UPDATE page_views SET at = $1 + id WHERE id IN (SELECT id FROM page_views ORDER BY id LIMIT 2)")
        .bind(day)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("UPDATE clicks SET at = $1")
        .bind(day + 60)
        .execute(pool)
        .await
        .unwrap();

    // The clock is chosen: 90 days after that day, the day is not yet past retention…
    let expire = |at: i64| analytics::expire(&app.state, at, 90);
    assert_eq!(expire(day + 90 * 86_400).await.unwrap(), 0);
    assert_eq!(count(&app, VIEWS).await, 3);
    // …a day later it is, and two servers doing it at once count it once.
    let later = day + 91 * 86_400 + 10;
    let (a, b) = tokio::join!(expire(later), expire(later));
    assert_eq!(a.unwrap() + b.unwrap(), 3);
    assert_eq!(count(&app, VIEWS).await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM clicks").await, 0);
    let totals: Vec<(i64, String, String, i64)> =
        sqlx::query_as("SELECT day, kind, name, count FROM analytics_daily ORDER BY kind, name")
            .fetch_all(pool)
            .await
            .unwrap();
    let first_two: Vec<String> = sqlx::query_scalar::<_, String>("SELECT path FROM page_views")
        .fetch_all(pool)
        .await
        .unwrap();
    assert_eq!(first_two, ["/catalog"], "the recent view stays");
    assert_eq!(
        totals,
        [
            (day, "clicks".into(), "/catalog".into(), 1),
            (day, "languages".into(), "en".into(), 2),
            (day, "views".into(), "/".into(), 1),
            (day, "views".into(), "/catalog".into(), 1),
            (day, "visitors".into(), String::new(), 1),
        ]
    );
}
db_test!(old_records_become_daily_totals);

async fn erasure_takes_the_analytics_of_the_account_and_its_visitor(app: TestApp) {
    // Mei allows analytics, browses, then registers and browses signed in.
    let mei = app.new_browser();
    allow(&mei, "accept").await;
    mei.page("/catalog").await;
    wait_for(&app, VIEWS, 1).await;
    let id = registered_shopper(&app, &mei, "mei@example.com").await;
    mei.page("/cart").await;
    wait_for(&app, VIEWS, 2).await;
    clicks(&mei, json!([{ "path": "/cart", "label": "/checkout" }])).await;
    // Someone else's records stay.
    let other = app.new_browser();
    allow(&other, "accept").await;
    other.page("/").await;
    wait_for(&app, VIEWS, 3).await;

    // Her data page shows both views, the one from before she signed in too.
    let doc: Value = mei.get("/api/account/export").await.json().await.unwrap();
    let mut pages: Vec<&str> = doc["analytics_page_views"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["page"].as_str().unwrap())
        .collect();
    pages.sort();
    assert_eq!(pages, ["/cart", "/catalog"]);
    assert_eq!(doc["analytics_visits"][0]["visits"], 1);
    assert_eq!(doc["analytics_clicks"][0]["clicked"], "/checkout");
    let (_, page) = mei.page("/account/data").await;
    assert!(page.contains("Pages you opened (analytics)"));

    let res = mei.call("account/delete", &[("password", PASSWORD)]).await;
    assert!(res.status().is_redirection() || res.status().is_success());
    let receipt = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(
        count(&app, VIEWS).await,
        1,
        "only the other visitor's view is left"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM clicks").await, 0);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM analytics_visitors").await,
        1
    );
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM page_views WHERE user_id = {}",
                id.get()
            )
        )
        .await,
        0
    );
    // The receipt names what went.
    let (_, page) = mei.page(&receipt).await;
    assert!(page.contains("Pages you opened (analytics)"), "{page}");
}
db_test!(erasure_takes_the_analytics_of_the_account_and_its_visitor);

/// A browser deletes its own records from the choices page, without an account.
async fn a_visitor_deletes_their_own_records(app: TestApp) {
    let visitor = app.new_browser();
    allow(&visitor, "accept").await;
    visitor.page("/catalog").await;
    let other = app.new_browser();
    allow(&other, "accept").await;
    other.page("/").await;
    wait_for(&app, VIEWS, 2).await;
    let res = visitor.call("privacy/forget-visits", &[]).await;
    assert_eq!(
        res.json::<i64>().await.unwrap(),
        2,
        "a view and the visitor"
    );
    assert_eq!(count(&app, VIEWS).await, 1);
}
db_test!(a_visitor_deletes_their_own_records);
