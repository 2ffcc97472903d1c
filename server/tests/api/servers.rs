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
    let took = within_a_second(
        "the stock on B's kept page",
        || async { stock_class(&visitor_b, &path).await.0 },
        |class| class == "out",
    )
    .await;
    eprintln!("B showed the change after {took:?}");

    // Both servers' workers run at once: each mail goes out once. Staff ship every order
    // from both servers at once: each parcel is booked once and shipped once.
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
        let view = enter_card(b, crate::checkout::GOOD_CARD).await;
        let key = view["key"].as_str().unwrap();
        let review = view["review"].as_str().unwrap();
        let res = crate::checkout::place_reviewed(b, key, review).await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
    });
    let orders = futures_util::future::join_all(places).await;
    let staff_b = at(&staff, &base_b);
    let ships = orders.iter().flat_map(|order| {
        let order = order.to_string();
        [staff.clone(), staff_b.clone()].map(|s| {
            let order = order.clone();
            async move { s.call("admin/order-ship", &[("id", &order)]).await.status() }
        })
    });
    let statuses = futures_util::future::join_all(ships).await;
    for pair in statuses.chunks(2) {
        assert!(
            pair.contains(&StatusCode::OK)
                && pair
                    .iter()
                    .all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT),
            "{pair:?}"
        );
    }
    state_b.outbox_written();
    app.state.outbox_written();
    let pool = app.state.db.pool();
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(pool)
            .await
            .unwrap()
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while count("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").await > 0 {
        assert!(Instant::now() < deadline, "the outbox was not emptied");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        count("SELECT COUNT(*) FROM outbox WHERE attempts <> 1").await,
        0,
        "every mail sent once"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM orders WHERE status = 'shipped'").await,
        12
    );
    assert_eq!(count("SELECT COUNT(*) FROM sandbox_parcels").await, 12);
    assert_eq!(
        count("SELECT COUNT(*) FROM carrier_handoffs WHERE attempts <> 1 OR booked_at IS NULL")
            .await,
        0,
        "every parcel booked once"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM disclosures WHERE purpose = 'delivery'").await,
        12
    );
    // One "shipped" mail per order.
    assert_eq!(
        count("SELECT COUNT(*) FROM order_events WHERE status = 'shipped'").await,
        12
    );
}
db_test!(two_servers_behave_like_one);

/// Waits up to a second for `seen` to hold of what `read` answers; how long it took.
async fn within_a_second<T: std::fmt::Debug, F: Future<Output = T>>(
    what: &str,
    read: impl Fn() -> F,
    seen: impl Fn(&T) -> bool,
) -> Duration {
    let changed = Instant::now();
    loop {
        let now = read().await;
        if seen(&now) {
            return changed.elapsed();
        }
        assert!(
            changed.elapsed() < Duration::from_secs(1),
            "{what}: still {now:?} after a second"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Pages keep the signed-in account and the cart lines in memory between requests
/// (`shopper_cache.rs`); a change made anywhere (another server, any code writing the tables)
/// shows within a second, and on the server that made it at once.
async fn kept_accounts_and_carts_follow_every_change(app: TestApp) {
    let (base_b, _state_b) = app.another_server().await;
    let pool = app.state.db.pool();
    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "mei@example.com").await;
    let on_b = at(&shopper, &base_b);
    let me = |b: &Browser| {
        let b = b.clone();
        async move {
            let me: Value = b.get("/api/account/me").await.json().await.unwrap();
            me
        }
    };
    let name_on_b = me(&on_b).await["full_name"].clone();
    assert_eq!(me(&on_b).await["full_name"], name_on_b);

    // Renamed by a statement no server made: B shows the new name.
    sqlx::query("UPDATE users SET full_name = 'Mei Renamed' WHERE email = 'mei@example.com'")
        .execute(pool)
        .await
        .unwrap();
    within_a_second(
        "the name on B",
        || me(&on_b),
        |me| me["full_name"] == "Mei Renamed",
    )
    .await;

    // Added to the cart on A: A shows it at once, B within a second.
    let units = |b: &Browser| {
        let b = b.clone();
        async move {
            let summary: Value = b.get("/api/cart/summary").await.json().await.unwrap();
            summary["units"].as_i64().unwrap()
        }
    };
    assert_eq!(units(&on_b).await, 0);
    assert_eq!(units(&shopper).await, 0);
    let id = product_id(&app, PANEL).await.to_string();
    let res = shopper
        .call("cart/add", &[("product", &id), ("quantity", "2")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(units(&shopper).await, 2, "A, right after its own write");
    within_a_second("the cart on B", || units(&on_b), |units| *units == 2).await;

    // Suspended: B no longer counts the account as signed in.
    sqlx::query("UPDATE users SET status = 'suspended' WHERE email = 'mei@example.com'")
        .execute(pool)
        .await
        .unwrap();
    within_a_second("the suspended account on B", || me(&on_b), Value::is_null).await;

    // A staff member made a shopper loses the back office on B.
    let staff = crate::admin::staff(
        &app,
        "kai@lumenwall.example",
        app::domain::account::Role::Staff,
    )
    .await;
    let staff_on_b = at(&staff, &base_b);
    let customers = || {
        let b = staff_on_b.clone();
        async move { b.get("/api/admin/customers?query=&page=1").await.status() }
    };
    assert_eq!(customers().await, StatusCode::OK);
    assert_eq!(customers().await, StatusCode::OK);
    sqlx::query("UPDATE users SET role = 'shopper' WHERE email = 'kai@lumenwall.example'")
        .execute(pool)
        .await
        .unwrap();
    // A write checks the database, not the kept copy: refused at once, before B has read
    // the change log.
    let res = staff_on_b
        .call(
            "admin/adjust-stock",
            &[("id", &id), ("delta", "5"), ("reason", "counted")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    within_a_second("the demoted staff on B", customers, |s| {
        *s == StatusCode::FORBIDDEN
    })
    .await;
}
db_test!(kept_accounts_and_carts_follow_every_change);
