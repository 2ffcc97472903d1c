//! Recommendations on /account, on both databases: picked from the shopper's own views and
//! orders while they allow analytics, never a product they bought; nothing without the
//! consent, even when records of them exist.

use crate::{
    accounts::registered_shopper,
    analytics::{VIEWS, allow, wait_for},
    cart::{product_id, set_stock},
    checkout::{PANEL, buy_cart},
    db_test,
    helpers::{Browser, TestApp},
};
use reqwest::StatusCode;
use serde_json::Value;

async fn picks(b: &Browser) -> Vec<Value> {
    let res = b.get("/api/account/recommendations").await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Vec<Value>>().await.unwrap()
}

async fn recommendations_come_from_own_views_and_orders_with_consent(app: TestApp) {
    let rental: Value = app
        .get("/api/catalog/list?query[category]=Rental&query[page]=1")
        .await
        .json()
        .await
        .unwrap();
    let slugs: Vec<String> = rental["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap().to_string())
        .filter(|s| s != PANEL)
        .collect();
    assert!(slugs.len() >= 2, "{rental}");
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;

    // Without consent nothing is read: not even records that exist.
    let mei = app.new_browser();
    let id = registered_shopper(&app, &mei, "mei@example.com").await;
    sqlx::query(&format!(
        "INSERT INTO page_views (at, path, ip_network, language, visitor_id, user_id)
         VALUES (1, '/products/{}', '', 'en', '{}', {id})",
        slugs[0],
        "a".repeat(32)
    ))
    .execute(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(picks(&mei).await, Vec::<Value>::new());
    let (_, page) = mei.page("/account").await;
    assert!(!page.contains("Picked for you"));

    // With it: she looks at two rental panels and buys one.
    allow(&mei, "accept").await;
    mei.page(&format!("/products/{PANEL}")).await;
    mei.page(&format!("/products/{}", slugs[1])).await;
    mei.page(&format!("/products/{}", slugs[1])).await;
    wait_for(&app, VIEWS, 4).await;
    mei.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    buy_cart(&mei).await;

    let picked = picks(&mei).await;
    assert!(!picked.is_empty());
    assert!(picked.len() <= 4);
    assert!(
        picked.iter().all(|p| p["slug"] != PANEL),
        "never what she bought: {picked:?}"
    );
    assert!(
        picked.iter().all(|p| p["category"] == "Rental"),
        "{picked:?}"
    );
    assert_eq!(
        picked[0]["slug"],
        slugs[1].as_str(),
        "the one she looked at most"
    );
    let (_, page) = mei.page("/account").await;
    assert!(page.contains("Picked for you"));
    assert!(page.contains(&format!("/products/{}", slugs[1])));

    // Withdrawn, none: her records are no longer read.
    allow(&mei, "reject").await;
    assert_eq!(picks(&mei).await, Vec::<Value>::new());

    // Only for a signed-in shopper.
    let guest = app.new_browser();
    let res = guest.get("/api/account/recommendations").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}
db_test!(recommendations_come_from_own_views_and_orders_with_consent);
