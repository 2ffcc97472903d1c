//! Several app servers on one database behave like one (as behind a load balancer): a
//! session made on one works on the other, a change made through one shows on the other's
//! kept pages within a second, and work both do at once is done once.

use crate::{
    accounts::registered_shopper,
    cart::product_id,
    catalog_admin::kept_page,
    checkout::{address_and_delivery, enter_card},
    db_test,
    helpers::{Browser, TestApp},
};
use reqwest::StatusCode;
use serde_json::Value;
use std::time::{Duration, Instant};

const PANEL: &str = "tourline-r-p3-91";

/// The same browser (its cookies) talking to another server.
fn at(b: &Browser, base: &str) -> Browser {
    Browser {
        base: base.to_string(),
        client: b.client.clone(),
    }
}

/// Whether a kept page shows the product out of stock, and where it came from.
async fn stock_class(b: &Browser, path: &str) -> (String, String) {
    let (cache, _, html) = kept_page(b, path).await;
    let class = if html.contains("stock stock-out") {
        "out"
    } else {
        "in"
    };
    (class.to_string(), cache)
}

async fn two_servers_behave_like_one(app: TestApp) {
    let (base_b, state_b) = app.another_server().await;

    // A session made on A works on B, and signing out on B ends it on A.
    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "mei@example.com").await;
    let on_b = at(&shopper, &base_b);
    let me: Value = on_b.get("/api/account/me").await.json().await.unwrap();
    assert_eq!(me["email"], "mei@example.com", "{me}");

    // A stock change made through A shows on B's kept page within a second.
    let path = format!("/products/{PANEL}");
    let visitor_b = Browser::new(&base_b);
    assert_eq!(stock_class(&visitor_b, &path).await.0, "in");
    assert_eq!(stock_class(&visitor_b, &path).await.1, "hit");
    let staff = crate::admin::staff(
        &app,
        "kai@lumenwall.example",
        app::domain::account::Role::Staff,
    )
    .await;
    let id = product_id(&app, PANEL).await.to_string();
    let stock: Value = staff
        .get(&format!("/api/catalog/product?slug={PANEL}"))
        .await
        .json()
        .await
        .unwrap();
    let current = stock["card"]["stock"].as_i64().unwrap();
    let res = staff
        .call(
            "admin/adjust-stock",
            &[
                ("id", &id),
                ("delta", &(-current).to_string()),
                ("reason", "counted"),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    let changed = Instant::now();
    loop {
        if stock_class(&visitor_b, &path).await.0 == "out" {
            break;
        }
        assert!(
            changed.elapsed() < Duration::from_secs(1),
            "server B still shows the old stock after a second"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    eprintln!("B showed the change after {:?}", changed.elapsed());

    // Both servers' workers run at once: each mail and each parcel goes out once.
    let res = staff
        .call(
            "admin/adjust-stock",
            &[("id", &id), ("delta", "40"), ("reason", "delivery")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let mut buyers = Vec::new();
    for i in 0..12 {
        let base = if i % 2 == 0 { &app.base } else { &base_b };
        let b = Browser::new(base);
        b.call("cart/add", &[("product", &id), ("quantity", "1")])
            .await;
        address_and_delivery(&b, Some(&format!("b{i}@example.com")), "DE").await;
        buyers.push(b);
    }
    let places = buyers.iter().map(|b| async move {
        let key = enter_card(b, crate::checkout::GOOD_CARD).await["key"]
            .as_str()
            .unwrap()
            .to_string();
        b.call("checkout/place", &[("key", &key)]).await.status()
    });
    for status in futures_util::future::join_all(places).await {
        assert_eq!(status, StatusCode::OK);
    }
    state_b.mail_written();
    app.state.mail_written();
    let pool = app.state.db.pool();
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(pool)
            .await
            .unwrap()
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while count("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").await
        + count("SELECT COUNT(*) FROM carrier_handoffs WHERE booked_at IS NULL").await
        > 0
    {
        assert!(Instant::now() < deadline, "the outboxes were not emptied");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        count("SELECT COUNT(*) FROM outbox WHERE attempts <> 1").await,
        0,
        "every mail sent once"
    );
    assert_eq!(count("SELECT COUNT(*) FROM sandbox_parcels").await, 12);
    assert_eq!(
        count("SELECT COUNT(*) FROM carrier_handoffs WHERE attempts <> 1").await,
        0,
        "every parcel booked once"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM disclosures WHERE purpose = 'delivery'").await,
        12
    );
}
db_test!(two_servers_behave_like_one);
